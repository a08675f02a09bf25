import { createBlocksEngine } from '../../src/coach';
import { feltShapeOf, validateFeltShapes } from '../../src/coach/conversation/shapes';
import { converse, lastTurns, realLibrary } from './helpers';

/**
 * A feeling said in a common shape (embarrassment, exhaustion, fear of being found out, carrying
 * everything, a quiet house) is answered about that feeling, with the words that carry it said
 * back, instead of a stock "that's a lot to deal with" and a stock question (issue 11: a reader
 * graded those generic).
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });

const STOCK_FRAME =
  /; (that sounds really hard|no wonder it's on your mind|I can hear how much that's costing you|that's a lot to deal with)\./;

describe('a feeling in a common shape is answered about that feeling', () => {
  test('crying in front of a friend after a breakup: said back, then about embarrassment', () => {
    for (const r of lastTurns(engine, [
      'hey',
      'my gf dumped me over text today, we were together 3 months',
      'and i cried in front of sam at lunch. dying of embarrassment rn',
    ])) {
      expect(r.reply).toMatch(/^You cried in front of sam at lunch\./i);
      expect(r.reply).toMatch(/embarrass|exposed|ashamed|replay/i);
      expect(r.reply).not.toMatch(STOCK_FRAME);
      expect((r.reply.match(/\?/g) ?? []).length).toBe(1);
    }
  });

  test('the sentence said back is the one that carries the feeling', () => {
    for (const r of lastTurns(engine, [
      'hi',
      'my youngest just left for uni. the house is silent. me and my husband barely talk',
    ])) {
      expect(r.reply).toMatch(/^The house is silent\./);
      expect(r.reply).toMatch(/quiet|silence/i);
    }
  });

  test('a commute that is killing someone is exhaustion, not danger and not a stock frame', () => {
    for (const r of lastTurns(engine, [
      'hello',
      'this commute is killing me, 90 min each way, by friday i have nothing left',
    ])) {
      expect(r.safety).toBe('NONE');
      expect(r.reply).toMatch(/worn down|running on empty|exhaustion|energy/i);
    }
  });

  test('a fear of a parent finding out is met as that fear', () => {
    for (const r of lastTurns(engine, [
      'hey',
      'been seeing someone for 2 months, my mum is literally going to kill me if she finds out',
    ])) {
      expect(r.safety).toBe('NONE');
      expect(r.reply).toMatch(/found out|react|braced|hear it from you/i);
    }
  });

  test("a sister's engagement that puts the pressure on the person is not good news for them", () => {
    for (const r of lastTurns(engine, [
      'hi',
      'my parents keep introducing me to guys from families they know',
      'ok random but my sister just got engaged so now ALL the pressure is on me 🙃',
    ])) {
      expect(r.reply).not.toMatch(/nice thing|lovely|congrat|mark it/i);
      expect(r.reply).toMatch(/expectations|pressure|your own timing/i);
    }
  });

  test('the same feeling again later gets other sentences, never a repeat', () => {
    const out = converse(
      engine,
      [
        'hi',
        'work has been brutal, im exhausted all the time',
        'honestly the job is killing me, 12 hour shifts',
        'and im so drained by the weekend i cant enjoy anything',
      ],
      7,
    );
    const said = out.slice(1).flatMap((r) => r.reply.split(/(?<=[.?!])\s+/));
    expect(new Set(said).size).toBe(said.length);
  });
});

describe('the shapes do not fire on what only looks like them', () => {
  test.each([
    ['he says im overthinking everything', 'cant_stop_thinking'],
    ['this is a little embarrassing but i need advice', 'embarrassed'],
    ['i told him i miss him and he didnt reply', 'missing'],
    ['i dont want to leave him, i just want it to be like the start', 'want_different'],
    ['i feel nothing for him anymore tbh', 'numb'],
    ['when my mom found out she just cried', 'found_out'],
    ['i get nervous when he comes home', 'nervous'],
    ['ok i need to vent before i say something i regret', 'regret'],
  ])('"%s" is not %s', (text, id) => {
    expect(feltShapeOf(text)?.id).not.toBe(id);
  });

  test.each([
    ['i keep replaying what he said', 'cant_stop_thinking'],
    ['yumi wants to travel. i just want to come home and rest', 'want_different'],
    ['i do literally everything at home and he does nothing', 'carrying_everything'],
    ['i feel so guilty about lying to her', 'guilty'],
    ['im so nervous about meeting his parents on sunday', 'nervous'],
    ['i honestly dont know what to do anymore', 'stuck_deciding'],
    ['i really regret sending that text last night', 'regret'],
    ['i feel so betrayed by my best friend', 'betrayed'],
    ['whats wrong with me, why does everyone leave', 'not_enough'],
    ['i feel so taken for granted at home', 'unappreciated'],
  ])('"%s" is %s', (text, id) => {
    expect(feltShapeOf(text)?.id).toBe(id);
  });
});

describe('felt-shapes.json is checked when it is loaded', () => {
  const shape = (over: object) => ({
    shapes: [{ id: 'x', cue: 'x', insight: ['A sentence.'], ask: ['A question?'], ...over }],
  });
  test('a broken pattern names the shape', () => {
    expect(() => validateFeltShapes(shape({ cue: '(' }))).toThrow(/x\.cue is not a valid pattern/);
  });
  test('a question among the sentences, or a sentence among the questions, is refused', () => {
    expect(() => validateFeltShapes(shape({ insight: ['Why?'] }))).toThrow(/must not ask/);
    expect(() => validateFeltShapes(shape({ ask: ['Tell me.'] }))).toThrow(/must ask/);
  });
  test('the same sentence twice is refused: a conversation would hear it twice', () => {
    expect(() =>
      validateFeltShapes({
        shapes: [
          { id: 'a', cue: 'a', insight: ['Same.'], ask: ['One?'] },
          { id: 'b', cue: 'b', insight: ['Same.'], ask: ['Two?'] },
        ],
      }),
    ).toThrow(/"Same\." appears twice/);
  });
});
