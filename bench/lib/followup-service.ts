/**
 * The check-in claim path of any checkout, for the tools that measure it against another build:
 * its `FollowupService`, loaded from that checkout's sources by path.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createBenchDatabase, insertCheckInSessions, withClient } from './postgres';

/** What the claim tools call on a `FollowupService`. */
export interface ClaimService {
  claimBatch(limit: number, onClaimed?: () => void): Promise<{ claimed: unknown[]; read: number }>;
}

/** A `FollowupService` constructor, over any `query`-shaped database and a clock. */
export type ClaimServiceClass = new (db: unknown, clock: { now(): Date }) => ClaimService;

/** The `FollowupService` class of the checkout at `root`. */
export function followupServiceAt(root: string): ClaimServiceClass {
  // A checkout other than this one can only be loaded by path at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path.join(root, 'src/followups/followup.service')) as {
    FollowupService: ClaimServiceClass;
  };
  return module.FollowupService;
}

/**
 * A fresh bench database named `name` holding `due` users with one session each, all due for a
 * check-in once their follow-up time is set: what the claim tools measure.
 */
export async function databaseWithCheckIns(name: string, due: number): Promise<string> {
  const url = await createBenchDatabase(name);
  const userIds = Array.from({ length: due }, () => randomUUID());
  await withClient(url, (c) =>
    insertCheckInSessions(
      c,
      userIds,
      userIds.map(() => randomUUID()),
    ),
  );
  return url;
}

/** A pg client or pool: what a reset needs. */
interface Queryable {
  query(text: string): Promise<unknown>;
}

/**
 * Ready for the next wave: the check-ins and messages of the last one gone, and every session due
 * (today's check-in time passed, none sent today) or, with `due: false`, scheduled for tomorrow (a
 * run that makes them due itself later); `sql` (statements separated by ";") runs before sessions
 * are analyzed. TRUNCATE, not DELETE + VACUUM: a vacuumed empty table tells the planner it holds
 * no rows, and a cached plan then probes check-ins by a sequential scan that grows with the wave
 * (quadratic); a truncated one, left unanalyzed, counts as never measured: planned by its index,
 * as in use.
 */
export async function resetCheckIns(
  db: Queryable,
  { due = true, sql }: { due?: boolean; sql?: string } = {},
): Promise<void> {
  await db.query('TRUNCATE amora_followups, amora_session_feedback, amora_session_messages');
  await db.query(
    due
      ? `UPDATE amora_sessions SET follow_up_time = '00:00', last_follow_up_at = NULL, last_message_at = NULL,
           next_follow_up_at = date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`
      : `UPDATE amora_sessions SET follow_up_time = '09:00', last_follow_up_at = NULL, last_message_at = NULL,
           next_follow_up_at = now() + interval '1 day'`,
  );
  for (const statement of (sql ?? '').split(';').filter((x) => x.trim())) await db.query(statement);
  await db.query('VACUUM ANALYZE amora_sessions');
}
