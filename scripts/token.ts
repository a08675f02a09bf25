/**
 * Prints a bearer token for a user id, signed with the server's HS256 secret (the configured
 * AMORA_JWT_SECRET, else the one kept in the data dir), for local use:
 *
 *   npm run token -- 3f1c2d4e-1111-4222-8333-444455556666
 *   npm run token            # a new random user
 */
import { randomUUID } from 'node:crypto';
import { signToken } from '../src/auth/token';
import { loadConfig } from '../src/config';
import { isUuid } from '../src/ids';
import { jwtSecret } from '../src/auth/local-secret';

async function main(): Promise<void> {
  const config = loadConfig();
  const userId = process.argv[2] ?? randomUUID();
  if (!isUuid(userId))
    throw new Error(
      `${JSON.stringify(userId)} is not a UUID; the token's sub must be the user's UUID`,
    );
  const secret = jwtSecret(config);
  if (!secret)
    throw new Error(
      'Only AMORA_JWKS_URL is configured: tokens come from your identity provider, not from here',
    );
  console.log(
    await signToken(secret, userId, {
      audience: config.jwtAudience,
      expiresIn: process.env.AMORA_TOKEN_TTL ?? '30d',
    }),
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
