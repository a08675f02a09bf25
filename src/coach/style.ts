/**
 * Choosing the response style of a user turn. Each style gets a fit score from the message and the
 * conversation; the best wins, except that no style may run three turns in a row (the same
 * style over and over reads like a machine), in which case the next-best one is used.
 */
import type { ResponseStyle, Stage } from './types';

/** What the style choice looks at. */
export interface StyleInput {
  /** The user asks what to do ("what should I do", "should I text him"). */
  asksAdvice: boolean;
  /** The turn's main topic is a heavy one (heartbreak, cheating, ...). */
  heavyTopic: boolean;
  /** A strong emotion is present (hurt, betrayed, overwhelmed, hopeless, scared). */
  strongEmotion: boolean;
  /** Stage of the turn's main topic after this turn. */
  stage: Stage;
  /** This turn's number in the session (1 = first). */
  turn: number;
  /** Words in the message. */
  words: number;
  /** Whether any topic was found (from text, hints or continuation). */
  hasTopic: boolean;
  /** Styles of previous answers, newest last. */
  recentStyles: readonly ResponseStyle[];
}

/** Styles a user turn may get (CHECK_IN is for check-in prompts, SAFETY for crises). */
const TURN_STYLES = ['GUIDANCE_SESSION', 'GROUNDING', 'DEEPENING', 'LIGHT_TOUCH'] as const;
type TurnStyle = (typeof TURN_STYLES)[number];

/** A message this short on a later turn gets a light answer. */
const SHORT_MESSAGE_WORDS = 7;

/** Fit of each style to the turn (higher is better). */
export function styleScores(input: StyleInput): Record<TurnStyle, number> {
  const { asksAdvice, heavyTopic, strongEmotion, stage, turn, words, hasTopic } = input;
  const heavy = heavyTopic || strongEmotion;
  const short = words <= SHORT_MESSAGE_WORDS;
  const guidance = asksAdvice ? 10 : stage === 4 ? 5 : stage === 3 ? 2 : 0.5;
  let grounding: number;
  if (heavy && stage === 1) grounding = 8;
  else if (heavyTopic && strongEmotion && stage === 2) grounding = 4.5;
  else if (heavy && stage === 2) grounding = 3;
  else if (stage === 1) grounding = 3.5;
  else grounding = 1;
  let deepening: number;
  if ((stage === 2 || stage === 3) && !short && !asksAdvice) deepening = 7;
  else if (stage === 2 || stage === 3) deepening = 4;
  else if (stage === 4) deepening = 3;
  else deepening = turn > 1 ? 2.5 : 1.5;
  let light: number;
  if (short && turn >= 3) light = 8.5;
  else if (short && turn > 1) light = 4;
  else if (!hasTopic) light = 3.8;
  else light = 1;
  return {
    GUIDANCE_SESSION: guidance,
    GROUNDING: grounding,
    DEEPENING: deepening,
    LIGHT_TOUCH: light,
  };
}

/**
 * The style for a user turn: GUIDANCE_SESSION when they ask what to do, GROUNDING for heavy
 * topics or strong feelings early on, DEEPENING while they share at stages 2-3, LIGHT_TOUCH for
 * a short message on a later turn. Never the same style three turns in a row.
 */
export function chooseStyle(input: StyleInput): ResponseStyle {
  const scores = styleScores(input);
  const r = input.recentStyles;
  const blocked = r.length >= 2 && r[r.length - 1] === r[r.length - 2] ? r[r.length - 1] : null;
  let best: TurnStyle = 'LIGHT_TOUCH';
  let bestScore = -Infinity;
  for (const s of TURN_STYLES) {
    if (s === blocked) continue;
    if (scores[s] > bestScore) {
      best = s;
      bestScore = scores[s];
    }
  }
  return best;
}
