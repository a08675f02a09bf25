import { randomUUID } from 'node:crypto';
import { safeErrorSerializer, safePath } from '../src/server/log-serializers';
import { captureLog } from './support/captured-log';
import { startTestServer, type TestServer } from './support/server';

/** Something only a user could have written: it must never reach a log line. */
const PHRASE = 'purple-elephant-7431 my secret affair';
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId coachSessionId } }`;
const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;

let t: TestServer;
const log = captureLog('debug');
const lines = log.lines;
let token: string;

beforeAll(async () => {
  t = await startTestServer({ logger: log.logger });
  token = await t.token();
});
afterAll(async () => {
  await t.stop();
});

/** A raw request, for bodies and methods the helpers would not send. */
async function raw(path: string, init: RequestInit & { auth?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.auth !== null) headers.authorization = init.auth ?? `Bearer ${token}`;
  const response = await fetch(`${t.url}${path}`, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
  });
  await response.text();
  return response.status;
}

/** Lets pino's last lines land (the destination is synchronous, the response may beat the log call). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('logs', () => {
  it('carry ids, codes and timings, never message text, tokens or the authorization header', async () => {
    log.clear();
    const statuses: number[] = [];
    const note = (status: number) => {
      statuses.push(status);
      return status;
    };

    // Ordinary traffic with the phrase, on both faces.
    const sent = await t.gql(token, SEND, { input: { specificQuestion: PHRASE } });
    expect(sent.body.errors).toBeUndefined();
    note(sent.status);
    note(
      (await t.rest(token, 'POST', '/api/v1/coach/', { mode: 'learn', specific_question: PHRASE }))
        .status,
    );
    note((await t.rest(token, 'POST', '/api/v1/coach/sessions', { title: PHRASE })).status);

    // Bad input carrying the phrase.
    note((await t.gql(token, CREATE, { input: { title: PHRASE.repeat(10) } })).status);
    note(
      (
        await t.rest(token, 'POST', '/api/v1/coach/sessions', {
          title: PHRASE.repeat(10),
          timezone: PHRASE,
        })
      ).status,
    );
    note((await t.gql(token, SEND, { input: { specificQuestion: PHRASE.repeat(200) } })).status);
    note((await t.gql(token, SEND, { input: { specificQuestion: PHRASE, mode: PHRASE } })).status);
    note(
      (
        await t.rest(token, 'POST', '/api/v1/coach/sessions/feedback', {
          message_id: PHRASE,
          feedback_type: PHRASE,
        })
      ).status,
    );

    // Unknown sessions, by id and by something that is not one (in the path, too).
    note(
      (
        await t.gql(token, SEND, {
          input: { specificQuestion: PHRASE, coachSessionId: randomUUID() },
        })
      ).status,
    );
    note(
      (await t.gql(token, SEND, { input: { specificQuestion: PHRASE, coachSessionId: PHRASE } }))
        .status,
    );
    note(
      (await t.rest(token, 'GET', `/api/v1/coach/sessions/${encodeURIComponent(PHRASE)}`)).status,
    );
    note((await t.rest(token, 'DELETE', `/api/v1/coach/sessions/${randomUUID()}`)).status);
    note(
      (
        await t.rest(token, 'POST', '/api/v1/coach/', {
          specific_question: PHRASE,
          coach_session_id: randomUUID(),
        })
      ).status,
    );

    // Malformed JSON bodies and GraphQL syntax errors with the phrase in them.
    note(
      await raw('/graphql', {
        method: 'POST',
        body: `{"query": "mutation { ${PHRASE} }", "variables": {"x": "${PHRASE}"`,
      }),
    );
    note(
      await raw('/api/v1/coach/', { method: 'POST', body: `{"specific_question": "${PHRASE}",,}` }),
    );
    note((await t.gql(token, `mutation { ${PHRASE} }`)).status);
    note((await t.gql(token, `query { sessions { ${PHRASE} } }`)).status);
    note(
      await raw(
        `/graphql?query=${encodeURIComponent(`{ sessions(status: "${PHRASE}") { id } }`)}`,
        { method: 'GET', headers: { 'apollo-require-preflight': 'true' } },
      ),
    );

    // Bad tokens, one of them made of the phrase.
    note(
      await raw('/graphql', {
        method: 'POST',
        body: JSON.stringify({ query: '{ sessions { id } }' }),
        auth: `Bearer ${PHRASE}`,
      }),
    );
    note(await raw('/api/v1/coach/sessions', { method: 'GET', auth: `Bearer ${token}x` }));

    // A failure inside the database while a message is being written: logged as an error, without its SQL or parameters.
    await t.db.query('ALTER TABLE amora_session_state RENAME TO amora_session_state_away');
    try {
      const broken = await t.gql(token, SEND, { input: { specificQuestion: PHRASE } });
      expect(broken.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(broken.body)).not.toContain('amora_session_state');
      note(broken.status);
      note((await t.rest(token, 'POST', '/api/v1/coach/', { specific_question: PHRASE })).status);
    } finally {
      await t.db.query('ALTER TABLE amora_session_state_away RENAME TO amora_session_state');
    }
    await settle();

    expect(new Set(statuses)).toEqual(new Set([200, 400, 401, 404, 422, 500]));
    const output = lines.join('');
    for (const secret of [
      PHRASE,
      'purple-elephant',
      'purple',
      'secret affair',
      token,
      token.split('.')[1],
      'Bearer',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/authorization/i);

    // ...while the request lines are there: one per request, with id, method, masked path, status and timing.
    const records = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const requests = records.filter((r) => r.req && r.res);
    expect(requests.length).toBeGreaterThanOrEqual(statuses.length);
    for (const r of requests) {
      expect(Object.keys(r.req).sort()).toEqual(['id', 'method', 'url']);
      expect(r.req.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.req.url).not.toContain('?');
      expect(Object.keys(r.res)).toEqual(['statusCode']);
      expect(typeof r.responseTime).toBe('number');
    }
    expect(new Set(requests.map((r) => r.res.statusCode))).toEqual(new Set(statuses));
    expect(requests.some((r) => r.req.url === '/api/v1/coach/sessions/:param')).toBe(true);
    // The database failures were logged, by code and class only.
    const failures = records.filter((r) => r.level >= 50 && r.err && r.msg !== 'request errored');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const failure of failures) {
      expect(failure.err.message).toBeUndefined();
      expect(failure.err.meta).toBeUndefined();
    }
  });

  it("drop database errors' messages and details when logged directly", async () => {
    log.clear();
    const errors: unknown[] = [];
    await t.server.db.prisma
      .$executeRaw`INSERT INTO amora_users (id) VALUES (${PHRASE}::uuid)`.catch((e: unknown) =>
      errors.push(e),
    );
    await t.server.db.prisma.user
      .create({ data: { id: PHRASE } })
      .catch((e: unknown) => errors.push(e));
    await t.server.db.pool.query('SELECT $1::uuid', [PHRASE]).catch((e: unknown) => errors.push(e));
    expect(errors).toHaveLength(3);
    for (const err of errors) {
      t.server.logger.error({ err }, 'database call failed');
    }
    // A JSON parse error quotes the text it failed on; a cause chain is followed with the same rules.
    try {
      JSON.parse(`"${PHRASE}`);
    } catch (err) {
      t.server.logger.error({ err: new Error('wrapped', { cause: err }) }, 'parse failed');
    }
    t.server.logger.error(
      {
        err: Object.assign(new Error('body-parser'), { body: PHRASE, type: 'entity.parse.failed' }),
      },
      'parser',
    );
    await settle();
    const output = lines.join('');
    expect(output).not.toContain('purple');
    expect(output).not.toContain('affair');
    const records = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(5);
    for (const record of records) expect(record.err.type).toEqual(expect.any(String));
    // What went wrong stays, as codes: Prisma's, the SQLSTATE and the adapter's kind.
    expect(records[0].err).toMatchObject({
      type: 'PrismaClientKnownRequestError',
      code: 'P2010',
      sqlState: '22P02',
      dbKind: 'InvalidInputValue',
    });
    expect(records[2].err).toMatchObject({ code: '22P02' });
  });
});

describe('safePath', () => {
  it('keeps route words and ids, masks anything else and drops the query string', () => {
    const id = randomUUID();
    expect(safePath(`/api/v1/coach/sessions/${id}?x=1`)).toBe(`/api/v1/coach/sessions/${id}`);
    expect(safePath('/graphql?query={sessions{id}}')).toBe('/graphql');
    expect(safePath('/api/v1/coach/sessions/my%20secret%20affair')).toBe(
      '/api/v1/coach/sessions/:param',
    );
    expect(safePath('/api/v1/coach/me/export')).toBe('/api/v1/coach/me/export');
  });

  it('serializes non-errors without echoing structure', () => {
    expect(safeErrorSerializer('oops "secret"')).toEqual({ type: 'string', message: 'oops "…"' });
    expect(safeErrorSerializer(42)).toEqual({ type: 'number' });
  });
});
