import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SAFETY_LEVELS, type SafetyLevel as SafetyLevelId } from '../coach/types';
import { CoachMode } from './message.input';
import { ResponseStyle } from './message.type';

/** How a turn was answered for safety, as a GraphQL enum (values are the engine's own). */
export const SafetyLevel = Object.fromEntries(SAFETY_LEVELS.map((l) => [l, l])) as {
  [K in SafetyLevelId]: K;
};
registerEnumType(SafetyLevel, {
  name: 'SafetyLevel',
  description: 'CHECK: a gentle, direct safety question led the answer; CRISIS: a SAFETY answer.',
});

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

  @Field(() => SafetyLevel, { description: 'How this turn was answered for safety.' })
  safety!: SafetyLevelId;
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
