import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { ConfigError, loadConfig, STUDIO_ORIGIN } from '../src/config';
import { startTestServer, type TestServer } from './support/server';

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId coachSessionId } }`;

/** A raw HTTP request, for headers fetch would not send as given. */
function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP edges', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer();
    token = await t.token();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers an unknown Content-Encoding with 415 on both faces, and reads gzip', async () => {
    const body = Buffer.from(JSON.stringify({ title: 'hello' }));
    for (const path of ['/api/v1/coach/sessions', '/graphql']) {
      const answer = await raw(
        `${t.url}${path}`,
        'POST',
        {
          'content-type': 'application/json',
          'content-encoding': 'x-made-up',
          authorization: `Bearer ${token}`,
        },
        body,
      );
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.body).detail).toMatch(/encoding is not supported/);
    }
    const zipped = await raw(
      `${t.url}/api/v1/coach/sessions`,
      'POST',
      {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        authorization: `Bearer ${token}`,
      },
      gzipSync(body),
    );
    expect(zipped.status).toBe(200);
  });

  it('marks REST and GraphQL answers with personal data Cache-Control: no-store', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (const path of [
      '/api/v1/coach/sessions',
      '/api/v1/coach/me/export',
      '/api/v1/coach/sessions/followups/due',
    ]) {
      const answer = await fetch(`${t.url}${path}`, { headers });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      await answer.arrayBuffer();
    }
    const gql = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: '{ sessions { id } }' }),
    });
    expect(gql.headers.get('cache-control')).toBe('no-store');
    await gql.arrayBuffer();
  });

  it('finds a message by its id in upper case, as it finds a session', async () => {
    const sent = await t.gql(token, SEND, { input: { specificQuestion: 'We argue about money.' } });
    const { messageId, coachSessionId } = sent.body.data.sendMessage;
    const answer = await t.gql(
      token,
      `query($m: ID!, $s: ID!) { message(id: $m) { id } session(id: $s) { id } }`,
      { m: messageId.toUpperCase(), s: coachSessionId.toUpperCase() },
    );
    expect(answer.body.data.message).toEqual({ id: messageId });
    expect(answer.body.data.session).toEqual({ id: coachSessionId });
    // Still nobody else's.
    const other = await t.gql(await t.token(), `query($m: ID!) { message(id: $m) { id } }`, {
      m: messageId.toUpperCase(),
    });
    expect(other.body.data.message).toBeNull();
  });

  it('gives every answer an X-Request-Id of its own, never the one a client sent', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const answer = await fetch(`${t.url}/healthz`, {
        headers: { 'x-request-id': 'client-chosen' },
      });
      const id = answer.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(id!);
      await answer.arrayBuffer();
    }
    expect(ids.size).toBe(3);
  });
});

describe('CORS', () => {
  /** Sends a browser's preflight for a POST with a bearer token and a JSON body. */
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  it("lets Apollo Studio's origin alone call GraphQL and REST by default, without credentials", async () => {
    const t = await startTestServer();
    try {
      for (const path of ['/graphql', '/api/v1/coach/sessions']) {
        const allowed = await preflight(`${t.url}${path}`, STUDIO_ORIGIN);
        expect(allowed.status).toBe(204);
        expect(allowed.headers.get('access-control-allow-origin')).toBe(STUDIO_ORIGIN);
        expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
        expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
        expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
        const other = await preflight(`${t.url}${path}`, 'https://evil.example');
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      }
      // The actual request carries the header too, so the browser hands the answer over.
      const token = await t.token();
      const actual = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: {
          origin: STUDIO_ORIGIN,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ query: '{ sessions { id } }' }),
      });
      expect(actual.status).toBe(200);
      expect(actual.headers.get('access-control-allow-origin')).toBe(STUDIO_ORIGIN);
      expect(actual.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    } finally {
      await t.stop();
    }
  });

  it('follows AMORA_CORS_ORIGINS: a list, or *', async () => {
    const listed = await startTestServer({
      env: { AMORA_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' },
    });
    try {
      const ok = await preflight(`${listed.url}/api/v1/coach/`, 'http://localhost:5173');
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      const studio = await preflight(`${listed.url}/graphql`, STUDIO_ORIGIN);
      expect(studio.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await listed.stop();
    }
    const any = await startTestServer({ env: { AMORA_CORS_ORIGINS: '*' } });
    try {
      const ok = await preflight(`${any.url}/graphql`, 'https://anything.example');
      expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await any.stop();
    }
  });

  it('refuses a malformed AMORA_CORS_ORIGINS at start, naming it', () => {
    for (const value of ['app.example.com', 'https://app.example.com/path', 'ftp://x.example']) {
      expect(() => loadConfig({ AMORA_CORS_ORIGINS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ AMORA_CORS_ORIGINS: value })).toThrow(/AMORA_CORS_ORIGINS/);
    }
    expect(loadConfig({}).corsOrigins).toEqual([STUDIO_ORIGIN]);
  });
});
