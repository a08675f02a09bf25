/**
 * Safety: crisis detection and the safety answer, one job per file: `text.ts` repairs crisis
 * slang and typos, `prefilter.ts` picks the rules a message can match, `patterns.ts` compiles the
 * rules of `data/` with their checks, `detect.ts` weighs the evidence, `classifier.ts` is the
 * second net by meaning, `risk.ts` joins the two, `replies.ts` answers.
 */
export { detectCrisis as detectCrisisByRules, type DetectCrisisOptions } from './detect';
// SECOND-NET HOOK: the safety step's detectCrisis is the rules, then the classifier (risk.ts).
export { assessRisk, detectCrisis, type SafetyAssessment } from './risk';
export { classifyRisk, type RiskLevel, type RiskVerdict } from './classifier';
export { safetyReply } from './replies';
export { crisisCanonical } from './text';
export { respondSafely, withSafety } from './guard';
export { emptySafetyState, inSafetyMode, planSafety, readSigns, type SafetyPlan } from './mode';
export { safetyFollowup, safetySummary } from './aftercare';
