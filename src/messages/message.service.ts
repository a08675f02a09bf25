import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { initialState, summarize, type CoachEngine } from '../coach';
import type { ConversationState, TurnInput, TurnResult } from '../coach/types';
import type { Database } from '../db/database';
import { Prisma } from '../db/generated/client';
import { isForeignKeyViolation } from '../db/errors';
import { AppError, InputError, NotFoundError } from '../errors';
import { isUuid } from '../ids';
import type { SessionService } from '../sessions/session.service';
import { toInput, validateInput } from '../validation';
import type { MessageMetadata } from './message.mapper';
import { CoachContextInput, CoachMode, SendMessageInput } from './message.input';

/** Summaries and next plans are rewritten after every this many user messages. */
export const SUMMARY_EVERY = 5;

/** How many times a turn is recomputed when another turn of the same session committed first. */
const MAX_ATTEMPTS = 50;

/** Rate limits the turn path consults (injected; see server wiring). */
export interface TurnLimits {
  /** Throws RateLimitError when `userId` may not send another message now. */
  consumeTurn(userId: string): Promise<void>;
}

/** One answered turn, as both faces report it. */
export interface TurnOutcome {
  sessionId: string;
  userMessageId: string;
  messageId: string;
  mode: CoachMode;
  engine: string;
  result: TurnResult;
  turnCount: number;
}

/** What a turn reads before it runs the engine. */
interface TurnSnapshot {
  id: string;
  state: ConversationState | null;
  version: number | null;
  disliked: string[];
}

/**
 * Coach turns: a user message in, Amora's answer out, both stored with the session's new
 * conversation state in ONE statement. Concurrent turns on one session are serialised by an
 * optimistic version on the state row: a turn that lost the race reruns the engine on the state
 * the winner wrote, so turn counts, stages and the summary cadence stay exact.
 */
