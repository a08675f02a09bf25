/**
 * Reading the engine's data files (lexicons, labels, safety rules): synchronous, at module load,
 * with an error that names the file when it is missing or not JSON, so a broken file stops the
 * engine at start rather than answering wrongly later.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Reads and parses `file` in `dir`; `kind` names the data in the error ("Lexicon"). */
export function readDataFile(kind: string, dir: string, file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch (err) {
    throw new Error(`${kind} ${file}: cannot be read as JSON: ${(err as Error).message}`);
  }
}

/** Whether `v` is a plain JSON object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A list of distinct, non-empty strings read from a data file, or an error naming the file, the
 * place and the entry.
 */
export function stringList(kind: string, file: string, where: string, v: unknown): string[] {
  if (!Array.isArray(v)) throw new Error(`${kind} ${file}: ${where} must be a list`);
  const seen = new Set<string>();
  for (const w of v) {
    if (typeof w !== 'string' || w.trim() === '')
      throw new Error(`${kind} ${file}: ${where} has an empty entry`);
    if (seen.has(w)) throw new Error(`${kind} ${file}: ${where} lists "${w}" twice`);
    seen.add(w);
  }
  return v as string[];
}
