/**
 * Safety: crisis detection and the safety answer, one job per file: `text.ts` repairs crisis
 * slang and typos, `prefilter.ts` picks the rules a message can match, `patterns.ts` compiles the
 * rules of `data/` with their checks, `detect.ts` weighs the evidence, `replies.ts` answers.
 */
export { detectCrisis, type DetectCrisisOptions } from './detect';
export { safetyReply } from './replies';
export { crisisCanonical } from './text';
