import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { Session } from '../sessions/session.type';
import { CoachReply } from './coach-reply.type';
import { SendMessageInput } from './message.input';
import type { TurnOutcome } from './message.service';

/** A turn in the shape of the contract's CoachReply. */
export function toCoachReply(outcome: TurnOutcome): CoachReply {
  const { result } = outcome;
  return {
    message: result.reply,
    mode: outcome.mode,
    confidence: result.confidence,
    referencedData: {
      topics: result.topics,
      emotions: result.emotions,
      responseStyle: result.style,
      stage: result.stage,
      turnCount: outcome.turnCount,
      safety: result.safety,
    },
    engine: outcome.engine,
    responseStyle: result.style,
    coachSessionId: outcome.sessionId,
    messageId: outcome.messageId,
  };
}

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
