/**
 * The baseline: a bare Apollo Server 5 (standalone, no auth, no database) answering `{ __typename }`.
 * BARE_APOLLO_MODE=express mounts it on Express 5 the way src/server/app.ts does, to split the
 * framework's cost from Amora's own.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { serve } from './ipc';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'world' } };

async function main(): Promise<void> {
  const apollo = new ApolloServer({ typeDefs, resolvers });
  if (process.env.BARE_APOLLO_MODE === 'express') {
    await apollo.start();
    const app = express();
    app.use(express.json());
    app.use('/graphql', expressMiddleware(apollo));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    serve(`http://127.0.0.1:${port}`, {}, async () => {
      await apollo.stop();
      server.close();
    });
    return;
  }
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  serve(url.replace(/\/$/, ''), {}, () => apollo.stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
