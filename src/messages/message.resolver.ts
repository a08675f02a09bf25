import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { isUuid } from '../ids';
import { InputError } from '../errors';
import { Feedback } from '../feedback/feedback.type';
import type { Context } from '../server/context';
import { Session } from '../sessions/session.type';
import { decodeCursor, encodeCursor } from './message.mapper';
import { Message, MessageConnection } from './message.type';

/** Most messages one page may hold. */
export const MAX_PAGE = 200;
/** Page size when `first` is omitted. */
export const DEFAULT_PAGE = 50;

/** `Session.messages`: the current conversation, oldest first, in cursor pages. */
@Resolver(() => Session)
export class SessionMessagesResolver {
  @FieldResolver(() => MessageConnection, {
    description: 'Oldest first; replaced answers are left out (see Message.supersededById).',
  })
  async messages(
    @Root() session: Session,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size, 1-${MAX_PAGE} (default ${DEFAULT_PAGE}).`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' })
    after?: string | null,
    @Arg('last', () => Int, {
      nullable: true,
      description: `Backwards: the last messages (1-${MAX_PAGE}), before \`before\` when given; still oldest first.`,
    })
    last?: number | null,
    @Arg('before', () => String, {
      nullable: true,
      description: 'startCursor of the page after (paging back through history).',
    })
    before?: string | null,
  ): Promise<MessageConnection> {
    const backwards = last != null || before != null;
    if (backwards && (first != null || after != null))
      throw InputError.field(
        last != null ? 'last' : 'before',
        'cannot be combined with first or after',
      );
    const sizeField = backwards ? 'last' : 'first';
    const size = (backwards ? last : first) ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
      throw InputError.field(sizeField, `must be between 1 and ${MAX_PAGE}`);
    const cursorField = backwards ? 'before' : 'after';
    const cursor = backwards ? before : after;
    const position = cursor ? decodeCursor(cursor) : null;
    if (cursor && position === null)
      throw InputError.field(cursorField, 'is not a cursor this API gave out');
    const page = await ctx.loaders.messagePage.load({
      sessionId: session.id,
      first: size,
      after: backwards ? null : position,
      ...(backwards ? { before: position, backwards: true } : {}),
    });
    const edges = page.messages.map((node) => ({ cursor: encodeCursor(node.seq), node }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: backwards ? position !== null : page.hasNextPage,
        endCursor: edges.at(-1)?.cursor ?? null,
        hasPreviousPage: backwards ? page.hasNextPage : position !== null,
        startCursor: edges[0]?.cursor ?? null,
      },
    };
  }
}

/** `Message.session` and `Message.feedback`, batched per request. */
@Resolver(() => Message)
export class MessageFieldsResolver {
  @FieldResolver(() => Session)
  async session(@Root() message: Message, @Ctx() ctx: Context): Promise<Session> {
    return (await ctx.loaders.sessionById.load(message.sessionId))!;
  }

  @FieldResolver(() => [Feedback])
  feedback(@Root() message: Message, @Ctx() ctx: Context): Promise<Feedback[]> {
    return ctx.loaders.feedbackByMessage.load(message.id);
  }
}

/** One message by id: also answers that were replaced (see `supersededById`). */
@Resolver(() => Message)
export class MessageQueryResolver {
  @Query(() => Message, {
    nullable: true,
    description:
      "One of the viewer's messages by id, including replaced answers; null when missing or not theirs.",
  })
  message(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Message | null> {
    return isUuid(id) ? ctx.loaders.messageById.load(id) : Promise.resolve(null);
  }
}
