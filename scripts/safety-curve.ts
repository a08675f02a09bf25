/**
 * `npm run safety:curve`: the safety classifier's learning curve. Models are trained (with
 * thresholds chosen by cross-validation, as `npm run train:safety` does) on growing shares of the
 * training data, and each is measured, the classifier alone, on the blind and sealed evaluation
 * batches (`tests/fixtures/safety-blind-*.json`, `safety-sealed-*.json`), which no model is trained
 * on. It says whether more training messages would still move the figures, and by how much.
 * Takes a few minutes (six trainings per point).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyRisk, parseRiskModel } from '../src/coach/safety/classifier';
import { hashString } from '../src/coach/rng';
import {
  chooseThresholds,
  crossValidate,
  train,
  DEFAULT_SETTINGS,
} from '../src/coach/safety/train';
import { loadTrainingItems, modelFileText } from './train-safety';

const FIXTURES = path.join(__dirname, '..', 'tests', 'fixtures');
const SHARES = [0.25, 0.5, 0.75, 1];

function evaluationItems(): { text: string; label: string }[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => /^safety-(?:blind|sealed)-\d+\.json$/.test(f))
    .flatMap(
      (f) =>
        JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as {
          text: string;
          label: string;
        }[],
    );
}

function main(): void {
  const all = loadTrainingItems();
  const test = evaluationItems();
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  console.log(
    `training messages: ${all.length}; evaluation messages (never trained on): ${test.length}`,
  );
  for (const share of SHARES) {
    // A fixed, hash-chosen subset, so a point is the same on every run.
    const items = all.filter((it) => (hashString(`curve:${it.text}`) % 1000) / 1000 < share);
    const cv = crossValidate(items, 5, DEFAULT_SETTINGS);
    const thresholds = chooseThresholds(items, cv.probs);
    const model = parseRiskModel(JSON.parse(modelFileText(train(items), thresholds, {})), 'curve');
    let crises = 0,
      caught = 0,
      crisis = 0,
      none = 0,
      falseCrisis = 0,
      falseCheck = 0,
      warn = 0,
      warned = 0;
    for (const it of test) {
      const v = classifyRisk(it.text, [], model);
      if (it.label === 'none') {
        none++;
        if (v.level === 'CRISIS') falseCrisis++;
        if (v.level === 'CHECK') falseCheck++;
      } else if (it.label === 'warning_sign') {
        warn++;
        if (v.kind === 'warning_sign') warned++;
      } else {
        crises++;
        if (v.kind !== null && v.kind !== 'warning_sign') {
          caught++;
          if (v.level === 'CRISIS') crisis++;
        }
      }
    }
    console.log(
      `${items.length} messages: crises CRISIS or CHECK ${pct(caught, crises)}, CRISIS ${pct(crisis, crises)}; ` +
        `close non-crises CRISIS ${pct(falseCrisis, none)}, CHECK ${pct(falseCheck, none)}; warning signs read ${pct(warned, warn)}`,
    );
  }
}

main();
