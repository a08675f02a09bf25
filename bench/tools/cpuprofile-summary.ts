/**
 * Summarises a V8 .cpuprofile (from `npm run bench -- <name> --profile`, written to
 * bench/.out/profiles): self time by package / project file and the top functions.
 *
 *   node -r @swc-node/register bench/tools/cpuprofile-summary.ts bench/.out/profiles/amora-*.cpuprofile
 *   ... --callers=writev   (the heaviest call paths into a function)
 *   ... --inclusive        (time with the function anywhere on the stack)
 *   ... --last=3           (only the final 3 s of the profile)
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function bucket(url: string): string {
  if (!url) return '(native / gc / idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1).replace(/^file:\/\//, '');
  return url.replace(/^file:\/\//, '');
}

/** Who calls `target` (by function name): the heaviest call paths into it, a few frames up. */
function callers(
  profile: Profile,
  self: Map<number, number>,
  target: string,
  depth = 14,
  top = 8,
): void {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const paths = new Map<string, number>();
  let sum = 0;
  for (const [id, t] of self) {
    if (byId.get(id)!.callFrame.functionName !== target) continue;
    sum += t;
    const frames: string[] = [];
    for (let p = parent.get(id); p !== undefined && frames.length < depth; p = parent.get(p)) {
      const f = byId.get(p)!.callFrame;
      if (f.functionName === '(root)') break;
      frames.push(`${f.functionName || '(anon)'}@${bucket(f.url)}:${f.lineNumber + 1}`);
    }
    const key = frames.join(' < ');
    paths.set(key, (paths.get(key) ?? 0) + t);
  }
  console.log(`  callers of ${target} (${(sum / 1e6).toFixed(2)} s):`);
  for (const [key, t] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`   ${((t / sum) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

/** Inclusive time: samples whose stack contains the function (counted once per sample). */
function inclusive(
  profile: Profile,
  self: Map<number, number>,
  busy: number,
  top = Number(process.env.TOP ?? 40),
): void {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  for (const [id, t] of self) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const f = byId.get(p)!.callFrame;
      if (!f.url || f.url.startsWith('node:')) continue;
      const key = `${f.functionName || '(anon)'} ${bucket(f.url)}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + t);
    }
  }
  console.log('  inclusive time (project and package frames):');
  for (const [name, t] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`   ${((t / busy) * 100).toFixed(1).padStart(5)}%  ${name}`);
}

function summarise(
  file: string,
  top = 25,
  callersOf: string[] = [],
  withInclusive = false,
  lastSeconds = 0,
): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // --last=S keeps the final S seconds only (e.g. the tick at the end of ws-fanout's server life).
  const from = lastSeconds ? profile.endTime - lastSeconds * 1e6 : -Infinity;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from) continue;
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()]
    .filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)')
    .reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const groups = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, t] of self) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    const name = node.callFrame.functionName || '(anonymous)';
    const b = ['(garbage collector)', '(program)'].includes(name)
      ? name
      : bucket(node.callFrame.url);
    groups.set(b, (groups.get(b) ?? 0) + t);
    const key = `${name} ${bucket(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
  }
  const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
  console.log(
    `${file}\n  wall ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((busy / total) * 100).toFixed(0)}%)`,
  );
  console.log('  self time by package / file:');
  for (const [name, t] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`   ${pct(t)}  ${name}`);
  console.log('  top functions (self):');
  for (const [name, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`   ${pct(t)}  ${name}`);
  for (const target of callersOf) callers(profile, self, target);
  if (withInclusive) inclusive(profile, self, busy);
}

const args = process.argv.slice(2);
const callersOf = args
  .filter((a) => a.startsWith('--callers='))
  .map((a) => a.slice('--callers='.length));
for (const file of args.filter((a) => !a.startsWith('--')))
  summarise(
    file,
    25,
    callersOf,
    args.includes('--inclusive'),
    Number(args.find((a) => a.startsWith('--last='))?.slice(7) ?? 0),
  );
