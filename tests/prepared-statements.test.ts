import { loadConfig } from '../src/config';
import { preparedStatementsFor } from '../src/db/database';
import { startTestServer, type TestServer } from './support/server';

/*
 * AMORA_PREPARED_STATEMENTS: the turn's two statements are prepared once per connection when on,
 * and never prepared when off (a transaction-mode pooler cannot route them to the right server).
 */

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId referencedData { turnCount } } }`;
const CREATE = `mutation { createSession(input: { title: "Us" }) { id } }`;

describe('the default', () => {
  it('is on for the embedded database and direct URLs, off for transaction-mode poolers', () => {
    expect(preparedStatementsFor(null, null)).toBe(true);
    expect(preparedStatementsFor('postgresql://u@db.example.com:5432/app', null)).toBe(true);
    expect(preparedStatementsFor('postgresql://u@pooler.example.com:6543/postgres', null)).toBe(
      false,
    );
    expect(preparedStatementsFor('postgresql://u@pgb:6432/app?pgbouncer=true', null)).toBe(false);
    // An explicit setting wins either way.
    expect(preparedStatementsFor('postgresql://u@pgb:6432/app?pgbouncer=true', true)).toBe(true);
    expect(preparedStatementsFor(null, false)).toBe(false);
  });

  it('refuses a value that is not a yes or a no, naming the variable', () => {
    expect(() => loadConfig({ AMORA_PREPARED_STATEMENTS: 'sometimes' })).toThrow(
      /AMORA_PREPARED_STATEMENTS/,
    );
    expect(loadConfig({}).preparedStatements).toBeNull();
    expect(loadConfig({ AMORA_PREPARED_STATEMENTS: 'off' }).preparedStatements).toBe(false);
  });
});

describe.each([
  ['true', ['followup_candidates', 'turn_commit', 'turn_snapshot']],
  ['false', []],
])('with AMORA_PREPARED_STATEMENTS=%s', (setting, expected) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { AMORA_PREPARED_STATEMENTS: setting } });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers turns and ticks, and prepares their statements only when on', async () => {
    const token = await t.token();
    const sessionId = (await t.gql(token, CREATE)).body.data.createSession.id;
    for (let i = 1; i <= 3; i++) {
      const { body } = await t.gql(token, SEND, {
        input: { specificQuestion: `We argued again, day ${i}`, coachSessionId: sessionId },
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.sendMessage.referencedData.turnCount).toBe(i);
    }
    // The follow-up timer's read is named too (nothing is due, so there is no claim to send).
    expect(await t.server.services.followupTimer.tick()).toBe(0);
    // Every connection the pool holds: those that ran turns have them prepared (when on).
    const pool = t.server.db.pool;
    const clients = await Promise.all(
      Array.from({ length: pool.totalCount }, () => pool.connect()),
    );
    const names = new Set<string>();
    try {
      for (const client of clients) {
        const { rows } = await client.query<{ name: string }>(
          'SELECT name FROM pg_prepared_statements ORDER BY name',
        );
        for (const row of rows) names.add(row.name);
      }
    } finally {
      for (const client of clients) client.release();
    }
    expect([...names].sort()).toEqual(expected);
  });
});
