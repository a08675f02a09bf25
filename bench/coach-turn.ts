/**
 * 1. The coach turn under load: autocannon, 32 connections, POST /graphql `sendMessage`, spread
 * over 1,000 sessions of 500 users (each request with its user's Bearer token, messages varied),
 * against an Amora server in its own process on an embedded PostgreSQL. Targets: p99 under 25 ms;
 * throughput at least 30% of a bare Apollo Server answering `{ __typename }`, measured in the same
 * run with the same load generator. Two more baselines split the cost: Apollo on Express 5 (the
 * framework Amora uses) and Amora itself answering `{ __typename }` (auth, logging, plugins, no SQL).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type AutocannonResult } from 'autocannon';
import { signTokens } from './lib/auth';
import { amoraEnv, startChild, type ChildServer } from './lib/child';
import { messages } from './lib/corpus';
import { cpuSnapshot, cpuSpent } from './lib/cpu';
import { openLoop, type OpenLoopResult } from './lib/openloop';
import { createBenchDatabase, withClient } from './lib/postgres';
import type { Benchmark, Row } from './lib/types';

const CONNECTIONS = 32;
const DURATION_S = Number(process.env.AMORA_BENCH_DURATION ?? 10);
const WARMUP_S = 2;
const USERS = 500;
const SESSIONS_PER_USER = 2;
const BODIES = 4096;
const P99_TARGET_MS = 25;
const THROUGHPUT_TARGET = 0.3;

const SEND = `mutation Send($input: SendMessageInput!) {
  sendMessage(input: $input) { message responseStyle confidence coachSessionId messageId referencedData { topics emotions stage turnCount } }
}`;
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

interface Load {
  body?: string;
  bodies?: { body: string; headers: Record<string, string> }[];
  headers?: Record<string, string>;
  verify: (body: string) => boolean;
}

async function load(
  url: string,
  spec: Load,
  duration: number,
  overallRate?: number,
): Promise<AutocannonResult> {
  let next = 0;
  const bodies = spec.bodies;
  return autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...spec.headers },
    body: spec.body,
    timeout: 10,
    overallRate,
    verifyBody: spec.verify,
    requests: bodies
      ? [
          {
            method: 'POST',
            setupRequest: (request) => {
              const item = bodies[next++ % bodies.length];
              return { ...request, body: item.body, headers: item.headers };
            },
          },
        ]
      : undefined,
  });
}

type Cpu = ReturnType<typeof cpuSpent>;

/** Warms the server up, then measures; returns the measured run and the CPU each party spent on it. */
async function measure(
  url: string,
  spec: Load,
  serverPid: number,
): Promise<{ result: AutocannonResult; cpu: Cpu }> {
  await load(url, spec, WARMUP_S);
  const before = cpuSnapshot();
  const result = await load(url, spec, DURATION_S);
  return { result, cpu: cpuSpent(before, cpuSnapshot(), serverPid) };
}

/** CPU milliseconds per request, by party. */
function perRequest(cpu: Cpu, result: AutocannonResult): string {
  const n = Math.max(1, result.requests.total);
  const f = (ms: number) => (ms / n).toFixed(2);
  return `server ${f(cpu.server)} + PostgreSQL ${f(cpu.postgres)} + load generator ${f(cpu.loadGenerator)} + other ${f(cpu.other)} ms CPU per request`;
}

const failures = (r: AutocannonResult) => r.errors + r.timeouts + r.non2xx + r.mismatches;
const describe = (r: AutocannonResult) =>
  `${Math.round(r.requests.average).toLocaleString()} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ${r.requests.total.toLocaleString()} requests, ${failures(r)} failed (errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, bad bodies ${r.mismatches})`;

