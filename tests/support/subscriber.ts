import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What a `dueFollowups` subscriber receives. */
export interface PushedFollowup {
  coachSessionId: string;
  title: string;
  prompt: string;
  dueAt: string;
  session: { id: string };
}

const SUBSCRIBE = `subscription { dueFollowups { coachSessionId title prompt dueAt session { id } } }`;

/** A websocket client subscribed to `dueFollowups` on one server, as a client app would be. */
export interface FollowupSubscriber {
  /** The server (http URL) it is connected to. */
  serverUrl: string;
  events: PushedFollowup[];
  errors: unknown[];
  /** Close code when the server closed the socket, else null. */
  closedWith(): number | null;
  close(): Promise<void>;
}

/**
 * Connects to `serverUrl` (`http://host:port`) with `token`, subscribes to `dueFollowups`, and
 * resolves once the server has set the subscription up (a query sent after it on the same socket
 * has been answered). Never reconnects on its own.
 */
export async function subscribeFollowups(
  serverUrl: string,
  token: string,
): Promise<FollowupSubscriber> {
  let closeCode: number | null = null;
  const client: Client = createClient({
    url: `${serverUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        closeCode = (event as { code?: number }).code ?? null;
      },
    },
  });
  const events: PushedFollowup[] = [];
  const errors: unknown[] = [];
  client.subscribe<{ dueFollowups: PushedFollowup }>(
    { query: SUBSCRIBE },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        if (result.data) events.push(result.data.dueFollowups);
      },
      error: (error) => {
        errors.push(error);
      },
      complete: () => undefined,
    },
  );
  // Operations on one socket are handled in order: once this answers, the subscription is live.
  await new Promise<void>((resolve, reject) => {
    client.subscribe(
      { query: '{ __typename }' },
      { next: () => undefined, error: reject, complete: resolve },
    );
  });
  return {
    serverUrl,
    events,
    errors,
    closedWith: () => closeCode,
    close: () => client.dispose() as Promise<void>,
  };
}
