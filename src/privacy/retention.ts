import type { Logger } from 'pino';
import type { PrivacyRepository } from './privacy.repository';

/** How often the sweep runs. */
export const RETENTION_SWEEP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Messages deleted per statement: keeps each transaction (and its locks) short on a big table. */
const SWEEP_BATCH = 5_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `AMORA_RETENTION_DAYS`: messages older than that many days are deleted by a daily sweep
 * (their feedback and check-in rows go with them through the foreign keys). Sessions, their
 * summaries and conversation state stay until the user deletes them. 0 turns the sweep off.
 *
 * Several instances may sweep at once: each batch skips rows another one has locked, and
 * deleting what is already gone is a no-op, so nothing needs coordinating.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly retentionDays: number,
    private readonly now: () => Date,
  ) {}

  /** True when a retention period is configured. */
  get enabled(): boolean {
    return this.retentionDays > 0;
  }

  /**
   * Deletes every message created before `now` minus the retention period.
   * @returns how many messages were deleted (0 when retention is off).
   */
  async sweep(now: Date = this.now()): Promise<number> {
    if (!this.enabled) return 0;
    const cutoff = new Date(now.getTime() - this.retentionDays * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.privacy.deleteMessagesBefore(cutoff, SWEEP_BATCH);
      total += deleted;
      if (deleted < SWEEP_BATCH) return total;
    }
  }

  /**
   * Sweeps now (a server that restarts often would otherwise never reach its daily tick) and then
   * once a day. Failures are logged (code and name only) and retried at the next tick.
   */
  start(logger: Logger): void {
    if (!this.enabled || this.timer) return;
    const run = () => {
      if (this.running) return;
      this.running = this.sweep()
        .then((deleted) => {
          if (deleted)
            logger.info({ deleted, retentionDays: this.retentionDays }, 'retention sweep');
        })
        .catch((error: unknown) => logger.error({ err: error }, 'retention sweep failed'))
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(run, RETENTION_SWEEP_INTERVAL_MS);
    // The timer alone must not keep the process alive.
    this.timer.unref();
    run();
  }

  /** Stops the timer and waits for a sweep in progress, so the pool can close under it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
