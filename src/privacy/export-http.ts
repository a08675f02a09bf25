import type { Response } from 'express';
import type { Logger } from 'pino';
import { toPublicError } from '../errors';
import { writeExportJson } from './export-json';
import type { ExportPart } from './export';

/** The client went away mid-export; nothing more to write and nothing to report to it. */
class ClientGone extends Error {}

/**
 * Streams the export document as the HTTP response. Headers are only sent with the first piece,
 * so a failure before it (database down, …) still becomes an ordinary error answer, thrown to the
 * caller. A failure after it cannot change the status any more: the connection is cut, so the
 * client sees a truncated (invalid) document rather than one that looks complete.
 */
export async function sendExportResponse(
  res: Response,
  parts: AsyncIterable<ExportPart>,
  logger: Logger,
  userId: string,
): Promise<void> {
  const write = (chunk: string): Promise<void> => {
    if (res.destroyed) return Promise.reject(new ClientGone());
    if (!res.headersSent) {
      res.status(200);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="amora-export.json"');
      // The document is personal: never kept by a shared cache.
      res.setHeader('Cache-Control', 'no-store');
    }
    if (res.write(chunk)) return Promise.resolve();
    return drained(res);
  };
  try {
    await writeExportJson(parts, write);
    res.end();
  } catch (error) {
    if (!res.headersSent) throw error;
    if (!(error instanceof ClientGone)) {
      const safe = toPublicError(error);
      if (safe.httpStatus >= 500) logger.error({ err: error, userId }, 'export failed mid-stream');
    }
    res.destroy();
  }
}

/** Resolves when `res` can take more, rejects when the connection closed first. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new ClientGone());
    };
    const cleanup = () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
