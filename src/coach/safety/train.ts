/**
 * Training of the safety classifier: multinomial logistic regression over the features of
 * features.ts, thresholds chosen by cross-validation on the training data only. Pure and
 * deterministic (no randomness, a fixed number of full-batch steps), so the committed model can be
 * checked to be what this code makes from the committed data. `scripts/train-safety.ts` runs it.
 */
import { hashString } from '../rng';
import { featureStrings } from './features';

/** Labels of the classifier, in the order of its outputs. */
export const RISK_LABELS = [
  'none',
  'self_harm',
  'partner_danger',
  'harm_to_others',
  'warning_sign',
] as const;
/** One label of {@link RISK_LABELS}. */
export type RiskLabel = (typeof RISK_LABELS)[number];
/** The labels that are crises (as opposed to a warning sign or nothing). */
export const CRISIS_LABELS = ['self_harm', 'partner_danger', 'harm_to_others'] as const;

/** One labelled training message. */
export interface TrainingItem {
  text: string;
  label: RiskLabel;
  /**
   * An everyday message from a set not written to be close to a crisis: trained on, but left out
   * when thresholds are chosen (the false-alarm limits are about close non-crises).
   */
  ordinary?: boolean;
}

/** Settings of one training run. */
export interface TrainSettings {
  /** Features seen in fewer training messages than this are dropped. */
  minCount: number;
  /** L2 penalty on the weights. */
  l2: number;
  /** Full-batch Adam steps. */
  steps: number;
  /** Adam step size. */
  rate: number;
}

/** The settings the committed model is trained with (l2 chosen by cross-validation, see the script). */
export const DEFAULT_SETTINGS: TrainSettings = { minCount: 2, l2: 3e-5, steps: 300, rate: 0.05 };

/** A trained model: weights per feature and label, bias per label. */
export interface TrainedModel {
  features: string[];
  /** features.length x RISK_LABELS.length, row-major. */
  weights: Float64Array;
  bias: Float64Array;
}

const K = RISK_LABELS.length;

/** Feature ids of a message under a vocabulary (unknown features dropped), sorted. */
export function encode(text: string, vocab: ReadonlyMap<string, number>): Int32Array {
  const ids: number[] = [];
  for (const f of featureStrings(text)) {
    const id = vocab.get(f);
    if (id !== undefined) ids.push(id);
  }
  return Int32Array.from(ids).sort();
}

/**
 * Label probabilities of an encoded message. Features are binary and the vector is scaled to unit
 * length, so a long message weighs no more than a short one.
 */
export function probabilities(
  ids: Int32Array,
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
): Float64Array {
  const z = new Float64Array(K);
  for (let k = 0; k < K; k++) z[k] = bias[k];
  const scale = ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0;
  if (K === 5) {
    // The five sums in locals: the same additions in the same order as the loop below, without
    // a store and a load of z per weight (about twice as fast over a message's features).
    let z0 = z[0];
    let z1 = z[1];
    let z2 = z[2];
    let z3 = z[3];
    let z4 = z[4];
    for (let j = 0; j < ids.length; j++) {
      const row = ids[j] * 5;
      z0 += weights[row] * scale;
      z1 += weights[row + 1] * scale;
      z2 += weights[row + 2] * scale;
      z3 += weights[row + 3] * scale;
      z4 += weights[row + 4] * scale;
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    z[3] = z3;
    z[4] = z4;
  } else
    for (let j = 0; j < ids.length; j++) {
      const row = ids[j] * K;
      for (let k = 0; k < K; k++) z[k] += weights[row + k] * scale;
    }
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = 0; k < K; k++) {
    z[k] = Math.exp(z[k] - max);
    sum += z[k];
  }
  for (let k = 0; k < K; k++) z[k] /= sum;
  return z;
}

