import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..');

/** One broken rule, as dependency-cruiser reports it. */
interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

/** Runs dependency-cruiser over src/ with the project's rules (.dependency-cruiser.cjs). */
async function cruise(): Promise<{ violations: Violation[]; modules: number }> {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
  const { stdout } = await promisify(execFile)(
    bin,
    ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => {
    // depcruise exits non-zero when rules are broken; the report is on stdout all the same.
    if (error.stdout) return { stdout: error.stdout };
    throw error;
  });
  const report = JSON.parse(stdout) as {
    summary: { violations: Violation[]; totalCruised: number };
  };
  return { violations: report.summary.violations, modules: report.summary.totalCruised };
}

function describeViolation(v: Violation): string {
  const cycle = v.cycle?.length
    ? ` (cycle: ${[v.from, ...v.cycle.map((c) => c.name)].join(' -> ')})`
    : '';
  return `${v.rule.name}: ${v.from} -> ${v.to}${cycle}`;
}

describe('architecture of src/', () => {
  it('has no import cycle and no import against the layering rules', async () => {
    const { violations, modules } = await cruise();
    // Guards against a configuration that silently reads nothing.
    expect(modules).toBeGreaterThan(50);
    expect(violations.map(describeViolation)).toEqual([]);
  }, 120_000);
});
