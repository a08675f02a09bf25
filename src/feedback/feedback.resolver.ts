import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Message } from '../messages/message.type';
import type { Context } from '../server/context';
import { FeedbackResult, SubmitFeedbackInput } from './feedback.input';
import { Feedback } from './feedback.type';

/** Feedback on Amora's answers, and `Feedback.message`. */
@Resolver(() => Feedback)
export class FeedbackResolver {
  @Mutation(() => FeedbackResult, {
    description:
      'LIKE/DISLIKE: one rating per message, the latest wins. REGENERATE: recorded each time (regenerateResponse writes the new answer).',
  })
  submitFeedback(
    @Ctx() ctx: Context,
    @Arg('input', () => SubmitFeedbackInput) input: SubmitFeedbackInput,
  ): Promise<FeedbackResult> {
    return ctx.services.feedback.submit(ctx.viewer.userId, input);
  }

  @FieldResolver(() => Message)
  async message(@Root() feedback: Feedback, @Ctx() ctx: Context): Promise<Message> {
    return (await ctx.loaders.messageById.load(feedback.messageId))!;
  }
}
