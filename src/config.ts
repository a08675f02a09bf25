import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Everything the server reads from its environment, parsed once. Names and defaults are the
 * contract's (`../shared/spec/api.md`, "Process, ports, configuration").
 */
export interface Config {
  port: number;
  host: string;
  /** Unset: an embedded PostgreSQL under {@link Config.dataDir}. */
  databaseUrl: string | null;
  dataDir: string;
  redisUrl: string | null;
  /** Put before every Redis channel and key (`AMORA_REDIS_PREFIX`, default `amora:`), so deployments sharing a Redis stay apart. */
  redisPrefix: string;
  jwtSecret: string | null;
  jwksUrl: string | null;
  jwtAudience: string;
  followupTickMs: number;
  defaultTimezone: string;
  /** Coach turns per user per minute; 0 turns the limit off. */
  rateLimitTurnsPerMinute: number;
  /** Sessions created per user per hour; 0 turns the limit off. */
  rateLimitSessionsPerHour: number;
  introspection: boolean;
  production: boolean;
  /** Apply pending migrations at start (`AMORA_MIGRATE_ON_START=false` leaves it to `npm run db:migrate`). */
  migrateOnStart: boolean;
  logLevel: string;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Crisis resources named in SAFETY answers; empty strings fall back to the engine's defaults. */
  safety: { emergencyNumber: string; crisisLine: string; domesticViolenceLine: string };
  /** Delete messages older than this many days in a daily sweep; 0 keeps them. */
  retentionDays: number;
  /** Open websocket connections one user may hold. */
  maxSocketsPerUser: number;
  /**
   * Longest a database statement may go unanswered (`AMORA_DB_QUERY_TIMEOUT_MS`, default 30 s;
   * 0: no limit) before the request fails with 503 and the connection is dropped: a network
   * partition must not hold requests forever.
   */
  dbQueryTimeoutMs: number;
  /**
   * Named (prepared) statements on the turn's hot path (`AMORA_PREPARED_STATEMENTS`); null: decided
   * from `DATABASE_URL` (on for the embedded database and direct URLs, off for poolers).
   */
  preparedStatements: boolean | null;
  /** Bearer token that `GET /metrics` asks for (`AMORA_METRICS_TOKEN`); unset: no metrics endpoint. */
  metricsToken: string | null;
  /**
   * Browser origins allowed to call the API (`AMORA_CORS_ORIGINS`: comma-separated origins, or `*`;
   * default Apollo Studio's). Auth is a bearer header, never a cookie: no credentials mode.
   */
  corsOrigins: string[] | '*';
  /**
   * Worker threads that run the coach engine's turns (`AMORA_ENGINE_WORKERS`), so its CPU stays
   * off the event loop; 0 runs it on the main thread. Default: {@link defaultEngineWorkers}.
   */
  engineWorkers: number;
}

/** Apollo Studio's Explorer calls the API from this origin. */
export const STUDIO_ORIGIN = 'https://studio.apollographql.com';

function origins(env: NodeJS.ProcessEnv): string[] | '*' {
  const raw = text(env, 'AMORA_CORS_ORIGINS') ?? STUDIO_ORIGIN;
  if (raw === '*') return '*';
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL | null;
      try {
        url = new URL(entry);
      } catch {
        url = null;
      }
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, ''))
        throw new ConfigError(
          `AMORA_CORS_ORIGINS must be * or comma-separated origins such as https://app.example.com, got "${entry}"`,
        );
      return url.origin;
    });
}

/** Why a configuration value was refused; the message names the variable and what it accepts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function text(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

/** Most engine worker threads `AMORA_ENGINE_WORKERS` accepts. */
const MAX_ENGINE_WORKERS = 64;

/**
 * Engine worker threads when `AMORA_ENGINE_WORKERS` is unset: one on a machine of 1 or 2 cores
 * (the main thread keeps a core for requests and PostgreSQL), two on larger ones (a turn is ~1 ms
 * of CPU, so two threads answer ~2,000 turns a second, more than one process's request path
 * serves; more instances scale further).
 */
