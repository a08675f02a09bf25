import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { ConversationState } from '../coach/types';
import type { Database } from '../db/database';
import type { MessageMetadata } from '../messages/message.mapper';
import type { Followup } from './followup.type';
import { followupPrompt } from '../coach';
import { localDay, nextFollowUpAt, type FollowUpSettings } from './schedule';

/** Sessions read and claimed per statement; bounds memory and statement size, not throughput. */
export const CLAIM_BATCH = 500;

/** A session whose stored due instant has passed, as the timer reads it. */
interface CandidateRow {
  id: string;
  user_id: string;
  title: string;
  primary_topic: string | null;
  status: string;
  follow_up_enabled: boolean;
  follow_up_time: string | null;
  timezone: string;
  last_follow_up_at: Date | null;
  next_follow_up_at: Date | null;
  state: ConversationState | null;
}

/** One row of the claim statement's input: what the timer saw, and what it decided. */
interface ClaimDecision {
  id: string;
  // The row as read; the claim only applies if it is still exactly so (optimistic check).
  status: string;
  enabled: boolean;
  time: string | null;
  zone: string;
  seen_next: string | null;
  seen_last: string | null;
  /** true: write today's check-in; false: only move `next_follow_up_at`. */
  fire: boolean;
  day: string | null;
  due_at: string | null;
  next_at: string | null;
  prompt: string | null;
  message_id: string | null;
  metadata: MessageMetadata | null;
}

/** What a claim statement returns for each check-in it wrote. */
interface ClaimedRow {
  id: string;
  user_id: string;
  title: string;
  primary_topic: string | null;
  prompt: string | null;
  due_at: Date | null;
  /** false for a row only rescheduled, or whose check-in for that day already existed. */
  written: boolean;
}

/** What one claim batch did. */
export interface ClaimResult {
  /** Check-ins written by this batch, to publish to their owners. */
  claimed: Followup[];
  /** Sessions read as past their due instant. */
  read: number;
  /** Sessions this batch changed (claimed or rescheduled); the rest were held or changed by someone else. */
  changed: number;
}

/** What the due query reads per session. */
interface DueRow extends CandidateRow {
  sent_prompt: string | null;
  sent_due_at: Date | null;
}

/** The stored conversation state, or null for a session with no turn yet (the column's `{}` default). */
const stateOf = (row: CandidateRow): ConversationState | null =>
  row.state && typeof row.state === 'object' && 'version' in row.state ? row.state : null;

const settingsOf = (row: CandidateRow): FollowUpSettings => ({
  status: row.status,
  followUpEnabled: row.follow_up_enabled,
  followUpTime: row.follow_up_time,
  timezone: row.timezone,
  lastFollowUpAt: row.last_follow_up_at,
});

/** Today's check-in instant when the session is due at `now` (the contract's rule), else null. */
function dueNow(row: CandidateRow, now: Date): Date | null {
  // nextFollowUpAt is today's instant unless today's check-in was made; due when that has passed.
  const next = nextFollowUpAt(settingsOf(row), now);
  return next !== null && next.getTime() <= now.getTime() ? next : null;
}

/** When a session is due and when it is due next, as seen at one instant. */
interface SchedulePlan {
  /** Today's check-in instant when due now, else null. */
  dueAt: Date | null;
  /** The local day of that check-in. */
  day: string;
  /** The new `next_follow_up_at`: after today's check-in when due, else the one still to come (null: none). */
  next: Date | null;
}

/**
 * The schedule decisions for one instant, remembered per distinct settings: a wave of thousands of
 * sessions shares a handful of (zone, time, last check-in) combinations, and time-zone arithmetic
 * is the costly part of a claim.
 */
function schedulePlanner(now: Date): (row: CandidateRow) => SchedulePlan {
  const memo = new Map<string, SchedulePlan>();
  return (row) => {
    const key = `${row.status}|${row.follow_up_enabled}|${row.follow_up_time}|${row.timezone}|${row.last_follow_up_at?.getTime() ?? ''}`;
    let plan = memo.get(key);
    if (!plan) {
      const dueAt = dueNow(row, now);
      const next = dueAt
        ? nextFollowUpAt({ ...settingsOf(row), lastFollowUpAt: now }, now)
        : nextFollowUpAt(settingsOf(row), now);
      plan = { dueAt, day: localDay(now, row.timezone), next };
      memo.set(key, plan);
    }
    return plan;
  };
}

