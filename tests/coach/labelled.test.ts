import * as fs from 'node:fs';
import * as path from 'node:path';
import { detect, detectCrisis, type CrisisKind, type EmotionId, type TopicId } from '../../src/coach';

/**
 * Hand-written example messages (tests/fixtures/labelled-messages.json), worded the way people
 * write, not copied from the lexicons. Each has the expected topics (main one first), emotions
 * and crisis kind. The test prints hit rates and holds floors.
 */
interface Labelled {
  text: string;
  topics: TopicId[];
  emotions: EmotionId[];
  crisis: CrisisKind | null;
}

const ITEMS: Labelled[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'labelled-messages.json'), 'utf8'),
);

describe('labelled messages', () => {
  test('there are enough of them, varied across topics', () => {
    expect(ITEMS.length).toBeGreaterThanOrEqual(80);
    const mains = new Set(ITEMS.filter((i) => i.topics.length > 0).map((i) => i.topics[0]));
    expect(mains.size).toBe(24);
  });

  test('hit rates', () => {
    const topicItems = ITEMS.filter((i) => i.crisis === null && i.topics.length > 0);
    const noTopicItems = ITEMS.filter((i) => i.crisis === null && i.topics.length === 0);
    const emotionItems = ITEMS.filter((i) => i.crisis === null && i.emotions.length > 0);
    const misses: string[] = [];

    let topicTop2 = 0;
    let topicTop1 = 0;
    for (const item of topicItems) {
      const d = detect(item.text);
      if (d.topics.slice(0, 2).includes(item.topics[0])) topicTop2++;
      else misses.push(`topic   ${item.topics[0]} not in [${d.topics.join(', ')}]: ${item.text}`);
      if (d.topics[0] === item.topics[0]) topicTop1++;
    }
    let quiet = 0;
    for (const item of noTopicItems) if (detect(item.text).topics.length === 0) quiet++;

    let emotionHit = 0;
    for (const item of emotionItems) {
      const got = detect(item.text).emotions;
      if (item.emotions.some((e) => got.includes(e))) emotionHit++;
      else misses.push(`emotion [${item.emotions.join(', ')}] vs [${got.join(', ')}]: ${item.text}`);
    }

    let tp = 0;
    let fp = 0;
    let fn = 0;
    let kindRight = 0;
    for (const item of ITEMS) {
      const got = detectCrisis(item.text);
      if (item.crisis && got) {
        tp++;
        if (got === item.crisis) kindRight++;
      } else if (item.crisis && !got) {
        fn++;
        misses.push(`crisis  missed ${item.crisis}: ${item.text}`);
      } else if (!item.crisis && got) {
        fp++;
        misses.push(`crisis  false ${got}: ${item.text}`);
      }
    }

    const rate = (n: number, d: number) => (d === 0 ? 1 : n / d);
    const report = {
      topicMainInTop2: rate(topicTop2, topicItems.length),
      topicMainFirst: rate(topicTop1, topicItems.length),
      noTopicWhenNoneExpected: rate(quiet, noTopicItems.length),
      emotionOverlap: rate(emotionHit, emotionItems.length),
      crisisPrecision: rate(tp, tp + fp),
      crisisRecall: rate(tp, tp + fn),
      crisisKindAccuracy: rate(kindRight, tp),
      crisisFalsePositives: fp,
    };
    // Printed so a run shows where the detector stands, not only whether it passed.
    console.log(
      `labelled messages (${ITEMS.length}):\n` +
        Object.entries(report).map(([k, v]) => `  ${k}: ${Number.isInteger(v) ? v : (v as number).toFixed(3)}`).join('\n') +
        (misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );

    expect(report.topicMainInTop2).toBeGreaterThanOrEqual(0.8);
    expect(report.emotionOverlap).toBeGreaterThanOrEqual(0.7);
    expect(report.crisisRecall).toBe(1);
    expect(report.crisisFalsePositives).toBe(0);
    expect(report.crisisKindAccuracy).toBe(1);
  });
});
