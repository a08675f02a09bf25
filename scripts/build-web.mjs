/**
 * Builds the browser client (web/) into dist-web/ when its sources changed since the last build.
 * `npm install` runs it once (prepare); `npm start` runs it again, and then it only hashes web/
 * and package-lock.json (a few milliseconds) and finds nothing to do. `--force` always builds.
 *
 * Plain JavaScript on purpose: it must start fast, before anything is compiled.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'web');
const outDir = path.join(root, 'dist-web');
const stamp = path.join(outDir, '.source-hash');

/** Every file under web/ and the lock file (dependency versions change the bundle too). */
function sourceHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(file);
      } else {
        hash
          .update(path.relative(root, file))
          .update('\0')
          .update(fs.readFileSync(file))
          .update('\0');
      }
    }
  };
  walk(webDir);
  // Only the resolved versions matter; the lock file may be absent in an unusual install.
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest('hex');
}

async function main() {
  const force = process.argv.includes('--force');
  const hash = sourceHash();
  const current = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : null;
  if (!force && current === hash && fs.existsSync(path.join(outDir, 'index.html'))) return;

  let vite;
  try {
    vite = await import('vite');
  } catch {
    // An install without devDependencies: the API still runs, and / says how to build the client.
    console.warn(
      '[web] vite is not installed (devDependencies omitted?): the web client is not built.',
    );
    return;
  }
  const started = Date.now();
  console.log('[web] building the web client (web/ changed)…');
  // Built beside and swapped in, so a server running meanwhile never serves half a build.
  const tmp = `${outDir}.tmp-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  try {
    await vite.build({
      configFile: path.join(webDir, 'vite.config.mts'),
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
    });
    fs.writeFileSync(path.join(tmp, '.source-hash'), `${hash}\n`);
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    fs.renameSync(tmp, outDir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
  console.log(`[web] built into dist-web/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(`[web] the web client could not be built: ${error?.message ?? error}`);
  process.exit(1);
});
