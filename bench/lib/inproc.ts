import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { startServer, type AmoraServer } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { amoraEnv } from './child';

/** An Amora server in this process (for figures that need its hooks, like counting SQL). */
export interface InProcessServer {
  server: AmoraServer;
  gql(
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startInProcess(
  databaseUrl: string,
  onQuery?: (sql: string) => void,
  env: Record<string, string> = {},
): Promise<InProcessServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-data-'));
  const config = loadConfig(amoraEnv(databaseUrl, dataDir, env));
  const server = await startServer({ config, logger: createLogger('silent'), onQuery });
  return {
    server,
    gql: async (token, query, variables) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
