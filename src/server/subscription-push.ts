import {
  createSourceEventStream,
  defaultFieldResolver,
  execute,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLNonNull,
  GraphQLString,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationTypeNode,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import type { WebSocket } from 'ws';

/** Where a subscription's `next` messages go: the graphql-ws operation id on its socket. */
export interface PushTarget {
  socket: WebSocket;
  id: string;
  /**
   * What graphql-ws's `onNext` hook does with a result (metrics, error masking): the payload to
   * send in its place.
   */
  onNext(result: ExecutionResult): ExecutionResult;
}

/** One selected leaf of the subscription's object: how it is read and written. */
interface LeafPlan {
  responseKey: string;
  fieldNodes: readonly FieldNode[];
  /** null for `__typename`. */
  field: GraphQLField<unknown, unknown> | null;
  type: GraphQLOutputType;
  leaf: GraphQLLeafType;
  nonNull: boolean;
}

/** A subscription whose events {@link pushEvent} can complete without graphql's executor. */
interface PushPlan {
  args: ExecutionArgs;
  operation: OperationDefinitionNode;
  rootType: GraphQLObjectType;
  rootKey: string;
  rootNodes: readonly FieldNode[];
  rootField: GraphQLField<unknown, unknown>;
  objectType: GraphQLObjectType;
  leaves: LeafPlan[];
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
  /** For fields without a resolver of their own, as graphql picks it. */
  resolver: GraphQLFieldResolver<unknown, unknown>;
}

/** Fields of a selection set when it is plain: fields only, no directives, no fragments, no repeated key. */
function plainFields(selections: readonly { kind: Kind }[]): FieldNode[] | null {
  const fields: FieldNode[] = [];
  const keys = new Set<string>();
  for (const selection of selections) {
    if (selection.kind !== Kind.FIELD) return null;
    const field = selection as FieldNode;
    if (field.directives?.length) return null;
    const key = field.alias?.value ?? field.name.value;
    if (keys.has(key)) return null;
    keys.add(key);
    fields.push(field);
  }
  return fields;
}

/**
 * The plan for a subscription whose one root field, without arguments, returns an object of
 * which only leaves (scalars, enums, `__typename`) without arguments are selected, with no
 * fragment or directive anywhere: what `dueFollowups { coachSessionId prompt }` is. Null for
 * anything else, which graphql's own executor runs.
 */
export function pushPlan(args: ExecutionArgs): PushPlan | null {
  const { schema, document } = args;
  const operation = getOperationAST(document, args.operationName);
  const rootType = schema.getSubscriptionType();
  if (!operation || operation.operation !== OperationTypeNode.SUBSCRIPTION || !rootType)
    return null;
  const roots = plainFields(operation.selectionSet.selections);
  if (roots?.length !== 1 || roots[0].arguments?.length) return null;
  const rootNode = roots[0];
  const rootField = rootType.getFields()[rootNode.name.value];
  const objectType = rootField && getNamedType(rootField.type);
  if (!objectType || !isObjectType(objectType) || !rootNode.selectionSet) return null;
  const selected = plainFields(rootNode.selectionSet.selections);
  if (!selected) return null;
  const leaves: LeafPlan[] = [];
  for (const node of selected) {
    if (node.arguments?.length || node.selectionSet) return null;
    const name = node.name.value;
    const field = name === '__typename' ? null : objectType.getFields()[name];
    if (field === undefined) return null;
    // `__typename` is `String!`, answered from the type without a resolver.
    const type = field ? field.type : new GraphQLNonNull(GraphQLString);
    const leaf = getNamedType(type);
    if (!isLeafType(leaf)) return null;
    leaves.push({
      responseKey: node.alias?.value ?? name,
      fieldNodes: [node],
      field,
      type,
      leaf,
      nonNull: isNonNullType(type),
    });
  }
  const variables = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    args.variableValues ?? {},
  );
  if (variables.errors) return null;
  const fragments = Object.create(null) as Record<string, FragmentDefinitionNode>;
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return {
    args,
    operation,
    rootType,
    rootKey: rootNode.alias?.value ?? rootNode.name.value,
    rootNodes: [rootNode],
    rootField,
    objectType,
    leaves,
    fragments,
    variableValues: variables.coerced,
    resolver: args.fieldResolver ?? defaultFieldResolver,
  };
}

const isPromiseLike = (value: unknown): boolean =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** Marks a value the plan cannot complete the way graphql would: the event goes to graphql's executor. */
const UNPLANNED = Symbol('unplanned');

/**
 * One event's result as graphql's `execute` gives it for this plan, or {@link UNPLANNED} when
 * something needs the executor (a promise, an error, a null where none may be, a type check).
 * Resolvers get the same arguments as from graphql: a fresh `{}`, the context, the same info.
 */
