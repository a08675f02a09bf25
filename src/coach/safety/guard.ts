/**
 * The safety step, first on every turn, whatever the engine: it decides (mode.ts) whether this
 * turn gets a whole `SAFETY` answer, a coaching answer led by a gentle safety question, a
 * warning-sign answer, or plain coaching, and records the session's safety state.
 */
import { detectEmotions, detectTopics, inferenceTopic } from '../detect';
import { normalizeText } from '../normalize';
import { cloneState, mainStage, mainTopicOf, nextStage, pushStyle } from '../state';
import {
  DEFAULT_SAFETY_RESOURCES,
  type CoachEngine,
  type SafetyResources,
  type TopicId,
  type TurnInput,
  type TurnResult,
} from '../types';
import { planSafety, type SafetyPlan } from './mode';

/** Topics a warning sign must not be read as: control is not a jealousy or trust problem. */
const MISREAD_TOPICS: ReadonlySet<TopicId> = new Set([
  'jealousy',
  'trust',
  'cheating',
  'cheating_self',
]);

/** A whole SAFETY answer: no coaching blocks; the turn still counts and topics are reported. */
function safetyResult(input: TurnInput, plan: SafetyPlan): TurnResult {
  const counted = input.countTurn !== false;
  const state = cloneState(input.state);
  if (counted) state.turnCount += 1;
  pushStyle(state, 'SAFETY', counted);
  state.safety = plan.state;
  const norm = normalizeText(input.text);
  const detected = detectTopics(norm, {
    hintTopics: input.context?.topics,
    status: state.relationshipStatus,
  });
  return {
    reply: plan.reply!,
    style: 'SAFETY',
    topics: detected.topics,
    emotions: detectEmotions(norm, inferenceTopic(detected)).emotions,
    stage: mainStage(state),
    // The answer is hand-written for this moment of a crisis; what stays uncertain is only
    // whether it was a crisis at all, and the rules deliberately lean towards yes.
    confidence: 0.9,
    blockIds: [],
    crisis: plan.kind,
    safety: 'CRISIS',
    state,
  };
}

/** Moves this turn's count from a misread topic (jealousy, trust) to `toxic_or_abusive`. */
function retopic(before: TurnInput['state'], after: TurnResult['state'], turn: number): void {
  let moved = false;
  for (const t of MISREAD_TOPICS) {
    const p = after.topics[t];
    if (!p || p.lastTurn !== turn) continue;
    const old = before.topics[t];
    if (old) after.topics[t] = { ...old };
    else delete after.topics[t];
    moved = true;
  }
  if (!moved && after.topics.toxic_or_abusive?.lastTurn === turn) return;
  const p = after.topics.toxic_or_abusive;
  after.topics.toxic_or_abusive = p
    ? { turns: p.turns + 1, stage: nextStage(p.stage, p.turns + 1), lastTurn: turn }
    : { turns: 1, stage: 1, lastTurn: turn };
  after.mainTopic = mainTopicOf(after.topics);
}

function safeTurn(engine: CoachEngine, input: TurnInput, resources: SafetyResources): TurnResult {
  const counted = input.countTurn !== false;
  const turn = counted ? input.state.turnCount + 1 : Math.max(1, input.state.turnCount);
  const plan = planSafety(input.text, input.state.safety, turn, counted, input.seed, resources);
  if (plan.reply) return safetyResult(input, plan);
  const inner = engine.respond(input);
  const state = { ...inner.state, safety: plan.state };
  if (plan.warning) {
    // Named for what it may be, with confidential help; never coached as jealousy or trust.
    const topics = [
      'toxic_or_abusive' as const,
      ...inner.topics.filter((t) => t !== 'toxic_or_abusive' && !MISREAD_TOPICS.has(t)),
    ];
    if (counted) retopic(input.state, state, turn);
    state.recentStyles = [...state.recentStyles.slice(0, -1), 'GROUNDING'];
    return {
      ...inner,
      reply: plan.warning.reply,
      style: 'GROUNDING',
      topics,
      blockIds: [],
      crisis: null,
      safety: plan.level,
      state,
    };
  }
  return {
    ...inner,
    reply: plan.lead ? `${plan.lead} ${inner.reply}` : inner.reply,
    crisis: null,
    safety: plan.level,
    state,
  };
}

const SAFE_ENGINES = new WeakSet<CoachEngine>();

/**
 * Runs one turn with safety first. Any engine, built in or not, must be called through this (or
 * be wrapped by {@link withSafety}).
 */
export function respondSafely(
  engine: CoachEngine,
  input: TurnInput,
  resources: SafetyResources = DEFAULT_SAFETY_RESOURCES,
): TurnResult {
  if (SAFE_ENGINES.has(engine)) return engine.respond(input);
  return safeTurn(engine, input, resources);
}

/** Wraps any engine so the safety step always runs first, whatever the engine does. */
export function withSafety(
  engine: CoachEngine,
  resources: SafetyResources = DEFAULT_SAFETY_RESOURCES,
): CoachEngine {
  if (SAFE_ENGINES.has(engine)) return engine;
  const wrapped: CoachEngine = {
    name: engine.name,
    respond: (input) => safeTurn(engine, input, resources),
  };
  SAFE_ENGINES.add(wrapped);
  return wrapped;
}
