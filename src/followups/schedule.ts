import { DateTime } from 'luxon';

/** Check-in time used when follow-ups are switched on without one. */
export const DEFAULT_FOLLOW_UP_TIME = '09:00';

/** What decides when a session's next check-in falls due. */
export interface FollowUpSettings {
  status: string;
  followUpEnabled: boolean;
  followUpTime: string | null;
  timezone: string;
  lastFollowUpAt: Date | null;
}

/** The calendar day (`YYYY-MM-DD`) of `instant` in `zone`. */
export function localDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/**
 * The instant `time` ("HH:MM") happens on calendar day `day` in `zone`. On a daylight-saving day
 * where that wall-clock time does not exist, it is the first instant after the gap.
 */
export function scheduledInstant(day: string, time: string, zone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(day, { zone })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toJSDate();
}

/**
 * When the session's next check-in falls due, or null when none will (not ACTIVE, follow-ups off).
 *
 * Today's time when no check-in was made today, even if that time has passed (a session created,
 * resumed or switched on late is due the same day); otherwise tomorrow's.
 */
export function nextFollowUpAt(settings: FollowUpSettings, now: Date): Date | null {
  if (settings.status !== 'ACTIVE' || !settings.followUpEnabled) return null;
  const time = settings.followUpTime ?? DEFAULT_FOLLOW_UP_TIME;
  const today = localDay(now, settings.timezone);
  const doneToday =
    settings.lastFollowUpAt !== null &&
    localDay(settings.lastFollowUpAt, settings.timezone) >= today;
  const day = doneToday ? DateTime.fromISO(today).plus({ days: 1 }).toISODate()! : today;
  return scheduledInstant(day, time, settings.timezone);
}
