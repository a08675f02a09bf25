/**
 * Reads the safety data files in `data/` and validates them at load, like the blocks and the
 * lexicons: a broken file stops the engine at start with the file and the entry named.
 *
 * Rule sources are regular expressions over canonical text (see text.ts) in which `{NAME}` stands
 * for a word class or gap from `macros.json` (a class is `{"words": [...]}`, joined as
 * alternatives; a fragment is `{"source": "..."}`). Classes keep related wordings in one place, so
 * a new way of saying "pills" reaches every rule that speaks of pills.
 */
import * as path from 'node:path';
import { isRecord, readDataFile, stringList as distinctList } from '../data-file';
import type { DetectedKind } from '../types';

const DATA = path.join(__dirname, 'data');

/** Reads one data file, naming it when it is missing or not JSON. */
export function readSafetyFile(file: string): unknown {
  return readDataFile('Safety data', DATA, file);
}

/** A list of distinct, non-empty strings, or a clear error naming the file and the entry. */
export function stringList(file: string, where: string, v: unknown): string[] {
  return distinctList('Safety data', file, where, v);
}

const MACRO_REF = /\{([A-Z][A-Z_]*\d*)\}/g;

/** Macro definitions, expanded once (recursively: a class may use another). */
function loadMacros(): ReadonlyMap<string, string> {
  const file = 'macros.json';
  const raw = readSafetyFile(file);
  if (!isRecord(raw)) throw new Error(`Safety data ${file}: must be an object of macros`);
  const out = new Map<string, string>();
  const visiting = new Set<string>();
  const expand = (name: string): string => {
    const done = out.get(name);
    if (done !== undefined) return done;
    const def = raw[name];
    if (!isRecord(def)) throw new Error(`Safety data ${file}: unknown macro {${name}}`);
    if (visiting.has(name)) throw new Error(`Safety data ${file}: macro {${name}} uses itself`);
    visiting.add(name);
    let src: string;
    if (def.words !== undefined) src = `(?:${stringList(file, name, def.words).join('|')})`;
    else if (typeof def.source === 'string' && def.source) src = def.source;
    else throw new Error(`Safety data ${file}: macro ${name} needs "words" or "source"`);
    const value = src.replace(MACRO_REF, (_, n: string) => expand(n));
    visiting.delete(name);
    out.set(name, value);
    return value;
  };
  for (const name of Object.keys(raw)) expand(name);
  return out;
}

const MACROS = loadMacros();

/** A regex source with its `{NAME}` macros expanded, checked to compile. */
export function expandSource(file: string, where: string, source: unknown): string {
  if (typeof source !== 'string' || source.trim() === '')
    throw new Error(`Safety data ${file}: ${where} has an empty pattern`);
  const out = source.replace(MACRO_REF, (_, n: string) => {
    const v = MACROS.get(n);
    if (v === undefined) throw new Error(`Safety data ${file}: ${where}: unknown macro {${n}}`);
    return v;
  });
  try {
    new RegExp(out, 'g');
  } catch (err) {
    throw new Error(`Safety data ${file}: ${where}: ${(err as Error).message}`);
  }
  return out;
}

/** Who must be the subject of a cue for it to count ("I want to die", not "she wants to die"). */
export type CueSubject = 'self' | 'other';

/** Extra checks a rule may name (see patterns.ts). */
export const RULE_CHECKS = ['personSubject', 'notBruisedEgo'] as const;
/** One of {@link RULE_CHECKS}. */
export type RuleCheck = (typeof RULE_CHECKS)[number];

/** One detection rule as read from a data file, its source expanded. */
export interface RuleSpec {
  kind: DetectedKind;
  source: string;
  /** Evidence it adds (default 2, which is detection on its own). */
  weight?: number;
  /** Whether a negator just before the match in the same clause cancels it ("not suicidal"). */
  negatable: boolean;
  /** Whose act it must be: the user's own, or another person's. */
  subject?: CueSubject;
  /** "lol", "jk" and the like around the match cancel it. */
  joke?: boolean;
  check?: RuleCheck;
  /**
   * Says the act plainly ("when i cut"): the classifier's low reading does not turn it into a
   * doubt, as it does for a rule that an unlisted idiom may have matched.
   */
  plain?: boolean;
  /** The file it came from, for errors and reviews. */
  file: string;
}

const RULE_KEYS = new Set([
  're',
  'weight',
  'negatable',
  'subject',
  'joke',
  'check',
  'plain',
  'note',
]);

