import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { randomUUID } from 'node:crypto';
import Redis, { type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/** Topic of check-ins falling due; the dynamic id is the owner's user id, so each user has a channel of their own. */
export const FOLLOWUP_DUE = 'FOLLOWUP_DUE';

/**
 * A check-in as it travels between instances. Plain JSON (the instant as an ISO string) because
 * with Redis it crosses the wire; resolvers turn it back into a `Followup`.
 */
export interface FollowupEvent {
  coachSessionId: string;
  userId: string;
  title: string;
  primaryTopic: string | null;
  prompt: string;
  /** ISO-8601 instant. */
  dueAt: string;
}

/** The events the server publishes, by topic: `[dynamic id, payload]`. */
export type AmoraEvents = {
  [FOLLOWUP_DUE]: [userId: string, event: FollowupEvent];
};

/** The pub/sub every resolver and the timer share. */
export type AmoraPubSub = PubSub<AmoraEvents>;

/** A pub/sub and how to release what it holds (Redis connections). */
export interface PubSubHandle {
  pubSub: AmoraPubSub;
  /** Where events travel: `memory` (this process only) or `redis`. */
  kind: 'memory' | 'redis';
  /**
   * A Redis connection for ordinary commands (the one events are published on), for other shared
   * state such as rate limits; null without Redis. Closed by {@link PubSubHandle.close}.
   */
  redis: Redis | null;
  close(): Promise<void>;
}

/** What {@link createAmoraPubSub} is built from. */
export interface PubSubOptions {
  redisUrl: string | null;
  /** Put before every Redis channel (and key) name, so deployments or test runs sharing a Redis stay apart. */
  prefix?: string;
  logger?: Logger;
}

/**
 * Builds the process's pub/sub, the one place that decides how events travel: in-process when
 * `redisUrl` is null (a single instance), else through Redis pub/sub so that a subscriber on
 * instance A hears a check-in claimed by instance B. Redis needs two connections, since a
 * connection in subscriber mode cannot publish.
 *
 * With Redis, an event reaches this process's own subscribers directly (not through Redis) and
 * other instances through Redis; each instance ignores its own events coming back. So while Redis
 * is away local delivery goes on, and ioredis reconnects (and resubscribes) by itself when it is back.
 */
export function createAmoraPubSub(options: PubSubOptions): PubSubHandle {
  if (!options.redisUrl) {
    return {
      pubSub: createPubSub<AmoraEvents>(),
      kind: 'memory',
      redis: null,
      close: () => Promise.resolve(),
    };
  }
  const logger = options.logger;
  const connect = (role: string, extra: RedisOptions) => {
    const client = new Redis(options.redisUrl!, { lazyConnect: false, ...extra });
    // ioredis reconnects by itself; an unhandled 'error' event would crash the process.
    client.on('error', (error) =>
      logger?.warn({ err: error.message, role }, 'redis connection problem'),
    );
    client.on('ready', () => logger?.info({ role }, 'redis connection ready'));
    return client;
  };
  // Commands (publish, rate limits) wait through a short reconnect, then fail rather than pile up
  // in memory during a long outage; subscriptions wait for the connection however long it takes.
  const publishClient = connect('publish', { maxRetriesPerRequest: 5 });
  // No handshake commands on the subscriber: ioredis can write queued SUBSCRIBEs before its ready
  // check's INFO, which Redis then refuses in subscriber mode, and the connection loops
  // reconnecting and losing subscriptions (ioredis#2037). It resubscribes on every reconnect.
  const subscribeClient = connect('subscribe', {
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    disableClientInfo: true,
  });
  const eventTarget = createLocalFirstRedisEventTarget({
    publishClient,
    subscribeClient,
    prefix: options.prefix ?? '',
    logger,
  });
  return {
    pubSub: createPubSub<AmoraEvents>({ eventTarget }),
    kind: 'redis',
    redis: publishClient,
    close: async () => {
      eventTarget.close();
      await Promise.allSettled([closeRedis(publishClient), closeRedis(subscribeClient)]);
    },
  };
}

/** Quits politely when Redis answers, and drops the connection when it does not (an outage must not hold shutdown up). */
async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.quit(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, 1_000);
      }),
    ]);
  } catch {
    // Closing anyway.
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** An event as it crosses Redis: which process sent it, and its payload. */
interface Envelope {
  /** The sending process's random id. */
  o: string;
  /** The payload (`event.detail`). */
  d: unknown;
}

type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };

/**
 * An EventTarget for `createPubSub` that delivers to listeners in this process at once and to
 * other processes through Redis. A Redis channel is subscribed while this process has a listener
 * for its topic. Payloads are JSON both ways, so local and remote subscribers see the same thing.
 */
export function createLocalFirstRedisEventTarget(options: {
  publishClient: Redis;
  subscribeClient: Redis;
  prefix: string;
  logger?: Logger;
}): EventTarget & { close(): void } {
  const { publishClient, subscribeClient, prefix, logger } = options;
  const origin = randomUUID();
  const listeners = new Map<string, Set<Listener>>();

  const deliver = (topic: string, serialized: string) => {
    const callbacks = listeners.get(topic);
    if (!callbacks) return;
    for (const callback of [...callbacks]) {
      const event = new CustomEvent(topic, { detail: JSON.parse(serialized) as unknown });
      try {
        if (typeof callback === 'function') callback(event);
        else callback.handleEvent(event);
      } catch (error) {
        logger?.error({ err: error, topic }, 'event listener failed');
      }
    }
  };

  const onMessage = (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      logger?.warn({ channel }, 'ignored a malformed event from redis');
      return;
    }
    // Our own events were delivered here already, when they were published.
    if (!envelope || typeof envelope !== 'object' || envelope.o === origin) return;
    deliver(channel.slice(prefix.length), JSON.stringify(envelope.d ?? null));
  };
  subscribeClient.on('message', onMessage);

  const redisCall = (what: string, channel: string, call: Promise<unknown>) => {
    call.catch((error: Error) =>
      logger?.warn({ err: error.message, channel }, `redis ${what} failed`),
    );
  };

  return {
    addEventListener(topic: string, callback: Listener | null) {
      if (!callback) return;
      let callbacks = listeners.get(topic);
      if (!callbacks) {
        callbacks = new Set();
        listeners.set(topic, callbacks);
        redisCall('subscribe', prefix + topic, subscribeClient.subscribe(prefix + topic));
      }
      callbacks.add(callback);
    },
    removeEventListener(topic: string, callback: Listener | null) {
      const callbacks = listeners.get(topic);
      if (!callbacks || !callback) return;
      callbacks.delete(callback);
      if (callbacks.size > 0) return;
      listeners.delete(topic);
      redisCall('unsubscribe', prefix + topic, subscribeClient.unsubscribe(prefix + topic));
    },
    dispatchEvent(event: Event) {
      const detail = (event as CustomEvent<unknown>).detail ?? null;
      const serialized = JSON.stringify(detail);
      deliver(event.type, serialized);
      const envelope: Envelope = { o: origin, d: detail };
      redisCall(
        'publish',
        prefix + event.type,
        publishClient.publish(prefix + event.type, JSON.stringify(envelope)),
      );
      return true;
    },
    close() {
      subscribeClient.off('message', onMessage);
      listeners.clear();
    },
  };
}

/** An in-process pub/sub for building the schema where no server runs (schema emission, tests). */
export function createLocalPubSub(): AmoraPubSub {
  return createPubSub<AmoraEvents>();
}
