import type http from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  OperationTypeNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Viewer } from '../auth/token';
import type { Context } from './context';
import { formatGraphQLError } from './errors';
import { admitOperation } from './query-limits';
import { pushSubscribe, type PushTarget } from './subscription-push';

/**
 * Operations one socket may have running at once: each live subscription holds a listener, so
 * a client opening them without end would grow the process without bound.
 */
export const MAX_OPERATIONS_PER_SOCKET = 10;

/** Close code for a socket whose token expired while it was open (the same as a refused token). */
export const TOKEN_EXPIRED_CLOSE = CloseCode.Forbidden;

/** Longest delay a Node timer takes; longer ones fire at once, so long-lived tokens re-arm. */
const MAX_TIMER_MS = 2_147_483_647;

/** How long sockets get to finish their closing handshake at shutdown before they are cut. */
const CLOSE_GRACE_MS = 2_000;

/** What the websocket face needs from the server. */
export interface WebsocketDeps {
  httpServer: http.Server;
  schema: GraphQLSchema;
  /** Verifies an `Authorization` value ("Bearer ..."), the same way HTTP requests are. */
  verify(authorization: string | undefined): Promise<Viewer>;
  /** Builds the resolver context for a verified viewer (fresh loaders each call). */
  contextFor(viewer: Viewer): Context;
  logger: Logger;
  /** Open sockets one user may hold. */
  maxSocketsPerUser: number;
  production: boolean;
  /** Called for every subscription event pushed to a socket (metrics). */
  onPush?: () => void;
}

/** The websocket face and how to close it. */
export interface WebsocketFace {
  /** Sockets open now. */
  count(): number;
  /** Closes every socket with 1001 (going away) and stops accepting. */
  dispose(): Promise<void>;
}

/** What is kept per socket: who it is, and the timer that ends it when the token expires. */
type SocketExtra = {
  viewer?: Viewer;
  expiry?: NodeJS.Timeout;
};

/**
 * GraphQL over websocket (`graphql-transport-ws`, the graphql-ws library) at `/graphql` on the
 * same HTTP server. The token comes in `connection_init` as `authorization` (or `Authorization`);
 * a bad or missing one closes the socket with 4403, and one that expires while the socket is open
 * ends it (4403, "token expired"), so a client reconnects with a fresh token. Operations get the
 * same context as HTTP requests.
 */
export function attachWebsocket(deps: WebsocketDeps): WebsocketFace {
  const wss = new WebSocketServer({ server: deps.httpServer, path: '/graphql' });
  const perUser = new Map<string, number>();
  // graphql-ws hands its `subscribe` only the execution arguments: the operation's socket and id
  // travel with its context object, made fresh for each operation.
  const pushTargets = new WeakMap<object, PushTarget>();
  // Errors leave through the same mask as over HTTP (codes kept, internals hidden).
  const masked = (result: ExecutionResult): ExecutionResult => {
    if (!result.errors?.length) return result;
    return {
      ...result,
      errors: result.errors.map(
        (error) => formatGraphQLError(error.toJSON(), error) as unknown as GraphQLError,
      ),
    };
  };
  const pushed = (result: ExecutionResult): ExecutionResult => {
    deps.onPush?.();
    return masked(result);
  };

  const server = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema: deps.schema,
      isProd: deps.production,
      // The same token, depth, alias, directive and cost limits as over HTTP, before anything runs.
      onSubscribe: (ctx, _id, payload) => {
        // graphql-ws has already reserved this operation's slot, so it is counted here.
        if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_SOCKET)
          return [
            new GraphQLError(
              `Too many operations on this connection (at most ${MAX_OPERATIONS_PER_SOCKET}): complete some first`,
              { extensions: { code: 'RATE_LIMITED' } },
            ),
          ];
        const admitted = admitOperation(
          deps.schema,
          payload.query,
          payload.variables,
          payload.operationName,
        );
        if ('errors' in admitted) return admitted.errors;
        return {
          schema: deps.schema,
          document: admitted.document,
          variableValues: payload.variables,
          operationName: payload.operationName,
        };
      },
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = params.authorization ?? params.Authorization;
        let viewer: Viewer;
        try {
          viewer = await deps.verify(typeof header === 'string' ? header : undefined);
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
        // Closed while the token was being checked: nothing to count or arm.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        const open = perUser.get(viewer.userId) ?? 0;
        if (open >= deps.maxSocketsPerUser) {
          ctx.extra.socket.close(
            CloseCode.TooManyInitialisationRequests,
            'Too many open connections for this user',
          );
          return false;
        }
        perUser.set(viewer.userId, open + 1);
        ctx.extra.viewer = viewer;
        if (viewer.expiresAt !== null) armExpiry(ctx.extra, ctx.extra.socket, viewer.expiresAt);
        return true;
      },
      onClose: (ctx) => {
        const { viewer, expiry } = ctx.extra;
        if (expiry) clearTimeout(expiry);
        if (!viewer) return;
        const left = (perUser.get(viewer.userId) ?? 1) - 1;
        if (left > 0) perUser.set(viewer.userId, left);
        else perUser.delete(viewer.userId);
      },
      // One context per operation, built like an HTTP request's.
      context: (ctx, id) => {
        const context = deps.contextFor(ctx.extra.viewer!);
        pushTargets.set(context, { socket: ctx.extra.socket, id, onNext: pushed });
        return context;
      },
      // Subscription events are written to the socket by subscription-push.ts where it can
      // complete them itself; the others come back through graphql-ws and `onNext`.
      subscribe: (args) => pushSubscribe(args, pushTargets.get(args.contextValue as object)),
      onNext: (_ctx, _id, _payload, args, result) => {
        if (
          deps.onPush &&
          getOperationAST(args.document, args.operationName)?.operation ===
            OperationTypeNode.SUBSCRIPTION
        )
          deps.onPush();
        return masked(result);
      },
    },
    wss,
  );

  return {
    count: () => wss.clients.size,
    dispose: async () => {
      const clients = [...wss.clients];
      // A client that never answers the close handshake must not hold shutdown up.
      const cut = setTimeout(() => {
        for (const client of clients) client.terminate();
      }, CLOSE_GRACE_MS);
      cut.unref();
      try {
        await server.dispose();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}

/** Ends the socket when the token expires, re-arming in steps for expiries beyond a timer's reach. */
function armExpiry(extra: SocketExtra, socket: WebSocket, expiresAt: number): void {
  const wait = expiresAt - Date.now();
  extra.expiry = setTimeout(
    () => {
      if (expiresAt - Date.now() > 0) return armExpiry(extra, socket, expiresAt);
      socket.close(TOKEN_EXPIRED_CLOSE, 'Forbidden: token expired');
    },
    Math.max(0, Math.min(wait, MAX_TIMER_MS)),
  );
  extra.expiry.unref();
}
