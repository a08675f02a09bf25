import { createFeedbackLoaders, type FeedbackLoaders } from '../feedback/feedback.loaders';
import { createMessageLoaders, type MessageLoaders } from '../messages/message.loaders';
import { createProgressLoaders, type ProgressLoaders } from '../sessions/progress.loaders';
import { createSessionLoaders, type SessionLoaders } from '../sessions/session.loaders';
import type { Repositories } from './services';

/** Per-request batch loaders of every domain, all limited to the viewer's own rows. */
export type Loaders = SessionLoaders & ProgressLoaders & MessageLoaders & FeedbackLoaders;

/**
 * Creates the loaders for one request. Nested queries then cost one statement per level,
 * whatever the number of sessions and messages.
 */
export function createLoaders(repositories: Repositories, userId: string): Loaders {
  return {
    ...createSessionLoaders(repositories.sessions, userId),
    ...createProgressLoaders(repositories.progress, userId),
    ...createMessageLoaders(repositories.messages, userId),
    ...createFeedbackLoaders(repositories.feedback, userId),
  };
}
