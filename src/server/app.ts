import http from 'node:http';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { GraphQLSchema } from 'graphql';
import { devTokenRouter } from '../auth/dev-token';
import { jwtSecret } from '../auth/local-secret';
import { bearerToken, createTokenVerifier, type Viewer } from '../auth/token';
import { systemClock, type Clock } from '../clock';
import type { Config } from '../config';
import { openDatabase, type Database } from '../db/database';
import { sendRestError } from '../rest/rest.errors';
import { createRestRouter } from '../rest/rest.router';
import type { Context } from './context';
import { formatGraphQLError } from './errors';
import { AppError, toPublicError } from '../errors';
import { complexityPlugin, parseOptions, queryLimits } from './query-limits';
import { directGraphqlRoute } from './graphql-http';
import { directCoachTurnRoute } from './rest-turn-http';
import { createLoaders } from './loaders';
import { createMetrics, metricsHandler } from './metrics';
import { createLogger } from './logger';
import { requestLogger } from './request-log';
import { createAmoraPubSub } from '../pubsub/pubsub';
import { createSchema } from './schema';
import { createRepositories, createServices, type Services } from './services';
import { mountWebClient } from './web';
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
  /** Test hook: an engine worker handed a message of exactly this text exits mid-turn. */
  engineExitOnText?: string;
}

