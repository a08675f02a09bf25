import type { ConversationState } from '../coach/types';
import type { Database } from '../db/database';
import type { MessageMetadata } from '../messages/message.mapper';

/** A session whose stored due instant has passed, as the timer reads it. */
export interface CandidateRow {
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

/** What the due query reads per session. */
export interface DueRow extends CandidateRow {
  sent_prompt: string | null;
  sent_due_at: Date | null;
}

/** One row of the claim statement's input: what the timer saw, and what it decided. */
export interface ClaimDecision {
  id: string;
  // The row as read; the claim only applies if it is still exactly so (optimistic check).
  status: string;
  enabled: boolean;
  time: string | null;
  zone: string;
  seen_next: string | null;
  seen_last: string | null;
  /** true: write the check-in of `day`; false: only move `next_follow_up_at`. */
  fire: boolean;
  /** The local day served, counted in `zone`. */
  day: string | null;
  due_at: string | null;
  next_at: string | null;
  prompt: string | null;
  message_id: string | null;
  metadata: MessageMetadata | null;
}

/** What a claim statement returns for each session it changed. */
export interface ClaimedRow {
  id: string;
  /** false for a row only rescheduled, or whose check-in for that day already existed. */
  written: boolean;
}

/**
 * The check-in statements. The rules (what is due, what to write) live in the service and
 * `schedule.ts`; this class only reads and writes.
 */
export class FollowupRepository {
  constructor(private readonly db: Database) {}

  /**
   * The user's ACTIVE sessions with follow-ups on that are due by their stored instant or hold a
   * check-in sent and not yet answered (the latest one), with the conversation state of the due ones.
   */
  async dueForUser(userId: string, now: Date): Promise<DueRow[]> {
    const at = now.toISOString();
    return this.db.prisma.$queryRaw<DueRow[]>`
      SELECT s.id, s.user_id, s.title, s.primary_topic, s.status::text AS status, s.follow_up_enabled,
             s.follow_up_time, s.timezone, s.last_follow_up_at, s.next_follow_up_at, st.state,
             f.prompt AS sent_prompt, f.due_at AS sent_due_at
      FROM amora_sessions s
      LEFT JOIN amora_session_state st ON st.session_id = s.id AND s.next_follow_up_at <= ${at}::timestamptz
      LEFT JOIN LATERAL (
        SELECT prompt, due_at FROM amora_followups
        WHERE session_id = s.id AND answered_at IS NULL
        ORDER BY created_at DESC, local_day DESC LIMIT 1
      ) f ON true
      WHERE s.user_id = ${userId}::uuid AND s.status = 'ACTIVE' AND s.follow_up_enabled
        AND (s.next_follow_up_at <= ${at}::timestamptz OR f.prompt IS NOT NULL)`;
  }

  /**
   * Up to `limit` sessions whose `next_follow_up_at` has passed, earliest first, through its index
   * (the cost follows what is due, not what is stored), with their conversation state.
   */
  async candidates(now: Date, limit: number): Promise<CandidateRow[]> {
    return this.db.query<CandidateRow>({
      name: 'followup_candidates',
      text: CANDIDATES_SQL,
      values: [now.toISOString(), limit],
    });
  }

  /**
   * Applies the timer's decisions in ONE statement: locks the rows still exactly as read
   * (`FOR UPDATE SKIP LOCKED`, so a row another instance holds or has changed is left alone),
   * moves `next_follow_up_at`, and for the ones to fire with no check-in yet that local day inserts
   * the `amora_followups` row and the CHECK_IN message (the foreign key between them is checked at
   * the end of the statement).
   *
   * One statement is atomic: a crash loses nothing and sends nothing twice. Only this statement
   * writes check-ins, under the session's row lock, so the NOT EXISTS check sees every earlier one;
   * the unique (session_id, local_day, timezone) key is the last guard: a duplicate would fail the
   * whole statement (nothing written) rather than write a second message. `last_follow_up_at`
   * moves only for a check-in actually written.
   */
  async claim(decisions: ClaimDecision[], now: Date): Promise<ClaimedRow[]> {
    return this.db.query<ClaimedRow>({
      name: 'followup_claim',
      text: CLAIM_SQL,
      values: [JSON.stringify(decisions), decisions.map((d) => d.id), now.toISOString()],
    });
  }
}

/**
 * The timer's read (see `candidates`): $1 now, $2 batch size. A named statement, like the claim:
 * a tick of 10,000 due check-ins runs each 20 times, so a connection plans them once.
 */
const CANDIDATES_SQL = `
  SELECT s.id, s.user_id, s.title, s.primary_topic, s.status::text AS status, s.follow_up_enabled,
         s.follow_up_time, s.timezone, s.last_follow_up_at, s.next_follow_up_at, st.state
  FROM amora_sessions s
  LEFT JOIN amora_session_state st ON st.session_id = s.id
  WHERE s.next_follow_up_at <= $1::timestamptz
  ORDER BY s.next_follow_up_at
  LIMIT $2`;

/** The timer's write (see `claim`): $1 the decisions (JSON), $2 their session ids, $3 now. */
const CLAIM_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
      id uuid, status text, enabled boolean, time text, zone text, seen_next timestamptz, seen_last timestamptz,
      fire boolean, day date, due_at timestamptz, next_at timestamptz, prompt text, message_id uuid, metadata jsonb)
  ),
  locked AS (
    SELECT s.id,
      -- Only this statement writes check-ins, under this row lock, and every one it writes
      -- also moves the row (so a claim that read it before fails the check above).
      i.fire AND NOT EXISTS (
        SELECT 1 FROM amora_followups x
        WHERE x.session_id = s.id AND x.local_day = i.day AND x.timezone = i.zone) AS written
    FROM amora_sessions s JOIN input i ON i.id = s.id
    -- The planner cannot see how few rows jsonb_to_recordset yields; the id list makes the
    -- primary key drive this lookup instead of a scan of every session.
    WHERE s.id = ANY($2::uuid[])
      AND s.status::text = i.status AND s.follow_up_enabled = i.enabled
      AND s.follow_up_time IS NOT DISTINCT FROM i.time AND s.timezone = i.zone
      AND s.next_follow_up_at = i.seen_next AND s.last_follow_up_at IS NOT DISTINCT FROM i.seen_last
    FOR UPDATE OF s SKIP LOCKED
  ),
  claimed AS (
    UPDATE amora_sessions s SET
      next_follow_up_at = i.next_at,
      last_follow_up_at = CASE WHEN l.written THEN $3::timestamptz ELSE s.last_follow_up_at END,
      last_message_at = CASE WHEN l.written THEN $3::timestamptz ELSE s.last_message_at END,
      last_activity_at = CASE WHEN l.written THEN GREATEST(s.last_activity_at, $3::timestamptz) ELSE s.last_activity_at END
    FROM input i JOIN locked l ON l.id = i.id
    WHERE s.id = i.id
    RETURNING s.id, s.user_id, i.day, i.zone, i.due_at, i.prompt, i.message_id, i.metadata, l.written
  ),
  followup AS (
    INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt, message_id, created_at)
    SELECT gen_random_uuid(), c.id, c.user_id, c.day, c.zone, c.due_at, c.prompt, c.message_id, $3::timestamptz
    FROM claimed c WHERE c.written
  ),
  message AS (
    INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, created_at)
    SELECT c.message_id, c.id, c.user_id, 'amora'::amora_sender, c.prompt, c.metadata, $3::timestamptz
    FROM claimed c WHERE c.written
  )
  SELECT c.id, c.written FROM claimed c`;
