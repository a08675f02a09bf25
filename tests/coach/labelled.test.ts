import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  detect,
  detectCrisis,
  type CrisisKind,
  type EmotionId,
  type TopicId,
} from '../../src/coach';

/**
 * Hand-written example messages, worded the way people write, each with the expected topics
 * (main one first), emotions and crisis kind.
 *
 * - labelled-dev-set.json: the development set. The lexicons were grown while looking at its
 *   misses, so its rates are optimistic.
 * - labelled-holdout-1-after-dev-set.json: written afterwards and not tuned on for topics and emotions (19 of its
 *   49 lines were glimpsed during the generalisation pass and nothing was derived from them).
 * - labelled-holdout-2-before-generalisation.json: 121 messages across all 24 topics (slang, typos, rambling, very short),
 *   written before the generalisation pass and measured on the old detector (top 2 0.835, emotion
 *   0.603). That pass then looked at its misses, so its rates are optimistic too now.
 * - labelled-holdout-3-after-generalisation.json: 52 messages written after that pass and never tuned on: the honest
 *   estimate of how the detector does on unseen wording (old detector: top 2 0.635, emotion 0.423).
 */
interface Labelled {
  text: string;
  topics: TopicId[];
  emotions: EmotionId[];
  crisis: CrisisKind | null;
}

function load(name: string): Labelled[] {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8'));
}

interface Report {
  items: number;
  topicMainInTop2: number;
  topicMainFirst: number;
  emotionOverlap: number;
  emotionOverlapExplicitOnly: number;
  crisisPrecision: number;
  crisisRecall: number;
  crisisKindAccuracy: number;
  crisisFalsePositives: number;
}

function evaluate(name: string, items: readonly Labelled[]): Report {
  const topicItems = items.filter((i) => i.crisis === null && i.topics.length > 0);
  const emotionItems = items.filter((i) => i.crisis === null && i.emotions.length > 0);
  const misses: string[] = [];
  let top2 = 0;
  let top1 = 0;
  for (const item of topicItems) {
    const d = detect(item.text);
    if (d.topics.slice(0, 2).includes(item.topics[0])) top2++;
    else misses.push(`topic   ${item.topics[0]} not in [${d.topics.join(', ')}]: ${item.text}`);
    if (d.topics[0] === item.topics[0]) top1++;
  }
  let emo = 0;
  let emoExplicit = 0;
  for (const item of emotionItems) {
    const d = detect(item.text);
    const hit = item.emotions.some((e) => d.emotions.includes(e));
    if (hit) emo++;
    else
      misses.push(
        `emotion [${item.emotions.join(', ')}] vs [${d.emotions.join(', ')}]: ${item.text}`,
      );
    if (hit && !d.emotionsInferred) emoExplicit++;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindRight = 0;
  for (const item of items) {
    const got = detectCrisis(item.text);
    if (item.crisis && got) {
      tp++;
      if (got === item.crisis) kindRight++;
    } else if (item.crisis) {
      fn++;
      misses.push(`crisis  missed ${item.crisis}: ${item.text}`);
    } else if (got) {
      fp++;
      misses.push(`crisis  false ${got}: ${item.text}`);
    }
  }
  const rate = (n: number, d: number) => (d === 0 ? 1 : n / d);
  const report: Report = {
    items: items.length,
    topicMainInTop2: rate(top2, topicItems.length),
    topicMainFirst: rate(top1, topicItems.length),
    emotionOverlap: rate(emo, emotionItems.length),
    emotionOverlapExplicitOnly: rate(emoExplicit, emotionItems.length),
    crisisPrecision: rate(tp, tp + fp),
    crisisRecall: rate(tp, tp + fn),
    crisisKindAccuracy: rate(kindRight, tp),
    crisisFalsePositives: fp,
  };
  // Printed so a run shows where the detector stands, not only whether it passed.
  console.log(
    `${name}:\n` +
      Object.entries(report)
        .map(([k, v]) => `  ${k}: ${Number.isInteger(v) ? v : v.toFixed(3)}`)
        .join('\n') +
      (misses.length ? `\n  misses:\n    ${misses.join('\n    ')}` : ''),
  );
  return report;
}

describe('labelled messages', () => {
  const dev = load('labelled-dev-set.json');
  const holdout = load('labelled-holdout-1-after-dev-set.json');
  const holdout2 = load('labelled-holdout-2-before-generalisation.json');
  const holdout3 = load('labelled-holdout-3-after-generalisation.json');
  const mainTopics = (items: readonly Labelled[]) =>
    items.filter((i) => i.topics.length > 0).map((i) => i.topics[0]);

  test('there are enough of them, varied across all topics', () => {
    expect(dev.length).toBeGreaterThanOrEqual(80);
    expect(new Set(mainTopics(dev)).size).toBe(24);
    expect(new Set(mainTopics(holdout)).size).toBe(24);
    expect(holdout2.length).toBeGreaterThanOrEqual(80);
    expect(holdout3.length).toBeGreaterThanOrEqual(40);
    // At least 3 (holdout 2) and 2 (holdout 3) messages for every topic, no crisis among them.
    for (const [items, least] of [
      [holdout2, 3],
      [holdout3, 2],
    ] as const) {
      const counts = new Map<string, number>();
      for (const t of mainTopics(items)) counts.set(t, (counts.get(t) ?? 0) + 1);
      expect(counts.size).toBe(24);
      expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(least);
      expect(items.every((i) => i.crisis === null)).toBe(true);
    }
  });

  test('development set: hit rates and floors', () => {
    const r = evaluate('labelled-dev-set.json (development set)', dev);
    expect(r.topicMainInTop2).toBeGreaterThanOrEqual(0.95);
    expect(r.emotionOverlap).toBeGreaterThanOrEqual(0.85);
    expect(r.crisisRecall).toBe(1);
    expect(r.crisisFalsePositives).toBe(0);
    expect(r.crisisKindAccuracy).toBe(1);
  });

  test('holdout set: hit rates and floors', () => {
    const r = evaluate(
      'labelled-holdout-1-after-dev-set.json (not tuned on for topics/emotions)',
      holdout,
    );
    // Floors just under the measured rates: they catch regressions, they do not flatter.
    expect(r.topicMainInTop2).toBeGreaterThanOrEqual(0.575);
    expect(r.emotionOverlap).toBeGreaterThanOrEqual(0.53);
    expect(r.crisisRecall).toBe(1);
    expect(r.crisisFalsePositives).toBe(0);
  });

  // Topics and emotions only: these sets hold no crisis messages, and the safety check has its own
  // sets and floors (its false alarms here are printed, not asserted).
  test('holdout set 2 (its misses were looked at): hit rates and floors', () => {
    const r = evaluate(
      'labelled-holdout-2-before-generalisation.json (looked at during the generalisation pass)',
      holdout2,
    );
    expect(r.topicMainInTop2).toBeGreaterThanOrEqual(0.95);
    expect(r.emotionOverlap).toBeGreaterThanOrEqual(0.87);
  });

  test('holdout set 3 (never tuned on): hit rates and floors', () => {
    const r = evaluate('labelled-holdout-3-after-generalisation.json (never tuned on)', holdout3);
    expect(r.topicMainInTop2).toBeGreaterThanOrEqual(0.75);
    expect(r.emotionOverlap).toBeGreaterThanOrEqual(0.48);
  });
});
