import type pg from 'pg';
import type { Database } from '../db/database';
import type { Session } from '../db/generated/client';
import { toMessage, type MessageRow } from '../messages/message.mapper';
import { toSessionRecord, type SessionRecord } from '../sessions/session.mapper';

/** Version of the export document's layout; bumped when a key changes meaning or disappears. */
export const EXPORT_VERSION = 1;

/** Messages read per query while exporting: memory stays bounded by this, not by the history. */
export const EXPORT_BATCH_SIZE = 500;

/** One rating or regenerate request on a message, as exported. */
export interface ExportFeedback {
  id: string;
  /** `LIKE`, `DISLIKE` or `REGENERATE` (the GraphQL enum's spelling). */
  feedback_type: string;
  created_at: string;
}

/** One message, the user's or Amora's, replaced answers included. */
export interface ExportMessage {
  id: string;
  /** `USER` or `AMORA`. */
  sender: string;
  text: string;
  created_at: string;
  topics: string[];
  emotions: string[];
  response_style: string | null;
  /** For an answer that was regenerated: the id of the answer that replaced it. */
  superseded_by: string | null;
  feedback: ExportFeedback[];
}

/** One daily check-in Amora made in a session. */
export interface ExportFollowup {
  id: string;
  /** `YYYY-MM-DD` in the session's time zone. */
  local_day: string;
  due_at: string;
  prompt: string;
  /** The check-in message Amora wrote, when it still exists. */
  message_id: string | null;
  answered_at: string | null;
}

/** A session's own fields: the REST SessionResponse (with `is_default`, `timezone`, `last_follow_up_at`) plus its check-ins. */
export type ExportSessionHead = SessionRecord & {
  followups: ExportFollowup[];
};

/** A session with all of its messages, oldest first. */
export type ExportSession = ExportSessionHead & { messages: ExportMessage[] };

/** The whole document: `{version, exported_at, user_id, sessions}`. */
export interface ExportDocument {
  version: number;
  exported_at: string;
  user_id: string;
  sessions: ExportSession[];
}

/**
 * The document as a sequence of pieces, in document order. Both faces consume the same sequence:
 * REST writes each piece out as it comes (bounded memory), GraphQL assembles them in memory.
 */
export type ExportPart =
  | { kind: 'header'; header: Omit<ExportDocument, 'sessions'> }
  | { kind: 'session'; session: ExportSessionHead }
  | { kind: 'messages'; messages: ExportMessage[] }
  | { kind: 'sessionEnd' };

/** Options for {@link readExport}. */
export interface ReadExportOptions {
  /** Messages per query (default {@link EXPORT_BATCH_SIZE}). */
  batchSize?: number;
}

/**
 * Reads everything stored about `userId`, yielding {@link ExportPart}s. Messages are read in
 * keyset-paged batches (by `seq`), so a history of any length never sits in memory at once.
 *
 * All reads run in one REPEATABLE READ, READ ONLY transaction on a dedicated pool connection: the
 * document is one consistent snapshot even while the user keeps writing (a regeneration moves the
 * replaced answer to a new `seq`; without the snapshot keyset paging could skip or repeat it).
 * It uses `pg` directly rather than a Prisma interactive transaction because those time out,
 * and a large export to a slow client legitimately takes a while.
 *
 * Stopping early (`return()` on the generator, e.g. when the client went away) releases the connection.
 */
