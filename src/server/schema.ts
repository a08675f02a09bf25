import fs from 'node:fs';
import path from 'node:path';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { PROJECT_ROOT } from '../config';
import { FeedbackResolver } from '../feedback/feedback.resolver';
import { FollowupResolver } from '../followups/followup.resolver';
import { CoachReplyResolver } from '../messages/coach-reply.resolver';
import {
  MessageFieldsResolver,
  MessageQueryResolver,
  SessionMessagesResolver,
} from '../messages/message.resolver';
import { PrivacyResolver } from '../privacy/privacy.resolver';
import { SessionProgressResolver } from '../sessions/progress.resolver';
import { SessionResolver } from '../sessions/session.resolver';
import { createLocalPubSub } from '../pubsub/pubsub';

/** Where the schema is written for clients and reviewers. */
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

/** Every resolver class of the API. */
export const RESOLVERS = [
  SessionResolver,
  CoachReplyResolver,
  SessionMessagesResolver,
  MessageFieldsResolver,
  MessageQueryResolver,
  FeedbackResolver,
  PrivacyResolver,
  FollowupResolver,
  SessionProgressResolver,
] as const;

/**
 * Builds the executable schema from the resolver classes. Validation is off here on purpose:
 * services validate, so GraphQL and REST share one set of rules and one error shape.
 */
export async function createSchema(
  options: { pubSub?: Parameters<typeof buildSchema>[0]['pubSub'] } = {},
): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    orphanedTypes: [],
    validate: false,
    // Subscriptions need one even where nothing publishes (schema emission, schema tests).
    pubSub: options.pubSub ?? createLocalPubSub(),
  });
}

/** The schema as SDL, sorted so that the committed file changes only when the API does. */
export function schemaText(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Writes `schema.graphql`. */
export function writeSchemaFile(schema: GraphQLSchema): void {
  fs.writeFileSync(SCHEMA_FILE, schemaText(schema));
}

export { JSONResolver };
