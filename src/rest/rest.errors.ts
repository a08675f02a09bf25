import type { Request, Response, NextFunction, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { InputError, toPublicError } from '../errors';
import { snake } from './case';

/**
 * Sends an error the way the seed's FastAPI service did: `{"detail": "..."}` with the status the
 * error calls for (validation 422, missing 404, no token 401, rate limited 429 with Retry-After).
 * Validation errors also list every bad field in snake_case under `fields`.
 */
export function sendRestError(res: Response, error: unknown, logger: Logger): void {
  const safe = toPublicError(error);
  if (safe.httpStatus >= 500 && safe.httpStatus !== 503)
    logger.error({ err: error }, 'REST handler failed');
  if (safe instanceof InputError) {
    const fields = safe.fields.map((f) => ({ field: snake(f.field), message: f.message }));
    res
      .status(422)
      .json({ detail: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields });
    return;
  }
  const retry = safe.extensions.retryAfterSeconds;
  if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
  res.status(safe.httpStatus).json({ detail: safe.message });
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
