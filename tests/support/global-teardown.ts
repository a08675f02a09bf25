/** Stops the embedded PostgreSQL the setup started, and removes its files. */
export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __amoraEmbedded?: { stop(): Promise<void>; dir: string } })
    .__amoraEmbedded;
  if (!embedded) return;
  await embedded.stop();
  (await import('node:fs')).rmSync(embedded.dir, { recursive: true, force: true });
}
