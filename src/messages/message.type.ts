import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RESPONSE_STYLES } from '../coach/types';
import { Sender } from '../db/generated/enums';

registerEnumType(Sender, { name: 'Sender' });

/** The response styles as a GraphQL enum (values are the engine's own ids). */
export const ResponseStyle = Object.fromEntries(RESPONSE_STYLES.map((s) => [s, s])) as {
  [K in (typeof RESPONSE_STYLES)[number]]: K;
};
registerEnumType(ResponseStyle, {
  name: 'ResponseStyle',
  description: 'How Amora chose to answer.',
});

/** One message of a session, as both faces show it. */
@ObjectType({ description: "A message of a session: the user's or Amora's." })
export class Message {
  @Field(() => ID)
  id!: string;

  sessionId!: string;

  @Field(() => Sender)
  sender!: Sender;

  @Field()
  text!: string;

  @Field()
  createdAt!: Date;

  @Field(() => [String], { description: 'Topic ids, most salient first.' })
  topics!: string[];

  @Field(() => [String])
  emotions!: string[];

  @Field(() => ResponseStyle, { nullable: true })
  responseStyle!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For an Amora answer: the user message it answers.',
  })
  replyToId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For a regenerated (replaced) answer: the answer that replaced it.',
  })
  supersededById!: string | null;

  /** Content blocks the answer was made of (kept for anti-repetition and dislikes, not exposed). */
  blockIds!: string[];
  /** Position in the table: the paging cursor. */
  seq!: bigint;
}

@ObjectType()
export class MessageEdge {
  @Field()
  cursor!: string;

  @Field(() => Message)
  node!: Message;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field({ description: 'Older messages exist before this page (known when paging backwards).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;
}

@ObjectType({ description: 'A page of messages, oldest first.' })
export class MessageConnection {
  @Field(() => [MessageEdge])
  edges!: MessageEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
