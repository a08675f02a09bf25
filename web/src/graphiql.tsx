import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { loadToken } from './auth';

/*
 * GraphiQL bundled with the server (no CDN): the token the web client signed in with is put in
 * the headers editor and in the websocket's connection_init, so queries and subscriptions work
 * at once. Without one, the headers editor shows where to put it.
 */
const token = loadToken();
const authorization = token ? `Bearer ${token}` : 'Bearer <paste a token here>';
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  // Also sent with the schema's introspection, which runs before the headers editor is read.
  headers: token ? { Authorization: authorization } : {},
  subscriptionUrl: wsUrl,
  wsConnectionParams: { authorization },
});

const DEFAULT_QUERY = `# Amora's API. The token from the web client is already in the headers below.
query MySessions {
  sessions {
    id
    title
    status
    lastMessageAt
    progress { turnCount mainTopic checkInsSent }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={DEFAULT_QUERY}
    initialHeaders={JSON.stringify({ Authorization: authorization }, null, 2)}
    defaultEditorToolsVisibility="headers"
  />,
);
