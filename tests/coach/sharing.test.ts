import * as fs from 'node:fs';
import * as path from 'node:path';
import { createBlocksEngine, initialState } from '../../src/coach';
import { feelingOf } from '../../src/coach/conversation/feeling';
import { emptyFacts, updateFacts } from '../../src/coach/conversation/facts';
import { ownWords } from '../../src/coach/conversation/own-words';
import { loadSituations } from '../../src/coach/situations';
import { detectTopics } from '../../src/coach/detect';
import { normalizeText } from '../../src/coach/normalize';
import { realLibrary, lastTurns } from './helpers';
import actReplies from '../../src/coach/conversation/act-replies.json';

/**
 * Sharing turns (issue 11): the reply answers the specific thing said, in the situation it belongs
 * to, with the person's own details, in few sentences; it assumes nothing the person did not say
 * and suggests no step while they are still telling it. Each conversation runs under several seeds.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
/** The last turn of a conversation under every seed. */
const lastTurnsOf = (turns: readonly string[]) => lastTurns(engine, turns);

/** Sentences of a reply. */
function sentences(reply: string): string[] {
  return reply.split(/(?<=[.!?])\s+/).filter(Boolean);
}

describe('a recognised situation answers in its own words', () => {
  test.each([
    [
      [
        'ok so im in a situationship',
        "we sleep at each other's places and know each other's friends but when i say boyfriend he goes quiet",
      ],
      'dtr_situationship',
    ],
    [
      [
        'hey',
        'me and my gf live together and shes jealous of how much time i spend with my sister',
      ],
      'partner_jealous_of_my_time',
    ],
    [
      ['hi', 'i found messages on my husbands phone, hes been sleeping with someone from work'],
      'found_out_partner_cheating',
    ],
    [
      [
        'hello',
        'I am divorced. Now I am seeing a woman, Ana, for a year. My son is 20 and he will not accept her',
      ],
      'child_rejects_new_partner',
    ],
  ])('%j -> %s: its reflection and its question, nothing around them', (turns, id) => {
    for (const t of lastTurnsOf(turns)) {
      const own = t.blockIds.filter((b) => !b.startsWith('safety'));
      expect(own[0]).toBe(`sit.${id}.reflection.1`);
      expect(own.length).toBeLessThanOrEqual(2);
      expect(own.some((b) => /\.(action|insight|normalization)\./.test(b))).toBe(false);
    }
  });

  test('living together is not read as moving in together', () => {
    for (const t of lastTurnsOf([
      'hey',
      'me and my gf live together and shes getting jealous of my sister',
    ]))
      expect(t.reply).not.toMatch(/big step|moving in|excit/i);
  });

  test('a co-parenting arrangement that works is not read as trouble at handovers', () => {
    for (const t of lastTurnsOf([
      'hey',
      'divorced 2 years, me and my ex share custody of the kids week on week off and mostly its fine',
    ]))
      expect(t.reply).not.toMatch(/needled|keep you safe|lawyer/i);
  });
});

describe('no step while the person is still telling it', () => {
  test.each([
    [['ok so im in a situationship and im losing my mind a bit']],
    [['hi', 'my partner and i keep arguing about the smallest things lately']],
    [['hey', 'my girlfriend broke up with me last week']],
  ])('%j gets no suggestion', (turns) => {
    for (const t of lastTurnsOf(turns)) {
      expect(t.blockIds.some((b) => /\.(action|step)\./.test(b))).toBe(false);
      expect(t.reply).not.toMatch(/\b(you might try|try spending|this week)\b/i);
      expect(sentences(t.reply).length).toBeLessThanOrEqual(3);
    }
  });
});

describe("a situation's own step once its story is told", () => {
  test('an in-law story told over several turns gets its step, its first telling none', () => {
    const story = [
      'hi',
      'my mother in law is driving me nuts',
      'she comes over unannounced most days and rearranges our kitchen',
      'my husband says thats just how she is',
      'we live five minutes from her so she just drops in whenever',
    ];
    for (const t of lastTurnsOf(story.slice(0, 2)))
      expect(t.blockIds.some((b) => /\.action\./.test(b))).toBe(false);
    for (const t of lastTurnsOf(story))
      expect(t.blockIds).toContain('sit.in_law_boundaries.action.1');
  });
});

