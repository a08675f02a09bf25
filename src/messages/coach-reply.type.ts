import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CoachMode } from './message.input';
import { ResponseStyle } from './message.type';

/** What the engine saw and chose for one answer. */
@ObjectType()
export class ReferencedData {
  @Field(() => [String], { description: 'Most salient first.' })
  topics!: string[];

  @Field(() => [String])
  emotions!: string[];

  @Field(() => ResponseStyle)
  responseStyle!: string;

  @Field(() => Int, { description: "1-4: the main topic's depth after this turn." })
  stage!: number;

  @Field(() => Int, { description: 'User messages in this session, this one included.' })
  turnCount!: number;
}

/** Amora's answer to one message. */
@ObjectType()
export class CoachReply {
  @Field()
  message!: string;

  @Field(() => CoachMode)
  mode!: CoachMode;

  @Field(() => Float)
  confidence!: number;

  @Field(() => ReferencedData)
  referencedData!: ReferencedData;

  @Field({ description: '"blocks" for the built-in engine.' })
  engine!: string;

  @Field(() => ResponseStyle)
  responseStyle!: string;

  @Field(() => ID)
  coachSessionId!: string;

  @Field(() => ID, { description: "Amora's message, for feedback." })
  messageId!: string;
}
