import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { FeedbackType } from '../db/generated/enums';

registerEnumType(FeedbackType, { name: 'FeedbackType' });

/** A like, dislike or regenerate on one of Amora's messages. */
@ObjectType()
export class Feedback {
  @Field(() => ID)
  id!: string;

  messageId!: string;

  @Field(() => FeedbackType)
  type!: FeedbackType;

  @Field()
  createdAt!: Date;
}

/** A stored feedback row in the shape both faces show. */
export function toFeedback(row: {
  id: string;
  messageId: string;
  feedbackType: FeedbackType;
  createdAt: Date;
}): Feedback {
  return { id: row.id, messageId: row.messageId, type: row.feedbackType, createdAt: row.createdAt };
}
