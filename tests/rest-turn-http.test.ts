import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './support/server';

/*
 * REST coach turns (POST /api/v1/coach) with a JSON body are served without Express
 * (src/server/rest-turn-http.ts); anything else still goes through Express. Both must answer alike.
 * `Content-Encoding: identity` changes nothing for Express's body parser but sends the request
 * the Express way, so each case is asked both ways.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    env: { AMORA_BODY_LIMIT_BYTES: '2000', AMORA_RATE_LIMIT_TURNS_PER_MINUTE: '3' },
  });
});
afterAll(async () => {
  await t.stop();
});

/** Headers whose values legitimately differ between two answers to the same request. */
const PER_ANSWER = new Set(['date', 'x-request-id', 'etag', 'content-length', 'keep-alive']);

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${t.url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  const all = Object.fromEntries(response.headers);
  return {
    status: response.status,
    headers: Object.fromEntries(Object.entries(all).filter(([k]) => !PER_ANSWER.has(k))),
    headerNames: Object.keys(all).sort(),
    etag: all.etag,
    requestId: all['x-request-id'],
    body: text,
  };
}

const viaExpress = { 'content-encoding': 'identity' };

describe('POST /api/v1/coach without Express', () => {
  it('answers a turn as the Express route does, with the same headers and the same reply fields', async () => {
    const token = await t.token();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const body = JSON.stringify({
      specific_question: 'We keep arguing about money',
      mode: 'learn',
    });
    const direct = await post('/api/v1/coach/', body, headers);
    const express = await post('/api/v1/coach/', body, { ...headers, ...viaExpress });
    expect(direct.status).toBe(200);
    expect(direct.headers).toEqual(express.headers);
    expect(direct.headerNames).toEqual(express.headerNames);
    expect(direct.headers['cache-control']).toBe('no-store');
    expect(direct.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const a = JSON.parse(direct.body) as Record<string, unknown>;
    const b = JSON.parse(express.body) as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(typeof a.message).toBe('string');
    // Both turns went to the same (default) session, one after the other.
    expect(a.coach_session_id).toBe(b.coach_session_id);
    expect((b.referenced_data as { turn_count: number }).turn_count).toBe(
      (a.referenced_data as { turn_count: number }).turn_count + 1,
    );
  });

  it('answers every kind of failing request exactly as the Express route does', async () => {
    const token = await t.token();
    const auth = { authorization: `Bearer ${token}` };
    const json = { 'content-type': 'application/json' };
    const question = (q: unknown) => JSON.stringify({ specific_question: q });
    const cases: [string, string, string, Record<string, string>][] = [
      ['no token', '/api/v1/coach', question('hi'), json],
      ['a bad token', '/api/v1/coach', question('hi'), { ...json, authorization: 'Bearer x' }],
      ['undecodable JSON', '/api/v1/coach', '{"specific_question": ', { ...json, ...auth }],
      ['JSON that is not an object', '/api/v1/coach', '123', { ...json, ...auth }],
      ['an empty body', '/api/v1/coach/', '', { ...json, ...auth }],
      ['an empty question', '/api/v1/coach/', question('  '), { ...json, ...auth }],
      [
        'an unknown field',
        '/api/v1/coach/',
        '{"specific_question":"hi","x":1}',
        { ...json, ...auth },
      ],
      [
        'an unknown session',
        '/api/v1/coach/?via=test',
        JSON.stringify({ specific_question: 'hi', coach_session_id: randomUUID() }),
        { ...json, 'content-type': 'application/json; charset=utf-8', ...auth },
      ],
      ['a body over the limit', '/api/v1/coach', question('x'.repeat(3000)), { ...json, ...auth }],
    ];
    for (const [what, path, body, headers] of cases) {
      const direct = await post(path, body, headers);
      const express = await post(path, body, { ...headers, ...viaExpress });
      expect({ what, status: direct.status, headers: direct.headers, body: direct.body }).toEqual({
        what,
        status: express.status,
        headers: express.headers,
        body: express.body,
      });
      // Same body, same weak ETag as Express computes it.
      expect({ what, etag: direct.etag }).toEqual({ what, etag: express.etag });
      expect(direct.headerNames).toEqual(express.headerNames);
      expect(direct.status).toBeGreaterThanOrEqual(400);
      expect(direct.status).toBeLessThan(500);
      expect(direct.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('refuses a turn over the rate limit with 429 and Retry-After, as the Express route does', async () => {
    const token = await t.token();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const body = JSON.stringify({ specific_question: 'Is it normal to miss him this much?' });
    for (let i = 0; i < 3; i++)
      expect((await post('/api/v1/coach', body, headers)).status).toBe(200);
    const direct = await post('/api/v1/coach', body, headers);
    const express = await post('/api/v1/coach', body, { ...headers, ...viaExpress });
    expect(direct.status).toBe(429);
    expect(Number(direct.headers['retry-after'])).toBeGreaterThan(0);
    expect({ ...direct.headers, 'retry-after': '' }).toEqual({
      ...express.headers,
      'retry-after': '',
    });
    expect(direct.body).toBe(express.body);
  });
});
