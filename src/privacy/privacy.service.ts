import type { Clock } from '../clock';
import { isUuid } from '../ids';
import { readExport, type ExportDocument, type ExportPart, type ReadExportOptions } from './export';
import { collectExport } from './export-json';
import type { PrivacyRepository } from './privacy.repository';

/**
 * A user's data is theirs: everything stored about them can be exported, and erased at once.
 * (Deleting one session lives with sessions: `SessionService.delete`.)
 */
export class PrivacyService {
  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Erases every row of `userId` in every table, in one transaction (see
   * {@link PrivacyRepository.deleteAllOf}). Afterwards the user is new: the next request starts
   * from nothing. Other users are untouched.
   */
  async deleteMyData(userId: string): Promise<void> {
    if (!isUuid(userId)) return;
    await this.privacy.deleteAllOf(userId);
  }

  /** The export document's pieces in order, read in batches (see {@link readExport}); for streaming. */
  exportParts(userId: string, options?: ReadExportOptions): AsyncGenerator<ExportPart> {
    return readExport(this.privacy, userId, this.clock.now(), options);
  }

  /** The whole export document in memory (GraphQL's JSON scalar needs it at once). */
  exportDocument(userId: string): Promise<ExportDocument> {
    return collectExport(this.exportParts(userId));
  }
}
