/** What a database driver error means, whichever layer (pg, the Prisma adapter, Prisma) raised it. */

/**
 * True for errors that mean "the database is not reachable right now" (pg and Prisma spellings),
 * including a statement left unanswered past the query timeout and a transaction that could not
 * get a connection in time (Prisma P2028) while the database is away or swamped.
 */
export function isDatabaseDown(error: unknown): boolean {
  const e = error as {
    code?: string;
    message?: string;
    cause?: unknown;
    thrownValue?: unknown;
  } | null;
  if (!e) return false;
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P03',
      'P1001',
      'P1017',
      'P2024',
      'P2028',
    ].includes(e.code ?? '')
  )
    return true;
  if (
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Can't reach database|DatabaseNotReachable|server closed the connection|Query read timeout|is not queryable/i.test(
      e.message ?? '',
    )
  )
    return true;
  // graphql-js wraps what fails its `instanceof Error` (an error made in another realm, as Node's
  // socket errors are under jest's vm) as NonErrorThrown, keeping the original as `thrownValue`.
  if (e.thrownValue !== undefined && e.thrownValue !== e && isDatabaseDown(e.thrownValue))
    return true;
  return e.cause !== undefined && e.cause !== e && isDatabaseDown(e.cause);
}

/**
 * True when a write failed because a row it points at is gone (PostgreSQL 23503), e.g. a turn
 * committing into a session deleted a moment before: to the caller, that session is missing.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as {
    code?: string;
    meta?: {
      code?: string;
      driverAdapterError?: { cause?: { originalCode?: string; kind?: string } };
    };
    message?: string;
  } | null;
  if (!e) return false;
  return (
    e.code === '23503' ||
    e.meta?.code === '23503' ||
    e.meta?.driverAdapterError?.cause?.originalCode === '23503' ||
    e.meta?.driverAdapterError?.cause?.kind === 'ForeignKeyConstraintViolation' ||
    /foreign key constraint/i.test(e.message ?? '')
  );
}

/**
 * True when a raw pg statement failed on a unique key of `table` (PostgreSQL 23505): another
 * writer stored the same key first.
 */
export function isUniqueViolationOn(error: unknown, table: string): boolean {
  const e = error as { code?: string; table?: string } | null;
  return e?.code === '23505' && e.table === table;
}

/**
 * True when PostgreSQL gave up a transaction to break a deadlock (40P01) or a serialisation
 * conflict (40001), or Prisma reports one (P2034): nothing was written, and running the whole
 * transaction again is the documented answer.
 */
export function isRetryableConflict(error: unknown): boolean {
  const e = error as {
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
    message?: string;
    cause?: unknown;
  } | null;
  if (!e) return false;
  const codes = ['40P01', '40001'];
  return (
    e.code === 'P2034' ||
    codes.includes(e.code ?? '') ||
    codes.includes(e.meta?.code ?? '') ||
    codes.includes(e.meta?.driverAdapterError?.cause?.originalCode ?? '') ||
    /deadlock detected|could not serialize access/i.test(e.message ?? '') ||
    (e.cause !== undefined && e.cause !== e && isRetryableConflict(e.cause))
  );
}

/**
 * Runs `work` again (up to `attempts` times in all) while it fails with a deadlock or a
 * serialisation conflict; any other failure, or the last conflict, is thrown.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
    }
  }
}
