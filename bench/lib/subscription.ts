/** The subscription the websocket benchmarks hold open. */
export const DUE_SUBSCRIPTION = 'subscription { dueFollowups { coachSessionId prompt } }';

/** Why a server cannot run the websocket benchmarks yet, or null when it can. */
export async function subscriptionMissing(url: string, token: string): Promise<string | null> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __schema { subscriptionType { fields { name } } } }' }),
  });
  const body = (await response.json()) as {
    data?: { __schema: { subscriptionType: { fields: { name: string }[] } | null } };
  };
  const fields = body.data?.__schema.subscriptionType?.fields.map((f) => f.name) ?? [];
  if (!fields.includes('dueFollowups'))
    return 'the schema has no `subscription { dueFollowups }` yet (src/followups, src/server/websocket.ts)';
  const upgrade = await new Promise<string | null>((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const WebSocket = require('ws') as typeof import('ws');
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => {
      socket.close();
      resolve(null);
    });
    socket.on('error', (error: Error) => resolve(`no websocket at /graphql (${error.message})`));
  });
  return upgrade;
}

/**
 * How many subscribers did not get exactly one check-in for their own session (subscriber i
 * holds session i): the fan-out's correctness, beside its speed.
 */
export function misdelivered(
  received: readonly (readonly { payload: unknown }[])[],
  sessionIds: readonly string[],
): number {
  return received.filter(
    (list, i) =>
      list.length !== 1 ||
      (list[0].payload as { data?: { dueFollowups?: { coachSessionId?: string } } }).data
        ?.dueFollowups?.coachSessionId !== sessionIds[i],
  ).length;
}
