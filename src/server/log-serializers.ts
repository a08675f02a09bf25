/**
 * What a log line may say about requests and errors. People tell Amora about affairs, abuse and
 * despair, and logs travel further than the database (shippers, dashboards, support tickets):
 * they carry ids, codes and timings, never message text, tokens, headers or SQL parameters.
 *
 * The rule is "allow what is known to be safe", not "remove what is known to be dangerous":
 * serializers build new objects from a few chosen fields instead of redacting copies.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fixed words of the API's paths. Any other path segment (a malformed id, something a client made
 * up) is logged as `:param`: a path is client input too, and could carry anything.
 */
const PATH_WORDS = new Set([
  '',
  'api',
  'v1',
  'coach',
  'sessions',
  'followups',
  'due',
  'feedback',
  'me',
  'export',
  'graphql',
  'healthz',
  'readyz',
]);

/** The URL's path without its query string (GET /graphql puts queries and variables there), unknown segments masked. */
export function safePath(url: unknown): string {
  if (typeof url !== 'string') return '';
  const path = url.split(/[?#]/, 1)[0];
  return path
    .split('/')
    .map((segment) => (PATH_WORDS.has(segment) || UUID.test(segment) ? segment : ':param'))
    .join('/')
    .slice(0, 200);
}

/** A request in a log line: its id, method and masked path. No headers (authorization, cookies), no body, no query. */
export function requestSerializer(req: {
  id?: unknown;
  method?: unknown;
  url?: unknown;
  originalUrl?: unknown;
}): Record<string, unknown> {
  // Express rewrites `url` inside mounted routers; `originalUrl` is the path the client asked for.
  return { id: req.id, method: req.method, url: safePath(req.originalUrl ?? req.url) };
}

/** A response in a log line: its status only (headers could carry cookies). */
export function responseSerializer(res: { statusCode?: unknown }): Record<string, unknown> {
  return { statusCode: res.statusCode };
}

/** An error as logged: class, name, code and stack frames; a message only when it cannot carry input. */
export interface SafeError {
  type: string;
  name?: string;
  code?: string | number;
  /** The database's SQLSTATE, when a Prisma error carries one. */
  sqlState?: string;
  /** The driver adapter's error kind (e.g. `TableDoesNotExist`), when a Prisma error carries one. */
  dbKind?: string;
  message?: string;
  stack?: string;
  cause?: SafeError;
}

/**
 * True for errors from the database layer (Prisma, its driver adapter, `pg`). Their messages and
 * extra fields (`meta`, `detail`, `where`, query arguments) can quote the values of the statement,
 * i.e. the text a user sent: only their code and class are logged.
 */
function isDatabaseError(error: Record<string, unknown>, type: string): boolean {
  return (
    /prisma|driveradapter/i.test(type) ||
    (typeof error.name === 'string' && /prisma|driveradapter/i.test(error.name)) ||
    'clientVersion' in error ||
    'meta' in error ||
    // pg's DatabaseError: a SQLSTATE code with a severity.
    ('severity' in error && typeof error.code === 'string')
  );
}

/**
 * The codes inside a Prisma error's `meta` (the database's SQLSTATE, the driver adapter's error
 * kind): they say what went wrong without quoting anything. Prisma 7 puts them under
 * `meta.driverAdapterError.cause` (`originalCode`, `kind`), older versions in `meta.code`.
 */
function databaseCodes(meta: unknown): Pick<SafeError, 'sqlState' | 'dbKind'> {
  if (meta === null || typeof meta !== 'object') return {};
  const m = meta as {
    code?: unknown;
    driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } };
  };
  const cause = m.driverAdapterError?.cause;
  const out: Pick<SafeError, 'sqlState' | 'dbKind'> = {};
  const sqlState = cause?.originalCode ?? m.code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) out.sqlState = sqlState;
  if (typeof cause?.kind === 'string' && /^[A-Za-z]{1,60}$/.test(cause.kind))
    out.dbKind = cause.kind;
  return out;
}

/**
 * Quoted spans replaced: runtime and parser messages quote the input they choke on
 * (`Unexpected token 'p', "purple ele"... is not valid JSON`, `Syntax Error: Unexpected Name "affair"`).
 */
function scrubMessage(message: string): string {
  return message.replace(/(["'`\u201c\u2018])(?:(?!\1)[^\n])*\1?/g, '$1…$1').slice(0, 300);
}

/** Only the `at ...` frames of a stack: its first lines repeat the (unsafe) message. */
function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length ? frames.join('\n') : undefined;
}

/**
 * pino's `err` serializer. Builds a new object from the error's class, name, code and stack frames;
 * never copies other properties (body-parser errors carry the raw `body`, Prisma errors `meta`,
 * `pg` errors `detail` and `where`). Database messages are dropped, others have quoted spans masked.
 */
export function safeErrorSerializer(error: unknown, depth = 0): SafeError {
  if (error === null || typeof error !== 'object') {
    return typeof error === 'string'
      ? { type: 'string', message: scrubMessage(error) }
      : { type: typeof error };
  }
  const e = error as Record<string, unknown>;
  const type = error.constructor?.name ?? 'Object';
  const out: SafeError = { type };
  if (typeof e.name === 'string' && e.name !== type) out.name = e.name;
  const code = e.code ?? (e.extensions as Record<string, unknown> | undefined)?.code ?? e.errorCode;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  Object.assign(out, databaseCodes(e.meta));
  if (!isDatabaseError(e, type) && typeof e.message === 'string')
    out.message = scrubMessage(e.message);
  const stack = stackFrames(e.stack);
  if (stack) out.stack = stack;
  if (e.cause !== undefined && e.cause !== error && depth < 3)
    out.cause = safeErrorSerializer(e.cause, depth + 1);
  return out;
}
