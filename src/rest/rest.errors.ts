import type { Request, Response, NextFunction, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { InputError, toPublicError } from '../errors';
import { snake } from './case';

/** An error response as the REST shim sends it: status, `Retry-After` when due, JSON body. */
export interface RestErrorResponse {
  status: number;
  retryAfter?: string;
  body: { detail: string; fields?: { field: string; message: string }[] };
}

/**
 * The error response the seed's FastAPI service would send: `{"detail": "..."}` with the status the
 * error calls for (validation 422, missing 404, no token 401, rate limited 429 with Retry-After).
 * Validation errors also list every bad field in snake_case under `fields`. Logs server faults.
 */
export function restErrorResponse(error: unknown, logger: Logger): RestErrorResponse {
  const safe = toPublicError(error);
  if (safe.httpStatus >= 500 && safe.httpStatus !== 503)
    logger.error({ err: error }, 'REST handler failed');
  if (safe instanceof InputError) {
    const fields = safe.fields.map((f) => ({ field: snake(f.field), message: f.message }));
    return {
      status: 422,
      body: { detail: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields },
    };
  }
  const retry = safe.extensions.retryAfterSeconds;
  return {
    status: safe.httpStatus,
    ...(typeof retry === 'number' ? { retryAfter: String(retry) } : {}),
    body: { detail: safe.message },
  };
}

/** Sends {@link restErrorResponse} of `error` through Express. */
export function sendRestError(res: Response, error: unknown, logger: Logger): void {
  const { status, retryAfter, body } = restErrorResponse(error, logger);
  if (retryAfter !== undefined) res.setHeader('Retry-After', retryAfter);
  res.status(status).json(body);
}

/** Wraps an async handler so that whatever it throws becomes a FastAPI-style error. */
export function handle(
  logger: Logger,
  fn: (req: Request, res: Response) => Promise<unknown>,
): RequestHandler {
  return (req: Request, res: Response, _next: NextFunction) => {
    fn(req, res).catch((error: unknown) => sendRestError(res, error, logger));
  };
}
