import {
  GraphQLEnumType,
  GraphQLID,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parse,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { WebSocket } from 'ws';
import { pushPlan, pushSubscribe } from '../src/server/subscription-push';

/*
 * The pushed path must write exactly what graphql-ws writes after graphql's own `subscribe`: the
 * same `next` bytes for every document and event, errors included, whether the plan completes an
 * event itself or hands it to graphql's executor.
 */

interface Thing {
  id: string;
  name: string | null;
  count: number | null;
  color: string;
  at: Date;
  owner: string;
}

const Color = new GraphQLEnumType({ name: 'Color', values: { RED: {}, BLUE: {} } });
const Instant = new GraphQLScalarType({
  name: 'Instant',
  serialize: (value) => {
    if (!(value instanceof Date)) throw new TypeError('not a date');
    return value.toISOString();
  },
});
const ThingType: GraphQLObjectType = new GraphQLObjectType<Thing, { viewer: string }>({
  name: 'Thing',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    count: { type: new GraphQLNonNull(GraphQLInt) },
    color: { type: Color },
    at: { type: Instant },
    // A resolver of its own that reads the context.
    seenBy: { type: GraphQLString, resolve: (_thing, _args, context) => context.viewer },
    later: { type: GraphQLString, resolve: (thing) => Promise.resolve(thing.name) },
    broken: {
      type: GraphQLString,
      resolve: () => {
        throw new Error('cannot read this');
      },
    },
    shout: {
      type: GraphQLString,
      args: { times: { type: GraphQLInt } },
      resolve: (thing, { times }) => (thing.name ?? '').repeat(times ?? 1),
    },
    self: { type: ThingType, resolve: (thing) => thing },
  }),
});

/** An event stream over `events`; `onReturn` hears it closed early. */
function streamOf(events: unknown[], onReturn?: () => void): AsyncIterableIterator<unknown> {
  let i = 0;
  return {
    next: () =>
      Promise.resolve(
        i < events.length ? { value: events[i++], done: false } : { value: undefined, done: true },
      ),
    return: () => {
      i = events.length;
      onReturn?.();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** A schema whose one subscription field, `thing` (nullable), reads `source` through `resolve`. */
function oneThingSchema(
  source: () => AsyncIterableIterator<unknown>,
  resolve: (e: { thing: Thing }) => Thing = (e) => e.thing,
): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { thing: { type: ThingType, subscribe: source, resolve } },
    }),
  });
}

function schemaOf(events: unknown[]): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        thing: {
          type: new GraphQLNonNull(ThingType),
          subscribe: () => streamOf(events),
          // The event carries the thing, as the check-in event carries the follow-up.
          resolve: (event: { thing: Thing | null }) => event.thing,
        },
        maybe: {
          type: ThingType,
          subscribe: () => streamOf(events),
          resolve: (event: { thing: Thing | null }) => event.thing,
        },
      },
    }),
  });
}

const thing = (over: Partial<Thing> = {}): { thing: Thing } => ({
  thing: {
    id: 's-1',
    name: 'Breakup "with" Alex',
    count: 3,
    color: 'BLUE',
    at: new Date('2026-03-02T09:00:00Z'),
    owner: 'u-1',
    ...over,
  },
});

const EVENTS: unknown[] = [
  thing(),
  thing({ name: null, color: 'GREEN' }),
  thing({ count: null }),
  thing({ at: 'not a date' as unknown as Date }),
  { thing: null },
  thing({ id: 'é\u2028"\\' }),
];

/** What graphql-ws writes for one result: its `next` message. */
const nextMessage = (id: string, payload: ExecutionResult) =>
  JSON.stringify({ id, type: 'next', payload });

/** The messages graphql-ws writes for `document` over EVENTS after graphql's `subscribe`. */
async function throughGraphql(args: ExecutionArgs, id: string): Promise<string[]> {
  const stream = await subscribe(args);
  if (!(Symbol.asyncIterator in stream)) return [nextMessage(id, stream)];
  const out: string[] = [];
  for await (const result of stream as AsyncIterable<ExecutionResult>)
    out.push(nextMessage(id, result));
  return out;
}

/** A socket that records what is written to it. */
function fakeSocket(fail = false) {
  const sent: string[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    send(data: string, callback: (error?: Error) => void) {
      if (fail) return callback(new Error('socket gone'));
      sent.push(data);
      callback();
    },
  };
  return { sent, socket: socket as unknown as WebSocket };
}

/** The messages the pushed path writes, graphql-ws's loop emulated around it. */
async function throughPush(args: ExecutionArgs, id: string): Promise<string[]> {
  const { sent, socket } = fakeSocket();
  const stream = await pushSubscribe(args, { socket, id, onNext: (result) => result });
  if (!(Symbol.asyncIterator in stream)) return [nextMessage(id, stream)];
  for await (const result of stream as AsyncIterable<ExecutionResult>)
    sent.push(nextMessage(id, result));
  return sent;
}

const argsFor = (query: string, variableValues?: Record<string, unknown>): ExecutionArgs => ({
  schema: schemaOf(EVENTS),
  document: parse(query),
  contextValue: { viewer: 'u-1' },
  variableValues,
});

