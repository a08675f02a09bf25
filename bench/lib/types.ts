/** One line of the results table. */
export interface Row {
  /** What was measured, e.g. "coach turn p99". */
  figure: string;
  /** The measured value, formatted with its unit. */
  measured: string;
  /** The target from shared/spec/operations.md, or "-" for a figure shown for context. */
  target: string;
  /** Whether the target is met; null for context rows. */
  met: boolean | null;
  /** The same-run baseline comparison, e.g. "0.41x bare Apollo (9,102 req/s)". */
  ratio: string;
}

/** What a benchmark returns: its table rows, notes worth printing, and raw figures for the JSON. */
export interface BenchResult {
  rows: Row[];
  notes?: string[];
  raw?: Record<string, unknown>;
}

/** Each benchmark module exports one of these as `benchmark`. */
export interface Benchmark {
  /** Short name used on the command line (`npm run bench -- engine`). */
  name: string;
  title: string;
  run(): Promise<BenchResult>;
}
