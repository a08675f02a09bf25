import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { signToken } from '../src/auth/token';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startServerProcess, type ServerProcess } from './support/process';
import { TEST_SECRET } from './support/server';
import { redisUrlOrExplainSkip } from './support/redis';
import { subscribeFollowups, type FollowupSubscriber } from './support/subscriber';
import { noonZone, waitFor } from './support/waiting';

/*
 * Several real server processes (`src/main.ts`, as `npm start` runs it) on one PostgreSQL and one
 * Redis, every one running its follow-up timer. Many check-ins fall due at once; subscribers are
 * spread over the instances. Each check-in must reach every socket of its owner exactly once, and
 * nobody else, whichever instance claimed it; the database must hold exactly one per session.
 */

const REDIS_URL = redisUrlOrExplainSkip(
  'tests/multi-instance.test.ts: several instances through Redis',
);
const describeWithRedis = REDIS_URL ? describe : describe.skip;

const INSTANCES = 3;
const USERS = 45;
/** Users 0..TWO_SESSIONS-1 own two sessions: 60 sessions in all. */
const TWO_SESSIONS = 15;
/** Users 0..TWO_SOCKETS-1 are also subscribed on a second instance. */
const TWO_SOCKETS = 9;
/** Coach turns one user may send per minute, across all instances together. */
const TURNS_PER_MINUTE = 6;

