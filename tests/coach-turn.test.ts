import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { isForeignKeyViolation } from '../src/db/errors';
import { startTestServer, type TestServer } from './support/server';
import { waitFor } from './support/waiting';

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  message mode confidence engine responseStyle coachSessionId messageId
  referencedData { topics emotions responseStyle stage turnCount safety }
  session { id summaryText nextPlanText lastMessageAt }
} }`;
const CREATE = `mutation($title: String!) { createSession(input: { title: $title }) { id } }`;

/** Twenty things someone might say, over a week, about Alex leaving them. */
const BREAKUP = [
  'My boyfriend Alex broke up with me last week and I cannot stop crying.',
  'We were together for 3 years and I thought he was the one.',
  'I keep replaying the last conversation we had in my head.',
  'Everything in my apartment reminds me of Alex and our breakup.',
  'I feel so alone since the breakup, my friends are tired of hearing about it.',
  'He said he needed space and then he just left. I miss him so much.',
  'Some days I feel angry at him for giving up on us so fast.',
  'I wonder whether I pushed him away by being too needy.',
  'My heart is broken and I do not know how to get over him.',
  'I noticed I always end up chasing people who pull away from me.',
  'Maybe this breakup is showing me something about what I need.',
  'I want to stop checking his instagram every night.',
  'What should I do when I feel the urge to text him?',
  'How do I start moving on from Alex without pretending I am fine?',
  'I think I need to rebuild my life after this breakup, but where do I start?',
  'Should I delete our photos or keep them somewhere?',
  'I went for a walk today and cried less than yesterday.',
  'What can I do this weekend so I do not sit at home missing him?',
  'I want to get my confidence back after the breakup.',
  'What would a healthier next relationship look like for me after Alex?',
];

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function send(
  token: string,
  specificQuestion: string,
  coachSessionId?: string,
  context?: unknown,
) {
  const { body } = await t.gql(token, SEND, {
    input: { specificQuestion, coachSessionId, context },
  });
  expect(body.errors).toBeUndefined();
  return body.data.sendMessage;
}

describe('a 20-turn conversation on one topic', () => {
  it('deepens, never repeats a block, varies its style, and summarises every 5th turn', async () => {
    const token = await t.token();
    const sessionId = (await t.gql(token, CREATE, { title: 'Breakup with Alex' })).body.data
      .createSession.id;
    const replies: any[] = [];
    for (const [i, text] of BREAKUP.entries()) {
      const reply = await send(token, text, sessionId);
      expect(reply.coachSessionId).toBe(sessionId);
      expect(reply.engine).toBe('blocks');
      expect(reply.mode).toBe('LEARN');
      expect(reply.referencedData.turnCount).toBe(i + 1);
      expect(reply.message).not.toMatch(/[{}]/);
      expect((reply.message.match(/\?/g) ?? []).length).toBeLessThanOrEqual(2);
      expect(reply.confidence).toBeGreaterThan(0);
      expect(reply.confidence).toBeLessThanOrEqual(1);
      replies.push(reply);
      if ((i + 1) % 5 === 0) {
        const { summaryText, nextPlanText } = reply.session;
        expect(summaryText).toContain('Alex');
        expect(nextPlanText).toBeTruthy();
        const rows = await t.db.query<{ summary_text: string }>(
          'SELECT summary_text FROM amora_sessions WHERE id = $1',
          [sessionId],
        );
        expect(rows[0].summary_text).toBe(summaryText);
      } else if (i < 4) {
        expect(reply.session.summaryText).toBeNull();
      }
    }
    // Summaries are rewritten at 5, 10, 15 and 20, not kept from the first one.
    const summaries = [4, 9, 14, 19].map((i) => replies[i].session.summaryText);
    expect(new Set(summaries).size).toBeGreaterThan(1);

    const stages = replies.map((r) => r.referencedData.stage);
    for (let i = 1; i < stages.length; i++) {
      expect(stages[i] - stages[i - 1]).toBeGreaterThanOrEqual(0);
      expect(stages[i] - stages[i - 1]).toBeLessThanOrEqual(1);
    }
    expect(stages[0]).toBe(1);
    expect(stages.at(-1)).toBeGreaterThanOrEqual(3);

    const styles = replies.map((r) => r.responseStyle);
    expect(new Set(styles).size).toBeGreaterThanOrEqual(3);
    for (let i = 2; i < styles.length; i++)
      expect(styles[i] === styles[i - 1] && styles[i] === styles[i - 2]).toBe(false);

    const stored = await t.db.query<{ metadata: { block_ids: string[] } }>(
      `SELECT metadata FROM amora_session_messages WHERE session_id = $1 AND sender = 'amora' ORDER BY seq`,
      [sessionId],
    );
    const blockIds = stored.flatMap((row) => row.metadata.block_ids);
    expect(stored).toHaveLength(20);
    expect(new Set(blockIds).size).toBe(blockIds.length);
    expect(replies[0].referencedData.topics[0]).toBe('heartbreak');
  });
});

describe('sessions keep their own memory', () => {
  it("starts a new session fresh, and one session's turns do not move another's", async () => {
    const token = await t.token();
    const a = (await t.gql(token, CREATE, { title: 'Alex' })).body.data.createSession.id;
    const b = (await t.gql(token, CREATE, { title: 'Work stress' })).body.data.createSession.id;
    for (let i = 0; i < 3; i++) await send(token, BREAKUP[i], a);
    const first = await send(token, 'My wife and I keep fighting about money and chores.', b);
    expect(first.referencedData.turnCount).toBe(1);
    expect(first.referencedData.stage).toBe(1);
    expect(first.referencedData.topics).not.toContain('heartbreak');
    const states = await t.db.query<{
      session_id: string;
      turn_count: number;
      state: { partnerName: string | null };
    }>('SELECT session_id, turn_count, state FROM amora_session_state WHERE session_id = ANY($1)', [
      [a, b],
    ]);
    const byId = Object.fromEntries(states.map((s) => [s.session_id, s]));
    expect(byId[a].turn_count).toBe(3);
    expect(byId[b].turn_count).toBe(1);
    expect(byId[a].state.partnerName).toBe('Alex');
    expect(byId[b].state.partnerName).toBeNull();
  });

  it('sends messages without a session id to the default session, hidden from the list unless asked', async () => {
    const token = await t.token();
    const one = await send(token, 'I feel lonely since moving to a new city.');
    const two = await send(token, 'Nobody here really knows me yet.');
    expect(two.coachSessionId).toBe(one.coachSessionId);
    expect(two.referencedData.turnCount).toBe(2);
    expect((await t.gql(token, '{ sessions { id } }')).body.data.sessions).toEqual([]);
    const all = (await t.gql(token, '{ sessions(includeDefault: true) { id isDefault } }')).body
      .data.sessions;
    expect(all).toEqual([{ id: one.coachSessionId, isDefault: true }]);
  });
});

describe('safety', () => {
  it('answers a crisis in any session with SAFETY and skips coaching', async () => {
    const token = await t.token();
    const id = (await t.gql(token, CREATE, { title: 'Dating' })).body.data.createSession.id;
    await send(token, 'I went on a first date from an app and he never texted back.', id);
    const reply = await send(token, 'Honestly I do not want to be alive anymore.', id);
    expect(reply.responseStyle).toBe('SAFETY');
    expect(reply.referencedData.responseStyle).toBe('SAFETY');
    const stored = await t.db.query<{ metadata: { block_ids: string[]; response_style: string } }>(
      'SELECT metadata FROM amora_session_messages WHERE id = $1',
      [reply.messageId],
    );
    expect(stored[0].metadata.response_style).toBe('SAFETY');
    expect(reply.referencedData.safety).toBe('CRISIS');
    // Safety lasts: the next turns stay SAFETY until the person says they are safe.
    const next = await send(token, 'My sister is on her way over now.', id);
    expect(next.responseStyle).toBe('SAFETY');
    expect(next.message).not.toBe(reply.message);
    const safe = await send(token, "I'm safe now, she's here with me.", id);
    expect(safe.responseStyle).toBe('SAFETY');
    const idiom = await send(token, 'This commute is killing me but I still want to text him.', id);
    expect(idiom.responseStyle).not.toBe('SAFETY');
    expect(idiom.referencedData.safety).toBe('NONE');
  });
});

describe('concurrency', () => {
  it('keeps exact turn counts when one session gets many messages at once', async () => {
    const token = await t.token();
    const id = (await t.gql(token, CREATE, { title: 'Busy' })).body.data.createSession.id;
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(token, `Message ${i}: I keep worrying he will cheat on me again.`, id),
      ),
    );
    expect(replies.map((r) => r.referencedData.turnCount).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const [state] = await t.db.query<{ turn_count: number }>(
      'SELECT turn_count FROM amora_session_state WHERE session_id = $1',
      [id],
    );
    expect(state.turn_count).toBe(12);
    const [count] = await t.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM amora_session_messages WHERE session_id = $1',
      [id],
    );
    expect(Number(count.n)).toBe(24);
    const [session] = await t.db.query<{ summary_text: string | null }>(
      'SELECT summary_text FROM amora_sessions WHERE id = $1',
      [id],
    );
    expect(session.summary_text).toBeTruthy();
  });

  it("a new session's first turns, let go at the same instant, all land one after another", async () => {
    // Every first turn inserts the session's state row; the losers must go again on the state the
    // winner wrote, whichever unique key reports the clash (one of them was a 500). A table lock
    // holds the turns' writes back until all are waiting, so they race as closely as they can.
    const token = await t.token();
    const holder = new Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      for (let round = 0; round < 5; round++) {
        const id = (await t.gql(token, CREATE, { title: `First turns ${round}` })).body.data
          .createSession.id;
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE amora_session_state IN SHARE MODE');
        const answers = Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            t.gql(token, SEND, {
              input: { specificQuestion: `We argued again last night (${i}).`, coachSessionId: id },
            }),
          ),
        );
        await waitFor(
          'six turns waiting on the state table',
          async () => {
            const [row] = await t.db.query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            );
            return Number(row.n) >= 6;
          },
          20_000,
          10,
        );
        await holder.query('COMMIT');
        const bodies = (await answers).map((answer) => answer.body);
        expect(bodies.flatMap((body) => body.errors ?? [])).toEqual([]);
        expect(bodies.map((body) => body.data.sendMessage.referencedData.turnCount).sort()).toEqual(
          [1, 2, 3, 4, 5, 6],
        );
      }
    } finally {
      await holder.end();
    }
  });
});

describe('the REST face', () => {
  it("answers POST /api/v1/coach/ with the seed's shape, and agrees with GraphQL", async () => {
    const token = await t.token();
    const created = await t.rest(token, 'POST', '/api/v1/coach/sessions', {
      title: 'Trust issues',
    });
    const rest = await t.rest(token, 'POST', '/api/v1/coach/', {
      mode: 'LEARN',
      specific_question: 'I found messages on her phone and I do not know if I can trust her.',
      coach_session_id: created.body.id,
      context: { topics: ['trust'], relationship_status: 'in a relationship' },
    });
    expect(rest.status).toBe(200);
    expect(Object.keys(rest.body).sort()).toEqual(
      [
        'coach_session_id',
        'confidence',
        'engine',
        'message',
        'message_id',
        'mode',
        'referenced_data',
        'response_style',
      ].sort(),
    );
    expect(rest.body.referenced_data).toMatchObject({
      topics: expect.arrayContaining(['trust']),
      emotions: expect.any(Array),
      response_style: rest.body.response_style,
      safety: 'NONE',
    });
    expect(rest.body.coach_session_id).toBe(created.body.id);

    const gql = await send(token, 'She says it was nothing but I keep checking.', created.body.id);
    expect(gql.referencedData.turnCount).toBe(2);
    const page = (
      await t.gql(
        token,
        `query($id: ID!) { session(id: $id) { lastMessageAt messages(first: 10) { totalCount edges { node { id sender text responseStyle } } } } }`,
        { id: created.body.id },
      )
    ).body.data.session;
    expect(page.messages.totalCount).toBe(4);
    expect(page.messages.edges.map((e: { node: { sender: string } }) => e.node.sender)).toEqual([
      'USER',
      'AMORA',
      'USER',
      'AMORA',
    ]);
    expect(page.messages.edges[1].node).toMatchObject({
      id: rest.body.message_id,
      text: rest.body.message,
      responseStyle: rest.body.response_style,
    });
    const restSession = await t.rest(token, 'GET', `/api/v1/coach/sessions/${created.body.id}`);
    expect(restSession.body.last_message_at).toBe(page.lastMessageAt);
  });

  it('refuses bad turns clearly and writes nothing', async () => {
    const token = await t.token();
    const empty = await t.rest(token, 'POST', '/api/v1/coach/', {
      mode: 'LEARN',
      specific_question: '   ',
    });
    expect(empty.status).toBe(422);
    expect(empty.body.detail).toContain('specific_question');
    const long = await t.gql(token, SEND, { input: { specificQuestion: 'x'.repeat(4001) } });
    expect(long.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'specificQuestion',
    });
    const foreign = await t.rest(token, 'POST', '/api/v1/coach/', {
      mode: 'LEARN',
      specific_question: 'hello',
      coach_session_id: randomUUID(),
    });
    expect(foreign.status).toBe(404);
    const notUuid = await t.gql(token, SEND, {
      input: { specificQuestion: 'hello', coachSessionId: 'abc' },
    });
    expect(notUuid.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const rows = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM amora_session_messages m JOIN amora_sessions s ON s.id = m.session_id WHERE m.message_text IN ('hello', '   ')`,
    );
    expect(Number(rows[0].n)).toBe(0);
  });
});

