import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { Session } from '../sessions/session.type';
import { CoachReply } from './coach-reply.type';
import { toCoachReply } from './coach-reply.mapper';
import { SendMessageInput } from './message.input';

/** sendMessage, and the session a reply belongs to. */
@Resolver(() => CoachReply)
export class CoachReplyResolver {
  @Mutation(() => CoachReply, {
    description:
      "Sends a message to Amora in a session (the default one when none is named) and returns Amora's answer.",
  })
  async sendMessage(
    @Ctx() ctx: Context,
    @Arg('input', () => SendMessageInput) input: SendMessageInput,
  ): Promise<CoachReply> {
    return toCoachReply(await ctx.services.messages.send(ctx.viewer.userId, input));
  }

  @Mutation(() => CoachReply, {
    description:
      'Writes a new answer to the message an Amora answer replied to; the old answer stays in history, superseded.',
  })
  async regenerateResponse(
    @Ctx() ctx: Context,
    @Arg('messageId', () => ID) messageId: string,
  ): Promise<CoachReply> {
    return toCoachReply(await ctx.services.messages.regenerate(ctx.viewer.userId, messageId));
  }

  @FieldResolver(() => Session)
  async session(@Root() reply: CoachReply, @Ctx() ctx: Context): Promise<Session> {
    return (await ctx.loaders.sessionById.load(reply.coachSessionId))!;
  }
}
