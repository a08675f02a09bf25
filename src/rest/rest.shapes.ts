import type { Session } from '../db/generated/client';
import { toCoachReply } from '../messages/coach-reply.resolver';
import type { TurnOutcome } from '../messages/message.service';
import { snakeKeysDeep } from './case';

/** The seed's SessionResponse (snake_case), plus `timezone`, `last_follow_up_at` and `is_default`. */
export function sessionResponse(session: Session) {
  return {
    id: session.id,
    title: session.title,
    primary_topic: session.primaryTopic,
    status: session.status,
    created_at: session.createdAt.toISOString(),
    updated_at: session.updatedAt.toISOString(),
    last_message_at: session.lastMessageAt?.toISOString() ?? null,
    follow_up_enabled: session.followUpEnabled,
    follow_up_time: session.followUpTime,
    summary_text: session.summaryText,
    next_plan_text: session.nextPlanText,
    timezone: session.timezone,
    last_follow_up_at: session.lastFollowUpAt?.toISOString() ?? null,
    is_default: session.isDefault,
  };
}

/** The seed's coach reply (`POST /api/v1/coach/`): GraphQL's CoachReply in snake_case. */
export function coachResponse(outcome: TurnOutcome) {
  return snakeKeysDeep(toCoachReply(outcome));
}

/** Older clients send the mode in any case ("learn"); GraphQL's enum is upper case. */
export function restMode(mode: unknown): unknown {
  return typeof mode === 'string' ? mode.toUpperCase() : mode;
}