describe('message history', () => {
  it('pages oldest first with cursors', async () => {
    const token = await t.token();
    const id = (await t.gql(token, CREATE, { title: 'Paging' })).body.data.createSession.id;
    for (let i = 0; i < 3; i++)
      await send(token, `We argue about the same thing again and again, round ${i}.`, id);
    const Q = `query($id: ID!, $after: String) { session(id: $id) { messages(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { text sender } } } } }`;
    const p1 = (await t.gql(token, Q, { id })).body.data.session.messages;
    expect(p1.totalCount).toBe(6);
    expect(p1.edges).toHaveLength(4);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect(p1.edges[0].node.text).toContain('round 0');
    const p2 = (await t.gql(token, Q, { id, after: p1.pageInfo.endCursor })).body.data.session
      .messages;
    expect(p2.edges).toHaveLength(2);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect(p2.edges[0].node.text).toContain('round 2');
    const bad = await t.gql(token, Q, { id, after: 'nonsense' });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('a session deleted during a turn', () => {
  it('answers NOT_FOUND to the turn, and leaves no message behind', async () => {
    const token = await t.token();
    const id = (await t.gql(token, CREATE, { title: 'Deleted mid-turn' })).body.data.createSession
      .id;
    // Another connection holds the session row: the turn reads it (plain reads do not wait), runs
    // the engine, and then waits on the row when it writes. While it waits the session goes.
    const holder = new Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM amora_sessions WHERE id = $1 FOR UPDATE', [id]);
      const turn = t.gql(token, SEND, {
        input: { specificQuestion: 'I think we are breaking up.', coachSessionId: id },
      });
      await waitFor('the turn to wait on the session row', async () => {
        const [row] = await t.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%amora_session_messages%'`,
        );
        return Number(row.n) > 0;
      });
      await holder.query('DELETE FROM amora_sessions WHERE id = $1', [id]);
      await holder.query('COMMIT');
      const answer = await turn;
      expect(answer.body.errors[0].extensions.code).toBe('NOT_FOUND');
      expect(answer.body.data).toBeNull();
    } finally {
      await holder.end();
    }
    const [left] = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM amora_session_messages WHERE session_id = $1`,
      [id],
    );
    expect(Number(left.n)).toBe(0);
  });

  it('is recognised from the database error, so the turn answers NOT_FOUND rather than 500', async () => {
    const error = await t.server.db.prisma.$executeRaw`
      INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text)
      VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'user', 'x')`.catch(
      (e: unknown) => e,
    );
    expect(isForeignKeyViolation(error)).toBe(true);
    expect(isForeignKeyViolation(new Error('connection reset'))).toBe(false);
  });
});