async function seed(
  url: string,
): Promise<{ sessions: { id: string; userId: string }[]; userIds: string[] }> {
  const userIds = Array.from({ length: USERS }, () => randomUUID());
  const sessions = userIds.flatMap((userId) =>
    Array.from({ length: SESSIONS_PER_USER }, () => ({ id: randomUUID(), userId })),
  );
  await withClient(url, async (client) => {
    await client.query('INSERT INTO amora_users (id) SELECT unnest($1::uuid[])', [userIds]);
    await client.query(
      `INSERT INTO amora_sessions (id, user_id, title, timezone) SELECT s.id, s.user_id, 'Talking it through', 'UTC'
       FROM unnest($1::uuid[], $2::uuid[]) AS s(id, user_id)`,
      [sessions.map((s) => s.id), sessions.map((s) => s.userId)],
    );
    // An earlier exchange in every session, and dislikes from a fifth of the users, so the turn's
    // read (state + disliked blocks) has something to find.
    await client.query(`
      INSERT INTO amora_session_messages (id, session_id, user_id, sender, message_text, metadata, created_at)
      SELECT gen_random_uuid(), s.id, s.user_id, v.sender::amora_sender, v.body, v.meta::jsonb, now() - interval '1 day' + v.ord * interval '1 second'
      FROM amora_sessions s CROSS JOIN (VALUES
        (1, 'user', 'I have been feeling distant from my partner lately', '{"topics":["communication"],"emotions":["lonely"],"stage":1}'),
        (2, 'amora', 'That distance sounds lonely.', '{"topics":["communication"],"emotions":["lonely"],"response_style":"GROUNDING","block_ids":["communication.reflection.1.01","general.exploration.1.02"],"stage":1,"confidence":0.7}')
      ) AS v(ord, sender, body, meta)`);
    await client.query(`
      INSERT INTO amora_session_feedback (id, session_id, message_id, user_id, feedback_type)
      SELECT gen_random_uuid(), m.session_id, m.id, m.user_id, 'dislike'
      FROM amora_session_messages m WHERE m.sender = 'amora' AND get_byte(uuid_send(m.user_id), 15) % 5 = 0`);
    await client.query('VACUUM ANALYZE');
  });
  return { sessions, userIds };
}

