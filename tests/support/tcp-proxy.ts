import net from 'node:net';

/**
 * A TCP proxy a test puts between a server and what it depends on (PostgreSQL, Redis), to make
 * that dependency go away and come back without touching the real one.
 */
export interface TcpProxy {
  /** The port it listens on; the same after {@link TcpProxy.restore}. */
  port: number;
  /** Connections open through it now. */
  connections(): number;
  /** The dependency goes away: stop listening (new connections are refused) and cut every open one. */
  cut(): Promise<void>;
  /** A network partition: keep every connection open but pass no bytes either way (new ones are accepted and hang too). */
  stall(): void;
  /**
   * The dependency is back: listen again on the same port and pass bytes again. With
   * `{ heal: false }` connections held by {@link TcpProxy.stall} stay silent for good (as after a
   * failover or a lost NAT entry) and only new connections work.
   */
  restore(options?: { heal?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a free port) to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const paused = new Set<net.Socket>();
  let stalled = false;
  let server: net.Server | null = null;
  let port = 0;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      paused.delete(socket);
    });
  };

  const onConnection = (client: net.Socket) => {
    track(client);
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk) => to.write(chunk));
      from.on('close', () => to.destroy());
    };
    forward(client, upstream);
    forward(upstream, client);
    if (stalled) hold(client, upstream);
  };

  // Bytes stay in the kernel's buffers, unread, as on a network that drops everything for a while
  // (TCP resends once it heals): nothing is lost, nothing arrives.
  const hold = (...held: net.Socket[]) => {
    for (const socket of held) {
      socket.pause();
      paused.add(socket);
    }
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer(onConnection);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        server = next;
        port = (next.address() as net.AddressInfo).port;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      if (!current) return resolve();
      current.close(() => resolve());
    });

  await listen();
  return {
    get port() {
      return port;
    },
    connections: () => sockets.size,
    async cut() {
      const closed = stopListening();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    stall() {
      stalled = true;
      hold(...sockets);
    },
    async restore({ heal = true } = {}) {
      stalled = false;
      if (heal) {
        for (const socket of paused) socket.resume();
        paused.clear();
      }
      if (!server) await listen();
    },
    async close() {
      const closed = stopListening();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** `url` with its host and port replaced by the proxy's. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(proxy.port);
  return parsed.toString();
}
