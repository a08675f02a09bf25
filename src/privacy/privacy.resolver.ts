import { JSONResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import type { ExportDocument } from './export';

/** A user's data is theirs: export it, delete a session, delete everything. */
@Resolver()
export class PrivacyResolver {
  @Mutation(() => Boolean, {
    description:
      "Deletes one of the viewer's sessions and everything of it (messages, feedback, conversation state, check-ins) in one transaction. NOT_FOUND when missing or not theirs.",
  })
  async deleteSession(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    await ctx.services.sessions.delete(ctx.viewer.userId, id);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes every row stored about the viewer (all sessions, the default one included, messages, feedback, state, check-ins) in one transaction. The next request starts as a new user's.",
  })
  async deleteMyData(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.privacy.deleteMyData(ctx.viewer.userId);
    return true;
  }

  @Query(() => JSONResolver, {
    description:
      'Everything stored about the viewer: {version, exported_at, user_id, sessions: [{...session, is_default, followups, messages: [{..., superseded_by, feedback}]}]}, snake_case. Built in memory for this response: for long histories use REST `GET /api/v1/coach/me/export`, which streams the same document.',
  })
  exportMyData(@Ctx() ctx: Context): Promise<ExportDocument> {
    return ctx.services.privacy.exportDocument(ctx.viewer.userId);
  }
}
