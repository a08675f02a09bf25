import { NotFoundError } from '../errors';
import { isUuid } from '../ids';
import { toProgress } from './progress.mapper';
import type { ProgressRepository } from './progress.repository';
import type { SessionProgress } from './progress.type';

/**
 * Progress of each given session of `userId`, in the order given (null for one that is missing
 * or not theirs): the engine's state plus one aggregate statement, whatever the number of ids.
 */
export async function progressOfSessions(
  progress: ProgressRepository,
  userId: string,
  sessionIds: readonly string[],
): Promise<(SessionProgress | null)[]> {
  const valid = sessionIds.filter(isUuid);
  const rows = valid.length ? await progress.rows(userId, valid) : [];
  const byId = new Map(rows.map((row) => [row.session_id, toProgress(row)]));
  return sessionIds.map((id) => byId.get(id.toLowerCase()) ?? null);
}

/** Progress of a user's sessions, for the REST face (GraphQL batches through its loader). */
export class ProgressService {
  constructor(private readonly progress: ProgressRepository) {}

  /** One session's progress, or {@link NotFoundError}. */
  async get(userId: string, sessionId: string): Promise<SessionProgress> {
    const [found] = await progressOfSessions(this.progress, userId, [sessionId]);
    if (!found) throw new NotFoundError('Session');
    return found;
  }
}
