/**
 * What the domains report for operators to watch. Services record through this interface and
 * never reach for the metrics registry themselves: the server wires a Prometheus-backed one
 * (`server/metrics.ts`), tests and scripts get {@link noTelemetry}.
 */
export interface Telemetry {
  /**
   * A coach turn ended. `outcome` is `ok` or the error code the caller got (`BAD_USER_INPUT`,
   * `NOT_FOUND`, `RATE_LIMITED`...); `engineSeconds` is the engine's own share (0 when it never ran).
   */
  turn(seconds: number, engineSeconds: number, outcome: string): void;
  /** A per-user limit refused a request (`turns`, `sessions`). */
  rateLimited(limit: string): void;
  /** A follow-up timer tick ended, having written `claimed` check-ins (`failed`: it threw). */
  tick(seconds: number, claimed: number, failed: boolean): void;
  /**
   * A garbage collection of `kind` (`minor`, `major`, `incremental`, `weakcb`) ran in an engine
   * worker thread, pausing the turn it was answering: Node's own GC metrics see only the main
   * thread's.
   */
  engineGc(kind: string, seconds: number): void;
}

/** Records nothing. */
export const noTelemetry: Telemetry = {
  turn: () => undefined,
  rateLimited: () => undefined,
  tick: () => undefined,
  engineGc: () => undefined,
};

/** Seconds since `start` (a `performance.now()` reading). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
