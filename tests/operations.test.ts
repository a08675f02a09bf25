import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ManualClock } from '../src/clock';
import { RETENTION_SWEEP_INTERVAL_MS } from '../src/privacy/retention';
import { startTestServer, type TestServer } from './support/server';
import { createTestDatabase } from './support/database';
import { countRowsBy, seedSession } from './support/seed';
import { waitFor } from './support/waiting';

const SESSIONS = `{ sessions { id } }`;

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

describe('/readyz', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers 503 while a migration is pending, and 200 once it is applied', async () => {
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    const [last] = await t.db.query<{ id: string; migration_name: string }>(
      `SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    // The database forgets it ever ran the newest migration: to the server, it is pending.
    await t.db.query(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE id = $1`, [last.id]);
    try {
      const pending = await fetch(`${t.url}/readyz`);
      expect(pending.status).toBe(503);
      expect(await pending.json()).toEqual({ status: 'unavailable' });
      // Alive all the same: nothing should restart it.
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.db.query(`UPDATE "_prisma_migrations" SET finished_at = now() WHERE id = $1`, [
        last.id,
      ]);
    }
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });
});

describe('tokens from a JWKS (AMORA_JWKS_URL)', () => {
  let jwks: http.Server;
  let t: TestServer;
  let privateKey: SigningKey;
  let strangerKey: SigningKey;
  const kid = 'amora-test-key';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' };
    // A JWKS endpoint on loopback, as an identity provider serves it.
    jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as AddressInfo).port;
    t = await startTestServer({ env: { AMORA_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` } });
  });
  afterAll(async () => {
    await t.stop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const sign = (key: SigningKey, claims: { sub?: string; aud?: string; exp?: string } = {}) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(claims.sub ?? randomUUID())
      .setAudience(claims.aud ?? 'authenticated')
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(key);

  it('accepts a token signed with a key of the set, over GraphQL and REST', async () => {
    const token = await sign(privateKey);
    const gql = await t.gql(token, SESSIONS);
    expect(gql.status).toBe(200);
    expect(gql.body.data).toEqual({ sessions: [] });
    expect((await t.rest(token, 'GET', '/api/v1/coach/sessions')).status).toBe(200);
  });

  it('refuses a token signed with another key, the wrong audience, or expired', async () => {
    const refused = [
      await sign(strangerKey),
      await sign(privateKey, { aud: 'someone-else' }),
      await sign(privateKey, { exp: '-1m' }),
      await sign(privateKey, { sub: 'not-a-uuid' }),
    ];
    for (const token of refused) {
      const answer = await t.gql(token, SESSIONS);
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('AMORA_INTROSPECTION', () => {
  const INTROSPECT = `{ __schema { queryType { name } } }`;

  it('answers introspection by default, and refuses it when set to false', async () => {
    const on = await startTestServer();
    try {
      const answer = await on.gql(await on.token(), INTROSPECT);
      expect(answer.body.data.__schema.queryType.name).toBe('Query');
    } finally {
      await on.stop();
    }
    const off = await startTestServer({ env: { AMORA_INTROSPECTION: 'false' } });
    try {
      const answer = await off.gql(await off.token(), INTROSPECT);
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors[0].message).toMatch(/introspection/i);
      // Ordinary queries are untouched.
      expect((await off.gql(await off.token(), SESSIONS)).body.data).toEqual({ sessions: [] });
    } finally {
      await off.stop();
    }
  });
});

describe('the retention sweep', () => {
  it('sweeps at start and then every day, taking feedback and check-ins with the messages', async () => {
    const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
    // The daily timer is captured as it is armed, so the test can be "the next day" at once.
    const intervals: { ms: number | undefined; run: () => void }[] = [];
    const realSetInterval = global.setInterval;
    const spy = jest
      .spyOn(global, 'setInterval')
      .mockImplementation((run: () => void, ms?: number) => {
        intervals.push({ ms, run });
        return realSetInterval(() => undefined, 1 << 30);
      });
    const db = await createTestDatabase();
    let r: TestServer | null = null;
    try {
      const userId = randomUUID();
      const seeded = await seedSession(db, userId);
      // Everything seeded is 60 days old: due for a 30-day sweep the moment the server starts.
      await db.query(
        `UPDATE amora_session_messages SET created_at = '2026-04-01T00:00:00Z' WHERE session_id = $1`,
        [seeded.sessionId],
      );
      const before = await countRowsBy(db, 'session_id', seeded.sessionId);
      expect(before.amora_session_feedback).toBeGreaterThan(0);
      expect(before.amora_followups).toBe(1);
      r = await startTestServer({ clock, db, env: { AMORA_RETENTION_DAYS: '30' } });
      await waitFor(
        'the sweep at start',
        async () =>
          (await countRowsBy(db, 'session_id', seeded.sessionId)).amora_session_messages === 0,
      );
      const after = await countRowsBy(db, 'session_id', seeded.sessionId);
      // The messages' feedback and check-ins went with them; the session and its state stay.
      expect(after.amora_session_feedback).toBe(0);
      expect(after.amora_followups).toBe(0);
      expect(after['amora_sessions.id']).toBe(1);
      expect(after.amora_session_state).toBe(1);

      const daily = intervals.filter((i) => i.ms === RETENTION_SWEEP_INTERVAL_MS);
      expect(daily).toHaveLength(1);
      expect(RETENTION_SWEEP_INTERVAL_MS).toBe(24 * 60 * 60 * 1000);
      // A message written now is kept by today's sweep and taken by the one 31 days on.
      await db.query(
        `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, created_at)
         VALUES (gen_random_uuid(), $1, $2, 'user', 'Still here.', $3)`,
        [seeded.sessionId, userId, clock.now()],
      );
      // Today it is kept...
      expect(await r.server.services.retention.sweep()).toBe(0);
      clock.set(new Date('2026-07-02T12:00:00Z'));
      daily[0].run();
      await waitFor(
        'the next daily sweep',
        async () =>
          (await countRowsBy(db, 'session_id', seeded.sessionId)).amora_session_messages === 0,
      );
    } finally {
      spy.mockRestore();
      await r?.stop();
      await db.drop();
    }
  });
});

describe('deleteMyData', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('deletes all or nothing: a failure on the last statement leaves every row in place', async () => {
    const userId = randomUUID();
    const token = await t.token(userId);
    await seedSession(t.db, userId);
    await seedSession(t.db, userId, { title: 'Second' });
    const before = await countRowsBy(t.db, 'user_id', userId);
    // The last statement of the transaction (the user row) fails.
    await t.db.query(`CREATE FUNCTION hardening_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await t.db.query(
      `CREATE TRIGGER hardening_refuse BEFORE DELETE ON amora_users FOR EACH ROW EXECUTE FUNCTION hardening_refuse()`,
    );
    try {
      const failed = await t.gql(token, `mutation { deleteMyData }`);
      expect(failed.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await countRowsBy(t.db, 'user_id', userId)).toEqual(before);
    } finally {
      await t.db.query(`DROP TRIGGER hardening_refuse ON amora_users`);
      await t.db.query(`DROP FUNCTION hardening_refuse()`);
    }
    expect((await t.rest(token, 'DELETE', '/api/v1/coach/me')).status).toBe(204);
    const after = await countRowsBy(t.db, 'user_id', userId);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
  });
});
