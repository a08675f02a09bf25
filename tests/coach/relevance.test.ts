import { createBlocksEngine, initialState, type ConversationState } from '../../src/coach';
import { ownWords } from '../../src/coach/conversation/own-words';
import { realLibrary, converse, SEEDS } from './helpers';

/**
 * Replies that answer the person in front of Amora (issue 11, "Conversations, not single
 * messages"): what they just said is answered, not a stock paragraph one word of it called up;
 * questions get an answer about what they ask; good news is met as good news; the people in the
 * story keep their roles. Each conversation is run under several seeds, since block choice is
 * random within what fits.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
/** The replies to a conversation under one seed. */
const talk = (turns: readonly string[], seed: number): string[] =>
  converse(engine, turns, seed).map((r) => r.reply);

/** The last reply of a conversation under every seed. */
function lastReplies(turns: readonly string[]): string[] {
  return SEEDS.map((seed) => talk(turns, seed).at(-1)!);
}

describe('roles stay right', () => {
  test.each([
    [
      [
        'hi',
        'got divorced last spring, we share the kids, a boy and a girl',
        'some evenings the flat is so quiet i dont know what to do with myself',
        'my ex paul picks them up on fridays and i just sit there',
        'i guess i thought id feel freer by now',
      ],
    ],
    [
      [
        'hello',
        'im recently divorced and struggling',
        'the divorce papers came through yesterday and i cried all night',
        'i dont know who i am after this divorce',
      ],
    ],
  ])('a divorced person is never told "your marriage": %j', (turns) => {
    for (const seed of SEEDS)
      for (const reply of talk(turns, seed)) expect(reply).not.toMatch(/\byour marriage\b/i);
  });

  test('an in-law story is not spoken of as "your family"', () => {
    const turns = [
      'hey',
      'my mother in law is making me crazy',
      'my husband tom says its just how she is',
      'she lets herself in with her key and moves things around in our kitchen',
      'we live 5 min from her so its constant',
    ];
    for (const seed of SEEDS)
      for (const reply of talk(turns, seed))
        expect(reply).not.toMatch(
          /\byour (family|family's|parents|relatives)\b|\bin your family\b/i,
        );
  });

  test("a daughter's divorce is hers: the user's wife stays his wife", () => {
    const turns = [
      'good evening',
      'my wife ann and i have been married 40 years',
      'different question, our son dev is getting divorced and rings me every night',
      'i try to just listen',
    ];
    for (const seed of SEEDS) {
      let state: ConversationState = initialState();
      const replies = turns.map((text, i) => {
        const r = engine.respond({ text, state, seed: seed + i });
        state = r.state;
        return r.reply;
      });
      expect(state.conversation?.relationship).toBe('married');
      for (const reply of replies) expect(reply).not.toMatch(/\bAnn, your ex\b|\byour ex\b/i);
    }
  });

  test('after "shes my ex not my gf", she is never called the partner again', () => {
    const turns = [
      'my gf zoe hasnt replied in days',
      'wait no shes my ex not my gf. we split in june',
      'she liked my story yesterday and now im overthinking it',
      'part of me wants to message her',
    ];
    for (const seed of SEEDS) {
      const replies = talk(turns, seed);
      for (const reply of replies.slice(2))
        expect(reply).not.toMatch(/\byour (partner|girlfriend|gf)\b/i);
    }
  });
});

describe('what the person just said is answered', () => {
  test('a message with no clear topic of its own is said back in their own words', () => {
    for (const reply of lastReplies([
      'hi',
      'my boyfriend left me two weeks ago',
      'the flat smells like his aftershave still. his mug is on the draining board',
    ]))
      expect(reply).toMatch(/his mug is on the draining board/i);
  });

  test('said-back words turn to the second person and drop chat filler', () => {
    expect(ownWords('ok so i moved back to my dads lol. my sister is helping tbh')).toBe(
      "you moved back to your dad's, and your sister is helping",
    );
    expect(ownWords('should i call him?')).toBeNull();
    expect(ownWords('what if he never calls')).toBeNull();
    expect(ownWords('idk')).toBeNull();
  });

  test('"should I ...?" gets an answer about that very thing', () => {
    for (const reply of lastReplies([
      'hey',
      'my best mate and i fell out over money at the weekend',
      'should i message him first? he owes me an apology too',
    ]))
      expect(reply).toMatch(/^On whether to message him first:/);
  });

  test('"how do I ...?" gets an answer about that very thing, with the names given', () => {
    for (const reply of lastReplies([
      'hi',
      'my ex jake keeps turning up late for the kids handovers',
      'how do i talk to jake about it without another shouting match',
    ]))
      expect(reply).toMatch(/^To talk to Jake about it without another shouting match, /);
  });

  test('"is that a good sign?" is answered, not met with advice about speaking up', () => {
    for (const reply of lastReplies([
      'hi',
      'been seeing this girl for a month',
      'she just asked me to meet her parents next week',
      'is that a good sign??',
    ]))
      expect(reply).toMatch(/good sign/i);
  });
});

describe('good news is met as good news', () => {
  test.each([
    [
      [
        'hi',
        'my husband and i barely talk anymore',
        'omg he just asked if i want to go away for the weekend with him',
      ],
    ],
    [
      [
        'hey',
        'my dad and i havent spoken in a year',
        'update: i rang him and he actually agreed to meet for lunch',
      ],
    ],
  ])('%j', (turns) => {
    for (const reply of lastReplies(turns)) {
      expect(reply).toMatch(
        /good news|lovely|really good|glad|nice thing|worth enjoying|real step/i,
      );
      expect(reply).not.toMatch(/\b(hard|painful|sorry|heavy|hurts?|rough|exhausting)\b/i);
    }
  });
});

describe('said-back frames', () => {
  test('twenty turns of plain sharing never repeat a frame or a block', () => {
    const texts = Array.from(
      { length: 20 },
      (_, i) => `i walked to the park number ${i + 1} today and sat for a while`,
    );
    for (const seed of SEEDS) {
      let state: ConversationState = initialState();
      const ids: string[] = [];
      texts.forEach((text, i) => {
        const r = engine.respond({ text, state, seed: seed + i });
        state = r.state;
        ids.push(...r.blockIds);
      });
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });
});

test('what a partner does is not mistaken for a name when said back', () => {
  for (const reply of lastReplies([
    'my husband comes home, eats, watches telly and goes to bed. i do the kids, the washing, the cooking, all of it',
  ]))
    expect(reply).not.toMatch(/\b(?:husband|partner) (?:Comes|Eats|Goes)\b/);
});

test.each([['gracias, really'], ['merci beaucoup'], ['danke dir']])(
  'thanks in another language ("%s") is a thanks: a warm close, no question',
  (thanks) => {
    for (const reply of lastReplies(['my girlfriend and i keep fighting about chores', thanks]))
      expect(reply).not.toContain('?');
  },
);
