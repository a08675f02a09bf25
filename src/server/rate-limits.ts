import type Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../config';
import { RateLimitError } from '../errors';
import type { TurnLimits } from '../messages/message.service';
import type { SessionLimits } from '../sessions/session.service';
import { noTelemetry, type Telemetry } from '../telemetry';

/** Per-user limits on coach turns and session creation; shared through Redis when there is one. */
export type UserLimits = TurnLimits & SessionLimits;

/**
 * Builds the limits from configuration (`0` turns one off). With a Redis client every instance
 * counts against the same budget (keys under `config.redisPrefix`); without one, each process
 * counts alone. When Redis is not connected the limits fall back at once to per-process counting
 * (the insurance limiter) rather than wait for it or fail the request.
 */
export function createUserLimits(
  config: Pick<Config, 'rateLimitTurnsPerMinute' | 'rateLimitSessionsPerHour'> & {
    redisPrefix?: string;
  },
  redis: Redis | null = null,
  telemetry: Telemetry = noTelemetry,
): UserLimits {
  const limiter = (
    keyPrefix: string,
    points: number,
    duration: number,
  ): RateLimiterAbstract | null => {
    if (points === 0) return null;
    return redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${config.redisPrefix ?? 'amora:'}${keyPrefix}`,
          points,
          duration,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
        })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  };
  const turns = limiter('turns', config.rateLimitTurnsPerMinute, 60);
  const sessions = limiter('sessions', config.rateLimitSessionsPerHour, 3600);
  const consume = async (
    limiterFor: RateLimiterAbstract | null,
    userId: string,
    what: string,
    limit: string,
  ) => {
    if (!limiterFor) return;
    try {
      await limiterFor.consume(userId);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        telemetry.rateLimited(limit);
        throw new RateLimitError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), what);
      }
      throw rejection;
    }
  };
  return {
    consumeTurn: (userId) => consume(turns, userId, 'messages', 'turns'),
    // A refund that cannot reach Redis is lost: the user is a turn short for a minute at most.
    refundTurn: async (userId) => {
      await turns?.reward(userId, 1).catch(() => undefined);
    },
    consumeSessionCreation: (userId) => consume(sessions, userId, 'new sessions', 'sessions'),
  };
}
