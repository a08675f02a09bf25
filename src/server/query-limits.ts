import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError,
  Kind,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/** Deepest selection accepted: `sessions { messages { edges { node { feedback { message { session ...` stops here. */
export const MAX_DEPTH = 10;
/** Most lexical tokens one document may have; the parser stops reading past it. */
export const MAX_TOKENS = 2_000;
/** Most aliased fields one operation may have (aliases multiply work without making the document longer). */
export const MAX_ALIASES = 30;
/** Most directives one operation may carry. */
export const MAX_DIRECTIVES = 20;
/**
 * Highest price one operation may have, in the units of {@link priceOf}: about the number of
 * values it can return. A user with 50 sessions reading 50 messages of each, with their ratings,
 * stays under it.
 */
export const MAX_COMPLEXITY = 100_000;
/**
 * The shape-only cost bound checked while validating, before the schema-aware price: it follows
 * every fragment spread once (remembering fragments already priced), so a document whose fragments
 * spread each other many times over is refused in time linear in its length.
 */
const MAX_SHAPE_COST = 200_000;
/** Most selections the schema-aware pricing walks; a bound on its own work. */
const MAX_PRICED_NODES = 5_000;

/** What an unbounded list is priced as holding. */
const LIST_GUESS = { sessions: 50, dueFollowups: 50, feedback: 5 } as const;
/** `Session.messages` without `first`: the contract's default page. */
const DEFAULT_PAGE = 50;
/**
 * The export returns the viewer's whole history: priced at more than half the budget, so one
 * operation holds at most one export.
 */
export const EXPORT_PRICE = MAX_COMPLEXITY / 2 + 1;

/** Parser options for every face: the token limit. */
export const parseOptions: ParseOptions = { maxTokens: MAX_TOKENS };

/** Reports a limit's refusal as a validation error naming the limit, instead of throwing. */
const refuse = (context: ValidationContext | null, error: GraphQLError): void => {
  const reason = error.message.replace(/^Syntax Error: /, '');
  context?.reportError(
    new GraphQLError(`This operation asks for too much: ${reason}`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }),
  );
};

/**
 * Validation rules that refuse too-deep, too-wide and too-costly operations before they run.
 * Each follows a fragment once and remembers what it found there, so neither a fragment spread
 * many times nor a fragment cycle (which graphql's own rule reports) makes it recurse without end.
 * The same rules serve HTTP and the websocket.
 */
export function queryLimits(): ValidationRule[] {
  const common = { propagateOnRejection: false, onReject: [refuse] };
  return [
    maxDepthRule({ n: MAX_DEPTH, flattenFragments: true, ...common }),
    maxAliasesRule({ n: MAX_ALIASES, ...common }),
    maxDirectivesRule({ n: MAX_DIRECTIVES, ...common }),
    costLimitRule({
      maxCost: MAX_SHAPE_COST,
      objectCost: 1,
      scalarCost: 1,
      depthCostFactor: 1,
      flattenFragments: true,
      ...common,
    }),
  ];
}

/**
 * Prices a field by what it can return: one per value, a list by the number of items it may hold
 * (`Session.messages` by its page size, unbounded lists by a generous guess), the export by the
 * history it carries.
 */
const priceOf: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const at = `${type.name}.${field.name}`;
  switch (at) {
    case 'Query.exportMyData':
      return EXPORT_PRICE;
    case 'Session.messages': {
      const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE;
      return 1 + first * childComplexity;
    }
    case 'Query.sessions':
      return 1 + LIST_GUESS.sessions * childComplexity;
    case 'Query.dueFollowups':
      return 1 + LIST_GUESS.dueFollowups * childComplexity;
    case 'Message.feedback':
      return 1 + LIST_GUESS.feedback * childComplexity;
    default:
      return undefined;
  }
};

/**
 * Prices already computed, by parsed document and operation name, for documents whose price no
 * variable can change (see {@link pricedAlikeForAnyVariables}). Apollo hands every request for
 * the same query text the same cached document, so a client's usual operations are priced once.
 */
