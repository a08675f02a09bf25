/**
 * The baseline: a bare Apollo Server 5 (standalone, no auth, no database) answering `{ __typename }`.
 * The standalone server is a plain `node:http` handler (with body-parser and cors).
 * BARE_APOLLO_MODE=express mounts it on Express 5 the way src/server/app.ts does, to split the
 * framework's cost from Amora's own; BARE_APOLLO_MODE=fastify on Fastify 5 (@as-integrations/fastify).
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
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
  if (process.env.BARE_APOLLO_MODE === 'fastify') {
    const fastify = Fastify();
    const fastifyApolloServer = new ApolloServer({
      typeDefs,
      resolvers,
      plugins: [fastifyApolloDrainPlugin(fastify)],
    });
    await fastifyApolloServer.start();
    await fastify.register(fastifyApollo(fastifyApolloServer));
    const address = await fastify.listen({ port: 0, host: '127.0.0.1' });
    serve(address, {}, async () => {
      await fastifyApolloServer.stop();
      await fastify.close();
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