export class MessageService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly engine: CoachEngine,
    private readonly limits: TurnLimits = { consumeTurn: async () => undefined },
  ) {}

  /** Answers `raw` (checked against {@link SendMessageInput}) in the named or the default session. */
  async send(userId: string, raw: Partial<SendMessageInput>): Promise<TurnOutcome> {
    const input = await validateInput(
      toInput(SendMessageInput, {
        ...raw,
        context:
          raw.context == null
            ? raw.context
            : toInput(CoachContextInput, raw.context as Record<string, unknown>),
      }),
    );
    const sessionId =
      input.coachSessionId == null
        ? (await this.sessions.defaultSession(userId)).id
        : input.coachSessionId;
    if (!isUuid(sessionId)) throw new NotFoundError('Session');
    await this.limits.consumeTurn(userId);

    const userMessageId = randomUUID();
    const messageId = randomUUID();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const snapshot = await this.snapshot(userId, sessionId);
      const state = snapshot.state ?? initialState();
      const turn: TurnInput = {
        text: input.specificQuestion,
        context: {
          topics: input.context?.topics ?? undefined,
          relationshipStatus: input.context?.relationshipStatus ?? null,
        },
        state,
        seed: seedOf(userMessageId),
        avoidBlockIds: new Set(snapshot.disliked),
      };
      const result = this.engine.respond(turn);
      const turnCount = result.state.turnCount;
      const summary = turnCount % SUMMARY_EVERY === 0 ? summarize(result.state) : null;
      const committed = await this.commitTurn({
        userId,
        sessionId,
        userMessageId,
        messageId,
        text: input.specificQuestion,
        result,
        expectedVersion: snapshot.version,
        summary,
      }).catch((error: unknown) => {
        // The session was deleted between our read and our write.
        if (isForeignKeyViolation(error)) throw new NotFoundError('Session');
        throw error;
      });
      if (committed) {
        return {
          sessionId,
          userMessageId,
          messageId,
          mode: input.mode ?? CoachMode.LEARN,
          engine: this.engine.name,
          result,
          turnCount,
        };
      }
    }
    throw new AppError(
      'This session is too busy right now: try again in a moment',
      'CONFLICT',
      409,
    );
  }

  /**
   * Writes a new answer to the user message that `messageId` (an Amora answer, current or already
   * replaced) answered, using none of the blocks of any earlier answer to it. The answer it
   * replaces stays readable by id, marked superseded, and the new one takes its place in the
   * conversation. The turn is not counted again; a REGENERATE feedback row is recorded.
   */
  async regenerate(userId: string, messageId: string): Promise<TurnOutcome> {
    if (!isUuid(messageId)) throw new NotFoundError('Message');
    const newId = randomUUID();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
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
      const snap = rows[0];
      if (!snap) throw new NotFoundError('Message');
      if (snap.sender !== 'amora' || !snap.reply_to_id || !snap.question) {
        throw InputError.field('messageId', "only Amora's answers to a message can be regenerated");
      }
      const answers = snap.answers ?? [];
      const current = answers.find((a) => a.current);
      const avoid = new Set([...snap.disliked, ...answers.flatMap((a) => a.blocks ?? [])]);
      const earlierTexts = new Set(answers.map((a) => a.text));
      const state = snap.state ?? initialState();
      let result: TurnResult | null = null;
      // A different seed is tried when the library had no alternative left and the text came out the same.
      for (let variant = 0; variant < 5 && (!result || earlierTexts.has(result.reply)); variant++) {
        result = this.engine.respond({
          text: snap.question,
          state,
          seed: seedOf(`${newId}:${variant}`),
          avoidBlockIds: avoid,
          countTurn: false,
          context: { topics: snap.question_meta?.topics ?? [] },
        });
      }
      const committed = await this.commitRegeneration({
        userId,
        sessionId: snap.session_id,
        questionId: snap.reply_to_id,
        replacedId: current?.id ?? messageId,
        requestedId: messageId,
        newId,
        result: result!,
        expectedVersion: snap.version ?? 0,
      });
      if (committed) {
        return {
          sessionId: snap.session_id,
          userMessageId: snap.reply_to_id,
          messageId: newId,
          mode: CoachMode.LEARN,
          engine: this.engine.name,
          result: result!,
          turnCount: result!.state.turnCount,
        };
      }
    }
    throw new AppError(
      'This session is too busy right now: try again in a moment',
      'CONFLICT',
      409,
    );
  }

  /**
   * Stores a regenerated answer: the state over the version read, the replaced answer marked and
   * moved out of the way, the new answer in its place in the conversation order, and the
   * REGENERATE feedback. @returns false when another write got there first (nothing written).
   */
  private async commitRegeneration(r: {
    userId: string;
    sessionId: string;
    questionId: string;
    replacedId: string;
    requestedId: string;
    newId: string;
    result: TurnResult;
    expectedVersion: number;
  }): Promise<boolean> {
    const { result } = r;
    const now = this.clock.now();
    const meta: MessageMetadata = {
      topics: result.topics,
      emotions: result.emotions,
      response_style: result.style,
      block_ids: result.blockIds,
      stage: result.stage,
      confidence: result.confidence,
      crisis: result.crisis,
      safety: result.safety,
    };
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
        VALUES (${r.newId}::uuid, ${moved[0]!.old_seq}, ${r.sessionId}::uuid, ${r.userId}::uuid, 'amora', ${result.reply}, ${JSON.stringify(meta)}::jsonb, ${r.questionId}::uuid, ${now})`;
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

  /** The session (the caller's), its state and version, and the blocks this user disliked. */
  private async snapshot(userId: string, sessionId: string): Promise<TurnSnapshot> {
    const rows = await this.db.prisma.$queryRaw<
      { id: string; state: ConversationState | null; version: number | null; disliked: string[] }[]
    >`
      SELECT s.id, st.state, st.version,
        ${dislikedBlocksSql(userId)} AS disliked
      FROM amora_sessions s
      LEFT JOIN amora_session_state st ON st.session_id = s.id
      WHERE s.id = ${sessionId}::uuid AND s.user_id = ${userId}::uuid`;
    const row = rows[0];
    if (!row) throw new NotFoundError('Session');
    const hasState = row.state !== null && Object.keys(row.state).length > 0;
    return {
      id: row.id,
      state: hasState ? row.state : null,
      version: row.version,
      disliked: row.disliked,
    };
  }

  /**
   * Writes the turn in one statement: the state row (only over the version read), both messages
   * in order, the session's activity and summary, and marks an open check-in as answered.
   * @returns false when another turn committed first (nothing was written).
   */
  private async commitTurn(turn: {
    userId: string;
    sessionId: string;
    userMessageId: string;
    messageId: string;
    text: string;
    result: TurnResult;
    expectedVersion: number | null;
    summary: { summaryText: string; nextPlanText: string } | null;
  }): Promise<boolean> {
    const { userId, sessionId, result } = turn;
    const now = this.clock.now();
    const userMeta: MessageMetadata = {
      topics: result.topics,
      emotions: result.emotions,
      stage: result.stage,
      crisis: result.crisis,
    };
    const amoraMeta: MessageMetadata = {
      topics: result.topics,
      emotions: result.emotions,
      response_style: result.style,
      block_ids: result.blockIds,
      stage: result.stage,
      confidence: result.confidence,
      crisis: result.crisis,
      safety: result.safety,
    };
    const mainTopic = result.state.mainTopic ?? result.topics[0] ?? null;
    const rows = await this.db.prisma.$queryRaw<{ committed: bigint }[]>`
      WITH st AS (
        INSERT INTO amora_session_state AS cur (session_id, user_id, turn_count, state, version, updated_at)
        VALUES (${sessionId}::uuid, ${userId}::uuid, ${result.state.turnCount}, ${JSON.stringify(result.state)}::jsonb, 1, ${now})
        ON CONFLICT (session_id) DO UPDATE
          SET turn_count = EXCLUDED.turn_count, state = EXCLUDED.state, version = cur.version + 1, updated_at = EXCLUDED.updated_at
          WHERE cur.version = ${turn.expectedVersion ?? 0}
        RETURNING session_id
      ), msgs AS (
        INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, reply_to_id, created_at)
        SELECT v.id, ${sessionId}::uuid, ${userId}::uuid, v.sender::amora_sender, v.body, v.meta::jsonb, v.reply_to, ${now}
        FROM st, (VALUES
          (1, ${turn.userMessageId}::uuid, 'user', ${turn.text}, ${JSON.stringify(userMeta)}, NULL::uuid),
          (2, ${turn.messageId}::uuid, 'amora', ${result.reply}, ${JSON.stringify(amoraMeta)}, ${turn.userMessageId}::uuid)
        ) AS v(ord, id, sender, body, meta, reply_to)
        ORDER BY v.ord
        RETURNING id
      ), sess AS (
        UPDATE amora_sessions SET
          last_message_at = ${now}, last_activity_at = ${now},
          primary_topic = COALESCE(primary_topic, ${mainTopic}),
          summary_text = COALESCE(${turn.summary?.summaryText ?? null}, summary_text),
          next_plan_text = COALESCE(${turn.summary?.nextPlanText ?? null}, next_plan_text),
          updated_at = CASE WHEN ${turn.summary !== null} THEN ${now} ELSE updated_at END
        WHERE id = ${sessionId}::uuid AND EXISTS (SELECT 1 FROM st)
        RETURNING id
      ), answered AS (
        UPDATE amora_followups SET answered_at = ${now}
        WHERE session_id = ${sessionId}::uuid AND answered_at IS NULL AND EXISTS (SELECT 1 FROM st)
        RETURNING id
      )
      SELECT count(*) AS committed FROM st`;
    // (Data-modifying CTEs run to completion whether or not the final SELECT reads them.)
    return Number(rows[0]?.committed ?? 0) > 0;
  }
}

/** Thrown inside a transaction to roll it back and recompute the turn. */
class RetryTurn extends Error {}

/** What a regeneration reads before it runs the engine. */
interface RegenerateSnapshot {
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

/** The ids of blocks in answers `userId` disliked: the engine avoids them for that user. */
function dislikedBlocksSql(userId: string): Prisma.Sql {
  return Prisma.sql`ARRAY(
    SELECT DISTINCT b FROM amora_session_feedback f
    JOIN amora_session_messages m ON m.id = f.message_id
    CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(m.metadata->'block_ids', '[]'::jsonb)) AS b
    WHERE f.user_id = ${userId}::uuid AND f.feedback_type = 'dislike'
  )`;
}

/** A 32-bit seed from an id: answers are reproducible from what is stored. */
function seedOf(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32LE(0);
}
