import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import pino from 'pino';
import { signToken } from '../src/auth/token';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startServerProcess, type ServerProcess } from './support/process';
import { startTestServer, TEST_SECRET, type TestServer } from './support/server';
import { redisUrlOrExplainSkip } from './support/redis';
import { subscribeFollowups, type FollowupSubscriber } from './support/subscriber';
import { startTcpProxy, throughProxy, type TcpProxy } from './support/tcp-proxy';
import { noonZone, sleep, waitFor } from './support/waiting';

/*
 * Faults: the database going away and coming back (refused, then a partition where nothing
 * answers), a process killed mid-burst, Redis going away, and internal errors in production.
 * Dependencies are made to fail through TCP proxies the tests own, never by touching the machine's
 * PostgreSQL or Redis. (Graceful shutdown on SIGTERM is in restart.test.ts; the websocket cap per
 * user in followups.test.ts; the other abuse limits in limits.test.ts.)
 */

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId coachSessionId referencedData { turnCount } } }`;
const SESSIONS = `{ sessions { id title } }`;

/** Runs `fn` and says how long it took; a request that hangs fails the test by its own timeout. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - started };
}

/** A server of its own whose only way to its PostgreSQL is a TCP proxy the test can cut. */
interface BehindProxy {
  real: TestDatabase;
  proxy: TcpProxy;
  t: TestServer;
  close(): Promise<void>;
}

async function startBehindProxy(env: Record<string, string> = {}): Promise<BehindProxy> {
  const real = await createTestDatabase();
  const target = new URL(real.url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  // The server reaches PostgreSQL only through the proxy; the test checks rows directly.
  const t = await startTestServer({ db: { ...real, url: throughProxy(real.url, proxy) }, env });
  return {
    real,
    proxy,
    t,
    close: async () => {
      await proxy.restore();
      await t.stop();
      await proxy.close();
      await real.drop();
    },
  };
}

describe('the database going away and coming back', () => {
  let real: TestDatabase;
  let proxy: TcpProxy;
  let t: TestServer;
  let setup: BehindProxy;
  beforeAll(async () => {
    setup = await startBehindProxy();
    ({ real, proxy, t } = setup);
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('answers 503 and a clear GraphQL error while it is away, fails /readyz, and recovers by itself', async () => {
    const token = await t.token();
    const created = await t.rest(token, 'POST', '/api/v1/coach/sessions', {
      title: 'Before the outage',
    });
    expect(created.status).toBe(200);
    const sessionId = created.body.id as string;
    expect(
      (
        await t.gql(token, SEND, {
          input: { specificQuestion: 'We argued again last night.', coachSessionId: sessionId },
        })
      ).body.errors,
    ).toBeUndefined();
    expect(proxy.connections()).toBeGreaterThan(0);

    // A statement running when the connection is cut fails; it does not hang.
    const inFlight = t.server.db.prisma.$queryRaw`SELECT pg_sleep(10)`;
    const inFlightOutcome = inFlight.then(
      () => 'finished',
      () => 'failed',
    );
    await sleep(200);
    await proxy.cut();
    expect(await inFlightOutcome).toBe('failed');

    // REST: 503 with a FastAPI-style detail, for reads and writes.
    const restRead = await timed(() => t.rest(token, 'GET', '/api/v1/coach/sessions'));
    expect(restRead.value.status).toBe(503);
    expect(restRead.value.body).toEqual({
      detail: expect.stringMatching(/temporarily unavailable/),
    });
    const restTurn = await t.rest(token, 'POST', '/api/v1/coach/', {
      mode: 'LEARN',
      specific_question: 'Are you there?',
      coach_session_id: sessionId,
    });
    expect(restTurn.status).toBe(503);
    expect(restTurn.body.detail).toMatch(/temporarily unavailable/);

    // GraphQL: HTTP 503 and an error that says what is wrong and what to do.
    const gqlRead = await t.gql(token, SESSIONS);
    expect(gqlRead.status).toBe(503);
    expect(gqlRead.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/temporarily unavailable: try again/),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    const gqlTurn = await t.gql(token, SEND, {
      input: { specificQuestion: 'Hello?', coachSessionId: sessionId },
    });
    expect(gqlTurn.status).toBe(503);
    expect(gqlTurn.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    for (const body of [restRead.value.body, restTurn.body, gqlRead.body, gqlTurn.body]) {
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|SELECT/);
    }

    // Health: not ready, but alive (a load balancer stops routing here; nothing restarts it).
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    // Nothing above waited long: refused connections fail fast.
    expect(restRead.ms).toBeLessThan(10_000);

    // Nothing written while it was away.
    const [{ n }] = await real.query<{ n: string }>(
      `SELECT count(*) AS n FROM amora_session_messages WHERE session_id = $1`,
      [sessionId],
    );
    expect(Number(n)).toBe(2);

    // Back on the same address: ready again without a restart, and writes go through.
    await proxy.restore();
    await waitFor(
      '/readyz to answer 200',
      async () => (await fetch(`${t.url}/readyz`)).status === 200,
    );
    const after = await t.gql(token, SEND, {
      input: { specificQuestion: 'We talked it through today.', coachSessionId: sessionId },
    });
    expect(after.status).toBe(200);
    expect(after.body.data.sendMessage.referencedData.turnCount).toBe(2);
    const restAfter = await t.rest(token, 'POST', '/api/v1/coach/sessions', {
      title: 'After the outage',
    });
    expect(restAfter.status).toBe(200);
    // Every pooled connection works again: a burst wider than the pool succeeds in full.
    const burst = await Promise.all(Array.from({ length: 40 }, () => t.gql(token, SESSIONS)));
    expect(burst.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(burst[0].body.data.sessions).toHaveLength(2);
  });
});

describe('the network to the database stalling (a partition: nothing refused, nothing answered)', () => {
  let real: TestDatabase;
  let proxy: TcpProxy;
  let t: TestServer;
  let setup: BehindProxy;
  beforeAll(async () => {
    setup = await startBehindProxy({ AMORA_DB_QUERY_TIMEOUT_MS: '2000' });
    ({ real, proxy, t } = setup);
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('answers 503 within a bounded time rather than hanging, and recovers when the network heals', async () => {
    const token = await t.token();
    const created = await t.rest(token, 'POST', '/api/v1/coach/sessions', {
      title: 'Before the partition',
    });
    expect(created.status).toBe(200);
    const sessionId = created.body.id as string;
    // Several pooled connections open, so the partition catches idle ones as well as new ones.
    await Promise.all(Array.from({ length: 8 }, () => t.gql(token, SESSIONS)));

    proxy.stall();
    const outcomes = await Promise.all([
      timed(() => t.rest(token, 'GET', '/api/v1/coach/sessions')),
      timed(() => t.gql(token, SESSIONS)),
      timed(() =>
        t.gql(token, SEND, {
          input: { specificQuestion: 'Is anyone there?', coachSessionId: sessionId },
        }),
      ),
      timed(() =>
        t.rest(token, 'PATCH', `/api/v1/coach/sessions/${sessionId}`, {
          title: 'Renamed in the dark',
        }),
      ),
      timed(async () => ({ status: (await fetch(`${t.url}/readyz`)).status, body: null })),
    ]);
    // Statement timeout 2 s, connect timeout 5 s: each answers in seconds, whatever the machine's load.
    for (const { value, ms } of outcomes) {
      expect(value.status).toBe(503);
      expect(ms).toBeLessThan(20_000);
    }
    expect(outcomes[1].value.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    // The old connections stay silent for good (a failover behind the same address); new ones work.
    await proxy.restore({ heal: false });
    await waitFor(
      '/readyz to answer 200',
      async () => (await fetch(`${t.url}/readyz`)).status === 200,
    );
    // No connection is left stuck behind an unanswered statement: a burst wider than the pool succeeds.
    const burst = await Promise.all(Array.from({ length: 40 }, () => t.gql(token, SESSIONS)));
    expect(burst.map((r) => r.status)).toEqual(Array(40).fill(200));
    const turn = await t.gql(token, SEND, {
      input: { specificQuestion: 'Back again.', coachSessionId: sessionId },
    });
    expect(turn.body.errors).toBeUndefined();
    // The turn lost in the partition left nothing behind (its transaction never committed) or
    // all of it (committed, the answer lost on the way back); never half.
    const [row] = await real.query<{ users: string; answers: string; turns: number }>(
      `SELECT count(*) FILTER (WHERE sender = 'user') AS users, count(*) FILTER (WHERE sender = 'amora') AS answers,
              (SELECT turn_count FROM amora_session_state WHERE session_id = $1) AS turns
       FROM amora_session_messages WHERE session_id = $1`,
      [sessionId],
    );
    expect(Number(row.users)).toBe(Number(row.answers));
    expect(Number(row.users)).toBe(row.turns);
    expect(turn.body.data.sendMessage.referencedData.turnCount).toBe(row.turns);
  });
});

describe('a process killed (SIGKILL) in the middle of a burst of coach turns and check-ins', () => {
  let dataDir: string;
  let db: TestDatabase;
  const processes: ServerProcess[] = [];
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-kill-'));
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.allSettled(processes.map((p) => p.stop('SIGKILL')));
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged turn, leaves no half turn, and sends no check-in twice', async () => {
    const env = {
      DATABASE_URL: db.url,
      AMORA_JWT_SECRET: TEST_SECRET,
      AMORA_MIGRATE_ON_START: 'false',
      AMORA_FOLLOWUP_TICK_MS: '50',
      AMORA_RATE_LIMIT_TURNS_PER_MINUTE: '0',
      AMORA_RATE_LIMIT_SESSIONS_PER_HOUR: '0',
      AMORA_DATA_DIR: dataDir,
      LOG_LEVEL: 'info', // startServerProcess waits for the 'listening' line
    };
    const first = await startServerProcess(env);
    processes.push(first);

    // 4 users with 2 sessions each take the coach turns; 100 more sessions only get check-ins.
    const users = Array.from({ length: 4 }, () => randomUUID());
    const tokens = new Map<string, string>(
      await Promise.all(
        users.map(async (u) => [u, await signToken(TEST_SECRET, u)] as [string, string]),
      ),
    );
    const turnSessions: { id: string; user: string }[] = [];
    for (const user of users) {
      for (let k = 0; k < 2; k++) {
        const res = await fetch(`${first.url}/api/v1/coach/sessions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokens.get(user)}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ title: `Talk ${k}` }),
        });
        expect(res.status).toBe(200);
        turnSessions.push({ id: ((await res.json()) as { id: string }).id, user });
      }
    }
    const checkInOnly = Array.from({ length: 100 }, () => randomUUID());
    await db.query(
      `INSERT INTO amora_sessions (id, user_id, title) SELECT s, ($2::uuid[])[1 + ((n - 1) % 4)::int], 'Quiet ' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS x(s, n)`,
      [checkInOnly, users],
    );
    // Every session: check-ins on at 00:00 where it is about noon, not scheduled yet.
    const allSessions = [...turnSessions.map((s) => s.id), ...checkInOnly];
    await db.query(
      `UPDATE amora_sessions SET follow_up_enabled = true, follow_up_time = '00:00', timezone = $2, next_follow_up_at = NULL WHERE id = ANY($1::uuid[])`,
      [allSessions, noonZone()],
    );
    const makeDue = (ids: string[]) =>
      db.query(
        `UPDATE amora_sessions SET next_follow_up_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`,
        [ids],
      );

    // 40 clients send turns back to back (5 per session, so turns of one session race), until the kill.
    const acked: { sessionId: string; messageId: string; turnCount: number }[] = [];
    let sending = true;
    const client = async (w: number) => {
      const { id, user } = turnSessions[w % turnSessions.length];
      for (let i = 0; sending; i++) {
        try {
          const res = await fetch(`${first.url}/graphql`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${tokens.get(user)}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({
              query: SEND,
              variables: {
                input: {
                  specificQuestion: `Client ${w}, message ${i}: we argued about money again.`,
                  coachSessionId: id,
                },
              },
            }),
          });
          const body = (await res.json()) as {
            data?: { sendMessage: { messageId: string; referencedData: { turnCount: number } } };
            errors?: unknown;
          };
          if (res.status === 200 && body.data?.sendMessage)
            acked.push({
              sessionId: id,
              messageId: body.data.sendMessage.messageId,
              turnCount: body.data.sendMessage.referencedData.turnCount,
            });
        } catch {
          // The process died under this request: not acknowledged, may or may not be stored.
          await sleep(20);
        }
      }
    };
    const clients = Array.from({ length: 40 }, (_, w) => client(w));
    const claimed = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM amora_followups'))[0].n);
    let ackedAtKill: number;
    let claimedAtKill: number;
    try {
      await waitFor('the burst to get going', () => acked.length >= 10, 30_000);
      // Check-ins fall due in waves while the turns go on: the turn sessions and half the others first.
      await makeDue([...turnSessions.map((s) => s.id), ...checkInOnly.slice(0, 25)]);
      await sleep(100);
      await makeDue(checkInOnly.slice(25, 50));
      await waitFor('the first check-ins to be claimed', async () => (await claimed()) > 0, 15_000);
      expect(await first.stop('SIGKILL')).toBeNull();
      ackedAtKill = acked.length;
      claimedAtKill = await claimed();
    } finally {
      sending = false;
      await Promise.all(clients);
    }
    expect(acked.length).toBe(ackedAtKill);
    console.log(
      `[faults] killed with ${ackedAtKill} turns acknowledged and ${claimedAtKill} of 108 check-ins claimed`,
    );
    await makeDue(checkInOnly.slice(50));

    // A new process on the same database finishes what was due.
    const second = await startServerProcess(env);
    processes.push(second);
    await waitFor(
      'every due check-in to be claimed',
      async () => {
        const [row] = await db.query<{ due: string; sent: string }>(
          `SELECT (SELECT count(*) FROM amora_sessions WHERE next_follow_up_at <= now()) AS due, (SELECT count(*) FROM amora_followups) AS sent`,
        );
        return Number(row.due) === 0 && Number(row.sent) === allSessions.length;
      },
      30_000,
    );
    // And takes turns where the dead one left off.
    const { id: oneId, user: oneUser } = turnSessions[0];
    const next = await fetch(`${second.url}/graphql`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.get(oneUser)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        query: SEND,
        variables: { input: { specificQuestion: 'After the crash.', coachSessionId: oneId } },
      }),
    });
    expect(next.status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);

    // Every acknowledged turn is stored whole: the answer, and the user message it answers.
    const stored = await db.query<{ id: string; session_id: string; question: string | null }>(
      `SELECT a.id, a.session_id, q.id AS question FROM amora_session_messages a
       LEFT JOIN amora_session_messages q ON q.id = a.reply_to_id AND q.sender = 'user'
       WHERE a.id = ANY($1::uuid[]) AND a.sender = 'amora'`,
      [acked.map((a) => a.messageId)],
    );
    expect(stored).toHaveLength(acked.length);
    for (const row of stored) expect(row.question).not.toBeNull();
    // No half turn anywhere: every user message has its answer.
    const orphans = await db.query(
      `SELECT q.id FROM amora_session_messages q WHERE q.sender = 'user'
       AND NOT EXISTS (SELECT 1 FROM amora_session_messages a WHERE a.reply_to_id = q.id AND a.sender = 'amora')`,
    );
    expect(orphans).toEqual([]);
    // Turn counts match the user messages stored, and no turn number was handed out twice.
    const counts = await db.query<{ id: string; turn_count: number | null; users: string }>(
      `SELECT s.id, st.turn_count, (SELECT count(*) FROM amora_session_messages m WHERE m.session_id = s.id AND m.sender = 'user') AS users
       FROM amora_sessions s LEFT JOIN amora_session_state st ON st.session_id = s.id WHERE s.id = ANY($1::uuid[])`,
      [turnSessions.map((s) => s.id)],
    );
    for (const row of counts)
      expect([row.id, row.turn_count ?? 0]).toEqual([row.id, Number(row.users)]);
    for (const { id } of turnSessions) {
      const numbers = acked.filter((a) => a.sessionId === id).map((a) => a.turnCount);
      expect(new Set(numbers).size).toBe(numbers.length);
    }

    // One check-in per session and local day, each with its one CHECK_IN message, none twice.
    const twice = await db.query(
      `SELECT session_id, local_day FROM amora_followups GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const perDay = await db.query<{ session_id: string; n: string }>(
      `SELECT m.session_id, count(*) AS n FROM amora_session_messages m JOIN amora_sessions s ON s.id = m.session_id
       WHERE m.metadata->>'response_style' = 'CHECK_IN' GROUP BY m.session_id, (m.created_at AT TIME ZONE s.timezone)::date`,
    );
    expect(perDay).toHaveLength(allSessions.length);
    for (const row of perDay) expect(Number(row.n)).toBe(1);
    const unlinked = await db.query(
      `SELECT f.id FROM amora_followups f LEFT JOIN amora_session_messages m ON m.id = f.message_id WHERE m.id IS NULL`,
    );
    expect(unlinked).toEqual([]);
  });
});

const REDIS_URL = redisUrlOrExplainSkip('tests/faults.test.ts: "Redis going away"');

(REDIS_URL ? describe : describe.skip)(
  'Redis going away and coming back, under two instances',
  () => {
    const prefix = `amora-test-${randomBytes(4).toString('hex')}:`;
    let db: TestDatabase;
    let proxy: TcpProxy;
    let direct: Redis;
    let a: TestServer;
    let b: TestServer;
    const subscribers: FollowupSubscriber[] = [];

    beforeAll(async () => {
      db = await createTestDatabase();
      const target = new URL(REDIS_URL!);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
      // The test watches Redis directly; the servers reach it only through the proxy.
      direct = new Redis(REDIS_URL!, { maxRetriesPerRequest: 1 });
      const env = {
        REDIS_URL: throughProxy(REDIS_URL!, proxy),
        AMORA_REDIS_PREFIX: prefix,
        AMORA_FOLLOWUP_TICK_MS: '3600000', // ticks by hand
        AMORA_RATE_LIMIT_TURNS_PER_MINUTE: '5',
      };
      a = await startTestServer({ db, env });
      b = await startTestServer({ db, env });
    });
    afterAll(async () => {
      await Promise.allSettled(subscribers.map((s) => s.close()));
      await proxy?.restore();
      await b?.stop();
      await a?.stop();
      await proxy?.close();
      const keys = await direct?.keys(`${prefix}*`).catch(() => []);
      if (keys?.length) await direct.del(...keys);
      direct?.disconnect();
      await db?.drop();
    });

    /** A session of `user`'s with check-ins on, due now. */
    const dueSession = async (user: string): Promise<string> => {
      const id = randomUUID();
      await db.query('INSERT INTO amora_users (id) VALUES ($1) ON CONFLICT DO NOTHING', [user]);
      await db.query(
        `INSERT INTO amora_sessions (id, user_id, title, follow_up_enabled, follow_up_time, timezone, next_follow_up_at)
       VALUES ($1, $2, 'Check in', true, '00:00', $3, now() - interval '1 minute')`,
        [id, user, noonZone()],
      );
      return id;
    };
    const subscribe = async (server: TestServer, user: string) => {
      const subscriber = await subscribeFollowups(server.url, await signToken(TEST_SECRET, user));
      subscribers.push(subscriber);
      return subscriber;
    };
    /** Redis subscriber connections on each user's channel. */
    const channelsListening = async (...users: string[]) => {
      const reply = (await direct.call(
        'PUBSUB',
        'NUMSUB',
        ...users.map((u) => `${prefix}FOLLOWUP_DUE:${u}`),
      )) as (string | number)[];
      return users.map((_, i) => Number(reply[2 * i + 1]));
    };
    const pushed = (subscriber: FollowupSubscriber) =>
      subscriber.events.map((e) => e.coachSessionId);

    it('keeps serving and delivering locally while Redis is away, and resumes cross-instance delivery by itself', async () => {
      const alice = randomUUID(); // listens on A
      const bob = randomUUID(); // listens on B
      const onA = await subscribe(a, alice);
      const onB = await subscribe(b, bob);
      await waitFor('both channels to be subscribed in Redis', async () =>
        (await channelsListening(alice, bob)).every((n) => n === 1),
      );

      // Working Redis: A claims Bob's check-in, Bob hears it on B.
      const s1 = await dueSession(bob);
      expect(await a.server.services.followupTimer.tick()).toBe(1);
      await waitFor('Bob to hear the first check-in through Redis', () => pushed(onB).includes(s1));

      await proxy.cut();
      await waitFor('Redis to see the servers go', async () =>
        (await channelsListening(alice, bob)).every((n) => n === 0),
      );

      // HTTP goes on, rate limits included (counted in memory meanwhile): 5 turns, then 429.
      const carol = await a.token();
      for (let i = 0; i < 5; i++) {
        const turn = await a.gql(carol, SEND, {
          input: { specificQuestion: `Still here ${i}, we had another fight.` },
        });
        expect(turn.body.errors).toBeUndefined();
      }
      const limited = await a.gql(carol, SEND, { input: { specificQuestion: 'One too many.' } });
      expect(limited.status).toBe(429);
      expect((await b.gql(await b.token(), SESSIONS)).status).toBe(200);

      // Local delivery goes on: Alice (already listening) and Dave (subscribing now) hear A's claims.
      const dave = randomUUID();
      const daveOnA = await subscribe(a, dave);
      const s2 = await dueSession(alice);
      const s3 = await dueSession(dave);
      const s4 = await dueSession(bob); // claimed on A, Bob is on B: cannot reach him now
      expect(await a.server.services.followupTimer.tick()).toBe(3);
      await waitFor(
        'Alice and Dave to hear their check-ins from their own instance',
        () => pushed(onA).includes(s2) && pushed(daveOnA).includes(s3),
      );

      // Redis is back: ioredis reconnects and resubscribes on its own, Dave's channel included.
      await proxy.restore();
      await waitFor(
        'the channels to be subscribed again',
        async () => (await channelsListening(alice, bob, dave)).every((n) => n === 1),
        30_000,
      );

      // Cross-instance delivery again, both ways.
      const s5 = await dueSession(bob);
      expect(await a.server.services.followupTimer.tick()).toBe(1);
      await waitFor("Bob to hear A's check-in again", () => pushed(onB).includes(s5), 15_000);
      const s6 = await dueSession(alice);
      expect(await b.server.services.followupTimer.tick()).toBe(1);
      await waitFor("Alice to hear B's check-in", () => pushed(onA).includes(s6), 15_000);

      // Each exactly once: events published during the outage and sent after reconnecting are not
      // heard twice by the instance that published them.
      await sleep(500);
      expect(pushed(onA).sort()).toEqual([s2, s6].sort());
      expect(pushed(daveOnA)).toEqual([s3]);
      // Bob: the outage's check-in may arrive late (sent once Redis is back) or not at all; never twice.
      expect(
        pushed(onB)
          .filter((id) => id !== s4)
          .sort(),
      ).toEqual([s1, s5].sort());
      expect(pushed(onB).filter((id) => id === s4).length).toBeLessThanOrEqual(1);
      for (const subscriber of [onA, onB, daveOnA]) expect(subscriber.errors).toEqual([]);
      // Nothing is lost for Bob: the check-in is stored and listed when he asks.
      const listed = await b.gql(await b.token(bob), `{ dueFollowups { coachSessionId } }`);
      expect(
        listed.body.data.dueFollowups.map((f: { coachSessionId: string }) => f.coachSessionId),
      ).toContain(s4);
    });
  },
);

describe('internal errors in production', () => {
  const logged: string[] = [];
  let t: TestServer;
  beforeAll(async () => {
    const logger = pino(
      { level: 'error' },
      {
        write: (line: string) => {
          logged.push(line);
        },
      },
    );
    t = await startTestServer({ env: { NODE_ENV: 'production' }, logger });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** What must never reach a client: the input, SQL and table names, PostgreSQL's words, stack frames. */
  const leaks = (body: unknown, ...inputs: string[]) => {
    const text = JSON.stringify(body);
    return [
      ...inputs,
      'amora_',
      'INSERT',
      'SELECT',
      'constraint',
      'violates',
      'Failing row',
      'does not exist',
      'stack',
      '.ts:',
      'node_modules',
      'Prisma',
    ].filter((needle) => text.toLowerCase().includes(needle.toLowerCase()));
  };

  it('answers a failing write with a masked error on both faces: no stack, SQL or input echo', async () => {
    expect(t.config.production).toBe(true);
    // A rule the API knows nothing about: PostgreSQL refuses the row and quotes it back ("Failing row contains ...").
    await t.db.query(
      `ALTER TABLE amora_sessions ADD CONSTRAINT amora_test_refuse CHECK (title NOT LIKE '%Refuse-me%')`,
    );
    const token = await t.token();
    const title = 'Refuse-me 8d41c2: my private plans';

    const gql = await t.gql(
      token,
      `mutation($title: String!) { createSession(input: { title: $title }) { id } }`,
      { title },
    );
    expect(gql.body.errors[0]).toEqual({
      message: 'Something went wrong on our side; it has been logged',
      locations: expect.any(Array),
      path: ['createSession'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(leaks(gql.body, '8d41c2', 'private plans')).toEqual([]);

    const rest = await t.rest(token, 'POST', '/api/v1/coach/sessions', { title });
    expect(rest.status).toBe(500);
    expect(rest.body).toEqual({ detail: 'Something went wrong on our side; it has been logged' });
    expect(leaks(rest.body, '8d41c2', 'private plans')).toEqual([]);

    // The server side keeps the whole story, for whoever reads the logs.
    expect(logged.join('\n')).toMatch(/amora_test_refuse/);
    await t.db.query(`ALTER TABLE amora_sessions DROP CONSTRAINT amora_test_refuse`);
  });

  it('answers a failing read the same way', async () => {
    const token = await t.token();
    const created = await t.rest(token, 'POST', '/api/v1/coach/sessions', { title: 'Readable' });
    expect(created.status).toBe(200);
    await t.db.query(`ALTER TABLE amora_sessions RENAME COLUMN summary_text TO summary_text_gone`);
    try {
      const gql = await t.gql(token, SESSIONS);
      expect(gql.body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(leaks(gql.body)).toEqual([]);
      const rest = await t.rest(token, 'GET', `/api/v1/coach/sessions/${created.body.id}`);
      expect(rest.status).toBe(500);
      expect(leaks(rest.body)).toEqual([]);
    } finally {
      await t.db.query(
        `ALTER TABLE amora_sessions RENAME COLUMN summary_text_gone TO summary_text`,
      );
    }
  });
});
