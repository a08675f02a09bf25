import { isRecord } from '../validation';
import type { FeedbackResult } from '../feedback/feedback.input';
import type { Followup } from '../followups/followup.type';
import { toCoachReply } from '../messages/coach-reply.mapper';
import type { TurnOutcome } from '../messages/message.service';
import { toSessionRecord, type SessionRecord } from '../sessions/session.mapper';
import type { Session } from '../sessions/session.type';
import { camelKeys, snakeKeysDeep } from './case';

/** The seed's SessionResponse (snake_case), plus `timezone`, `last_follow_up_at` and `is_default`. */
export function sessionResponse(session: Session): SessionRecord {
  return toSessionRecord(session);
}

/** The seed's coach reply (`POST /api/v1/coach/`): GraphQL's CoachReply in snake_case. */
export function coachResponse(outcome: TurnOutcome) {
  return snakeKeysDeep(toCoachReply(outcome));
}

/** The seed's feedback answer (`POST /sessions/feedback`): the result without the stored row. */
export function feedbackResponse(result: FeedbackResult) {
  return {
    success: result.success,
    feedback_id: result.feedbackId,
    message: result.message,
  };
}

/** One due check-in as `GET /sessions/followups/due` lists it. */
export function dueFollowupResponse(followup: Followup) {
  return {
    coach_session_id: followup.coachSessionId,
    title: followup.title,
    primary_topic: followup.primaryTopic,
    prompt: followup.prompt,
    due_at: followup.dueAt.toISOString(),
  };
}

/** A coach turn's body (`POST /`) in the service's camelCase; the mode and context as GraphQL spells them. */
export function sendMessageRequest(body: unknown): Record<string, unknown> {
  const input = camelKeys(body);
  return {
    ...input,
    // Older clients send the mode in any case ("learn"); GraphQL's enum is upper case.
    mode: typeof input.mode === 'string' ? input.mode.toUpperCase() : input.mode,
    context: isRecord(input.context) ? camelKeys(input.context) : input.context,
  };
}

/** A session change's body (`PATCH /sessions/:id`) in the service's camelCase. */
export function updateSessionRequest(body: unknown): Record<string, unknown> {
  const input = camelKeys(body);
  // Older clients send the status in any case ("paused"); the enum is upper case.
  if (typeof input.status === 'string') input.status = input.status.trim().toUpperCase();
  return input;
}
