import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';
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
  close(): Promise<void>;
}

/**
 * Builds the process's pub/sub, the one place that decides how events travel: in-process when
 * `redisUrl` is null (a single instance), else through Redis pub/sub so that a subscriber on
 * instance A hears a check-in claimed by instance B. Redis needs two connections, since a
 * connection in subscriber mode cannot publish.
 */
export function createAmoraPubSub(options: { redisUrl: string | null; logger?: Logger }): PubSubHandle {
  if (!options.redisUrl) {
    return { pubSub: createPubSub<AmoraEvents>(), kind: 'memory', close: async () => undefined };
  }
  const connect = (role: string) => {
    const client = new Redis(options.redisUrl!, { lazyConnect: false, maxRetriesPerRequest: null });
    // ioredis reconnects by itself; an unhandled 'error' event would crash the process.
    client.on('error', (error) => options.logger?.warn({ err: error.message, role }, 'redis connection problem'));
    return client;
  };
  const publishClient = connect('publish');
  const subscribeClient = connect('subscribe');
  const eventTarget = createRedisEventTarget<never>({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub<AmoraEvents>({ eventTarget: eventTarget as never }),
    kind: 'redis',
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

/** An in-process pub/sub for building the schema where no server runs (schema emission, tests). */
export function createLocalPubSub(): AmoraPubSub {
  return createPubSub<AmoraEvents>();
}
