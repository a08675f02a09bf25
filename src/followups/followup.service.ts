import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { ConversationState } from '../coach/types';
import type { Database } from '../db/database';
import type { Followup } from './followup.type';
import { followupPrompt } from '../coach';
import { FollowupRepository, type CandidateRow, type ClaimDecision } from './followup.repository';
import { duePlan, type DuePlan, type ScheduledSettings } from './schedule';

/** Sessions claimed per statement; bounds memory and statement size, not throughput. */
export const CLAIM_BATCH = 500;

/**
 * Claim statements of one batch run at once, on as many connections: a claim is PostgreSQL's
 * work on one core (foreign keys, index entries, WAL for every row), and a second statement on
 * disjoint sessions lets the database use a second core meanwhile.
 */
export const CLAIM_STATEMENTS = 2;

/** What one claim batch did. */
export interface ClaimResult {
  /** Check-ins written by this batch, to publish to their owners. */
  claimed: Followup[];
  /** Sessions read as past their due instant. */
  read: number;
  /** Sessions this batch changed (claimed or rescheduled); the rest were held or changed by someone else. */
  changed: number;
}

/** The stored conversation state, or null for a session with no turn yet (the column's `{}` default). */
const stateOf = (row: CandidateRow): ConversationState | null =>
  row.state && typeof row.state === 'object' && 'version' in row.state ? row.state : null;

const settingsOf = (row: CandidateRow): ScheduledSettings => ({
  status: row.status,
  followUpEnabled: row.follow_up_enabled,
  followUpTime: row.follow_up_time,
  timezone: row.timezone,
  lastFollowUpAt: row.last_follow_up_at,
  nextFollowUpAt: row.next_follow_up_at,
});

/** The due rule's decision for one combination of settings, with the instants as the claim sends them. */
interface Planned extends DuePlan {
  seenNext: string | null;
  seenLast: string | null;
  dueAt: string | null;
  nextAt: string | null;
}

/**
 * The due rule's decisions for one instant, remembered per distinct settings: a wave of thousands
 * of sessions shares a handful of (zone, time, scheduled occurrence) combinations, and time-zone
 * arithmetic is the costly part of a claim. The instants are formatted once per combination too.
 */
function duePlanner(now: Date): (row: CandidateRow) => Planned {
  const memo = new Map<string, Planned>();
  return (row) => {
    const key = `${row.status}|${row.follow_up_enabled}|${row.follow_up_time}|${row.timezone}|${row.next_follow_up_at?.getTime() ?? ''}|${row.last_follow_up_at?.getTime() ?? ''}`;
    let planned = memo.get(key);
    if (!planned) {
      const plan = duePlan(settingsOf(row), now);
      planned = {
        ...plan,
        seenNext: row.next_follow_up_at?.toISOString() ?? null,
        seenLast: row.last_follow_up_at?.toISOString() ?? null,
        dueAt: plan.due?.at.toISOString() ?? null,
        nextAt: plan.next?.toISOString() ?? null,
      };
      memo.set(key, planned);
    }
    return planned;
  };
}

/**
 * Daily check-ins: which are waiting for a user, and claiming the ones that fell due. The due
 * rule itself lives in `schedule.ts`, the statements in {@link FollowupRepository}; this class
 * decides what to write from what was read.
 */
