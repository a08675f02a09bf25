import type { Logger } from 'pino';
import { createLogger } from '../../src/server/logger';

/** A server logger whose lines a test reads back: every line written is kept in `lines`. */
export interface CapturedLog {
  logger: Logger;
  lines: string[];
  /** Forgets the lines so far, so an assertion sees only what follows. */
  clear(): void;
}

/** A logger at `level` writing into memory instead of stdout. */
export function captureLog(level: string): CapturedLog {
  const lines: string[] = [];
  const logger = createLogger(level, {
    write: (line: string) => {
      lines.push(line);
    },
  });
  return {
    logger,
    lines,
    clear: () => {
      lines.length = 0;
    },
  };
}
