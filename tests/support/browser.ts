import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (Playwright's own browser download cannot work on these machines). */
export const CHROMIUM = process.env.AMORA_CHROMIUM ?? '/usr/bin/chromium';

/** Where browser tests leave their screenshots (gitignored). */
export const ARTIFACTS = path.join(__dirname, '..', '.artifacts');

/**
 * The Chromium to drive, or undefined after saying, visibly, why browser tests are skipped.
 * In CI (`CI=true`) a missing browser is an error, not a skip: .ci/run installs it.
 */
export function chromiumOrExplainSkip(what: string): string | undefined {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  const reason = `[${what}] no browser at ${CHROMIUM} (apt-get install chromium, or set AMORA_CHROMIUM)`;
  if (process.env.CI === 'true') throw new Error(`${reason}: browser tests must run in CI`);
  process.stderr.write(`\n${reason}: SKIPPED\n`);
  console.warn(`${reason}: SKIPPED`);
  return undefined;
}

/** Headless Chromium with the flags this closed network needs (no background connections). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Builds the web client unless dist-web/ already holds a build of the current sources. */
export function ensureWebBuild(): void {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build-web.mjs')], {
    stdio: 'inherit',
  });
}
