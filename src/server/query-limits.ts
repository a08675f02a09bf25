import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/** Deepest selection accepted: `sessions { messages { edges { node { feedback { message { session ...` stops here. */
export const MAX_DEPTH = 10;
/** Most fields one operation may select (each field costs 1; lists are paged, so this bounds the work). */
export const MAX_COMPLEXITY = 1000;

/** Validation rules that refuse too-deep operations before they run. */
export function queryLimits(): ValidationRule[] {
  return [depthLimit(MAX_DEPTH) as ValidationRule];
}

/**
 * Refuses an operation whose complexity is over {@link MAX_COMPLEXITY}, with a clear message.
 * Complexity depends on the variables, which validation rules do not see: hence a check per
 * request (HTTP) or per operation (websocket) after parsing.
 */
export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): void {
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    // Variables that do not fit the operation: execution answers that with BAD_USER_INPUT naming them.
    return;
  }
  if (complexity > MAX_COMPLEXITY) {
    throw new GraphQLError(
      `This operation selects too much (complexity ${complexity}, at most ${MAX_COMPLEXITY}): ask for fewer fields or page through lists`,
      {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      },
    );
  }
}

/** The HTTP side of {@link checkComplexity}, as an Apollo plugin. */
export function complexityPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        // A refusal thrown here rejects the promise, which Apollo answers as the error.
        didResolveOperation: ({ schema, document, request }) =>
          new Promise<void>((resolve) => {
            checkComplexity(schema, document, request.variables, request.operationName);
            resolve();
          }),
      });
    },
  };
}
