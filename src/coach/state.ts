/**
 * The conversation state a session carries from turn to turn (stored as JSON with the session).
 */
import type { ConversationState } from './types';

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
