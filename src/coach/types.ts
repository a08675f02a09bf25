/**
 * The coaching engine's vocabulary: taxonomy, blocks, conversation state, and one turn's input and
 * output. Nothing here knows about HTTP, GraphQL or the database; storage keeps a
 * {@link ConversationState} as JSON and hands it back on the next turn.
 */

import type { Assumption } from './conversation/assumptions';
import type { ConversationFacts } from './conversation/facts';
import type { QuestionKind, TurnAct } from './conversation/acts';

/** Topic ids returned to clients (snake_case, stable). */
export const TOPICS = [
  'heartbreak',
  'moving_on',
  'marriage_strain',
  'divorce_separation',
  'cheating',
  'cheating_self',
  'trust',
  'jealousy',
  'communication',
  'conflict',
  'dating',
  'situationship',
  'loneliness',
  'self_worth',
  'boundaries',
  'family_pressure',
  'long_distance',
  'intimacy',
  'commitment',
  'patterns',
  'parenting_strain',
  'toxic_or_abusive',
  'anxiety_distress',
  'low_mood',
] as const;
export type TopicId = (typeof TOPICS)[number];

/** Emotion ids returned to clients. `neutral` only when nothing else is present. */
export const EMOTIONS = [
  'sad',
  'hurt',
  'angry',
  'anxious',
  'confused',
  'lonely',
  'jealous',
  'guilty',
  'betrayed',
  'overwhelmed',
  'frustrated',
  'hopeless',
  'scared',
  'numb',
  'hopeful',
  'relieved',
  'neutral',
] as const;
export type EmotionId = (typeof EMOTIONS)[number];

/** Relationship statuses a block can be restricted to (from `context.relationshipStatus` or the text). */
export const RELATIONSHIP_STATUSES = [
  'single',
  'dating',
  'situationship',
  'in_relationship',
  'engaged',
  'married',
  'separated',
  'divorced',
] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

export const RESPONSE_STYLES = [
  'LIGHT_TOUCH',
  'GROUNDING',
  'DEEPENING',
  'GUIDANCE_SESSION',
  'SAFETY',
  'CHECK_IN',
] as const;
export type ResponseStyle = (typeof RESPONSE_STYLES)[number];

