import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { signToken } from '../../src/auth/token';
import type { Clock } from '../../src/clock';
import { loadConfig, type Config } from '../../src/config';
import { startServer, type AmoraServer } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { createTestDatabase, type TestDatabase } from './database';

/** The HS256 secret test servers accept. */
export const TEST_SECRET = 'test-secret-with-enough-length-for-hs256-0123456789';

/** A server of this test file's own, on its own database, and ways to call it as a client would. */
export interface TestServer {
  server: AmoraServer;
  db: TestDatabase;
  url: string;
  config: Config;
  /** A token for `userId` (a fresh user when omitted). */
  token(userId?: string): Promise<string>;
  /** POST /graphql; returns status and parsed body. */
  gql(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: any }>;
  /** Any REST call under the server's root. */
  rest<T = any>(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** Starts a server for a test file: own database, port 0, known secret, quiet logs unless given a logger. */
export async function startTestServer(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    logger?: Logger;
    onQuery?: (sql: string) => void;
    db?: TestDatabase;
    /** An engine worker handed a message of exactly this text exits mid-turn. */
    engineExitOnText?: string;
  } = {},
): Promise<TestServer> {
  const db = options.db ?? (await createTestDatabase());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-test-data-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    AMORA_DATA_DIR: dataDir,
    AMORA_JWT_SECRET: TEST_SECRET,
    AMORA_MIGRATE_ON_START: 'false',
    AMORA_RATE_LIMIT_TURNS_PER_MINUTE: '0',
    AMORA_RATE_LIMIT_SESSIONS_PER_HOUR: '0',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const server = await startServer({
    config,
    clock: options.clock,
    // TEST_LOG=error (or debug, …) shows what the server logged, e.g. the cause of a 500.
    logger: options.logger ?? createLogger(process.env.TEST_LOG ?? 'silent'),
    onQuery: options.onQuery,
    engineExitOnText: options.engineExitOnText,
  });
  const call = async (token: string | null, method: string, url: string, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    server,
    db,
    url: server.url,
    config,
    token: (userId = randomUUID()) => signToken(TEST_SECRET, userId),
    gql: (token, query, variables) => call(token, 'POST', '/graphql', { query, variables }),
    rest: (token, method, url, body) => call(token, method, url, body),
    stop: async () => {
      await server.stop();
      if (!options.db) await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
