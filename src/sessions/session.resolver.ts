import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { SessionStatus } from '../db/generated/enums';
import type { Context } from '../server/context';
import { CreateSessionInput, UpdateSessionInput } from './session.input';
import { Session } from './session.type';

/** Sessions over GraphQL; the rules live in SessionService. */
@Resolver(() => Session)
export class SessionResolver {
  @Query(() => [Session], { description: "The viewer's sessions, most recent activity first." })
  async sessions(
    @Ctx() ctx: Context,
    @Arg('status', () => SessionStatus, { nullable: true }) status?: SessionStatus | null,
    @Arg('includeDefault', () => Boolean, {
      defaultValue: false,
      description: 'Also list the default session.',
    })
    includeDefault?: boolean,
  ): Promise<Session[]> {
    const sessions = await ctx.services.sessions.list(ctx.viewer.userId, {
      status,
      includeDefault,
    });
    // `messages { node { session } }` below a list then costs no statement of its own.
    for (const session of sessions) ctx.loaders.sessionById.prime(session.id, session);
    return sessions;
  }

  @Query(() => Session, {
    nullable: true,
    description: "One of the viewer's sessions; null when missing or not theirs.",
  })
  session(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Session | null> {
    return ctx.services.sessions.find(ctx.viewer.userId, id);
  }

  @Mutation(() => Session)
  createSession(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateSessionInput) input: CreateSessionInput,
  ): Promise<Session> {
    return ctx.services.sessions.create(ctx.viewer.userId, input);
  }

  @Mutation(() => Session)
  updateSession(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSessionInput) input: UpdateSessionInput,
  ): Promise<Session> {
    return ctx.services.sessions.update(ctx.viewer.userId, id, input);
  }
}
