import 'reflect-metadata';
import fc from 'fast-check';
import { HH_MM } from '../src/sessions/session.input';
import { isTimeZone } from '../src/config';
import { startTestServer, type TestServer } from './support/server';

/**
 * Generated bodies, variables, headers and text thrown at every mutation and REST route by a
 * second user, with these properties: never a 5xx, never a stored row that breaks a validation
 * rule, never a byte of the first user's data in an answer, and the first user's rows unchanged.
 * Runs are bounded (seeded, a few dozen per route) so the file stays well inside `npm test`.
 */

const RUNS = 20;
const SEED = 13;

let t: TestServer;
let aliceToken: string;
let bobToken: string;
/** Everything of Alice's that must never reach Bob: ids and the words she wrote. */
const aliceSecrets: string[] = [];
let aliceSession: string;
let aliceMessage: string;
let aliceSnapshot: string;

/** Alice's rows as text, to compare before and after. */
async function snapshotOfAlice(): Promise<string> {
  const rows = await t.db.query(
    `SELECT 's' AS kind, id::text, title AS text, status::text AS extra FROM amora_sessions WHERE user_id = (SELECT user_id FROM amora_sessions WHERE id = $1::uuid)
     UNION ALL SELECT 'm', id::text, message_text, superseded_by_id::text FROM amora_session_messages WHERE session_id = $1::uuid
     UNION ALL SELECT 'f', id::text, feedback_type::text, message_id::text FROM amora_session_feedback WHERE session_id = $1::uuid
     ORDER BY 1, 2`,
    [aliceSession],
  );
  return JSON.stringify(rows);
}

beforeAll(async () => {
  t = await startTestServer();
  aliceToken = await t.token();
  bobToken = await t.token();
  const created = await t.gql(
    aliceToken,
    `mutation { createSession(input: { title: "Alice-private-title-4417" }) { id } }`,
  );
  aliceSession = created.body.data.createSession.id;
  const sent = await t.gql(
    aliceToken,
    `mutation($s: ID!) { sendMessage(input: { coachSessionId: $s, specificQuestion: "alice-secret-words-9921 about my marriage" }) { messageId } }`,
    { s: aliceSession },
  );
  aliceMessage = sent.body.data.sendMessage.messageId;
  aliceSecrets.push(
    aliceSession,
    aliceMessage,
    'Alice-private-title-4417',
    'alice-secret-words-9921',
  );
  aliceSnapshot = await snapshotOfAlice();
});
afterAll(async () => {
  await t.stop();
});

/** Text of every kind: any code point (lone surrogates, NUL, emoji), and the usual suspects. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    '💔'.repeat(30),
    'x'.repeat(5_000),
    'constructor',
    '__proto__',
    'ADMIN',
    '99:99',
    '24:00',
    'Mars/Olympus',
    'Europe/Berlin',
    'europe/berlin',
    'paused',
    'like',
    'REGENERATE',
    '<script>alert(1)</script>',
    "'; DROP TABLE amora_sessions; --",
  ),
);

/** Ids: real ones of Alice's (the attack), random, upper case, malformed. */
const id = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      aliceSession,
      aliceMessage,
      aliceSession.toUpperCase(),
      aliceMessage.toUpperCase(),
    ),
    fc.uuid(),
    text,
  );

/** Any JSON value, with a bias towards the types the fields expect. */
const value = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    text,
    id(),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 2 }),
  );

/** Values that pass, per field, so that generated bodies are stored often enough to check. */
const PLAUSIBLE: Record<string, unknown[]> = {
  title: ['A title', '  padded title  ', 'Ünïcödé 💔 title'],
  primary_topic: ['heartbreak', 'Self-worth', 'my own words'],
  primaryTopic: ['heartbreak', 'Self-worth', 'my own words'],
  follow_up_enabled: [true, false],
  followUpEnabled: [true, false],
  follow_up_time: ['09:30', '23:59', null],
  followUpTime: ['09:30', '23:59', null],
  timezone: ['Europe/Berlin', 'america/new_york', 'UTC'],
  status: ['PAUSED', 'paused', 'ACTIVE', 'COMPLETED'],
  mode: ['LEARN', 'learn'],
  specific_question: ['We keep fighting about money.', '  I miss him  ', 'Ça va? 💔'],
  specificQuestion: ['We keep fighting about money.', '  I miss him  ', 'Ça va? 💔'],
  feedback_type: ['like', 'DISLIKE', 'regenerate'],
  feedbackType: ['LIKE', 'DISLIKE', 'REGENERATE'],
  context: [{ topics: ['heartbreak'] }, { relationshipStatus: 'married' }, {}],
};

