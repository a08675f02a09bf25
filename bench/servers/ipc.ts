/**
 * The child side of bench/lib/child.ts: announces readiness, answers commands sent over IPC.
 * `mem` (full GC first when started with --expose-gc) and `stop` are built in.
 */
/** A command's answer, or a promise of it. */
export type Handler = (args: Record<string, unknown>) => unknown;

export function serve(
  url: string,
  handlers: Record<string, Handler>,
  stop: () => Promise<void>,
): void {
  const all: Record<string, Handler> = {
    mem: async () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) {
        for (let i = 0; i < 3; i++) {
          gc();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      return { ...process.memoryUsage(), gc: Boolean(gc) };
    },
    ...handlers,
  };
  const onMessage = async (raw: unknown) => {
    const message = raw as {
      type: string;
      id: number;
      command: string;
      args: Record<string, unknown>;
    };
    if (message.type !== 'call') return;
    if (message.command === 'stop') {
      await stop().catch(() => undefined);
      process.exit(0);
    }
    try {
      const handler = all[message.command];
      if (!handler) throw new Error(`unknown command ${message.command}`);
      const result = await handler(message.args);
      process.send!({ type: 'reply', id: message.id, result });
    } catch (error) {
      process.send!({
        type: 'reply',
        id: message.id,
        error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error),
      });
    }
  };
  // onMessage answers every failure itself, so nothing is left to handle here.
  process.on('message', (raw) => {
    void onMessage(raw);
  });
  process.on('disconnect', () => {
    void stop().finally(() => process.exit(0));
  });
  process.send!({ type: 'ready', url });
}
