import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './support/server';

const CREATE = `mutation($title: String!) { createSession(input: { title: $title }) { id } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId } }`;
const REGENERATE = `mutation($id: ID!) { regenerateResponse(messageId: $id) { messageId } }`;

describe('abuse limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      env: {
        AMORA_RATE_LIMIT_TURNS_PER_MINUTE: '3',
        AMORA_RATE_LIMIT_SESSIONS_PER_HOUR: '2',
        AMORA_BODY_LIMIT_BYTES: '20000',
      },
    });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('limits coach turns per user, with 429 / RATE_LIMITED and a retry hint, per user', async () => {
    const token = await t.token();
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.gql(token, SEND, { input: { specificQuestion: `We keep fighting, day ${i}.` } }))
          .body.errors,
      ).toBeUndefined();
    }
    const limited = await t.gql(token, SEND, { input: { specificQuestion: 'One more.' } });
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    const rest = await t.rest(token, 'POST', '/api/v1/coach/', {
      mode: 'LEARN',
      specific_question: 'And another.',
    });
    expect(rest.status).toBe(429);
    expect(rest.body.detail).toMatch(/try again/);
    // Another user is not affected.
    expect(
      (await t.gql(await t.token(), SEND, { input: { specificQuestion: 'Hello' } })).body.errors,
    ).toBeUndefined();
  });

  it('counts regenerations as turns, over GraphQL and as REGENERATE feedback over REST', async () => {
    const token = await t.token();
    const first = await t.gql(token, SEND, { input: { specificQuestion: 'We argue.' } });
    const messageId = first.body.data.sendMessage.messageId;
    const regenerated = await t.gql(token, REGENERATE, { id: messageId });
    expect(regenerated.body.errors).toBeUndefined();
    const feedback = await t.rest(token, 'POST', '/api/v1/coach/sessions/feedback', {
      message_id: messageId,
      feedback_type: 'regenerate',
    });
    expect(feedback.status).toBe(200);
    // Three turns used: the fourth of each kind is refused and stores nothing.
    const again = await t.gql(token, REGENERATE, { id: messageId });
    expect(again.status).toBe(429);
    expect(again.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    const moreFeedback = await t.rest(token, 'POST', '/api/v1/coach/sessions/feedback', {
      message_id: messageId,
      feedback_type: 'regenerate',
    });
    expect(moreFeedback.status).toBe(429);
    const [rows] = await t.db.query<{ answers: string }>(
      `SELECT count(*) AS answers FROM amora_session_messages WHERE sender = 'amora' AND reply_to_id =
         (SELECT reply_to_id FROM amora_session_messages WHERE id = $1::uuid)`,
      [messageId],
    );
    expect(Number(rows.answers)).toBe(2);
  });

  it('uses no quota for turns that fail: not found, or a failed write', async () => {
    const token = await t.token();
    for (let i = 0; i < 4; i++) {
      const missing = await t.gql(token, SEND, {
        input: { specificQuestion: 'Hello?', coachSessionId: randomUUID() },
      });
      expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    // The database refuses every new message for a moment: each turn fails with a 500.
    await t.db.query(
      `ALTER TABLE amora_session_messages ADD CONSTRAINT hardening_refuse CHECK (false) NOT VALID`,
    );
    try {
      for (let i = 0; i < 4; i++) {
        const failed = await t.gql(token, SEND, { input: { specificQuestion: 'Are you there?' } });
        expect(failed.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      }
    } finally {
      await t.db.query(`ALTER TABLE amora_session_messages DROP CONSTRAINT hardening_refuse`);
    }
    for (let i = 0; i < 3; i++) {
      const sent = await t.gql(token, SEND, { input: { specificQuestion: `Still here ${i}.` } });
      expect(sent.body.errors).toBeUndefined();
    }
    expect((await t.gql(token, SEND, { input: { specificQuestion: 'Fourth.' } })).status).toBe(429);
  });

  it('limits session creation per user', async () => {
    const token = await t.token();
    expect((await t.gql(token, CREATE, { title: 'one' })).body.errors).toBeUndefined();
    expect((await t.gql(token, CREATE, { title: 'two' })).body.errors).toBeUndefined();
    const third = await t.rest(token, 'POST', '/api/v1/coach/sessions', { title: 'three' });
    expect(third.status).toBe(429);
    const [count] = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM amora_sessions WHERE title = 'three'`,
    );
    expect(Number(count.n)).toBe(0);
  });

  it('refuses queries nested too deep, and too complex, before running them', async () => {
    const token = await t.token();
    const deep = `{ sessions { messages { edges { node { session { messages { edges { node { session { messages { edges { node { id } } } } } } } } } } } } }`;
    const tooDeep = await t.gql(token, deep);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors[0].message).toMatch(/depth/);
    const fields = Array.from({ length: 1100 }, (_, i) => `f${i}: id`).join(' ');
    const tooWide = await t.gql(token, `{ sessions { ${fields} } }`);
    expect(tooWide.body.errors[0].message).toMatch(/too much|tokens/);
    expect(tooWide.body.data).toBeUndefined();
  });

  it('refuses bodies over the limit with 413', async () => {
    const token = await t.token();
    const big = await t.rest(token, 'POST', '/api/v1/coach/sessions', {
      title: 'x'.repeat(30_000),
    });
    expect(big.status).toBe(413);
    expect(big.body.detail).toMatch(/larger than/);
  });
});
