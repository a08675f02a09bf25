/**
 * `npm run train:safety`: trains the safety classifier (src/coach/safety/classifier.ts) from the
 * committed training data and writes `src/coach/safety/model/risk-model.json`.
 *
 * Training data: the blind-written corpus `tests/fixtures/safety-training/train-*.json`, the
 * older crisis sets the rules were tuned on (`tests/fixtures/crisis-*.json`) and the ordinary
 * messages labelled for topic detection (`tests/fixtures/labelled-*.json`, each with its crisis
 * kind or null), which show the classifier what everyday messages look like, and hard non-crises
 * written for it (`tests/fixtures/safety-training-extra/`: everyday wordings that share words with
 * crises, "my own life", "ready to", "ended it", "gave away"). Never the evaluation
 * batches (`safety-blind-*`, `safety-conversations-*`): nothing here reads them.
 *
 * Thresholds come from 5-fold cross-validation on the training data: out-of-fold probabilities,
 * at most 3% of none-messages CRISIS and 10% CHECK. The script prints the cross-validated figures
 * of the whole classifier (vetoes included) and records them in the model file, with a digest of
 * the data and what the final model makes of the training data, which the tests check.
 * `--check` trains and compares with the committed file instead of writing it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  MODEL_FILE,
  classifyRisk,
  parseRiskModel,
  type RiskLevel,
} from '../src/coach/safety/classifier';
import {
  CRISIS_LABELS,
  DEFAULT_SETTINGS,
  RISK_LABELS,
  chooseThresholds,
  DEFAULT_LIMITS,
  crossValidate,
  foldOf,
  train,
  type RiskLabel,
  type RiskThresholds,
  type TrainedModel,
  type TrainingItem,
} from '../src/coach/safety/train';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const CORPUS = path.join(FIXTURES, 'safety-training');
const EXTRA = path.join(FIXTURES, 'safety-training-extra');
/** Ordinary turns of coaching conversations (greetings, short replies, plans), all `none`. */
const ORDINARY = path.join(FIXTURES, 'safety-training-ordinary');
/**
 * Coaching conversations written for the conversation issue, whose calm turns (every user turn
 * before any crisis, warning signs left out) are ordinary messages in context: a person talking
 * about the partner who does no housework is not showing a warning sign. Only the development
 * sets: conversations-4 and later are held out, and measure what this teaches.
 */
const CONVERSATIONS = ['conversations-1.json', 'conversations-2.json', 'conversations-3.json'].map(
  (f) => path.join(FIXTURES, 'conversations', f),
);
/** Where the model is written. */
export const MODEL_PATH = path.join(ROOT, 'src', 'coach', 'safety', 'model', MODEL_FILE);
const FOLDS = 5;
/**
 * Settings: the committed ones, or (for experiments, never for the committed model) a JSON
 * object in SAFETY_TRAIN_SETTINGS overriding some of them.
 */
const SETTINGS = process.env.SAFETY_TRAIN_SETTINGS
  ? { ...DEFAULT_SETTINGS, ...(JSON.parse(process.env.SAFETY_TRAIN_SETTINGS) as object) }
  : DEFAULT_SETTINGS;
/** False-alarm limits: the committed ones, or (experiments only) SAFETY_TRAIN_LIMITS overrides. */
const LIMITS = process.env.SAFETY_TRAIN_LIMITS
  ? { ...DEFAULT_LIMITS, ...(JSON.parse(process.env.SAFETY_TRAIN_LIMITS) as object) }
  : DEFAULT_LIMITS;

/** The training files, in a fixed order: the corpus first, then the older labelled sets. */
export function trainingFiles(): string[] {
  const corpus = fs
    .readdirSync(CORPUS)
    .filter((f) => /^train-\d+\.json$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
    .map((f) => path.join(CORPUS, f));
  const older = fs
    .readdirSync(FIXTURES)
    .filter((f) => /^(?:crisis|labelled)-[a-z0-9-]+\.json$/.test(f))
    .sort()
    .map((f) => path.join(FIXTURES, f));
  const extra = fs
    .readdirSync(EXTRA)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(EXTRA, f));
  const ordinary = fs.existsSync(ORDINARY)
    ? fs
        .readdirSync(ORDINARY)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(ORDINARY, f))
    : [];
  return [...corpus, ...extra, ...older, ...ordinary];
}

