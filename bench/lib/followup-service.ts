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
