import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ARTIFACTS,
  chromiumOrExplainSkip,
  ensureWebBuild,
  launchChromium,
} from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

/*
 * The web client in a real browser (Debian's Chromium through playwright-core), against a real
 * server and database: the seed's example flow end to end, as a person would click through it.
 */

const chromiumPath = chromiumOrExplainSkip('web client');
const describeInBrowser = chromiumPath ? describe : describe.skip;

/** The seed's first five messages about Alex (the fifth makes the summary). */
const MESSAGES = [
  'My boyfriend Alex broke up with me last week and I cannot stop crying.',
  'We were together for 3 years and I thought he was the one.',
  'I feel so alone since the breakup, my friends are tired of hearing about it.',
  'Some days I feel angry at him for giving up on us so fast.',
  'I keep replaying the last conversation we had in my head.',
];

describeInBrowser('web client', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const shot = (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    ensureWebBuild();
    // The server's own generated secret, so "Try it locally" is offered; a fast check-in timer.
    t = await startTestServer({
      env: { AMORA_JWT_SECRET: '', AMORA_FOLLOWUP_TICK_MS: '300' },
    });
    browser = await launchChromium(chromiumPath!);
    context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      acceptDownloads: true,
      timezoneId: 'Europe/Berlin',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('walks the seed flow: session, five messages, summary, like, regenerate, live check-in, export, delete', async () => {
    await page.goto(`${t.url}/`);
    await shot('01-sign-in');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Try it locally' }).click();
    await page.getByRole('heading', { name: 'Your sessions' }).waitFor();

    // 1. Create a session.
    await page.getByLabel('What is it about?').fill('Breakup with Alex');
    await page.getByLabel('Topic (optional)').selectOption('heartbreak');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('heading', { name: 'Breakup with Alex' }).waitFor();
    const sessionId = /\/sessions\/([0-9a-f-]{36})$/.exec(page.url())![1];

    // 2. Five messages, each with Amora visibly writing, then answering. (Each answer is held back
    // a little on its way, so that the writing state cannot come and go between two looks.)
    await page.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('mutation Send')) await sleep(400);
      await route.continue();
    });
    const answers = page.locator('article.msg.amora');
    for (const [i, text] of MESSAGES.entries()) {
      await page.getByLabel('Your message').fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Amora is writing').waitFor();
      await page.getByText('Amora is writing').waitFor({ state: 'detached' });
      await expectCount(answers, i + 1);
      expect(await page.locator('article.msg.user').nth(i).innerText()).toBe(text);
    }

    // 3. The summary appears after the fifth message, as stored.
    const [stored] = await t.db.query<{ summary_text: string; next_plan_text: string }>(
      'SELECT summary_text, next_plan_text FROM amora_sessions WHERE id = $1',
      [sessionId],
    );
    expect(stored.summary_text).toBeTruthy();
    expect(await page.getByTestId('summary').innerText()).toBe(stored.summary_text);
    expect(await page.getByTestId('next-plan').innerText()).toBe(stored.next_plan_text);

    // 4. Like the first answer: the button stays pressed and the rating is stored.
    const first = answers.nth(0);
    await first.getByRole('button', { name: 'Like', exact: true }).click();
    await expectAttribute(
      first.getByRole('button', { name: 'Like', exact: true }),
      'aria-pressed',
      'true',
    );
    const likedId = await first.getAttribute('data-message-id');
    const likes = await t.db.query(
      `SELECT 1 FROM amora_session_feedback WHERE message_id = $1 AND feedback_type = 'like'`,
      [likedId],
    );
    expect(likes).toHaveLength(1);

    // Copy puts the answer on the clipboard.
    await first.getByRole('button', { name: 'Copy' }).click();
    await first.getByRole('button', { name: 'Copied' }).waitFor();
    // (Browser-side code as text: this file is compiled without the DOM's types.)
    const clip = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(clip).toBe(await first.locator('p').first().innerText());

    // 5. Regenerate the second answer: a new text in its place, the old one folded away.
    const second = answers.nth(1);
    const before = await second.locator('p').first().innerText();
    await second.getByRole('button', { name: 'Regenerate' }).click();
    const folded = page.locator('details.replaced');
    await folded.waitFor();
    expect(await answers.count()).toBe(5);
    const after = await answers.nth(1).locator('p').first().innerText();
    expect(after).not.toBe(before);
    expect(await folded.locator('p').isVisible()).toBe(false);
    await folded.locator('summary').click();
    expect(await folded.locator('p').innerText()).toBe(before);
    await shot('02-conversation');
    expect(await accessibilityProblems(page)).toEqual([]);

    // 6. Switch daily check-ins on in the browser's zone, at a time already past today: the
    // server's timer finds it due and the toast arrives live over the subscription. The time is a
    // few minutes ago there, not a fixed one: in the hour before midnight "00:00" is tomorrow's
    // check-in less than an hour away, which the first-check-in rule moves to tomorrow.
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    await page.getByLabel('Amora checks in with me every day').check();
    const berlin = DateTime.now().setZone('Europe/Berlin');
    const past = berlin.minus({ minutes: 5 });
    await page
      .getByLabel('Time', { exact: true })
      .fill(past.day === berlin.day ? past.toFormat('HH:mm') : '00:00');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'Sessions' }).click();
    const toast = page.locator('.toast');
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.innerText()).toContain('Breakup with Alex');
    const prompt = await toast.locator('.prompt').innerText();
    await shot('03-check-in-toast');
    expect(await accessibilityProblems(page)).toEqual([]);

    // 7. Open it: the session, with the prompt.
    await toast.getByRole('button', { name: 'Open check-in' }).click();
    await page.getByRole('heading', { name: 'Breakup with Alex' }).waitFor();
    expect(await page.locator('.checkin-banner').innerText()).toContain(prompt);
    expect(await page.locator('article.msg.checkin p').last().innerText()).toBe(prompt);
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('composer');

    // The progress view, with both charts drawn.
    await page.getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { name: 'How far each topic has gone' }).waitFor();
    expect(await page.locator('canvas').count()).toBe(2);
    expect(await page.locator('.figures').innerText()).toMatch(/Messages from you\s*5/);
    await page.getByRole('row', { name: /heartbreak/i }).waitFor();
    await shot('04-progress');
    expect(await accessibilityProblems(page)).toEqual([]);

    // 8. Export: a download with everything said.
    await page.getByRole('link', { name: 'Your data' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const session = exported.sessions.find((s: { id: string }) => s.id === sessionId);
    expect(session.title).toBe('Breakup with Alex');
    const userTexts = session.messages
      .filter((m: { sender: string }) => m.sender === 'USER')
      .map((m: { text: string }) => m.text);
    expect(userTexts).toEqual(MESSAGES);
    await shot('05-your-data');
    expect(await accessibilityProblems(page)).toEqual([]);

    // 9. Delete everything, after typing the confirmation.
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    const confirm = page.getByRole('button', { name: 'Delete everything for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Type delete to confirm').fill('delete');
    await confirm.click();
    await page.getByText('Everything was deleted').waitFor();
    await page.getByText('No sessions yet').waitFor();
    const left = await t.db.query('SELECT 1 FROM amora_sessions WHERE id = $1', [sessionId]);
    expect(left).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('renames, pauses and deletes a session, and scrolls back through a long history', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${t.url}/`);
    await page.getByLabel('What is it about?').fill('Long talk');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('heading', { name: 'Long talk' }).waitFor();
    const sessionId = /\/sessions\/([0-9a-f-]{36})$/.exec(page.url())![1];

    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('Session name').fill('Talking with Sam');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('heading', { name: 'Talking with Sam' }).waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await page.locator('.session-head .status').innerText()).toMatch(/paused/i);

    // Fifty stored messages: the page opens on the newest and loads older ones on scrolling up.
    const [owner] = await t.db.query<{ user_id: string }>(
      'SELECT user_id FROM amora_sessions WHERE id = $1',
      [sessionId],
    );
    await t.db.query(
      `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, created_at)
       SELECT gen_random_uuid(), $1, $2, (CASE WHEN g % 2 = 1 THEN 'user' ELSE 'amora' END)::amora_sender,
              'History message ' || g, '{}', now() - (60 - g) * interval '1 minute'
       FROM generate_series(1, 50) g ORDER BY g`,
      [sessionId, owner.user_id],
    );
    await page.reload();
    await page.getByText('History message 50', { exact: true }).waitFor();
    expect(await page.getByText('History message 1', { exact: true }).count()).toBe(0);
    for (let i = 0; i < 10; i++) {
      await page.locator('.log').evaluate((el) => (el.scrollTop = 0));
      if ((await page.getByText('This is the start of the session.').count()) > 0) break;
      await page.waitForTimeout(300);
    }
    await page.getByText('This is the start of the session.').waitFor();
    const texts = await page.locator('article.msg p').allInnerTexts();
    expect(texts).toEqual(Array.from({ length: 50 }, (_, i) => `History message ${i + 1}`));
    await shot('06-phone-conversation');
    expect(await accessibilityProblems(page)).toEqual([]);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { name: 'Your sessions' }).waitFor();
    expect(await page.getByText('Talking with Sam').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('serves GraphiQL offline with the signed-in token in its headers', async () => {
    await page.setViewportSize({ width: 1200, height: 800 });
    const token = await page.evaluate<string | null>("localStorage.getItem('amora.token')");
    expect(token).toBeTruthy();
    await page.goto(`${t.url}/graphiql`);
    await page.getByText('MySessions').first().waitFor({ timeout: 30_000 });
    // The editors come up in web workers a moment after the page: run until an answer shows.
    const body = page.locator('body');
    for (let i = 0; i < 30 && !(await body.innerText()).includes('"data"'); i++) {
      await page
        .getByRole('button', { name: /execute/i })
        .first()
        .click();
      await sleep(1000);
    }
    expect(await body.innerText()).toMatch(/"data":\s*\{\s*"sessions"/);
    await shot('07-graphiql');
    expect(await page.locator('body').innerText()).not.toContain('UNAUTHENTICATED');
  }, 90_000);
});

/** WCAG 2 A and AA problems axe-core finds on the page as it is now (labels, contrast, roles...). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate<string[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '),
    );
  })()`);
}

async function expectCount(locator: ReturnType<Page['locator']>, n: number): Promise<void> {
  for (let i = 0; i < 50 && (await locator.count()) !== n; i++) await sleep(100);
  expect(await locator.count()).toBe(n);
}

async function expectAttribute(
  locator: ReturnType<Page['locator']>,
  name: string,
  value: string,
): Promise<void> {
  for (let i = 0; i < 50 && (await locator.getAttribute(name)) !== value; i++) await sleep(100);
  expect(await locator.getAttribute(name)).toBe(value);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