/** Trains on `items`: the vocabulary from them alone, then full-batch Adam on the mean log loss. */
export function train(
  items: readonly TrainingItem[],
  settings: TrainSettings = DEFAULT_SETTINGS,
): TrainedModel {
  const counts = new Map<string, number>();
  const featureLists = items.map((it) => featureStrings(it.text));
  for (const fs of featureLists) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts.entries()]
    .filter(([, n]) => n >= settings.minCount)
    .map(([f]) => f)
    .sort();
  const vocab = new Map(features.map((f, i) => [f, i]));
  const xs = featureLists.map((fs) => {
    const ids: number[] = [];
    for (const f of fs) {
      const id = vocab.get(f);
      if (id !== undefined) ids.push(id);
    }
    return Int32Array.from(ids).sort();
  });
  const ys = items.map((it) => RISK_LABELS.indexOf(it.label));
  const n = items.length;
  const size = features.length * K;
  const weights = new Float64Array(size);
  const bias = new Float64Array(K);
  const grad = new Float64Array(size);
  const gradBias = new Float64Array(K);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let step = 1; step <= settings.steps; step++) {
    grad.fill(0);
    gradBias.fill(0);
    for (let i = 0; i < n; i++) {
      const ids = xs[i];
      const p = probabilities(ids, weights, bias);
      p[ys[i]] -= 1;
      const scale = ids.length > 0 ? 1 / Math.sqrt(ids.length) / n : 0;
      for (let k = 0; k < K; k++) gradBias[k] += p[k] / n;
      for (let j = 0; j < ids.length; j++) {
        const row = ids[j] * K;
        for (let k = 0; k < K; k++) grad[row + k] += p[k] * scale;
      }
    }
    const c1 = 1 - b1 ** step;
    const c2 = 1 - b2 ** step;
    for (let q = 0; q < size; q++) {
      const g = grad[q] + settings.l2 * weights[q];
      m[q] = b1 * m[q] + (1 - b1) * g;
      v[q] = b2 * v[q] + (1 - b2) * g * g;
      weights[q] -= (settings.rate * (m[q] / c1)) / (Math.sqrt(v[q] / c2) + 1e-8);
    }
    for (let k = 0; k < K; k++) {
      const g = gradBias[k];
      mb[k] = b1 * mb[k] + (1 - b1) * g;
      vb[k] = b2 * vb[k] + (1 - b2) * g * g;
      bias[k] -= (settings.rate * (mb[k] / c1)) / (Math.sqrt(vb[k] / c2) + 1e-8);
    }
  }
  return { features, weights, bias };
}

/** Probabilities of a message under a trained model. */
export function predict(
  model: TrainedModel,
  text: string,
  vocab?: Map<string, number>,
): Float64Array {
  const map = vocab ?? new Map(model.features.map((f, i) => [f, i]));
  return probabilities(encode(text, map), model.weights, model.bias);
}

/** The cross-validation fold of a message: by a hash of its text, so it never depends on order. */
export function foldOf(text: string, folds: number): number {
  return hashString(text) % folds;
}

/** Out-of-fold probabilities, and the model of each fold (trained without it). */
export interface CrossValidation {
  probs: Float64Array[];
  models: TrainedModel[];
}

/** Each message scored by a model trained without its fold ({@link foldOf}). */
export function crossValidate(
  items: readonly TrainingItem[],
  folds: number,
  settings: TrainSettings = DEFAULT_SETTINGS,
): CrossValidation {
  const probs: Float64Array[] = new Array<Float64Array>(items.length);
  const models: TrainedModel[] = [];
  for (let f = 0; f < folds; f++) {
    const model = train(
      items.filter((it) => foldOf(it.text, folds) !== f),
      settings,
    );
    models.push(model);
    const vocab = new Map(model.features.map((x, i) => [x, i]));
    items.forEach((it, i) => {
      if (foldOf(it.text, folds) === f) probs[i] = predict(model, it.text, vocab);
    });
  }
  return { probs, models };
}

/** CRISIS and CHECK thresholds of one label: a probability above `crisis` is CRISIS. */
export interface LabelThresholds {
  crisis: number;
  check: number;
}

/** Thresholds of the crisis kinds and of warning signs. */
export type RiskThresholds = Record<
  (typeof CRISIS_LABELS)[number] | 'warning_sign',
  LabelThresholds
