import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './support/database';

const RLS_FILE = path.join(__dirname, '..', 'prisma', 'supabase-rls.sql');
const TABLES = [
  'amora_users',
  'amora_sessions',
  'amora_session_messages',
  'amora_session_feedback',
  'amora_session_state',
  'amora_followups',
];

/**
 * Applies the shipped Supabase policies to a real PostgreSQL with a stand-in `auth.uid()` (as
 * Supabase defines it: the `sub` of the request's JWT claims) and an unprivileged role.
 */
describe('supabase-rls.sql', () => {
  let db: TestDatabase;
  const role = `amora_rls_${randomUUID().slice(0, 8)}`;
  const alice = randomUUID();
  const bob = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.query(`CREATE SCHEMA IF NOT EXISTS auth`);
    await db.query(
      `CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$`,
    );
    await db.query(fs.readFileSync(RLS_FILE, 'utf8'));
    await db.query(`CREATE ROLE ${role} NOLOGIN`);
    await db.query(`GRANT USAGE ON SCHEMA public, auth TO ${role}`);
    await db.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    );
    // As Supabase grants them: inserts that use a sequence (messages' seq) need it.
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    for (const user of [alice, bob]) {
      await db.query('INSERT INTO amora_users (id) VALUES ($1)', [user]);
      const [s] = await db.query<{ id: string }>(
        `INSERT INTO amora_sessions (id, user_id, title) VALUES (gen_random_uuid(), $1, 'private') RETURNING id`,
        [user],
      );
      const [m] = await db.query<{ id: string }>(
        `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text) VALUES (gen_random_uuid(), $1, $2, 'amora', 'secret') RETURNING id`,
        [s.id, user],
      );
      await db.query(
        `INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type) VALUES (gen_random_uuid(), $1, $2, $3, 'like')`,
        [s.id, m.id, user],
      );
      await db.query(`INSERT INTO amora_session_state (session_id, user_id) VALUES ($1, $2)`, [
        s.id,
        user,
      ]);
      await db.query(
        `INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt) VALUES (gen_random_uuid(), $1, $2, current_date, 'UTC', now(), 'hi')`,
        [s.id, user],
      );
    }
  });
  afterAll(async () => {
    await db.drop();
    const admin = new Client({ connectionString: process.env.AMORA_TEST_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
  });

  /** Runs `fn` as the unprivileged role with `sub` as the JWT subject, in a transaction rolled back after. */
  async function as<T>(sub: string, fn: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${role}`);
      await client.query(`SELECT set_config('request.jwt.claim.sub', $1, true)`, [sub]);
      return await fn(client);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  it('lets a user see only their own rows in every table', async () => {
    for (const table of TABLES) {
      const ownerColumn = table === 'amora_users' ? 'id' : 'user_id';
      const rows = await as(
        alice,
        async (c) => (await c.query(`SELECT ${ownerColumn} AS owner FROM ${table}`)).rows,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.owner === alice)).toBe(true);
    }
  });

  it('refuses to write rows for someone else, and updates or deletes nothing of theirs', async () => {
    await as(alice, async (c) => {
      await expect(
        c.query(
          `INSERT INTO amora_sessions (id, user_id, title) VALUES (gen_random_uuid(), $1, 'forged')`,
          [bob],
        ),
      ).rejects.toThrow(/row-level security/);
    });
    const changed = await as(
      alice,
      async (c) =>
        (
          await c.query(`UPDATE amora_session_messages SET message_text = 'x' WHERE user_id = $1`, [
            bob,
          ])
        ).rowCount,
    );
    expect(changed).toBe(0);
    const deleted = await as(
      alice,
      async (c) => (await c.query(`DELETE FROM amora_sessions WHERE user_id = $1`, [bob])).rowCount,
    );
    expect(deleted).toBe(0);
  });

  it("refuses rows of one's own placed in someone else's session or on their messages", async () => {
    const [bobs] = await db.query<{ session: string; message: string }>(
      `SELECT s.id AS session, m.id AS message FROM amora_sessions s
         JOIN amora_session_messages m ON m.session_id = s.id WHERE s.user_id = $1`,
      [bob],
    );
    const [alices] = await db.query<{ session: string; message: string }>(
      `SELECT s.id AS session, m.id AS message FROM amora_sessions s
         JOIN amora_session_messages m ON m.session_id = s.id WHERE s.user_id = $1`,
      [alice],
    );
    // A session of Bob's with no state yet: its state row is what Alice would plant.
    const [bobsNew] = await db.query<{ id: string }>(
      `INSERT INTO amora_sessions (id, user_id, title) VALUES (gen_random_uuid(), $1, 'new') RETURNING id`,
      [bob],
    );
    const forged: [string, unknown[]][] = [
      [
        `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text) VALUES (gen_random_uuid(), $1, $2, 'user', 'planted')`,
        [bobs.session, alice],
      ],
      [
        `INSERT INTO amora_session_state (session_id, user_id) VALUES ($1, $2)`,
        [bobsNew.id, alice],
      ],
      [
        `INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type) VALUES (gen_random_uuid(), $1, $2, $3, 'dislike')`,
        [bobs.session, bobs.message, alice],
      ],
      [
        // Her own session, his message.
        `INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type) VALUES (gen_random_uuid(), $1, $2, $3, 'dislike')`,
        [alices.session, bobs.message, alice],
      ],
      [
        `INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt) VALUES (gen_random_uuid(), $1, $2, current_date + 1, 'UTC', now(), 'planted')`,
        [bobs.session, alice],
      ],
      [
        `INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt, message_id) VALUES (gen_random_uuid(), $1, $2, current_date + 1, 'UTC', now(), 'planted', $3)`,
        [alices.session, alice, bobs.message],
      ],
    ];
    for (const [sql, params] of forged) {
      await as(alice, async (c) => {
        await expect(c.query(sql, params)).rejects.toThrow(/foreign key/);
      });
    }
    // Moving her own message into his session is refused the same way.
    await as(alice, async (c) => {
      await expect(
        c.query(`UPDATE amora_session_messages SET session_id = $1 WHERE id = $2`, [
          bobs.session,
          alices.message,
        ]),
      ).rejects.toThrow(/foreign key/);
    });
    const [planted] = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM amora_session_messages WHERE session_id = $1 AND user_id <> $2`,
      [bobs.session, bob],
    );
    expect(Number(planted.n)).toBe(0);
  });

  it('shows nothing to a request without a user', async () => {
    const rows = await as(
      '',
      async (c) => (await c.query('SELECT * FROM amora_session_messages')).rows,
    );
    expect(rows).toEqual([]);
  });

  it('has no policy that lets everyone in', () => {
    const sql = fs.readFileSync(RLS_FILE, 'utf8').replace(/--.*$/gm, '');
    expect(sql).not.toMatch(/USING\s*\(\s*true\s*\)/i);
    expect(sql.match(/CREATE POLICY/g)).toHaveLength(TABLES.length);
  });
});
