import type pg from 'pg';
import type { Database } from '../db/database';
import { retryOnConflict } from '../db/errors';
import type { Session } from '../db/generated/client';
import type { MessageRow } from '../messages/message.mapper';

/** A check-in row as the export reads it; `local_day` as `YYYY-MM-DD` text. */
export interface FollowupExportRow {
  id: string;
  local_day: string;
  due_at: Date;
  prompt: string;
  message_id: string | null;
  answered_at: Date | null;
}

/** A feedback row as the export reads it. */
export interface FeedbackExportRow {
  id: string;
  message_id: string;
  feedback_type: string;
  created_at: Date;
}

/** A long history takes a while to erase: more than Prisma's default 5 s for a transaction. */
export const ERASE_TRANSACTION = { timeout: 60_000 };

/**
 * The SQL of a user's data as a whole: erasing it, reading it for export, and the retention sweep.
 */
export class PrivacyRepository {
  constructor(private readonly db: Database) {}

  /**
   * Erases every row of `userId` in every table, in one transaction: check-ins, feedback,
   * conversation state, messages, sessions (the default one included) and the user row itself.
   *
   * The foreign keys cascade from users and sessions already; each table is still named here so
   * that a row that ever lost its link (or a table added later without a cascade) is not missed,
   * and so the statement list reads as the answer to "what does erasing delete?".
   */
  async deleteAllOf(userId: string): Promise<void> {
    await retryOnConflict(() =>
      this.db.prisma.$transaction(async (tx) => {
        // First the locks turns take first (conversation state, then messages), in a fixed
        // order, so a turn racing the erasure waits instead of deadlocking.
        await tx.$queryRaw`
          SELECT session_id FROM amora_session_state WHERE user_id = ${userId}::uuid
          ORDER BY session_id FOR UPDATE`;
        await tx.$queryRaw`
          SELECT id FROM amora_session_messages WHERE user_id = ${userId}::uuid
          ORDER BY id FOR UPDATE`;
        await tx.$executeRaw`DELETE FROM amora_followups WHERE user_id = ${userId}::uuid`;
        await tx.$executeRaw`DELETE FROM amora_session_feedback WHERE user_id = ${userId}::uuid`;
        await tx.$executeRaw`DELETE FROM amora_session_state WHERE user_id = ${userId}::uuid`;
        await tx.$executeRaw`DELETE FROM amora_session_messages WHERE user_id = ${userId}::uuid`;
        // Cascades also take whatever a turn committed in the meantime to one of these sessions.
        await tx.$executeRaw`DELETE FROM amora_sessions WHERE user_id = ${userId}::uuid`;
        await tx.$executeRaw`DELETE FROM amora_users WHERE id = ${userId}::uuid`;
      }, ERASE_TRANSACTION),
    );
  }

  /**
   * Deletes up to `limit` messages created before `cutoff` (their feedback and check-in rows go
   * with them through the foreign keys), skipping rows another sweeper has locked.
   * @returns how many were deleted.
   */
  deleteMessagesBefore(cutoff: Date, limit: number): Promise<number> {
    return this.db.prisma.$executeRaw`
      DELETE FROM amora_session_messages m
      USING (SELECT id FROM amora_session_messages WHERE created_at < ${cutoff} LIMIT ${limit} FOR UPDATE SKIP LOCKED) old
      WHERE m.id = old.id`;
  }

  /**
   * Starts a REPEATABLE READ, READ ONLY transaction on a dedicated pool connection: every read
   * through the returned snapshot sees one consistent state of the database. It uses `pg`
   * directly rather than a Prisma interactive transaction because those time out, and a large
   * export to a slow client legitimately takes a while. The caller must `close()` it.
   */
  async openExportSnapshot(): Promise<ExportSnapshot> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return new ExportSnapshot(client);
  }
}

/** The export's reads, all inside one snapshot transaction (see {@link PrivacyRepository.openExportSnapshot}). */
export class ExportSnapshot {
  private open = true;

  constructor(private readonly client: pg.PoolClient) {}

  /** The user's sessions (the default one included), oldest first, in Prisma's own shape. */
  async sessions(userId: string): Promise<Session[]> {
    const { rows } = await this.client.query<Session>(
      `SELECT id, user_id AS "userId", title, primary_topic AS "primaryTopic", status::text AS status,
         is_default AS "isDefault", default_key AS "defaultKey", created_at AS "createdAt", updated_at AS "updatedAt",
         last_message_at AS "lastMessageAt", last_activity_at AS "lastActivityAt", follow_up_enabled AS "followUpEnabled",
         follow_up_time AS "followUpTime", timezone, last_follow_up_at AS "lastFollowUpAt",
         next_follow_up_at AS "nextFollowUpAt", summary_text AS "summaryText", next_plan_text AS "nextPlanText"
       FROM amora_sessions WHERE user_id = $1::uuid ORDER BY created_at, id`,
      [userId],
    );
    return rows;
  }

  /** A session's check-ins, by day. `local_day` is read as text: `pg` would turn a DATE into a local-midnight Date. */
  async followups(userId: string, sessionId: string): Promise<FollowupExportRow[]> {
    const { rows } = await this.client.query<FollowupExportRow>(
      `SELECT id, local_day::text AS local_day, due_at, prompt, message_id, answered_at
       FROM amora_followups WHERE session_id = $1::uuid AND user_id = $2::uuid ORDER BY local_day, id`,
      [sessionId, userId],
    );
    return rows;
  }

  /** Up to `limit` messages of a session after position `after`, in conversation order (index on session_id, seq). */
  async messageBatch(
    userId: string,
    sessionId: string,
    after: string,
    limit: number,
  ): Promise<MessageRow[]> {
    const { rows } = await this.client.query<MessageRow>(
      `SELECT id, seq, session_id, sender::text AS sender, message_text, metadata, reply_to_id, superseded_by_id, created_at
       FROM amora_session_messages
       WHERE session_id = $1::uuid AND user_id = $2::uuid AND seq > $3::bigint
       ORDER BY seq LIMIT $4`,
      [sessionId, userId, after, limit],
    );
    return rows;
  }

  /** Feedback on the given messages, oldest first. */
  async feedback(userId: string, messageIds: string[]): Promise<FeedbackExportRow[]> {
    const { rows } = await this.client.query<FeedbackExportRow>(
      `SELECT id, message_id, feedback_type::text AS feedback_type, created_at
       FROM amora_session_feedback WHERE message_id = ANY($1::uuid[]) AND user_id = $2::uuid
       ORDER BY created_at, id`,
      [messageIds, userId],
    );
    return rows;
  }

  /** Ends the transaction; the snapshot can no longer be read. */
  async commit(): Promise<void> {
    await this.client.query('COMMIT');
    this.open = false;
  }

  /**
   * Gives the connection back. After `failure` (a query failed: the connection may be in any
   * state) it is destroyed rather than pooled; a transaction still open (the reader stopped early)
   * is rolled back first.
   */
  async close(failure?: Error): Promise<void> {
    let broken = failure;
    if (!broken && this.open)
      await this.client.query('ROLLBACK').catch((error: Error) => {
        broken = error;
      });
    this.open = false;
    this.client.release(broken);
  }
}
