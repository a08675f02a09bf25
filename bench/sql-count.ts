/**
 * 3. How many SQL statements `sessions { progress messages { edges { node { feedback { id } } } } }` costs,
 * counted through startServer's `onQuery` hook (Prisma's query events), with 50 sessions x 20
 * messages and again with 5 x 4: the DataLoaders must keep it flat (target: at most 4).
 */
import { randomUUID } from 'node:crypto';
import { signTokens } from './lib/auth';
import { startInProcess } from './lib/inproc';
import { createBenchDatabase, withClient } from './lib/postgres';
import { median } from './lib/stats';
import type { Benchmark } from './lib/types';

const QUERY = `{ sessions { id progress { turnCount topics { topic stage } emotionsByDay { day } } messages { totalCount edges { node { id feedback { id } } } } } }`;
const TARGET = 4;

async function seed(
  url: string,
  userId: string,
  sessions: number,
  messagesPerSession: number,
): Promise<{ feedback: number }> {
  return withClient(url, async (client) => {
    await client.query('INSERT INTO amora_users (id) VALUES ($1)', [userId]);
    await client.query(
      `INSERT INTO amora_sessions (id, user_id, title, primary_topic, last_activity_at)
       SELECT gen_random_uuid(), $1, 'Session ' || g, 'trust', now() - g * interval '1 minute' FROM generate_series(1, $2) g`,
      [userId, sessions],
    );
    await client.query(
      `INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, reply_to_id, created_at)
       SELECT gen_random_uuid(), s.id, s.user_id, (CASE WHEN g % 2 = 1 THEN 'user' ELSE 'amora' END)::amora_sender,
              'message ' || g,
              CASE WHEN g % 2 = 1 THEN '{"topics":["trust"],"emotions":["hurt"],"stage":1}'::jsonb
                   ELSE '{"topics":["trust"],"emotions":["hurt"],"response_style":"GROUNDING","block_ids":["trust.reflection.1.01"],"stage":1,"confidence":0.8}'::jsonb END,
              NULL, now() + g * interval '1 millisecond'
       FROM amora_sessions s CROSS JOIN generate_series(1, $2) g WHERE s.user_id = $1 ORDER BY s.id, g`,
      [userId, messagesPerSession],
    );
    // Feedback on every third of Amora's messages.
    const { rowCount } = await client.query(
      `INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type)
       SELECT gen_random_uuid(), m.session_id, m.id, m.user_id, (CASE WHEN m.seq % 2 = 0 THEN 'like' ELSE 'dislike' END)::amora_feedback_type
       FROM amora_session_messages m WHERE m.user_id = $1 AND m.sender = 'amora' AND m.seq % 3 = 0`,
      [userId],
    );
    return { feedback: rowCount ?? 0 };
  });
}

export const benchmark: Benchmark = {
  name: 'sql-count',
  title: 'SQL statements of a nested query',
  async run() {
    const url = await createBenchDatabase('sqlcount');
    const big = { userId: randomUUID(), sessions: 50, messages: 20 };
    const small = { userId: randomUUID(), sessions: 5, messages: 4 };
    const bigSeed = await seed(url, big.userId, big.sessions, big.messages);
    const smallSeed = await seed(url, small.userId, small.sessions, small.messages);
    const [bigToken, smallToken] = await signTokens([big.userId, small.userId]);

    let statements: string[] | null = null;
    const server = await startInProcess(url, (sql) => statements?.push(sql));
    try {
      const measure = async (
        token: string,
        expected: { sessions: number; messages: number; feedback: number },
      ) => {
        await server.gql(token, QUERY); // warm: first use compiles Prisma's query plans
        statements = [];
        const start = performance.now();
        const { status, body } = await server.gql(token, QUERY);
        const elapsed = performance.now() - start;
        const seen = statements;
        statements = null;
        if (status !== 200 || body.errors)
          throw new Error(
            `query failed: ${status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`,
          );
        const sessions = body.data.sessions as {
          messages: { edges: { node: { feedback: unknown[] } }[] };
        }[];
        const messages = sessions.reduce((n, s) => n + s.messages.edges.length, 0);
        const feedback = sessions.reduce(
          (n, s) => n + s.messages.edges.reduce((m, e) => m + e.node.feedback.length, 0),
          0,
        );
        if (
          sessions.length !== expected.sessions ||
          messages !== expected.sessions * expected.messages ||
          feedback !== expected.feedback
        ) {
          throw new Error(
            `unexpected answer: ${sessions.length} sessions, ${messages} messages, ${feedback} feedback (expected ${JSON.stringify(expected)})`,
          );
        }
        // Request time: the median of a few more (statements are not counted for these).
        const times = [elapsed];
        for (let i = 0; i < 9; i++) {
          const t0 = performance.now();
          await server.gql(token, QUERY);
          times.push(performance.now() - t0);
        }
        return { count: seen.length, statements: seen, ms: median(times) };
      };
      const large = await measure(bigToken, {
        sessions: big.sessions,
        messages: big.messages,
        feedback: bigSeed.feedback,
      });
      const base = await measure(smallToken, {
        sessions: small.sessions,
        messages: small.messages,
        feedback: smallSeed.feedback,
      });
      const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 110);
      return {
        rows: [
          {
            figure: `statements, ${big.sessions} sessions x ${big.messages} messages (+${bigSeed.feedback} feedback)`,
            measured: String(large.count),
            target: `<= ${TARGET}`,
            met: large.count <= TARGET,
            ratio: `${(large.count / base.count).toFixed(2)}x the ${small.sessions} x ${small.messages} count (${base.count})`,
          },
          {
            figure: `statements, ${small.sessions} sessions x ${small.messages} messages (+${smallSeed.feedback} feedback)`,
            measured: String(base.count),
            target: `<= ${TARGET}`,
            met: base.count <= TARGET,
            ratio: 'baseline',
          },
          {
            figure: `request time, ${big.sessions} x ${big.messages} (warm, median of 10)`,
            measured: `${large.ms.toFixed(1)} ms`,
            target: '-',
            met: null,
            ratio: `${(large.ms / base.ms).toFixed(2)}x the ${small.sessions} x ${small.messages} request (${base.ms.toFixed(1)} ms)`,
          },
        ],
        notes: large.statements.map((sql, i) => `statement ${i + 1}: ${short(sql)}`),
        raw: { large, base },
      };
    } finally {
      await server.stop();
    }
  },
};
