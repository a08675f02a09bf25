/**
 * The conversation state a session carries from turn to turn (stored as JSON with the session).
 */
import type { ConversationState, ResponseStyle, Stage, TopicId, TopicProgress } from './types';

/** Styles remembered (to vary them). */
const RECENT_STYLES_KEPT = 6;

/** A fresh conversation state for a new session. */
export function initialState(): ConversationState {
  return {
    version: 1,
    turnCount: 0,
    topics: {},
    mainTopic: null,
    recentBlocks: [],
    recentStyles: [],
    partnerName: null,
    relationshipStatus: null,
    facts: [],
    emotionCounts: {},
    explored: [],
  };
}

/**
 * The stage a topic has earned after `turns` turns on it: 1 for its first 3 turns, 2 for the
 * next 4, 3 for the next 5, then 4.
 */
export function stageForTurns(turns: number): Stage {
  if (turns <= 3) return 1;
  if (turns <= 7) return 2;
  if (turns <= 12) return 3;
  return 4;
}

/** The next stage of a topic: rises by at most one per turn, never goes back. */
export function nextStage(previous: Stage, turns: number): Stage {
  return Math.max(previous, Math.min(previous + 1, stageForTurns(turns))) as Stage;
}

/** The topic worked on most (ties: the most recent, then the first listed). */
export function mainTopicOf(topics: ConversationState['topics']): TopicId | null {
  let best: TopicId | null = null;
  let bestP: TopicProgress | null = null;
  for (const [id, p] of Object.entries(topics) as [TopicId, TopicProgress][]) {
    if (!p) continue;
    if (
      !bestP ||
      p.turns > bestP.turns ||
      (p.turns === bestP.turns && p.lastTurn > bestP.lastTurn)
    ) {
      best = id;
      bestP = p;
    }
  }
  return best;
}

/** A deep-enough copy of a state so a turn never mutates what the caller passed in. */
export function cloneState(s: ConversationState): ConversationState {
  const topics: ConversationState['topics'] = {};
  for (const [k, v] of Object.entries(s.topics) as [TopicId, TopicProgress][])
    if (v) topics[k] = { ...v };
  return {
    ...initialState(),
    ...s,
    topics,
    recentBlocks: s.recentBlocks.map((b) => ({ ...b })),
    recentStyles: [...s.recentStyles],
    facts: s.facts.map((f) => ({ ...f })),
    emotionCounts: { ...s.emotionCounts },
    explored: [...s.explored],
    ...(s.exploredTopic ? { exploredTopic: { ...s.exploredTopic } } : {}),
    ...(s.safety ? { safety: { ...s.safety } } : {}),
  };
}

/** Records the style of this answer (a regenerated answer replaces the last one's). */
export function pushStyle(state: ConversationState, style: ResponseStyle, counted: boolean): void {
  // A regenerated answer replaces the last one, so it replaces its style too.
  if (!counted && state.recentStyles.length > 0)
    state.recentStyles[state.recentStyles.length - 1] = style;
  else state.recentStyles.push(style);
  if (state.recentStyles.length > RECENT_STYLES_KEPT)
    state.recentStyles.splice(0, state.recentStyles.length - RECENT_STYLES_KEPT);
}

/** The main topic's stage (1 when there is none). */
export function mainStage(state: ConversationState): Stage {
  return (state.mainTopic && state.topics[state.mainTopic]?.stage) || 1;
}
