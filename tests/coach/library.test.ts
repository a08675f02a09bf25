import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BLOCK_TYPES,
  PLACEHOLDERS,
  TOPICS,
  buildBlockLibrary,
  createBlocksEngine,
  initialState,
  loadBlockLibrary,
  type Stage,
  type ConversationState,
  type TurnResult,
} from '../../src/coach';
import { questionMarks, realLibrary } from './helpers';

const STAGES: Stage[] = [1, 2, 3, 4];

describe('the real block library', () => {
  const lib = realLibrary();

  test('holds at least 1,000 blocks, one file per topic plus general', () => {
    expect(lib.blocks.length).toBeGreaterThanOrEqual(1000);
    for (const t of TOPICS) expect(lib.files).toContain(`${t}.json`);
    expect(lib.files).toContain('general.json');
    expect(lib.byId.size).toBe(lib.blocks.length);
  });

  test('coverage: every topic has a topic-specific block of every type at every stage', () => {
    const missing: string[] = [];
    for (const topic of TOPICS) {
      for (const type of BLOCK_TYPES) {
        for (const stage of STAGES) {
          const n = lib.blocks.filter(
            (b) =>
              !b.general && b.topics.includes(topic) && b.type === type && b.stages.includes(stage),
          ).length;
          if (n === 0) missing.push(`${topic}/${type}/${stage}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('every placeholder is known and questions only come from explorations', () => {
    const known = new Set<string>(PLACEHOLDERS);
    for (const b of lib.blocks) {
      for (const m of b.text.matchAll(/\{([^}]*)\}/g)) expect(known.has(m[1])).toBe(true);
      expect(b.text.replace(/\{[a-z_]+\}/g, '')).not.toMatch(/[{}]/);
      expect(questionMarks(b.text)).toBe(b.type === 'exploration' ? 1 : 0);
    }
  });

  /** Neutral lines (no topic of their own): the session's topic comes from the client hint. */
  const NEUTRAL = [
    'I have been thinking about it a lot this week.',
    'It is hard to explain, but it sits with me all day.',
    'I keep going back and forth in my head.',
    'yeah',
    'Today was a bit better than yesterday, I think.',
    'I talked to a friend about it and they listened.',
    'What should I do next?',
    'I am not sure where to start with all this.',
    'It comes up most when I am on my own at night.',
    'ok',
    'I noticed I react the same way every time.',
    'I want to understand myself better.',
    'Maybe I expect too much, maybe not.',
    'How do I stay steady when it comes back?',
    'I tried what we talked about and it went alright.',
    'true',
    'I would like a plan for the next few weeks.',
    'Any advice for the weekend?',
    'I feel like I am slowly getting somewhere.',
    'Thanks, that helps me think.',
  ];

  test.each(TOPICS.map((t) => [t]))(
    '%s: a simulated 20-turn conversation repeats no block',
    (topic) => {
      const engine = createBlocksEngine({ library: lib });
      // Blocks are only chosen when the facts support what they assume, so the session starts
      // knowing enough for every block of the topic to be a candidate.
      let state: ConversationState = {
        ...initialState(),
        conversation: {
          people: [
            { name: 'Alex', role: 'spouse', turn: 0 },
            { name: 'Sam', role: 'ex', turn: 0 },
            { name: 'Rosa', role: 'in_law', turn: 0 },
            // The person's own family too, so blocks about it ("your family") are supported.
            { name: 'Ana', role: 'mother', turn: 0 },
          ],
          relationship: null,
          children: true,
          livingTogether: true,
          affair: topic === 'cheating_self' ? 'user' : 'partner',
          fight: true,
          happenings: [],
        },
      };
      const results: TurnResult[] = [];
      NEUTRAL.forEach((text, i) => {
        const r = engine.respond({
          text,
          state,
          seed: 31 * i + topic.length,
          context: { topics: [topic] },
        });
        results.push(r);
        state = r.state;
      });
      expect(state.mainTopic).toBe(topic);
      expect(results[19].stage).toBe(4);
      // Library blocks only: a thanks or an "ok" is answered by the act's own short reply.
      const ids = results.flatMap((r) => r.blockIds).filter((id) => lib.byId.has(id));
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dupes).toEqual([]);
      for (const r of results) {
        // Sharing gets the usual recipe; a question may be answered by its answer alone, a
        // thanks or an "ok" by the act's own short reply.
        expect(r.blockIds.length).toBeGreaterThanOrEqual(r.act === 'sharing' ? 2 : 1);
        expect(r.reply).not.toMatch(/[{}]/);
        expect(questionMarks(r.reply)).toBeLessThanOrEqual(2);
        // Most blocks should be about the topic itself, not general filler.
      }
      // A conversation answered by act replies and the person's own words alone has no filler to
      // weigh (0 / 0 is not a share).
      const specific = ids.filter((id) => !lib.byId.get(id)!.general).length;
      if (ids.length > 0) expect(specific / ids.length).toBeGreaterThan(0.6);
    },
  );
});

describe('validation', () => {
  const good = {
    id: 'x.reflection.1.01',
    type: 'reflection',
    topics: ['heartbreak'],
    emotions: ['sad'],
    stages: [1],
    statuses: [],
    priority: 1,
    text: 'It sounds like {partner} mattered a lot.',
  };
  const build = (blocks: unknown[]) => () => buildBlockLibrary([{ file: 'fixture.json', blocks }]);

  test('a valid fixture builds, with indexes', () => {
    const lib = buildBlockLibrary([
      { file: 'fixture.json', blocks: [good, { ...good, id: 'g.1', topics: [] }] },
    ]);
    expect(lib.byId.get('x.reflection.1.01')?.usesPartner).toBe(true);
    expect(
      lib.byTypeTopic
        .get('reflection')
        ?.get('heartbreak')?.[1]
        .map((b) => b.id),
    ).toEqual(['x.reflection.1.01']);
    expect(lib.generalByType.get('reflection')?.[1].map((b) => b.id)).toEqual(['g.1']);
  });

  test.each([
    ['unknown type', { ...good, type: 'story' }, /unknown type/],
    ['unknown topic', { ...good, topics: ['breakups'] }, /unknown topics value "breakups"/],
    ['unknown emotion', { ...good, emotions: ['meh'] }, /unknown emotions value/],
    ['unknown stage', { ...good, stages: [5] }, /unknown stage 5/],
    ['empty stages', { ...good, stages: [] }, /stages/],
    ['unknown status', { ...good, statuses: ['complicated'] }, /unknown statuses value/],
    ['bad priority', { ...good, priority: 7 }, /priority/],
    ['unknown placeholder', { ...good, text: 'Hi {name}.' }, /unknown placeholder \{name\}/],
    ['stray brace', { ...good, text: 'Hi {partner.' }, /unbalanced/],
    ['question outside exploration', { ...good, text: 'How are you?' }, /must not ask a question/],
    [
      'exploration without question',
      { ...good, type: 'exploration', text: 'Tell me more.' },
      /exactly one question/,
    ],
    [
      'exploration with two questions',
      { ...good, type: 'exploration', text: 'Why? And how?' },
      /exactly one question/,
    ],
    [
      'exploration not ending with ?',
      { ...good, type: 'exploration', text: 'What happened? Tell me.' },
      /exactly one question/,
    ],
    ['unknown field', { ...good, tags: [] }, /unknown field "tags"/],
    ['empty text', { ...good, text: '  ' }, /text/],
  ])('%s is rejected, naming the file and the block', (_name, block, message) => {
    expect(build([block])).toThrow(message);
    expect(build([block])).toThrow(/fixture\.json: block "x\.reflection\.1\.01"/);
  });

  test('duplicate ids across files are rejected', () => {
    expect(() =>
      buildBlockLibrary([
        { file: 'a.json', blocks: [good] },
        { file: 'b.json', blocks: [good] },
      ]),
    ).toThrow(/b\.json: block "x\.reflection\.1\.01": duplicate id \(also in a\.json\)/);
  });

  test('loadBlockLibrary reads a folder and reports bad JSON by file name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-blocks-'));
    try {
      fs.writeFileSync(path.join(dir, 'one.json'), JSON.stringify([good]));
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
      expect(loadBlockLibrary(dir).blocks.map((b) => b.id)).toEqual(['x.reflection.1.01']);
      fs.writeFileSync(path.join(dir, 'two.json'), '[{');
      expect(() => loadBlockLibrary(dir)).toThrow(/two\.json: not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
