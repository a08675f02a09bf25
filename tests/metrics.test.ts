import { ManualClock } from '../src/clock';
import { subscribeFollowups } from './support/subscriber';
import { startTestServer, type TestServer } from './support/server';

/*
 * GET /metrics as Prometheus scrapes it: guarded by AMORA_METRICS_TOKEN, and moving with what the
 * instance does (turns, refusals, operations, ticks, pushes, sockets, pool).
 */

const TOKEN = 'scrape-token-0123456789';
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId } }`;
const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;

let t: TestServer;
const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
beforeAll(async () => {
  t = await startTestServer({
    clock,
    env: {
      AMORA_METRICS_TOKEN: TOKEN,
      AMORA_RATE_LIMIT_TURNS_PER_MINUTE: '2',
      AMORA_FOLLOWUP_TICK_MS: '3600000',
    },
  });
});
afterAll(async () => {
  await t.stop();
});

async function scrape(authorization = `Bearer ${TOKEN}`) {
  const response = await fetch(`${t.url}/metrics`, { headers: { authorization } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** The value of one sample (`name{labels} value`), or null when the scrape has no such line. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('refuses a scraper without the token, and one with a wrong token', async () => {
    expect((await scrape('')).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(`Bearer wrong`)).text).not.toContain('amora_');
  });

  it('is not served at all when no token is configured', async () => {
    const bare = await startTestServer();
    try {
      const response = await fetch(`${bare.url}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(404);
    } finally {
      await bare.stop();
    }
  });

  it('counts turns, refusals, operations, ticks, pushes and sockets as they happen', async () => {
    const before = await scrape();
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    // Process health an operator alerts on is there from the first scrape.
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_p99_seconds',
      'amora_db_pool_waiting',
    ])
      expect(sample(before.text, name)).not.toBeNull();
    // The engine workers' own GC pauses, which Node's GC metrics (main thread only) do not see.
    expect(before.text).toContain('# TYPE amora_engine_gc_duration_seconds histogram');
    expect(sample(before.text, 'amora_turn_duration_seconds_count{outcome="ok"}')).toBeNull();

    const userId = crypto.randomUUID();
    const token = await t.token(userId);
    const { body } = await t.gql(token, CREATE, {
      input: { title: 'Check in', followUpEnabled: true, followUpTime: '09:00', timezone: 'UTC' },
    });
    const sessionId = body.data.createSession.id;
    const subscriber = await subscribeFollowups(t.url, token);
    try {
      for (let i = 0; i < 2; i++) {
        const ok = await t.gql(token, SEND, {
          input: { specificQuestion: 'We keep fighting about money', coachSessionId: sessionId },
        });
        expect(ok.body.errors).toBeUndefined();
      }
      const refused = await t.gql(token, SEND, {
        input: { specificQuestion: 'And again today', coachSessionId: sessionId },
      });
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      // A REST turn is a turn too (it is refused by the same limit).
      const rest = await t.rest(token, 'POST', '/api/v1/coach', {
        specific_question: 'Still here',
        coach_session_id: sessionId,
      });
      expect(rest.status).toBe(429);

      expect(await t.server.services.followupTimer.tick()).toBe(1);
      await waitFor(() => subscriber.events.length === 1);

      const after = (await scrape()).text;
      expect(sample(after, 'amora_turn_duration_seconds_count{outcome="ok"}')).toBe(2);
      expect(sample(after, 'amora_turn_duration_seconds_count{outcome="RATE_LIMITED"}')).toBe(2);
      expect(sample(after, 'amora_turn_engine_seconds_count')).toBe(2);
      expect(sample(after, 'amora_turn_engine_seconds_sum')).toBeGreaterThan(0);
      expect(sample(after, 'amora_rate_limit_refusals_total{limit="turns"}')).toBe(2);
      expect(
        sample(after, 'amora_graphql_operations_total{operation="sendMessage",outcome="ok"}'),
      ).toBe(2);
      expect(
        sample(
          after,
          'amora_graphql_operations_total{operation="sendMessage",outcome="RATE_LIMITED"}',
        ),
      ).toBe(1);
      expect(
        sample(after, 'amora_graphql_operations_total{operation="createSession",outcome="ok"}'),
      ).toBe(1);
      expect(sample(after, 'amora_followup_tick_duration_seconds_count')).toBe(1);
      expect(sample(after, 'amora_followup_checkins_claimed_total')).toBe(1);
      expect(sample(after, 'amora_followup_last_tick_timestamp_seconds')).toBeGreaterThan(
        Date.now() / 1000 - 60,
      );
      expect(sample(after, 'amora_ws_pushes_total')).toBe(1);
      expect(sample(after, 'amora_ws_connections_open')).toBe(1);
      expect(sample(after, 'amora_db_pool_connections{state="idle"}')).toBeGreaterThan(0);
    } finally {
      await subscriber.close();
    }
    await waitFor(async () => sample((await scrape()).text, 'amora_ws_connections_open') === 0);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
