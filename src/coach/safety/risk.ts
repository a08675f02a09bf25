/**
 * The safety verdict of a message: the hand-written rules (detect.ts) and the second net by
 * meaning (classifier.ts), either one firing is enough. The rules' verdict wins when they fire;
 * otherwise the classifier's level, after its own vetoes for negation, a past that is over,
 * someone else's story and idioms.
 *
 * `detectCrisis` here keeps the rules' signature and is what `safety/index.ts` exports, so every
 * caller of the safety step gets both nets. It answers only CRISIS (a kind) or null: until the
 * engine has a CHECK answer (a gentle safety question, `referencedData.safety`), a classifier
 * CHECK counts as "not a crisis" there. {@link assessRisk} gives the full graded verdict, with the
 * person's previous messages as context, for the caller that answers CHECK.
 */
import type { CrisisKind } from '../types';
import { CLASSIFIER_SURE, classifyRisk, riskModel, type RiskLevel } from './classifier';
import { detectCrisis as detectCrisisByRules, type DetectCrisisOptions } from './detect';

// Read and validate the model when the safety step loads: a broken file stops the engine at start.
riskModel();

/** The graded safety verdict of a message, and which net gave it. */
export interface SafetyAssessment {
  /** Crisis kind, `warning_sign` (classifier only), or null with level NONE. */
  kind: CrisisKind | 'warning_sign' | null;
  level: RiskLevel;
  /** `rules` when the rules fired (always CRISIS), `classifier` when only the classifier did. */
  source: 'rules' | 'classifier' | null;
  /** The classifier's probability behind its verdict (1 when the rules fired). */
  score: number;
}

/**
 * Rules first, then the classifier. `previousTexts` are the person's earlier messages in the
 * session, oldest first (the classifier reads the last two as context).
 */
export function assessRisk(
  text: string,
  previousTexts: readonly string[] = [],
  options: DetectCrisisOptions = {},
): SafetyAssessment {
  const ruled = detectCrisisByRules(text, options);
  if (ruled) return { kind: ruled, level: 'CRISIS', source: 'rules', score: 1 };
  const net = classifyRisk(text, previousTexts);
  if (net.level === 'NONE') return { kind: null, level: 'NONE', source: null, score: net.score };
  const unsure =
    net.level === 'CRISIS' && net.kind !== 'warning_sign' && net.score < CLASSIFIER_SURE;
  return { ...net, level: unsure ? 'CHECK' : net.level, source: 'classifier' };
}

/**
 * The crisis kind of a message by the rules or, when they stay silent, by the classifier at
 * CRISIS on a crisis kind; null otherwise (a classifier CHECK or warning sign included, until the
 * engine answers those).
 */
export function detectCrisis(text: string, options: DetectCrisisOptions = {}): CrisisKind | null {
  const verdict = assessRisk(text, [], options);
  return verdict.level === 'CRISIS' && verdict.kind !== 'warning_sign' ? verdict.kind : null;
}
