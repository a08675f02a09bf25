import 'reflect-metadata';
import {
  createBlocksEngine,
  DEFAULT_SAFETY_RESOURCES,
  initialState,
  loadBlockLibrary,
  type ConversationState,
} from '../src/coach';
import { ConfigError, defaultEngineWorkers, loadConfig } from '../src/config';
import { seedOf } from '../src/messages/message.service';
import { createEnginePool } from '../src/server/engine-pool';
import { startTestServer, type TestServer } from './support/server';

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  message messageId coachSessionId responseStyle referencedData { turnCount safety }
} }`;
const REGENERATE = `mutation($id: ID!) { regenerateResponse(messageId: $id) { message messageId } }`;
const CREATE = `mutation($title: String!) { createSession(input: { title: $title }) { id } }`;

/** The text that makes the test server's engine worker exit as it reads it. */
const DIE = 'engine worker: exit now (test hook)';

const CONVERSATION = [
  'my boyfriend theo broke up with me last week and i cant stop crying',
  'we were together 3 years, i thought he was the one',
  'should i text him?',
  "honestly some nights i don't want to be here anymore",
  "i'm at my sister's now, i'm safe",
  'i went for a walk today and cried less',
  'thanks, that helps. bye for now',
];

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { AMORA_ENGINE_WORKERS: '2' }, engineExitOnText: DIE });
});
afterAll(async () => {
  await t.stop();
});

async function newSession(token: string): Promise<string> {
  const { body } = await t.gql(token, CREATE, { title: 'Theo' });
  return body.data.createSession.id as string;
}

describe('coach turns in engine worker threads', () => {
  it('runs the engine in the configured number of threads', () => {
    expect(t.server.services.engine.threadIds()).toHaveLength(2);
  });

  it('answers a conversation word for word as the in-process engine does with the same seeds', async () => {
    const token = await t.token();
    const sessionId = await newSession(token);
    for (const text of CONVERSATION) {
      const { body } = await t.gql(token, SEND, {
        input: { specificQuestion: text, coachSessionId: sessionId },
      });
      expect(body.errors).toBeUndefined();
    }
    const rows = await t.db.query<{ id: string; text: string; answer: string }>(
      `SELECT q.id, q.message_text AS text, a.message_text AS answer
         FROM amora_session_messages q
         JOIN amora_session_messages a ON a.reply_to_id = q.id
        WHERE q.session_id = $1 AND q.sender = 'user'
        ORDER BY q.seq`,
      [sessionId],
    );
    expect(rows.map((r) => r.text)).toEqual(CONVERSATION);

    // The same turns, replayed here on the main thread from the stored ids (the seeds).
    const engine = createBlocksEngine({
      library: loadBlockLibrary(),
      safety: DEFAULT_SAFETY_RESOURCES,
      warmUp: false,
    });
    let state: ConversationState = initialState();
    const replayed: string[] = [];
    for (const row of rows) {
      const result = engine.respond({
        text: row.text,
        context: { topics: undefined, relationshipStatus: null },
        state,
        seed: seedOf(row.id),
        avoidBlockIds: new Set(),
      });
      replayed.push(result.reply);
      state = result.state;
    }
    expect(rows.map((r) => r.answer)).toEqual(replayed);
  });

  it('regenerates an answer through the workers', async () => {
    const token = await t.token();
    const sessionId = await newSession(token);
    const { body } = await t.gql(token, SEND, {
      input: { specificQuestion: CONVERSATION[0], coachSessionId: sessionId },
    });
    const again = await t.gql(token, REGENERATE, { id: body.data.sendMessage.messageId });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.regenerateResponse.message).not.toBe(body.data.sendMessage.message);
  });

  it('fails a turn whose worker dies with a clear error, stores nothing, and answers the next turn', async () => {
    const token = await t.token();
    const sessionId = await newSession(token);
    const before = t.server.services.engine.threadIds();

    const started = Date.now();
    const failed = await t.gql(token, SEND, {
      input: { specificQuestion: DIE, coachSessionId: sessionId },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(failed.body.errors).toHaveLength(1);
    expect(failed.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(failed.body.errors[0].message).toMatch(/stopped while answering.*send it again/);
    const stored = await t.db.query('SELECT 1 FROM amora_session_messages WHERE session_id = $1', [
      sessionId,
    ]);
    expect(stored).toHaveLength(0);

    // The dead thread was replaced: still two, one of them new.
    const after = t.server.services.engine.threadIds();
    expect(after).toHaveLength(2);
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);

    const next = await t.gql(token, SEND, {
      input: { specificQuestion: CONVERSATION[0], coachSessionId: sessionId },
    });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data.sendMessage.referencedData.turnCount).toBe(1);
  });

  it('fails only the turn on the dying worker when others are answered at the same time', async () => {
    const token = await t.token();
    const sessions = await Promise.all([1, 2, 3, 4].map(() => newSession(token)));
    const replies = await Promise.all(
      sessions.map((coachSessionId, i) =>
        t.gql(token, SEND, {
          input: { specificQuestion: i === 1 ? DIE : CONVERSATION[i], coachSessionId },
        }),
      ),
    );
    expect(replies.map((r) => (r.body.errors ? r.body.errors[0].extensions.code : 'ok'))).toEqual([
      'ok',
      'SERVICE_UNAVAILABLE',
      'ok',
      'ok',
    ]);
  });
});

describe('closing the server', () => {
  it('ends every engine thread, and a turn asked of a closed engine fails at once', async () => {
    const other = await startTestServer({ env: { AMORA_ENGINE_WORKERS: '2' } });
    const { engine } = other.server.services;
    expect(engine.threadIds()).toHaveLength(2);
    await other.stop();
    expect(engine.threadIds()).toEqual([]);
    await expect(
      engine.respond({ text: 'hello', state: initialState(), seed: 1 }),
    ).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });
});

describe('AMORA_ENGINE_WORKERS', () => {
  it('defaults to one thread on 1 or 2 cores and two on more', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultEngineWorkers(cores))).toEqual([1, 1, 2, 2, 2]);
    expect(loadConfig({}).engineWorkers).toBe(defaultEngineWorkers());
    expect(loadConfig({ AMORA_ENGINE_WORKERS: '0' }).engineWorkers).toBe(0);
  });

  it.each(['-1', 'two', '1.5', '65'])('refuses %p with a message naming the setting', (value) => {
    expect(() => loadConfig({ AMORA_ENGINE_WORKERS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ AMORA_ENGINE_WORKERS: value })).toThrow(/AMORA_ENGINE_WORKERS/);
  });

  it('runs the engine on the main thread at 0, with the same answers', async () => {
    const inProcess = await startTestServer({ env: { AMORA_ENGINE_WORKERS: '0' } });
    try {
      expect(inProcess.server.services.engine.threadIds()).toEqual([]);
      const input = {
        text: CONVERSATION[2],
        state: initialState(),
        seed: 7,
        avoidBlockIds: new Set(['heartbreak-validation-1']),
      };
      const here = await inProcess.server.services.engine.respond(input);
      const there = await t.server.services.engine.respond(input);
      expect(there).toEqual(here);
    } finally {
      await inProcess.stop();
    }
  });
});

describe("the engine workers' garbage collections", () => {
  it('are reported with the answers, by kind and in seconds', async () => {
    const seen: [string, number][] = [];
    const pool = createEnginePool({
      size: 1,
      safety: DEFAULT_SAFETY_RESOURCES,
      onGc: (kind, seconds) => seen.push([kind, seconds]),
    });
    try {
      await pool.ready();
      let state: string | null = null;
      // The engine allocates a few hundred KB a turn: a young-generation collection comes within
      // a few hundred turns, and is reported with the answer after it.
      for (let i = 0; i < 2000 && seen.length === 0; i++) {
        const r = await pool.respondStored({
          text: CONVERSATION[i % CONVERSATION.length],
          state: i % 20 === 0 ? null : state,
          seed: i,
        });
        state = r.state;
      }
      expect(seen.length).toBeGreaterThan(0);
      for (const [kind, seconds] of seen) {
        expect(['minor', 'major', 'incremental', 'weakcb']).toContain(kind);
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThan(10);
      }
    } finally {
      await pool.close();
    }
  });
});
