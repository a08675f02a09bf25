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

/** A topic of {@link AmoraEvents}. */
export type AmoraTopic = keyof AmoraEvents;

/**
 * The pub/sub every resolver and the timer share: events go to the listeners of `topic:id`. A
 * subscription is a plain async iterator over a queue, and `publish` calls each listener directly:
 * a check-in wave publishes one event per user, tens of thousands at once, so what each event
 * costs on its way to the socket (an EventTarget dispatch, a repeater, a filter stage) adds up.
 */
export interface AmoraPubSub {
  publish<K extends AmoraTopic>(topic: K, id: AmoraEvents[K][0], payload: AmoraEvents[K][1]): void;
  /**
   * Events published on `topic` for `id` from now on, in order, until `return()` is called;
   * `accept` drops any it refuses (a check besides the routing).
   */
  subscribe<K extends AmoraTopic>(
    topic: K,
    id: AmoraEvents[K][0],
    accept?: (payload: AmoraEvents[K][1]) => boolean,
  ): AsyncIterableIterator<AmoraEvents[K][1]>;
}

/**
 * Events one subscription may hold unread before it is ended with an error: a client that stops
 * reading must not grow the process without bound (the same cap the repeaters had before).
 */
export const MAX_QUEUED_EVENTS = 1024;

type Listener = (payload: unknown) => void;

/** Listeners by channel (`topic:id`) in this process. */
class Channels {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly logger?: Logger) {}

  /** Adds a listener; true when it is the channel's first. */
  add(channel: string, listener: Listener): boolean {
    const set = this.listeners.get(channel);
    if (set) {
      set.add(listener);
      return false;
    }
    this.listeners.set(channel, new Set([listener]));
    return true;
  }

  /** Removes a listener; true when the channel has none left. */
  remove(channel: string, listener: Listener): boolean {
    const set = this.listeners.get(channel);
    if (!set?.delete(listener) || set.size > 0) return false;
    this.listeners.delete(channel);
    return true;
  }

  deliver(channel: string, payload: unknown): void {
    const set = this.listeners.get(channel);
    if (!set) return;
    for (const listener of set) {
      try {
        listener(payload);
      } catch (error) {
        this.logger?.error({ err: error, channel }, 'event listener failed');
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** Where events also go besides this process's listeners (Redis), told which channels are listened to. */
interface Transport {
  /** Sends an event's payload, already JSON, to the other processes. */
  publish(channel: string, json: string): void;
  listen(channel: string): void;
  unlisten(channel: string): void;
}

const channelOf = (topic: string, id: string) => `${topic}:${id}`;

/**
 * A pub/sub over `channels`, and over `transport` too when there is one. With a transport, local
 * listeners get the payload as JSON read back, as remote ones do, so both see the same thing;
 * it is serialized once for both.
 */
function createPubSub(channels: Channels, transport: Transport | null): AmoraPubSub {
  return {
    publish(topic, id, payload) {
      const channel = channelOf(topic, id);
      if (!transport) return channels.deliver(channel, payload);
      const json = JSON.stringify(payload ?? null);
      channels.deliver(channel, JSON.parse(json));
      transport.publish(channel, json);
    },
    subscribe(topic, id, accept) {
      return subscription(channels, channelOf(topic, id), transport, accept as never);
    },
  };
}

/** One subscriber's iterator: a queue filled by the channel's listener and drained by `next()`. */
function subscription<T>(
  channels: Channels,
  channel: string,
  transport: Transport | null,
  accept?: (payload: T) => boolean,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let ended = false;
  let failure: Error | null = null;
  const end = () => {
    if (ended) return;
    ended = true;
    if (channels.remove(channel, listener)) transport?.unlisten(channel);
    const wake = waiting;
    waiting = null;
    wake?.({ value: undefined, done: true });
  };
  const listener: Listener = (payload) => {
    if (ended || (accept && !accept(payload as T))) return;
    if (waiting) {
      const wake = waiting;
      waiting = null;
      wake({ value: payload as T, done: false });
    } else if (queue.length < MAX_QUEUED_EVENTS) queue.push(payload as T);
    else {
      failure = new Error(`subscription to ${channel} fell ${MAX_QUEUED_EVENTS} events behind`);
      queue.length = 0;
      end();
    }
  };
  if (channels.add(channel, listener)) transport?.listen(channel);
  const finished: IteratorResult<T> = { value: undefined, done: true };
  return {
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (failure) {
        const error = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (ended) return Promise.resolve(finished);
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return() {
      queue.length = 0;
      end();
      return Promise.resolve(finished);
    },
    throw(error: unknown) {
      queue.length = 0;
      end();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

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
  const logger = options.logger;
  const channels = new Channels(logger);
  if (!options.redisUrl) {
    return {
      pubSub: createPubSub(channels, null),
      kind: 'memory',
      redis: null,
      close: () => Promise.resolve(),
    };
  }
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
  const transport = createRedisTransport({
    channels,
    publishClient,
    subscribeClient,
    prefix: options.prefix ?? '',
    logger,
  });
  return {
    pubSub: createPubSub(channels, transport),
    kind: 'redis',
    redis: publishClient,
    close: async () => {
      transport.close();
      channels.clear();
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
  /** The payload. */
  d: unknown;
}

/**
 * Events to and from other processes through Redis: a channel is subscribed while this process
 * listens to it; events from Redis go to this process's listeners, except its own coming back
 * (those were delivered here when they were published).
 */
function createRedisTransport(options: {
  channels: Channels;
  publishClient: Redis;
  subscribeClient: Redis;
  prefix: string;
  logger?: Logger;
}): Transport & { close(): void } {
  const { channels, publishClient, subscribeClient, prefix, logger } = options;
  const origin = randomUUID();

  const onMessage = (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      logger?.warn({ channel }, 'ignored a malformed event from redis');
      return;
    }
    if (!envelope || typeof envelope !== 'object' || envelope.o === origin) return;
    channels.deliver(channel.slice(prefix.length), envelope.d ?? null);
  };
  subscribeClient.on('message', onMessage);

  const redisCall = (what: string, channel: string, call: Promise<unknown>) => {
    call.catch((error: Error) =>
      logger?.warn({ err: error.message, channel }, `redis ${what} failed`),
    );
  };

  return {
    publish(channel, json) {
      // The payload is JSON already: the envelope is written around it rather than serialized again.
      const envelope = `{"o":${JSON.stringify(origin)},"d":${json}}`;
      redisCall('publish', prefix + channel, publishClient.publish(prefix + channel, envelope));
    },
    listen(channel) {
      redisCall('subscribe', prefix + channel, subscribeClient.subscribe(prefix + channel));
    },
    unlisten(channel) {
      redisCall('unsubscribe', prefix + channel, subscribeClient.unsubscribe(prefix + channel));
    },
    close() {
      subscribeClient.off('message', onMessage);
    },
  };
}

/** An in-process pub/sub for building the schema where no server runs (schema emission, tests). */
export function createLocalPubSub(): AmoraPubSub {
  return createPubSub(new Channels(), null);
}
