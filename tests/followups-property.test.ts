import fc from 'fast-check';
import { historyArb, simulate, views, violations, ZONES } from './support/checkin-model';

/*
 * Property tests of the check-in schedule (issue 17) over every IANA zone Node knows, random
 * check-in times, edits and tick gaps from under a minute to days, with a manual clock: never two
 * check-ins per local day, no whole day skipped, and first check-ins at least an hour out. The
 * database path is checked against the same model in followups-property-db.test.ts.
 *
 * Seeded: the same seed runs every time (set CHECKIN_PROPERTY_SEED to explore others); a failure
 * prints the seed and the shrunk history.
 */

const SEED = Number(process.env.CHECKIN_PROPERTY_SEED ?? 17_2026);

/** Runs a property, naming the seed and path to replay it on failure. */
function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  const details = fc.check(fc.property(arb, predicate), { seed: SEED, numRuns });
  if (details.failed)
    throw new Error(
      `property failed with CHECKIN_PROPERTY_SEED=${SEED} (fast-check path ${details.counterexamplePath}):\n` +
        fc.defaultReportMessage(details) +
        `\n${String(details.errorInstance)}`,
    );
}

describe('the check-in schedule, over random zones, times, edits and tick gaps', () => {
  it('knows a few hundred zones to draw from', () => {
    expect(ZONES.length).toBeGreaterThan(300);
    // ICU spells some zones the old way (America/Godthab is Nuuk); the service stores that spelling.
    expect(ZONES).toEqual(expect.arrayContaining(['America/Godthab', 'Asia/Katmandu']));
  });

  it('never two per local day, no whole day skipped, first check-ins an hour out', () => {
    check(
      historyArb({ sessions: 2, maxSteps: 80 }),
      (history) => {
        const problems = violations(simulate(history), views(history));
        if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
      },
      250,
    );
  });

  it('holds in the zones whose clocks jump at midnight or by odd amounts', () => {
    const edgy = fc.constantFrom(
      'America/Nuuk',
      'America/Godthab',
      'America/Havana',
      'America/Santiago',
      'America/Asuncion',
      'Asia/Beirut',
      'Africa/Cairo',
      'Asia/Gaza',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Kathmandu',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'America/New_York',
      'Europe/Paris',
    );
    check(
      historyArb({ sessions: 2, maxSteps: 80, zones: edgy }),
      (history) => {
        const problems = violations(simulate(history), views(history));
        if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
      },
      150,
    );
  });

  it('serves every day when the timer keeps running (ticks a few minutes apart)', () => {
    // About ten days of ticks one to ten minutes apart, one session in the zone drawn: every day is served.
    check(
      fc.record({
        zone: fc.constantFrom(...ZONES),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        startMs: fc.integer({
          min: Date.parse('2026-01-01T00:00:00Z'),
          max: Date.parse('2029-12-01T00:00:00Z'),
        }),
        gaps: fc.array(fc.integer({ min: 60_000, max: 600_000 }), {
          minLength: 2500,
          maxLength: 2500,
        }),
      }),
      ({ zone, hour, minute, startMs, gaps }) => {
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const steps = gaps.map((gapMs) => ({ gapMs, kind: 'tick' as const }));
        const history = { startMs, sessions: [{ zone, time }], steps };
        const written = simulate(history);
        const problems = violations(written, views(history));
        if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
        // One per day of the span: the first and last days may or may not have reached their time.
        const days = (steps.reduce((sum, s) => sum + s.gapMs, 0) / 86_400_000) | 0;
        expect(written.length).toBeGreaterThanOrEqual(days - 1);
        expect(written.length).toBeLessThanOrEqual(days + 2);
      },
      8,
    );
  });
});