/** The calm turns of the development conversations (see {@link CONVERSATIONS}). */
function conversationTurns(): TrainingItem[] {
  return CONVERSATIONS.flatMap((file) =>
    (
      JSON.parse(fs.readFileSync(file, 'utf8')) as {
        turns: { user: string; crisis: boolean; warning_sign: boolean }[];
      }[]
    ).flatMap((c) => {
      const firstCrisis = c.turns.findIndex((t) => t.crisis);
      const calm = firstCrisis < 0 ? c.turns : c.turns.slice(0, firstCrisis);
      return calm
        .filter((t) => !t.warning_sign)
        .map((t): TrainingItem => ({ text: t.user, label: 'none', ordinary: true }));
    }),
  );
}

/** Every training message once (the first label wins when a text repeats). */
export function loadTrainingItems(): TrainingItem[] {
  const items: TrainingItem[] = [];
  const seen = new Set<string>();
  for (const file of trainingFiles()) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      text: string;
      label?: string;
      crisis?: string | null;
    }[];
    for (const it of raw) {
      const label = (it.label ?? it.crisis ?? 'none') as RiskLabel;
      if (!RISK_LABELS.includes(label))
        throw new Error(`${path.relative(ROOT, file)}: unknown label "${label}"`);
      if (seen.has(it.text)) continue;
      seen.add(it.text);
      items.push(
        path.basename(file).startsWith('labelled-') || path.dirname(file) === ORDINARY
          ? { text: it.text, label, ordinary: true }
          : { text: it.text, label },
      );
    }
  }
  for (const it of conversationTurns()) {
    if (seen.has(it.text)) continue;
    seen.add(it.text);
    items.push(it);
  }
  return items;
}

/** Digest of the training data, so a model made from other data is recognised. */
export function dataDigest(items: readonly TrainingItem[]): string {
  const h = createHash('sha256');
  for (const it of items) h.update(`${it.label}\t${it.text}\n`);
  return h.digest('hex');
}

/**
 * Levels per true label: how many messages of each label got NONE, CHECK and CRISIS; `none` are
 * the close non-crises, `ordinary` the everyday ones.
 */
export type LevelCounts = Record<RiskLabel | 'ordinary', Record<RiskLevel, number>>;

/** A verdict as counted: its kind and level. */
type Counted = { level: RiskLevel; kind: string | null };

/**
 * Counts levels by the items' labels. `channel` "crisis" counts crisis-kind verdicts (a
 * warning-sign verdict is NONE there); "warning" counts warning-sign verdicts only.
 */