export const benchmark: Benchmark = {
  name: 'coach-turn',
  title: 'coach turn',
  async run() {
    const url = await createBenchDatabase('turn');
    const { sessions, userIds } = await seed(url);
    const tokens = await signTokens(userIds);
    const tokenOf = new Map(userIds.map((id, i) => [id, tokens[i]]));
    const headersOf = new Map(
      userIds.map((id) => [
        id,
        { 'content-type': 'application/json', authorization: `Bearer ${tokenOf.get(id)}` },
      ]),
    );
    const texts = messages(BODIES, 7);
    // Request i goes to session i mod 1,000: consecutive requests hit different sessions and users.
    const turnBodies = texts.map((text, i) => {
      const session = sessions[i % sessions.length];
      return {
        body: JSON.stringify({
          query: SEND,
          variables: { input: { specificQuestion: text, coachSessionId: session.id } },
        }),
        headers: headersOf.get(session.userId)!,
      };
    });
    const typenameBodies = userIds.map((id) => ({ body: TYPENAME, headers: headersOf.get(id)! }));

    const isTypename = (body: string) =>
      body.includes('"__typename"') && !body.includes('"errors"');
    const isTurn = (body: string) => body.includes('"sendMessage"') && !body.includes('"errors"');
    const results: Record<string, AutocannonResult> = {};
    const cpu: Record<string, Cpu> = {};
    let openResult: OpenLoopResult | null = null;
    const run = async (
      label: string,
      start: () => Promise<ChildServer>,
      spec: Load,
      withOpenLoop = false,
    ) => {
      const server = await start();
      try {
        const measured = await measure(server.url, spec, server.pid);
        results[label] = measured.result;
        cpu[label] = measured.cpu;
        if (withOpenLoop) {
          // The same server offered half the rate it sustained: the latency a user sees when the
          // machine is busy but not saturated (a closed loop of 32 clients is saturation by design).
          const rate = Math.max(10, Math.round(measured.result.requests.average / 2));
          openResult = await openLoop(
            server.url,
            spec.bodies!,
            rate,
            Math.max(4, Math.round(DURATION_S / 2)),
            spec.verify,
          );
        }
      } finally {
        await server.stop();
      }
    };

    await run('bare', () => startChild('bare-apollo', { NODE_ENV: 'production' }), {
      body: TYPENAME,
      verify: isTypename,
    });
    await run(
      'bareExpress',
      () => startChild('bare-apollo', { NODE_ENV: 'production', BARE_APOLLO_MODE: 'express' }),
      { body: TYPENAME, verify: isTypename },
    );
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-data-'));
    try {
      const amora = () => startChild('amora', amoraEnv(url, dataDir));
      await run('amoraTypename', amora, { bodies: typenameBodies, verify: isTypename });
      const before = await withClient(url, async (c) =>
        Number(
          (await c.query(`SELECT count(*) FROM amora_session_messages WHERE sender = 'user'`))
            .rows[0].count,
        ),
      );
      await run('turn', amora, { bodies: turnBodies, verify: isTurn }, true);
      const after = await withClient(url, async (c) =>
        Number(
          (await c.query(`SELECT count(*) FROM amora_session_messages WHERE sender = 'user'`))
            .rows[0].count,
        ),
      );
      results.stored = { requests: { total: after - before } } as unknown as AutocannonResult;
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }

    const { bare, bareExpress, amoraTypename, turn } = results;
    const share = turn.requests.average / bare.requests.average;
    const stored = results.stored.requests.total;
    const rows: Row[] = [
      {
        figure: `sendMessage p99 latency, ${CONNECTIONS} connections, ${DURATION_S} s`,
        measured: `${turn.latency.p99} ms`,
        target: `< ${P99_TARGET_MS} ms`,
        met: turn.latency.p99 < P99_TARGET_MS && failures(turn) === 0,
        ratio: `${(turn.latency.p99 / bare.latency.p99).toFixed(1)}x bare Apollo's p99 (${bare.latency.p99} ms)`,
      },
      {
        figure: 'sendMessage p50 latency',
        measured: `${turn.latency.p50} ms`,
        target: '-',
        met: null,
        ratio: `${(turn.latency.p50 / Math.max(bare.latency.p50, 0.5)).toFixed(1)}x bare Apollo's p50 (${bare.latency.p50} ms)`,
      },
      {
        figure: 'sendMessage throughput',
        measured: `${Math.round(turn.requests.average).toLocaleString()} req/s`,
        target: `>= ${THROUGHPUT_TARGET * 100}% of bare`,
        met: share >= THROUGHPUT_TARGET && failures(turn) === 0,
        ratio: `${(share * 100).toFixed(1)}% of bare Apollo (${Math.round(bare.requests.average).toLocaleString()} req/s)`,
      },
      {
        figure: 'Apollo on Express 5, { __typename } (context)',
        measured: `${Math.round(bareExpress.requests.average).toLocaleString()} req/s, p99 ${bareExpress.latency.p99} ms`,
        target: '-',
        met: null,
        ratio: `${((bareExpress.requests.average / bare.requests.average) * 100).toFixed(1)}% of bare Apollo`,
      },
      {
        figure: 'Amora { __typename } with a token (context)',
        measured: `${Math.round(amoraTypename.requests.average).toLocaleString()} req/s, p99 ${amoraTypename.latency.p99} ms`,
        target: '-',
        met: null,
        ratio: `${((amoraTypename.requests.average / bare.requests.average) * 100).toFixed(1)}% of bare Apollo`,
      },
    ];
    const open = openResult!;
    rows.push({
      figure: `sendMessage p50 / p99 at ${open.rate.toLocaleString()} turns/s offered evenly (open loop, half the sustained rate)`,
      measured: `${open.p50.toFixed(1)} / ${open.p99.toFixed(1)} ms`,
      target: '-',
      met: null,
      ratio: `${open.failed} of ${open.sent} failed; max ${open.max.toFixed(0)} ms`,
    });
    rows.push({
      figure: 'CPU per sendMessage: Amora process / PostgreSQL',
      measured: `${(cpu.turn.server / Math.max(1, turn.requests.total)).toFixed(2)} / ${(cpu.turn.postgres / Math.max(1, turn.requests.total)).toFixed(2)} ms`,
      target: '-',
      met: null,
      ratio: `bare Apollo: ${(cpu.bare.server / Math.max(1, bare.requests.total)).toFixed(2)} ms per request; Amora { __typename }: ${(cpu.amoraTypename.server / Math.max(1, amoraTypename.requests.total)).toFixed(2)} ms`,
    });
    const notes = [
      `bare Apollo (standalone): ${describe(bare)}; ${perRequest(cpu.bare, bare)}`,
      `Apollo on Express 5: ${describe(bareExpress)}; ${perRequest(cpu.bareExpress, bareExpress)}`,
      `Amora { __typename }: ${describe(amoraTypename)}; ${perRequest(cpu.amoraTypename, amoraTypename)}`,
      `Amora sendMessage: ${describe(turn)}; ${perRequest(cpu.turn, turn)}`,
      `Amora sendMessage, open loop: ${JSON.stringify(open)}`,
      `turns stored during the measured and warm-up runs: ${stored.toLocaleString()} user messages (autocannon counted ${turn.requests.total.toLocaleString()} in the measured run)`,
    ];
    if (failures(turn) > 0) notes.push('some turns failed: the targets count as not met');
    const pick = (r: AutocannonResult) => ({
      reqPerSec: r.requests.average,
      total: r.requests.total,
      latency: r.latency,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      mismatches: r.mismatches,
    });
    const otherShare = (cpu.turn.other / (DURATION_S * 1000 * os.cpus().length)) * 100;
    if (otherShare > 10)
      notes.push(
        `other processes (kernel threads, other users of this machine) used ${otherShare.toFixed(0)}% of the machine during the sendMessage run: the figures are noisier than usual`,
      );
    return {
      rows,
      notes,
      raw: {
        bare: pick(bare),
        bareExpress: pick(bareExpress),
        amoraTypename: pick(amoraTypename),
        turn: pick(turn),
        turnOpenLoop: open,
        stored,
        cpu,
      },
    };
  },
};
