/**
 * The A/B tools in bench/tools/: the current checkout ("this") against another ("base"), each
 * variant started afresh per round on the same database, rounds alternating the order so that a
 * busy machine weighs on both alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopBenchPostgres } from './postgres';

/** One measured round of one variant, as printed and summarised. */
export type AbRow = { round: number; variant: string } & Record<string, unknown>;

/**
 * Runs `measure` for every variant in every round (order alternating), each with the same fresh
 * data directory; prints each row as JSON; removes the directory and stops the bench's
 * PostgreSQL at the end, whatever happened.
 */
export async function runInterleaved<V extends { label: string }>(
  variants: readonly V[],
  rounds: number,
  measure: (variant: V, dataDir: string) => Promise<Record<string, unknown>>,
): Promise<AbRow[]> {
  const rows: AbRow[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-ab-'));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const v of round % 2 === 0 ? variants : [...variants].reverse()) {
        const row: AbRow = { round: round + 1, variant: v.label, ...(await measure(v, dataDir)) };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await stopBenchPostgres();
  }
  return rows;
}

/** Prints, per variant, `describe` of the median of a numeric column (the upper one of two). */
export function printMedians(
  rows: readonly AbRow[],
  describe: (med: (key: string) => number) => string,
): void {
  for (const label of [...new Set(rows.map((r) => r.variant))]) {
    const mine = rows.filter((r) => r.variant === label);
    const med = (key: string) => {
      const values = mine.map((r) => Number(r[key])).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)];
    };
    console.log(`${label}: median of ${mine.length} rounds: ${describe(med)}`);
  }
}