/** Reads one rule file: `{kind, rules: [{re, negatable, weight?, subject?, joke?, check?}]}`. */
function loadRules(file: string, kind: DetectedKind): RuleSpec[] {
  const raw = readSafetyFile(file);
  if (!isRecord(raw) || raw.kind !== kind || !Array.isArray(raw.rules))
    throw new Error(`Safety data ${file}: needs "kind": "${kind}" and a list of "rules"`);
  const seen = new Set<string>();
  return raw.rules.map((r: unknown, i): RuleSpec => {
    const where = `rule ${i + 1}`;
    if (!isRecord(r)) throw new Error(`Safety data ${file}: ${where} is not an object`);
    for (const k of Object.keys(r))
      if (!RULE_KEYS.has(k)) throw new Error(`Safety data ${file}: ${where}: unknown key "${k}"`);
    const source = expandSource(file, where, r.re);
    if (seen.has(source))
      throw new Error(`Safety data ${file}: ${where} repeats "${String(r.re)}"`);
    seen.add(source);
    if (typeof r.negatable !== 'boolean')
      throw new Error(`Safety data ${file}: ${where} needs "negatable": true or false`);
    if (r.weight !== undefined && (typeof r.weight !== 'number' || !(r.weight > 0)))
      throw new Error(`Safety data ${file}: ${where}: weight must be a positive number`);
    if (r.subject !== undefined && r.subject !== 'self' && r.subject !== 'other')
      throw new Error(`Safety data ${file}: ${where}: subject must be "self" or "other"`);
    if (r.joke !== undefined && typeof r.joke !== 'boolean')
      throw new Error(`Safety data ${file}: ${where}: joke must be true or false`);
    if (r.plain !== undefined && typeof r.plain !== 'boolean')
      throw new Error(`Safety data ${file}: ${where}: plain must be true or false`);
    if (r.check !== undefined && !(RULE_CHECKS as readonly unknown[]).includes(r.check))
      throw new Error(`Safety data ${file}: ${where}: unknown check ${JSON.stringify(r.check)}`);
    return {
      kind,
      source,
      negatable: r.negatable,
      file,
      ...(r.weight !== undefined ? { weight: r.weight } : {}),
      ...(r.subject !== undefined ? { subject: r.subject } : {}),
      ...(r.joke ? { joke: true } : {}),
      ...(r.plain ? { plain: true } : {}),
      ...(r.check !== undefined ? { check: r.check as RuleCheck } : {}),
    };
  });
}

/** Every detection rule, by kind (the order within a kind is kept: evidence accumulates in it). */
export const RULES: readonly RuleSpec[] = [
  ...loadRules('self-harm.json', 'self_harm'),
  ...loadRules('partner-danger.json', 'partner_danger'),
  ...loadRules('harm-to-others.json', 'harm_to_others'),
];

/** Idiom and reference spans (expanded regex sources) that explain a cue away. */
export const IDIOM_SOURCES: readonly string[] = (() => {
  const file = 'idioms.json';
  const raw = readSafetyFile(file);
  if (!isRecord(raw)) throw new Error(`Safety data ${file}: needs a list of "idioms"`);
  const list = stringList(file, 'idioms', raw.idioms);
  return list.map((s, i) => expandSource(file, `idiom ${i + 1}`, s));
})();

/** Spelling repair data: see text.ts. */
export interface SpellingData {
  spellings: ReadonlyMap<string, string>;
  phrases: readonly (readonly [RegExp, string])[];
  fuzzyKeywords: readonly string[];
  fuzzyExclude: ReadonlySet<string>;
  stretchTargets: ReadonlySet<string>;
  spacedWords: ReadonlySet<string>;
}

/** The spelling repair tables of `spelling.json`. */
export const SPELLING: SpellingData = (() => {
  const file = 'spelling.json';
  const raw = readSafetyFile(file);
  if (!isRecord(raw) || !isRecord(raw.spellings) || !Array.isArray(raw.phrases))
    throw new Error(`Safety data ${file}: needs "spellings" and "phrases"`);
  const spellings = new Map<string, string>();
  for (const [k, v] of Object.entries(raw.spellings)) {
    if (typeof v !== 'string' || !v || !k)
      throw new Error(`Safety data ${file}: spelling "${k}" needs a replacement`);
    spellings.set(k, v);
  }
  const phrases = raw.phrases.map((p: unknown, i): readonly [RegExp, string] => {
    if (!isRecord(p) || typeof p.to !== 'string')
      throw new Error(`Safety data ${file}: phrase ${i + 1} needs "re" and "to"`);
    return [new RegExp(expandSource(file, `phrase ${i + 1}`, p.re), 'g'), p.to];
  });
  return {
    spellings,
    phrases,
    fuzzyKeywords: stringList(file, 'fuzzyKeywords', raw.fuzzyKeywords),
    fuzzyExclude: new Set(stringList(file, 'fuzzyExclude', raw.fuzzyExclude)),
    stretchTargets: new Set(stringList(file, 'stretchTargets', raw.stretchTargets)),
    spacedWords: new Set(stringList(file, 'spacedWords', raw.spacedWords)),
  };
})();
