import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { checkComplexity, MAX_ALIASES } from '../src/server/query-limits';
import { MAX_OPERATIONS_PER_SOCKET } from '../src/server/websocket';
import { captureLog } from './support/captured-log';
import { startTestServer, type TestServer } from './support/server';
import { doublingQuery } from './support/hostile-queries';

const CYCLE = `query { sessions { ...A } } fragment A on Session { ...B } fragment B on Session { ...A }`;

let t: TestServer;
const log = captureLog('info');
const lines = log.lines;
let token: string;

beforeAll(async () => {
  t = await startTestServer({ logger: log.logger });
  token = await t.token();
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  log.clear();
});

/** A websocket client for one token; answers one operation with its result or its errors. */
function socket(forToken: string): { client: Client; run(query: string): Promise<any> } {
  const client = createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${forToken}` },
    retryAttempts: 0,
  });
  const run = (query: string) =>
    new Promise<any>((resolve) => {
      let result: unknown;
      client.subscribe(
        { query },
        {
          next: (value) => {
            result = value;
          },
          error: (errors) => resolve({ errors }),
          complete: () => resolve(result),
        },
      );
    });
  return { client, run };
}

describe('query cost over HTTP', () => {
  it('refuses the fragment-doubling query at once, and /healthz answers meanwhile', async () => {
    const refused = t.gql(token, doublingQuery());
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    const answer = await refused;
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors[0].message).toMatch(/asks for too much/);
  });

  it('answers a fragment cycle with a validation error, not a 500 or a stack in the logs', async () => {
    const answer = await t.gql(token, CYCLE);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(answer.body)).not.toMatch(/Maximum call stack|RangeError/);
    expect(lines.filter((line) => /"level":50/.test(line))).toEqual([]);
  });

  it('refuses documents over the token limit while parsing', async () => {
    const fields = Array.from({ length: 2_100 }, () => 'id').join(' ');
    const answer = await t.gql(token, `{ sessions { ${fields} } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/more th\w+ 2000 tokens/);
  });

  it('prices the export by what it returns: one per operation', async () => {
    const one = await t.gql(token, `{ exportMyData }`);
    expect(one.body.errors).toBeUndefined();
    const two = await t.gql(token, `{ a: exportMyData b: exportMyData }`);
    expect(two.status).toBe(400);
    expect(two.body.errors[0].message).toMatch(/complexity/);
    expect(two.body.data).toBeUndefined();
  });

  it('prices a page of messages by its size, from variables too', async () => {
    const query = `query($n: Int) { sessions { messages(first: $n) { edges { node { id text feedback { id type } } } } } }`;
    expect((await t.gql(token, query, { n: 10 })).body.errors).toBeUndefined();
    const big = await t.gql(
      token,
      `query($n: Int) { s: session(id: "x") { messages(first: $n) {
      edges { node { session { messages(first: $n) { edges { node { id text } } } } } } } } }`,
      {
        n: 200,
      },
    );
    expect(big.status).toBe(400);
    expect(big.body.errors[0].message).toMatch(/complexity/);
  });

  it(`refuses more than ${MAX_ALIASES} aliases`, async () => {
    const fields = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `f${i}: id`).join(' ');
    const answer = await t.gql(token, `{ sessions { ${fields} } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/Aliases limit/);
  });

  it('still names the bad variable when the variables do not fit', async () => {
    const answer = await t.gql(
      token,
      `query($n: Int) { sessions { messages(first: $n) { totalCount } } }`,
      {
        n: 'many',
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('the same document sent again', () => {
  it('is priced again by its new variables', async () => {
    const query = `query($n: Int) { s: session(id: "x") { messages(first: $n) {
      edges { node { session { messages(first: $n) { edges { node { id text } } } } } } } } }`;
    expect((await t.gql(token, query, { n: 2 })).status).toBe(200);
    const big = await t.gql(token, query, { n: 200 });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].message).toMatch(/complexity/);
  });

  it('still refuses variables that do not fit, with the same answer as a document seen first', async () => {
    const query = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message } }`;
    // A text of its own per request, so none of these is priced before.
    const fresh = (variables: Record<string, unknown>, n: number) =>
      t.gql(
        token,
        `mutation M${n}($input: SendMessageInput!) { sendMessage(input: $input) { message } }`,
        variables,
      );
    expect((await t.gql(token, query, { input: { specificQuestion: 'Hello' } })).status).toBe(200);
    const cases: Record<string, unknown>[] = [
      { input: { specificQuestion: 7 } },
      {},
      { input: { nope: true } },
    ];
    for (const [n, variables] of cases.entries()) {
      const again = await t.gql(token, query, variables);
      const first = await fresh(variables, n);
      expect(again.status).toBe(400);
      expect(again.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect({ status: again.status, body: again.body }).toEqual({
        status: first.status,
        body: first.body,
      });
    }
  });
});

describe('pricing refuses what it cannot price', () => {
  it('throws rather than letting an operation through unpriced', () => {
    // Past validation on purpose: the pricing library gives up on this one.
    expect(() => checkComplexity(t.server.schema, parse(doublingQuery(20)), {})).toThrow(
      /asks for too much/,
    );
  });
});

describe('the same limits over the websocket', () => {
  it('refuses the doubling query, a cycle, aliases and two exports, and keeps the socket', async () => {
    const ws = socket(token);
    try {
      const doubling = await ws.run(doublingQuery());
      expect(doubling.errors[0].message).toMatch(/asks for too much/);
      const cycle = await ws.run(CYCLE);
      expect(cycle.errors[0].message).toMatch(/within itself/);
      const aliases = Array.from({ length: 1_200 }, (_, i) => `f${i}: id`).join(' ');
      expect((await ws.run(`{ sessions { ${aliases} } }`)).errors[0].message).toMatch(
        /too much|tokens/,
      );
      expect((await ws.run(`{ a: exportMyData b: exportMyData }`)).errors[0].message).toMatch(
        /complexity/,
      );
      const fine = await ws.run(`{ sessions { id } }`);
      expect(fine.data).toEqual({ sessions: [] });
    } finally {
      await ws.client.dispose();
    }
    expect(lines.filter((line) => /"level":50/.test(line))).toEqual([]);
  });

  it(`caps operations per socket at ${MAX_OPERATIONS_PER_SOCKET}`, async () => {
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < MAX_OPERATIONS_PER_SOCKET + 5; i++) {
        outcomes.push('open');
        client.subscribe(
          { query: `subscription { dueFollowups { coachSessionId } }` },
          {
            next: () => undefined,
            error: (errors) => {
              outcomes[i] = JSON.stringify(errors);
            },
            complete: () => {
              outcomes[i] = 'complete';
            },
          },
        );
      }
      // Operations on one socket are handled in order: once this one is answered (it is over the
      // cap too), every subscription before it has been accepted or refused.
      const marker = await new Promise<string>((resolve) => {
        client.subscribe(
          { query: '{ __typename }' },
          {
            next: () => undefined,
            error: (errors) => resolve(JSON.stringify(errors)),
            complete: () => resolve('complete'),
          },
        );
      });
      expect(marker).toMatch(/Too many operations/);
      expect(outcomes.filter((r) => r === 'open')).toHaveLength(MAX_OPERATIONS_PER_SOCKET);
      expect(outcomes.filter((r) => /Too many operations/.test(r))).toHaveLength(5);
    } finally {
      await client.dispose();
    }
  });
});
