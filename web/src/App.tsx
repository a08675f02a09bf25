import { useEffect, useMemo, useRef, useState } from 'react';
import { Provider } from 'urql';
import { createApi, type Api } from './api';
import { loadToken, saveToken } from './auth';
import { CheckInToasts } from './CheckInToasts';
import { Conversation } from './Conversation';
import { ProgressView } from './ProgressView';
import { linkTo, navigate, useRoute } from './router';
import { SessionList } from './SessionList';
import { SignIn } from './SignIn';
import { YourData } from './YourData';

/** The whole client: sign-in until there is a token, then the pages. */
export function App() {
  const [token, setToken] = useState<string | null>(loadToken);
  const api = useMemo<Api | null>(() => (token ? createApi(token) : null), [token]);
  useEffect(() => () => api?.close(), [api]);

  const signIn = (next: string) => {
    saveToken(next);
    setToken(next);
    navigate('/');
  };
  const signOut = () => {
    saveToken(null);
    setToken(null);
  };

  if (!api) return <SignIn onSignIn={signIn} />;
  return (
    <Provider value={api.client}>
      <Shell api={api} onSignOut={signOut} />
    </Provider>
  );
}

function Shell({ api, onSignOut }: { api: Api; onSignOut: () => void }) {
  const route = useRoute();
  const first = useRef(true);
  // A new page puts keyboard and screen reader focus at its start, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="/" onClick={linkTo('/')}>
          Amora
        </a>
        <nav aria-label="Main">
          <a
            href="/"
            onClick={linkTo('/')}
            aria-current={route.page === 'sessions' ? 'page' : undefined}
          >
            Sessions
          </a>
          <a
            href="/data"
            onClick={linkTo('/data')}
            aria-current={route.page === 'data' ? 'page' : undefined}
          >
            Your data
          </a>
          <a href="/graphiql">GraphiQL</a>
          <button type="button" className="link" onClick={onSignOut}>
            Sign out
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'sessions' && <SessionList api={api} />}
        {route.page === 'session' && (
          <Conversation
            key={`${route.id}:${route.checkIn ?? ''}`}
            api={api}
            sessionId={route.id}
            checkIn={route.checkIn}
          />
        )}
        {route.page === 'progress' && (
          <ProgressView key={route.id} api={api} sessionId={route.id} />
        )}
        {route.page === 'data' && <YourData api={api} onErased={() => navigate('/')} />}
      </main>
      <CheckInToasts api={api} />
    </>
  );
}