function completeEvent(plan: PushPlan, event: unknown): ExecutionResult | typeof UNPLANNED {
  const context = plan.args.contextValue;
  const info = (
    fieldName: string,
    fieldNodes: readonly FieldNode[],
    returnType: GraphQLOutputType,
    parentType: GraphQLObjectType,
    path: GraphQLResolveInfo['path'],
  ): GraphQLResolveInfo => ({
    fieldName,
    fieldNodes,
    returnType,
    parentType,
    path,
    schema: plan.args.schema,
    fragments: plan.fragments,
    rootValue: event,
    operation: plan.operation,
    variableValues: plan.variableValues,
  });
  try {
    const rootPath = { prev: undefined, key: plan.rootKey, typename: plan.rootType.name };
    const resolveRoot = plan.rootField.resolve ?? plan.resolver;
    const source = resolveRoot(
      event,
      {},
      context,
      info(plan.rootField.name, plan.rootNodes, plan.rootField.type, plan.rootType, rootPath),
    );
    if (source == null || source instanceof Error || isPromiseLike(source)) return UNPLANNED;
    const { objectType } = plan;
    if (objectType.isTypeOf) {
      const rootInfo = info(
        plan.rootField.name,
        plan.rootNodes,
        plan.rootField.type,
        plan.rootType,
        rootPath,
      );
      const is = objectType.isTypeOf(source, context, rootInfo);
      if (!is || isPromiseLike(is)) return UNPLANNED;
    }
    // Null-prototype objects, as graphql's executor builds them.
    const object = Object.create(null) as Record<string, unknown>;
    for (const leaf of plan.leaves) {
      let value: unknown;
      if (leaf.field === null) value = objectType.name;
      else {
        const resolve = leaf.field.resolve ?? plan.resolver;
        const path = { prev: rootPath, key: leaf.responseKey, typename: objectType.name };
        value = resolve(
          source,
          {},
          context,
          info(leaf.field.name, leaf.fieldNodes, leaf.type, objectType, path),
        );
      }
      if (value instanceof Error || isPromiseLike(value)) return UNPLANNED;
      if (value == null) {
        if (leaf.nonNull) return UNPLANNED;
        object[leaf.responseKey] = null;
        continue;
      }
      const serialized = leaf.leaf.serialize(value);
      if (serialized == null) return UNPLANNED;
      object[leaf.responseKey] = serialized;
    }
    const data = Object.create(null) as Record<string, unknown>;
    data[plan.rootKey] = object;
    return { data };
  } catch {
    // A resolver or scalar threw: graphql's executor places the error as it does.
    return UNPLANNED;
  }
}

/**
 * The event's result: the plan's when it can, else graphql's executor's, as graphql's `subscribe`
 * would map it (the root resolver then runs a second time for that event: resolvers of a
 * subscription's root field must bear that, as `dueFollowups`'s does).
 */
function resultOf(plan: PushPlan, event: unknown): ExecutionResult | Promise<ExecutionResult> {
  const planned = completeEvent(plan, event);
  if (planned !== UNPLANNED) return planned;
  const { schema, document, contextValue, variableValues, operationName, fieldResolver } =
    plan.args;
  return execute({
    schema,
    document,
    rootValue: event,
    contextValue,
    variableValues,
    operationName,
    fieldResolver,
  });
}

/**
 * graphql-ws's `subscribe`: a subscription with a {@link pushPlan} and a {@link PushTarget} has each
 * event completed without graphql's executor and its `next` message written straight to the
 * socket, without a trip through graphql-ws per event: a check-in wave is tens of thousands of
 * events, one per subscriber, and that trip (async iteration, hooks, message validation, a promise
 * per send) cost more than the socket write. The `next` message is the same bytes graphql-ws
 * writes, in the same order, each after the last one's write completed (so a client that stops
 * reading backs up into its subscription's bounded queue, as before). graphql-ws still sees an
 * async iterator: it returns it on `complete` or close, sends `complete` when it ends and `error`
 * when it fails, as for any subscription. Anything else goes through graphql's `subscribe`.
 */
export async function pushSubscribe(
  args: ExecutionArgs,
  target: PushTarget | undefined,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const plan = target ? pushPlan(args) : null;
  if (!plan || !target) return subscribe(args);
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  return pushStream(stream[Symbol.asyncIterator](), plan, target);
}

/**
 * The iterator graphql-ws holds for a pushed subscription: its first `next()` starts the pump,
 * which writes every event itself and settles that `next()` only when the stream ends (done) or
 * fails (rejected, as graphql's mapped iterator would).
 */
function pushStream(
  source: AsyncIterator<unknown>,
  plan: PushPlan,
  target: PushTarget,
): AsyncIterableIterator<ExecutionResult> {
  const { socket, id } = target;
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  const finished: IteratorResult<ExecutionResult> = { value: undefined, done: true };
  let pumping: Promise<IteratorResult<ExecutionResult>> | null = null;
  let returned = false;

  const send = (data: string) =>
    new Promise<void>((resolve, reject) => {
      if (socket.readyState !== socket.OPEN) return resolve();
      socket.send(data, (error) => (error ? reject(error) : resolve()));
    });

  const pump = async (): Promise<IteratorResult<ExecutionResult>> => {
    for (;;) {
      const next = await source.next();
      if (next.done || returned) return finished;
      let result: ExecutionResult;
      try {
        result = await resultOf(plan, next.value);
      } catch (error) {
        await source.return?.().catch(() => undefined);
        throw error;
      }
      // Completed by the client or closed while this event was being completed: not sent.
      if (returned) return finished;
      try {
        await send(`${prefix}${JSON.stringify(target.onNext(result))}}`);
      } catch (error) {
        // graphql-ws returns the iterator when a send fails in its loop.
        await source.return?.().catch(() => undefined);
        throw error;
      }
    }
  };

  return {
    next() {
      pumping ??= pump();
      return pumping;
    },
    async return() {
      returned = true;
      await source.return?.();
      return finished;
    },
    async throw(error: unknown) {
      returned = true;
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
