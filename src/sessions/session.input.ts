import {
  IsBoolean,
  IsIn,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { TOPICS } from '../coach/types';
import { SessionStatus } from '../db/generated/enums';

/** "HH:MM", 24-hour. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const present = (value: unknown): boolean => value !== undefined && value !== null;
const given = (value: unknown): boolean => value !== undefined;

const TITLE = { message: 'must be 1 to 120 characters after trimming' };
const TOPIC = {
  message: `must be 1 to 60 characters, ideally a topic id such as ${TOPICS.slice(0, 3).join(', ')}`,
};
const TIME = { message: 'must be a 24-hour time as HH:MM, e.g. 09:00' };
const ZONE = { message: 'must be an IANA time zone name, e.g. Europe/Berlin' };
const BOOL = { message: 'must be true or false' };
const STATUS = { message: `must be one of ${Object.values(SessionStatus).join(', ')}` };

/** A new session. String fields are trimmed before these rules run. */
@InputType()
export class CreateSessionInput {
  @Field({ description: '1-120 characters after trimming.' })
  @IsString(TITLE)
  @Length(1, 120, TITLE)
  title!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Main topic: a topic id of the taxonomy (e.g. heartbreak; "Self-worth" is read as self_worth), or up to 60 characters of your own words.',
  })
  @ValidateIf((o: CreateSessionInput) => present(o.primaryTopic))
  @IsString(TOPIC)
  @Length(1, 60, TOPIC)
  primaryTopic?: string | null;

  @Field(() => Boolean, { nullable: true })
  @ValidateIf((o: CreateSessionInput) => present(o.followUpEnabled))
  @IsBoolean(BOOL)
  followUpEnabled?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Check-in time as HH:MM, 24-hour; 09:00 when follow-ups are on and no time is given.',
  })
  @ValidateIf((o: CreateSessionInput) => present(o.followUpTime))
  @IsString(TIME)
  @Matches(HH_MM, TIME)
  followUpTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'IANA zone; AMORA_DEFAULT_TIMEZONE when omitted.',
  })
  @ValidateIf((o: CreateSessionInput) => present(o.timezone))
  @IsString(ZONE)
  @IsTimeZone(ZONE)
  timezone?: string | null;
}

/** Changes to a session; omitted fields stay as they are, and only `followUpTime` may be null. */
@InputType()
export class UpdateSessionInput {
  @Field(() => String, { nullable: true })
  @ValidateIf((o: UpdateSessionInput) => given(o.title))
  @IsString(TITLE)
  @Length(1, 120, TITLE)
  title?: string | null;

  @Field(() => SessionStatus, { nullable: true })
  @ValidateIf((o: UpdateSessionInput) => given(o.status))
  @IsIn(Object.values(SessionStatus), STATUS)
  status?: SessionStatus | null;

  @Field(() => Boolean, { nullable: true })
  @ValidateIf((o: UpdateSessionInput) => given(o.followUpEnabled))
  @IsBoolean(BOOL)
  followUpEnabled?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Check-in time as HH:MM; null clears it (09:00 is used while follow-ups are on).',
  })
  @ValidateIf((o: UpdateSessionInput) => present(o.followUpTime))
  @IsString(TIME)
  @Matches(HH_MM, TIME)
  followUpTime?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf((o: UpdateSessionInput) => given(o.timezone))
  @IsString(ZONE)
  @IsTimeZone(ZONE)
  timezone?: string | null;
}
