/**
 * Evidence for the latency tail of a run: what the server's own /metrics says (event-loop delay,
 * GC pauses, turns over 250 ms) and what PostgreSQL's WAL statistics say (fsyncs and their time).
 */

/** The token bench servers are started with (`AMORA_METRICS_TOKEN`). */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token';

/** Sums of the samples of `name` whose labels contain every one of `match`. */
function sum(text: string, name: string, ...match: string[]): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (!match.every((m) => rest.includes(m))) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/** What the server's metrics say about the tail since it started. */
export async function scrapeTail(url: string): Promise<Record<string, number>> {
  const response = await fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
  });
  if (!response.ok) return {};
  const text = await response.text();
  const gc = (kind: string, le: string) =>
    sum(text, 'nodejs_gc_duration_seconds_bucket', `kind="${kind}"`, `le="${le}"`);
  const gcCount = (kind: string) => sum(text, 'nodejs_gc_duration_seconds_count', `kind="${kind}"`);
  const gcSum = (kind: string) => sum(text, 'nodejs_gc_duration_seconds_sum', `kind="${kind}"`);
  return {
    eventLoopDelayMaxMs: sum(text, 'nodejs_eventloop_lag_max_seconds') * 1000,
    eventLoopDelayP99Ms: sum(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    turns: sum(text, 'amora_turn_duration_seconds_count'),
    turnsOver250ms:
      sum(text, 'amora_turn_duration_seconds_count') -
      sum(text, 'amora_turn_duration_seconds_bucket', 'le="0.25"'),
    turnsOver100ms:
      sum(text, 'amora_turn_duration_seconds_count') -
      sum(text, 'amora_turn_duration_seconds_bucket', 'le="0.1"'),
    engineOver10ms:
      sum(text, 'amora_turn_engine_seconds_count') -
      sum(text, 'amora_turn_engine_seconds_bucket', 'le="0.01"'),
    minorGcs: gcCount('minor'),
    minorGcMs: gcSum('minor') * 1000,
    majorGcs: gcCount('major'),
    majorGcMs: gcSum('major') * 1000,
    majorGcsOver100ms: gcCount('major') - gc('major', '0.1'),
    incrementalGcMs: gcSum('incremental') * 1000,
    // The engine worker's collections (main-thread GC above does not include them).
    engineGcs: sum(text, 'amora_engine_gc_duration_seconds_count'),
    engineGcMs: sum(text, 'amora_engine_gc_duration_seconds_sum') * 1000,
    engineGcsOver25ms:
      sum(text, 'amora_engine_gc_duration_seconds_count') -
      sum(text, 'amora_engine_gc_duration_seconds_bucket', 'le="0.025"'),
  };
}

/** WAL I/O counters (PostgreSQL 16+: pg_stat_io; times need track_wal_io_timing). */
export async function walStats(client: {
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
}): Promise<{ writes: number; fsyncs: number; fsyncMs: number; writeMs: number } | null> {
  try {
    const { rows } = await client.query(
      `SELECT coalesce(sum(writes),0) AS writes, coalesce(sum(fsyncs),0) AS fsyncs,
              coalesce(sum(fsync_time),0) AS fsync_ms, coalesce(sum(write_time),0) AS write_ms
       FROM pg_stat_io WHERE object = 'wal'`,
    );
    const r = rows[0];
    return {
      writes: Number(r.writes),
      fsyncs: Number(r.fsyncs),
      fsyncMs: Number(r.fsync_ms),
      writeMs: Number(r.write_ms),
    };
  } catch {
    return null;
  }
}