describe("the person's own details", () => {
  test('a message about someone they named asks about that person', () => {
    for (const t of lastTurnsOf([
      'hi',
      'my gf nina has been acting weird, she takes days to answer me',
    ])) {
      expect(t.reply).toMatch(/Nina/);
      expect(t.reply).not.toMatch(/What goes through your head|What do you make of it/);
    }
  });

  test('the partner is asked about before anyone else named with them', () => {
    for (const t of lastTurnsOf([
      'hey',
      'me and my gf zoe live together',
      'my sister jess had a bad breakup so im with her a lot. zoe says im choosing jess over her',
    ]))
      expect(t.reply).not.toMatch(/\bwith Jess\b.*\?|for Jess\?|to Jess\b/);
  });

  test('children named in a list are children, not an ex', () => {
    let facts = emptyFacts();
    facts = updateFacts(
      facts,
      'divorced a year ago, we have 2 kids lily 8 and sam 5',
      'sharing',
      1,
    ).facts;
    expect(facts.people.find((p) => p.name === 'Lily')?.role).toBe('child');
  });

  test('someone new after a divorce is a partner, and good news is met as good', () => {
    const text =
      'I am divorced 3 years. Now I am seeing a woman, Carmen, for about a year. She is wonderful';
    const facts = updateFacts(emptyFacts(), text, 'sharing', 1).facts;
    expect(facts.people.find((p) => p.name === 'Carmen')?.role).toBe('partner');
    expect(feelingOf(text, ['sad'], true)).toBe('good');
    expect(feelingOf('she is wonderful but i am so scared', ['scared'], false)).toBe('hard');
    for (const t of lastTurnsOf(['hola', text])) {
      expect(t.reply).not.toMatch(/a lot to deal with|hard|heavy|sorry|your ex/i);
    }
  });

  test('a trailing-off stays one sentence when said back', () => {
    expect(ownWords("they're super chill and i am... not chill lol")).toMatch(/you are not chill/);
  });
});

describe('texts assume no habit the person never gave', () => {
  // "Every conversation", "living like that", "the tears": a habit stated as fact is only right if
  // the person said it; a reflection may offer it as a condition or a possibility instead.
  const HABIT =
    /\b(every (conversation|time|day|night|morning)|living like (that|this)|day after day|night after night|lying awake|the tears|bracing yourself|walking on eggshells|again and again|over and over|all the time|constantly)\b/;
  const HEDGE =
    /\b(when|whenever|if|it sounds|it seems|seems|sounds|may|might|can|could|many|often|some|lots|most|feeling like)\b/;
  function unhedged(text: string): string[] {
    return sentences(text.toLowerCase()).filter((s) => {
      const m = HABIT.exec(s);
      return m !== null && !HEDGE.test(s.slice(0, m.index));
    });
  }

  test('reflections and normalisations of the blocks', () => {
    const dir = path.join(__dirname, '../../src/coach/blocks');
    const problems: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const blocks = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
        id: string;
        type: string;
        text: string;
      }[];
      for (const b of blocks)
        if (b.type === 'reflection' || b.type === 'normalization')
          for (const s of unhedged(b.text)) problems.push(`${b.id}: ${s}`);
    }
    expect(problems).toEqual([]);
  });

  test('reflections of the situations', () => {
    const problems: string[] = [];
    for (const s of loadSituations().situations)
      for (const x of unhedged(s.reflection)) problems.push(`${s.id}: ${x}`);
    expect(problems).toEqual([]);
  });
});

