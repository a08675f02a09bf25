import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { Context } from './context';
import { ABORTED, INVALID, isDirectJsonPost, parseStrictJson, readBody } from './http-body';
import { restErrorResponse } from '../rest/rest.errors';
import { coachResponse, sendMessageRequest } from '../rest/rest.shapes';

/** What the direct REST turn route needs. */
export interface CoachTurnHttpDeps {
  authenticate(header: string | undefined): Promise<Context>;
  bodyLimitBytes: number;
  /** The request logger (pino-http), called as Express would call it. */
  logRequest(req: IncomingMessage, res: ServerResponse): void;
  /** The headers the CORS middleware gives a request without `Origin` (`Vary`, exposed headers). */
  corsHeaders: readonly [string, string][];
  logger: Logger;
}

/**
 * `POST /api/v1/coach` (the REST coach turn) with a JSON body, served straight from `node:http`:
 * Express's router, body parser and response decoration cost more CPU than the rest of the
 * request path around the engine (bench/RESULTS.md). It answers exactly as the Express route
 * does: the same headers (request id, CORS' `Vary`, `Cache-Control`, a weak ETag), 413 over the
 * body limit, 422 for a body that is not a JSON object or array, the same error bodies. Anything
 * else (another path, content type or charset, a compressed body, a browser request with
 * `Origin`) is left to Express: the returned function says whether it took the request.
 */
export function directCoachTurnRoute(
  deps: CoachTurnHttpDeps,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (!isDirectJsonPost(req, '/api/v1/coach')) return false;
    deps.logRequest(req, res);
    for (const [name, value] of deps.corsHeaders) res.setHeader(name, value);
    void readBody(req, deps.bodyLimitBytes).then(async (raw) => {
      if (raw === ABORTED) return;
      try {
        if (raw === null) {
          throw new AppError(
            `Request body is larger than ${deps.bodyLimitBytes} bytes`,
            'PAYLOAD_TOO_LARGE',
            413,
          );
        }
        const body = parseStrictJson(raw);
        if (body === INVALID)
          throw new AppError('Request body is not valid JSON', 'BAD_REQUEST', 422);
        // As Express's routes under /api: set once the body parser has let the request through.
        res.setHeader('Cache-Control', 'no-store');
        const { viewer, services } = await deps.authenticate(req.headers.authorization);
        const outcome = await services.messages.send(viewer.userId, sendMessageRequest(body));
        sendJson(res, 200, coachResponse(outcome));
      } catch (error) {
        const { status, retryAfter, body } = restErrorResponse(error, deps.logger);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (retryAfter !== undefined) res.setHeader('Retry-After', retryAfter);
        sendJson(res, status, body);
      }
    });
    return true;
  };
}

/**
 * `value` as Express's `res.json` sends it: `application/json; charset=utf-8`, its length, and
 * the weak ETag Express's default `etag fn` computes (the `etag` package: hex length and the
 * first 27 characters of the base64 SHA-1).
 */
function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.setHeader('ETag', weakEtag(body));
  res.end(body);
}

function weakEtag(body: Buffer): string {
  if (body.length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}
