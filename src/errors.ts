import { GraphQLError } from 'graphql';
import { isDatabaseDown } from './db/errors';

/**
 * The errors services throw. Each is a GraphQLError with the contract's `extensions.code`, so
 * Apollo passes it through as is, and carries the HTTP status the REST shim answers with.
 */
export class AppError extends GraphQLError {
  constructor(
    message: string,
    readonly code: string,
    readonly httpStatus: number,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** Missing, not the caller's, or not a UUID: all three look the same from outside. */
export class NotFoundError extends AppError {
  constructor(what: string) {
    super(`${what} not found`, 'NOT_FOUND', 404);
  }
}

/** The request lost to concurrent writes too often to complete; the client may simply retry. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 'CONFLICT', 409);
  }
}

/** One problem with one input field; `field` is the camelCase name a GraphQL client sent. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Bad input: names the first offending field in `extensions.field` and lists all in `extensions.fields`. */
export class InputError extends AppError {
  readonly fields: FieldProblem[];
  constructor(fields: FieldProblem[]) {
    const first = fields[0] ?? { field: 'input', message: 'is invalid' };
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '), 'BAD_USER_INPUT', 422, {
      field: first.field,
      fields,
    });
    this.fields = fields;
  }

  /** Shorthand for a single bad field. */
  static field(field: string, message: string): InputError {
    return new InputError([{ field, message }]);
  }
}

/** Too many requests of one kind; `retryAfterSeconds` says when to try again. */
export class RateLimitError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super(`Too many ${what}: try again in ${retryAfterSeconds} s`, 'RATE_LIMITED', 429, {
      retryAfterSeconds,
    });
  }
}

/** No usable token. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'A valid bearer token is required') {
    super(message, 'UNAUTHENTICATED', 401, { http: { status: 401 } });
  }
}

/** The database cannot be reached right now; the client should retry shortly. */
export class UnavailableError extends AppError {
  constructor() {
    super('The service is temporarily unavailable: try again shortly', 'SERVICE_UNAVAILABLE', 503, {
      http: { status: 503 },
    });
  }
}

/**
 * The coaching engine could not answer this turn (its thread stopped, or the server is shutting
 * down); nothing was stored, so the client may send the same message again.
 */
export class EngineUnavailableError extends AppError {
  constructor(reason: string) {
    super(
      `The coach could not answer this message (${reason}); nothing was saved: send it again`,
      'SERVICE_UNAVAILABLE',
      503,
      { http: { status: 503 } },
    );
  }
}

/**
 * Maps any thrown error to an {@link AppError} a client may see: our own errors as they are,
 * a lost database as 503, everything else as a masked INTERNAL_SERVER_ERROR (no stack, no SQL,
 * no input echo).
 */
export function toPublicError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseDown(error)) return new UnavailableError();
  return new AppError(
    'Something went wrong on our side; it has been logged',
    'INTERNAL_SERVER_ERROR',
    500,
  );
}
