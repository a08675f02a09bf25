import type { Database } from '../db/database';
import type { FeedbackType } from '../db/generated/enums';
import { toFeedback, type Feedback } from './feedback.type';

/** One feedback row to record. */
export interface FeedbackWrite {
  id: string;
  userId: string;
  messageId: string;
  type: FeedbackType;
  /** A rating (LIKE/DISLIKE) replaces the user's earlier rating of the message; other kinds add up. */
  isRating: boolean;
}

/** What recording found: the rated message's sender, and the new row's time when one was written. */
export interface FeedbackRecorded {
  sender: string;
  createdAt: Date | null;
}

/** The SQL of feedback on messages; every statement is limited to one user's rows. */
export class FeedbackRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records feedback on an Amora message of the user, in one statement: the message row lock
   * serialises ratings of one message, so "latest wins" holds under concurrency, and a user
   * message or a foreign one writes nothing.
   * @returns null when the message is missing or not the user's.
   */
  async record(write: FeedbackWrite): Promise<FeedbackRecorded | null> {
    const { id, userId, messageId, type, isRating } = write;
    const rows = await this.db.prisma.$queryRaw<{ sender: string; created_at: Date | null }[]>`
      WITH m AS (
        SELECT id, session_id, sender FROM amora_session_messages
        WHERE id = ${messageId}::uuid AND user_id = ${userId}::uuid
        FOR UPDATE
      ), cleared AS (
        DELETE FROM amora_session_feedback f USING m
        WHERE ${isRating} AND m.sender = 'amora' AND f.message_id = m.id AND f.user_id = ${userId}::uuid
          AND f.feedback_type IN ('like', 'dislike')
      ), added AS (
        INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type)
        SELECT ${id}::uuid, m.session_id, m.id, ${userId}::uuid, ${type.toLowerCase()}::amora_feedback_type
        FROM m WHERE m.sender = 'amora'
        RETURNING created_at
      )
      SELECT m.sender::text AS sender, (SELECT created_at FROM added) AS created_at FROM m`;
    const row = rows[0];
    return row ? { sender: row.sender, createdAt: row.created_at } : null;
  }

  /** The user's feedback on each of `messageIds`, oldest first (for batch loading). */
  async byMessages(
    userId: string,
    messageIds: readonly string[],
  ): Promise<Map<string, Feedback[]>> {
    const rows = await this.db.prisma.feedback.findMany({
      where: { messageId: { in: [...messageIds] }, userId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const byMessage = new Map<string, Feedback[]>();
    for (const row of rows) {
      const list = byMessage.get(row.messageId) ?? [];
      list.push(toFeedback(row));
      byMessage.set(row.messageId, list);
    }
    return byMessage;
  }
}
