/**
 * `npm run bench` runs every benchmark; `npm run bench -- engine sql-count` runs the named ones.
 * `--profile` writes V8 CPU profiles of the server processes to bench/.out/profiles.
 *
 * Each benchmark lives in its own module, starts what it needs (an embedded PostgreSQL unless
 * DATABASE_URL is set, servers in child processes) and reports rows of: figure, measured value,
 * target, met, and a ratio against a baseline measured in the same run. Never part of `npm test`.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopBenchPostgres } from './lib/postgres';
import type { Benchmark, BenchResult, Row } from './lib/types';

/** In the order of the "What is measured" table (shared/spec/operations.md). */
const BENCHMARKS: { name: string; module: string; title: string }[] = [
  {
    name: 'coach-turn',
    module: './coach-turn',
    title: '1. coach turn (sendMessage) under 32 connections vs bare Apollo',
  },
  { name: 'engine', module: './engine', title: '2. engine alone (detect, choose, compose)' },
  {
    name: 'sql-count',
    module: './sql-count',
    title: '3. SQL statements of sessions { messages { feedback } }',
  },
  {
    name: 'followup-tick',
    module: './followup-tick',
    title: '4. follow-up tick with 1,000,000 sessions stored',
  },
  {
    name: 'ws-fanout',
    module: './ws-fanout',
    title: '5. check-in fan-out to 10,000 websocket subscribers',
  },
  { name: 'ws-memory', module: './ws-memory', title: '6. memory per idle websocket subscriber' },
  { name: 'cold-start', module: './cold-start', title: '7. cold start with an existing data dir' },
  {
    name: 'hardening',
    module: './hardening',
    title: '8. hostile queries (healthz meanwhile) and export memory',
  },
  {
    name: 'safety-classifier',
    module: './safety-classifier',
    title: '9. safety classifier per message (alone, and with 2 turns of context)',
  },
];

const OUT_DIR = path.join(__dirname, '.out');

function table(rows: (Row & { bench: string })[]): string {
  const header = ['benchmark', 'figure', 'measured', 'target', 'met', 'same-run baseline'];
  const body = rows.map((row) => [
    row.bench,
    row.figure,
    row.measured,
    row.target,
    row.met === null ? '-' : row.met ? 'yes' : 'NO',
    row.ratio,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--profile')) {
    process.env.AMORA_BENCH_PROFILE_DIR = path.join(OUT_DIR, 'profiles');
    fs.mkdirSync(process.env.AMORA_BENCH_PROFILE_DIR, { recursive: true });
  }
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter(
    (name) => !BENCHMARKS.some((b) => b.name === name || b.title.startsWith(`${name}.`)),
  );
  if (unknown.length) {
    console.error(
      `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
    process.exit(2);
  }
  const selected = names.length
    ? BENCHMARKS.filter(
        (b) => names.includes(b.name) || names.some((n) => b.title.startsWith(`${n}.`)),
      )
    : BENCHMARKS;

  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`;
  console.log(`Amora benchmarks — ${new Date().toISOString()}\nmachine: ${machine}\n`);
  const started = performance.now();
  const rows: (Row & { bench: string })[] = [];
  const report: Record<string, unknown> = {};
  for (const entry of selected) {
    console.log(`== ${entry.title}`);
    const t0 = performance.now();
    let result: BenchResult;
    try {
      // Loaded lazily: a benchmark whose code under test is missing fails alone.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { benchmark } = require(entry.module) as { benchmark: Benchmark };
      result = await benchmark.run();
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.error(error);
      result = {
        rows: [
          {
            figure: 'failed',
            measured: message.slice(0, 120),
            target: '-',
            met: false,
            ratio: '-',
          },
        ],
      };
    }
    const seconds = (performance.now() - t0) / 1000;
    for (const note of result.notes ?? []) console.log(`  note: ${note}`);
    console.log(table(result.rows.map((row) => ({ ...row, bench: entry.name }))));
    console.log(`  (${seconds.toFixed(1)} s)\n`);
    rows.push(...result.rows.map((row) => ({ ...row, bench: entry.name })));
    report[entry.name] = {
      seconds,
      rows: result.rows,
      notes: result.notes ?? [],
      raw: result.raw ?? {},
    };
  }
  await stopBenchPostgres();

  const total = (performance.now() - started) / 1000;
  console.log(`== Summary (${total.toFixed(0)} s)\n${table(rows)}`);
  const missed = rows.filter((row) => row.met === false);
  console.log(
    missed.length
      ? `\nTargets not met: ${missed.map((row) => `${row.bench}: ${row.figure}`).join('; ')}`
      : '\nEvery target met.',
  );
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(OUT_DIR, 'latest.json'),
    JSON.stringify(
      { at: new Date().toISOString(), machine, seconds: total, benchmarks: report },
      null,
      2,
    ),
  );
  console.log(`(raw figures: ${path.relative(process.cwd(), path.join(OUT_DIR, 'latest.json'))})`);
}

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(error);
    await stopBenchPostgres().catch(() => undefined);
    process.exit(1);
  },
);
