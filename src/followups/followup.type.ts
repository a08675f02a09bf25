import { Field, ID, ObjectType } from 'type-graphql';
import type { FollowupEvent } from '../pubsub/pubsub';

/** A daily check-in waiting for its owner (the contract's `Followup`; `session` is resolved separately). */
@ObjectType({ description: 'A daily check-in: due now, or sent and not yet answered.' })
export class Followup {
  @Field(() => ID)
  coachSessionId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  primaryTopic!: string | null;

  @Field({
    description: 'What Amora asks, e.g. "Last time we talked about ... How have you been feeling?"',
  })
  prompt!: string;

  @Field({
    description:
      "The scheduled instant: the session's follow-up time on that local day, in its zone.",
  })
  dueAt!: Date;

  /** The owner; never exposed, used to route and to double-check who hears it. */
  userId!: string;
}

/** A check-in event (as it crossed pub/sub) back as a {@link Followup}. */
export function fromEvent(event: FollowupEvent): Followup {
  return { ...event, dueAt: new Date(event.dueAt) };
}

/** A {@link Followup} as a pub/sub event (plain JSON). */
export function toEvent(followup: Followup): FollowupEvent {
  const { coachSessionId, userId, title, primaryTopic, prompt, dueAt } = followup;
  return { coachSessionId, userId, title, primaryTopic, prompt, dueAt: dueAt.toISOString() };
}
