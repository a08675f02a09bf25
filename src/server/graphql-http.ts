import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { Context } from './context';
import { toPublicError } from '../errors';
import { ABORTED, INVALID, isDirectJsonPost, parseStrictJson, readBody } from './http-body';

/** What the direct GraphQL route needs. */
export interface GraphqlHttpDeps {
  apollo: ApolloServer<Context>;
  authenticate(header: string | undefined): Promise<Context>;
  bodyLimitBytes: number;
  /** The request logger (pino-http), called as Express would call it. */
  logRequest(req: IncomingMessage, res: ServerResponse): void;
  logger: Logger;
}

/**
 * `POST /graphql` with a JSON body, served straight from `node:http` into Apollo: Express 5's
 * router and request decoration cost more CPU than Apollo itself on a light request (measured in
 * bench/RESULTS.md). It answers exactly as the Express route does (request log and id, 413 over
 * the body limit, 400 for a body that is not a JSON object or array). Anything else — GET,
 * another content type or charset, a compressed body, a browser request (it carries `Origin`, and
 * cross-origin handling lives in Express) — is left to Express: the returned function says
 * whether it took the request.
 */
export function directGraphqlRoute(
  deps: GraphqlHttpDeps,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (!isDirectJsonPost(req, '/graphql')) return false;
    deps.logRequest(req, res);
    // As on the Express route: every answer here is about one person, for no cache to keep.
    res.setHeader('Cache-Control', 'no-store');
    void readBody(req, deps.bodyLimitBytes).then((raw) => {
      if (raw === ABORTED) return;
      if (raw === null) {
        return sendDetail(res, 413, `Request body is larger than ${deps.bodyLimitBytes} bytes`);
      }
      const body = parseStrictJson(raw);
      if (body === INVALID) return sendDetail(res, 400, 'Request body is not valid JSON');
      return execute(deps, req, res, body);
    });
    return true;
  };
}

async function execute(
  deps: GraphqlHttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
): Promise<void> {
  try {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url!.indexOf('?');
    const response = await deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: query === -1 ? '' : req.url!.slice(query),
        body,
      },
      context: () => deps.authenticate(req.headers.authorization),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (error) {
    fail(deps, res, error);
  }
}

function fail(deps: GraphqlHttpDeps, res: ServerResponse, error: unknown): void {
  const safe = toPublicError(error);
  if (safe.httpStatus >= 500) deps.logger.error({ err: error }, 'unhandled error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendDetail(res, safe.httpStatus, safe.message);
}

/** `{ detail }` as JSON, as the Express routes answer errors. */
function sendDetail(res: ServerResponse, status: number, detail: string): void {
  const text = JSON.stringify({ detail });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
