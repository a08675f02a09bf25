import { randomUUID } from 'node:crypto';
import type { FeedbackType } from '../db/generated/enums';
import { isForeignKeyViolation } from '../db/errors';
import { InputError, NotFoundError } from '../errors';
import { isUuid } from '../ids';
import type { TurnLimits } from '../messages/message.service';
import { toInput, validateInput } from '../validation';
import { FeedbackResult, SubmitFeedbackInput } from './feedback.input';
import type { FeedbackRepository } from './feedback.repository';
import { toFeedback } from './feedback.type';

/** LIKE and DISLIKE are ratings (one per user per message); REGENERATE is an event, kept every time. */
const RATINGS: readonly FeedbackType[] = ['LIKE', 'DISLIKE'];

/**
 * Feedback on Amora's answers. A rating replaces the user's earlier rating of the same message;
 * disliked answers' blocks are avoided in that user's later answers (see MessageService).
 */
export class FeedbackService {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly limits: Pick<TurnLimits, 'consumeTurn'> = {
      consumeTurn: () => Promise.resolve(),
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
    const row = await this.feedback
      .record({ id, userId, messageId: input.messageId, type, isRating: RATINGS.includes(type) })
      .catch((error: unknown) => {
        // The message (or its session) was deleted between our read and our write.
        if (isForeignKeyViolation(error)) throw new NotFoundError('Message');
        throw error;
      });
    if (!row) throw new NotFoundError('Message');
    if (row.sender !== 'amora')
      throw InputError.field('messageId', "feedback is only for Amora's messages, not your own");
    const feedback = toFeedback({
      id,
      messageId: input.messageId,
      feedbackType: type,
      createdAt: row.createdAt!,
    });
    return {
      success: true,
      feedbackId: id,
      message: `Feedback (${type.toLowerCase()}) recorded`,
      feedback,
    };
  }
}
