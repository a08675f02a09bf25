import {
  createBlocksEngine,
  initialState,
  respondSafely,
  summarize,
  DEFAULT_SAFETY_RESOURCES,
  type CoachEngine,
  type ConversationState,
  type TurnResult,
} from '../../src/coach';
import { questionMarks, realLibrary } from './helpers';

/** Twenty varied messages about one breakup, mentioning Alex. */
const HEARTBREAK = [
  'My boyfriend Alex broke up with me last week and I cannot stop crying.',
  'We were together for 3 years. He moved out last month and the flat feels so empty.',
  "I keep looking at our old photos and it hurts so much, I miss Alex's laugh.",
  "Honestly I don't understand why Alex ended it, it came out of nowhere.",
  'He said he just fell out of love with me. How does that even happen?',
  'Every night I replay our last conversation in my head.',
  'My friends say I should get over him but I still love him.',
  'ok',
  'I think I always lose myself in relationships, I did it with Alex too.',
  'I gave up so much of my own life to fit around what Alex wanted.',
  'Part of me still hopes he will come back.',
  'I never told Alex what I actually needed from him.',
  'Maybe I was scared that if I asked for more he would leave anyway.',
  'What should I do when I get the urge to text him?',
  'I deleted his number today but I still know it by heart.',
  'How do I stop checking his Instagram every morning?',
  'I went for a walk with my sister and it helped a little.',
  'I want to start rebuilding my weekends without Alex in them.',
  'Any advice for getting through our anniversary next week?',
  'I feel a bit more hopeful than when we started talking.',
];

function run(
  engine: CoachEngine,
  messages: readonly string[],
  seed: number,
  start: ConversationState = initialState(),
): TurnResult[] {
  let state = start;
  const out: TurnResult[] = [];
  messages.forEach((text, i) => {
    const r = engine.respond({ text, state, seed: seed + i });
    out.push(r);
    state = r.state;
  });
  return out;
}

