import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLRequestContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Kind } from 'graphql';
import type pg from 'pg';
import client from 'prom-client';
import type { Telemetry } from '../telemetry';
import type { Context } from './context';

/** Everything an operator scrapes from one instance, and the hooks that feed it. */
export interface Metrics {
  registry: client.Registry;
  /** What services record through (turns, refusals, ticks). */
  telemetry: Telemetry;
  /** Counts GraphQL-over-HTTP operations by root field(s) and outcome. */
  apolloPlugin: ApolloServerPlugin<Context>;
  /** A subscription event was handed to its socket. */
  pushed(): void;
}

/** What the gauges read at scrape time. */
export interface MetricsSources {
  pool: pg.Pool;
  /** Open websocket connections. */
  openSockets(): number;
}

/** Seconds; from a fast cached turn up to the point where a user gives up. */
const TURN_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const ENGINE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1];
const TICK_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds; scavenges take a few ms, a full collection of the engine's heap tens. */
const GC_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * Builds a registry of its own (several servers may share a process in tests) with Node's default
 * process metrics (memory, event-loop lag, GC, CPU) and Amora's.
 */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const turnSeconds = new client.Histogram({
    name: 'amora_turn_duration_seconds',
    help: 'Coach turns (sendMessage, REST or GraphQL) from validation to commit, by outcome (ok or the error code)',
    labelNames: ['outcome'],
    buckets: TURN_BUCKETS,
    registers,
  });
  const engineSeconds = new client.Histogram({
    name: 'amora_turn_engine_seconds',
    help: "The coaching engine's share of a turn (all attempts), on the event loop",
    buckets: ENGINE_BUCKETS,
    registers,
  });
  const engineGcSeconds = new client.Histogram({
    name: 'amora_engine_gc_duration_seconds',
    help: "Garbage collections in the engine's worker threads by kind (minor, major, incremental, weakcb); each pauses the turn being answered",
    labelNames: ['kind'],
    buckets: GC_BUCKETS,
    registers,
  });
  const operations = new client.Counter({
    name: 'amora_graphql_operations_total',
    help: 'GraphQL operations over HTTP by root field(s) and outcome (ok or the first error code)',
    labelNames: ['operation', 'outcome'],
    registers,
  });
  const refusals = new client.Counter({
    name: 'amora_rate_limit_refusals_total',
    help: 'Requests refused by a per-user rate limit, by limit (turns, sessions)',
    labelNames: ['limit'],
    registers,
  });
  const tickSeconds = new client.Histogram({
    name: 'amora_followup_tick_duration_seconds',
    help: 'Follow-up timer ticks: claiming and publishing every due check-in',
    buckets: TICK_BUCKETS,
    registers,
  });
  const claimed = new client.Counter({
    name: 'amora_followup_checkins_claimed_total',
    help: 'Check-ins this instance claimed and published',
    registers,
  });
  const tickFailures = new client.Counter({
    name: 'amora_followup_tick_failures_total',
    help: 'Follow-up timer ticks that failed',
    registers,
  });
  const lastTick = new client.Gauge({
    name: 'amora_followup_last_tick_timestamp_seconds',
    help: 'When the last successful tick ended (Unix time; the start until the first one); alert when it falls behind',
    registers,
  });
  lastTick.set(Date.now() / 1000);
  const pushes = new client.Counter({
    name: 'amora_ws_pushes_total',
    help: 'Subscription events (check-ins) pushed to websocket subscribers',
    registers,
  });
  new client.Gauge({
    name: 'amora_ws_connections_open',
    help: 'Open websocket connections (subscribers)',
    registers,
    collect() {
      this.set(sources.openSockets());
    },
  });
  const { pool } = sources;
  new client.Gauge({
    name: 'amora_db_pool_connections',
    help: 'Database pool connections by state (in_use, idle)',
    labelNames: ['state'],
    registers,
    collect() {
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  new client.Gauge({
    name: 'amora_db_pool_waiting',
    help: 'Requests waiting for a database connection',
    registers,
    collect() {
      this.set(pool.waitingCount);
    },
  });

  return {
    registry,
    telemetry: {
      turn(seconds, engine, outcome) {
        turnSeconds.observe({ outcome }, seconds);
        if (engine > 0) engineSeconds.observe(engine);
      },
      rateLimited: (limit) => refusals.inc({ limit }),
      tick(seconds, count, failed) {
        tickSeconds.observe(seconds);
        if (failed) tickFailures.inc();
        else lastTick.set(Date.now() / 1000);
        if (count > 0) claimed.inc(count);
      },
      engineGc: (kind, seconds) => engineGcSeconds.observe({ kind }, seconds),
    },
    pushed: () => pushes.inc(),
    apolloPlugin: {
      requestDidStart() {
        return Promise.resolve({
          willSendResponse(context) {
            const code = context.errors?.[0]?.extensions?.code;
            operations.inc({
              operation: operationLabel(context),
              outcome: context.errors?.length ? (typeof code === 'string' ? code : 'ERROR') : 'ok',
            });
            return Promise.resolve();
          },
        });
      },
    },
  };
}

/**
 * The operation's root fields, e.g. `sendMessage` or `sessions,me`: bounded by the schema, unlike
 * client-chosen operation names. `(unparsed)` when the document never parsed or validated.
 */
function operationLabel(context: GraphQLRequestContext<Context>): string {
  const operation = context.operation;
  if (!operation) return '(unparsed)';
  const fields = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.add(selection.name.value);
    else fields.add('(fragment)');
  }
  return [...fields].sort().join(',').slice(0, 120) || '(empty)';
}

/**
 * `GET /metrics` for a scraper holding `token` (`Authorization: Bearer <token>`); everyone else
 * gets 401, so the public port shows nothing of the instance.
 */
export function metricsHandler(registry: client.Registry, token: string): RequestHandler {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (req, res) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json({ detail: 'A metrics token is required' });
      return;
    }
    res.set('content-type', registry.contentType).send(await registry.metrics());
  };
}
