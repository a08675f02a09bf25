import type { Database } from '../db/database';
import { isForeignKeyViolation, retryOnConflict } from '../db/errors';
import { ERASE_TRANSACTION } from '../privacy/privacy.repository';
import type { Prisma, Session } from '../db/generated/client';
import type { SessionStatus } from '../db/generated/enums';

/** The stored fields of a new session (its owner and id are added here). */
export type NewSession = Omit<Prisma.SessionUncheckedCreateInput, 'id' | 'userId'>;

/** How often a write is tried again when the user's data was erased between its two statements. */
const USER_ROW_ATTEMPTS = 3;

/** The default session's fields. */
export interface NewDefaultSession {
  title: string;
  timezone: string;
  now: Date;
}

/**
 * The SQL of sessions. Every statement is limited to one user's rows: another user's session
 * reads exactly like a missing one.
 */
export class SessionRepository {
  constructor(private readonly db: Database) {}

  /** The user's sessions, most recent activity first. */
  list(
    userId: string,
    filter: { status?: SessionStatus | null; includeDefault?: boolean },
  ): Promise<Session[]> {
    return this.db.prisma.session.findMany({
      where: {
        userId,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.includeDefault ? {} : { isDefault: false }),
      },
      orderBy: [{ lastActivityAt: 'desc' }, { id: 'asc' }],
    });
  }

  /** The session, or null when it is missing or not the user's. */
  find(userId: string, id: string): Promise<Session | null> {
    return this.db.prisma.session.findFirst({ where: { id, userId } });
  }

  /** The user's sessions among `ids`, by id (for batch loading). */
  async byIds(userId: string, ids: readonly string[]): Promise<Map<string, Session>> {
    const rows = await this.db.prisma.session.findMany({ where: { id: { in: [...ids] }, userId } });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Stores a new session of `userId`, creating the user row on first use. The user row is written
   * idempotently, so a new user's parallel first requests all succeed; when `deleteMyData` erases
   * the user between the two statements, the user is simply made again.
   */
  async create(userId: string, data: NewSession): Promise<Session> {
    for (let attempt = 1; ; attempt++) {
      await this.ensureUser(userId);
      try {
        return await this.db.prisma.session.create({ data: { ...data, userId } });
      } catch (error) {
        if (attempt >= USER_ROW_ATTEMPTS || !isForeignKeyViolation(error)) throw error;
      }
    }
  }

  /** The user's row, made unless it exists (whatever the concurrency). */
  private async ensureUser(userId: string): Promise<void> {
    await this.db.prisma
      .$executeRaw`INSERT INTO amora_users (id) VALUES (${userId}::uuid) ON CONFLICT DO NOTHING`;
  }

  /**
   * Changes a session under a row lock, so concurrent changes apply one after the other, each
   * over the other's result. `change` gets the current row and returns what to write.
   * @returns the changed session, or null when it is missing or not the user's.
   */
  update(
    userId: string,
    id: string,
    change: (current: Session) => Prisma.SessionUpdateInput,
  ): Promise<Session | null> {
    return this.db.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM amora_sessions WHERE id = ${id}::uuid AND user_id = ${userId}::uuid FOR UPDATE`;
      if (rows.length === 0) return null;
      const current = (await tx.session.findUnique({ where: { id } }))!;
      return tx.session.update({ where: { id }, data: change(current) });
    });
  }

  /**
   * Deletes the session; the foreign keys cascade to its messages, feedback, state and check-ins
   * in the same transaction. @returns false when it is missing or not the user's.
   */
  async delete(userId: string, id: string): Promise<boolean> {
    return retryOnConflict(() =>
      this.db.prisma.$transaction(async (tx) => {
        // Locks in the order turns and regenerations take them (conversation state, then
        // messages, then the session row), so a turn racing the deletion waits instead of
        // deadlocking; a conflict that happens anyway is retried by retryOnConflict.
        await tx.$queryRaw`
          SELECT session_id FROM amora_session_state
          WHERE session_id = ${id}::uuid AND user_id = ${userId}::uuid FOR UPDATE`;
        await tx.$queryRaw`
          SELECT id FROM amora_session_messages
          WHERE session_id = ${id}::uuid AND user_id = ${userId}::uuid ORDER BY id FOR UPDATE`;
        const deleted = await tx.$executeRaw`
          DELETE FROM amora_sessions WHERE id = ${id}::uuid AND user_id = ${userId}::uuid`;
        return deleted > 0;
      }, ERASE_TRANSACTION),
    );
  }

  /** The user's default session, or null before the first one is made. */
  findDefault(userId: string): Promise<Session | null> {
    return this.db.prisma.session.findFirst({ where: { userId, isDefault: true } });
  }

  /**
   * Makes the user's default session (and user row) unless it exists: default_key is unique, so
   * a racing second insert is a no-op (the seed's `{user_id}:default` key).
   */
  async createDefault(userId: string, session: NewDefaultSession): Promise<void> {
    const { title, timezone, now } = session;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.insertDefault(userId, title, timezone, now);
        return;
      } catch (error) {
        // The user's data was erased between the user row and the session: make both again.
        if (attempt >= USER_ROW_ATTEMPTS || !isForeignKeyViolation(error)) throw error;
      }
    }
  }

  private async insertDefault(
    userId: string,
    title: string,
    timezone: string,
    now: Date,
  ): Promise<void> {
    await this.db.prisma.$executeRaw`
      WITH u AS (INSERT INTO amora_users (id) VALUES (${userId}::uuid) ON CONFLICT DO NOTHING)
      INSERT INTO amora_sessions (id, user_id, title, is_default, default_key, timezone, created_at, updated_at, last_activity_at)
      VALUES (gen_random_uuid(), ${userId}::uuid, ${title}, true, ${`${userId}:default`}, ${timezone}, ${now}, ${now}, ${now})
      ON CONFLICT DO NOTHING`;
  }
}
