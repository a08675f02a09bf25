import type { Clock } from '../clock';
import type { Database } from '../db/database';
import { isUuid } from '../ids';
import { readExport, type ExportDocument, type ExportPart, type ReadExportOptions } from './export';
import { collectExport } from './export-json';

/**
 * A user's data is theirs: everything stored about them can be exported, and erased at once.
 * (Deleting one session lives with sessions: `SessionService.delete`.)
 */
export class PrivacyService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Erases every row of `userId` in every table, in one transaction: check-ins, feedback,
   * conversation state, messages, sessions (the default one included) and the user row itself.
   * Afterwards the user is new: the next request starts from nothing. Other users are untouched.
   *
   * The foreign keys cascade from users and sessions already; each table is still named here so
   * that a row that ever lost its link (or a table added later without a cascade) is not missed,
   * and so the statement list reads as the answer to "what does erasing delete?".
   */
  async deleteMyData(userId: string): Promise<void> {
    if (!isUuid(userId)) return;
    const prisma = this.db.prisma;
    await prisma.$transaction([
      prisma.$executeRaw`DELETE FROM amora_followups WHERE user_id = ${userId}::uuid`,
      prisma.$executeRaw`DELETE FROM amora_session_feedback WHERE user_id = ${userId}::uuid`,
      prisma.$executeRaw`DELETE FROM amora_session_state WHERE user_id = ${userId}::uuid`,
      prisma.$executeRaw`DELETE FROM amora_session_messages WHERE user_id = ${userId}::uuid`,
      // Cascades also take whatever a turn committed in the meantime to one of these sessions.
      prisma.$executeRaw`DELETE FROM amora_sessions WHERE user_id = ${userId}::uuid`,
      prisma.$executeRaw`DELETE FROM amora_users WHERE id = ${userId}::uuid`,
    ]);
  }

  /** The export document's pieces in order, read in batches (see {@link readExport}); for streaming. */
  exportParts(userId: string, options?: ReadExportOptions): AsyncGenerator<ExportPart> {
    return readExport(this.db, userId, this.clock.now(), options);
  }

  /** The whole export document in memory (GraphQL's JSON scalar needs it at once). */
  exportDocument(userId: string): Promise<ExportDocument> {
    return collectExport(this.exportParts(userId));
  }
}
