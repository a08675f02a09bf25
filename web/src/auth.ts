/** Where the signed-in token is kept between visits (this browser only). */
const TOKEN_KEY = 'amora.token';

/** The token this browser signed in with, if any. */
export function loadToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Remembers the token (null forgets it). */
export function saveToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** A token for a new local user, when the server offers them (its own generated secret). */
export async function localTokensOffered(): Promise<boolean> {
  try {
    const response = await fetch('/api/dev', { headers: { accept: 'application/json' } });
    if (!response.ok) return false;
    const body = (await response.json()) as { local_tokens?: unknown };
    return body.local_tokens === true;
  } catch {
    return false;
  }
}

/** Asks the server for a token for a new local user. */
export async function newLocalToken(): Promise<string> {
  const response = await fetch('/api/dev/token', { method: 'POST' });
  if (!response.ok) throw new Error('This server does not hand out local tokens.');
  const body = (await response.json()) as { token: string };
  return body.token;
}