>;

/** The threshold that at most a share `q` of `values` exceed. */
function quantileAbove(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  const m = Math.min(Math.floor(q * sorted.length), sorted.length - 1);
  return sorted[m];
}

/** Share of none-messages that any of these labels flags (probability above its threshold). */
function flaggedShare(
  noneProbs: readonly Float64Array[],
  labels: readonly RiskLabel[],
  at: (label: RiskLabel) => number,
): number {
  let flagged = 0;
  for (const p of noneProbs) if (labels.some((l) => p[RISK_LABELS.indexOf(l)] > at(l))) flagged++;
  return flagged / Math.max(noneProbs.length, 1);
}

/** False-alarm limits for {@link chooseThresholds}: shares of none-messages at each level. */
export interface AlarmLimits {
  /** Close non-crises at CRISIS. */
  crisis: number;
  /** Close non-crises at CHECK (above a CHECK threshold, below every CRISIS one). */
  check: number;
  /** Everyday messages (`ordinary`) at CRISIS: most turns are these, so the limit is lower. */
  everydayCrisis: number;
  /** Everyday messages at CHECK. */
  everydayCheck: number;
}

/** The limits the committed model's thresholds are chosen with. */
export const DEFAULT_LIMITS: AlarmLimits = {
  crisis: 0.03,
  // Half the CHECK allowance: the rules' own doubts and warning signs add their false alarms on
  // top of the classifier's, and the whole answer must stay within 10% (issue 12).
  check: 0.05,
  everydayCrisis: 0.01,
  everydayCheck: 0.025,
};

/**
 * Thresholds from out-of-fold probabilities. For the crisis kinds together: CRISIS thresholds
 * with at most `limits.crisis` of close none-messages (and `limits.everydayCrisis` of everyday
 * ones) above any of them, each kind allowed the same share of its own none-scores (the quantile q,
 * as large as the limits allow); CHECK thresholds likewise for the CHECK level. Warning signs get
 * their own pair by the same limits.
 */
export function chooseThresholds(
  items: readonly TrainingItem[],
  probs: readonly Float64Array[],
  limits: AlarmLimits = DEFAULT_LIMITS,
): RiskThresholds {
  const closeProbs = probs.filter((_, i) => items[i].label === 'none' && !items[i].ordinary);
  const everydayProbs = probs.filter((_, i) => items[i].label === 'none' && items[i].ordinary);
  const pick = (labels: readonly RiskLabel[]): Record<string, LabelThresholds> => {
    const scores = (l: RiskLabel) => closeProbs.map((p) => p[RISK_LABELS.indexOf(l)]);
    const at = (q: number) =>
      Object.fromEntries(labels.map((l) => [l, quantileAbove(scores(l), q)])) as Record<
        string,
        number
      >;
    const shares = (t: Record<string, number>) => [
      flaggedShare(closeProbs, labels, (l) => t[l]),
      flaggedShare(everydayProbs, labels, (l) => t[l]),
    ];
    let qCrisis = 0;
    for (let q = 0; q <= 0.5; q += 0.001) {
      const [close, everyday] = shares(at(q));
      if (close > limits.crisis || everyday > limits.everydayCrisis) break;
      qCrisis = q;
    }
    const crisis = at(qCrisis);
    const [closeCrisis, everydayCrisis] = shares(crisis);
    let qCheck = qCrisis;
    for (let q = qCrisis; q <= 0.9; q += 0.001) {
      const [close, everyday] = shares(at(q));
      if (close - closeCrisis > limits.check || everyday - everydayCrisis > limits.everydayCheck)
        break;
      qCheck = q;
    }
    const check = at(qCheck);
    return Object.fromEntries(
      labels.map((l) => [l, { crisis: crisis[l], check: Math.min(check[l], crisis[l]) }]),
    );
  };
  return {
    ...(pick(CRISIS_LABELS) as Record<(typeof CRISIS_LABELS)[number], LabelThresholds>),
    warning_sign: pick(['warning_sign']).warning_sign,
  };
}
