/** Helpers for tests that wait on other processes: poll with a deadline, never a bare sleep-and-hope. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns true; fails naming `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(everyMs);
  }
}

/**
 * A fixed-offset time zone where it is about noon now, so a check-in time of `00:00` has passed
 * today and the next one is hours away: a test run near midnight UTC cannot see the day change.
 */
export function noonZone(now: Date = new Date()): string {
  const offset = 12 - now.getUTCHours(); // -11..12
  if (offset === 0) return 'UTC';
  // POSIX spelling: Etc/GMT-3 is three hours AHEAD of UTC.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