describeWithRedis('many instances on one PostgreSQL and one Redis', () => {
  const prefix = `amora-test-${randomBytes(4).toString('hex')}:`;
  let dataDir: string;
  let db: TestDatabase;
  let servers: ServerProcess[] = [];
  const subscribers: FollowupSubscriber[] = [];
  let redis: Redis;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-multi-'));
    db = await createTestDatabase();
    redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: 1 });
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      AMORA_REDIS_PREFIX: prefix,
      AMORA_JWT_SECRET: TEST_SECRET,
      AMORA_MIGRATE_ON_START: 'false',
      AMORA_FOLLOWUP_TICK_MS: '300',
      AMORA_RATE_LIMIT_TURNS_PER_MINUTE: String(TURNS_PER_MINUTE),
      AMORA_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    };
    const started = await Promise.allSettled(
      Array.from({ length: INSTANCES }, () => startServerProcess(env, 45_000)),
    );
    servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(subscribers.map((s) => s.close()));
    const codes = await Promise.all(servers.map((s) => s.stop('SIGTERM')));
    const keys = await redis?.keys(`${prefix}*`).catch(() => []);
    if (keys?.length) await redis.del(...keys);
    redis?.disconnect();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    // Each instance shut down cleanly with its Redis connections and sockets open.
    expect(codes).toEqual(servers.map(() => 0));
  }, 30_000);

  it('delivers every check-in exactly once to its owner, whichever instance claimed it', async () => {
    const zone = noonZone();
    const users = Array.from({ length: USERS }, () => randomUUID());
    const sessionsOf = new Map<string, string[]>();
    for (const [i, user] of users.entries())
      sessionsOf.set(
        user,
        Array.from({ length: i < TWO_SESSIONS ? 2 : 1 }, () => randomUUID()),
      );
    const allSessions = [...sessionsOf.values()].flat();
    expect(allSessions).toHaveLength(60);

    // Switched on, but not yet scheduled (next_follow_up_at NULL): no timer touches them yet.
    await db.query('INSERT INTO amora_users (id) SELECT unnest($1::uuid[])', [users]);
    await db.query(
      `INSERT INTO amora_sessions (id, user_id, title, follow_up_enabled, follow_up_time, timezone)
       SELECT s, u, 'Check-in ' || n, true, '00:00', $3 FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS x(s, u, n)`,
      [allSessions, [...sessionsOf.entries()].flatMap(([user, ids]) => ids.map(() => user)), zone],
    );

    // Owners spread over the instances, some on two at once; a stranger on every instance.
    const owners = new Map<FollowupSubscriber, string>();
    const connecting: Promise<void>[] = [];
    const subscribe = (user: string, instance: number) =>
      connecting.push(
        (async () => {
          const subscriber = await subscribeFollowups(
            servers[instance].url,
            await signToken(TEST_SECRET, user),
          );
          subscribers.push(subscriber);
          owners.set(subscriber, user);
        })(),
      );
    users.forEach((user, i) => {
      subscribe(user, i % INSTANCES);
      if (i < TWO_SOCKETS) subscribe(user, (i + 1) % INSTANCES);
    });
    const strangers = Array.from({ length: INSTANCES }, () => randomUUID());
    strangers.forEach((user, i) => subscribe(user, i));
    await Promise.all(connecting);
    expect(subscribers).toHaveLength(USERS + TWO_SOCKETS + INSTANCES);

    // Every owner's channel is subscribed in Redis by each instance they are connected to.
    const instancesOf = (user: string) =>
      new Set(subscribers.filter((s) => owners.get(s) === user).map((s) => s.serverUrl)).size;
    await waitFor('every owner channel to be subscribed in Redis', async () => {
      const reply = (await redis.call(
        'PUBSUB',
        'NUMSUB',
        ...users.map((u) => `${prefix}FOLLOWUP_DUE:${u}`),
      )) as (string | number)[];
      return users.every((user, i) => Number(reply[2 * i + 1]) >= instancesOf(user));
    });

    // Twenty waves at uneven gaps of one to two ticks (300 ms), so that the timer that ticks first
    // after a wave changes from wave to wave (even when a loaded machine lines the timers up) and
    // every timer gets its chance to claim some; three timers race for each wave.
    const due = (ids: string[]) =>
      db.query(
        `UPDATE amora_sessions SET next_follow_up_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    for (let wave = 0; wave < allSessions.length; wave += 3) {
      if (wave > 0) await new Promise((resolve) => setTimeout(resolve, 310 + ((wave * 97) % 290)));
      await due(allSessions.slice(wave, wave + 3));
    }

    const expected = subscribers.reduce(
      (n, s) => n + (sessionsOf.get(owners.get(s)!)?.length ?? 0),
      0,
    );
    const received = () => subscribers.reduce((n, s) => n + s.events.length, 0);
    await waitFor(`${expected} pushes`, () => received() >= expected, 30_000);
    // Late duplicates would arrive within a few ticks: give them the chance.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    for (const subscriber of subscribers) {
      expect(subscriber.errors).toEqual([]);
      const mine = sessionsOf.get(owners.get(subscriber)!) ?? [];
      // Exactly its owner's sessions, each once (a stranger: nothing).
      expect(subscriber.events.map((e) => e.coachSessionId).sort()).toEqual([...mine].sort());
      for (const event of subscriber.events) expect(event.session.id).toBe(event.coachSessionId);
    }
    expect(received()).toBe(expected);

    // One check-in row and one CHECK_IN message per session, nothing left due.
    const rows = await db.query<{ session_id: string; n: string; messages: string }>(
      `SELECT s.id AS session_id,
              (SELECT count(*) FROM amora_followups f WHERE f.session_id = s.id) AS n,
              (SELECT count(*) FROM amora_session_messages m WHERE m.session_id = s.id AND m.metadata->>'response_style' = 'CHECK_IN') AS messages
       FROM amora_sessions s WHERE s.id = ANY($1::uuid[])`,
      [allSessions],
    );
    expect(rows).toHaveLength(60);
    for (const row of rows)
      expect([row.session_id, Number(row.n), Number(row.messages)]).toEqual([row.session_id, 1, 1]);
    const [{ left }] = await db.query<{ left: string }>(
      `SELECT count(*) AS left FROM amora_sessions WHERE next_follow_up_at <= now()`,
    );
    expect(Number(left)).toBe(0);

    // The instances' own accounts of what they claimed add up to 60: none claimed twice.
    const claimedBy = servers.map((s) =>
      s
        .output()
        .split('\n')
        .filter((line) => line.includes('"check-ins sent"'))
        .reduce((n, line) => n + (JSON.parse(line) as { count: number }).count, 0),
    );
    console.log(`[multi-instance] check-ins claimed per instance: ${claimedBy.join(', ')}`);
    expect(claimedBy.reduce((a, b) => a + b, 0)).toBe(60);
    // The timers raced: more than one instance claimed some (else this proved nothing about sharing).
    expect(claimedBy.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it("counts a user's coach turns against one budget shared by every instance", async () => {
    const user = randomUUID();
    const headers = {
      authorization: `Bearer ${await signToken(TEST_SECRET, user)}`,
      'content-type': 'application/json',
    };
    const turn = (server: ServerProcess, i: number) =>
      fetch(`${server.url}/api/v1/coach/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          mode: 'LEARN',
          specific_question: `We keep arguing about chores, day ${i}.`,
        }),
      });
    // The budget spread over the instances: each alone would allow it all again.
    for (let i = 0; i < TURNS_PER_MINUTE; i++)
      expect((await turn(servers[i % INSTANCES], i)).status).toBe(200);
    for (const server of servers) {
      const limited = await turn(server, 99);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The count lives in Redis under this deployment's prefix.
    expect(Number(await redis.get(`${prefix}turns:${user}`))).toBeGreaterThanOrEqual(
      TURNS_PER_MINUTE,
    );
  });
});