/** A body with some of `keys` (the route's own) and now and then a key of its own making. */
function body(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const plausible = fc.record(
    Object.fromEntries(
      keys.map((k) => [
        k,
        PLAUSIBLE[k]
          ? fc.oneof(
              { weight: 6, arbitrary: fc.constantFrom(...PLAUSIBLE[k]) },
              { weight: 1, arbitrary: value() },
            )
          : value(),
      ]),
    ),
    // The first key is the one the route needs (title, message): present, so bodies often pass.
    { requiredKeys: keys.slice(0, 1) },
  );
  return fc.oneof(plausible, arbitraryBody(keys));
}

/** Any keys, mostly the route's own. */
function arbitraryBody(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...keys) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('constructor', '__proto__', 'user_id', 'userId', 'id'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  return fc.dictionary(key, value(), { maxKeys: 6 });
}

/**
 * Checks one answer: below 500, and none of Alice's data in it (but for what Bob sent himself,
 * which an error may name back to him).
 */
function check(what: string, status: number, answer: string, sent: unknown = ''): void {
  const echoed = JSON.stringify(sent ?? '').toLowerCase();
  if (status >= 500) throw new Error(`${what} answered ${status}: ${answer.slice(0, 300)}`);
  if (/INTERNAL_SERVER_ERROR/.test(answer))
    throw new Error(`${what} answered INTERNAL_SERVER_ERROR: ${answer.slice(0, 300)}`);
  const lower = answer.toLowerCase();
  for (const secret of aliceSecrets)
    if (lower.includes(secret.toLowerCase()) && !echoed.includes(secret.toLowerCase()))
      throw new Error(`${what} leaked ${secret}`);
}

