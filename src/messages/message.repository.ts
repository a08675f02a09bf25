import { randomUUID } from 'node:crypto';
import type { ConversationState, TurnResult } from '../coach/types';
import type { Database } from '../db/database';
import { isUniqueViolationOn } from '../db/errors';
import { Prisma } from '../db/generated/client';
import { answerMetadata, questionMetadata, toMessage, type MessageRow } from './message.mapper';
import type { StoredTurnResult } from './stored-turn';
import type { Message } from './message.type';

/** What a turn reads before it runs the engine. */
export interface TurnSnapshot {
  id: string;
  /**
   * The conversation state as stored (JSON text, parsed only by the engine: see stored-turn.ts);
   * null when the session has no state row, `{}` when its state is empty.
   */
  state: string | null;
  version: number | null;
  /** Blocks of answers this user disliked. */
  disliked: string[];
}

/** What a regeneration reads before it runs the engine. */
export interface RegenerateSnapshot {
  sender: string;
  session_id: string;
  reply_to_id: string | null;
  question: string | null;
  question_meta: { topics?: string[] } | null;
  state: ConversationState | null;
  version: number | null;
  answers: { id: string; text: string; blocks: string[] | null; current: boolean }[] | null;
  disliked: string[];
}

/** One answered turn to store. */
export interface TurnWrite {
  userId: string;
  sessionId: string;
  userMessageId: string;
  messageId: string;
  text: string;
  result: StoredTurnResult;
  /** The state version the turn was computed from (null: the session had no state row). */
  expectedVersion: number | null;
  /** The session's new summary and plan, on turns that rewrite them. */
  summary: { summaryText: string; nextPlanText: string } | null;
  now: Date;
}

/** One regenerated answer to store. */
export interface RegenerationWrite {
  userId: string;
  sessionId: string;
  /** The user message being answered again. */
  questionId: string;
  /** The current answer, which the new one replaces. */
  replacedId: string;
  /** The answer the user asked to regenerate (gets the REGENERATE feedback). */
  requestedId: string;
  newId: string;
  result: TurnResult;
  expectedVersion: number;
  now: Date;
}

