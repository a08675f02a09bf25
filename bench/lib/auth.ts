import { signToken } from '../../src/auth/token';

/** The HS256 secret every benchmark server is started with. */
export const BENCH_SECRET = 'bench-secret-with-enough-length-for-hs256-0123456789';

/** Signs one token per user id, a few hundred at a time. */
export async function signTokens(userIds: readonly string[]): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    tokens.push(
      ...(await Promise.all(
        userIds.slice(i, i + 500).map((id) => signToken(BENCH_SECRET, id, { expiresIn: '2h' })),
      )),
    );
  }
  return tokens;
}
