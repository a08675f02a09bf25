import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './support/database';

/*
 * The keys a check-in wave writes through, after the fan-out pass took the user key off messages
 * and check-ins and made two indexes partial: a row still cannot name a user that does not exist
 * or outlive its user, and what was unique still is.
 */
describe('check-in and message keys', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  /** A user with one session, a message and that message's check-in. */
  async function seed() {
    const user = randomUUID();
    const session = randomUUID();
    const message = randomUUID();
    await db.query('INSERT INTO amora_users (id) VALUES ($1)', [user]);
    await db.query(`INSERT INTO amora_sessions (id, user_id, title) VALUES ($1, $2, 'mine')`, [
      session,
      user,
    ]);
    await db.query(
      `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text) VALUES ($1, $2, $3, 'amora', 'how are you?')`,
      [message, session, user],
    );
    await db.query(
      `INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt, message_id) VALUES (gen_random_uuid(), $1, $2, current_date, 'UTC', now(), 'how are you?', $3)`,
      [session, user, message],
    );
    return { user, session, message };
  }

  const count = async (table: string, user: string) =>
    Number(
      (
        await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE user_id = $1`, [
          user,
        ])
      )[0].n,
    );

  it('refuses a message or check-in for a user who does not exist', async () => {
    const { session, message } = await seed();
    const ghost = randomUUID();
    await expect(
      db.query(
        `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text) VALUES (gen_random_uuid(), $1, $2, 'amora', 'x')`,
        [session, ghost],
      ),
    ).rejects.toThrow(/foreign key/);
    await expect(
      db.query(
        `INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt) VALUES (gen_random_uuid(), $1, $2, current_date + 1, 'UTC', now(), 'x')`,
        [session, ghost],
      ),
    ).rejects.toThrow(/foreign key/);
    // Nor can the row be pointed at one afterwards.
    await expect(
      db.query(`UPDATE amora_session_messages SET user_id = $1 WHERE id = $2`, [ghost, message]),
    ).rejects.toThrow(/foreign key/);
    await expect(
      db.query(`UPDATE amora_followups SET user_id = $1 WHERE message_id = $2`, [ghost, message]),
    ).rejects.toThrow(/foreign key/);
  });

  it("deletes a user's messages and check-ins with the user (through their sessions)", async () => {
    const { user } = await seed();
    const other = await seed();
    await db.query('DELETE FROM amora_users WHERE id = $1', [user]);
    expect(await count('amora_session_messages', user)).toBe(0);
    expect(await count('amora_followups', user)).toBe(0);
    expect(await count('amora_sessions', user)).toBe(0);
    // Nobody else's.
    expect(await count('amora_session_messages', other.user)).toBe(1);
    expect(await count('amora_followups', other.user)).toBe(1);
  });

  it('moves messages and check-ins with their session to its new owner, who must exist', async () => {
    const { user, session } = await seed();
    await expect(
      db.query('UPDATE amora_sessions SET user_id = $1 WHERE id = $2', [randomUUID(), session]),
    ).rejects.toThrow(/foreign key/);
    const heir = randomUUID();
    await db.query('INSERT INTO amora_users (id) VALUES ($1)', [heir]);
    await db.query('UPDATE amora_sessions SET user_id = $1 WHERE id = $2', [heir, session]);
    expect(await count('amora_session_messages', heir)).toBe(1);
    expect(await count('amora_followups', heir)).toBe(1);
    expect(await count('amora_session_messages', user)).toBe(0);
    expect(await count('amora_followups', user)).toBe(0);
  });

  it('keeps one check-in per message', async () => {
    const { user, session, message } = await seed();
    await expect(
      db.query(
        `INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt, message_id) VALUES (gen_random_uuid(), $1, $2, current_date + 1, 'UTC', now(), 'again', $3)`,
        [session, user, message],
      ),
    ).rejects.toThrow(/unique/);
  });

  it('keeps one default session per user, and any number of others', async () => {
    const user = randomUUID();
    await db.query('INSERT INTO amora_users (id) VALUES ($1)', [user]);
    const insert = (key: string | null) =>
      db.query(
        `INSERT INTO amora_sessions (id, user_id, title, is_default, default_key) VALUES (gen_random_uuid(), $1, 't', $2, $3)`,
        [user, key !== null, key],
      );
    await insert(`${user}:default`);
    await expect(insert(`${user}:default`)).rejects.toThrow(/unique/);
    await insert(null);
    await insert(null);
    expect(await count('amora_sessions', user)).toBe(3);
  });
});
