import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SessionStatus } from '../db/generated/enums';

registerEnumType(SessionStatus, {
  name: 'SessionStatus',
  description: 'Where a coaching session stands.',
});

/** A named coaching session ("Breakup with Alex") with its own memory. */
@ObjectType({ description: 'A named coaching session with its own conversation memory.' })
export class Session {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Main topic id, e.g. heartbreak.' })
  primaryTopic!: string | null;

  @Field(() => SessionStatus)
  status!: SessionStatus;

  @Field({ description: 'The session messages go to when none is named; listed only on request.' })
  isDefault!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  lastMessageAt!: Date | null;

  @Field()
  followUpEnabled!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Check-in time as HH:MM, 24h, in the session time zone.',
  })
  followUpTime!: string | null;

  @Field({ description: 'IANA zone name, e.g. "Europe/Berlin".' })
  timezone!: string;

  @Field(() => Date, { nullable: true })
  lastFollowUpAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "What we've worked on; rewritten after every 5th user message.",
  })
  summaryText!: string | null;

  @Field(() => String, { nullable: true, description: "Where we're going next." })
  nextPlanText!: string | null;
}
