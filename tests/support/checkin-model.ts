import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addDays,
  duePlan,
  FIRST_CHECK_IN_NOTICE_MS,
  localDay,
  nextFollowUpAt,
  scheduledInstant,
  type ScheduledSettings,
} from '../../src/followups/schedule';

/*
 * Random check-in histories for the property tests: sessions in random IANA zones with random
 * times, edited now and then, and a timer that ticks at random gaps (a minute to days). `simulate`
 * runs a history through the scheduling rules exactly as the services apply them (create, update,
 * claim); `violations` checks any list of check-ins (simulated or read from PostgreSQL) against
 * what a person may rely on.
 */

/** Every zone this Node knows. */
export const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A change a user makes to a session. */
export type Edit =
  | { kind: 'time'; time: string }
  | { kind: 'zone'; zone: string }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'off' }
  | { kind: 'on' }
  | { kind: 'title' };

/** One step of a history: the clock moves on by `gapMs`, then the timer ticks or a user edits. */
export type Step =
  { gapMs: number; kind: 'tick' } | { gapMs: number; kind: 'edit'; session: number; edit: Edit };

/** A history: sessions created at `startMs`, then the steps. */
export interface History {
  startMs: number;
  sessions: { zone: string; time: string }[];
  steps: Step[];
}

/** A check-in as written: the day it is for, counted in `zone`; when scheduled; when written. */
export interface CheckIn {
  session: number;
  day: string;
  zone: string;
  dueAt: number;
  writtenAt: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Check-in times, weighted towards the edges: late evening, midnight, the small hours DST moves. */
const timeArb = fc
  .oneof(
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })),
    fc.tuple(fc.constantFrom(23, 0), fc.integer({ min: 0, max: 59 })),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 30, 59)),
  )
  .map(([h, m]) => `${two(h)}:${two(m)}`);

const zoneArb = fc.constantFrom(...ZONES);

/** Gaps between steps: under a minute to an hour, hours, or days (outages). */
const gapArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: HOUR }) },
  { weight: 5, arbitrary: fc.integer({ min: HOUR, max: DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: DAY, max: 4 * DAY }) },
);

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: timeArb.map((time) => ({ kind: 'time' as const, time })) },
  { weight: 3, arbitrary: zoneArb.map((zone) => ({ kind: 'zone' as const, zone })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'resume' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'off' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'on' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'title' as const }) },
);

