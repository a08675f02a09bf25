import type { Logger } from 'pino';
import { FOLLOWUP_DUE, type AmoraPubSub } from '../pubsub/pubsub';
import { noTelemetry, secondsSince, type Telemetry } from '../telemetry';
import { CLAIM_BATCH, CLAIM_STATEMENTS, type FollowupService } from './followup.service';
import { toEvent } from './followup.type';

/**
 * Sessions read per batch: two claim statements' worth for each statement run at once, so that
 * while one part's check-ins are published the database is writing the next.
 */
const BATCH = CLAIM_BATCH * CLAIM_STATEMENTS * 2;

/** Batches one tick may claim; with {@link BATCH} that is 100,000 check-ins, the rest wait for the next tick. */
const MAX_BATCHES_PER_TICK = 100_000 / BATCH;

/**
 * The follow-up timer. Every instance runs one; the claim statement makes sure each
 * (session, local day) gets one check-in however many tick at once, so no leader is needed.
 */
export class FollowupTimer {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly inFlight = new Set<Promise<number>>();

  constructor(
    private readonly followups: FollowupService,
    private readonly pubSub: AmoraPubSub,
    private readonly intervalMs: number,
    private readonly logger?: Logger,
    private readonly telemetry: Telemetry = noTelemetry,
  ) {}

  /**
   * Claims everything due now, batch after batch, publishing each part of a batch to its owners
   * as soon as it is written (so the first check-ins of a large wave do not wait for the last).
   * @returns how many check-ins were written.
   */
  tick(): Promise<number> {
    const start = performance.now();
    const run = this.claimAll().then(
      (claimed) => {
        this.telemetry.tick(secondsSince(start), claimed, false);
        return claimed;
      },
      (error: unknown) => {
        this.telemetry.tick(secondsSince(start), 0, true);
        throw error;
      },
    );
    this.inFlight.add(run);
    const forget = () => {
      this.inFlight.delete(run);
    };
    run.then(forget, forget);
    return run;
  }

  /** Starts ticking every `intervalMs`; the first tick comes one interval after start. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops ticking; a tick in progress finishes first. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(): void {
    if (!this.running) return;
    // A timeout re-armed after each tick (not an interval): a slow tick never overlaps the next.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick()
        .catch((error: unknown) => this.logger?.error({ err: error }, 'follow-up tick failed'))
        .finally(() => this.schedule());
    }, this.intervalMs);
    // The timer alone must not keep the process alive (the HTTP server does).
    this.timer.unref();
  }

  private async claimAll(): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
      const { claimed, read, changed } = await this.followups.claimBatch(BATCH, (part) => {
        for (const followup of part)
          this.pubSub.publish(FOLLOWUP_DUE, followup.userId, toEvent(followup));
      });
      total += claimed.length;
      if (claimed.length) this.logger?.info({ count: claimed.length }, 'check-ins sent');
      // A short batch means nothing more is due; an unchanged full batch (rows another
      // instance holds) is left to that instance rather than read again at once.
      if (read < BATCH || changed === 0) break;
    }
    return total;
  }
}