export const BLOCK_TYPES = [
  'reflection',
  'normalization',
  'insight',
  'reframe',
  'exploration',
  'action',
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** Progressive depth: 1 feel heard, 2 understand what happened, 3 patterns and needs, 4 next steps. */
export type Stage = 1 | 2 | 3 | 4;

/**
 * Placeholders a block's text may contain. The composer fills every one of them:
 * - `{partner}`: the partner's name the user gave, else "your partner" (capitalised at a sentence start).
 * - `{partner_possessive}`: "Alex's" or "your partner's".
 * - `{echo}`: a short phrase of the user's own words from this message; blocks using it are only
 *   chosen when such a phrase could be taken.
 */
export const PLACEHOLDERS = ['partner', 'partner_possessive', 'echo'] as const;

/** One hand-written piece of an answer, as stored in `src/coach/blocks/*.json`. */
export interface Block {
  /** Stable, unique, e.g. `heartbreak.reflection.1.03`. Stored with every answer that used it. */
  id: string;
  type: BlockType;
  /** Topics it fits; empty means any topic (general blocks). */
  topics: TopicId[];
  /** Emotions it fits well; empty means any. */
  emotions: EmotionId[];
  /** Stages it fits. */
  stages: Stage[];
  /** Relationship statuses it is limited to; empty means any. */
  statuses: RelationshipStatus[];
  /** Tie-breaker, 1 (normal) to 3 (preferred). */
  priority: number;
  text: string;
  /**
   * Optional plain-words label of what the block explores ("what you miss most"), used for
   * {@link ConversationState.explored}; without one the engine derives a label itself.
   */
  label?: string;
  /**
   * What the text takes for granted about the person's life (a partner still there, an ex,
   * children, ...). The block is only chosen when the remembered facts support every one; the
   * library test checks the text against this list.
   */
  assumes?: Assumption[];
}

/** A fact the user stated, kept for summaries (names, durations, events). */
export interface KeyFact {
  kind: 'name' | 'duration' | 'event';
  text: string;
  turn: number;
}

/** How far one topic has gone in this session. */
export interface TopicProgress {
  /** User turns in which this topic was detected. */
  turns: number;
  stage: Stage;
  lastTurn: number;
  /**
   * Turns in which the person's own words named this topic (not only carried on from the turn
   * before): what a summary may say "we talked about". Absent in states saved before it existed.
   */
  said?: number;
}

/** The engine's memory of one session. Serialised as JSON between turns. */
export interface ConversationState {
  version: 1;
  /** User messages so far in this session. */
  turnCount: number;
  topics: Partial<Record<TopicId, TopicProgress>>;
  /** The session's main topic: the one worked on most (ties: most recent). */
  mainTopic: TopicId | null;
  /** Block ids used in recent turns, newest last; only the last 15 turns are kept. */
  recentBlocks: { id: string; turn: number }[];
  /** Styles of recent answers, newest last (a few kept, to vary the style). */
  recentStyles: ResponseStyle[];
  partnerName: string | null;
  relationshipStatus: RelationshipStatus | null;
  facts: KeyFact[];
  /** How often each emotion was detected. */
  emotionCounts: Partial<Record<EmotionId, number>>;
  /** Short plain-words labels of what was explored (e.g. "what you miss most"), newest last. */
  explored: string[];
  /**
   * The topic each explored label was explored under: the summary says "we looked at" only for
   * topics it states. Absent in states saved before it existed.
   */
  exploredTopic?: Record<string, TopicId>;
  /**
   * Safety across turns (absent in states saved before it existed, which read as "nothing came
   * up"). See coach/safety/mode.ts.
   */
  safety?: SafetyState;
  /**
   * People and their roles, the relationship's state, children, living together, events,
   * progress and plans. Absent in states saved before it existed (read as nothing known).
   */
  conversation?: ConversationFacts;
}

/** How a turn was answered for safety: `CHECK` led with a safety question, `CRISIS` was `SAFETY`. */
export const SAFETY_LEVELS = ['NONE', 'CHECK', 'CRISIS'] as const;
/** One of {@link SAFETY_LEVELS}. */
export type SafetyLevel = (typeof SAFETY_LEVELS)[number];

/**
 * What the session remembers about safety. `crisis`: safety mode, every answer `SAFETY` until the
 * person says they are safe; `watch`: they said so, and any new sign returns to `crisis`.
 */
export interface SafetyState {
  mode: 'none' | 'crisis' | 'watch';
  /** The kind of the current or last crisis. */
  kind: CrisisKind | null;
  /** A safety question asked last turn (CHECK), whose answer decides this one. */
  pending: CrisisKind | null;
  /**
   * Whether the pending question came from a faint doubt (the classifier alone, no word of harm):
   * an unsure answer to it is asked about once more (`clarify`) before it counts as a yes.
   */
  pendingFaint?: boolean;
  /** Counted turns in a row answered without any safety answer (absent in older states). */
  calmTurns?: number;
  /** The turn of a faint doubt held in a calm conversation, not asked about (see mode.ts). */
  heldTurn?: number | null;
  /** Kinds of concern that came up in the session, and whether warning signs did. */
  concerns: CrisisKind[];
  warningSigns: boolean;
  /** Whether warning signs were named in the person's own relationship (not a friend's). */
  ownWarnings?: boolean;
  /** Keys of safety sentences already said in this session (they are not repeated). */
  used: string[];
  /** Whether the last question asked was whether the person is safe (a bare "yes" answers it). */
  askedSafe: boolean;
  /** How the last counted turn was answered, and which kind of safety answer it was. */
  last: SafetyLevel;
  lastPhase: 'first' | 'ongoing' | 'exit' | 'return' | 'check' | 'clarify' | 'warning' | 'none';
  /** The turn of the last safety question (CHECK), so the same doubt is not asked every turn. */
  checkedTurn: number | null;
  /**
   * The person's last two messages, oldest first: a disclosure split over messages is read with
   * what came before it (absent in states saved before it existed).
   */
  recent?: string[];
  /**
   * The country the person said they live in (a code of `safety/data/places.json`), whose lines
   * are named where the deployment configured none.
   */
  place?: string | null;
}

/** One user message and what the engine needs to answer it. */
export interface TurnInput {
  text: string;
  context?: { topics?: string[]; relationshipStatus?: string | null };
  state: ConversationState;
  /** Makes the answer deterministic: same input, state and seed, same answer. */
  seed: number;
  /** Blocks not to use when another fits: the user's dislikes, the answers being regenerated. */
  avoidBlockIds?: ReadonlySet<string>;
  /**
   * `false` when regenerating an answer to a message already counted: turn count, topic turns
   * and stages stay as they are.
   */
  countTurn?: boolean;
}

/** Kinds of crisis the rules and the classifier read, in the order detection prefers them. */
export const DETECTED_KINDS = ['self_harm', 'partner_danger', 'harm_to_others'] as const;
export type DetectedKind = (typeof DETECTED_KINDS)[number];
/**
 * Kinds of crisis. `other_at_risk`: someone close to the person may be about to end their life
 * ("he said everyone would be better off without him and he's not answering"); the person writing
 * is the one who can get help to them. Read by its own rule, not by the classifier.
 */
export const CRISIS_KINDS = [...DETECTED_KINDS, 'other_at_risk'] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

/** The engine's answer to one turn and the state to store with it. */
export interface TurnResult {
  reply: string;
  style: ResponseStyle;
  /** Most salient first. */
  topics: TopicId[];
  emotions: EmotionId[];
  /** The main topic's stage after this turn (1 when there is no topic). */
  stage: Stage;
  /** 0..1, from topic certainty and block fit. */
  confidence: number;
  blockIds: string[];
  crisis: CrisisKind | null;
  /** How this turn was answered for safety (`referencedData.safety`). */
  safety: SafetyLevel;
  state: ConversationState;
  /** What kind of turn the message was (question, progress, goodbye, ...). */
  act?: TurnAct;
  /** For a question, its kind. */
  question?: QuestionKind | null;
}

/** What a session's summary is made of, after every 5th user message. */
export interface SessionSummary {
  summaryText: string;
  nextPlanText: string;
}

/**
 * Where to send someone in crisis. Comes from configuration so a deployment can name its own
 * country's numbers; the wording is inserted as-is into a sentence ("call {emergencyNumber}").
 */
export interface SafetyResources {
  /** E.g. "911" or "your local emergency number (911 in the US, 112 in the EU, 999 in the UK)". */
  emergencyNumber: string;
  /** A suicide and crisis line, e.g. "988 (call or text)". */
  crisisLine: string;
  /** A domestic-violence line, for danger from a partner. */
  domesticViolenceLine: string;
}

/** Country-neutral defaults, used when configuration names nothing more specific. */
export const DEFAULT_SAFETY_RESOURCES: SafetyResources = {
  emergencyNumber: 'your local emergency number (911 in the US, 112 in the EU, 999 in the UK)',
  crisisLine:
    'a crisis line such as 988 in the US (call or text) or Samaritans on 116 123 in the UK and Ireland',
  domesticViolenceLine:
    'a domestic violence hotline such as 1-800-799-7233 in the US or 0808 2000 247 in the UK',
};

/** A coaching engine: the built-in one is "blocks"; others (e.g. a language model) may follow. */
export interface CoachEngine {
  /** Reported to clients as `engine`. */
  readonly name: string;
  /** Answers one user turn. Pure: same input, same result. */
  respond(input: TurnInput): TurnResult;
}
