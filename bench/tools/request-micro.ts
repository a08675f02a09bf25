/**
 * In-process CPU of two pieces of the GraphQL request path, for changes too small for a turn A/B
 * on a shared machine to resolve: `checkComplexity` on the coach-turn benchmark's sendMessage
 * document (µs per call, 20,000 calls after as many warm-up calls), and Apollo's
 * `executeOperation` of an introspection query resolving ~600 fields with the default
 * cache-control plugin on and off (µs per operation, 300 after 300 warm-up, 6 pairs alternating).
 *
 *   node -r @swc-node/register bench/tools/request-micro.ts [--root=/tmp/base]
 *
 * `--root` takes `checkComplexity` from another checkout (a baseline commit).
 */
import 'reflect-metadata';
import path from 'node:path';
import { parse } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { createSchema } from '../../src/server/schema';
import type { checkComplexity as CheckComplexity } from '../../src/server/query-limits';
import { SEND } from '../coach-turn';
import { ROOT } from '../lib/child';
import { arg } from '../lib/args';

/** µs of CPU per call, after as many calls unmeasured. */
function cpuPerCall(n: number, fn: () => unknown): number {
  for (let i = 0; i < n; i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / n;
}

async function cpuPerOperation(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < n; i++) await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / n;
}

async function main(): Promise<void> {
  const root = path.resolve(arg('root') ?? ROOT);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkComplexity } = require(path.join(root, 'src/server/query-limits')) as {
    checkComplexity: typeof CheckComplexity;
  };
  const schema = await createSchema();
  const document = parse(SEND);
  const variables = {
    input: {
      specificQuestion: 'I have been feeling distant from my partner',
      coachSessionId: '00000000-0000-4000-8000-000000000000',
    },
  };
  for (let round = 0; round < 3; round++) {
    const us = cpuPerCall(20_000, () => checkComplexity(schema, document, variables, undefined));
    console.log(`checkComplexity (${root}): ${us.toFixed(2)} µs per call`);
  }
  const query = '{ __schema { types { name kind fields { name type { name kind } } } } }';
  for (const off of Array.from({ length: 12 }, (_, i) => i % 2 === 1)) {
    const apollo = new ApolloServer({
      schema,
      plugins: off ? [ApolloServerPluginCacheControlDisabled()] : [],
    });
    await apollo.start();
    const us = await cpuPerOperation(300, () => apollo.executeOperation({ query }));
    console.log(
      `introspection, cache-control plugin ${off ? 'off' : 'on'}: ${us.toFixed(0)} µs per operation`,
    );
    await apollo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
