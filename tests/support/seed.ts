import { randomUUID } from 'node:crypto';
import type { TestDatabase } from './database';

/** What {@link seedSession} wrote, to compare against. */
export interface SeededSession {
  sessionId: string;
  /** Every message id, in conversation order (the superseded answer included). */
  messageIds: string[];
  supersededId: string;
  replacementId: string;
  feedbackIds: string[];
  followupId: string;
}

/**
 * Writes one session straight into the database with a bit of everything the schema holds: the
 * user row, the session, conversation state, `turns` user/Amora pairs, one regenerated answer
 * (the old one superseded), feedback of each kind, and a check-in with its message. Tests that
 * must not depend on the coach engine (or need exact content) use it.
 */
export async function seedSession(
  db: TestDatabase,
  userId: string,
  options: {
    title?: string;
    isDefault?: boolean;
    turns?: number;
    text?: (i: number) => string;
  } = {},
): Promise<SeededSession> {
  const turns = options.turns ?? 3;
  const text = options.text ?? ((i: number) => `message ${i}`);
  const sessionId = randomUUID();
  await db.query('INSERT INTO amora_users (id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
  await db.query(
    `INSERT INTO amora_sessions (id, user_id, title, is_default, default_key, primary_topic, follow_up_enabled, follow_up_time, timezone, summary_text)
     VALUES ($1, $2, $3, $4, $5, 'heartbreak', true, '21:30', 'Europe/Berlin', 'a summary')`,
    [
      sessionId,
      userId,
      options.title ?? 'Seeded',
      options.isDefault ?? false,
      options.isDefault ? `${userId}:default` : null,
    ],
  );
  await db.query(
    `INSERT INTO amora_session_state (session_id, user_id, turn_count, state) VALUES ($1, $2, $3, '{"facts": {"partner": "Alex"}}')`,
    [sessionId, userId, turns],
  );

  const messageIds: string[] = [];
  const insert = async (
    sender: 'user' | 'amora',
    body: string,
    replyTo: string | null,
    meta: object = {},
  ) => {
    const id = randomUUID();
    await db.query(
      `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, reply_to_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, sessionId, userId, sender, body, JSON.stringify(meta), replyTo],
    );
    messageIds.push(id);
    return id;
  };
  const answers: string[] = [];
  for (let i = 0; i < turns; i++) {
    const question = await insert('user', text(2 * i), null, {
      topics: ['heartbreak'],
      emotions: ['sad'],
    });
    answers.push(
      await insert('amora', text(2 * i + 1), question, {
        topics: ['heartbreak'],
        emotions: ['sad'],
        response_style: 'GROUNDING',
        block_ids: [`b${i}`],
      }),
    );
  }
  // The last answer was regenerated: it stays, superseded by a new one.
  const supersededId = answers[answers.length - 1];
  const replacementId = await insert(
    'amora',
    'a better answer',
    messageIds[messageIds.length - 2],
    { response_style: 'DEEPENING' },
  );
  await db.query('UPDATE amora_session_messages SET superseded_by_id = $1 WHERE id = $2', [
    replacementId,
    supersededId,
  ]);

  const feedbackIds: string[] = [];
  for (const [messageId, type] of [
    [answers[0], 'like'],
    [supersededId, 'regenerate'],
    [replacementId, 'dislike'],
  ] as const) {
    const id = randomUUID();
    await db.query(
      'INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type) VALUES ($1, $2, $3, $4, $5)',
      [id, sessionId, messageId, userId, type],
    );
    feedbackIds.push(id);
  }

  const checkIn = await insert(
    'amora',
    'Last time we talked about Alex. How have you been feeling?',
    null,
    { response_style: 'CHECK_IN' },
  );
  const followupId = randomUUID();
  await db.query(
    `INSERT INTO amora_followups (id, session_id, user_id, local_day, timezone, due_at, prompt, message_id) VALUES ($1, $2, $3, '2026-03-01', 'UTC', '2026-03-01T20:30:00Z', 'How have you been feeling?', $4)`,
    [followupId, sessionId, userId, checkIn],
  );
  return { sessionId, messageIds, supersededId, replacementId, feedbackIds, followupId };
}

/** Row counts per table for every table with a `column` column (found in the catalog, so a table added later is covered too). */
export async function countRowsBy(
  db: TestDatabase,
  column: 'user_id' | 'session_id',
  value: string,
): Promise<Record<string, number>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = $1 ORDER BY table_name`,
    [column],
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM "${table_name}" WHERE ${column} = $1`,
      [value],
    );
    counts[table_name] = Number(row.n);
  }
  // The rows that are keyed by the id itself.
  const own = column === 'user_id' ? 'amora_users' : 'amora_sessions';
  const [row] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${own} WHERE id = $1`, [
    value,
  ]);
  counts[`${own}.id`] = Number(row.n);
  return counts;
}
