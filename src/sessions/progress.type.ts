import { Field, Int, ObjectType } from 'type-graphql';

/** How far one topic has gone in a session. */
@ObjectType({ description: 'One topic worked on in a session.' })
export class TopicProgress {
  @Field({ description: 'Topic id, e.g. heartbreak.' })
  topic!: string;

  @Field(() => Int, { description: 'Depth reached, 1-4.' })
  stage!: number;

  @Field(() => Int, { description: 'User messages in which the topic came up.' })
  turns!: number;
}

/** How often one emotion came up on one day. */
@ObjectType()
export class EmotionCount {
  @Field()
  emotion!: string;

  @Field(() => Int)
  count!: number;
}

/** The emotions of one local day. */
@ObjectType({ description: "Emotions named in the user's messages on one day." })
export class EmotionDay {
  @Field({ description: "YYYY-MM-DD in the session's time zone." })
  day!: string;

  @Field(() => [EmotionCount], { description: 'Most frequent first.' })
  counts!: EmotionCount[];
}

/** "Progress tracking" from the seed: what a session has covered, without any message text. */
@ObjectType({ description: 'What a session has covered so far; counts only, never message text.' })
export class SessionProgress {
  @Field(() => Int, { description: 'User messages in the session.' })
  turnCount!: number;

  @Field(() => String, { nullable: true, description: 'Topic id; null before the first turn.' })
  mainTopic!: string | null;

  @Field(() => [TopicProgress], { description: 'Every topic worked on, most turns first.' })
  topics!: TopicProgress[];

  @Field(() => [EmotionDay], { description: "Oldest day first, in the session's time zone." })
  emotionsByDay!: EmotionDay[];

  @Field(() => Int)
  checkInsSent!: number;

  @Field(() => Int)
  checkInsAnswered!: number;

  @Field(() => Int, { description: 'Turns answered in SAFETY; never any text.' })
  safetyConcerns!: number;
}
