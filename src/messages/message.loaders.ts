import DataLoader from 'dataloader';
import type { MessagePage, MessageRepository } from './message.repository';
import type { Message } from './message.type';

export type { MessagePage } from './message.repository';

/**
 * Which page: up to `first` messages after position `after` (null: from the start), or with
 * `backwards` the `first` messages just before `before` (null: the newest), still oldest first;
 * `hasNextPage` of a backwards page then says whether older ones remain.
 */
export interface PageKey {
  sessionId: string;
  first: number;
  after: bigint | null;
  before?: bigint | null;
  backwards?: boolean;
}

/** Per-request message loaders, limited to the viewer's own rows. */
export interface MessageLoaders {
  messageById: DataLoader<string, Message | null>;
  messagePage: DataLoader<PageKey, MessagePage, string>;
}

/** Creates the message loaders of one request: one statement per level of a nested query. */
export function createMessageLoaders(messages: MessageRepository, userId: string): MessageLoaders {
  const messageById = new DataLoader<string, Message | null>(async (ids) => {
    const byId = await messages.byIds(userId, ids);
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });

  const messagePage = new DataLoader<PageKey, MessagePage, string>(
    async (keys) => {
      // Keys of one nested query share first/after; group anyway so mixed pages stay correct.
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const group = pageKey({ ...key, sessionId: '' });
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const results = new Map<string, MessagePage>();
      for (const group of groups.values()) {
        const { first, after, before = null, backwards = false } = group[0];
        const sessionIds = group.map((key) => key.sessionId);
        const pages = backwards
          ? await messages.lastPages(userId, sessionIds, first, before)
          : await messages.pages(userId, sessionIds, first, after);
        for (const [sessionId, page] of pages) {
          // `feedback { message }` under a page then costs no statement of its own.
          for (const message of page.messages) messageById.prime(message.id, message);
          results.set(pageKey({ ...group[0], sessionId }), page);
        }
      }
      return keys.map((key) => results.get(pageKey(key))!);
    },
    { cacheKeyFn: pageKey },
  );

  return { messageById, messagePage };
}

function pageKey(key: PageKey): string {
  const base = `${key.sessionId}:${key.first}:${key.after ?? ''}`;
  return key.backwards ? `${base}:<${key.before ?? ''}` : base;
}
