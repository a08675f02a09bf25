import type { IncomingMessage } from 'node:http';

/*
 * Reading a JSON request body as Express's `express.json()` does, for the routes served straight
 * from `node:http` (src/server/graphql-http.ts, src/server/rest-turn-http.ts): same limit, same
 * strictness, same treatment of an empty body.
 */

/** `application/json`, with no charset or a UTF-8 one (what the Express route decodes the same way). */
export function isPlainJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    const [key, value] = param.split('=');
    if (key.trim().toLowerCase() !== 'charset') return false;
    return /^"?utf-8"?$/i.test((value ?? '').trim());
  });
}

/**
 * Whether a request is one a direct route may take: a POST to `path` (a trailing slash and a query
 * allowed, as Express routes them) with a plain JSON body, not compressed, and not from a browser
 * (`Origin`: cross-origin handling lives in Express).
 */
export function isDirectJsonPost(req: IncomingMessage, path: string): boolean {
  const headers = req.headers;
  return (
    req.method === 'POST' &&
    pathOf(req.url) === path &&
    headers.origin === undefined &&
    headers['content-encoding'] === undefined &&
    isPlainJson(headers['content-type'])
  );
}

/** A request URL's path without its query and trailing slash. */
function pathOf(url: string | undefined): string | null {
  if (!url) return null;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** The client went away before its body was complete: nobody to answer. */
export const ABORTED = Symbol('aborted');

/**
 * The body as text, null when it is over `limit` bytes (the rest is read and dropped), or
 * {@link ABORTED}.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<string | null | typeof ABORTED> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks, size).toString('utf8')));
    // A request stream fails only when its connection does.
    req.on('error', () => resolve(ABORTED));
    req.on('close', () => {
      if (!req.complete) resolve(ABORTED);
    });
  });
}

export const INVALID = Symbol('invalid JSON');

/** JSON.parse limited to objects and arrays, as body-parser's strict mode; an empty body is `{}`. */
export function parseStrictJson(raw: string): unknown {
  const start = raw.search(/\S/);
  if (start === -1) return {};
  if (raw[start] !== '{' && raw[start] !== '[') return INVALID;
  try {
    return JSON.parse(raw);
  } catch {
    return INVALID;
  }
}