export function countLevels(
  items: readonly TrainingItem[],
  verdicts: readonly Counted[],
  channel: 'crisis' | 'warning' = 'crisis',
): LevelCounts {
  const out = Object.fromEntries(
    [...RISK_LABELS, 'ordinary'].map((l) => [l, { NONE: 0, CHECK: 0, CRISIS: 0 }]),
  ) as LevelCounts;
  items.forEach((it, i) => {
    const v = verdicts[i];
    const counted = v.kind !== null && (channel === 'warning') === (v.kind === 'warning_sign');
    const row = it.ordinary && it.label === 'none' ? out.ordinary : out[it.label];
    row[counted ? v.level : 'NONE']++;
  });
  return out;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The model file's content (rows rounded to 4 decimals, one line per feature). */
export function modelFileText(
  model: TrainedModel,
  thresholds: RiskThresholds,
  training: Record<string, unknown>,
): string {
  const k = RISK_LABELS.length;
  const rows: string[] = [];
  model.features.forEach((f, i) => {
    const w = Array.from(model.weights.subarray(i * k, (i + 1) * k), (x) => round(x, 4));
    // Features whose weights all round to 0 change nothing: leave them out.
    if (w.some((x) => x !== 0)) rows.push(JSON.stringify([f, ...w]));
  });
  const head = {
    labels: RISK_LABELS,
    bias: Array.from(model.bias, (x) => round(x, 6)),
    thresholds: Object.fromEntries(
      Object.entries(thresholds).map(([l, t]) => [
        l,
        { crisis: round(t.crisis, 6), check: round(t.check, 6) },
      ]),
    ),
    training,
  };
  const headText = JSON.stringify(head, null, 2);
  return `${headText.slice(0, -2)},\n  "rows": [\n    ${rows.join(',\n    ')}\n  ]\n}\n`;
}

/** Share as "x/y (z%)". */
export function share(x: number, y: number): string {
  return `${x}/${y} (${y ? ((100 * x) / y).toFixed(1) : '0.0'}%)`;
}

/** Printable lines of figures: crisis-kind verdicts, and warning-sign verdicts. */
export function figureLines(c: LevelCounts, w: LevelCounts): string[] {
  const sum = (r: Record<RiskLevel, number>) => r.NONE + r.CHECK + r.CRISIS;
  const crises = CRISIS_LABELS.map((l) => c[l]);
  const n = crises.reduce((s, r) => s + sum(r), 0);
  const caught = crises.reduce((s, r) => s + r.CHECK + r.CRISIS, 0);
  const crisis = crises.reduce((s, r) => s + r.CRISIS, 0);
  const lines = [`crises CRISIS or CHECK ${share(caught, n)}, CRISIS ${share(crisis, n)}`];
  for (const l of CRISIS_LABELS) {
    const r = c[l];
    lines.push(
      `  ${l}: CRISIS or CHECK ${share(r.CHECK + r.CRISIS, sum(r))}, CRISIS ${share(r.CRISIS, sum(r))}`,
    );
  }
  lines.push(
    `close non-crises: CRISIS ${share(c.none.CRISIS, sum(c.none))}, CHECK ${share(c.none.CHECK, sum(c.none))}; ` +
      `everyday messages: CRISIS ${share(c.ordinary.CRISIS, sum(c.ordinary))}, CHECK ${share(c.ordinary.CHECK, sum(c.ordinary))}`,
  );
  const ws = c.warning_sign;
  const wws = w.warning_sign;
  lines.push(
    `warning signs: as a warning sign ${share(wws.CHECK + wws.CRISIS, sum(wws))} (clear ${wws.CRISIS}), ` +
      `as a crisis kind ${share(ws.CHECK + ws.CRISIS, sum(ws))}; ` +
      `none-messages read as a warning sign ${share(w.none.CHECK + w.none.CRISIS, sum(w.none))} (clear ${w.none.CRISIS})`,
  );
  return lines;
}

/** Trains, cross-validates and returns the model file's text with the printable report. */
export function buildModel(log: (line: string) => void = () => {}): string {
  const items = loadTrainingItems();
  log(`training messages: ${items.length} (${trainingFiles().length} files)`);
  const cv = crossValidate(items, FOLDS, SETTINGS);
  const thresholds = chooseThresholds(items, cv.probs, LIMITS);
  // The whole classifier (thresholds, vetoes) cross-validated: each message through its fold's model.
  const foldModels = cv.models.map((m) =>
    parseRiskModel(JSON.parse(modelFileText(m, thresholds, {})), 'fold'),
  );
  const cvVerdicts = items.map((it) =>
    classifyRisk(it.text, [], foldModels[foldOf(it.text, FOLDS)]),
  );
  const cvCounts = countLevels(items, cvVerdicts);
  const cvWarning = countLevels(items, cvVerdicts, 'warning');
  const cvRaw = items.map((it) =>
    classifyRisk(it.text, [], foldModels[foldOf(it.text, FOLDS)], { vetoes: false }),
  );
  log('cross-validated (5 folds, thresholds from out-of-fold scores), without the vetoes:');
  for (const line of figureLines(countLevels(items, cvRaw), countLevels(items, cvRaw, 'warning')))
    log(`  ${line}`);
  log('cross-validated, with the vetoes (what runs):');
  for (const line of figureLines(cvCounts, cvWarning)) log(`  ${line}`);
  const final = train(items, SETTINGS);
  const draft = modelFileText(final, thresholds, {});
  const finalModel = parseRiskModel(JSON.parse(draft), MODEL_FILE);
  const trainVerdicts = items.map((it) => classifyRisk(it.text, [], finalModel));
  const trainCounts = countLevels(items, trainVerdicts);
  const trainWarning = countLevels(items, trainVerdicts, 'warning');
  log('final model on its own training data (not a measure of generalisation):');
  for (const line of figureLines(trainCounts, trainWarning)) log(`  ${line}`);
  return modelFileText(final, thresholds, {
    messages: items.length,
    files: trainingFiles().map((f) => path.relative(ROOT, f)),
    dataSha256: dataDigest(items),
    settings: SETTINGS,
    folds: FOLDS,
    crossValidated: { crisis: cvCounts, warning: cvWarning },
    onTrainingData: { crisis: trainCounts, warning: trainWarning },
  });
}

function main(): void {
  const started = Date.now();
  const text = buildModel((line) => console.log(line));
  if (process.argv.includes('--check')) {
    const same = fs.readFileSync(MODEL_PATH, 'utf8') === text;
    console.log(
      same ? 'committed model is up to date' : 'committed model differs: run npm run train:safety',
    );
    if (!same) process.exitCode = 1;
  } else {
    const at = process.argv.indexOf('--out');
    const out = at > 0 ? path.resolve(process.argv[at + 1]) : MODEL_PATH;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    console.log(`wrote ${path.relative(ROOT, out)} (${(text.length / 1024).toFixed(0)} KB)`);
  }
  console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) main();
