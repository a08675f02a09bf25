import { jwtVerify } from 'jose';
import fs from 'node:fs';
import { startTestServer, type TestServer } from './support/server';

/*
 * What the server does for the browser client: the web pages with their fallback (never over the
 * API), the dev-only token endpoint (only with the generated local secret), and paging back
 * through a conversation's history.
 */

const html = { accept: 'text/html,application/xhtml+xml' };

describe('web client pages', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers page paths with the client and leaves API paths to the API', async () => {
    const root = await fetch(`${t.url}/`, { headers: html });
    const rootBody = await root.text();
    expect(root.headers.get('content-type')).toMatch(/text\/(html|plain)/);
    for (const path of ['/sessions/8d3c0f57-1b7e-4d57-9a5c-4a8f4f0c5b11', '/data', '/progress/x']) {
      const page = await fetch(`${t.url}${path}`, { headers: html });
      expect(page.status).toBe(root.status);
      expect(await page.text()).toBe(rootBody);
    }
    const graphiql = await fetch(`${t.url}/graphiql`, { headers: html });
    expect(graphiql.status).toBe(root.status);
    if (graphiql.status === 200) expect(await graphiql.text()).toMatch(/GraphiQL/);

    const health = (await (await fetch(`${t.url}/healthz`, { headers: html })).json()) as {
      status: string;
    };
    expect(health.status).toBe('ok');
    const unknownApi = await fetch(`${t.url}/api/v1/coach/nothing-here`, { headers: html });
    expect(unknownApi.status).toBe(401);
    const graphql = await fetch(`${t.url}/graphql?query=%7B__typename%7D`, {
      headers: { accept: 'application/json' },
    });
    expect(graphql.headers.get('content-type')).toMatch(/json/);
    // Not the client's page, whether or not this server serves metrics.
    const metrics = await fetch(`${t.url}/metrics/`, { headers: html });
    expect(await metrics.text()).not.toBe(rootBody);
  });

  it('serves the built client when there is one', async () => {
    const built = fs.existsSync(`${__dirname}/../dist-web/index.html`);
    const root = await fetch(`${t.url}/`, { headers: html });
    if (!built) {
      expect(root.status).toBe(503);
      expect(await root.text()).toMatch(/npm run build:web/);
      return;
    }
    expect(root.status).toBe(200);
    expect(await root.text()).toMatch(/<div id="root">/);
  });
});

describe('dev token endpoint', () => {
  it('gives a working token for a new user when the server uses its generated secret', async () => {
    const t = await startTestServer({ env: { AMORA_JWT_SECRET: '' } });
    try {
      expect((await t.rest(null, 'GET', '/api/dev')).body).toEqual({ local_tokens: true });
      const one = await t.rest(null, 'POST', '/api/dev/token');
      const two = await t.rest(null, 'POST', '/api/dev/token');
      expect(one.status).toBe(200);
      expect(one.body.user_id).not.toBe(two.body.user_id);
      const secret = fs.readFileSync(`${t.config.dataDir}/jwt-secret`, 'utf8').trim();
      const { payload } = await jwtVerify(one.body.token, new TextEncoder().encode(secret));
      expect(payload.sub).toBe(one.body.user_id);
      const sessions = await t.rest(one.body.token, 'GET', '/api/v1/coach/sessions');
      expect(sessions).toEqual({ status: 200, body: [] });
    } finally {
      await t.stop();
    }
  });

  it.each([
    ['AMORA_JWT_SECRET', { AMORA_JWT_SECRET: 'a-configured-secret-long-enough-for-hs256-000000' }],
    ['AMORA_JWKS_URL', { AMORA_JWT_SECRET: '', AMORA_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }],
  ])('does not exist when %s is set', async (_name, env) => {
    const t = await startTestServer({ env });
    try {
      for (const [method, path] of [
        ['GET', '/api/dev'],
        ['POST', '/api/dev/token'],
      ] as const) {
        const response = await fetch(`${t.url}${path}`, { method });
        expect(response.status).toBe(404);
        expect(await response.text()).not.toMatch(/eyJ|local_tokens/);
      }
    } finally {
      await t.stop();
    }
  });
});

describe('paging back through a conversation', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('reads the newest messages first with last/before, each page oldest first', async () => {
    const token = await t.token();
    const create = await t.gql(
      token,
      `mutation { createSession(input: {title: "Long talk"}) { id } }`,
    );
    const id = create.body.data.createSession.id;
    for (let i = 1; i <= 4; i++) {
      const sent = await t.gql(
        token,
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId } }`,
        {
          input: { coachSessionId: id, specificQuestion: `Message number ${i} about my partner.` },
        },
      );
      expect(sent.body.errors).toBeUndefined();
    }
    const PAGE = `query($id: ID!, $before: String) { session(id: $id) { messages(last: 3, before: $before) {
      totalCount edges { node { sender text } } pageInfo { hasPreviousPage startCursor hasNextPage } } } }`;
    const texts: string[] = [];
    let before: string | null = null;
    let pages = 0;
    for (;;) {
      const { body }: { body: any } = await t.gql(token, PAGE, { id, before });
      expect(body.errors).toBeUndefined();
      const page = body.data.session.messages;
      expect(page.totalCount).toBe(8);
      texts.unshift(...page.edges.map((e: { node: { text: string } }) => e.node.text));
      pages++;
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(pages).toBe(3);
    const forward = await t.gql(
      token,
      `query($id: ID!) { session(id: $id) { messages(first: 200) { edges { node { text } } } } }`,
      { id },
    );
    expect(texts).toEqual(
      forward.body.data.session.messages.edges.map((e: { node: { text: string } }) => e.node.text),
    );
    expect(texts[0]).toBe('Message number 1 about my partner.');

    const mixed = await t.gql(
      token,
      `query($id: ID!) { session(id: $id) { messages(first: 2, last: 2) { totalCount } } }`,
      { id },
    );
    expect(mixed.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'last',
    });
  });
});
