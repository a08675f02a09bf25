import {
  createBlocksEngine,
  initialState,
  respondSafely,
  summarize,
  type ConversationState,
  loadBlockLibrary,
} from '../../src/coach';
import { loadConversations, runConversation } from './conversation-eval';
import { realLibrary } from './helpers';

/** The final state after a conversation, every turn through the safety guard as in the service. */
function finalState(messages: readonly string[], seed = 11): ConversationState {
  const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
  let state = initialState();
  messages.forEach((text, i) => {
    state = respondSafely(engine, { text, state, seed: seed + i }).state;
  });
  return state;
}

function summaryOf(messages: readonly string[]): string {
  const s = summarize(finalState(messages));
  return `${s.summaryText} ${s.nextPlanText}`;
}

describe('summaries say what is true now, latest first', () => {
  test('getting back together after a breakup: the ex is the partner again, no breakup is stated', () => {
    const text = summaryOf([
      'my ex marco wants to give us another go. we split up in the spring',
      'we split up because i never made time for him, i was always at the restaurant',
      'i hired a manager so my evenings are free now',
      'we are having coffee on friday to talk it through',
      'so we got back together on friday. we talked until they closed the cafe',
      'how do we make sure it does not go the same way',
    ]);
    expect(text).toContain('Marco');
    expect(text).toMatch(/^What (happened|went well): [^.]*back together/);
    expect(text).not.toMatch(/has ended|your ex\b|breakup|moving on/i);
    expect(text).not.toMatch(/only just started/);
  });

  test('a wish to get back together is not a reunion', () => {
    const text = summaryOf([
      'my ex marco wants to get back together. we split up in the spring',
      'i dont know if i want to, he hurt me a lot',
      'part of me misses him though',
    ]);
    expect(text).toMatch(/Marco, your ex|the relationship has ended/);
  });

  test('a married person speaking of their own past wedding is still married, not engaged', () => {
    const text = summaryOf([
      'my husband dev and i have been married 7 years',
      'his brother is splitting from his wife and dev is taking it really hard',
      'i feel bad, his brother gave a speech at our wedding and everything',
    ]);
    expect(text).toMatch(/you're married/);
    expect(text).not.toMatch(/engaged/);
  });

  test('a warning sign told as good news is not listed under what went well', () => {
    for (const messages of [
      [
        'my boyfriend kai and i have been together a year',
        'things are going great, he is so sweet lately, he checks my phone every night so nobody bothers me',
        'my friends say i seem quieter',
      ],
      [
        'me and my girlfriend lina have been together 2 years',
        "good news, she's been so caring, she tracks my location all day so she knows i'm safe",
        'i dont see my mates much now',
      ],
    ]) {
      const text = summaryOf(messages);
      expect(text).toMatch(/controlling relationship/);
      expect(text).not.toMatch(/What went well/);
    }
  });

  test('the latest development leads, before what was decided earlier', () => {
    const text = summaryOf([
      'my partner jo and i keep arguing about money',
      'we never manage to talk about it without shouting',
      "i'm going to suggest we sit down on sunday with the bank statements",
      'it went really well, we sat down on sunday and made a budget together without shouting',
    ]);
    expect(text).toMatch(/^What went well: [^.]*budget[^.]*\. What you decided: [^.]*sunday/);
  });

  test("a friend's story is not summed up as the person's own relationship trouble", () => {
    const text = summaryOf([
      'this is about my best friend freya really. her boyfriend has been lying to her about where he goes at night',
      'she found texts from another girl on his ipad and he said it was nothing',
      'should i tell her what i think of him',
      'i told her i would back whatever she decides',
    ]);
    expect(text).toContain('Freya');
    expect(text).not.toMatch(
      /your (relationship|partner|boyfriend|girlfriend)\b|trust between you/i,
    );
  });

  test('what we looked at under a topic the summary does not state is not listed', () => {
    const state: ConversationState = {
      ...initialState(),
      turnCount: 6,
      mainTopic: 'conflict',
      topics: {
        conflict: { turns: 5, stage: 2, lastTurn: 6, said: 3 },
        jealousy: { turns: 1, stage: 1, lastTurn: 2, said: 1 },
      },
      explored: ['how the jealousy shows up for you', 'what the fights are really about'],
      exploredTopic: {
        'how the jealousy shows up for you': 'jealousy',
        'what the fights are really about': 'conflict',
      },
    };
    const { summaryText } = summarize(state);
    expect(summaryText).toContain('We looked at what the fights are really about.');
    expect(summaryText).not.toMatch(/jealousy/);
  });

  test('a husband is "your husband"; a long plan is cut where a clause ends, never mid-phrase', () => {
    const text = summaryOf([
      'my husband desmond has had a stroke and i do everything for him now',
      "i'm going to ask my son to come round on friday and the three of us can sit down about getting help in",
      'thanks, that helps. night',
    ]);
    expect(text).toMatch(/Desmond, your husband/);
    expect(text).toMatch(/What you decided: [^.]*friday\./);
    expect(text).not.toMatch(/\b(can|the three of you)\./);
  });

  test('"we ended up laughing" is not an ending', () => {
    const text = summaryOf([
      'my boyfriend tariq and i had a stupid fight about the dishes',
      'we ended up laughing about it after an hour',
    ]);
    expect(text).not.toMatch(/has ended|your ex\b/);
  });
});

/** Relationship states the summary may say, by family: an ongoing one, or one that is over. */
const ONGOING = new Set([
  'together',
  'married',
  'engaged',
  'dating',
  'situationship',
  'long_distance',
]);
const STATED: [RegExp, string][] = [
  [/you're married/, 'married'],
  [/you're engaged/, 'engaged'],
  [/you're in a relationship|you're dating|something undefined/, 'together'],
  [
    /the relationship has ended|you're separated|you're divorced|you're single|you lost your partner/,
    'over',
  ],
];

describe('final summaries of every development conversation (sets 1-7)', () => {
  const library = loadBlockLibrary();
  const engine = createBlocksEngine({ library });
  // Sets 1-7, the sets this was built on; set 8's first reading is in FIRST-SEEN.md.
  const files = [1, 2, 3, 4, 5, 6, 7].map((n) => `conversations-${n}.json`);
  const runs = loadConversations(files).map((item) => runConversation(engine, library, item));

  test('invent no labelled fact (at most one conversation of all, a checker false alarm)', () => {
    const invented = runs
      .filter((r) => r.summaryInvented.length > 0)
      .map((r) => `${r.item.conversation.id}: ${r.summaryInvented.join('; ')}`);
    expect(runs.length).toBeGreaterThanOrEqual(80);
    expect(invented.length <= 1 ? [] : invented).toEqual([]);
  });

  test('state the relationship as it stands at the last turn', () => {
    const wrong: string[] = [];
    for (const r of runs) {
      const turns = r.item.conversation.turns;
      const label = turns[turns.length - 1].facts.relationship;
      const said = STATED.find(([re]) => re.test(r.summary))?.[1];
      if (!said || label === null) continue;
      const fits =
        said === 'over'
          ? !ONGOING.has(label)
          : ONGOING.has(label) &&
            (said === 'together' ? !['married', 'engaged'].includes(label) : said === label);
      if (!fits) wrong.push(`${r.item.conversation.id}: said ${said}, labelled ${label}`);
    }
    // One conversation ends it off-screen ("told him. it was sad but kind"): nothing says so.
    expect(wrong.length <= 1 ? [] : wrong).toEqual([]);
  });

  test('list nothing that made us ask about safety under what went well', () => {
    for (const r of runs) {
      const went = /What went well: ([^.]*)\./.exec(r.summary)?.[1] ?? '';
      expect(went).not.toMatch(/check(ing|s)? (my|your) phone|track(s|ing)? (my|your) location/);
    }
  });
});

describe('summaries say it in good order', () => {
  test('a decision typed "i think ill ... + ..." is said back as a sentence ("you\'ll ... and ...")', () => {
    const text = summaryOf([
      'my ex jonah and i split up in august',
      'i still have half my books at his place',
      'ok i think ill text him on friday + ask for my books back',
    ]);
    expect(text).toContain("you think you'll text him on friday and ask for your books back");
  });

  test('a friend named after a comma ("a friend, mia,") is the friend, not a stranger', () => {
    const facts = finalState([
      'my boyfriend is away for work all month',
      'a friend, mia, keeps inviting me out but i feel guilty going',
    ]).conversation!;
    expect(facts.people.find((p) => p.name === 'Mia')?.role).toBe('friend');
  });

  test('feelings are the ones the person said, not ones guessed from the topic', () => {
    const said = summaryOf([
      'my girlfriend moved to lisbon for a job in march',
      'we facetime every sunday',
      'i feel so lonely in the evenings',
    ]);
    expect(said).toMatch(/loneliness/);
    const unsaid = summaryOf([
      'my girlfriend moved to lisbon for a job in march',
      'we facetime every sunday',
      'her flat there has a balcony',
    ]);
    expect(unsaid).not.toMatch(/feelings? that came up/);
  });

  test('a widow is not told "we talked about the strain in your marriage"', () => {
    const text = summaryOf([
      'my husband frank passed away four years ago',
      'a man from my bowls club asked me to dinner and i feel like i am betraying frank',
      'we were married 41 years. our marriage was not perfect but it was ours',
      'my son says go, my daughter has gone very quiet about it',
    ]);
    expect(text).toMatch(/Frank, your late partner/);
    expect(text).not.toMatch(/your marriage|strain in your marriage/);
  });
});

test('"... first time in months" remembers what was a first, not the tail; a plan stays a plan', () => {
  const went = summaryOf([
    'me and my husband are in couples therapy',
    'we did the listening exercise last night. we actually laughed instead of arguing. first time in months',
  ]);
  expect(went).toMatch(/What went well: you actually laughed instead of arguing/);
  expect(went).not.toMatch(/What went well: first time/i);
  const plan = summaryOf([
    'my husband does not like me seeing my sister',
    'ok. i will call my sister tomorrow when he is at work. first time in a month',
  ]);
  expect(plan).toMatch(/What you decided: you will call your sister tomorrow/);
});

describe('the feelings a summary names', () => {
  test('asking questions is not confusion, and a feeling found once is not one that came up most', () => {
    const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
    let state = initialState();
    for (const text of [
      'my girlfriend and i have been together a year',
      'should i ask her to move in?',
      'is that normal to want it this soon?',
      'should i wait till summer?',
      'how do i bring it up?',
      'ok thanks, that helps',
    ]) {
      const r = engine.respond({ text, state, seed: 3 });
      state = r.state;
    }
    expect(summarize(state).summaryText).not.toMatch(/confusion/);
    expect(state.emotionCounts.confused ?? 0).toBe(0);
  });
});

describe('a count the person corrected', () => {
  test('"sorry 2 yrs not 3" is a correction, and the summary no longer says 3', () => {
    const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
    let state = initialState();
    const acts: (string | undefined)[] = [];
    for (const text of [
      'hi. my bf broke up with me last week',
      'his name is paolo. 3 yrs together and turns out he was seeing a girl from his office for months before he ended it',
      'sorry 2 yrs not 3, i keep counting from when we met lol',
    ]) {
      const r = engine.respond({ text, state, seed: 5 });
      acts.push((r as { act?: string }).act);
      state = r.state;
    }
    expect(acts[2]).toBe('correction');
    const summary = summarize(state).summaryText;
    expect(summary).not.toMatch(/\b3 yrs\b/);
  });
});

describe('what a summary says happened is said plainly, or not at all', () => {
  test('no first-person remnant, no judgement or introduction as an event', () => {
    let state = initialState();
    const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
    [
      'theres this guy rafa in my spanish class and we have been talking for weeks',
      'ok i think that is progress honestly',
      'i decided ill talk to my sister first and then ask him',
      'thanks, that helps',
      'bye!',
    ].forEach((text, i) => {
      state = engine.respond({ text, state, seed: 40 + i }).state;
    });
    const { summaryText } = summarize(state);
    expect(summaryText).not.toMatch(/\b(?:ill|i'll|im|my)\b/i);
    expect(summaryText).not.toMatch(/went well: (?:there|that is)/i);
  });
});

describe('a summary after danger at home (set 14, a development set)', () => {
  const messages = [
    'how do i get my husband to help more in the house? i do everything',
    'his name is marek. we have two kids',
    'yesterday he was drinking and he pushed me into the wardrobe. my arm is bruised. i am scared of him',
    'i called my sister. we are at her flat now with the kids. i am safe now',
  ];

  test('says what the conversation was about, and that the person said they were safe', () => {
    const s = summarize(finalState(messages)).summaryText;
    expect(s).toMatch(
      /^(?:.*\. )?So far we've talked about how (?:Marek treats you|you are being treated)/,
    );
    expect(s).toMatch(/danger at home/);
    expect(s).toContain('By the end you told me you were safe for now.');
  });
});
