import WebSocket from 'ws';
import { wallMs, withTimeout } from './stats';

/**
 * Many light graphql-transport-ws clients in this process, on plain `ws` (no graphql-ws client
 * machinery), so 10,000 of them cost the load generator little.
 */
export interface Subscribers {
  sockets: WebSocket[];
  /** Per subscriber: wall-clock ms of each `next` received, and its payloads. */
  received: { at: number; payload: unknown }[][];
  errors: string[];
  closes: Map<number, number>;
  /** Ping every socket and wait for every pong (the server has read everything sent before it). */
  flush(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Sockets opening at once. */
  concurrency?: number;
  timeoutMs?: number;
  onNext?: (index: number, at: number) => void;
}

/** Opens one subscriber per token: connection_init with the token, then `subscribe` to `query`. */
export async function connectSubscribers(
  httpUrl: string,
  tokens: readonly string[],
  query: string,
  options: ConnectOptions = {},
): Promise<Subscribers> {
  const url = `${httpUrl.replace(/^http/, 'ws')}/graphql`;
  const concurrency = options.concurrency ?? 200;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const sockets: WebSocket[] = new Array(tokens.length);
  const received: { at: number; payload: unknown }[][] = tokens.map(() => []);
  const errors: string[] = [];
  const closes = new Map<number, number>();
  const pongWaiters: ((() => void) | null)[] = tokens.map(() => null);

  const open = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
      sockets[index] = socket;
      socket.on('open', () =>
        socket.send(
          JSON.stringify({
            type: 'connection_init',
            payload: { authorization: `Bearer ${tokens[index]}` },
          }),
        ),
      );
      socket.on('message', (data) => {
        const at = wallMs();
        const message = JSON.parse((data as Buffer).toString()) as {
          type: string;
          payload?: unknown;
        };
        switch (message.type) {
          case 'connection_ack':
            socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
            resolve();
            break;
          case 'next':
            received[index].push({ at, payload: message.payload });
            options.onNext?.(index, at);
            break;
          case 'ping':
            socket.send(JSON.stringify({ type: 'pong' }));
            break;
          case 'pong':
            pongWaiters[index]?.();
            pongWaiters[index] = null;
            break;
          case 'error':
            errors.push(JSON.stringify(message.payload).slice(0, 200));
            break;
          default:
        }
      });
      socket.on('error', (error) => {
        errors.push(error.message);
        reject(error);
      });
      socket.on('close', (code) => {
        closes.set(code, (closes.get(code) ?? 0) + 1);
        reject(new Error(`socket ${index} closed with ${code} before it was acknowledged`));
      });
    });

  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      if (Date.now() > deadline)
        throw new Error(`only ${next} of ${tokens.length} subscribers connected in time`);
      await open(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tokens.length) }, worker));

  return {
    sockets,
    received,
    errors,
    closes,
    flush: async (timeoutMs = 60_000) => {
      const waits = sockets.map(
        (socket, index) =>
          new Promise<void>((resolve) => {
            pongWaiters[index] = resolve;
            socket.send(JSON.stringify({ type: 'ping' }));
          }),
      );
      await withTimeout(Promise.all(waits), timeoutMs, 'a ping to every subscriber');
    },
    close: async () => {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (!socket || socket.readyState === WebSocket.CLOSED) return resolve();
              socket.once('close', () => resolve());
              socket.close(1000);
              setTimeout(() => {
                socket.terminate();
                resolve();
              }, 5_000).unref();
            }),
        ),
      );
    },
  };
}
