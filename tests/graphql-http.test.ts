import { startTestServer, type TestServer } from './support/server';

/*
 * JSON POSTs to /graphql are served without Express (src/server/graphql-http.ts); browser requests
 * (with Origin) still go through Express. Both must answer alike, whatever the request.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { AMORA_BODY_LIMIT_BYTES: '2000' } });
});
afterAll(async () => {
  await t.stop();
});

async function post(body: string, headers: Record<string, string>) {
  const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    requestId: response.headers.get('x-request-id'),
    body: await response.text(),
  };
}

describe('POST /graphql without Express', () => {
  it('answers every kind of request exactly as the Express route does', async () => {
    const token = await t.token();
    const auth = { authorization: `Bearer ${token}` };
    const json = { 'content-type': 'application/json' };
    const cases: [string, string, Record<string, string>][] = [
      ['a query', JSON.stringify({ query: '{ __typename }' }), { ...json, ...auth }],
      [
        'a query, charset given',
        JSON.stringify({ query: '{ sessions { id } }' }),
        { 'content-type': 'application/json; charset=utf-8', ...auth },
      ],
      ['no token', JSON.stringify({ query: '{ __typename }' }), json],
      [
        'a bad token',
        JSON.stringify({ query: '{ __typename }' }),
        { ...json, authorization: 'Bearer x' },
      ],
      ['undecodable JSON', '{"query": ', { ...json, ...auth }],
      ['JSON that is not an object', '123', { ...json, ...auth }],
      ['an empty body', '', { ...json, ...auth }],
      ['no query', JSON.stringify({ variables: {} }), { ...json, ...auth }],
      ['a syntax error', JSON.stringify({ query: '{ sessions {' }), { ...json, ...auth }],
      [
        'bad input',
        JSON.stringify({
          query: 'mutation($i: CreateSessionInput!) { createSession(input: $i) { id } }',
          variables: { i: { title: '' } },
        }),
        { ...json, ...auth },
      ],
      [
        'a body over the limit',
        JSON.stringify({ query: `{ __typename } #${'x'.repeat(3000)}` }),
        { ...json, ...auth },
      ],
    ];
    for (const [what, body, headers] of cases) {
      const direct = await post(body, headers);
      const viaExpress = await post(body, { ...headers, origin: 'http://localhost:4000' });
      expect({ what, status: direct.status, type: direct.type, body: direct.body }).toEqual({
        what,
        status: viaExpress.status,
        type: viaExpress.type,
        body: viaExpress.body,
      });
      expect(direct.status).toBeLessThan(500);
      expect(direct.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
