import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
} from 'jose';
import { UnauthenticatedError } from '../errors';
import { isUuid } from '../ids';

/** Who is calling, from a verified token. */
export interface Viewer {
  userId: string;
  /** When the token stops being valid (ms since epoch); sockets close then. */
  expiresAt: number | null;
}

/** Turns a bearer token into a {@link Viewer}, or throws {@link UnauthenticatedError}. */
export type TokenVerifier = (token: string) => Promise<Viewer>;

/** How tokens are checked: a shared HS256 secret, a JWKS URL for asymmetric keys, or both. */
export interface VerifierOptions {
  secret: string | null;
  jwksUrl: string | null;
  audience: string;
}

/** Tokens remembered as verified, at most. */
const VERIFIED_CACHE_SIZE = 10_000;

const ASYMMETRIC = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/**
 * Builds the verifier. Signature, `exp` and audience are always checked; `alg: none` and any
 * algorithm without a configured key are refused; `sub` must be a UUID (it is the user id).
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const secret = options.secret ? new TextEncoder().encode(options.secret) : null;
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  if (!secret && !jwks)
    throw new Error('No way to verify tokens: set AMORA_JWT_SECRET or AMORA_JWKS_URL');

  // Verifying an HS256 signature costs ~0.1 ms of CPU on every request; a token that verified once
  // stays valid until its exp, so it is remembered (bounded, oldest forgotten first).
  const verified = new Map<string, Viewer>();
  const remember = (token: string, viewer: Viewer): Viewer => {
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, viewer);
    return viewer;
  };

  return async (token) => {
    const known = verified.get(token);
    if (known) {
      if (known.expiresAt === null || known.expiresAt > Date.now()) return known;
      verified.delete(token);
      throw new UnauthenticatedError('The token has expired');
    }
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new UnauthenticatedError('The bearer token is not a JWT');
    }
    try {
      const verifyOptions = { audience: options.audience, requiredClaims: ['sub', 'exp'] };
      let payload: JWTPayload;
      if (alg === 'HS256' && secret) {
        ({ payload } = await jwtVerify(token, secret, { ...verifyOptions, algorithms: ['HS256'] }));
      } else if (alg && ASYMMETRIC.includes(alg) && jwks) {
        ({ payload } = await jwtVerify(token, jwks, { ...verifyOptions, algorithms: ASYMMETRIC }));
      } else {
        throw new UnauthenticatedError(
          `Tokens signed with ${alg ?? 'no algorithm'} are not accepted`,
        );
      }
      if (!payload.sub || !isUuid(payload.sub))
        throw new UnauthenticatedError('The token subject must be a user id (UUID)');
      return remember(token, {
        userId: payload.sub.toLowerCase(),
        expiresAt: payload.exp ? payload.exp * 1000 : null,
      });
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof errors.JWTExpired)
        throw new UnauthenticatedError('The token has expired');
      if (error instanceof errors.JWTClaimValidationFailed)
        throw new UnauthenticatedError(`The token's ${error.claim} claim is not accepted`);
      throw new UnauthenticatedError('The token signature is not valid');
    }
  };
}

/** Reads `Bearer <token>` from an Authorization header value. */
export function bearerToken(header: string | undefined | null): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new UnauthenticatedError('Send Authorization: Bearer <token>');
  return match[1];
}

/** Signs an HS256 token for `userId`, as Supabase would; for local use and tests. */
export async function signToken(
  secret: string,
  userId: string,
  options: { audience?: string; expiresIn?: string | number } = {},
): Promise<string> {
  return new SignJWT({ role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setAudience(options.audience ?? 'authenticated')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '30d')
    .sign(new TextEncoder().encode(secret));
}
