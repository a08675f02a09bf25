import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Message } from '../messages/message.type';
import type { Context } from '../server/context';
import { Feedback } from './feedback.type';

/** `Feedback.message`. */
@Resolver(() => Feedback)
export class FeedbackFieldsResolver {
  @FieldResolver(() => Message)
  async message(@Root() feedback: Feedback, @Ctx() ctx: Context): Promise<Message> {
    return (await ctx.loaders.messageById.load(feedback.messageId))!;
  }
}
