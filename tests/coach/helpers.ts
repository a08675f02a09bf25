/** Shared helpers for the coach tests: one library load per test file. */
import { loadBlockLibrary, type BlockLibrary } from '../../src/coach';

let cached: BlockLibrary | null = null;

/** The real block library (src/coach/blocks), loaded once per test file. */
export function realLibrary(): BlockLibrary {
  cached ??= loadBlockLibrary();
  return cached;
}

/** Number of "?" in a text. */
export function questionMarks(text: string): number {
  return (text.match(/\?/g) ?? []).length;
}
