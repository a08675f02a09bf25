import { createBlocksEngine } from '../../src/coach';
import { aboutAmora } from '../../src/coach/conversation/about';
import { lastTurns, realLibrary } from './helpers';

/**
 * A person deciding whether to open up asks about Amora first ("is it ok to just write?", "are you
 * a bot?", "who can see this?"). Read as questions about their life, these got answers such as
 * "I can't know that for certain from here"; they get a plain answer, then an invitation, and
 * whatever else the message says is answered too.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
const replies = (turns: string[]) => lastTurns(engine, turns).map((r) => r.reply);
const STOCK = /can't know that for certain|too early for me to say|what you'd do differently if/i;

describe('questions about Amora itself', () => {
  test.each([
    [
      'hiya, first time using one of these. can i just type to you about stuff?',
      /\b(yes|of course|absolutely)\b/i,
    ],
    ['r u a bot or a real person', /\bnot (a person|a human)\b/i],
    ['is what i write here private? my boyfriend uses my laptop sometimes', /\bdelete\b/i],
    [
      'i need an honest opinion, not a cheerleader. my mate says you give honest advice. is that true?',
      /\bhonest\b/i,
    ],
    ['how does this work exactly?', /\byou tell me\b|\byou write\b/i],
    [
      'can i ask about my sisters marriage or is this just for my own relationship',
      /\b(yes|fine)\b/i,
    ],
    ['hey is this app only for adults? im 14', /\bwelcome\b|\bany age\b/i],
    [
      'not sure if this is meant for grown ups but i need advice about my gf',
      /\bwelcome\b|\bany age\b/i,
    ],
  ])('"%s" is answered plainly, first', (text, answer) => {
    for (const reply of replies([text])) {
      expect(reply).toMatch(answer);
      expect(reply).not.toMatch(STOCK);
      expect(reply.split(/(?<=[.!?])\s+/)[0]).not.toMatch(/\?$/);
    }
  });

  test('later in a conversation too, without losing the thread', () => {
    for (const reply of replies([
      'my wife and i have been arguing about money for months',
      'do you actually remember what i tell you or do i have to explain it all again',
    ])) {
      expect(reply).toMatch(/\bremember|keep track\b/i);
      expect(reply).not.toMatch(STOCK);
    }
  });

  test('what the message says besides is answered as well', () => {
    for (const reply of replies([
      'is it ok if i rant about my fiance here, he keeps cancelling on me last minute',
    ])) {
      expect(reply).toMatch(/\b(yes|of course|absolutely)\b/i);
      expect(reply).toMatch(/cancel/i);
    }
    for (const reply of replies([
      'will you be straight with me? should i move back in with him?',
    ])) {
      expect(reply).toMatch(/\bhonest\b/i);
      expect(reply).toMatch(/move back in/i);
    }
  });

  test('questions about talking to someone else are not about Amora', () => {
    for (const text of [
      'is it ok to talk to my ex about the kids schedule?',
      'can i write to him after he blocked me?',
      'should i just tell her how i feel',
      'can you believe he forgot my birthday again',
      'is it normal that my girlfriend reads my messages',
    ])
      expect(aboutAmora(text)).toBeNull();
  });
});
