/**
 * The coaching engine's public API. Nothing here knows about HTTP, GraphQL or the database.
 */
export * from './types';
export {
  loadBlockLibrary,
  buildBlockLibrary,
  validateBlock,
  type BlockLibrary,
  type LibraryBlock,
} from './library';
export {
  createBlocksEngine,
  initialState,
  respondSafely,
  withSafety,
  stageForTurns,
  nextStage,
  mainTopicOf,
  RECENT_BLOCK_TURNS,
  type CoachEngine,
  type BlocksEngineOptions,
} from './engine';
export { detectCrisis, safetyReply } from './safety';
export {
  detect,
  detectTopics,
  detectEmotions,
  asksForAdvice,
  type Detection,
  type DetectOptions,
} from './detect';
export {
  mapRelationshipStatus,
  statusFromText,
  findPartnerName,
  extractFacts,
  extractEcho,
  type PartnerMention,
} from './extract';
export { normalizeText, stem, type NormalizedText } from './normalize';
export { chooseStyle, type StyleInput } from './style';
export { chooseBlocks, RECIPES, MAX_QUESTIONS } from './choose';
export { composeReply, fillPlaceholders, joinPieces } from './compose';
export { summarize } from './summary';
export { followupPrompt, titlePhrase } from './followup';
export { topicPhrase, stageGoal, emotionNoun } from './labels';
