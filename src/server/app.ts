import http from 'node:http';
import express from 'express';
import type { Logger } from 'pino';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { GraphQLSchema } from 'graphql';
import { jwtSecret } from '../auth/local-secret';
import { bearerToken, createTokenVerifier, type TokenVerifier, type Viewer } from '../auth/token';
import { systemClock, type Clock } from '../clock';
import type { Config } from '../config';
import { openDatabase, type Database } from '../db/database';
import { createRestRouter } from '../rest/rest.router';
import type { Context } from './context';
import { formatGraphQLError, toPublicError } from './errors';
import { directGraphqlRoute } from './graphql-http';
import { complexityPlugin, queryLimits } from './query-limits';
import { createLoaders } from './loaders';
import { createMetrics, metricsHandler } from './metrics';
import { createLogger } from './logger';
import { requestLogger } from './request-log';
import { createAmoraPubSub } from './pubsub';
import { createSchema } from './schema';
import { createServices, type Services } from './services';
import { attachWebsocket } from './websocket';

/** A running Amora server and what tests and the entry point need to reach inside it. */
export interface AmoraServer {
  http: http.Server;
  db: Database;
  services: Services;
  schema: GraphQLSchema;
  logger: Logger;
  /** Where it listens, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** Stops accepting, finishes in-flight requests, closes sockets, the pool and the embedded database. */
  stop(): Promise<void>;
}

/** What to build the server from; everything but `config` has a default. */
export interface ServerOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Called with every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
}

/** Opens the database, builds the services, the schema and the HTTP face, and starts listening. */
export async function startServer(options: ServerOptions): Promise<AmoraServer> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const verify = createTokenVerifier({
    secret: jwtSecret(config),
    jwksUrl: config.jwksUrl,
    audience: config.jwtAudience,
  });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrate: config.migrateOnStart,
    logger,
    onQuery: options.onQuery,
    queryTimeoutMs: config.dbQueryTimeoutMs,
    preparedStatements: config.preparedStatements,
  });
  // Built once here: in-process, or through Redis when REDIS_URL is set (several instances).
  const pubsub = createAmoraPubSub({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    logger,
  });
  try {
    let openSockets = () => 0;
    const metrics = createMetrics({ pool: db.pool, openSockets: () => openSockets() });
    // Rate limits share the pub/sub's command connection: one budget across instances.
    const services = createServices({
      db,
      config,
      clock,
      pubSub: pubsub.pubSub,
      redis: pubsub.redis,
      logger,
      telemetry: metrics.telemetry,
    });
    const schema = await createSchema({ pubSub: pubsub.pubSub });
    const app = express();
    // JSON POSTs to /graphql skip Express (see graphql-http.ts); set once Apollo has started.
    let direct: (req: http.IncomingMessage, res: http.ServerResponse) => boolean = () => false;
    const httpServer = http.createServer((req, res) => {
      if (!direct(req, res)) app(req, res);
    });

    // HTTP requests and websocket operations get the same context from the same verifier.
    const contextFor = (viewer: Viewer): Context => ({
      viewer,
      services,
      loaders: createLoaders(db, viewer.userId),
    });
    const authenticate = async (header: string | undefined): Promise<Context> =>
      contextFor(await verify(bearerToken(header)));
    const sockets = attachWebsocket({
      httpServer,
      schema,
      contextFor,
      logger,
      verify: (header) => verify(bearerToken(header)),
      maxSocketsPerUser: config.maxSocketsPerUser,
      production: config.production,
      validationRules: queryLimits(),
      onPush: metrics.pushed,
    });
    openSockets = sockets.count;

    const apollo = new ApolloServer<Context>({
      schema,
      introspection: config.introspection,
      includeStacktraceInErrorResponses: false,
      // src/main.ts owns shutdown (requests, sockets, timer, pool, embedded database, in that order).
      stopOnTerminationSignals: false,
      formatError: formatGraphQLError,
      validationRules: queryLimits(),
      csrfPrevention: {
        requestHeaders: ['authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
      },
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        // Closes the websockets (1001) when Apollo drains, alongside the HTTP connections.
        {
          async serverWillStart() {
            return {
              async drainServer() {
                await sockets.dispose();
              },
            };
          },
        },
        complexityPlugin<Context>(),
        statusPlugin(logger),
        metrics.apolloPlugin,
      ],
    });
    await apollo.start();

    app.disable('x-powered-by');
    const logRequest = requestLogger(logger);
    app.use(logRequest);
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/readyz', async (_req, res) => {
      const ready = await db.isReady();
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
    });
    // Operators' metrics on the public port, for holders of the token only; no token, no endpoint.
    if (config.metricsToken)
      app.get('/metrics', metricsHandler(metrics.registry, config.metricsToken));
    app.use(express.json({ limit: config.bodyLimitBytes }));
    app.use('/api/v1/coach', createRestRouter({ authenticate, logger }));
    app.use(
      '/graphql',
      expressMiddleware(apollo, {
        context: async ({ req }) => authenticate(req.headers.authorization),
      }),
    );
    // Body parser failures and anything else that escaped a route.
    app.use(
      (
        error: { status?: number; type?: string; message?: string },
        req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        if (error.type === 'entity.too.large')
          return res
            .status(413)
            .json({ detail: `Request body is larger than ${config.bodyLimitBytes} bytes` });
        // FastAPI answers an undecodable body with 422 on its REST routes; GraphQL-over-HTTP says 400.
        if (error.type === 'entity.parse.failed')
          return res
            .status(req.path.startsWith('/api/') ? 422 : 400)
            .json({ detail: 'Request body is not valid JSON' });
        const safe = toPublicError(error);
        if (safe.httpStatus >= 500) logger.error({ err: error }, 'unhandled error');
        return res.status(safe.httpStatus).json({ detail: safe.message });
      },
    );

    direct = directGraphqlRoute({
      apollo,
      authenticate,
      bodyLimitBytes: config.bodyLimitBytes,
      logRequest: (req, res) => logRequest(req, res),
      logger,
    });

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const address = httpServer.address() as import('node:net').AddressInfo;
    const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
    const url = `http://${host}:${address.port}`;
    logger.info({ url }, 'Amora is listening');
    services.retention.start(logger);
    services.followupTimer.start();

    let stopping: Promise<void> | null = null;
    return {
      http: httpServer,
      db,
      services,
      schema,
      logger,
      url,
      stop: () => {
        stopping ??= (async () => {
          await services.retention.stop();
          await apollo.stop();
          await services.followupTimer.stop();
          await pubsub.close();
          await db.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await pubsub.close();
    await db.close();
    throw error;
  }
}

/**
 * Gives GraphQL responses the HTTP status their errors call for (503 when the database is away,
 * 429 when rate limited) and logs masked errors with their stack, server side only.
 */
function statusPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = error.originalError;
            if (original && !('extensions' in original))
              logger.error({ err: original }, 'resolver failed');
          }
        },
        async willSendResponse({ response, errors }) {
          const public_ = (errors ?? []).map((error) =>
            toPublicError(error.originalError ?? error),
          );
          if (public_.some((e) => e.httpStatus === 503)) response.http.status = 503;
          const limited = public_.find((e) => e.httpStatus === 429);
          if (limited) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(limited.extensions.retryAfterSeconds));
          }
        },
      };
    },
  };
}
