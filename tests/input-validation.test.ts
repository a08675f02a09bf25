import { captureLog } from './support/captured-log';
import { startTestServer, type TestServer } from './support/server';

const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId } }`;

let t: TestServer;
const log = captureLog('info');
const lines = log.lines;

beforeAll(async () => {
  t = await startTestServer({ logger: log.logger });
});
afterAll(async () => {
  await t.stop();
});

/** Rows a user has, of any kind the API writes. */
async function rowsOf(userId: string): Promise<number> {
  const [row] = await t.db.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM amora_sessions WHERE user_id = $1::uuid AND NOT is_default)
          + (SELECT count(*) FROM amora_session_messages WHERE user_id = $1::uuid) AS n`,
    [userId],
  );
  return Number(row.n);
}

/** A fresh user and their token. */
async function user(): Promise<{ id: string; token: string }> {
  const id = crypto.randomUUID();
  return { id, token: await t.token(id) };
}

describe('REST bodies are built from declared fields only', () => {
  const smuggled: [string, string, Record<string, unknown>, string][] = [
    [
      'a 20,000-character message behind "constructor"',
      '/api/v1/coach/',
      { constructor: {}, mode: 'learn', specific_question: 'x'.repeat(20_000) },
      'constructor',
    ],
    [
      'an empty message behind "constructor"',
      '/api/v1/coach/',
      { constructor: { name: 'Object' }, mode: 'learn', specific_question: '' },
      'constructor',
    ],
    [
      'mode ADMIN behind "constructor"',
      '/api/v1/coach/',
      { constructor: {}, mode: 'ADMIN', specific_question: 'hello' },
      'constructor',
    ],
    [
      'a 5,000-character title behind "constructor"',
      '/api/v1/coach/sessions',
      { constructor: {}, title: 't'.repeat(5_000) },
      'constructor',
    ],
    [
      'follow_up_time 99:99 behind "constructor"',
      '/api/v1/coach/sessions',
      { constructor: {}, title: 'ok', follow_up_enabled: true, follow_up_time: '99:99' },
      'constructor',
    ],
    [
      'a "__proto__" key',
      '/api/v1/coach/sessions',
      JSON.parse('{"__proto__": {"title": "x"}, "title": "fine"}'),
      '__proto__',
    ],
    ['an unknown key', '/api/v1/coach/sessions', { title: 'fine', owner_id: 'me' }, 'owner_id'],
    [
      'an unknown key in context',
      '/api/v1/coach/',
      { mode: 'learn', specific_question: 'hi', context: { topics: [], admin: true } },
      'context.admin',
    ],
  ];
  it.each(smuggled)(
    'refuses %s with 422 naming it, and writes nothing',
    async (_, path, body, key) => {
      const { id, token } = await user();
      const answer = await t.rest(token, 'POST', path, body);
      expect(answer.status).toBe(422);
      expect(answer.body.fields.map((f: { field: string }) => f.field)).toContain(key);
      expect(await rowsOf(id)).toBe(0);
    },
  );

  it('refuses "constructor" in a PATCH and leaves the session as it was', async () => {
    const { token } = await user();
    const created = await t.rest(token, 'POST', '/api/v1/coach/sessions', { title: 'before' });
    const answer = await t.rest(token, 'PATCH', `/api/v1/coach/sessions/${created.body.id}`, {
      constructor: {},
      title: '',
      status: 'deleted',
    });
    expect(answer.status).toBe(422);
    const after = await t.rest(token, 'GET', `/api/v1/coach/sessions/${created.body.id}`);
    expect(after.body).toMatchObject({ title: 'before', status: 'ACTIVE' });
  });

  const wrongTypes: [string, string, Record<string, unknown>, string][] = [
    ['a numeric title', '/api/v1/coach/sessions', { title: 123 }, 'title'],
    ['an object title', '/api/v1/coach/sessions', { title: { a: 1 } }, 'title'],
    [
      'follow_up_enabled "yes"',
      '/api/v1/coach/sessions',
      { title: 'x', follow_up_enabled: 'yes' },
      'follow_up_enabled',
    ],
    ['a numeric time zone', '/api/v1/coach/sessions', { title: 'x', timezone: 5 }, 'timezone'],
    [
      'context as text',
      '/api/v1/coach/',
      { mode: 'learn', specific_question: 'hi', context: 'abc' },
      'context',
    ],
    [
      'context as a list',
      '/api/v1/coach/',
      { mode: 'learn', specific_question: 'hi', context: [1] },
      'context',
    ],
    [
      'topics as a number',
      '/api/v1/coach/',
      { mode: 'learn', specific_question: 'hi', context: { topics: 3 } },
      'context.topics',
    ],
    [
      'a session id object',
      '/api/v1/coach/',
      { mode: 'learn', specific_question: 'hi', coach_session_id: {} },
      'coach_session_id',
    ],
    [
      'a numeric message',
      '/api/v1/coach/',
      { mode: 'learn', specific_question: 42 },
      'specific_question',
    ],
    [
      'a feedback type list',
      '/api/v1/coach/sessions/feedback',
      { message_id: crypto.randomUUID(), feedback_type: ['like'] },
      'feedback_type',
    ],
  ];
  it.each(wrongTypes)('answers %s with 422, not 500', async (_, path, body, key) => {
    const { id, token } = await user();
    const answer = await t.rest(token, 'POST', path, body);
    expect(answer.status).toBe(422);
    expect(answer.body.fields.map((f: { field: string }) => f.field)).toContain(key);
    expect(await rowsOf(id)).toBe(0);
  });

  it('keeps an invalid time zone out of the logs', async () => {
    log.clear();
    const { token } = await user();
    const zone = 'Mars/Olympus_Mons_7731';
    const answer = await t.rest(token, 'POST', '/api/v1/coach/sessions', {
      constructor: {},
      title: 'x',
      timezone: zone,
    });
    expect(answer.status).toBe(422);
    const plain = await t.rest(token, 'POST', '/api/v1/coach/sessions', {
      title: 'x',
      timezone: zone,
    });
    expect(plain.status).toBe(422);
    expect(plain.body.fields[0].field).toBe('timezone');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.join('\n')).not.toContain('Olympus');
  });
});

describe('NUL characters', () => {
  it('are refused in a message and a title on both faces, and nothing is written', async () => {
    const { id, token } = await user();
    const rest = [
      await t.rest(token, 'POST', '/api/v1/coach/', {
        mode: 'learn',
        specific_question: 'hi\u0000there',
      }),
      await t.rest(token, 'POST', '/api/v1/coach/sessions', { title: 'a\u0000b' }),
    ];
    for (const answer of rest) {
      expect(answer.status).toBe(422);
      expect(answer.body.detail).toMatch(/NUL/);
    }
    const gql = [
      await t.gql(token, SEND, { input: { specificQuestion: 'hi\u0000there' } }),
      await t.gql(token, CREATE, { input: { title: 'a\u0000b' } }),
      await t.gql(token, SEND, {
        input: { specificQuestion: 'hi', context: { topics: ['a\u0000'] } },
      }),
    ];
    for (const answer of gql) {
      expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors[0].message).toMatch(/NUL/);
    }
    expect(await rowsOf(id)).toBe(0);
    const created = await t.gql(token, CREATE, { input: { title: 'fine' } });
    const update = await t.gql(token, UPDATE, {
      id: created.body.data.createSession.id,
      input: { title: 'still\u0000bad' },
    });
    expect(update.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
  });
});
