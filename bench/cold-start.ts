/**
 * 7. Cold start with an existing data dir: from spawning the process to its "Amora is listening"
 * log line (target under 3 s), with the embedded PostgreSQL (no DATABASE_URL) and migrations checked.
 *
 * Measured for:
 * - `node <build>/main.js`: the command `npm start` ends in (`exec node dist/main.js`), built the
 *   way `npm run build` builds (SWC, block JSON copied) into a bench-private directory
 *   (bench/.build) so dist/ is left alone; this is the figure held to the target.
 * - the build step `npm start` runs before it every time (`npm run build`).
 * - `npm start` itself, literally (it builds into dist/ as it always does, then execs node).
 * - `node -r @swc-node/register src/main.ts` (how tests and `npm run bench` start servers).
 * The first start of each data dir (initdb + migrations) is shown for context.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/db/embedded';
import { BENCH_SECRET } from './lib/auth';
import { ROOT } from './lib/child';
import { median } from './lib/stats';
import type { Benchmark, Row } from './lib/types';

const RESTARTS = 3;
const TARGET_MS = 3000;
const BUILD_DIR = path.join(__dirname, '.build');

interface Start {
  /** Spawn to "Amora is listening". */
  readyMs: number;
  /** Spawn to the "embedded PostgreSQL started" log line, when logged. */
  postgresMs: number | null;
  stopMs: number;
  /** The first SIGTERM, sent as soon as the process said it listens, did not stop it. */
  lostSignal: boolean;
}

