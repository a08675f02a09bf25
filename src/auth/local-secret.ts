import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * The HS256 secret used when `AMORA_JWT_SECRET` is unset: made once and kept in the data dir
 * (mode 0600), so tokens printed by `npm run token` keep working across restarts.
 */
export function localJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}

/** The secret for HS256 tokens: configured, or generated once into the data dir when nothing is configured. */
export function jwtSecret(config: Config): string | null {
  return config.jwtSecret ?? (config.jwksUrl ? null : localJwtSecret(config.dataDir));
}