export class FollowupService {
  private readonly repository: FollowupRepository;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly prompter: typeof followupPrompt = followupPrompt,
  ) {
    this.repository = new FollowupRepository(db);
  }

  /**
   * The user's check-ins, one per session at most: sessions due now and not yet claimed (reading
   * does not claim), else the latest check-in sent and not yet answered, from whatever day. Only
   * ACTIVE sessions with follow-ups on are listed: pausing, completing or switching off ends them.
   */
  async due(userId: string): Promise<Followup[]> {
    const now = this.clock.now();
    const rows = await this.repository.dueForUser(userId, now);
    const list: Followup[] = [];
    for (const row of rows) {
      const base = {
        coachSessionId: row.id,
        userId: row.user_id,
        title: row.title,
        primaryTopic: row.primary_topic,
      };
      const { due } = duePlan(settingsOf(row), now);
      if (due)
        list.push({
          ...base,
          dueAt: due.at,
          prompt: this.prompter(
            { title: row.title, primaryTopic: row.primary_topic },
            stateOf(row),
          ),
        });
      else if (row.sent_prompt !== null && row.sent_due_at !== null)
        list.push({ ...base, dueAt: row.sent_due_at, prompt: row.sent_prompt });
    }
    return list.sort(
      (a, b) =>
        a.dueAt.getTime() - b.dueAt.getTime() || a.coachSessionId.localeCompare(b.coachSessionId),
    );
  }

  /**
   * Claims one batch of due sessions and writes their check-ins. No transaction held open while
   * prompts are written:
   *
   * 1. read up to `limit` sessions whose `next_follow_up_at` has passed, through its index (the
   *    cost follows what is due, not what is stored), with their conversation state;
   * 2. decide in code with schedule.ts (the due rule: the occurrence each session scheduled, or
   *    the latest one since started when the timer comes late; time zones, DST) and write each
   *    part of {@link CLAIM_BATCH} sessions in ONE statement ({@link FollowupRepository.claim}):
   *    rows another instance holds or has changed are left alone, and a check-in is written at
   *    most once per (session, local day).
   *
   * A crash loses nothing (the next tick reads the row again) and sends nothing twice. Rows read
   * but not due (a paused session, an instant scheduled under other settings) are only rescheduled.
   *
   * Parts are written {@link CLAIM_STATEMENTS} at a time, and each part's check-ins go to
   * `onClaimed` as soon as its statement returns: the owners hear them while the database writes
   * the next part, rather than after the whole batch.
   *
   * @returns the check-ins written (all parts), and how many rows were read and changed (to know
   * whether another batch is worth reading).
   */
  async claimBatch(
    limit = CLAIM_BATCH,
    onClaimed?: (claimed: Followup[]) => void,
  ): Promise<ClaimResult> {
    const now = this.clock.now();
    const candidates = await this.repository.candidates(now, limit);
    if (candidates.length === 0) return { claimed: [], read: 0, changed: 0 };

    const plan = duePlanner(now);
    const claimed: Followup[] = [];
    let changed = 0;
    let next = 0;
    // Disjoint sessions per statement: neither waits for the other's row locks. A part is decided
    // just before it is sent, so the first statement does not wait for the whole batch's decisions.
    const writer = async () => {
      while (next < candidates.length) {
        const rows = candidates.slice(next, (next += CLAIM_BATCH));
        const plans = rows.map(plan);
        const decisions = rows.map((row, i) => this.decide(row, plans[i]));
        const written = await this.repository.claim(decisions, now);
        changed += written.length;
        // The statement returns ids only: what is published is what was decided and written.
        const at = new Map(rows.map((row, i) => [row.id, i]));
        const part: Followup[] = [];
        for (const { id, written: wrote } of written) {
          const i = at.get(id);
          if (!wrote || i === undefined) continue;
          const row = rows[i];
          part.push({
            coachSessionId: row.id,
            userId: row.user_id,
            title: row.title,
            primaryTopic: row.primary_topic,
            prompt: decisions[i].prompt!,
            dueAt: plans[i].due!.at,
          });
        }
        claimed.push(...part);
        if (part.length) onClaimed?.(part);
      }
    };
    await Promise.all(Array.from({ length: CLAIM_STATEMENTS }, writer));
    return { claimed, read: candidates.length, changed };
  }

  /** What to do with one session whose stored instant has passed: write a check-in, or reschedule. */
  private decide(row: CandidateRow, plan: Planned): ClaimDecision {
    // What every decision carries back to the claim statement: the settings it was made on.
    const seen = {
      id: row.id,
      status: row.status,
      enabled: row.follow_up_enabled,
      time: row.follow_up_time,
      zone: row.timezone,
      seen_next: plan.seenNext,
      seen_last: plan.seenLast,
      next_at: plan.nextAt,
    };
    if (!plan.due) {
      // Not due after all: not ACTIVE or switched off (null), or an instant that was no
      // occurrence of its settings, scheduled afresh for later.
      return {
        ...seen,
        fire: false,
        day: null,
        due_at: null,
        prompt: null,
        message_id: null,
        topic: null,
      };
    }
    const state = stateOf(row);
    const topic = row.primary_topic ?? state?.mainTopic ?? null;
    return {
      ...seen,
      fire: true,
      day: plan.due.day,
      due_at: plan.dueAt,
      prompt: this.prompter({ title: row.title, primaryTopic: row.primary_topic }, state),
      message_id: randomUUID(),
      topic,
    };
  }
}
