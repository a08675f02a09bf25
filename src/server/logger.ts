import pino, { type Logger } from 'pino';
import { safeErrorSerializer } from './log-serializers';

/**
 * Paths never written to logs. People tell Amora about affairs, abuse and despair: logs carry ids,
 * codes and timings, never message text, tokens or the authorization header.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["sec-websocket-protocol"]',
  'res.headers["set-cookie"]',
  'authorization',
  'token',
  'text',
  'message_text',
  'specific_question',
  'specificQuestion',
  'body',
  'variables',
  'query',
];

/** The process logger (JSON lines on stdout, or `destination` when given, e.g. in tests). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'amora' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Errors are rebuilt from safe fields: pino's default copies every property (request bodies, Prisma `meta`, SQL details).
      serializers: { err: safeErrorSerializer },
    },
    destination,
  );
}