/**
 * Daily check-ins: which are waiting for a user, and claiming the ones that fell due. The due
 * rule itself lives in `schedule.ts`; this class only reads and writes.
 */
export class FollowupService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly prompter: typeof followupPrompt = followupPrompt,
  ) {}

  /**
   * The user's check-ins, one per session at most: sessions due now and not yet claimed (reading
   * does not claim), else the latest check-in sent and not yet answered, from whatever day. Only
   * ACTIVE sessions with follow-ups on are listed: pausing, completing or switching off ends them.
   */
  async due(userId: string): Promise<Followup[]> {
    const now = this.clock.now();
    const at = now.toISOString();
    const rows = await this.db.prisma.$queryRaw<DueRow[]>`
      SELECT s.id, s.user_id, s.title, s.primary_topic, s.status::text AS status, s.follow_up_enabled,
             s.follow_up_time, s.timezone, s.last_follow_up_at, s.next_follow_up_at, st.state,
             f.prompt AS sent_prompt, f.due_at AS sent_due_at
      FROM amora_sessions s
      LEFT JOIN amora_session_state st ON st.session_id = s.id AND s.next_follow_up_at <= ${at}::timestamptz
      LEFT JOIN LATERAL (
        SELECT prompt, due_at FROM amora_followups
        WHERE session_id = s.id AND answered_at IS NULL
        ORDER BY local_day DESC LIMIT 1
      ) f ON true
      WHERE s.user_id = ${userId}::uuid AND s.status = 'ACTIVE' AND s.follow_up_enabled
        AND (s.next_follow_up_at <= ${at}::timestamptz OR f.prompt IS NOT NULL)`;
    const list: Followup[] = [];
    for (const row of rows) {
      const base = {
        coachSessionId: row.id,
        userId: row.user_id,
        title: row.title,
        primaryTopic: row.primary_topic,
      };
      const dueAt = dueNow(row, now);
      if (dueAt)
        list.push({
          ...base,
          dueAt,
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
   * Claims one batch of due sessions and writes their check-ins. Two statements, no transaction
   * held open while prompts are written:
   *
   * 1. read up to `limit` sessions whose `next_follow_up_at` has passed, through its index (the
   *    cost follows what is due, not what is stored), with their conversation state;
   * 2. decide in code with schedule.ts (the due rule, time zones, DST) and write everything in ONE
   *    statement: lock the rows still exactly as read (`FOR UPDATE SKIP LOCKED`, so a row another
   *    instance holds or has changed is left alone), move `next_follow_up_at`, and for the ones
   *    due with no check-in yet that local day insert the `amora_followups` row and the CHECK_IN
   *    message (the foreign key between them is checked at the end of the statement).
   *
   * One statement is atomic: a crash loses nothing (the next tick reads the row again) and sends
   * nothing twice. Only this statement writes check-ins, under the session's row lock, so the
   * NOT EXISTS check sees every earlier one; the unique (session_id, local_day) key is the last
   * guard: a duplicate would fail the whole statement (nothing written) rather than write a second
   * message, and the next tick then finds the row and skips it. Rows read but not due (an instant
   * from days ago before today's time, a paused session) are only rescheduled.
   *
   * @returns the check-ins written (to publish), and how many rows were read and changed (to know
   * whether another batch is worth reading).
   */
  async claimBatch(limit = CLAIM_BATCH): Promise<ClaimResult> {
    const now = this.clock.now();
    const at = now.toISOString();
    const candidates = await this.db.prisma.$queryRaw<CandidateRow[]>`
      SELECT s.id, s.user_id, s.title, s.primary_topic, s.status::text AS status, s.follow_up_enabled,
             s.follow_up_time, s.timezone, s.last_follow_up_at, s.next_follow_up_at, st.state
      FROM amora_sessions s
      LEFT JOIN amora_session_state st ON st.session_id = s.id
      WHERE s.next_follow_up_at <= ${at}::timestamptz
      ORDER BY s.next_follow_up_at
      LIMIT ${limit}`;
    if (candidates.length === 0) return { claimed: [], read: 0, changed: 0 };

    const plan = schedulePlanner(now);
    const decisions = candidates.map((row) => this.decide(row, now, plan(row)));
    const rows = await this.db.prisma.$queryRaw<ClaimedRow[]>`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(decisions)}::jsonb) AS i(
          id uuid, status text, enabled boolean, time text, zone text, seen_next timestamptz, seen_last timestamptz,
          fire boolean, day date, due_at timestamptz, next_at timestamptz, prompt text, message_id uuid, metadata jsonb)
      ),
      locked AS (
        SELECT s.id FROM amora_sessions s JOIN input i ON i.id = s.id
        -- The planner cannot see how few rows jsonb_to_recordset yields; the id list makes the
        -- primary key drive this lookup instead of a scan of every session.
        WHERE s.id = ANY(${decisions.map((d) => d.id)}::uuid[])
          AND s.status::text = i.status AND s.follow_up_enabled = i.enabled
          AND s.follow_up_time IS NOT DISTINCT FROM i.time AND s.timezone = i.zone
          AND s.next_follow_up_at = i.seen_next AND s.last_follow_up_at IS NOT DISTINCT FROM i.seen_last
        FOR UPDATE OF s SKIP LOCKED
      ),
      claimed AS (
        UPDATE amora_sessions s SET
          next_follow_up_at = i.next_at,
          last_follow_up_at = CASE WHEN i.fire THEN ${at}::timestamptz ELSE s.last_follow_up_at END,
          last_message_at = CASE WHEN i.fire THEN ${at}::timestamptz ELSE s.last_message_at END,
          last_activity_at = CASE WHEN i.fire THEN GREATEST(s.last_activity_at, ${at}::timestamptz) ELSE s.last_activity_at END
        FROM input i
        WHERE s.id = i.id AND s.id IN (SELECT id FROM locked)
        RETURNING s.id, s.user_id, s.title, s.primary_topic, i.day, i.due_at, i.prompt, i.message_id, i.metadata,
          i.fire AND NOT EXISTS (SELECT 1 FROM amora_followups x WHERE x.session_id = s.id AND x.local_day = i.day) AS written
      ),
      followup AS (
        INSERT INTO amora_followups (id, session_id, user_id, local_day, due_at, prompt, message_id, created_at)
        SELECT gen_random_uuid(), c.id, c.user_id, c.day, c.due_at, c.prompt, c.message_id, ${at}::timestamptz
        FROM claimed c WHERE c.written
      ),
      message AS (
        INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, created_at)
        SELECT c.message_id, c.id, c.user_id, 'amora'::amora_sender, c.prompt, c.metadata, ${at}::timestamptz
        FROM claimed c WHERE c.written
      )
      SELECT c.id, c.user_id, c.title, c.primary_topic, c.prompt, c.due_at, c.written FROM claimed c`;
    const claimed = rows
      .filter((row) => row.written)
      .map((row) => ({
        coachSessionId: row.id,
        userId: row.user_id,
        title: row.title,
        primaryTopic: row.primary_topic,
        prompt: row.prompt!,
        dueAt: row.due_at!,
      }));
    return { claimed, read: candidates.length, changed: rows.length };
  }

  /** What to do with one session whose stored instant has passed: write today's check-in, or reschedule. */
  private decide(row: CandidateRow, now: Date, schedule: SchedulePlan): ClaimDecision {
    const seen = {
      id: row.id,
      status: row.status,
      enabled: row.follow_up_enabled,
      time: row.follow_up_time,
      zone: row.timezone,
      seen_next: row.next_follow_up_at?.toISOString() ?? null,
      seen_last: row.last_follow_up_at?.toISOString() ?? null,
    };
    const { dueAt, day, next } = schedule;
    if (!dueAt) {
      // Not due after all: not ACTIVE or switched off (null), or an instant from an earlier day
      // before today's time, or today's check-in already made. Always later than now, or null.
      return {
        ...seen,
        fire: false,
        day: null,
        due_at: null,
        next_at: next?.toISOString() ?? null,
        prompt: null,
        message_id: null,
        metadata: null,
      };
    }
    const state = stateOf(row);
    const topic = row.primary_topic ?? state?.mainTopic ?? null;
    return {
      ...seen,
      fire: true,
      day,
      due_at: dueAt.toISOString(),
      next_at: next?.toISOString() ?? null,
      prompt: this.prompter({ title: row.title, primaryTopic: row.primary_topic }, state),
      message_id: randomUUID(),
      metadata: { response_style: 'CHECK_IN', topics: topic ? [topic as never] : [], emotions: [] },
    };
  }
}
