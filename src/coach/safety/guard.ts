/**
 * The safety step, first on every turn, whatever the engine: it decides (mode.ts) whether this
 * turn gets a whole `SAFETY` answer, a coaching answer led by a gentle safety question, a
 * warning-sign answer, or plain coaching, and records the session's safety state.
 */
import { unsureGreeting } from '../conversation/acts';
import { notProgress, useNames } from '../conversation/facts';
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
import { leavingWithWarnings, notNormalAnswer, planSafety, type SafetyPlan } from './mode';
import { resourcesFor } from './places';

/** A coaching answer that calls what was asked about normal or fine. */
const NORMALISES =
  /^(?:yes\b|honestly, yes|it'?s (?:very |completely |quite )?(?:normal|common|fine|okay)|that'?s (?:very |completely )?(?:normal|common|fine|okay))/i;

/** Topics a warning sign must not be read as: control is not a jealousy or trust problem. */
const MISREAD_TOPICS: ReadonlySet<TopicId> = new Set([
  'jealousy',
  'trust',
  'cheating',
  'cheating_self',
]);

/** Frees the blocks of a coaching answer that was not said, so later turns may use them. */
function unsay(state: TurnResult['state'], inner: TurnResult): void {
  state.recentBlocks = state.recentBlocks.filter((b) => !inner.blockIds.includes(b.id));
}

/**
 * A whole SAFETY answer: no coaching blocks. The turn still counts, and what the engine understood
 * of it (topics, emotions, the kind of turn, the facts the person gave) is kept, so the
 * conversation is remembered through the crisis and after it.
 */
function safetyResult(before: TurnInput['state'], plan: SafetyPlan, inner: TurnResult): TurnResult {
  const state = cloneState(inner.state);
  // The coaching answer was not said: its blocks stay free, and the style said is SAFETY.
  unsay(state, inner);
  state.recentStyles = [...state.recentStyles.slice(0, -1), 'SAFETY'];
  state.safety = plan.state;
  // Who is who is kept; what happened in a crisis is not retold in summaries (they name the
  // concern without quoting it).
  if (state.conversation && before.conversation)
    state.conversation = { ...state.conversation, happenings: before.conversation.happenings };
  else if (state.conversation) state.conversation = { ...state.conversation, happenings: [] };
  return {
    ...inner,
    // The person the danger comes from is called by the name the user gave, not "your partner".
    reply: state.conversation ? useNames(plan.reply!, state.conversation) : plan.reply!,
    style: 'SAFETY',
    // The answer is hand-written for this moment of a crisis; what stays uncertain is only
    // whether it was a crisis at all, and the rules deliberately lean towards yes.
    confidence: 0.9,
    blockIds: [],
    crisis: plan.kind,
    safety: 'CRISIS',
    state,
  };
}

