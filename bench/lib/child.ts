import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { BENCH_SECRET } from './auth';

/** The project root (bench/lib/../..). */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Where CPU profiles go when the run was asked for them (`npm run bench -- --profile`). */
export function cpuProfileArgs(label: string): string[] {
  const dir = process.env.AMORA_BENCH_PROFILE_DIR;
  return dir
    ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`]
    : [];
}

/** A server running in a child process, reached over IPC for commands (memory, tick, stop). */
export interface ChildServer {
  child: ChildProcess;
  url: string;
  pid: number;
  /** Sends a command and resolves with the child's answer. */
  call<T = unknown>(
    command: string,
    args?: Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<T>;
  stop(): Promise<void>;
}

/** The environment every Amora benchmark server gets. */
export function amoraEnv(
  databaseUrl: string,
  dataDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    AMORA_DATA_DIR: dataDir,
    AMORA_JWT_SECRET: BENCH_SECRET,
    AMORA_MIGRATE_ON_START: 'false',
    AMORA_RATE_LIMIT_TURNS_PER_MINUTE: '0',
    AMORA_RATE_LIMIT_SESSIONS_PER_HOUR: '0',
    AMORA_FOLLOWUP_TICK_MS: '3600000',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    ...extra,
  };
}

/**
 * Starts `bench/servers/<script>.ts` (through SWC, like `npm run bench`) in its own process, so
 * the load generator and the server do not share an event loop, and memory is the server's alone.
 */
export async function startChild(
  script: string,
  env: Record<string, string>,
  options: { nodeArgs?: string[]; timeoutMs?: number; root?: string } = {},
): Promise<ChildServer> {
  // `root`: another checkout (a baseline commit) whose own bench/servers and src/ to run.
  const root = options.root ?? ROOT;
  const child = fork(path.join(root, 'bench', 'servers', `${script}.ts`), [], {
    cwd: root,
    execArgv: ['-r', '@swc-node/register', ...(options.nodeArgs ?? []), ...cpuProfileArgs(script)],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  child.stderr!.on('data', (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let onReady: ((url: string) => void) | null = null;
  child.on('message', (raw) => {
    const message = raw as {
      type: string;
      id?: number;
      url?: string;
      result?: unknown;
      error?: string;
    };
    if (message.type === 'ready') onReady?.(message.url!);
    if (message.type === 'reply' && message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    }
  });
  void exited.then((code) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`${script} server exited (${code}):\n${output}`));
    pending.clear();
  });

  const timeoutMs = options.timeoutMs ?? 60_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} server did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    onReady = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} server exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    child,
    url,
    pid: child.pid!,
    call: <T>(command: string, args: Record<string, unknown> = {}, callTimeoutMs = 120_000) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${script}: ${command} timed out`));
        }, callTimeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ type: 'call', id, command, args });
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'call', id: 0, command: 'stop', args: {} });
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
