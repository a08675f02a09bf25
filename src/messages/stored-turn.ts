/**
 * A coach turn with the conversation state as the database stores it: JSON text, both ways. The
 * engine runs in a worker thread (src/server/engine-pool.ts); handing it the text rather than the
 * object means the state (3-4 KB of JSON a few turns in) is parsed and serialised once, on the
 * engine's thread, instead of parsed by `pg` and serialised for the SQL on the event loop, and
 * structured-cloned across the thread boundary in both directions on top.
 *
 * Imported by the engine worker: keep it to the coach module and nothing of the server.
 */
import { initialState, summarize } from '../coach';
import type {
  CoachEngine,
  ConversationState,
  SessionSummary,
  TopicId,
  TurnInput,
  TurnResult,
} from '../coach/types';

/** Summaries and next plans are rewritten after every this many user messages. */
export const SUMMARY_EVERY = 5;

/** A turn's answer without the conversation state: what the API and the stored messages use. */
export type TurnReply = Omit<TurnResult, 'state'>;

/** A turn's input with the state as stored. */
export interface StoredTurnInput extends Omit<TurnInput, 'state'> {
  /**
   * The session's state as stored (`jsonb` as text). Null, or an empty object, for a conversation
   * that has no state yet: the engine starts from the initial state.
   */
  state: string | null;
}

/** A turn's result with the new state as JSON text, and what the turn path needs to know of it. */
export interface StoredTurnResult extends TurnReply {
  /** The conversation's new state, as JSON text to store as it is. */
  state: string;
  /** The state's turn count. */
  turnCount: number;
  /** The state's main topic. */
  mainTopic: TopicId | null;
  /** The session's new summary and plan, after every {@link SUMMARY_EVERY}th counted turn. */
  summary: SessionSummary | null;
}

/**
 * Answers `input` with `engine`: exactly what the turn path computed when it held the state as an
 * object (the same state read, the same summary cadence, the same text stored).
 */
export function respondStored(engine: CoachEngine, input: StoredTurnInput): StoredTurnResult {
  const stored =
    input.state === null ? null : (JSON.parse(input.state) as ConversationState | null);
  const state = stored !== null && Object.keys(stored).length > 0 ? stored : initialState();
  const result = engine.respond({ ...input, state });
  const turnCount = result.state.turnCount;
  const summary = turnCount % SUMMARY_EVERY === 0 ? summarize(result.state) : null;
  return {
    ...result,
    state: JSON.stringify(result.state),
    turnCount,
    mainTopic: result.state.mainTopic,
    summary,
  };
}
