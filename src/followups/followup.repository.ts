import type { ConversationState } from '../coach/types';
import type { Database } from '../db/database';

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
  /**
   * The check-in message's topic, or null: the statement writes its metadata as
   * `{ response_style: 'CHECK_IN', topics: [topic] or [], emotions: [] }` (a `MessageMetadata`).
   */
  topic: string | null;
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
   * One statement is atomic: a crash loses nothing and sends nothing twice. The check-in is
   * inserted `ON CONFLICT (session_id, local_day, timezone) DO NOTHING`, so a day that has one
   * already gets no second row and no message; `last_follow_up_at` moves only for a check-in
   * actually written.
   */
  async claim(decisions: ClaimDecision[], now: Date): Promise<ClaimedRow[]> {
    // One typed array per column: PostgreSQL reads them with unnest, cheaper than parsing a JSON
    // document into records (jsonb_to_recordset was ~11% of a claim's database time).
    const n = decisions.length;
    const columns = Array.from({ length: CLAIM_COLUMNS }, () => new Array<unknown>(n));
    for (let i = 0; i < n; i++) {
      const d = decisions[i];
      columns[0][i] = d.id;
      columns[1][i] = d.status;
      columns[2][i] = d.enabled;
      columns[3][i] = d.time;
      columns[4][i] = d.zone;
      columns[5][i] = d.seen_next;
      columns[6][i] = d.seen_last;
      columns[7][i] = d.fire;
      columns[8][i] = d.day;
      columns[9][i] = d.due_at;
      columns[10][i] = d.next_at;
      columns[11][i] = d.prompt;
      columns[12][i] = d.message_id;
      columns[13][i] = d.topic;
    }
    return this.db.query<ClaimedRow>({
      name: 'followup_claim',
      text: CLAIM_SQL,
      values: [...columns, now.toISOString()],
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

/** Columns of the claim's input, one array parameter each ($1-$14), in {@link CLAIM_SQL}'s order. */
const CLAIM_COLUMNS = 14;

/** The timer's write (see `claim`): $1-$14 the decisions' columns (arrays), $15 now. */
const CLAIM_SQL = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::text[], $5::text[],
      $6::timestamptz[], $7::timestamptz[], $8::boolean[], $9::date[], $10::timestamptz[],
      $11::timestamptz[], $12::text[], $13::uuid[], $14::text[])
    AS i(id, status, enabled, time, zone, seen_next, seen_last, fire, day, due_at, next_at, prompt, message_id, topic)
  ),
  -- Carries what the write needs, so input is read once: the planner takes unnest for 10 rows,
  -- and a second join with it would be a nested loop over the whole batch for every row.
  locked AS (
    SELECT s.id, s.user_id, i.fire, i.day, i.zone, i.due_at, i.next_at, i.prompt, i.message_id, i.topic
    FROM amora_sessions s JOIN input i ON i.id = s.id
    -- The planner cannot see how few rows unnest yields; the id list makes the primary key
    -- drive this lookup instead of a scan of every session.
    WHERE s.id = ANY($1::uuid[])
      AND s.status::text = i.status AND s.follow_up_enabled = i.enabled
      AND s.follow_up_time IS NOT DISTINCT FROM i.time AND s.timezone = i.zone
      AND s.next_follow_up_at = i.seen_next AND s.last_follow_up_at IS NOT DISTINCT FROM i.seen_last
    FOR UPDATE OF s SKIP LOCKED
  ),
  -- The day's check-in, unless the session has it already: the unique key decides, through its
  -- index whatever the planner thinks of the table (a NOT EXISTS probe of a table analyzed empty
  -- was planned as a sequential scan, each probe reading every check-in of the wave so far).
  followup AS (
    INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt, message_id, created_at)
    SELECT gen_random_uuid(), l.id, l.user_id, l.day, l.zone, l.due_at, l.prompt, l.message_id, $15::timestamptz
    FROM locked l WHERE l.fire
    ON CONFLICT (session_id, local_day, timezone) DO NOTHING
    RETURNING session_id
  ),
  claimed AS (
    UPDATE amora_sessions s SET
      next_follow_up_at = l.next_at,
      last_follow_up_at = CASE WHEN l.written THEN $15::timestamptz ELSE s.last_follow_up_at END,
      last_message_at = CASE WHEN l.written THEN $15::timestamptz ELSE s.last_message_at END,
      last_activity_at = CASE WHEN l.written THEN GREATEST(s.last_activity_at, $15::timestamptz) ELSE s.last_activity_at END
    -- An uncorrelated IN is one hash of what was written, not a scan of it per row.
    FROM (SELECT *, id IN (SELECT session_id FROM followup) AS written FROM locked) l
    WHERE s.id = l.id
    RETURNING s.id, s.user_id, l.prompt, l.message_id, l.topic, l.written
  ),
  message AS (
    INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, created_at)
    SELECT c.message_id, c.id, c.user_id, 'amora'::amora_sender, c.prompt,
      jsonb_build_object('response_style', 'CHECK_IN', 'emotions', '[]'::jsonb,
        'topics', CASE WHEN c.topic IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(c.topic) END),
      $15::timestamptz
    FROM claimed c WHERE c.written
  )
  SELECT c.id, c.written FROM claimed c`;
