import { randomUUID } from 'node:crypto';
import { ManualClock } from '../src/clock';
import { startTestServer, type TestServer } from './support/server';
import { countRowsBy, seedSession } from './support/seed';

const DELETE_SESSION = `mutation($id: ID!) { deleteSession(id: $id) }`;
const DELETE_ME = `mutation { deleteMyData }`;
const EXPORT = `query { exportMyData }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId coachSessionId referencedData { turnCount } } }`;
const CREATE = `mutation($title: String!) { createSession(input: { title: $title }) { id } }`;
const SESSIONS = `query { sessions(includeDefault: true) { id } }`;

const DOC_KEYS = ['exported_at', 'sessions', 'user_id', 'version'];
const SESSION_KEYS = [
  'created_at',
  'follow_up_enabled',
  'follow_up_time',
  'followups',
  'id',
  'is_default',
  'last_follow_up_at',
  'last_message_at',
  'messages',
  'next_plan_text',
  'primary_topic',
  'status',
  'summary_text',
  'timezone',
  'title',
  'updated_at',
];
const MESSAGE_KEYS = [
  'created_at',
  'emotions',
  'feedback',
  'id',
  'response_style',
  'sender',
  'superseded_by',
  'text',
  'topics',
];
const FEEDBACK_KEYS = ['created_at', 'feedback_type', 'id'];
const FOLLOWUP_KEYS = ['answered_at', 'due_at', 'id', 'local_day', 'message_id', 'prompt'];

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const keys = (value: object) => Object.keys(value).sort();
const allZero = (counts: Record<string, number>) => Object.values(counts).every((n) => n === 0);