/** A request as Bob, with JSON (or anything) as its body. */
async function asBob(
  method: string,
  path: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<void> {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${bobToken}`,
      ...headers,
    },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  check(`${method} ${path}`, response.status, await response.text(), [path, payload]);
}

const property = (arb: fc.Arbitrary<unknown>, run: (value: any) => Promise<void>, runs = RUNS) =>
  fc.assert(fc.asyncProperty(arb, run), { numRuns: runs, seed: SEED, endOnFailure: true });

describe('generated input over REST', () => {
  it('POST /api/v1/coach/ (a turn)', async () => {
    await property(
      fc
        .tuple(
          body(['specific_question', 'mode', 'coach_session_id', 'context']),
          fc.boolean(),
          body(['topics', 'relationship_status']),
        )
        .map(([b, nested, context]) => (nested ? { ...b, context } : b)),
      (b) => asBob('POST', '/api/v1/coach/', b),
    );
  });

  it('POST and PATCH /api/v1/coach/sessions', async () => {
    const keys = ['title', 'primary_topic', 'follow_up_enabled', 'follow_up_time', 'timezone'];
    await property(body(keys), (b) => asBob('POST', '/api/v1/coach/sessions', b));
    keys.push('status');
    const own = await t.rest(bobToken, 'POST', '/api/v1/coach/sessions', { title: 'bob' });
    await property(
      fc.tuple(fc.oneof(fc.constant(own.body.id as string), id()), body(keys)),
      ([sid, b]) => asBob('PATCH', `/api/v1/coach/sessions/${encodeURIComponent(sid)}`, b),
    );
  });

  it('POST /api/v1/coach/sessions/feedback', async () => {
    await property(body(['message_id', 'feedback_type']), (b) =>
      asBob('POST', '/api/v1/coach/sessions/feedback', b),
    );
  });

  it('GET and DELETE by generated ids, and the listing routes', async () => {
    await property(fc.tuple(id(), fc.constantFrom('GET', 'DELETE')), ([sid, method]) =>
      asBob(method, `/api/v1/coach/sessions/${encodeURIComponent(sid)}`),
    );
    await property(text, (flag) =>
      asBob('GET', `/api/v1/coach/sessions?include_default=${encodeURIComponent(flag)}`),
    );
    for (const path of ['/api/v1/coach/sessions/followups/due', '/api/v1/coach/me/export'])
      await asBob('GET', path);
  });

  it('generated headers: tokens, content types, encodings, request ids', async () => {
    const printable = fc
      .string({ unit: 'binary-ascii', maxLength: 60 })
      .map((s) => s.replace(/[^\x20-\x7e]/g, ''));
    await property(
      fc.record({
        authorization: fc.oneof(
          printable,
          printable.map((s) => `Bearer ${s}`),
          fc.constant(`Bearer ${'a'.repeat(5000)}`),
        ),
        'content-type': fc.oneof(
          printable,
          fc.constantFrom(
            'application/json',
            'text/plain',
            'application/json; charset=latin1',
            'multipart/form-data',
          ),
        ),
        'content-encoding': fc.oneof(
          printable,
          fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x-zip'),
        ),
        'x-request-id': printable,
      }),
      async (headers) => {
        for (const path of ['/api/v1/coach/sessions', '/graphql']) {
          const response = await fetch(`${t.url}${path}`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ title: 'x', query: '{ sessions { id } }' }),
          });
          check(`POST ${path} with headers`, response.status, await response.text());
        }
      },
    );
  });
});

describe('generated variables over GraphQL', () => {
  const mutations: [string, string, string[]][] = [
    [
      'createSession',
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id title } }`,
      ['title', 'primaryTopic', 'followUpEnabled', 'followUpTime', 'timezone'],
    ],
    [
      'sendMessage',
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId message } }`,
      ['specificQuestion', 'coachSessionId', 'mode', 'context'],
    ],
    [
      'submitFeedback',
      `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackId } }`,
      ['messageId', 'feedbackType'],
    ],
  ];
  it.each(mutations)('%s', async (_, query, keys) => {
    await property(body(keys), async (input) => {
      const answer = await t.gql(bobToken, query, { input });
      check(query, answer.status, JSON.stringify(answer.body), input);
    });
  });

  it('updateSession, deleteSession, regenerateResponse and the id queries', async () => {
    const update = `mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id title } }`;
    await property(
      fc.tuple(id(), body(['title', 'status', 'followUpEnabled', 'followUpTime', 'timezone'])),
      async ([sid, input]) => {
        const answer = await t.gql(bobToken, update, { id: sid, input });
        check('updateSession', answer.status, JSON.stringify(answer.body), [sid, input]);
      },
    );
    for (const query of [
      `mutation($id: ID!) { deleteSession(id: $id) }`,
      `mutation($id: ID!) { regenerateResponse(messageId: $id) { messageId message } }`,
      `query($id: ID!) { session(id: $id) { id title } message(id: $id) { id text } }`,
    ]) {
      await property(id(), async (target) => {
        const answer = await t.gql(bobToken, query, { id: target });
        check(query, answer.status, JSON.stringify(answer.body), target);
      });
    }
  });

  it('generated variables of any shape, and generated documents', async () => {
    await property(fc.jsonValue({ maxDepth: 3 }), async (variables) => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bobToken}` },
        body: JSON.stringify({
          query: `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
          variables,
        }),
      });
      check('variables', response.status, await response.text(), variables);
    });
    await property(text, async (query) => {
      const answer = await t.gql(bobToken, query);
      check('document', answer.status, JSON.stringify(answer.body), query);
    });
  });
});

describe('what is stored afterwards', () => {
  it("breaks no validation rule, and Alice's rows are as they were", async () => {
    const sessions = await t.db.query<{
      title: string;
      follow_up_time: string | null;
      timezone: string;
      primary_topic: string | null;
    }>(`SELECT title, follow_up_time, timezone, primary_topic FROM amora_sessions`);
    // Generated bodies got through too, or this would check nothing.
    expect(sessions.length).toBeGreaterThan(5);
    for (const s of sessions) {
      expect(s.title.trim()).toBe(s.title);
      expect(s.title.length).toBeGreaterThanOrEqual(1);
      expect(s.title.length).toBeLessThanOrEqual(120);
      if (s.follow_up_time !== null) expect(s.follow_up_time).toMatch(HH_MM);
      expect(isTimeZone(s.timezone)).toBe(true);
      if (s.primary_topic !== null) expect(s.primary_topic.length).toBeLessThanOrEqual(60);
    }
    const messages = await t.db.query<{ message_text: string }>(
      `SELECT message_text FROM amora_session_messages WHERE sender = 'user'`,
    );
    for (const m of messages) {
      expect(m.message_text.length).toBeGreaterThanOrEqual(1);
      expect(m.message_text.length).toBeLessThanOrEqual(4000);
      expect(m.message_text.trim()).toBe(m.message_text);
    }
    const [foreign] = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM amora_session_messages m JOIN amora_sessions s ON s.id = m.session_id
        WHERE m.user_id <> s.user_id`,
    );
    expect(Number(foreign.n)).toBe(0);
    expect(await snapshotOfAlice()).toBe(aliceSnapshot);
    // Alice still sees her own data.
    const mine = await t.gql(aliceToken, `query($id: ID!) { session(id: $id) { title } }`, {
      id: aliceSession,
    });
    expect(mine.body.data.session.title).toBe('Alice-private-title-4417');
  });
});