describe('subscription events written straight to the socket', () => {
  const planned = [
    'subscription { thing { id name count color at } }',
    'subscription { t: thing { __typename key: id n: name at c: count } }',
    'subscription { maybe { id name } }',
    'subscription { thing { seenBy later broken } }',
    'subscription Named { thing { id } }',
    'subscription($v: Int) { thing { id } }',
  ];
  const unplanned = [
    'subscription { thing { id self { id } } }',
    'subscription { thing { id name @include(if: false) } }',
    'subscription { thing { ...F } } fragment F on Thing { id name }',
    'subscription { thing { id shout(times: 2) } }',
    'subscription { thing { id id } }',
    'query { ok }',
  ];

  it.each(planned)('plans %s and writes what graphql-ws would', async (query) => {
    const args = argsFor(query, { v: 2 });
    expect(pushPlan(args)).not.toBeNull();
    const expected = await throughGraphql(argsFor(query, { v: 2 }), 'op-1');
    expect(expected).toHaveLength(EVENTS.length);
    expect(await throughPush(args, 'op-1')).toEqual(expected);
  });

  it.each(unplanned)('leaves %s to graphql, with the same messages', async (query) => {
    expect(pushPlan(argsFor(query))).toBeNull();
    expect(await throughPush(argsFor(query), '7')).toEqual(
      await throughGraphql(argsFor(query), '7'),
    );
  });

  it('completes plain events without the executor: the root resolver runs once per event', async () => {
    let resolved = 0;
    const events = [thing(), thing({ id: 's-2' })];
    const schema = oneThingSchema(
      () => streamOf(events),
      (e) => {
        resolved++;
        return e.thing;
      },
    );
    const { sent, socket } = fakeSocket();
    const stream = await pushSubscribe(
      { schema, document: parse('subscription { thing { id } }'), contextValue: {} },
      { socket, id: '1', onNext: (result) => result },
    );
    for await (const _ of stream as AsyncIterable<ExecutionResult>);
    expect(sent).toHaveLength(2);
    expect(resolved).toBe(2);
  });

  it('refuses a plan whose variables do not coerce, and gives graphql errors for them', async () => {
    const query = 'subscription($v: Int!) { thing { id } }';
    expect(pushPlan(argsFor(query, { v: 'x' }))).toBeNull();
    expect(await throughPush(argsFor(query, { v: 'x' }), 'a')).toEqual(
      await throughGraphql(argsFor(query, { v: 'x' }), 'a'),
    );
  });

  it('two subscribers with different selections on one event each get their own payload', async () => {
    const event = thing();
    const schema = schemaOf([event]);
    const one = fakeSocket();
    const two = fakeSocket();
    const runs = [
      { query: 'subscription { thing { id name } }', id: '1', ...one },
      { query: 'subscription { x: thing { at color __typename } }', id: '2', ...two },
    ].map(async ({ query, id, socket }) => {
      const stream = await pushSubscribe(
        { schema, document: parse(query), contextValue: { viewer: 'u-1' } },
        { socket, id, onNext: (result) => result },
      );
      for await (const _ of stream as AsyncIterable<ExecutionResult>);
    });
    await Promise.all(runs);
    expect(one.sent).toEqual([
      '{"id":"1","type":"next","payload":{"data":{"thing":{"id":"s-1","name":"Breakup \\"with\\" Alex"}}}}',
    ]);
    expect(two.sent).toEqual([
      '{"id":"2","type":"next","payload":{"data":{"x":{"at":"2026-03-02T09:00:00.000Z","color":"BLUE","__typename":"Thing"}}}}',
    ]);
  });

  it('sends what onNext returns, and stops at return() (complete or close)', async () => {
    const { sent, socket } = fakeSocket();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let returned = false;
    const source: AsyncIterableIterator<unknown> = {
      n: 0,
      async next(this: { n: number }) {
        if (this.n++ === 0) return { value: thing(), done: false };
        await gate;
        return { value: undefined, done: true };
      },
      return() {
        returned = true;
        release();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    } as never;
    const schema = oneThingSchema(() => source);
    const stream = (await pushSubscribe(
      { schema, document: parse('subscription { thing { id } }'), contextValue: {} },
      { socket, id: 'z', onNext: (result) => ({ ...result, extensions: { n: 1 } }) },
    )) as AsyncIterableIterator<ExecutionResult>;
    const first = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual([
      '{"id":"z","type":"next","payload":{"data":{"thing":{"id":"s-1"}},"extensions":{"n":1}}}',
    ]);
    await stream.return!();
    expect(returned).toBe(true);
    expect(await first).toEqual({ value: undefined, done: true });
  });

  it('fails the iterator (graphql-ws then sends an error) when a write fails, and returns the source', async () => {
    const { socket } = fakeSocket(true);
    let returned = false;
    const source = streamOf([thing(), thing()], () => {
      returned = true;
    });
    const stream = (await pushSubscribe(
      {
        schema: oneThingSchema(() => source),
        document: parse('subscription { thing { id } }'),
        contextValue: {},
      },
      { socket, id: 'q', onNext: (result) => result },
    )) as AsyncIterableIterator<ExecutionResult>;
    await expect(stream.next()).rejects.toThrow('socket gone');
    expect(returned).toBe(true);
  });
});