/** Opens the database, builds the services, the schema and the HTTP face, and starts listening. */
export async function startServer(options: ServerOptions): Promise<AmoraServer> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const secret = jwtSecret(config);
  const verify = createTokenVerifier({
    secret,
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
  let closeEngine = () => Promise.resolve();
  try {
    let openSockets = () => 0;
    const metrics = createMetrics({ pool: db.pool, openSockets: () => openSockets() });
    // Rate limits share the pub/sub's command connection: one budget across instances.
    const repositories = createRepositories(db);
    const services = createServices({
      db,
      repositories,
      config,
      clock,
      pubSub: pubsub.pubSub,
      redis: pubsub.redis,
      logger,
      telemetry: metrics.telemetry,
      engineExitOnText: options.engineExitOnText,
    });
    closeEngine = () => services.engine.close();
    const schema = await createSchema({ pubSub: pubsub.pubSub });
    // A broken library or safety model fails the start, as it did when the engine was built here.
    await services.engine.ready();
    const app = express();
    // JSON POSTs to /graphql and REST turns skip Express (see graphql-http.ts and
    // rest-turn-http.ts); set once Apollo has started.
    let direct: (req: http.IncomingMessage, res: http.ServerResponse) => boolean = () => false;
    const httpServer = http.createServer((req, res) => {
      if (!direct(req, res)) app(req, res);
    });

    // HTTP requests and websocket operations get the same context from the same verifier.
    const contextFor = (viewer: Viewer): Context => ({
      viewer,
      services,
      loaders: createLoaders(repositories, viewer.userId),
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
      onPush: () => metrics.pushed(),
    });
    openSockets = () => sockets.count();

    const apollo = new ApolloServer<Context>({
      schema,
      introspection: config.introspection,
      includeStacktraceInErrorResponses: false,
      // src/main.ts owns shutdown (requests, sockets, timer, pool, embedded database, in that order).
      stopOnTerminationSignals: false,
      formatError: formatGraphQLError,
      validationRules: queryLimits(),
      parseOptions,
      csrfPrevention: {
        requestHeaders: ['authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
      },
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        // Closes the websockets (1001) when Apollo drains, alongside the HTTP connections.
        {
          serverWillStart() {
            return Promise.resolve({ drainServer: () => sockets.dispose() });
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
    // Before the routes, so that preflights for GraphQL and REST are answered here.
    const corsMiddleware = cors({
      origin: config.corsOrigins,
      credentials: false,
      methods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      exposedHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    });
    app.use(corsMiddleware);
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
    // Every answer under these paths is about one person: no shared or browser cache keeps it.
    app.use(['/api', '/graphql'], (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    });
    app.use('/api/v1/coach', createRestRouter({ authenticate, logger }));
    const devTokens = devTokenRouter(config, secret);
    if (devTokens) app.use('/api/dev', devTokens);
    app.use(
      '/graphql',
      expressMiddleware(apollo, {
        context: async ({ req }) => authenticate(req.headers.authorization),
      }),
    );
    mountWebClient(app);
    // Body parser failures and anything else that escaped a route.
    app.use(
      (
        error: { status?: number; type?: string; message?: string },
        req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => sendRestError(res, bodyParserError(error, req, config) ?? error, logger),
    );

    const graphqlRoute = directGraphqlRoute({
      apollo,
      authenticate,
      bodyLimitBytes: config.bodyLimitBytes,
      logRequest: (req, res) => logRequest(req, res),
      logger,
    });
    const coachTurnRoute = directCoachTurnRoute({
      authenticate,
      bodyLimitBytes: config.bodyLimitBytes,
      logRequest: (req, res) => logRequest(req, res),
      corsHeaders: headersWithoutOrigin(corsMiddleware),
      logger,
    });
    direct = (req, res) => graphqlRoute(req, res) || coachTurnRoute(req, res);

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
          // After Apollo drained the requests: no turn is left waiting for an engine thread.
          await services.engine.close();
          await pubsub.close();
          await db.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await closeEngine();
    await pubsub.close();
    await db.close();
    throw error;
  }
}

/**
 * What a body parser failure means to the client, or null for any other error: too large is 413;
 * an undecodable body is 422 on the REST routes (as FastAPI answered) and 400 on GraphQL (as
 * GraphQL-over-HTTP says).
 */
/**
 * The headers `middleware` (CORS, static options) sets on a POST without `Origin`, captured once
 * by running it on a stand-in request: the direct routes send the same ones Express would.
 */
function headersWithoutOrigin(middleware: express.RequestHandler): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
  };
  let done = false;
  void middleware(
    { method: 'POST', headers: {} } as express.Request,
    res as unknown as express.Response,
    () => (done = true),
  );
  if (!done) throw new Error('the CORS middleware did not answer synchronously');
  return [...headers];
}

function bodyParserError(
  error: { type?: string; status?: unknown },
  req: express.Request,
  config: Config,
): AppError | null {
  if (error.type === 'entity.too.large')
    return new AppError(
      `Request body is larger than ${config.bodyLimitBytes} bytes`,
      'PAYLOAD_TOO_LARGE',
      413,
    );
  if (error.type === 'entity.parse.failed')
    return new AppError(
      'Request body is not valid JSON',
      'BAD_REQUEST',
      req.path.startsWith('/api/') ? 422 : 400,
    );
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported')
    return new AppError(
      'Request body encoding is not supported: send UTF-8 JSON, plain or with Content-Encoding gzip, deflate or br',
      'UNSUPPORTED_MEDIA_TYPE',
      415,
    );
  // The body parser's other refusals (aborted, wrong length) are the client's: their status, no echo.
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500)
    return new AppError('Request body could not be read', 'BAD_REQUEST', error.status);
  return null;
}

/**
 * Gives GraphQL responses the HTTP status their errors call for (503 when the database is away,
 * 429 when rate limited) and logs masked errors with their stack, server side only.
 */
function statusPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = error.originalError;
            if (original && !('extensions' in original))
              logger.error({ err: original }, 'resolver failed');
          }
          return Promise.resolve();
        },
        willSendResponse({ response, errors }) {
          const public_ = (errors ?? []).map((error) =>
            toPublicError(error.originalError ?? error),
          );
          if (public_.some((e) => e.httpStatus === 503)) response.http.status = 503;
          const limited = public_.find((e) => e.httpStatus === 429);
          if (limited) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(limited.extensions.retryAfterSeconds));
          }
          return Promise.resolve();
        },
      });
    },
  };
}
