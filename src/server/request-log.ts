import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pinoHttp from 'pino-http';
import type { Logger } from 'pino';
import { requestSerializer, responseSerializer, safeErrorSerializer } from './log-serializers';

/**
 * One log line per request: request id, method, masked path, status and response time; nothing
 * a user wrote, no headers (so no token), no query string. The request id is also sent back as
 * `X-Request-Id`, so a user reporting a problem can quote it and it can be found in the logs.
 * A client's own `X-Request-Id` is not reused: it is client input and could carry anything.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    autoLogging: true,
    quietReqLogger: true,
    customProps: () => ({}),
    genReqId: (_req: IncomingMessage, res: ServerResponse) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Ours see the raw objects: pino-http would otherwise run pino's standard serializers first
    // (all headers, the full URL, every error property) and hand us their copies.
    wrapSerializers: false,
    serializers: { req: requestSerializer, res: responseSerializer, err: safeErrorSerializer },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
}