export function defaultEngineWorkers(cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

function engineWorkers(env: NodeJS.ProcessEnv): number {
  const value = integer(env, 'AMORA_ENGINE_WORKERS', defaultEngineWorkers());
  if (value > MAX_ENGINE_WORKERS) {
    throw new ConfigError(
      `AMORA_ENGINE_WORKERS must be a whole number from 0 (engine on the main thread) to ${MAX_ENGINE_WORKERS}, got "${env.AMORA_ENGINE_WORKERS}"`,
    );
  }
  return value;
}

/** Reads the configuration from `env` (the process environment by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defaultTimezone = text(env, 'AMORA_DEFAULT_TIMEZONE') ?? 'UTC';
  if (!isTimeZone(defaultTimezone)) {
    throw new ConfigError(
      `AMORA_DEFAULT_TIMEZONE must be an IANA time zone such as Europe/Berlin, got "${defaultTimezone}"`,
    );
  }
  return {
    port: integer(env, 'PORT', 4000),
    host: text(env, 'HOST') ?? '0.0.0.0',
    databaseUrl: text(env, 'DATABASE_URL'),
    dataDir: path.resolve(text(env, 'AMORA_DATA_DIR') ?? '.amora'),
    redisUrl: text(env, 'REDIS_URL'),
    redisPrefix: text(env, 'AMORA_REDIS_PREFIX') ?? 'amora:',
    jwtSecret: text(env, 'AMORA_JWT_SECRET'),
    jwksUrl: text(env, 'AMORA_JWKS_URL'),
    jwtAudience: text(env, 'AMORA_JWT_AUDIENCE') ?? 'authenticated',
    followupTickMs: integer(env, 'AMORA_FOLLOWUP_TICK_MS', 60_000, 10),
    defaultTimezone,
    rateLimitTurnsPerMinute: integer(env, 'AMORA_RATE_LIMIT_TURNS_PER_MINUTE', 30),
    rateLimitSessionsPerHour: integer(env, 'AMORA_RATE_LIMIT_SESSIONS_PER_HOUR', 60),
    introspection: flag(env, 'AMORA_INTROSPECTION', true),
    production: env.NODE_ENV === 'production',
    migrateOnStart: flag(env, 'AMORA_MIGRATE_ON_START', true),
    logLevel: text(env, 'LOG_LEVEL') ?? 'info',
    bodyLimitBytes: integer(env, 'AMORA_BODY_LIMIT_BYTES', 100_000, 1_000),
    safety: {
      emergencyNumber: text(env, 'AMORA_EMERGENCY_NUMBER') ?? '',
      crisisLine: text(env, 'AMORA_CRISIS_LINE') ?? '',
      domesticViolenceLine: text(env, 'AMORA_DOMESTIC_VIOLENCE_LINE') ?? '',
    },
    retentionDays: integer(env, 'AMORA_RETENTION_DAYS', 0),
    maxSocketsPerUser: integer(env, 'AMORA_MAX_SOCKETS_PER_USER', 10, 1),
    dbQueryTimeoutMs: integer(env, 'AMORA_DB_QUERY_TIMEOUT_MS', 30_000),
    corsOrigins: origins(env),
    engineWorkers: engineWorkers(env),
    metricsToken: text(env, 'AMORA_METRICS_TOKEN'),
    preparedStatements: env.AMORA_PREPARED_STATEMENTS?.trim()
      ? flag(env, 'AMORA_PREPARED_STATEMENTS', true)
      : null,
  };
}

/** True when `zone` is an IANA time zone name this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The checkout's root (where `package.json` is), found from this file so that the same code works
 * compiled under `dist/` and run from source.
 */
export const PROJECT_ROOT: string = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${__dirname}`);
  }
})();
