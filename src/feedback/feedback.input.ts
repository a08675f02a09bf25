import { IsIn, IsString } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { FeedbackType } from '../db/generated/enums';
import { Feedback } from './feedback.type';

/** A rating or a regenerate request on one of Amora's messages. */
@InputType()
export class SubmitFeedbackInput {
  @Field(() => ID)
  @IsString({ message: 'must be a message id' })
  messageId!: string;

  @Field(() => FeedbackType)
  @IsIn(Object.values(FeedbackType), { message: 'must be like, dislike or regenerate' })
  feedbackType!: FeedbackType;
}

/** The seed's feedback answer, with the stored feedback. */
@ObjectType()
export class FeedbackResult {
  @Field()
  success!: boolean;

  @Field(() => ID)
  feedbackId!: string;

  @Field({ description: '"Feedback (like) recorded"' })
  message!: string;

  @Field(() => Feedback)
  feedback!: Feedback;
}
