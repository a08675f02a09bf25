import { createBlocksEngine } from '../../src/coach';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { optionsIn, subjectsOf, SUBJECTS } from '../../src/coach/conversation/asked';
import { assumptionsInText } from '../../src/coach/conversation/assumptions';
import { quoteFor, splitAction, worryKind } from '../../src/coach/conversation/wording';
import { loadSituations } from '../../src/coach/situations';
import { questionMarks, realLibrary, lastTurns } from './helpers';

/**
 * Direct questions get a real answer to what was asked (issue 11): an either/or is answered by
 * weighing the two options the person named, a worry after "or" is answered too, a question whose
 * subject the catalogue knows gets that subject's answer, and a question about something else
 * never gets a situation's stock answer to a different question. Each conversation runs under
 * several seeds, since the choice among fitting answers is random.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
const lastReplies = (turns: readonly string[]): string[] =>
  lastTurns(engine, turns).map((r) => r.reply);

/** The reply with its closing question, if any, left off. */
function answerPart(reply: string): string {
  return reply.replace(/[^.!"]*\?\s*$/, '').trim();
}

describe('an either/or is answered by weighing the options named', () => {
  test('even inside a situation the engine knows well, the options asked about lead', () => {
    for (const reply of lastReplies([
      'theres this girl nadia from bumble, we see each other most weekends but she never says what we are',
      'should i ask her what we are or will that scare her off',
    ])) {
      const answer = answerPart(reply);
      expect(answer).toMatch(/ask/i);
      expect(answer).toMatch(/scare (her )?off/i);
      expect(answer).not.toMatch(/keep it casual/i);
    }
  });

  test('both options are named in the person words, and one is chosen with a reason', () => {
    for (const reply of lastReplies([
      'hey',
      'my boyfriend forgot my birthday and acted like it was nothing',
      'should i bring it up or just let it go',
    ])) {
      expect(reply).toMatch(
        /^On whether to bring it up or let it go: if it were me, I'd bring it up\./,
      );
      // Not a bare "yes" to a question that offered two things.
      expect(reply).not.toMatch(/^(Yes|No)\b/);
      expect(reply).toMatch(/keeps the peace for now/);
    }
  });

  test('a pair with a better order gets both in that order', () => {
    for (const reply of lastReplies([
      'my daughter is getting married and they want the wedding abroad',
      'should i say something to her or let her decide?',
    ]))
      expect(reply).toMatch(/^On whether to say something to her or let her decide: I'd do both/);
  });

  test("someone else's family is left to the person it belongs to", () => {
    for (const reply of lastReplies([
      'my fiance sam has a mother who keeps planning our wedding for us',
      'should i talk to her myself or let sam handle it',
    ]))
      expect(reply).toMatch(
        /^On whether to talk to her yourself or let Sam handle it: I'd lean towards the second/,
      );
  });

  test('two options Amora has no view between are both restated, with a way to weigh them', () => {
    for (const reply of lastReplies([
      'hi',
      'should i get my girlfriend a necklace or tickets to a show for our anniversary',
    ])) {
      expect(reply).toMatch(/get your girlfriend a necklace/);
      expect(reply).toMatch(/tickets to a show/);
    }
  });

  test('"or will that scare him off" is a worry: the option is answered, then the worry', () => {
    for (const reply of lastReplies([
      'been seeing someone for two months',
      'should i ask him where this is going or will that scare him off',
    ])) {
      expect(reply).toMatch(
        /^On whether to ask him where this is going: (I'd do it, yes|yes, I think you should)\./,
      );
      expect(reply).toMatch(/might scare him off/);
    }
  });

  test('"am i overreacting or was that rude" gets a view on both halves', () => {
    for (const reply of lastReplies([
      'my best friend had a birthday dinner and didnt invite me',
      'am i overreacting or was that actually rude',
    ]))
      expect(reply).toMatch(/^I don't think you're overreacting.*actually rude/);
  });
});

describe('a question is answered about its own subject, not another', () => {
  test('a yes/no about what words mean does not get advice about ultimatums', () => {
    const commit = loadSituations().get('partner_wont_commit');
    expect(commit).toBeDefined();
    for (const reply of lastReplies([
      'my boyfriend of 7 years keeps saying someday about marriage and kids',
      'im 36, i dont have forever',
      "he says he's just not ready. is 'not ready' a polite way of saying no?",
    ])) {
      expect(reply).not.toContain(commit!.answers.advice!);
      expect(reply).toMatch(/not ready/i);
    }
  });

  test('a yes/no with no answer of its own does not borrow a carried situation’s advice', () => {
    const commit = loadSituations().get('partner_wont_commit')!;
    for (const reply of lastReplies([
      'my boyfriend of 7 years keeps saying someday about marriage and kids',
      'i feel like ive been waiting forever',
      'is it my fault for never pushing harder?',
    ]))
      expect(reply).not.toContain(commit.answers.advice!);
  });

  test('"does it count as cheating" is answered about cheating', () => {
    for (const reply of lastReplies([
      'ive been messaging an old friend every night and my wife doesnt know',
      'does it really count as cheating if we never met up?',
    ]))
      expect(answerPart(reply)).toMatch(/^Honestly, for many people it would count/);
  });

  test('"should i check his phone" is answered about checking, with a view', () => {
    for (const reply of lastReplies([
      'my husband has been secretive lately and guards his phone',
      'should i go through his phone while he sleeps?',
    ]))
      expect(reply).toMatch(/I'd ask rather than look|I wouldn't/);
  });

  test('"do i have to go" is answered as a choice that is theirs', () => {
    for (const reply of lastReplies([
      'my dad is remarrying in june',
      'do i have to go to the wedding?',
    ]))
      expect(reply).toMatch(/^No, you don't have to go to the wedding; it's your choice\./);
  });

  test('a how-to about saying something gets words to use and meets the worry named', () => {
    for (const reply of lastReplies([
      'we keep arguing about chores',
      'how do i tell him i need more help with the house without him feeling attacked',
    ])) {
      expect(reply).toMatch(/"I need more help with the house\."/);
      expect(reply).toMatch(/keeps him from feeling attacked/);
    }
  });

  test('an answer asks at most one question, after the answer', () => {
    for (const reply of lastReplies(['should i confront him or pretend i didnt see the texts'])) {
      expect(questionMarks(reply)).toBeLessThanOrEqual(1);
      // Any question comes after the answer, never before it.
      if (reply.includes('?')) expect(reply.indexOf('?')).toBeGreaterThan(reply.indexOf('.'));
    }
  });
});

describe('question reading', () => {
  test('either/or options are split, a worry is told from an option', () => {
    expect(optionsIn('should i confront him or pretend i didnt see')).toEqual({
      a: 'confront him',
      b: 'pretend i didnt see',
      worry: false,
    });
    expect(optionsIn('should i unfollow her or is that petty')?.worry).toBe(true);
    expect(optionsIn('do you think i should call her or will that push her away')).toMatchObject({
      a: 'call her',
      worry: true,
    });
    // "or not" is a plain yes/no, not two options.
    expect(optionsIn('should i text him or not')).toBeNull();
    expect(optionsIn('how do i tell him')).toBeNull();
  });

  test('words to use come from how the person asked', () => {
    expect(quoteFor('tell him i need him to back me up')).toBe('I need you to back me up');
    expect(quoteFor('ask what we are')).toBe("I'd like to know what we are");
    expect(quoteFor('find out what she wants')).toBe("I'd like to know what you want");
    expect(quoteFor('tell her im lonely')).toBe(
      "I've been feeling lonely lately, and I wanted you to know",
    );
    expect(quoteFor('get him to see a doctor')).toBeNull();
    const parts = splitAction('talk to rob about it without it becoming another fight');
    expect(parts).toMatchObject({
      main: 'talk to rob about it',
      worry: 'it becoming another fight',
    });
    expect(worryKind(parts.worry!)).toBe('fight');
    expect(worryKind('sounding needy')).toBe('sound');
    expect(worryKind('him getting defensive')).toBe('defensive');
  });

  test('subject answers say only what they declare or the question raises', () => {
    const problems: string[] = [];
    for (const s of SUBJECTS)
      for (const t of [...Object.values(s.answers), s.question ?? ''])
        for (const a of assumptionsInText(t, []))
          if (!s.assumes.includes(a) && !s.raises.includes(a)) problems.push(`${s.id}: "${a}"`);
    expect(problems).toEqual([]);
  });
});

describe('question subjects behind the prefilter', () => {
  test('the prefilter never changes which subjects a sentence meets (every development message)', () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'conversations');
    const texts = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) =>
        (
          JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { turns: { user: string }[] }[]
        ).flatMap((c) => c.turns.map((t) => t.user.toLowerCase())),
      );
    expect(texts.length).toBeGreaterThan(1000);
    const sentences = texts.flatMap((t) => [t, ...t.split(/[.!?]+/)]);
    const differ = sentences.filter(
      (t) =>
        subjectsOf(t)
          .map((s) => s.id)
          .join() !==
        SUBJECTS.filter((s) => s.cue.test(t))
          .map((s) => s.id)
          .join(),
    );
    expect(differ).toEqual([]);
    // Not vacuous: many of them meet a subject.
    expect(sentences.filter((t) => subjectsOf(t).length > 0).length).toBeGreaterThan(100);
  });
});
