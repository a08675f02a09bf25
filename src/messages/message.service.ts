import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { initialState } from '../coach';
import type { TurnInput, TurnResult } from '../coach/types';
import { isForeignKeyViolation } from '../db/errors';
import { AppError, ConflictError, InputError, NotFoundError } from '../errors';
import { isUuid } from '../ids';
import type { SessionService } from '../sessions/session.service';
import { noTelemetry, secondsSince, type Telemetry } from '../telemetry';
import { toInput, validateInput } from '../validation';
import { CoachContextInput, CoachMode, SendMessageInput } from './message.input';
import type { MessageRepository } from './message.repository';
import type { StoredTurnInput, StoredTurnResult, TurnReply } from './stored-turn';

export { SUMMARY_EVERY } from './stored-turn';

/** How many times a turn is recomputed when another turn of the same session committed first. */
const MAX_ATTEMPTS = 50;

/** What a turn that kept losing the race to other turns of its session answers. */
const BUSY = 'This session is too busy right now: try again in a moment';

/** Rate limits the turn path consults (injected; see server wiring). */
export interface TurnLimits {
  /** Throws RateLimitError when `userId` may not send another message now. */
  consumeTurn(userId: string): Promise<void>;
  /** Gives back a turn that was consumed and then not committed. */
  refundTurn(userId: string): Promise<void>;
}

/**
 * The coach engine as turns call it: the engine's pure `respond`, answered asynchronously so that
 * it can run off the event loop (see src/server/engine-pool.ts).
 */
export interface TurnEngine {
  readonly name: string;
  respond(input: TurnInput): Promise<TurnResult>;
  /**
   * The same with the state as stored (see stored-turn.ts): a turn's state then never becomes an
   * object on the event loop.
   */
  respondStored(input: StoredTurnInput): Promise<StoredTurnResult>;
}

/** One answered turn, as both faces report it. */
export interface TurnOutcome {
  sessionId: string;
  userMessageId: string;
  messageId: string;
  mode: CoachMode;
  engine: string;
  result: TurnReply;
  turnCount: number;
}

/**
 * Coach turns: a user message in, Amora's answer out, both stored with the session's new
 * conversation state in ONE statement. Concurrent turns on one session are serialised by an
 * optimistic version on the state row: a turn that lost the race reruns the engine on the state
 * the winner wrote, so turn counts, stages and the summary cadence stay exact.
 */
export class MessageService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly engine: TurnEngine,
    private readonly limits: TurnLimits = {
      consumeTurn: () => Promise.resolve(),
      refundTurn: () => Promise.resolve(),
    },
    private readonly telemetry: Telemetry = noTelemetry,
  ) {}

  /** Answers `raw` (checked against {@link SendMessageInput}) in the named or the default session. */
  async send(userId: string, raw: Partial<SendMessageInput>): Promise<TurnOutcome> {
    const start = performance.now();
    const timing = { engineSeconds: 0 };
    try {
      const outcome = await this.counted(userId, () => this.answer(userId, raw, timing));
      this.telemetry.turn(secondsSince(start), timing.engineSeconds, 'ok');
      return outcome;
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL_SERVER_ERROR';
      this.telemetry.turn(secondsSince(start), timing.engineSeconds, code);
      throw error;
    }
  }

  /**
   * Writes a new answer to the user message that `messageId` (an Amora answer, current or already
   * replaced) answered; see {@link MessageService.rewrite}. Each one is counted as a turn by the
   * rate limit (it stores a message), though not in the conversation's turn count.
   */
  async regenerate(userId: string, messageId: string): Promise<TurnOutcome> {
    return this.counted(userId, () => this.rewrite(userId, messageId));
  }

  /** Runs `turn` on the user's turn budget, which only a committed turn uses up. */
  private async counted<T>(userId: string, turn: () => Promise<T>): Promise<T> {
    await this.limits.consumeTurn(userId);
    try {
      return await turn();
    } catch (error) {
      await this.limits.refundTurn(userId);
      throw error;
    }
  }

  /** Answers one message, adding the engine's time (every attempt's) to `timing`. */
  private async answer(
    userId: string,
    raw: Partial<SendMessageInput>,
    timing: { engineSeconds: number },
  ): Promise<TurnOutcome> {
    const input = await validateInput(
      toInput(SendMessageInput, {
        ...raw,
        context:
          raw.context == null ? raw.context : toInput(CoachContextInput, raw.context, 'context'),
      }),
    );
    const sessionId =
      input.coachSessionId == null
        ? (await this.sessions.defaultSession(userId)).id
        : input.coachSessionId;
    if (!isUuid(sessionId)) throw new NotFoundError('Session');

    const userMessageId = randomUUID();
    const messageId = randomUUID();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const snapshot = await this.messages.turnSnapshot(userId, sessionId);
      if (!snapshot) throw new NotFoundError('Session');
      const turn: StoredTurnInput = {
        text: input.specificQuestion,
        context: {
          topics: input.context?.topics ?? undefined,
          relationshipStatus: input.context?.relationshipStatus ?? null,
        },
        state: snapshot.state,
        seed: seedOf(userMessageId),
        avoidBlockIds: new Set(snapshot.disliked),
      };
      const engineStart = performance.now();
      const result = await this.engine.respondStored(turn);
      timing.engineSeconds += secondsSince(engineStart);
      const { turnCount, summary } = result;
      const committed = await this.messages
        .commitTurn({
          userId,
          sessionId,
          userMessageId,
          messageId,
          text: input.specificQuestion,
          result,
          expectedVersion: snapshot.version,
          summary,
          now: this.clock.now(),
        })
        .catch((error: unknown) => {
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
    throw new ConflictError(BUSY);
  }

  /**
   * Writes a new answer to the user message that `messageId` (an Amora answer, current or already
   * replaced) answered, using none of the blocks of any earlier answer to it. The answer it
   * replaces stays readable by id, marked superseded, and the new one takes its place in the
   * conversation. The turn is not counted again; a REGENERATE feedback row is recorded.
   */
  private async rewrite(userId: string, messageId: string): Promise<TurnOutcome> {
    if (!isUuid(messageId)) throw new NotFoundError('Message');
    const newId = randomUUID();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const snap = await this.messages.regenerateSnapshot(userId, messageId);
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
        result = await this.engine.respond({
          text: snap.question,
          state,
          seed: seedOf(`${newId}:${variant}`),
          avoidBlockIds: avoid,
          countTurn: false,
          context: { topics: snap.question_meta?.topics ?? [] },
        });
      }
      const committed = await this.messages.commitRegeneration({
        userId,
        sessionId: snap.session_id,
        questionId: snap.reply_to_id,
        replacedId: current?.id ?? messageId,
        requestedId: messageId,
        newId,
        result: result!,
        expectedVersion: snap.version ?? 0,
        now: this.clock.now(),
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
    throw new ConflictError(BUSY);
  }
}

/** A 32-bit seed from an id: answers are reproducible from what is stored. */
export function seedOf(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32LE(0);
}
