import depthLimit from 'graphql-depth-limit';
import { createComplexityRule, fieldExtensionsEstimator, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type ValidationRule } from 'graphql';

/** Deepest selection accepted: `sessions { messages { edges { node { feedback { message { session ...` stops here. */
export const MAX_DEPTH = 10;
/** Most fields one operation may select (each field costs 1; lists are paged, so this bounds the work). */
export const MAX_COMPLEXITY = 1000;

/** Validation rules that refuse abusive operations before they run, with a clear message. */
export function queryLimits(): ValidationRule[] {
  return [
    depthLimit(MAX_DEPTH),
    createComplexityRule({
      maximumComplexity: MAX_COMPLEXITY,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      createError: (max, actual) =>
        new GraphQLError(`This operation selects too much (complexity ${actual}, at most ${max}): ask for fewer fields or page through lists`, {
          extensions: { code: 'BAD_USER_INPUT' },
        }),
    }),
  ];
}
