import DataLoader from 'dataloader';
import type { Session } from '../db/generated/client';
import type { SessionRepository } from './session.repository';

/** Per-request session loaders, limited to the viewer's own rows. */
export interface SessionLoaders {
  sessionById: DataLoader<string, Session | null>;
}

/** Creates the session loaders of one request: one statement per level of a nested query. */
export function createSessionLoaders(sessions: SessionRepository, userId: string): SessionLoaders {
  return {
    sessionById: new DataLoader(async (ids) => {
      const byId = await sessions.byIds(userId, ids);
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
