/**
 * The websocket baseline: a bare `ws` server speaking just enough graphql-transport-ws
 * (connection_init -> connection_ack, subscribe recorded) with no auth, no GraphQL and no database.
 * `broadcast` sends one `next` message to every subscriber in a plain loop, which is the least any
 * fan-out can cost on this machine.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { wallMs } from '../lib/stats';
import { serve } from './ipc';

async function main(): Promise<void> {
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const subscribers = new Map<WebSocket, string>();
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString()) as {
        type: string;
        id?: string;
        payload?: unknown;
      };
      if (message.type === 'connection_init')
        socket.send(JSON.stringify({ type: 'connection_ack' }));
      else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      else if (message.type === 'subscribe') subscribers.set(socket, message.id!);
    });
    socket.on('close', () => subscribers.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  serve(
    `http://127.0.0.1:${port}`,
    {
      subscribers: () => subscribers.size,
      broadcast: () => {
        const start = wallMs();
        let n = 0;
        for (const [socket, id] of subscribers) {
          socket.send(
            JSON.stringify({
              id,
              type: 'next',
              payload: {
                data: {
                  dueFollowups: {
                    coachSessionId: `session-${n++}`,
                    prompt: 'Last time we talked about trust. How have you been feeling?',
                  },
                },
              },
            }),
          );
        }
        return { start, sent: n, loopMs: wallMs() - start };
      },
    },
    () => {
      wss.close();
      server.close();
      return Promise.resolve();
    },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
