import http from 'node:http';
import { quantile } from './stats';

/** What an open-loop run measured. */
export interface OpenLoopResult {
  rate: number;
  sent: number;
  ok: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * An open loop: requests leave at evenly spaced instants (`rate` per second) whatever the answers
 * do, and each latency counts from its scheduled instant, so a stalled server is not hidden
 * (autocannon's own rate limit releases each second's requests in a burst at its start).
 */
export async function openLoop(
  url: string,
  requests: readonly { body: string; headers: Record<string, string> }[],
  rate: number,
  durationS: number,
  verify: (body: string) => boolean,
): Promise<OpenLoopResult> {
  const target = new URL(`${url}/graphql`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const total = Math.round(rate * durationS);
  const interval = 1000 / rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const item = requests[i % requests.length];
    inFlight.push(
      new Promise<void>((resolve) => {
        const request = http.request(
          target,
          {
            method: 'POST',
            agent,
            headers: { ...item.headers, 'content-length': Buffer.byteLength(item.body) },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              latencies.push(performance.now() - scheduled);
              if (response.statusCode === 200 && verify(Buffer.concat(chunks).toString())) ok++;
              else failed++;
              resolve();
            });
          },
        );
        request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
        request.on('error', () => {
          failed++;
          latencies.push(performance.now() - scheduled);
          resolve();
        });
        request.end(item.body);
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return {
    rate,
    sent: total,
    ok,
    failed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: Math.max(...latencies),
  };
}
