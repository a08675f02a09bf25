import { toMessage, type MessageRow } from '../messages/message.mapper';
import { toSessionRecord, type SessionRecord } from '../sessions/session.mapper';
import type { FeedbackExportRow, FollowupExportRow, PrivacyRepository } from './privacy.repository';

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
 * All reads run in one snapshot ({@link PrivacyRepository.openExportSnapshot}): the document is
 * one consistent state even while the user keeps writing (a regeneration moves the replaced
 * answer to a new `seq`; without the snapshot keyset paging could skip or repeat it).
 *
 * Stopping early (`return()` on the generator, e.g. when the client went away) releases the connection.
 */
export async function* readExport(
  repository: PrivacyRepository,
  userId: string,
  now: Date,
  options: ReadExportOptions = {},
): AsyncGenerator<ExportPart> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const snapshot = await repository.openExportSnapshot();
  let broken: Error | undefined;
  try {
    const sessions = await snapshot.sessions(userId);
    yield {
      kind: 'header',
      header: { version: EXPORT_VERSION, exported_at: now.toISOString(), user_id: userId },
    };
    for (const session of sessions) {
      const followups = (await snapshot.followups(userId, session.id)).map(exportFollowup);
      yield { kind: 'session', session: { ...toSessionRecord(session), followups } };
      let after = '-1';
      for (;;) {
        const rows = await snapshot.messageBatch(userId, session.id, after, batchSize);
        if (rows.length === 0) break;
        const feedback = groupFeedback(
          await snapshot.feedback(
            userId,
            rows.map((row) => row.id),
          ),
        );
        yield {
          kind: 'messages',
          messages: rows.map((row) => exportMessage(row, feedback.get(row.id) ?? [])),
        };
        if (rows.length < batchSize) break;
        after = String(rows[rows.length - 1].seq);
      }
      yield { kind: 'sessionEnd' };
    }
    await snapshot.commit();
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    await snapshot.close(broken);
  }
}

/** A check-in in the export's shape. */
function exportFollowup(row: FollowupExportRow): ExportFollowup {
  return {
    id: row.id,
    local_day: row.local_day,
    due_at: row.due_at.toISOString(),
    prompt: row.prompt,
    message_id: row.message_id,
    answered_at: row.answered_at?.toISOString() ?? null,
  };
}

/** Feedback rows in the export's shape, grouped by message, in the order given. */
function groupFeedback(rows: FeedbackExportRow[]): Map<string, ExportFeedback[]> {
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
