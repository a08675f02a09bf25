import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { toPublicError } from '../errors';

/**
 * Apollo's formatError. GraphQL's own errors (syntax, validation, variables) and ours pass with
 * their codes; anything else a resolver threw is masked. Stack traces never leave the server.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) {
    const {
      stacktrace: _stacktrace,
      http: _http,
      ...extensions
    } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (extensions.code === 'BAD_USER_INPUT' && !extensions.fields) {
      const problem = variableProblem(formatted.message);
      return {
        ...formatted,
        message: problem.message,
        extensions: { ...extensions, ...problem.extensions },
      };
    }
    return { ...formatted, extensions };
  }
  const safe = toPublicError(original);
  return {
    message: safe.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: safe.code },
  };
}

/**
 * graphql-js rejects variables that do not fit the operation before any resolver runs ("Variable
 * "$input" got invalid value { ... } at "input.status"; Value "X" does not exist in ..."). Such
 * errors get the contract's `field` and `fields` too, and lose the echo of the input.
 */
function variableProblem(message: string): {
  message: string;
  extensions: { field: string; fields: { field: string; message: string }[] };
} {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  const missing = /Field "([^"]+)" of required type/.exec(message)?.[1];
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  const path = [at, missing].filter(Boolean).join('.') || variable || 'input';
  const field =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? path;
  const reason = (message.split('; ').at(-1) ?? message)
    .replace(/Value "[^"]*"/g, 'The value')
    .replace(/got invalid value .*$/, 'has an invalid value.');
  const text = `${field}: ${reason}`;
  return { message: text, extensions: { field, fields: [{ field, message: reason }] } };
}