/** Fetches the REST export as text (streamed), with its status and headers. */
async function restExport(token: string) {
  const response = await fetch(`${t.url}/api/v1/coach/me/export`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('deleteSession', () => {
  it('removes the session and every row of it in every table, and nothing of the other sessions', async () => {
    const userId = randomUUID();
    const token = await t.token(userId);
    const doomed = await seedSession(t.db, userId, { title: 'doomed' });
    const kept = await seedSession(t.db, userId, { title: 'kept' });
    const keptBefore = await countRowsBy(t.db, 'session_id', kept.sessionId);
    const doomedBefore = await countRowsBy(t.db, 'session_id', doomed.sessionId);
    expect(Object.values(doomedBefore).every((n) => n > 0)).toBe(true); // the check below means something

    const { body } = await t.gql(token, DELETE_SESSION, { id: doomed.sessionId });
    expect(body).toEqual({ data: { deleteSession: true } });
    expect(allZero(await countRowsBy(t.db, 'session_id', doomed.sessionId))).toBe(true);
    // Rows keyed by message (feedback, check-ins) of the deleted messages are gone too.
    const [orphans] = await t.db.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM amora_session_feedback WHERE message_id = ANY($1::uuid[])) + (SELECT count(*) FROM amora_followups WHERE message_id = ANY($1::uuid[])) AS n`,
      [doomed.messageIds],
    );
    expect(Number(orphans.n)).toBe(0);
    expect(await countRowsBy(t.db, 'session_id', kept.sessionId)).toEqual(keptBefore);
    expect(
      (await t.gql(token, `query($id: ID!) { session(id: $id) { id } }`, { id: doomed.sessionId }))
        .body.data.session,
    ).toBeNull();
  });

  it("answers NOT_FOUND for another user's session, a missing id, a non-UUID id and a second delete", async () => {
    const owner = randomUUID();
    const theirs = await seedSession(t.db, owner);
    const before = await countRowsBy(t.db, 'session_id', theirs.sessionId);
    const intruder = await t.token();
    for (const id of [theirs.sessionId, randomUUID(), 'not-a-uuid', '']) {
      const { body } = await t.gql(intruder, DELETE_SESSION, { id });
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    expect(await countRowsBy(t.db, 'session_id', theirs.sessionId)).toEqual(before);

    const ownerToken = await t.token(owner);
    expect(
      (await t.gql(ownerToken, DELETE_SESSION, { id: theirs.sessionId })).body.data.deleteSession,
    ).toBe(true);
    expect(
      (await t.gql(ownerToken, DELETE_SESSION, { id: theirs.sessionId })).body.errors[0].extensions
        .code,
    ).toBe('NOT_FOUND');
  });

  it("over REST: 204 with no body, then 404; 404 for another user's and malformed ids", async () => {
    const userId = randomUUID();
    const token = await t.token(userId);
    const { sessionId } = await seedSession(t.db, userId);
    const other = await seedSession(t.db, randomUUID());

    expect(await t.rest(token, 'DELETE', `/api/v1/coach/sessions/${other.sessionId}`)).toEqual({
      status: 404,
      body: { detail: 'Session not found' },
    });
    expect((await t.rest(token, 'DELETE', '/api/v1/coach/sessions/not-a-uuid')).status).toBe(404);
    expect(await t.rest(token, 'DELETE', `/api/v1/coach/sessions/${sessionId}`)).toEqual({
      status: 204,
      body: null,
    });
    expect(allZero(await countRowsBy(t.db, 'session_id', sessionId))).toBe(true);
    expect((await t.rest(token, 'GET', `/api/v1/coach/sessions/${sessionId}`)).status).toBe(404);
    expect((await t.rest(token, 'DELETE', `/api/v1/coach/sessions/${sessionId}`)).status).toBe(404);
    expect(
      (await countRowsBy(t.db, 'session_id', other.sessionId)).amora_session_messages,
    ).toBeGreaterThan(0);
    expect((await t.rest(null, 'DELETE', `/api/v1/coach/sessions/${sessionId}`)).status).toBe(401);
  });

  it('deletes a session the coach wrote in, and the user can carry on elsewhere', async () => {
    const token = await t.token();
    const sessionId = (await t.gql(token, CREATE, { title: 'Breakup with Alex' })).body.data
      .createSession.id;
    await t.gql(token, SEND, {
      input: {
        specificQuestion: 'Alex left me last week and I cannot stop crying.',
        coachSessionId: sessionId,
      },
    });
    expect((await countRowsBy(t.db, 'session_id', sessionId)).amora_session_state).toBe(1);
    expect((await t.gql(token, DELETE_SESSION, { id: sessionId })).body.data.deleteSession).toBe(
      true,
    );
    expect(allZero(await countRowsBy(t.db, 'session_id', sessionId))).toBe(true);
    const again = await t.gql(token, SEND, {
      input: { specificQuestion: 'I feel lonely tonight.' },
    });
    expect(again.body.errors).toBeUndefined();
    const gone = await t.gql(token, SEND, {
      input: { specificQuestion: 'Still there?', coachSessionId: sessionId },
    });
    expect(gone.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('deleteMyData', () => {
  it('removes every row of the user in every table, leaves other users alone, and the user starts over', async () => {
    const userId = randomUUID();
    const token = await t.token(userId);
    await seedSession(t.db, userId, { isDefault: true, title: 'My conversation' });
    await seedSession(t.db, userId);
    await seedSession(t.db, userId);
    const neighbour = randomUUID();
    await seedSession(t.db, neighbour, { isDefault: true });
    await seedSession(t.db, neighbour);
    const neighbourBefore = await countRowsBy(t.db, 'user_id', neighbour);
    expect(Object.values(await countRowsBy(t.db, 'user_id', userId)).every((n) => n > 0)).toBe(
      true,
    );

    expect((await t.gql(token, DELETE_ME)).body).toEqual({ data: { deleteMyData: true } });
    expect(allZero(await countRowsBy(t.db, 'user_id', userId))).toBe(true);
    expect(await countRowsBy(t.db, 'user_id', neighbour)).toEqual(neighbourBefore);
    expect((await t.gql(token, SESSIONS)).body.data.sessions).toEqual([]);
    // Idempotent: nothing left is not an error.
    expect((await t.gql(token, DELETE_ME)).body.data.deleteMyData).toBe(true);

    // A new beginning: a fresh default session, turn 1, and sessions can be made again.
    const first = await t.gql(token, SEND, {
      input: { specificQuestion: 'Hi, it is me again. My partner and I keep fighting.' },
    });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.sendMessage.referencedData.turnCount).toBe(1);
    expect(
      (await t.gql(token, CREATE, { title: 'Fresh start' })).body.data.createSession.id,
    ).toBeDefined();
  });

  it('over REST: 204, everything gone, other users untouched', async () => {
    const userId = randomUUID();
    const token = await t.token(userId);
    await seedSession(t.db, userId, { isDefault: true });
    await seedSession(t.db, userId);
    const neighbour = randomUUID();
    await seedSession(t.db, neighbour);
    const neighbourBefore = await countRowsBy(t.db, 'user_id', neighbour);

    expect(await t.rest(token, 'DELETE', '/api/v1/coach/me')).toEqual({ status: 204, body: null });
    expect(allZero(await countRowsBy(t.db, 'user_id', userId))).toBe(true);
    expect(await countRowsBy(t.db, 'user_id', neighbour)).toEqual(neighbourBefore);
    expect((await t.rest(token, 'GET', '/api/v1/coach/sessions')).body).toEqual([]);
    expect((await t.rest(null, 'DELETE', '/api/v1/coach/me')).status).toBe(401);
  });
});

describe('races with deletion and first requests', () => {
  const codes = (body: { errors?: { extensions?: { code?: string } }[] }) =>
    (body.errors ?? []).map((e) => e.extensions?.code);

  it('deleteSession racing turns: never INTERNAL_SERVER_ERROR, and the session is gone', async () => {
    const token = await t.token();
    for (let round = 0; round < 6; round++) {
      const sessionId = (await t.gql(token, CREATE, { title: `Race ${round}` })).body.data
        .createSession.id as string;
      await t.gql(token, SEND, {
        input: { specificQuestion: 'We fight every night.', coachSessionId: sessionId },
      });
      const turns = Array.from({ length: 8 }, (_, i) =>
        t.gql(token, SEND, {
          input: { specificQuestion: `It got worse tonight (${i}).`, coachSessionId: sessionId },
        }),
      );
      const deletion = t.gql(token, DELETE_SESSION, { id: sessionId });
      const [deleted, ...answers] = await Promise.all([deletion, ...turns]);
      expect(codes(deleted.body)).toEqual([]);
      expect(deleted.body.data.deleteSession).toBe(true);
      for (const answer of answers) {
        // A turn either landed before the deletion (and went with it) or found no session.
        expect(codes(answer.body).every((code) => code === 'NOT_FOUND')).toBe(true);
      }
      expect(allZero(await countRowsBy(t.db, 'session_id', sessionId))).toBe(true);
    }
  });

  it('a new user creating 50 sessions at once: every one succeeds', async () => {
    const userId = randomUUID();
    const token = await t.token(userId);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.gql(token, CREATE, { title: `Parallel ${i}` })),
    );
    expect(answers.flatMap((answer) => codes(answer.body))).toEqual([]);
    const [row] = await t.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM amora_sessions WHERE user_id = $1',
      [userId],
    );
    expect(Number(row.n)).toBe(50);
  });

  it('deleteMyData racing first requests: no foreign key 500, and the erasure holds', async () => {
    for (let round = 0; round < 5; round++) {
      const userId = randomUUID();
      const token = await t.token(userId);
      const requests = Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? t.gql(token, CREATE, { title: `First ${i}` })
          : t.gql(token, SEND, { input: { specificQuestion: `Hello, first time here (${i}).` } }),
      );
      const erase = t.gql(token, DELETE_ME);
      const [erased, ...answers] = await Promise.all([erase, ...requests]);
      expect(erased.body.data.deleteMyData).toBe(true);
      for (const answer of answers) {
        expect(codes(answer.body).every((code) => code === 'NOT_FOUND')).toBe(true);
      }
      // Whatever landed after the erasure belongs to a user that exists again.
      const orphans = await t.db.query(
        `SELECT 1 FROM amora_sessions s WHERE s.user_id = $1
           AND NOT EXISTS (SELECT 1 FROM amora_users u WHERE u.id = s.user_id)`,
        [userId],
      );
      expect(orphans).toEqual([]);
    }
  });
});

describe('exportMyData', () => {
  it('round-trips every message id, with the exact documented keys, the same on both faces', async () => {
    const userId = randomUUID();
    const token = await t.token(userId);
    const seeded = [
      await seedSession(t.db, userId, { isDefault: true, title: 'My conversation' }),
      await seedSession(t.db, userId, { title: 'Breakup with Alex', turns: 4 }),
      await seedSession(t.db, userId, { title: 'Trust', turns: 2 }),
    ];
    await seedSession(t.db, randomUUID(), { title: 'someone else' });

    const gql = await t.gql(token, EXPORT);
    expect(gql.body.errors).toBeUndefined();
    const doc = gql.body.data.exportMyData;
    const rest = await restExport(token);
    expect(rest.status).toBe(200);
    expect(rest.headers.get('content-type')).toMatch(/^application\/json/);
    const restDoc = JSON.parse(rest.text);
    expect({ ...restDoc, exported_at: null }).toEqual({ ...doc, exported_at: null });

    expect(keys(doc)).toEqual(DOC_KEYS);
    expect(doc).toMatchObject({ version: 1, user_id: userId });
    expect(new Date(doc.exported_at).toISOString()).toBe(doc.exported_at);
    expect(doc.sessions.map((s: { id: string }) => s.id)).toEqual(seeded.map((s) => s.sessionId));
    expect(doc.sessions.map((s: { is_default: boolean }) => s.is_default)).toEqual([
      true,
      false,
      false,
    ]);

    for (const [i, session] of doc.sessions.entries()) {
      expect(keys(session)).toEqual(SESSION_KEYS);
      expect(session).toMatchObject({
        status: 'ACTIVE',
        timezone: 'Europe/Berlin',
        follow_up_time: '21:30',
        primary_topic: 'heartbreak',
        summary_text: 'a summary',
      });
      const sql = await t.db.query<{ id: string; superseded_by_id: string | null }>(
        'SELECT id, superseded_by_id FROM amora_session_messages WHERE session_id = $1 ORDER BY seq',
        [session.id],
      );
      expect(session.messages.map((m: { id: string }) => m.id)).toEqual(sql.map((row) => row.id));
      expect(session.messages.map((m: { id: string }) => m.id)).toEqual(seeded[i].messageIds);
      for (const message of session.messages) {
        expect(keys(message)).toEqual(MESSAGE_KEYS);
        expect(['USER', 'AMORA']).toContain(message.sender);
        for (const feedback of message.feedback) expect(keys(feedback)).toEqual(FEEDBACK_KEYS);
      }
      const superseded = session.messages.find(
        (m: { id: string }) => m.id === seeded[i].supersededId,
      );
      expect(superseded.superseded_by).toBe(seeded[i].replacementId);
      expect(superseded.feedback.map((f: { feedback_type: string }) => f.feedback_type)).toEqual([
        'REGENERATE',
      ]);
      expect(
        session.messages
          .flatMap((m: { feedback: { id: string }[] }) => m.feedback.map((f) => f.id))
          .sort(),
      ).toEqual([...seeded[i].feedbackIds].sort());
      expect(session.messages[0]).toMatchObject({
        sender: 'USER',
        text: 'message 0',
        topics: ['heartbreak'],
        emotions: ['sad'],
        response_style: null,
        superseded_by: null,
        feedback: [],
      });
      expect(session.messages[1]).toMatchObject({
        sender: 'AMORA',
        text: 'message 1',
        response_style: 'GROUNDING',
      });
      expect(session.followups).toHaveLength(1);
      expect(keys(session.followups[0])).toEqual(FOLLOWUP_KEYS);
      expect(session.followups[0]).toEqual({
        id: seeded[i].followupId,
        local_day: '2026-03-01',
        due_at: '2026-03-01T20:30:00.000Z',
        prompt: 'How have you been feeling?',
        message_id: seeded[i].messageIds[seeded[i].messageIds.length - 1],
        answered_at: null,
      });
    }
  });

  it('exports what the coach wrote, regenerated answers included, and nothing for a new user', async () => {
    const token = await t.token();
    const sessionId = (await t.gql(token, CREATE, { title: 'Breakup with Alex' })).body.data
      .createSession.id;
    const first = (
      await t.gql(token, SEND, {
        input: {
          specificQuestion: 'Alex broke up with me and I feel lost.',
          coachSessionId: sessionId,
        },
      })
    ).body.data.sendMessage;
    await t.gql(token, SEND, { input: { specificQuestion: 'Should I text him?' } });
    const regenerated = await t.gql(
      token,
      `mutation($id: ID!) { regenerateResponse(messageId: $id) { messageId } }`,
      { id: first.messageId },
    );
    expect(regenerated.body.errors).toBeUndefined();
    const doc = (await t.gql(token, EXPORT)).body.data.exportMyData;
    const ids = doc.sessions
      .flatMap((s: { messages: { id: string }[] }) => s.messages.map((m) => m.id))
      .sort();
    const sql = (
      await t.db.query<{ id: string }>(
        'SELECT m.id FROM amora_session_messages m JOIN amora_sessions s ON s.id = m.session_id WHERE s.user_id = (SELECT user_id FROM amora_sessions WHERE id = $1)',
        [sessionId],
      )
    )
      .map((r) => r.id)
      .sort();
    expect(ids).toEqual(sql);
    // The named session: a question, its replaced answer and the replacement; the default session: one pair.
    expect(ids).toHaveLength(5);
    const replaced = doc.sessions
      .flatMap((s: { messages: { id: string; superseded_by: string | null }[] }) => s.messages)
      .find((m: { id: string }) => m.id === first.messageId);
    expect(replaced.superseded_by).toBe(regenerated.body.data.regenerateResponse.messageId);

    const nobody = await t.token();
    const empty = (await t.gql(nobody, EXPORT)).body.data.exportMyData;
    expect(empty).toMatchObject({ version: 1, sessions: [] });
    expect(JSON.parse((await restExport(nobody)).text)).toMatchObject({ version: 1, sessions: [] });
    expect((await t.rest(null, 'GET', '/api/v1/coach/me/export')).status).toBe(401);
  });

  describe('a long history', () => {
    const MESSAGES = 20_000;
    let userId: string;
    let token: string;
    const messageCount = async () => {
      const [row] = await t.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM amora_session_messages WHERE user_id = $1',
        [userId],
      );
      return Number(row.n);
    };
    beforeAll(async () => {
      userId = randomUUID();
      token = await t.token(userId);
      const { sessionId } = await seedSession(t.db, userId, { turns: 1 });
      // ~1 KB per message, distinct per row: the document is some 25 MB.
      await t.db.query(
        `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata)
         SELECT gen_random_uuid(), $1, $2, CASE WHEN i % 2 = 0 THEN 'user'::amora_sender ELSE 'amora'::amora_sender END,
                'turn ' || i || ': ' || repeat(md5(i::text), 30), '{"topics": ["heartbreak"], "emotions": ["sad"]}'
         FROM generate_series(1, $3::int) AS i`,
        [sessionId, userId, MESSAGES],
      );
    });

    it('is read in keyset batches of at most 500 messages', async () => {
      const sizes: number[] = [];
      for await (const part of t.server.services.privacy.exportParts(userId)) {
        if (part.kind === 'messages') sizes.push(part.messages.length);
      }
      expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(await messageCount());
      expect(sizes.length).toBeGreaterThanOrEqual(MESSAGES / 500);
    });

    // The heap bound (a fifth of the document) is measured in bench/hardening.ts.
    it('streams over REST in pieces, the whole document', async () => {
      const response = await fetch(`${t.url}/api/v1/coach/me/export`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      const chunks: Buffer[] = [];
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        chunks.push(Buffer.from(chunk));
      const size = chunks.reduce((n, c) => n + c.length, 0);
      expect(size).toBeGreaterThan(20_000_000);
      expect(chunks.length).toBeGreaterThan(10); // it arrived in pieces
      const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      expect(doc.sessions[0].messages).toHaveLength(await messageCount());
    });

    it('gives its connection back when the client goes away mid-stream', async () => {
      const pool = t.server.db.pool;
      const abort = new AbortController();
      const response = await fetch(`${t.url}/api/v1/coach/me/export`, {
        headers: { authorization: `Bearer ${token}` },
        signal: abort.signal,
      });
      const reader = response.body!.getReader();
      await reader.read();
      abort.abort();
      await reader.read().catch(() => undefined);
      // The snapshot transaction ends and the connection returns to the pool (or is dropped) promptly.
      const deadline = Date.now() + 5_000;
      let open = -1;
      while (Date.now() < deadline) {
        const [row] = await t.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        );
        open = Number(row.n);
        if (open === 0 && pool.idleCount === pool.totalCount) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(open).toBe(0);
      expect(pool.idleCount).toBe(pool.totalCount);
    });
  });
});

describe('retention', () => {
  it('sweeps messages older than AMORA_RETENTION_DAYS and keeps the rest', async () => {
    const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
    const r = await startTestServer({ clock, env: { AMORA_RETENTION_DAYS: '30' } });
    try {
      // The test drives the sweeps itself: the start-up sweep is waited for and the timer stopped,
      // so none runs between the dating of the rows below and the sweep counted.
      await r.server.services.retention.stop();
      const userId = randomUUID();
      const { sessionId, messageIds } = await seedSession(r.db, userId);
      const [oldId, ...recent] = messageIds;
      await r.db.query(
        `UPDATE amora_session_messages SET created_at = '2026-04-01T00:00:00Z' WHERE id = $1`,
        [oldId],
      );
      await r.db.query(
        `UPDATE amora_session_messages SET created_at = '2026-05-20T00:00:00Z' WHERE id <> $1 AND session_id = $2`,
        [oldId, sessionId],
      );
      expect(await r.server.services.retention.sweep(clock.now())).toBe(1);
      const left = (
        await r.db.query<{ id: string }>(
          'SELECT id FROM amora_session_messages WHERE session_id = $1',
          [sessionId],
        )
      ).map((row) => row.id);
      expect(left.sort()).toEqual([...recent].sort());
      expect(await r.server.services.retention.sweep(new Date('2026-06-25T00:00:00Z'))).toBe(
        recent.length,
      );
      // The session itself stays.
      expect((await countRowsBy(r.db, 'session_id', sessionId))['amora_sessions.id']).toBe(1);
      expect((await countRowsBy(r.db, 'session_id', sessionId)).amora_session_state).toBe(1);
    } finally {
      await r.stop();
    }
  });

  it('does nothing when off', async () => {
    expect(t.config.retentionDays).toBe(0);
    expect(await t.server.services.retention.sweep(new Date('2100-01-01T00:00:00Z'))).toBe(0);
  });
});
