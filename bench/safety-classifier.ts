/**
 * 8. The safety classifier alone (src/coach/safety/classifier.ts): per-message cost of
 * `classifyRisk`, without context and with two previous messages as context (three windows
 * scored), over the bench corpus's varied messages. Target: well under 1 ms per message, since it
 * runs on the event loop inside every turn. Same-run baseline: the rules' detectCrisis.
 */
import { detectCrisisByRules } from '../src/coach/safety';
import { classifyRisk } from '../src/coach/safety/classifier';
import { message, prng } from './lib/corpus';
import { median, ms, quantile } from './lib/stats';
import type { Benchmark } from './lib/types';

const MESSAGES = 5000;
const TARGET_MS = 1;

const PASSES = 3;

/** One pass: wall time of each call, in ms. */
function pass(texts: readonly string[], run: (text: string, i: number) => unknown): number[] {
  const out: number[] = [];
  texts.forEach((t, i) => {
    const start = process.hrtime.bigint();
    run(t, i);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  });
  return out;
}

/**
 * The pass with the lowest p99 of {@link PASSES}: on a machine shared with other work, a pass's
 * tail is mostly the process being descheduled, which the quietest pass shows least.
 */
function time(texts: readonly string[], run: (text: string, i: number) => unknown): number[] {
  let best: number[] | null = null;
  for (let p = 0; p < PASSES; p++) {
    const t = pass(texts, run);
    if (!best || quantile(t, 0.99) < quantile(best, 0.99)) best = t;
  }
  return best!;
}

/** CPU time of the process per call, in ms, over one pass (not affected by waiting for a core). */
function cpuPerCall(texts: readonly string[], run: (text: string, i: number) => unknown): number {
  const start = process.cpuUsage();
  texts.forEach((t, i) => run(t, i));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / texts.length;
}

export const benchmark: Benchmark = {
  name: 'safety-classifier',
  title: 'safety classifier per message',
  async run() {
    await Promise.resolve();
    const random = prng(12_345);
    const texts = Array.from({ length: MESSAGES }, () => message(random));
    // Warm-up: the model loads and the JIT settles before anything is timed.
    pass(texts.slice(0, 500), (t) => classifyRisk(t));
    const alone = time(texts, (t) => classifyRisk(t));
    const withContext = time(texts, (t, i) =>
      classifyRisk(t, [texts[(i + 1) % texts.length], texts[(i + 2) % texts.length]]),
    );
    const rules = time(texts, (t) => detectCrisisByRules(t));
    const cpuAlone = cpuPerCall(texts, (t) => classifyRisk(t));
    const row = (figure: string, values: number[]) => ({
      figure,
      measured: `median ${ms(median(values), 3)}, p99 ${ms(quantile(values, 0.99), 3)}`,
      target: `p99 < ${ms(TARGET_MS, 0)}`,
      met: quantile(values, 0.99) < TARGET_MS,
      ratio: `${(median(values) / median(rules)).toFixed(2)}x the rules (median ${ms(median(rules), 3)})`,
    });
    return {
      rows: [
        row('classifyRisk, message alone', alone),
        row('classifyRisk, with 2 previous messages', withContext),
      ],
      notes: [
        `CPU per message, alone: ${ms(cpuAlone, 3)} (process.cpuUsage over ${MESSAGES} messages); ` +
          `wall figures from the quietest of ${PASSES} passes`,
      ],
      raw: {
        cpuAloneMs: cpuAlone,
        messages: MESSAGES,
        aloneMedianMs: median(alone),
        aloneP99Ms: quantile(alone, 0.99),
        contextMedianMs: median(withContext),
        contextP99Ms: quantile(withContext, 0.99),
        rulesMedianMs: median(rules),
      },
    };
  },
};
