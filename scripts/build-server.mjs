// Compiles src/ into dist/ with SWC (as `npm run build`), unless dist/ is already newer than every
// file of src/: `npm start` then skips the compile, which is most of a warm start's time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, 'dist', '.build-stamp');

/** The newest modification time under `dir` (a file removed counts through its folder's), in ms. */
function newest(dir) {
  let latest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const sources = Math.max(
  newest(path.join(root, 'src')),
  fs.statSync(path.join(root, '.swcrc')).mtimeMs,
);
if (process.argv.includes('--force') || sources >= built) {
  const startedAt = Date.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, '');
  // Sources saved while the compile ran must still count as newer than the build.
  fs.utimesSync(stamp, new Date(startedAt), new Date(startedAt));
}
