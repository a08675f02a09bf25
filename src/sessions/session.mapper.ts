import type { Session } from './session.type';

/**
 * A session as a plain snake_case record: the seed's SessionResponse plus `timezone`,
 * `last_follow_up_at` and `is_default`. The REST shim answers with it and the data export
 * writes it, so both stay one shape.
 */
export interface SessionRecord {
  id: string;
  title: string;
  primary_topic: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  last_message_at: string | null;
  follow_up_enabled: boolean;
  follow_up_time: string | null;
  summary_text: string | null;
  next_plan_text: string | null;
  timezone: string;
  last_follow_up_at: string | null;
  is_default: boolean;
}

/** Turns a stored session into a {@link SessionRecord}. */
export function toSessionRecord(session: Session): SessionRecord {
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
