import { quantile } from './stats';

/** What probing `/healthz` saw: every answer's latency, and its median, p99 and slowest. */
export interface HealthProbe {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Asks `/healthz` every `everyMs` until `work` settles (one probe in flight at a time), so the
 * latencies say how long the instance kept a liveness check waiting while it did that work.
 */
export async function probeHealthDuring(
  url: string,
  work: Promise<unknown>,
  everyMs = 5,
): Promise<HealthProbe> {
  let done = false;
  const latencies: number[] = [];
  const probes = (async () => {
    while (!done) {
      const started = performance.now();
      await (await fetch(`${url}/healthz`)).arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    await work;
  } finally {
    done = true;
    await probes;
  }
  return {
    count: latencies.length,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies.length ? Math.max(...latencies) : 0,
  };
}
