/**
 * Text normalisation shared by detection, safety and block scoring: one canonical lowercase form
 * with contractions and common chat spellings expanded, so lexicons can be written once
 * ("can not", "i am") instead of listing every spelling people type.
 */
import * as path from 'node:path';
import { isRecord, readDataFile, stringList } from './data-file';

/** `lexicons/normalize.json`: chat spellings to expand and the stopwords of lexical overlap. */
const WORD_DATA = (() => {
  const data = readDataFile('Lexicon', path.join(__dirname, 'lexicons'), 'normalize.json');
  if (!isRecord(data)) throw new Error('Lexicon normalize.json: must be an object');
  return data;
})();

/** Token that marks a clause boundary (sentence punctuation, commas, dashes). */
export const BOUNDARY = '.';

/** A message in canonical form. `tokens` and `stems` are parallel arrays. */
export interface NormalizedText {
  /** Tokens joined by single spaces, clause boundaries as " . " (what the safety regexes read). */
  text: string;
  /** Lowercase words, contractions expanded; {@link BOUNDARY} between clauses. */
  tokens: readonly string[];
  /** {@link stem} of each token (boundaries unchanged). */
  stems: readonly string[];
}

// Contractions with an apostrophe, most specific first ("won't" before the generic "n't").
const APOSTROPHE_RULES: [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/\by'all\b/g, 'you all'],
  [/\blet's\b/g, 'let us'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'m\b/g, '$1 am'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  // "'s" is "is" after pronouns and question words, a possessive elsewhere ("Alex's" -> "alex").
  [
    /\b(he|she|it|that|there|what|who|where|how|here|everything|nothing|someone|somebody|everyone|this)'s\b/g,
    '$1 is',
  ],
  [/'s\b/g, ''],
  [/'/g, ''],
];

// Chat spellings and apostrophe-less contractions, expanded token by token.
const TOKEN_MAP: Readonly<Record<string, string>> = (() => {
  const map = WORD_DATA.tokenMap;
  if (!isRecord(map) || Object.values(map).some((v) => typeof v !== 'string' || !v))
    throw new Error('Lexicon normalize.json: "tokenMap" must map words to words');
  return map as Record<string, string>;
})();

const PUNCT_BOUNDARY = /[.!?;:…()[\]{}\n\r,]+|\s[-–—]+\s|[–—]+/g;
const NON_WORD = /[^\p{L}\p{N}. ]+/gu;
const SPACES = /\s+/g;
const DIACRITICS = /\p{M}+/gu;
const CURLY_SINGLE = /[\u2018\u2019\u201B\u2032`´]/g;
const CURLY_DOUBLE = /[\u201C\u201D\u201E\u2033]/g;

/**
 * Canonical lowercase text: curly quotes straightened, accents dropped, contractions and chat
 * spellings expanded ("can't" and "cant" both become "can not", "I'm" becomes "i am"),
 * punctuation reduced to clause boundaries.
 */
export function normalizeText(raw: string): NormalizedText {
  // One turn normalises the same message in several places (safety, detection): a small cache
  // keeps that to one pass. Two entries, because a turn also normalises a short other text in
  // between (the client's relationship status), which with one entry sent the message through
  // twice more. Results are treated as read-only everywhere.
  if (raw === lastRaw && lastResult) return lastResult;
  if (raw === priorRaw && priorResult) {
    const hit = priorResult;
    priorRaw = lastRaw;
    priorResult = lastResult;
    lastRaw = raw;
    lastResult = hit;
    return hit;
  }
  const result = normalizeUncached(raw);
  priorRaw = lastRaw;
  priorResult = lastResult;
  lastRaw = raw;
  lastResult = result;
  return result;
}

let lastRaw: string | null = null;
let lastResult: NormalizedText | null = null;
let priorRaw: string | null = null;
let priorResult: NormalizedText | null = null;

function normalizeUncached(raw: string): NormalizedText {
  let s = raw.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
  s = s.replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"');
  s = s.replace(/&/g, ' and ').replace(/\bw\//g, 'with ');
  // Every rule needs an apostrophe; most messages typed on phones have none.
  if (s.includes("'")) for (const [re, by] of APOSTROPHE_RULES) s = s.replace(re, by);
  s = s
    .replace(PUNCT_BOUNDARY, ' . ')
    .replace(/[-/_+]/g, ' ')
    .replace(NON_WORD, ' ');
  const tokens: string[] = [];
  for (const word of s.split(SPACES)) {
    if (!word) continue;
    if (word === BOUNDARY) {
      // Collapse runs of boundaries and drop a leading one: they carry no extra meaning.
      if (tokens.length > 0 && tokens[tokens.length - 1] !== BOUNDARY) tokens.push(BOUNDARY);
      continue;
    }
    if (word.includes('.')) {
      // "3.5" stays a number; "end.of" style leftovers split into words.
      if (/^\d+\.\d+$/.test(word)) tokens.push(word);
      else for (const part of word.split('.')) if (part) tokens.push(part);
      continue;
    }
    // Own keys only: user text may say "constructor" or "__proto__".
    const mapped = Object.hasOwn(TOKEN_MAP, word) ? TOKEN_MAP[word] : undefined;
    if (mapped) for (const part of mapped.split(' ')) tokens.push(part);
    else tokens.push(word);
  }
  while (tokens.length > 0 && tokens[tokens.length - 1] === BOUNDARY) tokens.pop();
  return { text: tokens.join(' '), tokens, stems: tokens.map(stem) };
}

const VOWEL = /[aeiouy]/;

/**
 * A small suffix-stripping stemmer. It is not linguistically exact; it only has to map the
 * forms people type ("cheated", "cheating", "cheats") and the forms written in the lexicons to
 * the same key, and it is applied identically to both sides.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  // Plurals and third person.
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // Past tense and progressive, only when a plausible stem (with a vowel) remains.
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3);
  // "stopp" -> "stop", "fall" -> "fal": both sides undouble the same way.
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !VOWEL.test(w[w.length - 1]))
    w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Words that often sit inside a phrase without changing it ("feel so sad", "really miss"). */
export const FILLERS: ReadonlySet<string> = new Set(
  [
    'so',
    'really',
    'very',
    'just',
    'a',
    'an',
    'the',
    'totally',
    'completely',
    'extremely',
    'super',
    'such',
    'bit',
    'little',
    'lot',
    'pretty',
    'quite',
    'still',
    'kind',
    'sort',
    'of',
    'too',
    'even',
    'literally',
    'honestly',
    'actually',
    'always',
    'constantly',
    'kinda',
    'all',
    'like',
    'fucking',
    'freaking',
    'damn',
    'truly',
    'deeply',
    'absolutely',
    'utterly',
    'somewhat',
    'rather',
    'also',
  ].map(stem),
);

/** Words that negate what follows them within the clause ("not angry", "never cheated"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'never',
  'no',
  'hardly',
  'nor',
  'neither',
  'barely',
]);

/**
 * Words right after a negator that cancel its negation: "can not stop crying", "can not help
 * feeling", "not just angry", "no one", "no matter".
 */
export const NEGATION_CANCELLERS: ReadonlySet<string> = new Set(
  [
    'stop',
    'help',
    'just',
    'only',
    'one',
    'matter',
    'doubt',
    'wonder',
    'quit',
    'seem',
    'sure',
    'know',
  ].map(stem),
);

/** Words that end a negation's scope even without punctuation ("not angry but hurt"). */
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set([
  'but',
  'though',
  'although',
  'yet',
  'because',
  'and',
]);

/** Function words ignored when measuring lexical overlap between a message and a block. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  stringList('Lexicon', 'normalize.json', 'stopwords', WORD_DATA.stopwords).flatMap((w) => [
    w,
    stem(w),
  ]),
);