const knownPrices = new WeakMap<DocumentNode, Map<string, number>>();

/**
 * graphql-query-complexity's price of the operation, from {@link knownPrices} when the document
 * was priced before. A remembered price still has its variables coerced as the pricing would
 * (same errors, same order), so invalid variables are refused exactly as on a first request.
 */
function priceOfOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
): number {
  const key = operationName ?? '';
  const known = knownPrices.get(document)?.get(key);
  if (known !== undefined) {
    coerceVariables(schema, document, variables, operationName);
    return known;
  }
  const price = getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    maxQueryNodes: MAX_PRICED_NODES,
    estimators: [priceOf, simpleEstimator({ defaultComplexity: 1 })],
  });
  if (pricedAlikeForAnyVariables(document)) {
    let prices = knownPrices.get(document);
    if (!prices) knownPrices.set(document, (prices = new Map<string, number>()));
    prices.set(key, price);
  }
  return price;
}

/** Throws the error getComplexity throws for variables that do not fit the operation(s) it prices. */
function coerceVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
): void {
  const errors: GraphQLError[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (typeof operationName === 'string' && operationName !== definition.name?.value) continue;
    const result = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
    if (result.errors) errors.push(...result.errors);
  }
  const last = errors.pop();
  if (last) throw last;
}

/**
 * True when the document's price is the same whatever its variables: every variable is used only
 * in the arguments of an operation's top-level fields, which {@link priceOf} prices without
 * reading them (nested fields such as `Session.messages(first:)` and `@include`/`@skip` are
 * priced by their values).
 */
function pricedAlikeForAnyVariables(document: DocumentNode): boolean {
  let alike = true;
  visit(document, {
    Variable(_node, _key, parent, _path, ancestors) {
      const chain = [...ancestors, parent].filter(
        (a): a is ASTNode => a !== undefined && !Array.isArray(a),
      );
      const holder = chain.findLast(
        (a) =>
          a.kind === Kind.VARIABLE_DEFINITION || a.kind === Kind.DIRECTIVE || a.kind === Kind.FIELD,
      );
      if (holder?.kind === Kind.VARIABLE_DEFINITION) return;
      const field = holder?.kind === Kind.FIELD ? chain.indexOf(holder) : -1;
      // operation > selection set > field: the field is one of the operation's own.
      if (field < 2 || chain[field - 2].kind !== Kind.OPERATION_DEFINITION) alike = false;
    },
  });
  return alike;
}

/** A refusal the client can act on: 400, with the reason. */
function tooMuch(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/**
 * Refuses an operation priced over {@link MAX_COMPLEXITY}, with a clear message. The price
 * depends on the variables (a page size), which validation rules do not see: hence a check per
 * request (HTTP) or per operation (websocket) after validation. When the pricing itself fails the
 * operation is refused, never let through unpriced.
 */
export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): void {
  let complexity: number;
  try {
    complexity = priceOfOperation(schema, document, variables ?? {}, operationName ?? undefined);
  } catch (error) {
    // Variables that do not fit the operation: graphql's own message, which names the field.
    if (error instanceof GraphQLError && /^Variable "\$/.test(error.message))
      throw new GraphQLError(error.message, {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    throw tooMuch(
      'This operation asks for too much: it could not be priced within limits; ask for fewer fields or page through lists',
    );
  }
  if (complexity > MAX_COMPLEXITY) {
    throw tooMuch(
      `This operation asks for too much (complexity ${complexity}, at most ${MAX_COMPLEXITY}): ask for fewer fields or page through lists`,
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

/**
 * Everything an operation passes before it runs, for faces that do not use Apollo's pipeline
 * (the websocket): parse with the token limit, validate with graphql's rules and
 * {@link queryLimits}, price it. Returns the document, or the errors to answer with.
 */
export function admitOperation(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(query, parseOptions);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  const invalid = validate(schema, document, [...specifiedRules, ...queryLimits()]);
  if (invalid.length) return { errors: [...invalid] };
  try {
    checkComplexity(schema, document, variables ?? undefined, operationName);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  return { document };
}
