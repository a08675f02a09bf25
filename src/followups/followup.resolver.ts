import {
  Ctx,
  FieldResolver,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { NotFoundError } from '../errors';
import type { Context } from '../server/context';
import { FOLLOWUP_DUE, type FollowupEvent } from '../pubsub/pubsub';
import { Session } from '../sessions/session.type';
import { Followup, fromEvent } from './followup.type';

/** The viewer's check-ins: listed on demand, pushed when the timer claims one. */
@Resolver(() => Followup)
export class FollowupResolver {
  @Query(() => [Followup], {
    description:
      "The viewer's check-ins due now or sent and not yet answered, one per session at most.",
  })
  dueFollowups(@Ctx() ctx: Context): Promise<Followup[]> {
    return ctx.services.followups.due(ctx.viewer.userId);
  }

  @Subscription(() => Followup, {
    name: 'dueFollowups',
    description: "Pushed to the session's owner when the timer finds a check-in due.",
    // A channel per user: a check-in is routed to its owner's subscribers only, never fanned
    // out to everyone and filtered. The check on the owner is belt and braces, made as the event
    // is queued rather than in a filter stage of its own (one more async hop per event).
    subscribe: ({ context }: SubscribeResolverData<unknown, unknown, Context>) => {
      const userId = context.viewer.userId;
      return context.services.pubSub.subscribe(
        FOLLOWUP_DUE,
        userId,
        (event) => event.userId === userId,
      );
    },
  })
  dueFollowupsSubscription(@Root() event: FollowupEvent, @Ctx() ctx: Context): Followup {
    // A subscription keeps its context (and loaders) for its whole life: drop the cached
    // session so `session` shows it as it is now, not as at the first event.
    ctx.loaders.sessionById.clear(event.coachSessionId);
    return fromEvent(event);
  }

  @FieldResolver(() => Session)
  async session(@Root() followup: Followup, @Ctx() ctx: Context): Promise<Session> {
    const session = await ctx.loaders.sessionById.load(followup.coachSessionId);
    if (!session) throw new NotFoundError('Session');
    return session;
  }
}