/** One page of a session's current messages (oldest first) and how many there are in all. */
export interface MessagePage {
  messages: Message[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * The SQL of messages and of the conversation state they move: turn and regeneration snapshots,
 * their all-or-nothing writes, and batched reads. Every statement is limited to one user's rows.
 */
export class MessageRepository {
  constructor(private readonly db: Database) {}

  /** The session (when it is the user's), its state and version, and the blocks the user disliked. */
  async turnSnapshot(userId: string, sessionId: string): Promise<TurnSnapshot | null> {
    const rows = await this.db.query<TurnSnapshot>({
      name: 'turn_snapshot',
      text: SNAPSHOT_SQL,
      values: [sessionId, userId],
    });
    return rows[0] ?? null;
  }

  /**
   * What regenerating `messageId` needs: the message, the question it answered, every answer to
   * that question so far, the session state and the disliked blocks. Null when not the user's.
   */
  async regenerateSnapshot(userId: string, messageId: string): Promise<RegenerateSnapshot | null> {
    const rows = await this.db.prisma.$queryRaw<RegenerateSnapshot[]>`
      SELECT t.sender::text AS sender, t.session_id, t.reply_to_id, u.message_text AS question, u.metadata AS question_meta,
        st.state, st.version,
        (SELECT json_agg(json_build_object('id', a.id, 'text', a.message_text, 'blocks', a.metadata->'block_ids', 'current', a.superseded_by_id IS NULL))
           FROM amora_session_messages a WHERE a.reply_to_id = t.reply_to_id) AS answers,
        ${dislikedBlocksSql(userId)} AS disliked
      FROM amora_session_messages t
      LEFT JOIN amora_session_messages u ON u.id = t.reply_to_id
      LEFT JOIN amora_session_state st ON st.session_id = t.session_id
      WHERE t.id = ${messageId}::uuid AND t.user_id = ${userId}::uuid`;
    return rows[0] ?? null;
  }

  /**
   * Writes the turn in one statement: the state row (only over the version read), both messages
   * in order, the session's activity and summary, and marks an open check-in as answered.
   * @returns false when another turn committed first (nothing was written).
   */
  async commitTurn(turn: TurnWrite): Promise<boolean> {
    const { userId, sessionId, result, now } = turn;
    const mainTopic = result.mainTopic ?? result.topics[0] ?? null;
    const rows = await this.db
      .query<{ committed: string }>({
        name: 'turn_commit',
        text: COMMIT_SQL,
        values: [
          sessionId,
          userId,
          result.turnCount,
          result.state,
          now,
          turn.expectedVersion ?? 0,
          turn.userMessageId,
          turn.text,
          JSON.stringify(questionMetadata(result)),
          turn.messageId,
          result.reply,
          JSON.stringify(answerMetadata(result)),
          mainTopic,
          turn.summary?.summaryText ?? null,
          turn.summary?.nextPlanText ?? null,
          turn.summary !== null,
        ],
      })
      .catch((error: unknown) => {
        // Two first turns of a session both insert its state row. ON CONFLICT (session_id) turns
        // the loser's insert into an update only for that key: the second unique key the ownership
        // relation needs, (session_id, user_id), can report the clash first. Either way the other
        // turn committed first, and this one reruns on the state it wrote.
        if (isUniqueViolationOn(error, 'amora_session_state')) return [];
        throw error;
      });
    // (Data-modifying CTEs run to completion whether or not the final SELECT reads them.)
    return Number(rows[0]?.committed ?? 0) > 0;
  }

  /**
   * Stores a regenerated answer: the state over the version read, the replaced answer marked and
   * moved out of the way, the new answer in its place in the conversation order, and the
   * REGENERATE feedback. @returns false when another write got there first (nothing written).
   */
  async commitRegeneration(r: RegenerationWrite): Promise<boolean> {
    const { result, now } = r;
    return this.db.prisma
      .$transaction(async (tx) => {
        const state = await tx.$executeRaw`
        UPDATE amora_session_state SET state = ${JSON.stringify(result.state)}::jsonb, version = version + 1, updated_at = ${now}
        WHERE session_id = ${r.sessionId}::uuid AND version = ${r.expectedVersion}`;
        if (state === 0) return false;
        // The replaced answer gives its place in the conversation to the new one.
        const moved = await tx.$queryRaw<{ old_seq: bigint }[]>`
        UPDATE amora_session_messages m
        SET superseded_by_id = ${r.newId}::uuid, seq = nextval(pg_get_serial_sequence('amora_session_messages', 'seq'))
        FROM (SELECT seq AS old_seq FROM amora_session_messages WHERE id = ${r.replacedId}::uuid) o
        WHERE m.id = ${r.replacedId}::uuid AND m.superseded_by_id IS NULL
        RETURNING o.old_seq`;
        if (moved.length === 0) throw new RetryTurn();
        await tx.$executeRaw`
        INSERT INTO amora_session_messages (id, seq, session_id, user_id, sender, message_text, metadata, reply_to_id, created_at)
        VALUES (${r.newId}::uuid, ${moved[0].old_seq}, ${r.sessionId}::uuid, ${r.userId}::uuid, 'amora', ${result.reply}, ${JSON.stringify(answerMetadata(result))}::jsonb, ${r.questionId}::uuid, ${now})`;
        await tx.$executeRaw`
        INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type)
        VALUES (${randomUUID()}::uuid, ${r.sessionId}::uuid, ${r.requestedId}::uuid, ${r.userId}::uuid, 'regenerate')`;
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof RetryTurn) return false;
        throw error;
      });
  }

  /** The user's messages among `ids` (replaced answers included), by id. */
  async byIds(userId: string, ids: readonly string[]): Promise<Map<string, Message>> {
    const rows = await this.db.prisma.message.findMany({ where: { id: { in: [...ids] }, userId } });
    return new Map(rows.map((row) => [row.id, toMessage(row)]));
  }

  /**
   * One page per session, in one statement: up to `first` current messages after position
   * `after` (null: from the start), and each session's count of current messages.
   */
  pages(
    userId: string,
    sessionIds: readonly string[],
    first: number,
    after: bigint | null,
  ): Promise<Map<string, MessagePage>> {
    return this.readPages(userId, sessionIds, first, Prisma.sql`seq > ${after ?? -1n}`, false);
  }

  /**
   * The newest `first` current messages before position `before` (null: the newest) of each
   * session, oldest first; `hasNextPage` says whether older ones remain.
   */
  lastPages(
    userId: string,
    sessionIds: readonly string[],
    first: number,
    before: bigint | null,
  ): Promise<Map<string, MessagePage>> {
    const window = Prisma.sql`(${before}::bigint IS NULL OR seq < ${before}::bigint)`;
    return this.readPages(userId, sessionIds, first, window, true);
  }

  /** `first` + 1 current messages per session inside `window`, read newest first when `backwards`. */
  private async readPages(
    userId: string,
    sessionIds: readonly string[],
    first: number,
    window: Prisma.Sql,
    backwards: boolean,
  ): Promise<Map<string, MessagePage>> {
    const direction = backwards ? Prisma.sql`DESC` : Prisma.empty;
    const rows = await this.db.prisma.$queryRaw<(MessageRow & { sid: string; total: bigint })[]>`
      SELECT s.id AS sid, c.total, m.*
      FROM unnest(${[...sessionIds]}::uuid[]) AS s(id)
      CROSS JOIN LATERAL (
        SELECT count(*) AS total FROM amora_session_messages
        WHERE session_id = s.id AND user_id = ${userId}::uuid AND superseded_by_id IS NULL
      ) c
      LEFT JOIN LATERAL (
        SELECT * FROM amora_session_messages
        WHERE session_id = s.id AND user_id = ${userId}::uuid AND superseded_by_id IS NULL AND ${window}
        ORDER BY seq ${direction} LIMIT ${first + 1}
      ) m ON true
      ORDER BY s.id, m.seq ${direction}`;
    return toPages(rows, sessionIds, first, backwards);
  }
}

/** Pages of `sessionIds` from rows read one more than `first` per session (newest first when `backwards`). */
function toPages(
  rows: (MessageRow & { sid: string; total: bigint })[],
  sessionIds: readonly string[],
  first: number,
  backwards: boolean,
): Map<string, MessagePage> {
  const pages = new Map<string, MessagePage>();
  for (const sessionId of sessionIds) {
    const mine = rows.filter((row) => row.sid === sessionId);
    const messages = mine.filter((row) => row.id !== null).map(toMessage);
    const page = messages.slice(0, first);
    pages.set(sessionId, {
      messages: backwards ? page.reverse() : page,
      hasNextPage: messages.length > first,
      totalCount: Number(mine[0]?.total ?? 0),
    });
  }
  return pages;
}

/**
 * The turn's read: the session (the caller's), its state and version, and the blocks this user
 * disliked (as {@link dislikedBlocksSql}). $1 session, $2 user. Sent as a named statement: it runs
 * on every turn, so each connection plans it once.
 */
export const SNAPSHOT_SQL = `
  SELECT s.id, st.state::text AS state, st.version,
    ARRAY(
      SELECT DISTINCT b FROM amora_session_feedback f
      JOIN amora_session_messages m ON m.id = f.message_id
      CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(m.metadata->'block_ids', '[]'::jsonb)) AS b
      WHERE f.user_id = $2::uuid AND f.feedback_type = 'dislike'
    ) AS disliked
  FROM amora_sessions s
  LEFT JOIN amora_session_state st ON st.session_id = s.id
  WHERE s.id = $1::uuid AND s.user_id = $2::uuid`;

/**
 * The turn's write, one statement (see `commitTurn`). $1 session, $2 user, $3 turn count, $4 state,
 * $5 now, $6 expected version, $7/$8/$9 the user message's id, text and metadata, $10/$11/$12
 * Amora's, $13 main topic, $14/$15 summary and next plan (null: unchanged), $16 whether a summary
 * was written. Every parameter is cast, since several appear more than once. Data-modifying CTEs
 * run to completion whether or not the final SELECT reads them.
 */
export const COMMIT_SQL = `
  WITH st AS (
    INSERT INTO amora_session_state AS cur (session_id, user_id, turn_count, state, version, updated_at)
    VALUES ($1::uuid, $2::uuid, $3::int, $4::jsonb, 1, $5::timestamptz)
    ON CONFLICT (session_id) DO UPDATE
      SET turn_count = EXCLUDED.turn_count, state = EXCLUDED.state, version = cur.version + 1, updated_at = EXCLUDED.updated_at
      WHERE cur.version = $6::int
    RETURNING session_id
  ), msgs AS (
    INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, reply_to_id, created_at)
    SELECT v.id, $1::uuid, $2::uuid, v.sender::amora_sender, v.body, v.meta::jsonb, v.reply_to, $5::timestamptz
    FROM st, (VALUES
      (1, $7::uuid, 'user', $8::text, $9::text, NULL::uuid),
      (2, $10::uuid, 'amora', $11::text, $12::text, $7::uuid)
    ) AS v(ord, id, sender, body, meta, reply_to)
    ORDER BY v.ord
    RETURNING id
  ), sess AS (
    UPDATE amora_sessions SET
      last_message_at = $5::timestamptz, last_activity_at = $5::timestamptz,
      primary_topic = COALESCE(primary_topic, $13::text),
      summary_text = COALESCE($14::text, summary_text),
      next_plan_text = COALESCE($15::text, next_plan_text),
      updated_at = CASE WHEN $16::boolean THEN $5::timestamptz ELSE updated_at END
    WHERE id = $1::uuid AND EXISTS (SELECT 1 FROM st)
    RETURNING id
  ), answered AS (
    UPDATE amora_followups SET answered_at = $5::timestamptz
    WHERE session_id = $1::uuid AND answered_at IS NULL AND EXISTS (SELECT 1 FROM st)
    RETURNING id
  )
  SELECT count(*) AS committed FROM st`;

/** Thrown inside a transaction to roll it back; the caller recomputes the turn. */
class RetryTurn extends Error {}

/** The ids of blocks in answers `userId` disliked: the engine avoids them for that user. */
function dislikedBlocksSql(userId: string): Prisma.Sql {
  return Prisma.sql`ARRAY(
    SELECT DISTINCT b FROM amora_session_feedback f
    JOIN amora_session_messages m ON m.id = f.message_id
    CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(m.metadata->'block_ids', '[]'::jsonb)) AS b
    WHERE f.user_id = ${userId}::uuid AND f.feedback_type = 'dislike'
  )`;
}