describe('blocks engine: a 20-turn conversation on one topic', () => {
  const engine = createBlocksEngine({ library: realLibrary() });
  const results = run(engine, HEARTBREAK, 1000);

  test('is named "blocks" and counts every turn', () => {
    expect(engine.name).toBe('blocks');
    expect(results.map((r) => r.state.turnCount)).toEqual(HEARTBREAK.map((_, i) => i + 1));
    expect(results.every((r) => r.crisis === null)).toBe(true);
  });

  test('the main topic is heartbreak and its stage rises 1 -> 4 without jumps or going back', () => {
    const stages = results.map((r) => r.stage);
    expect(stages[0]).toBe(1);
    expect(stages[stages.length - 1]).toBe(4);
    for (let i = 1; i < stages.length; i++) {
      expect(stages[i] - stages[i - 1]).toBeGreaterThanOrEqual(0);
      expect(stages[i] - stages[i - 1]).toBeLessThanOrEqual(1);
    }
    // The session stays about the breakup; a turn may lead with its close cousin, moving on.
    expect(results.every((r) => r.state.mainTopic === 'heartbreak')).toBe(true);
    expect(results.every((r) => r.topics[0] === 'heartbreak' || r.topics[0] === 'moving_on')).toBe(
      true,
    );
  });

  test('no block id is reused across the 20 turns', () => {
    const ids = results.flatMap((r) => r.blockIds);
    // Fewer, better sentences: a recognised situation answers with its reflection and question.
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('styles vary: at least 3 different, never 3 identical in a row', () => {
    const styles = results.map((r) => r.style);
    expect(new Set(styles).size).toBeGreaterThanOrEqual(3);
    for (let i = 2; i < styles.length; i++) {
      expect(styles[i] === styles[i - 1] && styles[i] === styles[i - 2]).toBe(false);
    }
    // Asking what to do gets guidance.
    expect(results[13].style).toBe('GUIDANCE_SESSION');
  });

  test('answers read as prose: at most 2 questions, no braces, name filled in', () => {
    for (const r of results) {
      expect(questionMarks(r.reply)).toBeLessThanOrEqual(2);
      expect(r.reply).not.toMatch(/[{}]/);
      expect(r.reply).not.toMatch(/\s[,.!?]|[.!?]{2}|\s{2}/);
      expect(r.reply).toMatch(/^[A-Z"“]/);
      expect(r.reply).not.toMatch(/your partner/i);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(results.some((r) => r.reply.includes('Alex'))).toBe(true);
  });

  test('is deterministic: same inputs and seeds give the same answers', () => {
    const again = run(createBlocksEngine({ library: realLibrary() }), HEARTBREAK, 1000);
    expect(again.map((r) => r.reply)).toEqual(results.map((r) => r.reply));
    expect(again.map((r) => r.blockIds)).toEqual(results.map((r) => r.blockIds));
  });

  test('a different seed gives a different conversation', () => {
    const other = run(engine, HEARTBREAK, 5);
    expect(other.map((r) => r.reply)).not.toEqual(results.map((r) => r.reply));
  });

  test('confidence is not a constant and is lower for a vague message', () => {
    expect(new Set(results.map((r) => r.confidence)).size).toBeGreaterThan(3);
    const vague = engine.respond({ text: 'hmm', state: initialState(), seed: 1 });
    const clear = engine.respond({
      text: 'My girlfriend cheated on me with her coworker and I feel so betrayed',
      state: initialState(),
      seed: 1,
    });
    expect(vague.topics).toEqual([]);
    expect(vague.emotions).toEqual(['neutral']);
    expect(vague.confidence).toBeLessThan(clear.confidence);
    expect(clear.topics[0]).toBe('cheating');
  });

  test('the state remembers facts, the partner, the status and what was explored', () => {
    const s = results[results.length - 1].state;
    expect(s.partnerName).toBe('Alex');
    expect(s.relationshipStatus).not.toBeNull();
    expect(s.facts.some((f) => f.kind === 'duration' && f.text.includes('3 years'))).toBe(true);
    expect(s.facts.some((f) => f.kind === 'event' && /moved out/.test(f.text))).toBe(true);
    expect(s.explored.length).toBeGreaterThanOrEqual(2);
    expect(s.recentBlocks.every((b) => b.turn > 20 - 15)).toBe(true);
    expect(s.recentStyles.length).toBeGreaterThan(0);
    // JSON round trip: storage keeps the state as JSON.
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('summaries', () => {
  test('after 5 turns the summary names Alex and the duration the user gave', () => {
    const engine = createBlocksEngine({ library: realLibrary() });
    const results = run(engine, HEARTBREAK.slice(0, 5), 7);
    const { summaryText, nextPlanText } = summarize(results[4].state);
    expect(summaryText).toContain('Alex');
    expect(summaryText).toContain('3 years');
    expect(summaryText).toMatch(/breakup/);
    expect(nextPlanText).toMatch(/^Next, /);
    expect(nextPlanText).toContain('Alex');
    expect(summaryText + nextPlanText).not.toMatch(/[{}]|undefined|null/);
    // Deterministic.
    expect(summarize(results[4].state)).toEqual({ summaryText, nextPlanText });
  });

  test('every sentence is true now: a girlfriend who became an ex is not "your girlfriend"', () => {
    const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
    const results = run(
      engine,
      [
        'hey',
        'my girlfriend nina and i have been together 2 years',
        'ok update: found out my girlfriend nina has been seeing someone else for months',
        'we broke up last night. i ended it',
        'i feel a lot better today after talking to my brother. he gets it',
      ],
      3,
    );
    const { summaryText } = summarize(results[4].state);
    expect(summaryText).toContain('Nina');
    expect(summaryText).not.toMatch(/your (girlfriend|partner)/i);
    // What went well is the sentence that said so, not the one that came first.
    expect(summaryText).toMatch(/What went well: [^.]*better/);
  });

  test('a threat is never listed as something the person decided', () => {
    const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
    const results = run(
      engine,
      [
        'my best mate slept with my wife',
        "i'm going to smash his car up tonight",
        'ok',
        'fine',
        'whatever',
      ],
      5,
    );
    const { summaryText } = summarize(results[4].state);
    expect(summaryText).not.toMatch(/decided[^.]*smash/i);
  });

  test('an empty state still gives readable text', () => {
    const s = summarize(initialState());
    expect(s.summaryText.length).toBeGreaterThan(20);
    expect(s.nextPlanText.length).toBeGreaterThan(20);
  });
});

describe('separate conversations', () => {
  const FAMILY = [
    'My parents keep pressuring me to marry someone from our community.',
    'Sam and I have been dating for two years and they refuse to meet him.',
    'Every family dinner turns into a lecture about tradition.',
  ];

  test('two sessions interleaved do not mix', () => {
    const engine = createBlocksEngine({ library: realLibrary() });
    const aloneA = run(engine, HEARTBREAK.slice(0, 3), 11);
    const aloneB = run(engine, FAMILY, 22);
    let a = initialState();
    let b = initialState();
    const mixedA: TurnResult[] = [];
    const mixedB: TurnResult[] = [];
    for (let i = 0; i < 3; i++) {
      const ra = engine.respond({ text: HEARTBREAK[i], state: a, seed: 11 + i });
      a = ra.state;
      mixedA.push(ra);
      const rb = engine.respond({ text: FAMILY[i], state: b, seed: 22 + i });
      b = rb.state;
      mixedB.push(rb);
    }
    expect(mixedA.map((r) => r.reply)).toEqual(aloneA.map((r) => r.reply));
    expect(mixedB.map((r) => r.reply)).toEqual(aloneB.map((r) => r.reply));
    expect(a.partnerName).toBe('Alex');
    expect(b.partnerName).toBe('Sam');
    expect(b.mainTopic).toBe('family_pressure');
    expect(b.topics.heartbreak).toBeUndefined();
    expect(b.turnCount).toBe(3);
  });

  test('a turn never mutates the state it was given', () => {
    const engine = createBlocksEngine({ library: realLibrary() });
    const state = initialState();
    const snapshot = JSON.stringify(state);
    engine.respond({ text: HEARTBREAK[0], state, seed: 1 });
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});

describe('regenerating (countTurn: false)', () => {
  test('leaves turn count and stages alone and avoids the given blocks', () => {
    const engine = createBlocksEngine({ library: realLibrary() });
    const results = run(engine, HEARTBREAK.slice(0, 4), 3);
    const before = results[2].state;
    const original = results[3];
    const regen = engine.respond({
      text: HEARTBREAK[3],
      state: original.state,
      seed: 99,
      countTurn: false,
      avoidBlockIds: new Set(original.blockIds),
    });
    expect(regen.state.turnCount).toBe(original.state.turnCount);
    expect(regen.state.topics).toEqual(original.state.topics);
    expect(regen.stage).toBe(original.stage);
    expect(regen.blockIds.length).toBeGreaterThan(0);
    for (const id of regen.blockIds) expect(original.blockIds).not.toContain(id);
    expect(regen.reply).not.toBe(original.reply);
    // The original turn moved things; the regeneration did not move them again.
    expect(original.state.turnCount).toBe(before.turnCount + 1);
    expect(regen.state.recentStyles.length).toBe(original.state.recentStyles.length);
  });
});

describe('safety runs first', () => {
  test('a crisis gets the SAFETY answer with resources, no blocks, and still counts the turn', () => {
    const engine = createBlocksEngine({ library: realLibrary() });
    const first = engine.respond({ text: HEARTBREAK[0], state: initialState(), seed: 1 });
    const r = engine.respond({
      text: "Honestly I don't want to be here anymore",
      state: first.state,
      seed: 2,
    });
    expect(r.style).toBe('SAFETY');
    expect(r.crisis).toBe('self_harm');
    expect(r.blockIds).toEqual([]);
    expect(r.reply).toContain(DEFAULT_SAFETY_RESOURCES.crisisLine);
    expect(r.reply).toContain(DEFAULT_SAFETY_RESOURCES.emergencyNumber);
    expect(r.state.turnCount).toBe(2);
    expect(r.state.recentStyles[r.state.recentStyles.length - 1]).toBe('SAFETY');
  });

  test('respondSafely keeps a crisis away from any engine', () => {
    const calls: string[] = [];
    const fake: CoachEngine = {
      name: 'fake-llm',
      respond: (input) => {
        calls.push(input.text);
        throw new Error('should not be called for a crisis');
      },
    };
    const resources = {
      emergencyNumber: '000',
      crisisLine: '13 11 14',
      domesticViolenceLine: '1800 737 732',
    };
    const r = respondSafely(
      fake,
      { text: 'he choked me last night and said he would kill me', state: initialState(), seed: 1 },
      resources,
    );
    expect(calls).toEqual([]);
    expect(r.style).toBe('SAFETY');
    expect(r.crisis).toBe('partner_danger');
    expect(r.reply).toContain('000');
    expect(r.reply).toContain('1800 737 732');
  });
});
