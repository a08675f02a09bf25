import type { Clock } from '../clock';
import { TOPICS } from '../coach/types';
import type { Session } from '../db/generated/client';
import type { SessionStatus } from '../db/generated/enums';
import { NotFoundError } from '../errors';
import { DEFAULT_FOLLOW_UP_TIME, nextFollowUpAt } from '../followups/schedule';
import { isUuid } from '../ids';
import { toInput, validateInput } from '../validation';
import { CreateSessionInput, UpdateSessionInput } from './session.input';
import type { SessionRepository } from './session.repository';

/** Title of the session messages go to when the client names none. */
export const DEFAULT_SESSION_TITLE = 'My conversation';

/** Limits on how fast one user may do things; the rate limiter is injected (see server wiring). */
export interface SessionLimits {
  /** Throws RateLimitError when `userId` may not create another session now. */
  consumeSessionCreation(userId: string): Promise<void>;
}

/**
 * Sessions: creating, listing, reading, changing. Every method takes the caller's user id and
 * treats another user's session exactly like a missing one.
 */
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
    private readonly defaultTimezone: string,
    private readonly limits: SessionLimits = { consumeSessionCreation: () => Promise.resolve() },
  ) {}

  /** The user's sessions, most recent activity first; the default session only when asked. */
  async list(
    userId: string,
    options: { status?: SessionStatus | null; includeDefault?: boolean } = {},
  ): Promise<Session[]> {
    return this.sessions.list(userId, options);
  }

  /** The session, or null when it is missing or not the user's. */
  async find(userId: string, id: string): Promise<Session | null> {
    if (!isUuid(id)) return null;
    return this.sessions.find(userId, id);
  }

  /** The session, or {@link NotFoundError}. */
  async get(userId: string, id: string): Promise<Session> {
    const session = await this.find(userId, id);
    if (!session) throw new NotFoundError('Session');
    return session;
  }

  /** Creates a session; `raw` is checked against {@link CreateSessionInput}'s rules. */
  async create(userId: string, raw: Partial<CreateSessionInput>): Promise<Session> {
    const input = await validateInput(
      toInput(CreateSessionInput, { ...raw, primaryTopic: normalizeTopic(raw.primaryTopic) }),
    );
    await this.limits.consumeSessionCreation(userId);
    const now = this.clock.now();
    const timezone = canonicalZone(input.timezone ?? this.defaultTimezone);
    const followUpEnabled = input.followUpEnabled ?? false;
    const followUpTime = input.followUpTime ?? (followUpEnabled ? DEFAULT_FOLLOW_UP_TIME : null);
    const data = {
      title: input.title,
      primaryTopic: input.primaryTopic ?? null,
      followUpEnabled,
      followUpTime,
      timezone,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
      nextFollowUpAt: nextFollowUpAt(
        { status: 'ACTIVE', followUpEnabled, followUpTime, timezone, lastFollowUpAt: null },
        now,
      ),
    };
    return this.sessions.create(userId, data);
  }

  /** Applies the given changes; omitted fields stay. */
  async update(userId: string, id: string, raw: Partial<UpdateSessionInput>): Promise<Session> {
    const input = await validateInput(toInput(UpdateSessionInput, raw as Record<string, unknown>));
    if (!isUuid(id)) throw new NotFoundError('Session');
    const updated = await this.sessions.update(userId, id, (current) => {
      const now = this.clock.now();
      const next = {
        title: input.title ?? current.title,
        status: input.status ?? current.status,
        followUpEnabled: input.followUpEnabled ?? current.followUpEnabled,
        followUpTime: input.followUpTime === undefined ? current.followUpTime : input.followUpTime,
        timezone: input.timezone ? canonicalZone(input.timezone) : current.timezone,
      };
      if (next.followUpEnabled && !next.followUpTime) next.followUpTime = DEFAULT_FOLLOW_UP_TIME;
      return {
        ...next,
        updatedAt: now,
        lastActivityAt: now,
        nextFollowUpAt: nextFollowUpAt(
          { ...next, lastFollowUpAt: current.lastFollowUpAt },
          now,
          current,
        ),
      };
    });
    if (!updated) throw new NotFoundError('Session');
    return updated;
  }

  /**
   * Deletes the session and everything of it (messages, feedback, conversation state, check-ins)
   * or throws {@link NotFoundError}, in one transaction: the foreign keys cascade from the session
   * row to every table (tests count each table afterwards), and a turn racing the deletion either
   * lands before it (and goes with it) or finds the session gone. With the rows gone
   * the check-in timer has nothing left to claim. The default session may go too; the next
   * message without a session id makes a new one.
   */
  async delete(userId: string, id: string): Promise<void> {
    if (!isUuid(id)) throw new NotFoundError('Session');
    if (!(await this.sessions.delete(userId, id))) throw new NotFoundError('Session');
  }

  /** The user's default session, made on first use (one per user, whatever the concurrency). */
  async defaultSession(userId: string): Promise<Session> {
    const existing = await this.sessions.findDefault(userId);
    if (existing) return existing;
    await this.sessions.createDefault(userId, {
      title: DEFAULT_SESSION_TITLE,
      timezone: canonicalZone(this.defaultTimezone),
      now: this.clock.now(),
    });
    return (await this.sessions.findDefault(userId))!;
  }
}

/** "Heartbreak", "self-worth" and "self worth" all mean the topic id `self_worth`. */
function normalizeTopic(topic: unknown): unknown {
  if (typeof topic !== 'string') return topic;
  const id = topic
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (TOPICS as readonly string[]).includes(id) ? id : topic;
}

/** The zone's canonical spelling ("europe/berlin" is stored as "Europe/Berlin"). */
export function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}
