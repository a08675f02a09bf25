import DataLoader from 'dataloader';
import type { ProgressRepository } from './progress.repository';
import { progressOfSessions } from './progress.service';
import type { SessionProgress } from './progress.type';

/** Per-request progress loader, limited to the viewer's own sessions. */
export interface ProgressLoaders {
  progressBySession: DataLoader<string, SessionProgress | null>;
}

/** Creates the progress loader of one request: one statement for every session of a list. */
export function createProgressLoaders(
  progress: ProgressRepository,
  userId: string,
): ProgressLoaders {
  return {
    progressBySession: new DataLoader((ids) => progressOfSessions(progress, userId, ids)),
  };
}
