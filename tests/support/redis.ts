/**
 * REDIS_URL for tests that need a Redis, or undefined after saying, visibly, why they are skipped.
 * The reason goes straight to stderr as well as through console.warn: jest hides the console of a
 * test file whose tests were all skipped when it runs several files.
 */
export function redisUrlOrExplainSkip(what: string): string | undefined {
  const url = process.env.REDIS_URL;
  if (!url) {
    const reason = `[${what}] SKIPPED: REDIS_URL is unset. Set REDIS_URL=redis://127.0.0.1:6379 to run these tests (.ci/run does when Redis answers).`;
    process.stderr.write(`\n${reason}\n`);
    console.warn(reason);
  }
  return url;
}