export async function* readExport(
  db: Database,
  userId: string,
  now: Date,
  options: ReadExportOptions = {},
): AsyncGenerator<ExportPart> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const client = await db.pool.connect();
  let broken: Error | undefined;
  let inTransaction = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    inTransaction = true;
    const sessions = await readSessions(client, userId);
    yield {
      kind: 'header',
      header: { version: EXPORT_VERSION, exported_at: now.toISOString(), user_id: userId },
    };
    for (const session of sessions) {
      const followups = await readFollowups(client, userId, session.id);
      yield { kind: 'session', session: { ...toSessionRecord(session), followups } };
      let after = '-1';
      for (;;) {
        const rows = await readMessageBatch(client, userId, session.id, after, batchSize);
        if (rows.length === 0) break;
        const feedback = await readFeedback(
          client,
          userId,
          rows.map((row) => row.id),
        );
        yield {
          kind: 'messages',
          messages: rows.map((row) => exportMessage(row, feedback.get(row.id) ?? [])),
        };
        if (rows.length < batchSize) break;
        after = String(rows[rows.length - 1]!.seq);
      }
      yield { kind: 'sessionEnd' };
    }
    await client.query('COMMIT');
    inTransaction = false;
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // Stopped early (the consumer called return()): end the snapshot before the connection goes back.
    if (!broken && inTransaction)
      await client.query('ROLLBACK').catch((error: Error) => {
        broken = error;
      });
    // A connection whose query failed may be in any state: destroy it rather than pool it.
    client.release(broken);
  }
}

/** The user's sessions (the default one included), oldest first, in Prisma's own shape. */
async function readSessions(client: pg.PoolClient, userId: string): Promise<Session[]> {
  const { rows } = await client.query<Session>(
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
async function readFollowups(
  client: pg.PoolClient,
  userId: string,
  sessionId: string,
): Promise<ExportFollowup[]> {
  const { rows } = await client.query<{
    id: string;
    local_day: string;
    due_at: Date;
    prompt: string;
    message_id: string | null;
    answered_at: Date | null;
  }>(
    `SELECT id, local_day::text AS local_day, due_at, prompt, message_id, answered_at
     FROM amora_followups WHERE session_id = $1::uuid AND user_id = $2::uuid ORDER BY local_day, id`,
    [sessionId, userId],
  );
  return rows.map((row) => ({
    id: row.id,
    local_day: row.local_day,
    due_at: row.due_at.toISOString(),
    prompt: row.prompt,
    message_id: row.message_id,
    answered_at: row.answered_at?.toISOString() ?? null,
  }));
}

/** Up to `limit` messages of a session after position `after`, in conversation order (index on session_id, seq). */
async function readMessageBatch(
  client: pg.PoolClient,
  userId: string,
  sessionId: string,
  after: string,
  limit: number,
): Promise<MessageRow[]> {
  const { rows } = await client.query<MessageRow>(
    `SELECT id, seq, session_id, sender::text AS sender, message_text, metadata, reply_to_id, superseded_by_id, created_at
     FROM amora_session_messages
     WHERE session_id = $1::uuid AND user_id = $2::uuid AND seq > $3::bigint
     ORDER BY seq LIMIT $4`,
    [sessionId, userId, after, limit],
  );
  return rows;
}

/** Feedback on the given messages, grouped by message, oldest first. */
async function readFeedback(
  client: pg.PoolClient,
  userId: string,
  messageIds: string[],
): Promise<Map<string, ExportFeedback[]>> {
  const { rows } = await client.query<{
    id: string;
    message_id: string;
    feedback_type: string;
    created_at: Date;
  }>(
    `SELECT id, message_id, feedback_type::text AS feedback_type, created_at
     FROM amora_session_feedback WHERE message_id = ANY($1::uuid[]) AND user_id = $2::uuid
     ORDER BY created_at, id`,
    [messageIds, userId],
  );
  const byMessage = new Map<string, ExportFeedback[]>();
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    list.push({
      id: row.id,
      feedback_type: row.feedback_type.toUpperCase(),
      created_at: row.created_at.toISOString(),
    });
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}

/** A stored message in the export's shape (the same mapping as the API's Message, snake_case). */
export function exportMessage(row: MessageRow, feedback: ExportFeedback[]): ExportMessage {
  const message = toMessage(row);
  return {
    id: message.id,
    sender: message.sender,
    text: message.text,
    created_at: message.createdAt.toISOString(),
    topics: message.topics,
    emotions: message.emotions,
    response_style: message.responseStyle,
    superseded_by: message.supersededById,
    feedback,
  };
}