/** What the safety step itself reads of a crisis turn an untrusted engine must not see. */
function fallbackUnderstanding(input: TurnInput): TurnResult {
  const counted = input.countTurn !== false;
  const state = cloneState(input.state);
  if (counted) state.turnCount += 1;
  pushStyle(state, 'SAFETY', counted);
  const norm = normalizeText(input.text);
  const detected = detectTopics(norm, {
    hintTopics: input.context?.topics,
    status: state.relationshipStatus,
  });
  return {
    reply: '',
    style: 'SAFETY',
    topics: detected.topics,
    emotions: detectEmotions(norm, inferenceTopic(detected)).emotions,
    stage: mainStage(state),
    confidence: 0.9,
    blockIds: [],
    crisis: null,
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

/** Acts that end a conversation: a safety answer then closes with the help at hand, asking nothing. */
const CLOSING_ACTS: ReadonlySet<string> = new Set(['goodbye', 'thanks']);

/**
 * `text` without its questions: what a person leaving is told (the help, a warm word) rather than
 * asked. Falls back to the whole text when every sentence asks.
 */
function withoutQuestions(text: string): string {
  const kept = (text.match(/[^.!?]+[.!?]+/g) ?? [text]).filter((s) => !s.trim().endsWith('?'));
  return kept.length ? kept.join('').trim() : text;
}

/** The statements a coaching reply opens with, up to its first question (at most two). */
function answerOf(reply: string): string {
  const out: string[] = [];
  for (const sentence of reply.match(/[^.!?]+[.!?]+/g) ?? []) {
    if (sentence.trim().endsWith('?') || out.length === 2) break;
    out.push(sentence.trim());
  }
  return out.join(' ');
}

/** Kinds of turn a crisis answer may answer first, when the message says nothing more of the crisis. */
const ANSWERED_IN_CRISIS: ReadonlySet<string> = new Set([
  'question',
  'change_subject',
  'progress',
  'plan',
]);

/** The answers that stand for any question ("what should i do?"): no answer to a person in crisis. */
const UNTARGETED = /^gen\.(?:advice|how_to|normalcy|yes_no)\./;

/** An answer about danger or help: the crisis answer after it names the help that fits. */
const ABOUT_DANGER =
  /\b(?:helpline|hotline|police|emergency|abuse|abusive|violence|safe|safety)\b/i;

/**
 * The coaching answer's opening, when a crisis answer may lead with it: the person asked something
 * everyday ("should i give jonah back his hoodie?") or brought news ("he said yes"), and an answer
 * that only repeats the crisis help, or puts the question off, has not heard them. Empty when the
 * crisis answer stands alone.
 */
function answerInCrisis(inner: TurnResult, plan: SafetyPlan): string {
  if (!plan.afterAnswer || !inner.act || !ANSWERED_IN_CRISIS.has(inner.act)) return '';
  // A question's answer must be one: a change of subject may only say "sure, let's turn to that".
  if (inner.act === 'question' || inner.act === 'change_subject') {
    const lead = inner.blockIds.find((id) => !id.startsWith('act.change.')) ?? '';
    if (!/\.answer\b/.test(lead) || UNTARGETED.test(lead)) return '';
  }
  const answer = answerOf(inner.reply);
  if (ABOUT_DANGER.test(answer)) return '';
  // Calling something normal is no answer in danger at home.
  return plan.kind === 'partner_danger' && NORMALISES.test(answer) ? '' : answer;
}

/** A sentence that asks something in so many words (a question mark, or a question's first word). */
const ASKS_PLAINLY =
  /\?|(?:^|[.!] )(?:(?:ok|okay|so|and|but|also|hey|well)[, ]+)*(?:should|do you|does|is it|are|can|could|would|will|what|how|why|when|where|who)\b/i;

/**
 * A coaching answer that celebrates, or a stock answer to a question the message never asked in
 * so many words ("the only thing that helps is when i drink till i pass out", read as a question).
 */
function gladOrUntargeted(inner: TurnResult, text: string): boolean {
  const lead = inner.blockIds[0] ?? '';
  if (inner.act === 'progress' || /^act\.own\.good\./.test(lead)) return true;
  return UNTARGETED.test(lead) && !ASKS_PLAINLY.test(text);
}

function safeTurn(
  engine: CoachEngine,
  input: TurnInput,
  resources: SafetyResources,
  trusted: boolean,
): TurnResult {
  const counted = input.countTurn !== false;
  const turn = counted ? input.state.turnCount + 1 : Math.max(1, input.state.turnCount);
  const plan = planSafety(
    input.text,
    input.state.safety,
    turn,
    counted,
    input.seed,
    resources,
    turn === 1 && unsureGreeting(input.text),
  );
  if (plan.reply && !trusted) return safetyResult(input.state, plan, fallbackUnderstanding(input));
  const inner = engine.respond(input);
  if (plan.reply) {
    const result = safetyResult(input.state, plan, inner);
    if (inner.act && CLOSING_ACTS.has(inner.act))
      return { ...result, reply: withoutQuestions(result.reply) };
    const answer = answerInCrisis(inner, plan);
    if (!answer || !plan.afterAnswer) return result;
    const { text, mark } = plan.afterAnswer;
    const known = result.state.conversation;
    const safety = { ...plan.state, used: [...plan.state.used, mark] };
    return {
      ...result,
      reply: `${answer} ${known ? useNames(text, known) : text}`,
      state: { ...result.state, safety },
    };
  }
  const state = { ...inner.state, safety: plan.state };
  // A message that made us name a warning sign or ask about safety ("he's sweet, he's started
  // checking my phone") is never remembered as something that went well.
  if ((plan.warning || plan.lead) && state.conversation)
    state.conversation = notProgress(state.conversation, turn);
  // Leaving after warning signs were named: a safe goodbye with the confidential line, asked
  // nothing (set 11's n09 was asked "which part of it weighs on you most?" as she left because
  // her partner checks her phone).
  if (
    inner.act &&
    CLOSING_ACTS.has(inner.act) &&
    plan.state.ownWarnings === true &&
    plan.state.mode === 'none' &&
    plan.level !== 'CRISIS'
  ) {
    const leaving = leavingWithWarnings(
      input.text,
      input.seed,
      resourcesFor(resources, plan.state.place ?? null),
    );
    return {
      ...inner,
      reply: inner.act === 'thanks' ? `You're welcome. ${leaving}` : leaving,
      blockIds: [],
      crisis: null,
      safety: plan.level,
      state,
    };
  }
  if (plan.warning) {
    // Named for what it may be, with confidential help; never coached as jealousy or trust.
    const topics = [
      'toxic_or_abusive' as const,
      ...inner.topics.filter((t) => t !== 'toxic_or_abusive' && !MISREAD_TOPICS.has(t)),
    ];
    if (counted) retopic(input.state, state, turn);
    state.recentStyles = [...state.recentStyles.slice(0, -1), 'GROUNDING'];
    // A direct question ("is it normal that he checks my phone?") is answered first, then the
    // concern is named: the person asked something and deserves the answer.
    // An answer that would call the control normal is replaced by one that does not.
    // Fear of the partner ("so i know when to hide") is not answered as the question's everyday
    // subject first: its answer would coach the person around the danger.
    const afraid = plan.warning.signs.includes('fear');
    const given = inner.act === 'question' && !afraid ? answerOf(inner.reply) : '';
    const answer = NORMALISES.test(given) ? notNormalAnswer() : given;
    const named = state.conversation
      ? useNames(plan.warning.reply, state.conversation)
      : plan.warning.reply;
    return {
      ...inner,
      reply: answer ? `${answer} ${named}` : named,
      style: 'GROUNDING',
      topics,
      blockIds: answer ? inner.blockIds.slice(0, 1) : [],
      crisis: null,
      safety: plan.level,
      state,
    };
  }
  // Someone saying goodbye is not asked a doubtful safety question they will not answer.
  const lead = plan.lead && inner.act && CLOSING_ACTS.has(inner.act) ? null : plan.lead;
  // A question asked once more stands alone: a coaching answer after it would ask a second thing.
  // So does one whose coaching answer would be glad ("what a nice moment" after "do you mean
  // you're hurting yourself?") or a stock answer to any question: neither answers what was asked about.
  if (
    lead &&
    (plan.alone ||
      (plan.aloneUnlessAsked && inner.act !== 'question') ||
      gladOrUntargeted(inner, input.text))
  ) {
    unsay(state, inner);
    return { ...inner, reply: lead, blockIds: [], crisis: null, safety: plan.level, state };
  }
  return {
    ...inner,
    reply: lead ? `${lead} ${inner.reply}` : inner.reply,
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
  return safeTurn(engine, input, resources, false);
}

/**
 * Wraps any engine so the safety step always runs first, whatever the engine does. A crisis turn
 * never reaches the engine unless it is `trusted` (the built-in one, pure and local), which then
 * still reads the turn so the conversation's facts and the kind of turn are kept through a crisis.
 */
export function withSafety(
  engine: CoachEngine,
  resources: SafetyResources = DEFAULT_SAFETY_RESOURCES,
  { trusted = false }: { trusted?: boolean } = {},
): CoachEngine {
  if (SAFE_ENGINES.has(engine)) return engine;
  const wrapped: CoachEngine = {
    name: engine.name,
    respond: (input) => safeTurn(engine, input, resources, trusted),
  };
  SAFE_ENGINES.add(wrapped);
  return wrapped;
}
