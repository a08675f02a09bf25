/**
 * Canonical text for crisis detection: the normalised message with crisis slang and typos
 * repaired, so "kil myself", "suicidial", "k m s", "d1e", "diiie" and "sewer slide" reach the same
 * rules as the plain words. The tables are in `data/spelling.json`.
 */
import { SPELLING } from './load';

/** A Map: a plain object would answer "constructor" with a function. */
const SPELLINGS = SPELLING.spellings;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const HAS_LETTER = /[a-z]/;
const HAS_DIGIT = /\d/;
const STRETCHED = /([a-z])\1\1+/g;
const SPACED = /\b(?:[a-z] ){2,}[a-z]\b/g;
const FUZZY_BY_FIRST = new Map<string, string[]>();
for (const w of SPELLING.fuzzyKeywords)
  FUZZY_BY_FIRST.set(w[0], [...(FUZZY_BY_FIRST.get(w[0]) ?? []), w]);

/** Whether a and b are at most one edit apart (insertion, deletion, substitution or swap). */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Tokens that may need repair: digits, a letter three times in a row, or a fuzzy-keyword shape. */
const MAYBE_REPAIR = /\d|([a-z])\1\1/;
const FUZZY_FIRST = new Set(SPELLING.fuzzyKeywords.map((w) => w[0]));
const FUZZY_MIN = Math.min(...SPELLING.fuzzyKeywords.map((w) => w.length)) - 1;
const FUZZY_MAX = Math.max(...SPELLING.fuzzyKeywords.map((w) => w.length)) + 1;
const PHRASE_HINT = /sewer|un alive|self|yeet|\bsh\b|myself/;

/** One token repaired: leetspeak, stretched letters, known misspellings, one-edit typos. */
function repairToken(w: string): string {
  // Fast path: most words are none of these shapes (this runs on every word of every message).
  if (
    !SPELLINGS.has(w) &&
    !MAYBE_REPAIR.test(w) &&
    !(w.length >= FUZZY_MIN && w.length <= FUZZY_MAX && FUZZY_FIRST.has(w[0]))
  )
    return w;
  if (HAS_DIGIT.test(w) && HAS_LETTER.test(w) && !SPELLINGS.has(w)) {
    const letters = w.replace(/\d/g, (d) => LEET[d] ?? d);
    if (!HAS_DIGIT.test(letters)) w = letters;
  }
  if (w.length > 2 && STRETCHED.test(w)) {
    STRETCHED.lastIndex = 0;
    const two = w.replace(STRETCHED, '$1$1');
    const one = w.replace(STRETCHED, '$1');
    w = SPELLING.stretchTargets.has(two)
      ? two
      : SPELLING.stretchTargets.has(one)
        ? one
        : SPELLINGS.has(one)
          ? one
          : two;
  }
  const known = SPELLINGS.get(w);
  if (known) return known;
  if (w.length >= 5 && !SPELLING.fuzzyExclude.has(w)) {
    const candidates = FUZZY_BY_FIRST.get(w[0]);
    if (candidates) for (const k of candidates) if (k !== w && oneEdit(w, k)) return k;
  }
  return w;
}

/**
 * The normalised message with crisis slang and typos repaired. Only words that matter for a
 * crisis change; everything else is left as normalizeText made it.
 */
export function crisisCanonical(normalised: string): string {
  let s = normalised.replace(SPACED, (m) => {
    const joined = m.replace(/ /g, '');
    return SPELLING.spacedWords.has(joined)
      ? (SPELLINGS.get(joined) ?? (joined === 'kms' ? 'kill myself' : joined))
      : m;
  });
  const words = s.split(' ');
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const r = repairToken(words[i]);
    if (r !== words[i]) {
      words[i] = r;
      changed = true;
    }
  }
  if (changed) s = words.join(' ');
  if (PHRASE_HINT.test(s)) for (const [re, by] of SPELLING.phrases) s = s.replace(re, by);
  return s;
}
