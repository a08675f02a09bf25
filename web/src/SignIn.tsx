import { useEffect, useState, type FormEvent } from 'react';
import { createApi, Q_SESSIONS } from './api';
import { localTokensOffered, newLocalToken } from './auth';

/** Sign in with a pasted token, or (on a local server) as a new local user. */
export function SignIn({ onSignIn }: { onSignIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [local, setLocal] = useState(false);
  useEffect(() => {
    void localTokensOffered().then(setLocal);
  }, []);

  const check = async (candidate: string) => {
    setBusy(true);
    setError(null);
    const api = createApi(candidate);
    try {
      await api.run(Q_SESSIONS);
      onSignIn(candidate);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      api.close();
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    if (!trimmed) return setError('Paste your token first.');
    void check(trimmed);
  };
  const tryLocally = async () => {
    setBusy(true);
    try {
      await check(await newLocalToken());
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <h1>Amora</h1>
      <p className="lead">A relationship coach to talk to when love weighs on you.</p>
      {local && (
        <section className="card" aria-labelledby="try-heading">
          <h2 id="try-heading">Try it on this computer</h2>
          <p>This server runs on its own: it can make you a private local account right now.</p>
          <button type="button" className="primary" onClick={tryLocally} disabled={busy}>
            Try it locally
          </button>
        </section>
      )}
      <form className="card" onSubmit={submit} aria-labelledby="token-heading">
        <h2 id="token-heading">Sign in with a token</h2>
        <label htmlFor="token">Access token</label>
        <textarea
          id="token"
          rows={3}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="eyJhbGciOi…"
          aria-describedby="token-help"
          spellCheck={false}
          autoComplete="off"
        />
        <p id="token-help" className="hint">
          A JWT from your identity provider, or from <code>npm run token</code> on the server.
        </p>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </main>
  );
}
