import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { EMPTY_PROGRESS } from './progress.mapper';
import { SessionProgress } from './progress.type';
import { Session } from './session.type';

/** `Session.progress`, one statement for every session of a request (see the loader). */
@Resolver(() => Session)
export class SessionProgressResolver {
  @FieldResolver(() => SessionProgress, {
    description: 'Progress tracking: turns, topics and stages, emotions per day, check-ins.',
  })
  async progress(@Root() session: Session, @Ctx() ctx: Context): Promise<SessionProgress> {
    // A session deleted between resolving it and its progress has nothing to show.
    return (await ctx.loaders.progressBySession.load(session.id)) ?? EMPTY_PROGRESS;
  }
}
