import fs from 'node:fs';
import path from 'node:path';
import { recogniseAct, type TurnAct } from '../../src/coach/conversation/acts';

/**
 * Turn acts on wording nobody tuned the cues on. `acts-examples.json` was written from the spec's
 * definitions before the rules were changed (first seen: 56.9%, see acts-examples.md); the rules
 * were then widened from the dev conversations and the spec, with that file's misses in view.
 * `acts-examples-2.json` was written after that, and measured once (74.5%): it is the honest
 * figure, and the bar here only guards it from falling.
 */
interface Example {
  act: TurnAct;
  question?: string;
  text: string;
  turnsBefore: number;
}

function load(name: string): Example[] {
  const file = path.join(__dirname, '..', 'fixtures', name);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: Example[] }).items;
}

function accuracy(items: readonly Example[]): { rate: number; misses: string[] } {
  const misses = items
    .map((e) => ({ e, got: recogniseAct(e.text, { turnsBefore: e.turnsBefore }).act }))
    .filter(({ e, got }) => got !== e.act)
    .map(({ e, got }) => `${e.act} read as ${got}: ${e.text}`);
  return { rate: 1 - misses.length / items.length, misses };
}

describe('turn acts on fresh wording', () => {
  const first = load('acts-examples.json');
  const second = load('acts-examples-2.json');

  test('each batch has every act, at least 30 of each in the first', () => {
    const count = new Map<string, number>();
    for (const e of first) count.set(e.act, (count.get(e.act) ?? 0) + 1);
    expect(count.size).toBe(11);
    for (const n of count.values()) expect(n).toBeGreaterThanOrEqual(30);
    expect(new Set(second.map((e) => e.act)).size).toBe(11);
  });

  test('the first batch is read right at least 90% of the time', () => {
    expect(accuracy(first).rate).toBeGreaterThanOrEqual(0.9);
  });

  test('the batch written after the rules is read right at least 70% of the time', () => {
    expect(accuracy(second).rate).toBeGreaterThanOrEqual(0.7);
  });

  test.each([
    ['is it too soon to start dating again', 'question'],
    ['why do i always go for men who dont want me back', 'question'],
    ['tell me honestly, am i the problem here', 'question'],
    ['shld i block her', 'question'],
    ['i haven’t texted him in a week', 'progress'],
    ['no, not really', 'short'],
    ['we had a big fight last night and he left', 'event'],
    ['my dad got diagnosed with diabetes yesterday', 'event'],
    ['gonna give it till christmas', 'plan'],
    ['leaving that aside for a second, my sister is pregnant', 'change_subject'],
    ['he changed the subject every time i asked', 'sharing'],
    ['i think the real issue is we never talk', 'sharing'],
    ['hey, is anyone there?', 'greeting'],
  ])('"%s" is %s', (text, act) => {
    expect(recogniseAct(text, { turnsBefore: 3 }).act).toBe(act);
  });

  test('news told as the opening story is the story, not news', () => {
    const text = 'my wife jean passed away last month. the house is very quiet';
    expect(recogniseAct(text, { turnsBefore: 1, opened: false }).act).toBe('sharing');
    expect(recogniseAct(text, { turnsBefore: 3, opened: true }).act).toBe('event');
  });

  test.each([
    ['the time difference is killing me. when i wake up hes going to bed', 'sharing'],
    ['ok im off to bed now', 'goodbye'],
    [
      'Good evening. My wife and I just had our first baby 5 weeks ago and honestly things at home are tense',
      'sharing',
    ],
    ['looking for advice, my girlfriend is insecure and i want to help her feel better', 'sharing'],
    [
      'anyway thank you. i could murder a pizza right now, been eating soup for weeks lol',
      'thanks',
    ],
    ['we had a good talk last night', 'progress'],
    ['ok. i wont', 'plan'],
  ])('after set 11: "%s" is %s', (text, act) => {
    expect(recogniseAct(text, { turnsBefore: 2 }).act).toBe(act);
  });

  test('words of a correction inside the question itself do not make it a correction', () => {
    for (const text of [
      'he said he loves me and i didnt know what to say back. is it weird i didnt say it?',
      'is it weird i didnt say it back?',
    ])
      expect(recogniseAct(text, { turnsBefore: 2 })).toEqual({
        act: 'question',
        question: 'normalcy',
      });
    expect(
      recogniseAct('oh wait max is 6 not 5 sorry lol, does that change anything', {
        turnsBefore: 2,
      }).act,
    ).toBe('correction');
  });

  test('what happened years ago is background, not news, later in a conversation too', () => {
    for (const text of [
      'my wife jean passed away 2 years ago. the house is very quiet',
      'my husband died three years ago',
      'my mum passed in 2019, so it is just me and dad',
    ])
      expect(recogniseAct(text, { turnsBefore: 3, opened: true }).act).toBe('sharing');
    expect(
      recogniseAct('we split up 3 years ago. and yesterday he got engaged', {
        turnsBefore: 3,
        opened: true,
      }).act,
    ).toBe('event');
  });
});

describe('acts a blind conversation set (conversations-6) showed missing', () => {
  test.each([
    ['greeting', 'salaam, hello', 0],
    ['progress', 'something lovely happened. she asked me to come to her parents for dinner', 3],
    ['progress', 'we tried the park thing and it was so fun', 4],
    ['event', 'yesterday my sister told me she is moving abroad', 3],
    ['event', 'my cousin just sent me a photo of him with her', 3],
    ['correction', 'sorry should clarify, we are engaged, not married', 3],
    ['correction', 'wait i typed weeks, i meant months', 3],
  ] as const)('%s: "%s"', (act, text, turnsBefore) => {
    expect(recogniseAct(text, { turnsBefore }).act).toBe(act);
  });
});
