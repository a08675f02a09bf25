import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import type { Session } from '../db/generated/client';
import { toFeedback, type Feedback } from '../feedback/feedback.type';
import { toMessage, type MessageRow } from '../messages/message.mapper';
import type { Message } from '../messages/message.type';
import { progressOfSessions } from '../sessions/progress.service';
import type { SessionProgress } from '../sessions/progress.type';

/** One page of a session's current messages (oldest first) and how many there are in all. */
export interface MessagePage {
  messages: Message[];
  hasNextPage: boolean;
  totalCount: number;
}

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

/** Per-request batch loaders, all limited to the viewer's own rows. */
export interface Loaders {
  sessionById: DataLoader<string, Session | null>;
  messageById: DataLoader<string, Message | null>;
  messagePage: DataLoader<PageKey, MessagePage, string>;
  feedbackByMessage: DataLoader<string, Feedback[]>;
  progressBySession: DataLoader<string, SessionProgress | null>;
}

/**
 * Creates the loaders for one request. Nested queries then cost one statement per level,
 * whatever the number of sessions and messages.
 */
export function createLoaders(db: Database, userId: string): Loaders {
  const prisma = db.prisma;
  const loaders: Loaders = {
    progressBySession: new DataLoader((ids) => progressOfSessions(db, userId, ids)),

    sessionById: new DataLoader(async (ids) => {
      const rows = await prisma.session.findMany({ where: { id: { in: [...ids] }, userId } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    messageById: new DataLoader(async (ids) => {
      const rows = await prisma.message.findMany({ where: { id: { in: [...ids] }, userId } });
      const byId = new Map(rows.map((row) => [row.id, toMessage(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    feedbackByMessage: new DataLoader(async (messageIds) => {
      const rows = await prisma.feedback.findMany({
        where: { messageId: { in: [...messageIds] }, userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      const byMessage = new Map<string, Feedback[]>();
      for (const row of rows) {
        const list = byMessage.get(row.messageId) ?? [];
        list.push(toFeedback(row));
        byMessage.set(row.messageId, list);
      }
      return messageIds.map((id) => byMessage.get(id) ?? []);
    }),

    messagePage: new DataLoader(
      async (keys) => {
        // Keys of one nested query share first/after; group anyway so mixed pages stay correct.
        const groups = new Map<string, PageKey[]>();
        for (const key of keys) {
          const group = pageKey({ ...key, sessionId: '' });
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const results = new Map<string, MessagePage>();
        for (const group of groups.values()) {
          const { first, after, before = null, backwards = false } = group[0]!;
          const sessionIds = group.map((key) => key.sessionId);
          const rows = backwards
            ? await lastMessages(sessionIds, first, before)
            : await prisma.$queryRaw<(MessageRow & { sid: string; total: bigint })[]>`
            SELECT s.id AS sid, c.total, m.*
            FROM unnest(${sessionIds}::uuid[]) AS s(id)
            CROSS JOIN LATERAL (
              SELECT count(*) AS total FROM amora_session_messages
              WHERE session_id = s.id AND user_id = ${userId}::uuid AND superseded_by_id IS NULL
            ) c
            LEFT JOIN LATERAL (
              SELECT * FROM amora_session_messages
              WHERE session_id = s.id AND user_id = ${userId}::uuid AND superseded_by_id IS NULL AND seq > ${after ?? -1n}
              ORDER BY seq LIMIT ${first + 1}
            ) m ON true
            ORDER BY s.id, m.seq`;
          for (const sessionId of sessionIds) {
            const mine = rows.filter((row) => row.sid === sessionId);
            const messages = mine.filter((row) => row.id !== null).map(toMessage);
            // `feedback { message }` under a page then costs no statement of its own.
            for (const message of messages) loaders.messageById.prime(message.id, message);
            const page = messages.slice(0, first);
            results.set(pageKey({ ...group[0]!, sessionId }), {
              // Backwards pages were read newest first.
              messages: backwards ? page.reverse() : page,
              hasNextPage: messages.length > first,
              totalCount: Number(mine[0]?.total ?? 0),
            });
          }
        }
        return keys.map((key) => results.get(pageKey(key))!);
      },
      { cacheKeyFn: pageKey },
    ),
  };

  /** The newest `first` + 1 current messages before `before` of each session, oldest first. */
  function lastMessages(sessionIds: string[], first: number, before: bigint | null) {
    return prisma.$queryRaw<(MessageRow & { sid: string; total: bigint })[]>`
      SELECT s.id AS sid, c.total, m.*
      FROM unnest(${sessionIds}::uuid[]) AS s(id)
      CROSS JOIN LATERAL (
        SELECT count(*) AS total FROM amora_session_messages
        WHERE session_id = s.id AND user_id = ${userId}::uuid AND superseded_by_id IS NULL
      ) c
      LEFT JOIN LATERAL (
        SELECT * FROM amora_session_messages
        WHERE session_id = s.id AND user_id = ${userId}::uuid AND superseded_by_id IS NULL
          AND (${before}::bigint IS NULL OR seq < ${before}::bigint)
        ORDER BY seq DESC LIMIT ${first + 1}
      ) m ON true
      ORDER BY s.id, m.seq DESC`;
  }
  return loaders;
}

function pageKey(key: PageKey): string {
  const base = `${key.sessionId}:${key.first}:${key.after ?? ''}`;
  return key.backwards ? `${base}:<${key.before ?? ''}` : base;
}
