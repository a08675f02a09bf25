import { randomUUID } from 'node:crypto';
import { ManualClock } from '../src/clock';
import { startTestServer, type TestServer } from './support/server';

/*
 * Session.progress and GET /api/v1/coach/sessions/{id}/progress: real turns through the engine,
 * a hand-moved clock (to cross a local midnight and to make a check-in due), real PostgreSQL.
 */

const PROGRESS_FIELDS = `turnCount mainTopic topics { topic stage turns }
  emotionsByDay { day counts { emotion count } } checkInsSent checkInsAnswered safetyConcerns`;
const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  messageId responseStyle referencedData { topics emotions stage turnCount } } }`;
const REGENERATE = `mutation($id: ID!) { regenerateResponse(messageId: $id) { messageId responseStyle } }`;
const PROGRESS = `query($id: ID!) { session(id: $id) { progress { ${PROGRESS_FIELDS} } } }`;

interface Reply {
  messageId: string;
  responseStyle: string;
  referencedData: { topics: string[]; emotions: string[]; stage: number; turnCount: number };
}

let t: TestServer;
let clock: ManualClock;
const statements: string[] = [];
beforeAll(async () => {
  // 23:30 in New York on 1 March: the next hour of talk spans two local days.
  clock = new ManualClock(new Date('2026-03-02T04:30:00Z'));
  t = await startTestServer({
    clock,
    env: { AMORA_FOLLOWUP_TICK_MS: '3600000' },
    onQuery: (sql) => statements.push(sql),
  });
});
afterAll(async () => {
  await t.stop();
});

async function createSession(token: string, input: Record<string, unknown>): Promise<string> {
  const { body } = await t.gql(token, CREATE, { input });
  expect(body.errors).toBeUndefined();
  return body.data.createSession.id;
}

async function send(token: string, sessionId: string, text: string): Promise<Reply> {
  const { body } = await t.gql(token, SEND, {
    input: { specificQuestion: text, coachSessionId: sessionId },
  });
  expect(body.errors).toBeUndefined();
  return body.data.sendMessage;
}

async function progress(token: string, sessionId: string) {
  const { body } = await t.gql(token, PROGRESS, { id: sessionId });
  expect(body.errors).toBeUndefined();
  return body.data.session.progress;
}

/** Emotion counts per day as the replies reported them, shaped like `emotionsByDay`. */
function expectedEmotions(turns: { day: string; emotions: string[] }[]) {
  const days = new Map<string, Map<string, number>>();
  for (const { day, emotions } of turns) {
    const counts = days.get(day) ?? new Map<string, number>();
    for (const emotion of emotions) counts.set(emotion, (counts.get(emotion) ?? 0) + 1);
    days.set(day, counts);
  }
  return [...days.entries()]
    .filter(([, counts]) => counts.size > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, counts]) => ({
      day,
      counts: [...counts.entries()]
        .map(([emotion, count]) => ({ emotion, count }))
        .sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion)),
    }));
}

describe('Session.progress', () => {
  it('is empty for a session nobody has written in yet', async () => {
    const token = await t.token();
    const id = await createSession(token, { title: 'Fresh start' });
    expect(await progress(token, id)).toEqual({
      turnCount: 0,
      mainTopic: null,
      topics: [],
      emotionsByDay: [],
      checkInsSent: 0,
      checkInsAnswered: 0,
      safetyConcerns: 0,
    });
  });

  it('tracks turns, topics with their stages, emotions per local day, check-ins and safety, without any text', async () => {
    clock.set('2026-03-02T04:30:00Z');
    const token = await t.token();
    const id = await createSession(token, {
      title: 'Breakup with Alex',
      timezone: 'America/New_York',
      followUpEnabled: true,
      followUpTime: '00:10',
    });
    const turns: { day: string; emotions: string[] }[] = [];
    const say = async (day: string, text: string) => {
      const reply = await send(token, id, text);
      turns.push({ day, emotions: reply.referencedData.emotions });
      clock.advance(60_000);
      return reply;
    };
    // 23:30 on 1 March in New York (already 2 March in UTC).
    await say(
      '2026-03-01',
      'My boyfriend Alex broke up with me last week and I cannot stop crying.',
    );
    await say(
      '2026-03-01',
      'I feel so alone since the breakup, my friends are tired of hearing it.',
    );
    // Past local midnight and the 00:10 check-in time: the timer sends one.
    clock.set('2026-03-02T05:15:00Z');
    await t.server.services.followupTimer.tick();
    expect((await progress(token, id)).checkInsSent).toBe(1);
    expect((await progress(token, id)).checkInsAnswered).toBe(0);
    await say('2026-03-02', 'Some days I feel angry at him for giving up on us so fast.');
    await say('2026-03-02', 'He never trusted me and kept checking my phone, it made me anxious.');
    const crisis = await say('2026-03-02', 'Honestly I do not want to be alive anymore.');
    expect(crisis.responseStyle).toBe('SAFETY');
    // Regenerating the crisis answer is still one concern, not two.
    const again = await t.gql(token, REGENERATE, { id: crisis.messageId });
    expect(again.body.errors).toBeUndefined();

    const p = await progress(token, id);
    expect(p.turnCount).toBe(5);
    expect(p.mainTopic).toBe('heartbreak');
    expect(p.checkInsSent).toBe(1);
    expect(p.checkInsAnswered).toBe(1);
    expect(p.safetyConcerns).toBe(1);
    expect(p.topics[0]).toMatchObject({ topic: 'heartbreak' });
    expect(p.topics[0].turns).toBeGreaterThanOrEqual(2);
    for (const topic of p.topics) {
      expect(topic.stage).toBeGreaterThanOrEqual(1);
      expect(topic.stage).toBeLessThanOrEqual(4);
    }
    const turnCounts = p.topics.map((topic: { turns: number }) => topic.turns);
    expect(turnCounts).toEqual([...turnCounts].sort((a, b) => b - a));
    // Days in the session's zone, counts exactly as the turns reported their emotions.
    expect(turns.some((turn) => turn.emotions.length > 0)).toBe(true);
    expect(p.emotionsByDay).toEqual(expectedEmotions(turns));
    expect(p.emotionsByDay.map((d: { day: string }) => d.day)).toEqual(
      expect.arrayContaining(['2026-03-01']),
    );
    expect(JSON.stringify(p)).not.toMatch(/alive|Alex|crying|phone/);

    // The REST twin, in snake_case.
    const rest = await t.rest(token, 'GET', `/api/v1/coach/sessions/${id}/progress`);
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual({
      turn_count: p.turnCount,
      main_topic: p.mainTopic,
      topics: p.topics,
      emotions_by_day: p.emotionsByDay,
      check_ins_sent: 1,
      check_ins_answered: 1,
      safety_concerns: 1,
    });
  });

  it("answers 404 for another user's session, a missing one and a non-UUID", async () => {
    const owner = await t.token();
    const id = await createSession(owner, { title: 'Mine' });
    const stranger = await t.token();
    for (const path of [id, randomUUID(), 'not-a-uuid']) {
      const rest = await t.rest(stranger, 'GET', `/api/v1/coach/sessions/${path}/progress`);
      expect(rest.status).toBe(404);
      expect(rest.body).toEqual({ detail: 'Session not found' });
    }
    const gql = await t.gql(stranger, PROGRESS, { id });
    expect(gql.body.data.session).toBeNull();
    expect((await t.rest(null, 'GET', `/api/v1/coach/sessions/${id}/progress`)).status).toBe(401);
  });

  it('costs one statement for the progress of every listed session (4 in all with messages)', async () => {
    const deep = `{ sessions { id progress { ${PROGRESS_FIELDS} }
      messages(first: 5) { totalCount edges { node { id feedback { id } } } } } }`;
    const counts: number[] = [];
    for (const n of [30, 3]) {
      const userId = randomUUID();
      await t.db.query('INSERT INTO amora_users (id) VALUES ($1)', [userId]);
      await t.db.query(
        `INSERT INTO amora_sessions (id, user_id, title, timezone)
         SELECT gen_random_uuid(), $1, 'Session ' || g, 'Europe/Berlin' FROM generate_series(1, $2) g`,
        [userId, n],
      );
      await t.db.query(
        `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, created_at)
         SELECT gen_random_uuid(), s.id, $1, 'user', 'm', '{"emotions":["sadness","hurt"]}', '2026-03-01T23:30:00Z'
         FROM amora_sessions s WHERE s.user_id = $1`,
        [userId],
      );
      await t.db.query(
        `INSERT INTO amora_session_state (session_id, user_id, turn_count, state)
         SELECT s.id, $1, 1, '{"version":1,"turnCount":1,"mainTopic":"trust","topics":{"trust":{"turns":1,"stage":2,"lastTurn":1}}}'
         FROM amora_sessions s WHERE s.user_id = $1`,
        [userId],
      );
      const token = await t.token(userId);
      statements.length = 0;
      const { body } = await t.gql(token, deep);
      counts.push(statements.length);
      expect(body.errors).toBeUndefined();
      expect(body.data.sessions).toHaveLength(n);
      for (const session of body.data.sessions) {
        expect(session.progress).toEqual({
          turnCount: 1,
          mainTopic: 'trust',
          topics: [{ topic: 'trust', stage: 2, turns: 1 }],
          // 23:30 UTC is already the next day in Berlin.
          emotionsByDay: [
            {
              day: '2026-03-02',
              counts: [
                { emotion: 'hurt', count: 1 },
                { emotion: 'sadness', count: 1 },
              ],
            },
          ],
          checkInsSent: 0,
          checkInsAnswered: 0,
          safetyConcerns: 0,
        });
      }
    }
    expect(counts[0]).toBeLessThanOrEqual(4);
    expect(counts[0]).toBe(counts[1]);
  });
});
