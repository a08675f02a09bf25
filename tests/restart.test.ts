import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { signToken } from '../src/auth/token';
import { startServerProcess } from './support/process';

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
      const created = await fetch(`${first.url}/api/v1/coach/sessions`, { method: 'POST', headers, body: JSON.stringify({ title: 'Before the restart' }) });
      expect(created.status).toBe(200);
      sessionId = ((await created.json()) as { id: string }).id;
      const turn = await fetch(`${first.url}/api/v1/coach/`, { method: 'POST', headers, body: JSON.stringify({ mode: 'LEARN', specific_question: 'My girlfriend Maya and I broke up after two years.', coach_session_id: sessionId }) });
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
      const turn = await fetch(`${second.url}/api/v1/coach/`, { method: 'POST', headers, body: JSON.stringify({ mode: 'LEARN', specific_question: 'I still think about Maya every day.', coach_session_id: sessionId! }) });
      const body = (await turn.json()) as { referenced_data: { turn_count: number } };
      expect(body.referenced_data.turn_count).toBe(2);
      expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  }, 90_000);
});
