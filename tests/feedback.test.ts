import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startTestServer, type TestServer } from './support/server';
import { waitFor } from './support/waiting';

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message messageId coachSessionId referencedData { turnCount } } }`;
const FEEDBACK = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { success feedbackId message feedback { id type message { id } } } }`;
const REGENERATE = `mutation($id: ID!) { regenerateResponse(messageId: $id) { message messageId coachSessionId referencedData { turnCount } } }`;

let t: TestServer;
const statements: string[] = [];
beforeAll(async () => {
  t = await startTestServer({ onQuery: (sql) => statements.push(sql) });
});
afterAll(async () => {
  await t.stop();
});

async function turn(token: string, text: string, sessionId?: string) {
  const { body } = await t.gql(token, SEND, {
    input: { specificQuestion: text, coachSessionId: sessionId },
  });
  expect(body.errors).toBeUndefined();
  return body.data.sendMessage;
}
const newSession = async (token: string, title = 'Feedback') =>
  (
    await t.gql(token, `mutation($t: String!) { createSession(input: {title: $t}) { id } }`, {
      t: title,
    })
  ).body.data.createSession.id as string;

describe('ratings', () => {
  it('keeps one rating per message: like then dislike leaves one DISLIKE', async () => {
    const token = await t.token();
    const reply = await turn(token, 'My husband and I barely talk anymore.');
    const like = await t.gql(token, FEEDBACK, {
      input: { messageId: reply.messageId, feedbackType: 'LIKE' },
    });
    expect(like.body.data.submitFeedback).toMatchObject({
      success: true,
      message: 'Feedback (like) recorded',
      feedback: { type: 'LIKE', message: { id: reply.messageId } },
    });
    const dislike = await t.rest(token, 'POST', '/api/v1/coach/sessions/feedback', {
      message_id: reply.messageId,
      feedback_type: 'Dislike',
    });
    expect(dislike.status).toBe(200);
    expect(dislike.body).toEqual({
      success: true,
      feedback_id: expect.any(String),
      message: 'Feedback (dislike) recorded',
    });
    const rows = await t.db.query<{ feedback_type: string }>(
      'SELECT feedback_type FROM amora_session_feedback WHERE message_id = $1',
      [reply.messageId],
    );
    expect(rows).toEqual([{ feedback_type: 'dislike' }]);
    const shown = (
      await t.gql(token, `query($id: ID!) { message(id: $id) { feedback { type } } }`, {
        id: reply.messageId,
      })
    ).body.data.message;
    expect(shown.feedback).toEqual([{ type: 'DISLIKE' }]);
  });

  it('keeps exactly one rating when 40 arrive at once, over both faces', async () => {
    const token = await t.token();
    const reply = await turn(token, 'We keep arguing about money and I am so tired of it.');
    // Hold the rated message's row so the ratings pile up and then run truly at once.
    const blocker = new Client({ connectionString: t.db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM amora_session_messages WHERE id = $1 FOR UPDATE', [
      reply.messageId,
    ]);
    const pending = Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const type = i % 2 === 0 ? 'LIKE' : 'DISLIKE';
        return i % 4 < 2
          ? t
              .gql(token, FEEDBACK, { input: { messageId: reply.messageId, feedbackType: type } })
              .then((r) => (r.body.errors ? 500 : r.status))
          : t
              .rest(token, 'POST', '/api/v1/coach/sessions/feedback', {
                message_id: reply.messageId,
                feedback_type: type.toLowerCase(),
              })
              .then((r) => r.status);
      }),
    );
    await waitFor('ratings waiting on the row', async () => {
      const [row] = await t.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return Number(row.n) >= 8;
    });
    await blocker.query('COMMIT');
    await blocker.end();
    const answers = await pending;
    expect(answers.every((status) => status === 200)).toBe(true);
    const rows = await t.db.query<{ feedback_type: string }>(
      `SELECT feedback_type FROM amora_session_feedback WHERE message_id = $1 AND feedback_type IN ('like', 'dislike')`,
      [reply.messageId],
    );
    expect(rows).toHaveLength(1);
    // A regenerate request is an event, not a rating: it adds a row beside the rating.
    await t.gql(token, REGENERATE, { id: reply.messageId });
    const all = await t.db.query('SELECT 1 FROM amora_session_feedback WHERE message_id = $1', [
      reply.messageId,
    ]);
    expect(all).toHaveLength(2);
  });

  it("refuses feedback on a user message (422) and on someone else's message (404)", async () => {
    const alice = await t.token();
    const bob = await t.token();
    const reply = await turn(alice, 'I think my girlfriend is hiding something from me.');
    const [userMessage] = await t.db.query<{ id: string }>(
      `SELECT id FROM amora_session_messages WHERE session_id = $1 AND sender = 'user'`,
      [reply.coachSessionId],
    );
    const own = await t.gql(alice, FEEDBACK, {
      input: { messageId: userMessage.id, feedbackType: 'LIKE' },
    });
    expect(own.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'messageId',
    });
    expect(
      (
        await t.rest(alice, 'POST', '/api/v1/coach/sessions/feedback', {
          message_id: userMessage.id,
          feedback_type: 'like',
        })
      ).status,
    ).toBe(422);
    const foreign = await t.gql(bob, FEEDBACK, {
      input: { messageId: reply.messageId, feedbackType: 'LIKE' },
    });
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(
      (
        await t.rest(bob, 'POST', '/api/v1/coach/sessions/feedback', {
          message_id: reply.messageId,
          feedback_type: 'like',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.rest(bob, 'POST', '/api/v1/coach/sessions/feedback', {
          message_id: 'nope',
          feedback_type: 'like',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.rest(alice, 'POST', '/api/v1/coach/sessions/feedback', {
          message_id: reply.messageId,
          feedback_type: 'love',
        })
      ).status,
    ).toBe(422);
    const rows = await t.db.query(
      'SELECT 1 FROM amora_session_feedback WHERE message_id = ANY($1)',
      [[reply.messageId, userMessage.id]],
    );
    expect(rows).toHaveLength(0);
  });

  it('stops choosing blocks this user disliked', async () => {
    const token = await t.token();
    const text = 'I feel so jealous whenever my partner texts their ex.';
    const first = await turn(token, text, await newSession(token, 'A'));
    await t.gql(token, FEEDBACK, {
      input: { messageId: first.messageId, feedbackType: 'DISLIKE' },
    });
    const second = await turn(token, text, await newSession(token, 'B'));
    const blocks = async (id: string) =>
      (
        await t.db.query<{ metadata: { block_ids: string[] } }>(
          'SELECT metadata FROM amora_session_messages WHERE id = $1',
          [id],
        )
      )[0].metadata.block_ids;
    const disliked = await blocks(first.messageId);
    expect(disliked.length).toBeGreaterThan(0);
    expect((await blocks(second.messageId)).filter((id) => disliked.includes(id))).toEqual([]);
  });
});

describe('regenerate', () => {
  it('writes three different answers, keeps history, and does not count the turn again', async () => {
    const token = await t.token();
    const sessionId = await newSession(token, 'Regenerate');
    const original = await turn(
      token,
      'We had a huge fight about money and he stormed out.',
      sessionId,
    );
    const answers = [original];
    for (let i = 0; i < 3; i++) {
      const { body } = await t.gql(token, REGENERATE, { id: answers.at(-1).messageId });
      expect(body.errors).toBeUndefined();
      expect(body.data.regenerateResponse.referencedData.turnCount).toBe(1);
      expect(body.data.regenerateResponse.coachSessionId).toBe(sessionId);
      answers.push(body.data.regenerateResponse);
    }
    expect(new Set(answers.map((a) => a.message)).size).toBe(4);
    expect(new Set(answers.map((a) => a.messageId)).size).toBe(4);
    const feedback = await t.db.query(
      `SELECT 1 FROM amora_session_feedback WHERE feedback_type = 'regenerate' AND session_id = $1`,
      [sessionId],
    );
    expect(feedback).toHaveLength(3);

    // History: the conversation shows the latest answer in place; replaced ones stay readable.
    const session = (
      await t.gql(
        token,
        `query($id: ID!) { session(id: $id) { messages { totalCount edges { node { id sender } } } } }`,
        { id: sessionId },
      )
    ).body.data.session;
    expect(session.messages.totalCount).toBe(2);
    expect(session.messages.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      expect.any(String),
      answers[3].messageId,
    ]);
    const old = (
      await t.gql(token, `query($id: ID!) { message(id: $id) { text supersededById } }`, {
        id: original.messageId,
      })
    ).body.data.message;
    expect(old).toEqual({ text: original.message, supersededById: answers[1].messageId });

    // Regenerating an answer that was already replaced works too, and the next turn counts on.
    const again = await t.gql(token, REGENERATE, { id: original.messageId });
    expect(
      new Set([...answers.map((a) => a.message), again.body.data.regenerateResponse.message]).size,
    ).toBe(5);
    const next = await turn(token, 'He came back and we talked a bit.', sessionId);
    expect(next.referencedData.turnCount).toBe(2);
    const [state] = await t.db.query<{ turn_count: number }>(
      'SELECT turn_count FROM amora_session_state WHERE session_id = $1',
      [sessionId],
    );
    expect(state.turn_count).toBe(2);
  });

  it("refuses a user message and a stranger's answer", async () => {
    const alice = await t.token();
    const reply = await turn(alice, 'My mother keeps pushing me to get married.');
    const [userMessage] = await t.db.query<{ id: string }>(
      `SELECT id FROM amora_session_messages WHERE session_id = $1 AND sender = 'user'`,
      [reply.coachSessionId],
    );
    expect(
      (await t.gql(alice, REGENERATE, { id: userMessage.id })).body.errors[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await t.gql(await t.token(), REGENERATE, { id: reply.messageId })).body.errors[0].extensions
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await t.gql(alice, REGENERATE, { id: randomUUID() })).body.errors[0].extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('keeps the seed\'s REST flow: feedback "regenerate", then POST /coach/ again', async () => {
    const token = await t.token();
    const first = await t.rest(token, 'POST', '/api/v1/coach/', {
      mode: 'LEARN',
      specific_question: 'I feel lonely in my marriage.',
    });
    const fb = await t.rest(token, 'POST', '/api/v1/coach/sessions/feedback', {
      message_id: first.body.message_id,
      feedback_type: 'regenerate',
    });
    expect(fb.body.message).toBe('Feedback (regenerate) recorded');
    const again = await t.rest(token, 'POST', '/api/v1/coach/', {
      mode: 'LEARN',
      specific_question: 'I feel lonely in my marriage.',
      coach_session_id: first.body.coach_session_id,
    });
    expect(again.status).toBe(200);
    expect(again.body.message).not.toBe(first.body.message);
  });
});

describe('nested queries', () => {
  const DEEP = `{ sessions { id title messages(first: 50) { totalCount edges { node { id text session { id } feedback { id type message { id } } } } } } }`;

  async function seed(sessions: number, messagesPerSession: number) {
    const userId = randomUUID();
    await t.db.query('INSERT INTO amora_users (id) VALUES ($1)', [userId]);
    await t.db.query(
      `
      INSERT INTO amora_sessions (id, user_id, title, updated_at) SELECT gen_random_uuid(), $1, 'S' || g, now() FROM generate_series(1, $2) g`,
      [userId, sessions],
    );
    await t.db.query(
      `
      INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text)
      SELECT gen_random_uuid(), s.id, $1, CASE WHEN g % 2 = 0 THEN 'user'::amora_sender ELSE 'amora'::amora_sender END, 'm' || g
      FROM amora_sessions s, generate_series(1, $2) g WHERE s.user_id = $1`,
      [userId, messagesPerSession],
    );
    await t.db.query(
      `
      INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type)
      SELECT gen_random_uuid(), m.session_id, m.id, $1, 'like' FROM amora_session_messages m WHERE m.user_id = $1 AND m.sender = 'amora'`,
      [userId],
    );
    return t.token(userId);
  }

  it('costs at most 4 SQL statements for 50 sessions x 20 messages with feedback, and no more for less data', async () => {
    const counts: number[] = [];
    for (const [sessions, messages] of [
      [50, 20],
      [5, 4],
    ] as const) {
      const token = await seed(sessions, messages);
      statements.length = 0;
      const { body } = await t.gql(token, DEEP);
      expect(body.errors).toBeUndefined();
      expect(body.data.sessions).toHaveLength(sessions);
      expect(body.data.sessions[0].messages.totalCount).toBe(messages);
      const feedback = body.data.sessions.flatMap((s: any) =>
        s.messages.edges.flatMap((e: any) => e.node.feedback),
      );
      expect(feedback).toHaveLength((sessions * messages) / 2);
      expect(feedback.every((f: { type: string }) => f.type === 'LIKE')).toBe(true);
      counts.push(statements.length);
    }
    expect(counts[0]).toBeLessThanOrEqual(4);
    expect(counts[0]).toBe(counts[1]);
  });
});
