import { DateTime } from 'luxon';

/** Check-in time used when follow-ups are switched on without one. */
export const DEFAULT_FOLLOW_UP_TIME = '09:00';

/**
 * How far ahead a check-in time must be when a session is created, resumed or has follow-ups
 * switched on, for its first check-in to come that same day; closer than this, it comes the next day.
 */
export const FIRST_CHECK_IN_NOTICE_MS = 60 * 60 * 1000;

/** What decides when a session's next check-in falls due. */
export interface FollowUpSettings {
  status: string;
  followUpEnabled: boolean;
  followUpTime: string | null;
  timezone: string;
  lastFollowUpAt: Date | null;
}

/** A session's settings with the occurrence it has scheduled (`next_follow_up_at`). */
export interface ScheduledSettings extends FollowUpSettings {
  nextFollowUpAt: Date | null;
}

/** One scheduled check-in: the local day it is for, in the zone that day is counted in, and its instant. */
export interface Occurrence {
  day: string;
  zone: string;
  at: Date;
}

/** What the timer does with a session at one instant. */
export interface DuePlan {
  /** The occurrence to serve now, or null when none is due. */
  due: Occurrence | null;
  /** The new `next_follow_up_at`: the occurrence after `due` when one is due, else the one still to come (null: none). */
  next: Date | null;
}

const isOn = (settings: Pick<FollowUpSettings, 'status' | 'followUpEnabled'>): boolean =>
  settings.status === 'ACTIVE' && settings.followUpEnabled;

const timeOf = (settings: Pick<FollowUpSettings, 'followUpTime'>): string =>
  settings.followUpTime ?? DEFAULT_FOLLOW_UP_TIME;

/** The calendar day (`YYYY-MM-DD`) of `instant` in `zone`. */
export function localDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** The calendar day `days` after `day` (`YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/**
 * The instant `time` ("HH:MM") happens on calendar day `day` in `zone`. On a daylight-saving day
 * where that wall-clock time does not exist, it is moved forward by the length of the gap (02:30 on
 * a day when 02:00 jumps to 03:00 is 03:30), which may fall on the next calendar day when the jump
 * is at midnight; the occurrence still belongs to `day`.
 */
export function scheduledInstant(day: string, time: string, zone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(day, { zone })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toJSDate();
}

/**
 * The local day whose occurrence of `time` in `zone` is exactly `instant`, or null when none is
 * (the instant was scheduled under other settings). Looks at the instant's own day and the one
 * before it, since a daylight-saving jump at midnight pushes a late time into the next day.
 */
export function occurrenceDay(instant: Date, time: string, zone: string): string | null {
  const own = localDay(instant, zone);
  for (const day of [own, addDays(own, -1)])
    if (scheduledInstant(day, time, zone).getTime() === instant.getTime()) return day;
  return null;
}

const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** The first local day after the one of the last check-in written, or null when none was. */
function dayAfterLast(lastFollowUpAt: Date | null, zone: string): string | null {
  return lastFollowUpAt ? addDays(localDay(lastFollowUpAt, zone), 1) : null;
}

/**
 * The first day served after a session is created, resumed or has follow-ups switched on at `now`:
 * today, whether its time is still ahead or already passed (then it is due at once), unless a check-in
 * time is less than {@link FIRST_CHECK_IN_NOTICE_MS} away (today's, or tomorrow's just before
 * midnight): then the next day, so that no check-in follows another or the switch within the hour.
 * Never a day on or before that of the last check-in written.
 */
function firstDay(settings: FollowUpSettings, now: Date): string {
  const zone = settings.timezone;
  const time = timeOf(settings);
  const today = localDay(now, zone);
  const afterLast = dayAfterLast(settings.lastFollowUpAt, zone);
  if (afterLast !== null && afterLast > today) return afterLast;
  const tomorrow = addDays(today, 1);
  const ahead = scheduledInstant(today, time, zone).getTime() - now.getTime();
  if (ahead >= FIRST_CHECK_IN_NOTICE_MS) return today;
  if (ahead >= 0) return tomorrow;
  const tomorrowAhead = scheduledInstant(tomorrow, time, zone).getTime() - now.getTime();
  return tomorrowAhead < FIRST_CHECK_IN_NOTICE_MS ? tomorrow : today;
}

/** The day to serve when the stored occurrence says nothing usable: today, or after the last check-in. */
function fallbackDay(settings: FollowUpSettings, now: Date): string {
  const today = localDay(now, settings.timezone);
  const afterLast = dayAfterLast(settings.lastFollowUpAt, settings.timezone);
  return afterLast === null ? today : later(afterLast, today);
}

/**
 * The session's next occurrence after it is created or changed at `now`, as `next_follow_up_at`
 * (null: none, not ACTIVE or follow-ups off). `previous` is the session as it was before the
 * change (none on creation).
 *
 * - Created, resumed or switched on: the first day by the first-check-in rule (see README).
 * - Time changed: the pending occurrence keeps its day and moves to the new time (if that has
 *   passed it is due at once), so an edit never eats the day it was waiting for.
 * - Zone changed: the day in the new zone's calendar that the pending occurrence falls on, or today
 *   there if that comes first (the move never pushes it out), but never a day on or before the one
 *   the last check-in was written on, in the new zone's calendar (no two in one local day).
 * - Anything else: the pending occurrence, unchanged.
 */
export function nextFollowUpAt(
  settings: FollowUpSettings,
  now: Date,
  previous?: ScheduledSettings | null,
): Date | null {
  if (!isOn(settings)) return null;
  const zone = settings.timezone;
  const time = timeOf(settings);
  if (!previous || !isOn(previous)) return scheduledInstant(firstDay(settings, now), time, zone);
  const pending = previous.nextFollowUpAt;
  if (previous.timezone === zone) {
    const day = pending ? occurrenceDay(pending, timeOf(previous), zone) : null;
    return scheduledInstant(day ?? fallbackDay(settings, now), time, zone);
  }
  const today = localDay(now, zone);
  let day = pending ? earlier(localDay(pending, zone), today) : today;
  const afterLast = dayAfterLast(settings.lastFollowUpAt, zone);
  if (afterLast !== null) day = later(day, afterLast);
  return scheduledInstant(day, time, zone);
}

/**
 * The due rule: what a session holds at `now`. Its stored occurrence is due from its instant until
 * it is served or superseded by the next day's occurrence; when the timer comes late (a slow tick,
 * an outage across midnight, days down) it serves the latest occurrence that has started, once:
 * one catch-up, never a burst, and a superseded day is skipped, never doubled.
 */
export function duePlan(settings: ScheduledSettings, now: Date): DuePlan {
  if (!isOn(settings)) return { due: null, next: null };
  const zone = settings.timezone;
  const time = timeOf(settings);
  const stored = settings.nextFollowUpAt;
  // An instant that is no occurrence of these settings (set by hand, say) stands for today's,
  // or the day after the last check-in's.
  const day = (stored && occurrenceDay(stored, time, zone)) ?? fallbackDay(settings, now);
  const at = scheduledInstant(day, time, zone);
  if (at.getTime() > now.getTime()) return { due: null, next: at };
  // Two days back always started before now: no walk over every day of a long outage.
  let serve = later(day, addDays(localDay(now, zone), -2));
  let next = scheduledInstant(addDays(serve, 1), time, zone);
  while (next.getTime() <= now.getTime()) {
    serve = addDays(serve, 1);
    next = scheduledInstant(addDays(serve, 1), time, zone);
  }
  return { due: { day: serve, zone, at: scheduledInstant(serve, time, zone) }, next };
}
