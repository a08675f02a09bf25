import { Client, fetchExchange, subscriptionExchange, type AnyVariables } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** The GraphQL client of one signed-in token: HTTP for queries and mutations, graphql-ws for subscriptions. */
export interface Api {
  client: Client;
  ws: WsClient;
  token: string;
  /** Runs a query or mutation and returns its data, or throws with the server's message. */
  run<T>(document: string, variables?: AnyVariables): Promise<T>;
  /** A REST call with the token (export, delete-everything). */
  rest(method: string, path: string): Promise<Response>;
  close(): void;
}

/** Why a call failed, with the server's `extensions.code` when it gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** Builds the client for `token`; the websocket connects when the first subscription starts. */
export function createApi(token: string): Api {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createWsClient({
    url: wsUrl,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    retryAttempts: Infinity,
    // 4403: the token was refused; retrying cannot help.
    shouldRetry: (event) =>
      !(event && typeof event === 'object' && 'code' in event && event.code === 4403),
  });
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    ws,
    token,
    async run<T>(document: string, variables: AnyVariables = {}) {
      const isMutation = /^\s*mutation\b/.test(document);
      const result = isMutation
        ? await client.mutation(document, variables).toPromise()
        : await client.query(document, variables).toPromise();
      if (result.error) {
        const first = result.error.graphQLErrors[0];
        if (first)
          throw new ApiError(first.message, (first.extensions?.code as string | undefined) ?? null);
        const status = (result.error.response as Response | undefined)?.status;
        throw new ApiError(
          status === 401
            ? 'Your token was not accepted. Sign in again.'
            : 'Amora cannot be reached right now.',
          status === 401 ? 'UNAUTHENTICATED' : 'NETWORK',
        );
      }
      return result.data as T;
    },
    rest: (method, path) => fetch(path, { method, headers: { authorization: `Bearer ${token}` } }),
    close: () => void ws.dispose(),
  };
}

export const SESSION_FIELDS = `id title primaryTopic status createdAt updatedAt lastMessageAt
  followUpEnabled followUpTime timezone summaryText nextPlanText`;

export const MESSAGE_FIELDS = `id sender text createdAt responseStyle replyToId feedback { id type createdAt }`;

export const Q_SESSIONS = `query Sessions { sessions { ${SESSION_FIELDS} } }`;
export const Q_SESSION = `query Session($id: ID!) { session(id: $id) { ${SESSION_FIELDS} } }`;
export const Q_MESSAGES = `query Messages($id: ID!, $last: Int!, $before: String) {
  session(id: $id) { id messages(last: $last, before: $before) {
    totalCount edges { cursor node { ${MESSAGE_FIELDS} } } pageInfo { hasPreviousPage startCursor } } } }`;
export const Q_PROGRESS = `query Progress($id: ID!) { session(id: $id) { id title timezone progress {
  turnCount mainTopic topics { topic stage turns } emotionsByDay { day counts { emotion count } }
  checkInsSent checkInsAnswered safetyConcerns } } }`;
export const Q_DUE = `query Due { dueFollowups { coachSessionId title prompt dueAt } }`;
export const S_DUE = `subscription DueFollowups { dueFollowups { coachSessionId title prompt dueAt } }`;

export const M_CREATE = `mutation Create($input: CreateSessionInput!) { createSession(input: $input) { ${SESSION_FIELDS} } }`;
export const M_UPDATE = `mutation Update($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { ${SESSION_FIELDS} } }`;
export const M_DELETE = `mutation Delete($id: ID!) { deleteSession(id: $id) }`;
export const M_SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) {
  message responseStyle messageId session { ${SESSION_FIELDS} } } }`;
export const M_REGENERATE = `mutation Regenerate($id: ID!) { regenerateResponse(messageId: $id) {
  message responseStyle messageId session { ${SESSION_FIELDS} } } }`;
export const M_FEEDBACK = `mutation Feedback($input: SubmitFeedbackInput!) { submitFeedback(input: $input) {
  success feedback { id type createdAt } } }`;

export type Status = 'ACTIVE' | 'PAUSED' | 'COMPLETED';

export interface Session {
  id: string;
  title: string;
  primaryTopic: string | null;
  status: Status;
  createdAt: string;
  updatedAt: string;
  lastMessageAt: string | null;
  followUpEnabled: boolean;
  followUpTime: string | null;
  timezone: string;
  summaryText: string | null;
  nextPlanText: string | null;
}

export interface Feedback {
  id: string;
  type: 'LIKE' | 'DISLIKE' | 'REGENERATE';
  createdAt: string;
}

export interface Message {
  id: string;
  sender: 'USER' | 'AMORA';
  text: string;
  createdAt: string;
  responseStyle: string | null;
  replyToId: string | null;
  feedback: Feedback[];
}

export interface Progress {
  turnCount: number;
  mainTopic: string | null;
  topics: { topic: string; stage: number; turns: number }[];
  emotionsByDay: { day: string; counts: { emotion: string; count: number }[] }[];
  checkInsSent: number;
  checkInsAnswered: number;
  safetyConcerns: number;
}

export interface Followup {
  coachSessionId: string;
  title: string;
  prompt: string;
  dueAt: string;
}

export interface CoachReply {
  message: string;
  responseStyle: string;
  messageId: string;
  session: Session;
}

/** "self_worth" → "self worth". */
export const label = (id: string): string => id.replace(/_/g, ' ');

/** When something last happened, in the reader's words and zone. */
export function when(iso: string | null): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  const minutes = Math.round((Date.now() - date.getTime()) / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
