import type { Database } from '../db/database';

/** One session's progress figures as the aggregate query returns them. */
export interface ProgressRow {
  session_id: string;
  /** The engine's conversation state (JSON), null before the first turn. */
  state: unknown;
  check_ins_sent: number;
  check_ins_answered: number;
  safety_concerns: number;
  /** `[{day, emotion, count}]`, unordered; null when no user message named an emotion. */
  emotions: { day: string; emotion: string; count: number }[] | null;
}

/** The progress figures' SQL. */
export class ProgressRepository {
  constructor(private readonly db: Database) {}

  /**
   * Progress figures of the given sessions of `userId`, in one statement whatever their number.
   * Sessions that are missing or not the user's are simply absent from the result.
   *
   * Emotions come from the user's own messages (Amora's answers repeat them), counted per day in
   * the session's zone. A safety concern is a user turn that any of its answers met in SAFETY, so a
   * regenerated crisis answer is not counted twice.
   */
  rows(userId: string, sessionIds: readonly string[]): Promise<ProgressRow[]> {
    return this.db.prisma.$queryRaw<ProgressRow[]>`
      SELECT s.id AS session_id, st.state,
        (SELECT count(*)::int FROM amora_followups f WHERE f.session_id = s.id) AS check_ins_sent,
        (SELECT count(*)::int FROM amora_followups f
          WHERE f.session_id = s.id AND f.answered_at IS NOT NULL) AS check_ins_answered,
        (SELECT count(DISTINCT COALESCE(m.reply_to_id, m.id))::int FROM amora_session_messages m
          WHERE m.session_id = s.id AND m.sender = 'amora'
            AND m.metadata->>'response_style' = 'SAFETY') AS safety_concerns,
        (SELECT json_agg(json_build_object('day', e.day, 'emotion', e.emotion, 'count', e.n))
          FROM (
            SELECT to_char(timezone(s.timezone, m.created_at), 'YYYY-MM-DD') AS day, x.emotion, count(*)::int AS n
            FROM amora_session_messages m
            CROSS JOIN LATERAL jsonb_array_elements_text(
              CASE WHEN jsonb_typeof(m.metadata->'emotions') = 'array' THEN m.metadata->'emotions' ELSE '[]'::jsonb END
            ) AS x(emotion)
            WHERE m.session_id = s.id AND m.sender = 'user'
            GROUP BY 1, 2
          ) e) AS emotions
      FROM amora_sessions s
      LEFT JOIN amora_session_state st ON st.session_id = s.id
      WHERE s.id = ANY(${[...sessionIds]}::uuid[]) AND s.user_id = ${userId}::uuid`;
  }
}
