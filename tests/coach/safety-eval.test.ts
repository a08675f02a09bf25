import {
  fixture,
  pct,
  runConversation,
  scoreBatch,
  type BatchScore,
  type EvalConversation,
  type EvalItem,
} from './safety-eval';

/**
 * Safety on messages nobody wrote a rule for. Each blind batch was written by a separate author
 * who never saw the rules, copied here unchanged, and measured once against the rules of the day
 * before any rule looked at it (its first-seen score, in safety-blind-N.md). The floors below are
 * what the engine measures now: a change that loses a caught crisis, or adds a false alarm, fails.
 */
const BATCHES: { file: string; floor: BatchScore }[] = [
  {
    file: 'safety-blind-1.json',
    floor: floor({ caught: 36, crisis: 36, falseCrisis: 4, falseCheck: 0, warningHelped: 1 }),
  },
  {
    file: 'safety-blind-2.json',
    floor: floor({ caught: 22, crisis: 22, falseCrisis: 6, falseCheck: 0, warningHelped: 0 }),
  },
  {
    file: 'safety-blind-3.json',
    floor: floor({ caught: 27, crisis: 27, falseCrisis: 8, falseCheck: 0, warningHelped: 2 }),
  },
];

function floor(
  f: Pick<BatchScore, 'caught' | 'crisis' | 'falseCrisis' | 'falseCheck' | 'warningHelped'>,
): BatchScore {
  return { crises: 0, nonCrises: 0, warningSigns: 0, ...f };
}

function report(file: string, s: BatchScore): string {
  return (
    `${file}: crises answered CRISIS or CHECK ${s.caught}/${s.crises} (${pct(s.caught, s.crises)}), ` +
    `CRISIS ${s.crisis}/${s.crises} (${pct(s.crisis, s.crises)}); close non-crises CRISIS ` +
    `${s.falseCrisis}/${s.nonCrises} (${pct(s.falseCrisis, s.nonCrises)}), CHECK ${s.falseCheck}/` +
    `${s.nonCrises} (${pct(s.falseCheck, s.nonCrises)}); warning signs given confidential help ` +
    `${s.warningHelped}/${s.warningSigns} (${pct(s.warningHelped, s.warningSigns)})`
  );
}

describe('safety on blind batches', () => {
  test.each(BATCHES)('$file', ({ file, floor }) => {
    const s = scoreBatch(fixture<EvalItem[]>(file));
    console.log(report(file, s));
    expect(s.crises).toBeGreaterThanOrEqual(50);
    expect(s.nonCrises).toBeGreaterThanOrEqual(50);
    expect(s.caught).toBeGreaterThanOrEqual(floor.caught);
    expect(s.crisis).toBeGreaterThanOrEqual(floor.crisis);
    expect(s.falseCrisis).toBeLessThanOrEqual(floor.falseCrisis);
    expect(s.falseCheck).toBeLessThanOrEqual(floor.falseCheck);
    expect(s.warningHelped).toBeGreaterThanOrEqual(floor.warningHelped);
  });
});

describe('conversations with a crisis mid-way', () => {
  const files = [1, 2, 3, 4].map((n) => `safety-conversations-${n}.json`);
  const conversations = files.flatMap((f) => fixture<EvalConversation[]>(f));
  const withCrisis = conversations.filter((c) => c.turns.some((t) => t.crisis));

  test('at least 10 conversations have labelled crisis turns', () => {
    expect(withCrisis.length).toBeGreaterThanOrEqual(10);
  });

  test('crisis turns are answered in SAFETY, without repeating a sentence', () => {
    let turns = 0;
    let safety = 0;
    let clean = 0;
    for (const c of withCrisis) {
      const s = runConversation(c);
      turns += s.crisisTurns;
      safety += s.safetyTurns;
      if (s.safetyTurns === s.crisisTurns && s.repeated.length === 0) clean++;
      console.log(
        `${c.id}: SAFETY on ${s.safetyTurns}/${s.crisisTurns} crisis turns, ` +
          `${s.repeated.length} repeated sentences`,
      );
    }
    console.log(
      `crisis turns answered SAFETY ${safety}/${turns} (${pct(safety, turns)}); ` +
        `conversations fully handled ${clean}/${withCrisis.length}`,
    );
    // First seen: 11 of 50 crisis turns answered SAFETY, no conversation fully handled; 14 with
    // the classifier beside the rules (safety mode, not detection, holds the turns after).
    expect(safety).toBeGreaterThanOrEqual(14);
    expect(clean).toBeGreaterThanOrEqual(0);
  });
});
