import DataLoader from 'dataloader';
import type { FeedbackRepository } from './feedback.repository';
import type { Feedback } from './feedback.type';

/** Per-request feedback loaders, limited to the viewer's own rows. */
export interface FeedbackLoaders {
  feedbackByMessage: DataLoader<string, Feedback[]>;
}

/** Creates the feedback loaders of one request: one statement per level of a nested query. */
export function createFeedbackLoaders(
  feedback: FeedbackRepository,
  userId: string,
): FeedbackLoaders {
  return {
    feedbackByMessage: new DataLoader(async (messageIds) => {
      const byMessage = await feedback.byMessages(userId, messageIds);
      return messageIds.map((id) => byMessage.get(id) ?? []);
    }),
  };
}
