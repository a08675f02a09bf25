import { createBlocksEngine } from '../../src/coach';
import { closingOf } from '../../src/coach/conversation/closing';
import { feelingOf, frameOf } from '../../src/coach/conversation/feeling';
import { ownWords } from '../../src/coach/conversation/own-words';
import { realLibrary, lastTurns } from './helpers';

/**
 * The frame a reply meets a message in (issue 11, round 2): good news is met as good news, a
 * worry or complaint as a worry (never "well done"), the part that matters is said back, a
 * question about someone named asks about the person themselves, and a goodbye answers the
 * person's last line. Wording here is written for these tests, not taken from a set.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
const lastReplies = (turns: readonly string[]): string[] =>
  lastTurns(engine, turns).map((r) => r.reply);

const PAIN =
  /\b(hard|heavy|painful|costing you|weighing|a lot to (deal with|be carrying)|sorry|hurts?|rough|struggling|exhausted|stretched|pressure)\b/i;
const CELEBRATED =
  /\b(well done|proud|good news|lovely|good to hear|glad to hear|a nice moment)\b/i;

describe('the frame of a message', () => {
  test.each([
    ['we finally signed the lease on our first place together!! keys on friday', 'good'],
    ['our son is getting married in june and i couldnt be prouder', 'good'],
    ['we booked the tickets for lisbon, leaving in three weeks', 'good'],
    ['i said yes to the job! now im worried how my wife will take the move', 'worry'],
    ['he is lovely with me but he goes through my phone when i shower', 'worry'],
    ['i was nervous all day but it went really well', 'good'],
    ['my mother in law criticises everything i cook and my husband pretends not to hear', 'worry'],
  ])('%s -> %s', (text, frame) => {
    expect(frameOf(text)).toBe(frame);
  });

  test("an ex's engagement is not the person's good news", () => {
    expect(feelingOf('my ex got engaged last week', ['sad'], true)).not.toBe('good');
  });
});

describe('good news is met as good news', () => {
  test.each([
    [['hi', 'we got a kitten on sunday! she sleeps on my pillow every night']],
    [['hello', 'our son is getting married in june and i couldnt be prouder']],
    [['hey', 'my girlfriend got into her nursing course in cardiff. we move in august']],
    [['hi', 'just got the keys to our first flat together!!']],
  ])('%j', (turns) => {
    for (const r of lastReplies(turns)) {
      expect(r).not.toMatch(PAIN);
      expect(r).toMatch(/good|lovely|glad|nice|wonderful/i);
    }
  });
});

describe('a worry or complaint is not celebrated', () => {
  test.each([
    [
      [
        'morning. first time trying one of these apps',
        'my sister in law keeps making little digs about my weight and my husband pretends not to notice',
      ],
    ],
    [
      [
        'hi',
        'she is really sweet to me, but she checks my phone every night and tracks where i am',
      ],
    ],
    [['hey', 'he finally agreed to see a counsellor! but now im scared of what will come out']],
  ])('%j', (turns) => {
    for (const r of lastReplies(turns)) expect(r).not.toMatch(CELEBRATED);
  });

  test('the sentence that carries the worry is the one said back', () => {
    for (const r of lastReplies([
      'hi',
      'we had a lovely weekend away. now im worried hes going to ask to move in and im not ready',
    ])) {
      expect(r).not.toMatch(/lovely weekend/i);
      expect(r).toMatch(/worried/i);
    }
  });
});

test('a sentence told without its subject is said back in good grammar', () => {
  expect(ownWords('been with marek 6 years. we moved to porto last spring')).toMatch(
    /^you've been with marek 6 years/,
  );
});

describe('a question about someone named asks about the person', () => {
  test('no asking the person to read the other one', () => {
    for (const r of lastReplies([
      'hi',
      'my flatmate kezia keeps having her boyfriend stay over and never asks me first',
    ])) {
      expect(r).not.toMatch(/how do you (think|read) kezia|going on for kezia|kezia sees it/i);
    }
  });
});

describe('a goodbye answers the last line', () => {
  test.each([
    ['thanks so much. gonna go run a bath and read my book. night!', /bath and read your book/i],
    ["ok i'll report back after the dinner lol. bye", /^Ha, you'll report back after the dinner/],
    ['thank you, i feel calmer than when i started. bye for now', /you feel calmer/i],
    ['cheers, off to my sisters for the weekend. see ya', /off to your sister/i],
  ])('%s', (text, said) => {
    for (const r of lastReplies(['hi', 'me and my girlfriend keep arguing about money', text])) {
      expect(r).toMatch(said);
      expect(r).not.toMatch(/\?/);
    }
  });

  test('nothing but goodbye and thanks gives nothing to say back', () => {
    expect(closingOf('thanks, bye')).toBeNull();
    expect(closingOf('ok gotta run, thanks heaps')).toBeNull();
    expect(closingOf('thanks. ill think about what you said')).toBeNull();
  });
});
