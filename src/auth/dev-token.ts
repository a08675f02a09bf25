import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Config } from '../config';
import { signToken } from './token';

/** How long a "try it locally" token lasts. */
const DEV_TOKEN_TTL = '30d';

/**
 * `POST /api/dev/token`: a token for a new local user, for the web client's "try it locally"
 * button. It exists only while the server signs with its own generated secret, that is with
 * neither `AMORA_JWT_SECRET` nor `AMORA_JWKS_URL` set: a server that trusts a real identity
 * provider must never mint tokens itself. `GET /api/dev` tells the client it is there.
 * @returns the router, or null when tokens come from elsewhere.
 */
export function devTokenRouter(config: Config, localSecret: string | null): Router | null {
  if (config.jwtSecret || config.jwksUrl || !localSecret) return null;
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ local_tokens: true });
  });
  router.post('/token', async (_req, res) => {
    const userId = randomUUID();
    const token = await signToken(localSecret, userId, {
      audience: config.jwtAudience,
      expiresIn: DEV_TOKEN_TTL,
    });
    res.json({ token, user_id: userId });
  });
  return router;
}
