import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { signToken } from '../src/auth/token';
import { startServerProcess } from './support/process';
import { subscribeFollowups } from './support/subscriber';
import { sleep, waitFor } from './support/waiting';

/**
 * The zero-set-up path end to end: no DATABASE_URL and no secret, a real process with its own
 * embedded PostgreSQL, stopped with SIGTERM and started again on the same data dir.
 */
describe('a server restart', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-restart-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('loses nothing: sessions, messages and conversation state survive', async () => {
    const env = { AMORA_DATA_DIR: dataDir, AMORA_JWT_SECRET: undefined, LOG_LEVEL: 'info' };
    const first = await startServerProcess(env);
    const secret = fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim();
    const token = await signToken(secret, randomUUID());
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let sessionId: string;
    try {
      const created = await fetch(`${first.url}/api/v1/coach/sessions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'Before the restart' }),
      });
      expect(created.status).toBe(200);
      sessionId = ((await created.json()) as { id: string }).id;
      const turn = await fetch(`${first.url}/api/v1/coach/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          mode: 'LEARN',
          specific_question: 'My girlfriend Maya and I broke up after two years.',
          coach_session_id: sessionId,
        }),
      });
      expect(turn.status).toBe(200);
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }
    expect(first.output()).toContain('shutting down');

    const second = await startServerProcess(env);
    try {
      const read = await fetch(`${second.url}/api/v1/coach/sessions/${sessionId!}`, { headers });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { title: string }).title).toBe('Before the restart');
      const turn = await fetch(`${second.url}/api/v1/coach/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          mode: 'LEARN',
          specific_question: 'I still think about Maya every day.',
          coach_session_id: sessionId!,
        }),
      });
      const body = (await turn.json()) as { referenced_data: { turn_count: number } };
      expect(body.referenced_data.turn_count).toBe(2);
      expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  }, 90_000);

  it('shuts down gracefully on SIGTERM: the request in flight finishes, sockets close with 1001, exit 0, PostgreSQL stopped', async () => {
    const env = { AMORA_DATA_DIR: dataDir, AMORA_JWT_SECRET: undefined, LOG_LEVEL: 'info' };
    const server = await startServerProcess(env);
    try {
      const secret = fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim();
      const token = await signToken(secret, randomUUID());
      const subscriber = await subscribeFollowups(server.url, token);
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      expect(fs.existsSync(pidFile)).toBe(true);

      // A coach turn whose body is still arriving when SIGTERM lands.
      const body = JSON.stringify({
        query:
          'mutation($q: String!) { sendMessage(input: { specificQuestion: $q }) { messageId referencedData { turnCount } } }',
        variables: { q: 'We had a long talk about moving in together.' },
      });
      const request = http.request(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      });
      const answered = new Promise<{ status: number; body: any }>((resolve, reject) => {
        request.on('response', (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
        });
        request.on('error', reject);
      });
      request.write(body.slice(0, 20));
      await sleep(200);

      const stopped = server.stop('SIGTERM');
      await waitFor(
        'the server to start shutting down',
        () => server.output().includes('shutting down'),
        10_000,
      );
      await sleep(300);
      expect(server.child.exitCode).toBeNull(); // still there for the request in flight
      request.end(body.slice(20));
      const reply = await answered;
      expect(reply.status).toBe(200);
      expect(reply.body.data.sendMessage.referencedData.turnCount).toBe(1);

      expect(await stopped).toBe(0);
      // Told to reconnect elsewhere (1001, going away), not cut.
      expect(subscriber.closedWith()).toBe(1001);
      // The embedded PostgreSQL went with it.
      expect(fs.existsSync(pidFile)).toBe(false);
    } finally {
      await server.stop('SIGKILL');
    }
  }, 60_000);
});