describe("someone else's story stays theirs", () => {
  test("a message only about a friend's couple is not answered as the person's own relationship", () => {
    const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
    let state = initialState();
    const turns = [
      'need advice about my friend, not me',
      'my friend amal thinks her fiance is hiding money from her',
      'theyve been together 5 years and live together so this would turn her whole life upside down',
    ];
    let reply = '';
    turns.forEach((text, i) => {
      const r = engine.respond({ text, state, seed: 11 + i });
      state = r.state;
      reply = r.reply;
    });
    expect(reply).not.toMatch(/\byour (relationship|partner|future|marriage|engagement)\b/i);
    expect(reply).toMatch(/\b(they|them|their|her)\b/i);
  });
});

describe('someone who calls themselves stupid for something', () => {
  test.each([
    [
      [
        'my girlfriend is on a work trip and went quiet for two days',
        'turns out her phone broke lol',
      ],
      'i feel so stupid for imagining she was with someone else',
      /^Imagining she was with someone else|foolish in imagining she was with someone else/,
    ],
    [
      ['my dad and i had a massive row at christmas', 'we made up on the phone last night'],
      'i feel kinda silly about crying the whole call',
      /^Crying the whole call|foolish in crying the whole call/,
    ],
  ])(
    'gets a kinder view of what they did, in their words, not "how heavy it is"',
    (before, said, words) => {
      for (const r of lastTurnsOf([...before, said])) {
        expect(r.reply).toMatch(words);
        expect(r.reply).not.toMatch(/heavy|hardest|tough thing to sit with/);
        expect(sentences(r.reply).filter((s) => s.endsWith('?')).length).toBeLessThanOrEqual(1);
      }
    },
  );
});

test('"this whole thing is killing me" is said back as something hard, not with a plain filler', () => {
  const plain = new Set(
    (actReplies as unknown as Record<string, { text: string }[]>).own_plain.map((e) =>
      e.text.split('; ').pop()!,
    ),
  );
  for (const r of lastTurnsOf([
    'my wife and i have been trying for a baby for two years',
    'this whole thing is killing me. every month is the same',
  ])) {
    expect([...plain].filter((p) => r.reply.includes(p))).toEqual([]);
  }
});

describe('the question follows the shape of what was told', () => {
  const opening = 'me and my girlfriend have been off with each other for weeks';
  const lastQuestion = (reply: string) =>
    sentences(reply)
      .filter((s) => s.endsWith('?'))
      .pop() ?? '';

  test('an attempt that went badly is asked about: what happened when they tried', () => {
    for (const r of lastTurnsOf([
      opening,
      'i tried to bring it up with her on sunday and it went badly',
    ])) {
      expect(lastQuestion(r.reply)).toMatch(/tried|brought it up|came back/);
    }
  });

  test("someone's advice is asked about as advice", () => {
    for (const r of lastTurnsOf([
      opening,
      'my mum says i should just buy her flowers and stop overthinking',
    ])) {
      expect(lastQuestion(r.reply)).toMatch(/advice|agree|only up to you/);
    }
  });

  test('something someone keeps doing is asked about as something that keeps happening', () => {
    for (const r of lastTurnsOf([
      opening,
      'her brother turns up every weekend and she always takes his side in front of me',
    ])) {
      expect(lastQuestion(r.reply)).toMatch(/happens?|comes up again|again and again|happening/);
    }
  });
});

describe('a flat is a home, not a mood', () => {
  const topicsOf = (text: string) => detectTopics(normalizeText(text)).topics;

  test('"he wants us to get a flat together" is not read as low mood', () => {
    expect(
      topicsOf(
        'hiya. so me and my boyfriend ben have been together a year and a half and he wants us to get a flat together next year',
      ),
    ).not.toContain('low_mood');
    expect(topicsOf('honestly i just feel flat all the time lately')).toContain('low_mood');
  });
});

describe('someone who only gives their view is not asked about', () => {
  test('"my friend dee thinks im an idiot" is not followed by a question about Dee', () => {
    for (const r of lastTurnsOf([
      'my ex keeps texting me late at night',
      'i replied last night. my friend nadia thinks im being naive lol',
    ])) {
      expect(r.reply).not.toMatch(/\bNadia\b[^.]*\?/);
    }
  });
});
