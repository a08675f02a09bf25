import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import type { FeedbackType } from '../db/generated/enums';
import { InputError, NotFoundError } from '../errors';
import { isUuid } from '../ids';
import type { TurnLimits } from '../messages/message.service';
import { toInput, validateInput } from '../validation';
import { FeedbackResult, SubmitFeedbackInput } from './feedback.input';
import { toFeedback } from './feedback.type';

/** LIKE and DISLIKE are ratings (one per user per message); REGENERATE is an event, kept every time. */
const RATINGS: readonly FeedbackType[] = ['LIKE', 'DISLIKE'];

/**
 * Feedback on Amora's answers. A rating replaces the user's earlier rating of the same message;
 * disliked answers' blocks are avoided in that user's later answers (see MessageService).
 */
export class FeedbackService {
  constructor(
    private readonly db: Database,
    private readonly limits: Pick<TurnLimits, 'consumeTurn'> = {
      consumeTurn: async () => undefined,
    },
  ) {}

  /** Records feedback; `raw.feedbackType` may come in any case from older clients. */
  async submit(
    userId: string,
    raw: { messageId?: unknown; feedbackType?: unknown },
  ): Promise<FeedbackResult> {
    const input = await validateInput(
      toInput(SubmitFeedbackInput, {
        ...raw,
        feedbackType:
          typeof raw.feedbackType === 'string'
            ? raw.feedbackType.trim().toUpperCase()
            : raw.feedbackType,
      }),
    );
    if (!isUuid(input.messageId)) throw new NotFoundError('Message');
    const type = input.feedbackType;
    // Each REGENERATE is a stored row: it draws on the turn budget like the answer it asks for.
    if (type === 'REGENERATE') await this.limits.consumeTurn(userId);
    const id = randomUUID();
    const isRating = RATINGS.includes(type);
    // One statement: the message row lock serialises ratings of one message, so "latest wins"
    // holds under concurrency and a user message or a foreign one writes nothing.
    const rows = await this.db.prisma.$queryRaw<{ sender: string; created_at: Date | null }[]>`
      WITH m AS (
        SELECT id, session_id, sender FROM amora_session_messages
        WHERE id = ${input.messageId}::uuid AND user_id = ${userId}::uuid
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
    if (!row) throw new NotFoundError('Message');
    if (row.sender !== 'amora')
      throw InputError.field('messageId', "feedback is only for Amora's messages, not your own");
    const feedback = toFeedback({
      id,
      messageId: input.messageId,
      feedbackType: type,
      createdAt: row.created_at!,
    });
    return {
      success: true,
      feedbackId: id,
      message: `Feedback (${type.toLowerCase()}) recorded`,
      feedback,
    };
  }
}
