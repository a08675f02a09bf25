import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { isUuid } from '../ids';
import { toProgress } from './progress.mapper';
import { loadProgressRows } from './progress.repository';
import type { SessionProgress } from './progress.type';

/**
 * Progress of each given session of `userId`, in the order given (null for one that is missing
 * or not theirs): the engine's state plus one aggregate statement, whatever the number of ids.
 */
export async function progressOfSessions(
  db: Database,
  userId: string,
  sessionIds: readonly string[],
): Promise<(SessionProgress | null)[]> {
  const valid = sessionIds.filter(isUuid);
  const rows = valid.length ? await loadProgressRows(db, userId, valid) : [];
  const byId = new Map(rows.map((row) => [row.session_id, toProgress(row)]));
  return sessionIds.map((id) => byId.get(id) ?? null);
}

/** Progress of a user's sessions, for the REST face (GraphQL batches through its loader). */
export class ProgressService {
  constructor(private readonly db: Database) {}

  /** One session's progress, or {@link NotFoundError}. */
  async get(userId: string, sessionId: string): Promise<SessionProgress> {
    const [progress] = await progressOfSessions(this.db, userId, [sessionId]);
    if (!progress) throw new NotFoundError('Session');
    return progress;
  }
}
