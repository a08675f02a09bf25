import {
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ArrayMaxSize,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';

/** How Amora coaches; more modes may be added. */
export enum CoachMode {
  LEARN = 'LEARN',
}
registerEnumType(CoachMode, { name: 'CoachMode' });

/** Hints from the client; the text of the message always wins over them. */
@InputType()
export class CoachContextInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Topic ids the client believes apply (hints, never overrides).',
  })
  @ValidateIf((o: CoachContextInput) => o.topics != null)
  @IsArray({ message: 'must be a list of topic ids' })
  @ArrayMaxSize(24, { message: 'may name at most 24 topics' })
  @IsString({ each: true, message: 'must be a list of topic ids' })
  @MaxLength(40, { each: true, message: 'must be topic ids of at most 40 characters' })
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: 'e.g. single, dating, married, separated.' })
  @ValidateIf((o: CoachContextInput) => o.relationshipStatus != null)
  @IsString({ message: 'must be text' })
  @MaxLength(60, { message: 'must be at most 60 characters' })
  relationshipStatus?: string | null;
}

/** One user message to Amora. */
@InputType()
export class SendMessageInput {
  @Field(() => CoachMode, { nullable: true, defaultValue: CoachMode.LEARN })
  @IsOptional()
  @IsIn(Object.values(CoachMode), {
    message: `must be one of ${Object.values(CoachMode).join(', ')}`,
  })
  mode?: CoachMode | null;

  @Field({ description: '1-4,000 characters after trimming.' })
  @IsString({ message: 'must be 1 to 4000 characters after trimming' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters after trimming' })
  specificQuestion!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The session to talk in; omitted: the user's default session.",
  })
  @IsOptional()
  @IsString({ message: 'must be a session id' })
  coachSessionId?: string | null;

  @Field(() => CoachContextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  context?: CoachContextInput | null;
}