/** Histories of `sessions` sessions and up to `maxSteps` steps, starting in 2026-2029. */
export function historyArb(options: {
  sessions: number;
  maxSteps: number;
  zones?: fc.Arbitrary<string>;
}): fc.Arbitrary<History> {
  const zones = options.zones ?? zoneArb;
  const stepArb = (sessions: number): fc.Arbitrary<Step> =>
    fc.oneof(
      { weight: 4, arbitrary: gapArb.map((gapMs) => ({ gapMs, kind: 'tick' as const })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(gapArb, fc.integer({ min: 0, max: sessions - 1 }), editArb)
          .map(([gapMs, session, edit]) => ({ gapMs, kind: 'edit' as const, session, edit })),
      },
    );
  return fc.record({
    startMs: fc.integer({
      min: Date.parse('2026-01-01T00:00:00Z'),
      max: Date.parse('2029-12-31T00:00:00Z'),
    }),
    sessions: fc.array(fc.record({ zone: zones, time: timeArb }), {
      minLength: options.sessions,
      maxLength: options.sessions,
    }),
    steps: fc.array(stepArb(options.sessions), { minLength: 1, maxLength: options.maxSteps }),
  });
}

/** A session's schedule settings after an edit (as SessionService.update applies it). */
export function applyEdit(settings: ScheduledSettings, edit: Edit): ScheduledSettings {
  switch (edit.kind) {
    case 'time':
      return { ...settings, followUpTime: edit.time };
    case 'zone':
      return { ...settings, timezone: edit.zone };
    case 'pause':
      return { ...settings, status: 'PAUSED' };
    case 'resume':
      return { ...settings, status: 'ACTIVE' };
    case 'off':
      return { ...settings, followUpEnabled: false };
    case 'on':
      return { ...settings, followUpEnabled: true };
    case 'title':
      return settings;
  }
}

/** What a session looked like at one tick, for the oracle. */
export interface TickView {
  at: number;
  /** ACTIVE with follow-ups on. */
  on: boolean;
  zone: string;
  time: string;
  /** When status, follow-ups or zone last changed (or the session was created). */
  since: number;
  /**
   * When check-ins were switched on (created, resumed, switched on), while nothing else about the
   * schedule has been edited since; else null.
   */
  switchedOn: number | null;
}

/** The history per session: what each tick saw, for {@link violations}. */
export type Views = TickView[][];

/** What a history looks like from outside: per session, each tick's view of its settings. */
export function views(history: History): Views {
  let now = history.startMs;
  const state = history.sessions.map(
    (s): Omit<TickView, 'at'> & { status: string; enabled: boolean } => ({
      on: true,
      status: 'ACTIVE',
      enabled: true,
      zone: s.zone,
      time: s.time,
      since: now,
      switchedOn: now,
    }),
  );
  const out: Views = history.sessions.map(() => []);
  for (const step of history.steps) {
    now += step.gapMs;
    if (step.kind === 'tick') {
      state.forEach((s, i) =>
        out[i].push({
          at: now,
          on: s.on,
          zone: s.zone,
          time: s.time,
          since: s.since,
          switchedOn: s.switchedOn,
        }),
      );
      continue;
    }
    const s = state[step.session];
    const e = step.edit;
    const before = { on: s.on, zone: s.zone };
    if (e.kind === 'time') s.time = e.time;
    if (e.kind === 'zone') s.zone = e.zone;
    if (e.kind === 'pause') s.status = 'PAUSED';
    if (e.kind === 'resume') s.status = 'ACTIVE';
    if (e.kind === 'off') s.enabled = false;
    if (e.kind === 'on') s.enabled = true;
    s.on = s.status === 'ACTIVE' && s.enabled;
    if (before.on !== s.on || before.zone !== s.zone) s.since = now;
    if (e.kind !== 'title') s.switchedOn = !before.on && s.on ? now : null;
  }
  return out;
}

/**
 * Runs a history through the scheduling rules as the services apply them: `nextFollowUpAt` on
 * create and on every update (with the session as it was), and on each tick, for a session whose
 * stored instant has passed, `duePlan` (a check-in for its day, written at the tick). Deliberately
 * without the database's one-per-day guard, so that the rules alone are what is tested.
 */
export function simulate(history: History): CheckIn[] {
  let now = history.startMs;
  const sessions: ScheduledSettings[] = history.sessions.map((s) => {
    const settings = {
      status: 'ACTIVE',
      followUpEnabled: true,
      followUpTime: s.time,
      timezone: s.zone,
      lastFollowUpAt: null,
    };
    return { ...settings, nextFollowUpAt: nextFollowUpAt(settings, new Date(now)) };
  });
  const written: CheckIn[] = [];
  for (const step of history.steps) {
    now += step.gapMs;
    const at = new Date(now);
    if (step.kind === 'edit') {
      const previous = sessions[step.session];
      const next = applyEdit(previous, step.edit);
      sessions[step.session] = { ...next, nextFollowUpAt: nextFollowUpAt(next, at, previous) };
      continue;
    }
    sessions.forEach((s, i) => {
      if (s.nextFollowUpAt === null || s.nextFollowUpAt.getTime() > now) return;
      const plan = duePlan(s, at);
      if (plan.due) {
        written.push({
          session: i,
          day: plan.due.day,
          zone: plan.due.zone,
          dueAt: plan.due.at.getTime(),
          writtenAt: now,
        });
        s.lastFollowUpAt = at;
      }
      s.nextFollowUpAt = plan.next;
    });
  }
  return written;
}

// The oracle asks about the same few days over and over (a tick every few minutes), and time-zone
// arithmetic is what makes it slow: answers are remembered.
const memo = new Map<string, number | string>();
function remember<T extends number | string>(key: string, compute: () => T): T {
  let value = memo.get(key) as T | undefined;
  if (value === undefined) {
    if (memo.size > 200_000) memo.clear();
    value = compute();
    memo.set(key, value);
  }
  return value;
}
const dayStart = (day: string, zone: string): number =>
  remember(`s ${day} ${zone}`, () => DateTime.fromISO(day, { zone }).toMillis());
const occurrence = (day: string, time: string, zone: string): number =>
  remember(`o ${day} ${time} ${zone}`, () => scheduledInstant(day, time, zone).getTime());
const dayBefore = (day: string): string => remember(`b ${day}`, () => addDays(day, -1));
const dayAfter = (day: string): string => remember(`a ${day}`, () => addDays(day, 1));

/**
 * What is wrong with `checkIns` for the history seen as `views`; empty when nothing is.
 *
 * - Never two per local day: no (zone, day) twice, a later check-in in the same zone is for a later
 *   day, and after a zone change, for a day after the one the previous check-in was written on.
 * - Never early: written at or after its scheduled instant.
 * - No day skipped: a local day with the session ACTIVE, follow-ups on and the zone unchanged from
 *   its start is served when the first tick after its check-in time (as then set) comes before the
 *   next day's; a day whose occurrence was superseded that way (no tick in between) may be skipped.
 * - The first check-in after a session is created, resumed or switched on is never one scheduled
 *   less than an hour after that, on that same local day.
 */
export function violations(checkIns: CheckIn[], views: Views): string[] {
  const problems: string[] = [];
  views.forEach((ticks, session) => {
    const mine = checkIns
      .filter((c) => c.session === session)
      .sort((a, b) => a.writtenAt - b.writtenAt);
    const keys = new Set<string>();
    mine.forEach((c, i) => {
      const key = `${c.zone} ${c.day}`;
      if (keys.has(key)) problems.push(`session ${session}: two check-ins for ${key}`);
      keys.add(key);
      if (c.writtenAt < c.dueAt)
        problems.push(`session ${session}: ${key} written before its time`);
      const before = mine[i - 1];
      if (!before) return;
      const floor =
        before.zone === c.zone ? before.day : localDay(new Date(before.writtenAt), c.zone);
      if (c.day <= floor)
        problems.push(
          `session ${session}: ${key} follows ${before.zone} ${before.day} (written ${new Date(before.writtenAt).toISOString()}) without a new local day`,
        );
    });

    // The first tick of a stretch past a day's time (as then set) decides that day.
    const decided = new Set<string>();
    for (const tick of ticks) {
      if (!tick.on) continue;
      const today = localDay(new Date(tick.at), tick.zone);
      for (const day of [dayBefore(today), today]) {
        if (tick.since >= dayStart(day, tick.zone)) continue; // not on for the whole day
        if (occurrence(day, tick.time, tick.zone) > tick.at) continue;
        const stretchDay = `${tick.since} ${tick.zone} ${day}`;
        if (decided.has(stretchDay)) continue;
        decided.add(stretchDay);
        if (occurrence(dayAfter(day), tick.time, tick.zone) <= tick.at) continue; // superseded
        if (!keys.has(`${tick.zone} ${day}`))
          problems.push(
            `session ${session}: ${tick.zone} ${day} skipped (tick at ${new Date(tick.at).toISOString()})`,
          );
      }
    }

    for (const tick of ticks) {
      if (tick.switchedOn === null) continue;
      const since = tick.switchedOn;
      const early = mine.find(
        (c) =>
          c.writtenAt === tick.at &&
          c.day === localDay(new Date(since), tick.zone) &&
          c.dueAt >= since &&
          c.dueAt < since + FIRST_CHECK_IN_NOTICE_MS,
      );
      if (early)
        problems.push(
          `session ${session}: first check-in ${early.day} scheduled within the hour after switching on at ${new Date(since).toISOString()}`,
        );
    }
  });
  return problems;
}
