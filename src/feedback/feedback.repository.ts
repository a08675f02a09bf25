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
   * Records feedback on an Amora message of the user, in one statement; a user message or a
   * foreign one writes nothing. A rating is an upsert on the unique (user, rated message) key, so
   * however many arrive at once exactly one row stays, the last one written.
   * @returns null when the message is missing or not the user's.
   */
  async record(write: FeedbackWrite): Promise<FeedbackRecorded | null> {
    const { id, userId, messageId, type, isRating } = write;
    const rows = await this.db.prisma.$queryRaw<{ sender: string; created_at: Date | null }[]>`
      WITH m AS (
        SELECT id, session_id, sender FROM amora_session_messages
        WHERE id = ${messageId}::uuid AND user_id = ${userId}::uuid
      ), added AS (
        INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type, rated_message_id)
        SELECT ${id}::uuid, m.session_id, m.id, ${userId}::uuid, ${type.toLowerCase()}::amora_feedback_type,
          CASE WHEN ${isRating} THEN m.id END
        FROM m WHERE m.sender = 'amora'
        ON CONFLICT (user_id, rated_message_id) DO UPDATE
          SET id = EXCLUDED.id, feedback_type = EXCLUDED.feedback_type, created_at = EXCLUDED.created_at
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