/** Starts `args` with an embedded database in `dataDir`, times it to ready, then stops it with SIGTERM. */
async function startOnce(
  args: string[],
  dataDir: string,
  command: string = process.execPath,
): Promise<Start> {
  const port = await freePort();
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    // Its own process group, so `npm start` (npm -> sh -> node) can be signalled as a whole.
    detached: command !== process.execPath,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      PORT: String(port),
      HOST: '127.0.0.1',
      AMORA_DATA_DIR: dataDir,
      AMORA_JWT_SECRET: BENCH_SECRET,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let postgresAt: number | null = null;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const readyMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(new Error(`no "Amora is listening" within 30 s:\n${output.slice(-2000)}`));
    }, 30_000);
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      for (const line of String(chunk).split('\n')) {
        if (line.includes('embedded PostgreSQL started')) {
          try {
            postgresAt = (JSON.parse(line) as { time: number }).time - spawnedAt;
          } catch {
            /* not JSON */
          }
        }
      }
      if (output.includes('Amora is listening')) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output.slice(-2000)}`));
    });
  });
  // SIGTERM at once, as a process manager might. If it is lost (the process keeps running), send
  // it again, and count it: a start that cannot be stopped is a finding of its own.
  const stopAt = performance.now();
  const signal = (name: NodeJS.Signals) => {
    if (command === process.execPath) child.kill(name);
    else
      try {
        process.kill(-child.pid!, name);
      } catch {
        /* already gone */
      }
  };
  signal('SIGTERM');
  let lostSignal = false;
  const gone = (ms: number) =>
    Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
    ]);
  if (!(await gone(3000))) {
    lostSignal = true;
    signal('SIGTERM');
    if (!(await gone(15_000))) {
      signal('SIGKILL');
      await exited;
    }
  }
  // Never leave a PostgreSQL behind for the next start.
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid || !fs.existsSync(`/proc/${pid}`)) break;
    if (i === 50) process.kill(pid, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { readyMs, postgresMs: postgresAt, stopMs: performance.now() - stopAt, lostSignal };
}

/** What `npm run build` does (SWC over src/, JSON copied), into bench/.build; returns its time. */
function build(): { ms: number; status: number | null; errors: string[] } {
  const started = performance.now();
  const result = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'swc'),
    ['src', '-d', BUILD_DIR, '--strip-leading-paths', '--copy-files', '--quiet'],
    { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
  );
  const errors = String(result.stderr ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return { ms: performance.now() - started, status: result.status, errors };
}

function timeNode(args: string[]): number {
  const started = performance.now();
  spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  return performance.now() - started;
}

export const benchmark: Benchmark = {
  name: 'cold-start',
  title: 'cold start',
  async run() {
    const notes: string[] = [];
    const rows: Row[] = [];
    const raw: Record<string, unknown> = {};

    const first = build();
    const again = build();
    raw.build = { first, again };
    const main = path.join(BUILD_DIR, 'main.js');
    if (!fs.existsSync(main))
      throw new Error(
        `the build produced no ${path.relative(ROOT, main)} (exit ${first.status}): ${first.errors.slice(0, 3).join(' | ')}`,
      );

    const nodeBaseline = median([0, 1, 2].map(() => timeNode(['-e', '0'])));
    const loadModules = median(
      [0, 1, 2].map(() =>
        timeNode(['-e', `require(${JSON.stringify(path.join(BUILD_DIR, 'server', 'app.js'))})`]),
      ),
    );
    raw.nodeBaseline = nodeBaseline;
    raw.loadModules = loadModules;

    let lost = 0;
    let total = 0;
    let restartsOfBuilt: number[] = [];
    const variants = [
      { label: 'node dist/main.js (SWC build)', args: [main], target: true },
      {
        label: 'node -r @swc-node/register src/main.ts',
        args: ['-r', '@swc-node/register', 'src/main.ts'],
        target: false,
      },
    ];
    for (const variant of variants) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-start-'));
      try {
        const firstStart = await startOnce(variant.args, dataDir);
        const restarts: Start[] = [];
        for (let i = 0; i < RESTARTS; i++) restarts.push(await startOnce(variant.args, dataDir));
        const ready = median(restarts.map((s) => s.readyMs));
        if (variant.target) restartsOfBuilt = restarts.map((x) => x.readyMs);
        const pg = restarts.map((s) => s.postgresMs).filter((v): v is number => v !== null);
        raw[variant.label] = { firstStart, restarts };
        rows.push({
          figure: `${variant.label} to "Amora is listening", data dir exists (median of ${RESTARTS})`,
          measured: `${(ready / 1000).toFixed(2)} s`,
          target: variant.target ? `< ${TARGET_MS / 1000} s` : '-',
          met: variant.target ? ready < TARGET_MS : null,
          ratio: `${(ready / nodeBaseline).toFixed(1)}x \`node -e 0\` (${nodeBaseline.toFixed(0)} ms)`,
        });
        const starts = [firstStart, ...restarts];
        lost += starts.filter((x) => x.lostSignal).length;
        total += starts.length;
        notes.push(
          `${variant.label}: first start (initdb + migrations) ${(firstStart.readyMs / 1000).toFixed(2)} s; restarts ${restarts.map((s) => (s.readyMs / 1000).toFixed(2)).join(', ')} s; embedded PostgreSQL up at ~${pg.length ? (median(pg) / 1000).toFixed(2) : '?'} s after spawn; SIGTERM to exit ${(() => {
            const clean = starts.filter((x) => !x.lostSignal).map((x) => x.stopMs);
            return clean.length ? `${median(clean).toFixed(0)} ms` : '? (every SIGTERM lost)';
          })()}`,
        );
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    // The literal `npm start` (build, then exec node dist/main.js): it writes dist/ as it always does.
    const npmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-start-'));
    try {
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const first = await startOnce(['start', '--silent'], npmDir, npm);
      const again = [
        await startOnce(['start', '--silent'], npmDir, npm),
        await startOnce(['start', '--silent'], npmDir, npm),
      ];
      const ready = median(again.map((x) => x.readyMs));
      lost += [first, ...again].filter((x) => x.lostSignal).length;
      total += 3;
      raw.npmStart = { first, again };
      rows.push({
        figure:
          '`npm start` itself (npm run build, then node dist/main.js), data dir exists (median of 2)',
        measured: `${(ready / 1000).toFixed(2)} s`,
        target: '< 3 s',
        met: ready < TARGET_MS,
        ratio: `${(ready / nodeBaseline).toFixed(1)}x \`node -e 0\`; the build step is ${(again.map((x) => x.readyMs).reduce((a, b) => a + b, 0) / 2 / 1000 - median(restartsOfBuilt) / 1000).toFixed(2)} s of it`,
      });
    } catch (error) {
      notes.push(
        `\`npm start\` failed: ${(error as Error).message.split('\n').slice(0, 3).join(' | ')}`,
      );
      rows.push({
        figure: '`npm start` itself, data dir exists',
        measured: 'failed',
        target: '< 3 s',
        met: false,
        ratio: '-',
      });
    } finally {
      fs.rmSync(npmDir, { recursive: true, force: true });
    }
    rows.push({
      figure: 'SIGTERM sent right after "Amora is listening" stops the process',
      measured: `${total - lost} of ${total}`,
      target: '-',
      met: null,
      ratio: lost
        ? `${lost} SIGTERM(s) lost: see RESULTS.md (src/main.ts swaps signal handlers after listening)`
        : 'none lost',
    });
    rows.push({
      figure: '`npm run build` with nothing changed (runs before every `npm start`)',
      measured: `${(again.ms / 1000).toFixed(2)} s`,
      target: '-',
      met: null,
      ratio: `first build ${(first.ms / 1000).toFixed(1)} s`,
    });
    notes.push(
      `loading the compiled module graph (require src/server/app.js): ${loadModules.toFixed(0)} ms, node -e 0: ${nodeBaseline.toFixed(0)} ms`,
    );
    return { rows, notes, raw };
  },
};
