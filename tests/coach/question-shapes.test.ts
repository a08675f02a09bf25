import { createBlocksEngine } from '../../src/coach';
import { shapeOf } from '../../src/coach/conversation/asked';
import { realLibrary, lastTurns } from './helpers';

/**
 * A question is answered in the shape it asks for (issue 11, set 7's reader: a stock answer to a
 * different question was the commonest zero): "when" and "how long" get a time, "what do i say
 * back" gets words to send, "what do people talk about" things to talk about, "where do people
 * meet" places, "how do i know if" a way to tell, and "am i a bad friend for..." a verdict on
 * that, not a situation's usual answer. The wording here is written for these tests, not copied
 * from a conversation set.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
const lastReplies = (turns: readonly string[]): string[] =>
  lastTurns(engine, turns).map((r) => r.reply);

describe('a question is answered in the shape it asks for', () => {
  test('"how soon should i message him" after a good date gets a time, not a breakup warning', () => {
    for (const reply of lastReplies([
      'we went on a really lovely first date on saturday',
      'how soon should i message him after?',
    ])) {
      expect(reply).toMatch(/^On how soon to message him after: /);
      expect(reply).not.toMatch(/wound|not yet|closure/i);
    }
  });

  test('"how long do i give her" gets a length of waiting that is fair to the person', () => {
    for (const reply of lastReplies([
      'my girlfriend says she needs space to think about us',
      'how long do i give her before i ask again',
    ]))
      expect(reply).toMatch(/^On how long to give her before you ask again: .*fair to you/);
  });

  test('"what should i even reply" gets words to send back, not how to raise a grievance', () => {
    for (const reply of lastReplies([
      "my ex just messaged me 'i miss you' after 4 months",
      'what should i even reply?',
    ])) {
      expect(reply).toMatch(/Short and honest|anything clever/);
      expect(reply).not.toMatch(/how you feel rather than what they did/);
    }
  });

  test('"what do you talk about with..." gets things to talk about', () => {
    for (const reply of lastReplies([
      "i'm meeting my boyfriend's grandparents on sunday",
      "what do you talk about with old people you've never met",
    ]))
      expect(reply).toMatch(/^(Skip the interview questions|Easy ground)/);
  });

  test('"what could we do for it" gets ideas of things to do', () => {
    for (const reply of lastReplies([
      'our tenth anniversary is next month',
      "what could we do for it that isn't just a restaurant",
    ]))
      expect(reply).toMatch(/^(A few ideas|Ideas that tend to work)/);
  });

  test('"where do people in their thirties meet anyone" gets places', () => {
    for (const reply of lastReplies([
      'i moved to a new city for work and know nobody',
      'where do people in their thirties meet anyone?',
    ]))
      expect(reply).toMatch(/^Most people still meet through friends/);
  });

  test('"how can i be sure if i want to marry her" gets a way to decide about that', () => {
    for (const reply of lastReplies([
      'my partner asked me last night if i want to get engaged',
      'how can i be sure if i want to marry her',
    ]))
      expect(reply).toMatch(/^On whether you want to marry her: /);
  });

  test('"how would i know if she\'s hiding something" gets a way to weigh evidence', () => {
    for (const reply of lastReplies([
      'my wife keeps taking her phone into the bathroom',
      "how would i know if she's hiding something",
    ]))
      expect(reply).toMatch(/actually seen or heard/);
  });

  test('"am i a bad friend for skipping..." gets a verdict on that act', () => {
    for (const reply of lastReplies([
      "my best friend's wedding is the same weekend as my grandad's 90th",
      'am i a bad friend for skipping the wedding?',
    ]))
      expect(reply).toMatch(/^No, you're not a bad friend for skipping the wedding\./);
  });

  test('"is it silly to..." is answered about that, in the person\'s words', () => {
    for (const reply of lastReplies([
      'my boyfriend left for a 6 month posting abroad yesterday',
      'is it silly to sleep in his hoodie every night?',
    ]))
      expect(reply).toMatch(/silly (in itself )?to sleep in his hoodie every night/);
  });
});

describe('a question keeps its own subject', () => {
  test('"are we ready to..." gets a way to decide that, in the person\'s words', () => {
    for (const reply of lastReplies([
      "we've been together two years and my partner keeps mentioning kids",
      'are we ready to start trying for a baby?',
    ]))
      expect(reply).toMatch(/^On whether you are ready to start trying for a baby: /);
  });

  test('"is it fair to ask..." says asking is fair, not that nobody can know', () => {
    for (const reply of lastReplies([
      'my boyfriend spends every weekend at his parents house',
      'is it fair to ask him to stay home one weekend a month?',
    ])) {
      expect(reply).toMatch(/^Yes, it's fair to ask him to stay home one weekend a month/);
      expect(reply).not.toMatch(/can't know/);
    }
  });

  test('"should i X or is Y always a mistake" answers X and the rule, not two options', () => {
    for (const reply of lastReplies([
      'my ex wife and i have been talking again after a year apart',
      'should i meet her for dinner or is getting back with an ex always a bad idea',
    ])) {
      expect(reply).toMatch(/^On whether to meet her for dinner/);
      expect(reply).toMatch(/rule/);
    }
  });
});

describe('a how-to keeps its own action and worry', () => {
  test('a situation from earlier turns does not answer "how do i bring it up without..."', () => {
    for (const reply of lastReplies([
      "my boyfriend of 4 years keeps saying he isn't ready to commit to anything long term",
      'how do i bring it up again without him feeling trapped',
    ])) {
      expect(reply).toMatch(/^To bring it up again without him feeling trapped, /);
      expect(reply).not.toMatch(/by a date/);
    }
  });
});

describe('what is not such a question keeps its own answer', () => {
  test.each([
    'how long does it take to get over someone',
    'how long should a wedding speech be',
    'should i text him tonight',
    'what should i do',
    'when he said that, was he joking',
  ])('%s has no asked-for shape', (q) => {
    expect(shapeOf(q)).toBeNull();
  });
});

describe('"what do i say to her?" with no message to answer is what to tell her (set 14, a development set)', () => {
  const engine14 = createBlocksEngine({ library: realLibrary(), warmUp: false });
  const last = (turns: string[]) => lastTurns(engine14, turns).pop()!.reply;

  test('telling a grown daughter about a new partner is not answered as replying to a text', () => {
    const reply = last([
      'my daughter doesnt know im seeing someone',
      "What do I say to her? I don't want to hurt her, but I'm 70, not dead.",
    ]);
    expect(reply).not.toMatch(/whatever you send|reaching out|owe a reply/i);
    expect(reply).toMatch(/in your own words|perfect script/i);
  });

  test('a message that came in is still answered as a reply', () => {
    const reply = last(['he texted me "hey stranger" after 2 months. what do i even say to that']);
    expect(reply).toMatch(/send|reply|reaching out/i);
  });
});
