/**
 * Crisis detection and the safety answer. This runs before anything else on every turn, for
 * every engine. Missing a crisis is the worst failure the product can have, so the patterns lean
 * towards detecting; negations ("I'd never hurt myself") and everyday idioms ("this traffic is
 * killing me") are excluded explicitly.
 *
 * Detection has three layers, all over one canonical text (normalised, then crisis slang and
 * typos repaired by {@link crisisCanonical}):
 * 1. phrase patterns (below), each written for a wording seen in testing;
 * 2. concept cues (lexicon-crisis.ts): word classes combined by proximity (a first-person wish
 *    plus any way of saying "dead", a method plus intent, a partner subject plus a violent act),
 *    which carry detection to some wordings nobody wrote down (on fresh batches, recall rose from
 *    about a third to about a half; see tests/fixtures/crisis-holdout-*.json);
 * 3. an idiom and reference layer that drops a cue only when an idiom span explains it
 *    ("this job is suicide", "a movie about suicide", "killing myself at the gym").
 * Every cue adds evidence; a kind is detected at 2. A prefilter runs only the regexes whose words
 * occur in the message, which keeps the whole check near the cost of the original phrase list.
 */
import {
  CRISIS_PHRASES,
  CRISIS_SPELLINGS,
  FUZZY_EXCLUDE,
  FUZZY_KEYWORDS,
  HARM_CUES,
  IDIOM_SOURCES,
  PARTNER_CUES,
  SAFETY_NET_CUES,
  SELF_HARM_CUES,
  SPACED_WORDS,
  STRETCH_TARGETS,
  type CueSubject,
} from './lexicon-crisis';
import { normalizeText } from './normalize';
import { createRng, pick } from './rng';
import type { CrisisKind, SafetyResources } from './types';

/** One crisis pattern over canonical text (lowercase, contractions expanded, " . " clauses). */
interface CrisisPattern {
  kind: CrisisKind;
  re: RegExp;
  /** Whether a negator just before the match in the same clause cancels it ("not suicidal"). */
  negatable: boolean;
  /** Extra check on the match; false means it was an idiom, not a crisis. */
  accept?: (text: string, index: number, match: string) => boolean;
  /**
   * Evidence this pattern adds (default 2). A kind is detected at 2: clear statements reach it
   * alone; weaker cues ("I'm done", "letters to my mum", "no way out") need company.
   */
  weight?: number;
}

const ME_OBJ = '(?:me|myself)';
const PARTNER =
  '(?:he|she|they|my (?:partner|boyfriend|girlfriend|husband|wife|ex|fiance|spouse|ex boyfriend|ex girlfriend|ex husband|ex wife|bf|gf|man|girl))';
const TARGET =
  '(?:him|her|them|the (?:woman|man|girl|guy) (?:he|she) (?:cheated|slept) with|whoever (?:he|she|they) (?:is|are|was|has been) (?:sleeping with|seeing|with)|whoever|anyone who|the person|that (?:woman|man)|my (?:ex|partner|boyfriend|girlfriend|husband|wife|kids|kid|children|child|baby|son|daughter|stepson|stepdaughter|roommate)|his (?:new )?(?:girlfriend|wife|partner|ex|family)|her (?:new )?(?:boyfriend|husband|partner|ex|family)|that (?:guy|girl|woman|man|bitch|bastard|slut|whore)|the (?:other woman|other man|kids|baby|guy|girl)|someone|somebody|people|everyone|everybody)';
const HARM_BASE =
  '(?:hurt|kill|stab|shoot|strangle|poison|beat up|beat|punch|attack|murder|run over|harm|hit|slap|choke|burn|smash|shake|smother|drown|suffocate|throw)';
const HARM_ING =
  '(?:hurting|killing|stabbing|shooting|strangling|poisoning|beating up|beating|punching|attacking|murdering|running over|harming|hitting|slapping|choking|burning)';
const VIOLENCE_VERB =
  '(?:hit|hits|hitting|punched|punches|punching|slapped|slaps|slapping|kicked|kicks|kicking|choked|chokes|choking|strangled|strangles|strangling|beat|beats|beating|shoved|shoves|shoving|pushed|pushes|grabbed|grabs|pinned|threw|throws|bit|bites|burned|burns|attacked|attacks|assaulted|assaults|raped|rapes|smacked|smacks|dragged|drags|spat on|spit on|kneed|headbutted|elbowed|suffocated|smothered)';

/** Subjects that make "X hit me" a realisation or a feeling, not violence. */
const NON_PERSON_SUBJECTS = new Set(
  `it that this reality song news memory memories loneliness sadness grief wave realization realisation truth thought
  thoughts feeling feelings everything what which life karma depression anxiety guilt panic pain traffic car ball door
  something nothing one music sun heat cold hunger exhaustion tiredness idea regret shame`.split(
    /\s+/,
  ),
);

const JOKE_MARKERS = /\b(lol|lmao|haha\w*|hehe\w*|jk|just kidding|kidding|joking|jokes|rofl|xd)\b/;

/** Words of the same clause before `index`, nearest last. */
function clauseBefore(text: string, index: number, words = 5): string[] {
  const before = text.slice(0, index);
  const cut = Math.max(before.lastIndexOf(' . '), 0);
  return before
    .slice(cut)
    .replace(/^ \. /, '')
    .split(' ')
    .filter((w) => w && w !== '.')
    .slice(-words);
}

/** Rest of the sentence after a match (up to the next clause boundary). */
function clauseAfter(text: string, end: number): string {
  const rest = text.slice(end);
  const cut = rest.indexOf(' . ');
  return cut < 0 ? rest : rest.slice(0, cut);
}

/** "X hit me": violence unless X is a thing or a feeling ("it finally hit me"). */
function personSubject(text: string, index: number): boolean {
  const before = clauseBefore(text, index, 4);
  return !before.some((w) => NON_PERSON_SUBJECTS.has(w));
}

const NOT_JOKING = (text: string, index: number, match: string) =>
  !JOKE_MARKERS.test(
    clauseAfter(text, index + match.length) + ' ' + clauseBefore(text, index, 3).join(' '),
  );

// ---------------------------------------------------------------------------------------------
// Canonical text: crisis slang and typos repaired, so "kil myself", "suicidial", "k m s",
// "d1e", "diiie" and "sewer slide" reach the same cues as the plain words.

/** As a Map: a plain object would answer "constructor" with a function. */
const SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries(CRISIS_SPELLINGS));
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const HAS_LETTER = /[a-z]/;
const HAS_DIGIT = /\d/;
const STRETCHED = /([a-z])\1\1+/g;
const SPACED = /\b(?:[a-z] ){2,}[a-z]\b/g;
const FUZZY_BY_FIRST = new Map<string, string[]>();
for (const w of FUZZY_KEYWORDS) FUZZY_BY_FIRST.set(w[0], [...(FUZZY_BY_FIRST.get(w[0]) ?? []), w]);

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
const FUZZY_FIRST = new Set(FUZZY_KEYWORDS.map((w) => w[0]));
const FUZZY_MIN = Math.min(...FUZZY_KEYWORDS.map((w) => w.length)) - 1;
const FUZZY_MAX = Math.max(...FUZZY_KEYWORDS.map((w) => w.length)) + 1;
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
    w = STRETCH_TARGETS.has(two)
      ? two
      : STRETCH_TARGETS.has(one)
        ? one
        : SPELLINGS.has(one)
          ? one
          : two;
  }
  const known = SPELLINGS.get(w);
  if (known) return known;
  if (w.length >= 5 && !FUZZY_EXCLUDE.has(w)) {
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
    return SPACED_WORDS.has(joined)
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
  if (PHRASE_HINT.test(s)) for (const [re, by] of CRISIS_PHRASES) s = s.replace(re, by);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Who a cue is about. "I want to die" is the user; "she wants to die" is not. "He cut my arm" is
// danger from a partner; "I cut my arm" is self-harm.

const SELF_WORDS = new Set(['i', 'myself']);
const OTHER_WORDS = new Set(
  `he she they you we it someone somebody everyone everybody people boyfriend girlfriend husband wife partner ex fiance
  spouse friend friends sister brother mom dad mother father son daughter cousin roommate guy girl man woman boss kid kids
  baby dog cat uncle aunt grandma grandpa bf gf who phone battery laptop car plant plants`.split(
    /\s+/,
  ),
);

/** The nearest subject word before `index` (this clause, then the one before): 'self', 'other' or null. */
function nearestSubject(text: string, index: number): 'self' | 'other' | null {
  const words = text.slice(Math.max(0, index - 120), index).split(' ');
  let boundaries = 0;
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < 10; i--) {
    const w = words[i];
    if (!w) continue;
    if (w === '.') {
      if (++boundaries > 1) break;
      continue;
    }
    seen++;
    // "me" right before the cue is its subject ("makes me want to die", "part of me wants");
    // further back it is an object ("she bit me and scratched my face").
    if (SELF_WORDS.has(w) || (w === 'me' && seen === 1)) return 'self';
    if (OTHER_WORDS.has(w)) return 'other';
  }
  return null;
}

/** Accept check for a concept cue: who it is about, and not said as a joke. */
function cueCheck(subject: CueSubject | undefined, joke: boolean): CrisisPattern['accept'] {
  if (!subject && !joke) return undefined;
  return (text, index, match) => {
    if (subject) {
      const who = nearestSubject(text, index);
      // No subject at all ("wanna die fr", "grabbed my throat") keeps the cue: leaning to detect.
      if (subject === 'self' && who === 'other') return false;
      if (subject === 'other' && who === 'self') return false;
    }
    return !joke || NOT_JOKING(text, index, match);
  };
}

// ---------------------------------------------------------------------------------------------
// Prefilter. Over 200 regexes each scanning every message cost more than the whole turn budget
// allows, and most of them cannot match because their first word is absent. Each regex's possible
// first words are read from its source once, at load; per message only the regexes whose first
// word (its first three letters) occurs are run. Where the source cannot be read safely the regex
// always runs, so the prefilter can only save work, never drop a match (a test checks this).

/** Index of the matching ")" for the "(" at i. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (let k = i; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return -1;
}

/** Top-level alternatives of a regex source (or of a group's content). */
function splitAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, k));
      start = k + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/**
 * Keys any match of `seq` must start with: the first three letters of its first word, or the whole
 * word when shorter. `next` is what follows `seq` in the source (to know whether a short literal
 * is a whole word). Null when unknown.
 */
function leadKeys(seq: string, next: string): string[] | null {
  let i = 0;
  // Lookarounds consume nothing: skip them.
  while (
    seq.startsWith('(?=', i) ||
    seq.startsWith('(?!', i) ||
    seq.startsWith('(?<=', i) ||
    seq.startsWith('(?<!', i)
  ) {
    const end = groupEnd(seq, i);
    if (end < 0) return null;
    i = end + 1;
  }
  if (seq[i] === '(') {
    const end = groupEnd(seq, i);
    if (end < 0) return null;
    const q = seq[end + 1];
    if (q === '?' || q === '*' || q === '{') return null; // optional group: the match may start after it
    const inner = seq.slice(seq.startsWith('(?:', i) ? i + 3 : i + 1, end);
    const rest = seq.slice(end + 1) + next;
    const keys: string[] = [];
    for (const a of splitAlternatives(inner)) {
      const k = leadKeys(a, rest);
      if (!k) return null;
      keys.push(...k);
    }
    return keys;
  }
  let word = '';
  let k = i;
  while (k < seq.length && /[a-z]/.test(seq[k])) word += seq[k++];
  const after = k < seq.length ? seq[k] : next[0];
  if (after === '?' || after === '*' || after === '{') word = word.slice(0, -1);
  if (word.length >= 3) return [word.slice(0, 3)];
  // A short literal is a key only as a whole word ("if i", "no one"), never as a prefix ("un..").
  // The space after it must itself be required: in "my ?self" the word may be "myself".
  const spaceAt = (t: string, j: number) => t[j] === ' ' && !/[?*{]/.test(t[j + 1] ?? '');
  const whole =
    k < seq.length
      ? spaceAt(seq, k) || seq.startsWith('\\b', k)
      : next === '' || spaceAt(next, 0) || next.startsWith('\\b');
  return word.length > 0 && whole && after !== '?' ? [word] : null;
}

/**
 * Keys of the last required element of a branch that starts a word (it follows a literal space):
 * every match also contains a word starting with one of them ("my (phone|laptop)" gives "pho",
 * "lap"). A second, usually rarer, condition next to the first word. Null when there is none.
 */
function tailKeys(branch: string): string[] | null {
  let best: string[] | null = null;
  let prev = '';
  for (let i = 0; i < branch.length;) {
    const c = branch[i];
    if (c === '\\') {
      prev = branch.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '[') {
      let k = i + 1;
      while (k < branch.length && branch[k] !== ']') k += branch[k] === '\\' ? 2 : 1;
      prev = ']';
      i = k + 1;
      continue;
    }
    if (c === '(') {
      const end = groupEnd(branch, i);
      if (end < 0) return best;
      const look = /^\(\?<?[=!]/.test(branch.slice(i, i + 4));
      const q = branch[end + 1];
      const optional =
        q === '?' || q === '*' || (q === '{' && /^\{0[,}]/.test(branch.slice(end + 1)));
      if (!look && !optional && prev === ' ')
        best = leadKeys(branch.slice(i, end + 1), branch.slice(end + 1)) ?? best;
      if (!look) prev = ')';
      i = end + 1;
      continue;
    }
    if (/[a-z]/.test(c) && prev === ' ') {
      let k = i;
      while (k < branch.length && /[a-z]/.test(branch[k])) k++;
      const q = branch[k];
      // A word whose last letter is optional still has its other letters; one made optional as a
      // whole ("a?") is skipped by leadKeys, which drops the letter the quantifier applies to.
      if (q !== '*' && !(q === '{' && /^\{0[,}]/.test(branch.slice(k))))
        best = leadKeys(branch.slice(i), '') ?? best;
    }
    prev = c;
    i++;
  }
  return best;
}

/** One branch of a regex for the prefilter: keys its first word needs, and keys a later word needs. */
interface GateBranch {
  first: readonly string[];
  tail: readonly string[] | null;
}

/** Branches of a regex source, or null when some branch may start anywhere (then it always runs). */
function gateBranches(source: string): GateBranch[] | null {
  const out: GateBranch[] = [];
  for (const branch of splitAlternatives(source)) {
    if (!branch.startsWith('\\b')) return null;
    const first = leadKeys(branch.slice(2), '');
    if (!first) return null;
    out.push({ first, tail: tailKeys(branch.slice(2)) });
  }
  return out;
}

/**
 * A prefilter over a list of regexes: which of them can match, given the message's word heads.
 * Keys are numbered once so that the per-message work is integer array lookups only.
 */
class Gate {
  private readonly keyIds = new Map<string, number>();
  /** Per key id: the regexes with a branch whose first word needs this key. */
  private readonly byFirst: number[][] = [];
  private readonly always: number[] = [];
  /** Per regex: its branches as [first key ids, tail key ids or null]. */
  private readonly branches: ([Int32Array, Int32Array | null][] | null)[];

  constructor(sources: readonly string[]) {
    const id = (k: string) => {
      let n = this.keyIds.get(k);
      if (n === undefined) {
        n = this.keyIds.size;
        this.keyIds.set(k, n);
        this.byFirst.push([]);
      }
      return n;
    };
    this.branches = sources.map((src, i) => {
      const parsed = gateBranches(src);
      if (!parsed) {
        this.always.push(i);
        return null;
      }
      return parsed.map((b): [Int32Array, Int32Array | null] => {
        const first = Int32Array.from(new Set(b.first), id);
        for (const k of first) if (!this.byFirst[k].includes(i)) this.byFirst[k].push(i);
        return [first, b.tail ? Int32Array.from(new Set(b.tail), id) : null];
      });
    });
  }

  /** Flags, per regex, whether it may match a message with these word heads. */
  candidates(heads: ReadonlySet<string>): Uint8Array {
    const out = new Uint8Array(this.branches.length);
    for (const i of this.always) out[i] = 1;
    const present = new Uint8Array(this.keyIds.size);
    const found: number[] = [];
    for (const h of heads) {
      const k = this.keyIds.get(h);
      if (k !== undefined) {
        present[k] = 1;
        found.push(k);
      }
    }
    const any = (ids: Int32Array) => {
      for (let j = 0; j < ids.length; j++) if (present[ids[j]]) return true;
      return false;
    };
    for (const k of found) {
      for (const i of this.byFirst[k]) {
        if (out[i]) continue;
        // Its first word is there; some branch must also find its later word.
        for (const [first, tail] of this.branches[i]!) {
          if (any(first) && (!tail || any(tail))) {
            out[i] = 1;
            break;
          }
        }
      }
    }
    return out;
  }
}

const NON_ALNUM = /[^a-z0-9]+/;

/** First three letters of every word (whole words when shorter), the keys {@link Gate} looks up. */
function wordHeads(text: string): Set<string> {
  const heads = new Set<string>();
  for (const t of text.split(' ')) {
    if (!t || t === '.') continue;
    // Words with other letters ("é" left by some scripts) also split where \b would.
    if (NON_ALNUM.test(t))
      for (const part of t.split(NON_ALNUM)) {
        if (part) heads.add(part.slice(0, 3));
      }
    else heads.add(t.slice(0, 3));
  }
  return heads;
}

const IDIOM_GATE = new Gate(IDIOM_SOURCES);

// ---------------------------------------------------------------------------------------------
// Idioms and references. A cue that ends inside one of these spans is explained by it and
// dropped; cues elsewhere in the message still count.

const IDIOMS: readonly RegExp[] = IDIOM_SOURCES.map((src) => new RegExp(src, 'g'));

/** Spans [start, end) of idioms and references in the text (only idioms whose first word is there). */
function idiomSpans(text: string, heads: ReadonlySet<string>): [number, number][] {
  const spans: [number, number][] = [];
  const candidates = IDIOM_GATE.candidates(heads);
  for (let i = 0; i < IDIOMS.length; i++) {
    if (!candidates[i]) continue;
    for (const m of text.matchAll(IDIOMS[i]))
      if (m[0].length > 0) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return spans;
}

/** Whether the cue [start, end) ends inside an idiom span that it overlaps. */
function explainedByIdiom(spans: readonly [number, number][], start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && s < end && end <= e) return true;
  return false;
}

const PATTERNS: CrisisPattern[] = [
  // ---- self-harm and suicide
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving|punish|punishing|hang|hanging|drown|drowning|shoot|shooting|poison|poisoning|off|offing) (?:my ?self|me self)\b(?! (?:laughing|with laughter|over (?:this|that) (?:essay|exam|job|work)))/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\bself (?:harm|harming|injury|injuring|injure|destruct)\b|\bsh relapse\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:suicide|suicidal|suicidally|unalive|unaliving|unalived|sewer slide)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:end|ending|take|taking|took) (?:my|my own) life\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:end|ending) it all\b|\bend everything\b(?! (?:with|between))/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:want|going|plan|planning|ready|about) to end it(?: now| tonight| today| soon)?(?= \.|$)/g,
  },
  { kind: 'self_harm', negatable: true, re: /\bend it (?:tonight|today|soon|for good)(?! with)/g },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:want|want to|wanting|ready|going|planning|plan|wish i could|i should|i might as well|i may as well|deserve to|hoping to|hope to) (?:to )?(?:just )?die\b(?! (?:of|from|laughing|for|alone))/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\bwish i (?:was|were|had been) (?:dead|never born|not born|not here|not alive|gone)\b|\bwish i had never been born\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\bwish i could (?:disappear|vanish|sleep forever|not wake up|not exist|stop existing)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bbetter off (?:dead|without me|if i (?:was|were) (?:gone|dead|not here|not around))\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\b(?:happier|better off|better|easier|fine) (?:if|when|once|without) (?:i|me)(?: just| simply| finally)? (?:(?:was|were|am|m) )?(?:gone|dead|not here|not around|disappeared|died|vanished|did not exist|never existed|was not here|were not here|was gone|were gone)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:tired|sick|exhausted|done|over) (?:of|with) (?:being alive|living|life|existing|being here|this life|breathing)\b(?! (?:like this|this way|with|in|on|under|around|together|apart|alone|here|there|paycheck|out of))/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:no one|nobody) (?:will|would) (?:miss me|care if i (?:died|was gone|disappeared)|notice if i (?:died|was gone|disappeared))\b|\b(?:a )?burden to (?:everyone|everybody|my family|the people i love)\b|\b(?:giving|gave) away (?:all )?my (?:stuff|things|belongings)\b|\bsay(?:ing)? goodbye (?:to everyone|forever)\b|\b(?:stop|cease) existing\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\b(?:care|notice|miss me|matter) if i (?:died|was dead|were dead|was gone|were gone|disappeared|killed myself)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bno (?:reason|point) (?:to|in) (?:live|living|being alive|go on|going on|be alive|stay alive|staying alive)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bnot see (?:a|any|the) (?:reason|point) (?:to|in) (?:keep )?(?:living|live|going on|go on|being alive|be alive|staying alive|stay alive)\b|\bno reason to keep (?:living|going)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bbetter off if i (?:was|were) not (?:around|here|alive)\b|\bif i (?:was|were) not (?:around|here|alive) (?:anymore|any more)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\bhow many (?:pills|tablets|sleeping pills|painkillers) (?:it would take|would it take|does it take|to take|would kill|it takes)\b|\blooked up (?:how to|ways to) (?:die|kill myself|end it|end my life|overdose)\b|\bnoose\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bnothing (?:left )?to live for\b|\bnot worth living\b|\bnot worth being alive\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bwhat is (?:even |really |actually |just |then )?the point (?:of|in) (?:living|being alive|life|going on|staying alive|existing|being here)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\b(?:do not|does not|no longer|not) (?:really |even )?want to (?:live|be alive|exist|wake up|go on|keep living|keep going|be here)\b(?! (?:at|with|for|early|so early|before|in this (?:job|relationship|house|city|town|marriage|situation)|in this|like this))/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bnot (?:sure|know) (?:if |whether |that )?i (?:want|can) (?:to )?(?:live|be alive|be here|exist|go on|keep going|stay alive)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bnot think i (?:want|can) (?:to )?(?:live|be alive|be here|exist|go on|keep going|stay alive)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:can not|could not) (?:go on|keep going|keep living|live like this) (?:anymore|any more|any longer|living)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:overdose|overdosing|overdosed|od on)\b|\b(?:take|taking|took|swallow|swallowed|swallowing) (?:all |a bunch of |a handful of |too many )?(?:my |the |of my |his |her )?(?:pills|meds|medication|tablets|sleeping pills)\b(?! (?:for|to help|every|each|with food|this morning))/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\bslit (?:my )?wrists?\b|\bjump (?:off|from|in front of) (?:a|the|my) (?:bridge|building|roof|train|car|cliff|balcony|window)\b|\bstep in front of (?:a|the) (?:train|car|bus|truck)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:go to sleep|fall asleep|sleep) and (?:never|not) wake up\b|\b(?:hope|wish|pray) (?:that )?i (?:do not|would not|will not|never) wake up\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:suicide|goodbye) (?:note|letter)\b|\bwrite (?:a|my) (?:goodbye|suicide) (?:note|letter)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:thoughts|thinking|think|thought) (?:of|about) (?:ending (?:it|my life|everything)|dying|not being here|not being alive|not existing|disappearing forever)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:rather|prefer to) (?:be dead|not be alive|not exist|not be here|die)\b(?! than)/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:want|going|need) to disappear(?: forever)?\b(?! for (?:a|the) (?:bit|while|day|weekend|week))|\bdisappear forever\b/g,
  },
  // Concept-level patterns: less tied to one wording, so unseen phrasings are still caught.
  // Absence would be better: "the world would be better without me in it".
  {
    kind: 'self_harm',
    negatable: false,
    re: /\b(?:better|happier|easier|lighter|fine|okay|ok)(?: off)? without me\b/g,
  },
  // Means plus intent: "stockpiling my sleeping pills", "saving up my meds", "bought a rope".
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:stockpil\w*|hoard\w*|sav(?:e|ed|ing) up|collect\w*|stash\w*|bought|buying|got hold of|enough) (?:all |some |a lot of |up )?(?:my |the |of my |some |a )?(?:sleeping |sleep )?(?:pills|tablets|meds|medication|painkillers|razors?|blades?|rope)\b|\b(?:pills|tablets|meds|painkillers) (?:saved|stashed|stockpiled|hidden away)\b/g,
  },
  // A future without them: "I don't see myself being around much longer".
  {
    kind: 'self_harm',
    negatable: false,
    re: /\b(?:not|never|no longer) (?:see myself |think i will |going to |gonna )?(?:be |being )?(?:here|around|alive) (?:much longer|for (?:much )?long|anymore|any more|next (?:week|month|year)|by (?:then|tomorrow|next week|the weekend)|to see)\b|\b(?:will not|wo not|won t) (?:be (?:here|around|alive)) (?:much longer|for long|tomorrow|next week|anymore|any more)\b/g,
  },
  // Passive death wishes and the wish not to wake up.
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:wish|wishing|hope|hoping|pray|praying) (?:that )?i (?:would |could |will |might )?(?:just )?(?:die|died|was dead|were dead|not wake up|did not wake up|never wake up|get hit by|got hit by|stop existing|cease to exist|fall asleep forever|sleep forever|disappeared)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:want|wanna|wish|need|like) (?:to )?(?:just )?(?:sleep forever|go to sleep forever|fall asleep forever|never wake up|not wake up|sleep and never wake)\b/g,
  },
  // Not expecting to survive the near future.
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bi (?:do not think i will|will not|wo not|am not going to|might not|may not|do not know if i will|doubt i will|can not|could not) (?:make it|survive|last|get through) (?:through |past |to )?(?:this|tonight|today|the night|the week|this week|the weekend|another|much longer|till|until|the year|the month)\b/g,
  },
  // Looking for a method.
  {
    kind: 'self_harm',
    negatable: true,
    re: /\bpainless (?:way|ways|method|methods|death)\b|\b(?:ways|methods|how) to (?:die|end it|end my life|kill myself|overdose|not wake up|go painlessly)\b|\b(?:lethal|fatal|deadly) (?:dose|amount)\b|\b(?:research\w*|look\w* up|googl\w*|search\w*) (?:\w+ ){0,3}(?:suicide|overdos\w*|lethal|painless)\b/g,
  },
  // Hurting their own body.
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:cut|cutting|scratch\w*|burn\w*|carv\w*|punch\w*|bang\w*|hit|hitting) (?:into )?(?:my|myself on the) (?:arms?|wrists?|thighs?|legs?|skin|stomach|head against)\b|\b(?:until|till) (?:they|it|i) bled\b|\bmake myself bleed\b/g,
  },
  // Places and means of a suicide attempt.
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:stood|standing|stand|sat|sitting|went|go|walked) (?:on|at|to|near|onto|up to) (?:the |a )?(?:edge of (?:the|a) )?(?:bridge|ledge|roof|rooftop|railway tracks|tracks|cliff edge|cliff)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\b(?:only|no other) way out\b|\bno way out (?:except|but|other than|besides)\b|\b(?:ending it|end it all|dying|death|suicide) (?:is|seems like|feels like) (?:the only|my only)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\bwhat is (?:even |really |actually |just |then )?the point (?:of|in) (?:waking up|getting up|going on|carrying on|being here|staying)\b/g,
  },
  // Being gone would relieve others: "they'd be relieved if I was gone".
  {
    kind: 'self_harm',
    negatable: false,
    re: /\b(?:relieved|happier|better off|better|easier|lighter|fine|okay|free) (?:\w+ ){0,3}(?:if|when|once) i (?:was |were |am |m )?(?:not (?:in (?:them|it|their lives|the picture|the way)|around|here|alive|there)|gone|dead|disappeared|died|never born)\b/g,
  },
  // Weak cues: each alone is everyday talk; together they are a warning.
  {
    kind: 'self_harm',
    negatable: false,
    weight: 1,
    re: /\bi am (?:so |just |completely |really )?done(?: with (?:everything|it all|life|all of it))?(?= \.|$)|\bi am done with (?:everything|it all|life)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 1.5,
    re: /\b(?:wr(?:o|i)te|writing|written|left|leaving) (?:a |some |my )?(?:goodbye |final |last )?(?:letters?|notes?) (?:to|for) (?:my|everyone|everybody|the people|them|my family|my kids)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1,
    re: /\b(?:a|such a|just a) burden\b|\bno way out\b|\bnothing left (?:for me|to give|to lose)?\b|\bcan not (?:go on|do this anymore|take (?:it|this) anymore|keep doing this)\b|\bforgive me\b|\bgoodbye\b|\bwhen i am gone\b|\bafter i am gone\b|\bsoon it will (?:all )?be over\b|\bit will (?:all )?be over soon\b|\bi have a plan\b|\b(?:take care of|look after) my (?:dog|cat|kids|children|pets?) (?:for me|when)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1,
    re: /\b(?:pills|tablets|overdose|rope|noose)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 0.5,
    re: /\b(?:hopeless|pointless|no point|give up|giving up|empty inside|worthless|tired of everything|exhausted of everything)\b/g,
  },
  // ---- concept layer: death or means, plus intent, finality or hopelessness, in any wording.
  {
    kind: 'self_harm',
    negatable: true,
    re: /\bwish i (?:would |had )?never (?:have )?been born\b|\b(?:check|checking) out (?:for good|permanently|early|of life)\b|\b(?:want|wanted|need|wish) (?:it|this|the pain|everything|all of it) (?:to )?(?:stop|end) (?:permanently|forever|for good)\b|\bnot (?:to )?exist anymore\b|\bnot worth living\b|\b(?:tried|attempted|attempt) (?:to )?(?:kill myself|suicide|end my life|end it|take my life|overdose)\b|\bsuicide attempt\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1.5,
    re: /\b(?:end|ending) everything\b|\bwant (?:it|this|everything) (?:all )?to stop\b|\b(?:car|myself) into (?:a|the) (?:wall|tree|river|lake|traffic|truck|lorry|oncoming)\b|\bwant to (?:just )?(?:stop|quit) (?:living|breathing|existing|everything)\b/g,
  },
  // Each cue below counts once; two of them together reach the threshold.
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1,
    re: /\b(?:no|not see (?:any|a)|can not see (?:any|a)) future (?:for me|for myself)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 1,
    re: /\bdo it\b(?= \.|$| tonight| today| this time| for real)|\b(?:finally|going to|gonna|ready to) do it\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1,
    re: /\bthink(?:ing)? about it\b|\b(?:keep|kept|been|always) (?:thinking|think) about\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 1,
    re: /\bon purpose\b|\bmore than i (?:should|was supposed to)(?: have)?\b|\bway too many\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1.5,
    re: /\b(?:took|take|taking|swallowed) (?:\w+ ){0,3}?(?:more|too many|too much|all|a lot|double|extra) (?:of )?(?:my |the |his |her )?(?:meds|pills|tablets|medication|painkillers|sleeping pills)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1,
    re: /\b(?:gave|give|giving) (?:away )?my (?:dog|cat|pets?|things|stuff|belongings) (?:to|away)\b|\bsaid goodbye to (?:my friends|everyone|everybody|my family)\b/g,
  },
  { kind: 'self_harm', negatable: true, weight: 1, re: /\b(?:knife|knives|gun|blade|razor)\b/g },
  { kind: 'self_harm', negatable: false, weight: 0.5, re: /\btonight\b/g },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 0.5,
    re: /\bfinally\b|\bfor good\b|\bpermanently\b/g,
  },
  { kind: 'self_harm', negatable: false, weight: 0.5, re: /\bmeds\b|\bmedication\b/g },
  // Death sounding like relief; a decided plan; staring at a means; passive wishes to be hit.
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:dying|death|being dead|not being here|not waking up) (?:sounds|seems|feels|would be|would feel) (?:like )?(?:a |such a )?(?:relief|peaceful|better|easier|nice|good|welcome)\b|\b(?:relief|relieved|peaceful) to (?:die|be dead|not be here|not wake up)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    re: /\b(?:looking|look|looked|staring|stare|stared) at (?:the )?(?:train tracks|railway|tracks|bridge|pills|knife|rope|ledge|edge of the roof|drop)\b|\b(?:car|bus|truck|train|lorry) (?:would|will|to|could) (?:just )?(?:hit|run over|crash into) me\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 1.5,
    re: /\bmy plan is to\b|\b(?:already |have )?decided (?:how|when|where) i\b|\bworked out (?:how|when|where) (?:to|i)\b|\bi have (?:a plan|it planned|everything planned)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 1,
    re: /\btake everything in\b|\beverything in the (?:cabinet|medicine cabinet|cupboard|drawer)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 1,
    re: /\bjump(?:ing)?\b(?! (?:in|into) (?:the|a) (?:pool|lake|sea|conversation|shower))/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    weight: 1,
    re: /\b(?:train tracks|railway|tracks|roof|rooftop|ledge|bridge|cliff)\b(?! of (?:his|her|my|the) nose)/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1.5,
    re: /\b(?:burn\w*|cut\w*|hurt\w*) (?:my|myself) (?:\w+ ){0,2}with (?:a |the |my )?(?:lighter|cigarette|razor|blade|knife|scissors|glass)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: false,
    re: /\b(?:would|will)\b(?: \w+){0,5} if i (?:died|was dead|were dead|killed myself|was not here|were not here|was not alive|disappeared for good)\b|\bnot deserve to (?:live|be alive|exist|be here)\b|\b(?:counted|lined|laid|set|sorted) (?:out|up) (?:all )?(?:of )?(?:my |the )?(?:pills|tablets|meds|painkillers)\b/g,
  },
  {
    kind: 'self_harm',
    negatable: true,
    weight: 1.5,
    re: /\b(?:the )?(?:pain|hurt|suffering|it all|everything|all of this) to (?:end|stop)\b|\b(?:writing|wrote|written|making|made|updating|updated|sorting out|sorted out) my will\b|\bnot mean (?:the|my|our) (?:relationship|marriage|breakup)\b/g,
  },
  { kind: 'self_harm', negatable: true, weight: 1, re: /\b(?:ending|end) things\b/g },
  // ---- danger from a partner
  {
    kind: 'partner_danger',
    negatable: true,
    re: new RegExp(
      `\\b${VIOLENCE_VERB} me\\b(?! (?:up|back|a (?:party|surprise|bone|text)|with (?:the|that|this|a|some) (?:news|question|text|message|line|speech|talk|truth|reality|breakup|silent)|at (?:chess|cards|games?|tennis|trivia|pool|scrabble|monopoly)|to (?:it|the punch|be|do|try|go|apply|take|get|make|see|start)|away|into (?:a|doing|therapy|going)|(?:a|an|some) (?:coffee|drink|snack|beer|food|lunch|dinner|plate|water)|out of (?:my shell|my comfort zone)))`,
      'g',
    ),
    accept: (text, index) => personSubject(text, index),
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:beat|beats|beating) me up\b|\bphysically (?:hurt|hurts|hurting|abusive|abused|abuses|attacked|harmed)\b|\b(?:hurt|hurts|hurting) me physically\b|\bdomestic (?:violence|abuse)\b|\bphysical abuse\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: new RegExp(
      `\\b${PARTNER} (?:is|gets|got|was|becomes|became|can be) (?:really |so |very )?(?:violent|physical with me|rough with me)\\b|\\bviolent (?:with|towards|toward) me\\b`,
      'g',
    ),
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:bruise|bruises|black eye|broken (?:rib|ribs|nose|arm|wrist)|marks on my (?:neck|arm|arms|body|face)|split lip)\b/g,
    accept: (text, index) => !/^ego\b/.test(text.slice(index).split(' ')[1] ?? ''),
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\bthreat(?:en|ens|ened|ening) (?:to )?(?:kill|hurt|harm|beat|hit|shoot|stab|burn|take (?:the|my) (?:kids|children|baby|son|daughter)|post|leak|share|release|send|kill himself|kill herself|hurt himself|hurt herself|end his life|end her life|ruin my life|come after me)\b|\bthreat(?:en|ens|ened|ening) (?:me|my life)\b(?! with (?:a|the) (?:breakup|divorce))/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:said|says|told me|swore|screamed|yelled) (?:that )?(?:he|she|they) (?:would|will|is going to|was going to|is gonna|was gonna|could) (?:kill|hurt|harm|beat|shoot|stab|end|strangle|choke) (?:me|my|us|the kids|himself|herself|themselves)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: new RegExp(
      `\\b${PARTNER} (?:is|was|are|will|would|might|could) (?:going to |gonna )?(?:kill|hurt|beat|strangle|choke) me\\b`,
      'g',
    ),
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: new RegExp(
      `\\b(?:afraid|scared|terrified|frightened|fear|worried) (?:that )?${PARTNER} (?:will|would|might|is going to|could|may|is gonna) (?:hurt|kill|hit|beat|harm|find me|come after me|snap|lose it|do something|attack|strangle|choke|take the kids)\\b`,
      'g',
    ),
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: new RegExp(
      `\\b(?:afraid|scared|terrified|frightened) (?:of|for) (?:my life|my safety|him|her|my (?:partner|boyfriend|girlfriend|husband|wife|ex|fiance|spouse))(?= \\.|$| when| because| and| now| right| at| he| she| so| sometimes| lately| these)|\\bfear for my (?:life|safety)\\b|\\b(?:afraid|scared|terrified) to go home\\b|\\b(?:afraid|scared|terrified) of what (?:he|she|they) (?:will|would|might|could) do\\b`,
      'g',
    ),
  },
  {
    kind: 'partner_danger',
    negatable: false,
    re: /\b(?:not|never|no longer) feel safe (?:at home|with (?:him|her|them|my)|in (?:my|our|the) (?:home|house|apartment|flat|relationship|own home)|around (?:him|her|them)|when (?:he|she|they))|\bi (?:feel|felt|am|have been feeling) (?:so |really |very )?unsafe\b|\bfeel unsafe (?:at home|with (?:him|her|them)|around (?:him|her|them)|in (?:my|our) (?:home|house|flat|apartment))\b|\b(?:am|is|feel) not safe (?:at home|with (?:him|her))\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: false,
    re: /\b(?:will not|would not|does not|did not|never|wo not) let me (?:leave|go out|go anywhere|go home|out of (?:the house|his sight|her sight|the room|the apartment)|see my (?:friends|family|parents|kids)|talk to my (?:friends|family|parents)|have my phone|use my phone|have (?:any )?money|work|call anyone|sleep)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:locks|locked|lock|locking) me (?:in|up|out)\b|\b(?:trapped|stuck|locked) (?:in|inside) (?:the|my|our|his|her) (?:house|apartment|flat|room|home|car|bedroom|bathroom)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:took|takes|taking|taken|hid|hides|hidden|hiding|smashed|broke|confiscated|keeps) (?:away )?my (?:phone|keys|car keys|passport|id|documents|papers|money|wallet|cards|bank card)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\bnot allowed to (?:leave|go out|see my (?:friends|family)|have (?:a|my) phone|have money|work)\b|\b(?:can not|could not) leave (?:the house|the apartment|the room|without (?:his|her|their) permission)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:tracks|tracked|tracking|monitors|monitored) my (?:location|every move)\b|\b(?:follows|followed|following|stalks|stalked|stalking) me\b(?! on (?:instagram|social|twitter|tiktok|insta))|\bshow(?:s|ed)? up at my (?:house|home|work|door|job|apartment|flat|place)\b|\bwill not leave me alone\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:forced|forces|forcing|force) me\b|\b(?:made|makes|make) me (?:have sex|do (?:sexual|things i did not want))\b|\b(?:raped|rape|sexually assaulted|sexual assault|molested|coerced me)\b|\b(?:did not|would not|does not) stop when i said (?:no|stop)\b|\bwithout my consent\b|\bpressured me into (?:sex|sleeping)/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:pointed|held|pulled|waved) (?:a|his|her) (?:gun|knife|weapon) (?:at|on|to) me\b|\bcame at me with (?:a|the|his|her)\b|\bput (?:his|her) hands (?:around|on) my (?:neck|throat)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:said|says|told me|threatened|threatens|swore|texted|screamed|yelled) (?:that )?(?:he|she|they|my (?:partner|ex|husband|wife|boyfriend|girlfriend)) (?:would|will|is going to|was going to|could|might) (?:\w+ ){0,2}(?:burn|kill|hurt|shoot|stab|beat|strangle|choke|drown|destroy|run over|poison) (?:\w+ ){0,5}?(?:me|us|my|the kids|the children|the baby)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:scared|afraid|terrified|worried|fear|frightened) (?:that )?(?:he|she|they|my ex|my partner|my husband|my wife) (?:will|would|might|is going to|could|may) (?:find (?:me|out where)|track me (?:down)?|come (?:after|for) me|show up|turn up|hunt me)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:laid|lay|put|puts|putting) (?:a finger|his hands|her hands|hands) on me\b|\brestraining order\b|\bprotective order\b|\b(?:women s|domestic violence) shelter\b|\bhiding from (?:him|her|my (?:ex|partner|husband|wife))\b|\bcalled the police (?:on (?:him|her)|because (?:he|she))\b|\bthe police (?:came|were called)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:slammed|slams|banged|bangs|smashed|smashes|threw|throws|pushed|pushes|shoved|shoves|knocked|pinned) (?:my head|me) (?:against|into(?! (?:going|doing|trying|therapy|counseling|counselling|applying|taking|talking|seeing|dating|it|this|that|buying|moving|signing|getting|a (?:decision|relationship|corner)|making|saying|staying|leaving)\b)|onto|on|down|across|to the (?:ground|floor|wall))\b|\b(?:find|bury|hide|dump) (?:my|your) body\b|\bbroke into my (?:apartment|house|flat|home|car|room|place)\b|\bmade me (?:sleep with|have sex|do (?:it|things|stuff|sexual))\b|\b(?:kept|keep|was|were) saying no\b|\bsaid no (?:and|but) (?:he|she|they) (?:did not stop|kept going|carried on|did it anyway)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\bnot allowed to (?:go (?:anywhere|out|outside|home|to work)|see (?:anyone|my friends|my family)|talk to (?:anyone|my friends|my family)|leave)\b|\b(?:scared|afraid|terrified|frightened) to (?:go back|go home|return) (?:to (?:him|her|them|the house|the flat|our place)|home)\b|\b(?:knife|gun|weapon|bat|hammer) (?:\w+ ){0,8}(?:for me|at me|on me|to my (?:throat|neck|head))\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    weight: 1,
    re: /\bchecks my (?:location|phone|messages) every (?:hour|day|night|time)\b|\bsleep(?:ing)? in my car\b|\bwithout (?:him|her|them) (?:knowing|finding out)\b|\b(?:bit|scratched|kicked|spat at) me\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:pillow|hand|hands|bag) (?:over|on) my (?:face|mouth|nose|head)\b|\b(?:would not|did not|will not|wo not) let me breathe\b|\bpunch\w* (?:\w+ ){0,4}walls? (?:next to|beside|by|near|inches from) (?:my|me)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    weight: 1.5,
    re: /\bpunch\w* (?:\w+ ){0,3}walls?\b|\bdo not test me\b|\byou will regret (?:it|this|leaving)\b|\bwatch your back\b|\byou are dead\b|\bi will end you\b|\bhurt my (?:sister|brother|mom|mum|dad|family|kids|friends|parents|dog|cat)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    weight: 1,
    re: /\b(?:a |his |her )?(?:gun|knife|weapon|rifle|pistol)\b|\btracks my (?:phone|location|car)\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    re: /\b(?:threw|throws|hurled|chucked) (?:a|the|his|her|my|an) \w+ at (?:me|my (?:head|face|body))\b|\b(?:will not|wo not|does not|refuses to|did not|would not) (?:give|let me have) (?:me )?(?:back )?my (?:passport|id|keys|phone|money|documents|papers|car)(?: back)?\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    weight: 1,
    re: /\bhiding (?:in|inside) (?:the|my|a) (?:bathroom|bedroom|closet|wardrobe|car|cupboard)\b(?! at)|\b(?:drunk|high) and (?:smashing|breaking|throwing|screaming)\b|\b(?:smashing|breaking|throwing) things\b/g,
  },
  {
    kind: 'partner_danger',
    negatable: true,
    weight: 1.5,
    re: /\bmake sure (?:i|you) (?:never|will never) see (?:my|the|your|our) (?:kids|children|son|daughter|baby)\b|\bregret (?:being born|ever leaving)\b/g,
  },
  // ---- harm to others
  {
    kind: 'harm_to_others',
    negatable: true,
    re: new RegExp(
      `\\b(?:want|wants|wanted|wanna|going|gonna|plan|planning|about|ready|tempted|need|urge|urges) to (?:really )?${HARM_BASE} ${TARGET}\\b`,
      'g',
    ),
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    re: new RegExp(
      `\\b(?:thinking about|think about|thought about|thoughts of|fantasi[sz]e about|fantasi[sz]ing about|dream about|urge to|urges to|plans? to) ${'(?:' + HARM_ING.slice(3, -1) + '|' + HARM_BASE.slice(3, -1) + ')'} ${TARGET}\\b`,
      'g',
    ),
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    re: new RegExp(
      `\\bi (?:will|would|am going to|could|might|swear i will|swear i am going to|am gonna|am about to) (?:really |actually |seriously |literally |genuinely |honestly |just )?(?:hurt|kill|stab|shoot|strangle|murder|beat up|beat|punch|choke|poison|run over|smash) ${TARGET}\\b`,
      'g',
    ),
    accept: NOT_JOKING,
  },
  {
    // Ideation with a strong harm verb, whatever the object: "thought about poisoning his food".
    kind: 'harm_to_others',
    negatable: true,
    re: /\b(?:thought|thinking|think|thoughts|fantasi[sz]\w*|dream\w*|daydream\w*|consider\w*|planning|plan|picture\w*|imagin\w*) (?:about |of )?(?:really )?(?:poisoning|stabbing|shooting|strangling|murdering|smothering|drowning|burning|killing|running over) (?!(?:time|it|myself|my ?self|the mood|the vibe|off|some time)\b)\w+/g,
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    re: /\b(?:make|see|watch|want) (?:him|her|them|my ex) (?:bleed|suffer|hurt|scream|beg)\b|\bwant (?:him|her|them) to (?:bleed|suffer|die)\b/g,
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    weight: 1.5,
    re: /\b(?:slash\w*|key|keyed|smash\w*|set fire to|burn\w*) (?:his|her|their) (?:tyres|tires|car|house|flat|windows|stuff|things)\b/g,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    weight: 1,
    re: /\bwait(?:ing)? for (?:him|her|them) (?:outside|at|after|to come)\b|\bthen wait for (?:him|her|them)\b|\bget (?:back at|revenge on|even with) (?:him|her|them)\b/g,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    re: /\b(?:going to|gonna|will|want to|about to) (?:\w+ ){0,4}?(?:and )?(?:beat|hurt|kill|stab|shoot|strangle|punch) (?:him|her|them)(?: until| so| to death| senseless| up)\b|\bi (?:shook|hit|slapped|smacked|threw|hurt) (?:my|the|our) (?:son|daughter|baby|kid|kids|child|children|toddler|boy|girl)\b/g,
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    weight: 1.5,
    re: /\b(?:scared|afraid|terrified|worried) (?:of what i (?:might|could|will|would) do|i will lose control|i might snap)\b|\bbought (?:a|another) (?:gun|knife|weapon|rifle|pistol)\b/g,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    weight: 1,
    re: /\bknow where (?:he|she|they) (?:lives|live|works|work|sleeps|parks)\b/g,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    re: /\b(?:smash|break|bash|punch|kick|crack|cave|beat|knock)\w* (?:his|her|their|that guy s|that girl s) (?:face|head|legs?|arms?|teeth|jaw|skull|nose|kneecaps?|ribs)(?: in)?\b/g,
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    weight: 1.5,
    re: /\bwant (?:him|her|them) to (?:feel|suffer|know) (?:the |what )?(?:pain|hurt|it)\b/g,
  },
  { kind: 'harm_to_others', negatable: true, weight: 0.5, re: /\bphysically\b/g },
  {
    kind: 'harm_to_others',
    negatable: true,
    re: /\b(?:and|then) (?:\w+ )?(?:stab|shoot|kill|strangle|choke) (?:him|her|them)\b(?! with kindness)|\bput (?:him|her|them) in (?:the|a) (?:hospital|coma|ground|grave)\b|\bsix feet under\b|\bi (?:am going to|will|want to|plan to|am gonna|am about to) (?:\w+ ){0,6}with (?:a|my|the) (?:bat|knife|gun|weapon|crowbar|hammer|machete)\b/g,
    accept: NOT_JOKING,
  },
  {
    // Imagined violence: "I keep picturing running her over", "I want him dead".
    kind: 'harm_to_others',
    negatable: true,
    re: new RegExp(
      `\\b(?:picture|picturing|pictured|imagine|imagining|imagined|fantasi[sz]e|fantasi[sz]ing|daydream|daydreaming|dream|dreaming)(?: about)? (?:${HARM_ING.slice(3, -1)}|running (?:him|her|them) over) ${TARGET}?|\\b(?:run|running|ran) (?:him|her|them|my ex) over\\b|\\b(?:want|wish) (?:him|her|them|my ex) dead\\b|\\bwish (?:he|she|they) (?:was|were) dead\\b|\\bmake (?:him|her|them) suffer\\b`,
      'g',
    ),
    accept: NOT_JOKING,
  },
  {
    // "I'm going to kill Jake": a strong verb with any object that is not an idiom ("kill time").
    kind: 'harm_to_others',
    negatable: true,
    re: /\b(?:i (?:will|am going to|am gonna|swear i will|am about to)|(?:want|going|gonna|plan|planning|ready) to) (?:kill|stab|shoot|murder|strangle|poison) (?!(?:it|time|the mood|the vibe|for|two|this|that|some|myself|me|off|my ?self|a|an|the|every|all|any|someone for)\b)[a-z]+\b/g,
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    re: new RegExp(
      `\\bi (?:hit|slapped|punched|choked|shoved|kicked|attacked|strangled|beat up|bit) ${TARGET}\\b`,
      'g',
    ),
  },
  {
    kind: 'harm_to_others',
    negatable: true,
    re: new RegExp(
      `\\b(?:scared|afraid|worried|terrified) (?:that )?i (?:will|might|could|am going to|would) (?:hurt|harm|kill|hit|shake|snap and hurt) ${TARGET}\\b`,
      'g',
    ),
  },
  // ---- concept cues (lexicon-crisis.ts): word classes and proximity, for unseen wordings
  ...[...SELF_HARM_CUES, ...PARTNER_CUES, ...HARM_CUES, ...SAFETY_NET_CUES].map(
    (c): CrisisPattern => ({
      kind: c.kind,
      re: c.re,
      negatable: c.negatable,
      weight: c.weight,
      accept: cueCheck(c.subject, c.joke ?? false),
    }),
  ),
];

/**
 * Whether a negator ("not", "never", "no") governs the match: one of the 4 words before it in the
 * same clause, not cancelled ("can not stop thinking about killing myself" stays a crisis).
 */
const SAID_WORDS = new Set([
  'said',
  'say',
  'saying',
  'says',
  'him',
  'her',
  'them',
  'told',
  'screamed',
  'kept',
  'begged',
]);

function negatedBefore(text: string, index: number): boolean {
  const before = clauseBefore(text, index, 4);
  // A joining word ends the negation's reach: "not okay and i want to die".
  let cut = -1;
  before.forEach((w, i) => {
    if (w === 'and' || w === 'but' || w === 'so' || w === 'because') cut = i;
  });
  const scope = before.slice(cut + 1);
  for (let i = 0; i < scope.length; i++) {
    if (scope[i] === 'not' || scope[i] === 'never' || scope[i] === 'no' || scope[i] === 'nor') {
      // "I said no, he held me down": a refusal someone reports is not a negation of what follows.
      if (scope[i] === 'no' && i > 0 && SAID_WORDS.has(scope[i - 1])) continue;
      const next = scope[i + 1];
      if (
        next === 'stop' ||
        next === 'help' ||
        next === 'quit' ||
        next === 'sure' ||
        next === 'know' ||
        next === 'one'
      )
        continue;
      return true;
    }
  }
  return false;
}

const PATTERN_GATE = new Gate(PATTERNS.map((p) => p.re.source));

/** Every idiom span, without the prefilter (to check that the prefilter changes nothing). */
function idiomSpansUnfiltered(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of IDIOMS)
    for (const m of text.matchAll(re))
      if (m[0].length > 0) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}

/** Options of {@link detectCrisis}. */
export interface DetectCrisisOptions {
  /**
   * Run only the patterns whose first word occurs in the message (default true). Turning it off
   * runs every pattern; results must be identical, which the tests check.
   */
  prefilter?: boolean;
}

/**
 * A negator right before a harm verb inside a long match ("said he would never hurt me", "told me
 * she'd not hit me again"): the gap in a pattern must not carry the negation past it.
 */
const INNER_NEGATION =
  /\b(?:not|never|no longer) (?:ever |really |again )?(?:kill|hurt|harm|hit|beat|shoot|stab|strangle|choke|slap|punch|touch|lay a (?:finger|hand)|burn|cut|end|do (?:it|that|anything))\b/;

/** A weak pattern counts at most this many different cues. */
const MAX_CUES_PER_PATTERN = 2;

/** Evidence at which a kind counts as detected. */
const CRISIS_THRESHOLD = 2;

/** Priority when one message shows several kinds: self-harm first, then danger, then harm to others. */
const KIND_ORDER: readonly CrisisKind[] = ['self_harm', 'partner_danger', 'harm_to_others'];

/**
 * Detects a crisis in a message: suicide or self-harm (including indirect ways of saying it),
 * danger from a partner (violence, threats, control, being trapped, sexual violence), or harm to
 * others. Returns null for negations ("I'm not suicidal") and idioms ("my feet are killing me").
 * When several kinds show, self-harm comes first, then danger from a partner, then harm to others.
 */
export function detectCrisis(text: string, options: DetectCrisisOptions = {}): CrisisKind | null {
  const norm = crisisCanonical(normalizeText(text).text);
  const heads = wordHeads(norm);
  const candidates = options.prefilter === false ? null : PATTERN_GATE.candidates(heads);
  // Idiom spans are found only once some pattern matched: most messages match none.
  let spans: [number, number][] | null = null;
  const evidence: Record<CrisisKind, number> = {
    self_harm: 0,
    partner_danger: 0,
    harm_to_others: 0,
  };
  // Words already counted by a weak cue, per kind, with the weight counted: weak cues on the same
  // words ("keeps turning up at my work", "turning up at my") are one signal, worth the heaviest.
  const weakSpans: Record<CrisisKind, [number, number, number][]> = {
    self_harm: [],
    partner_danger: [],
    harm_to_others: [],
  };
  for (let i = 0; i < PATTERNS.length; i++) {
    const p = PATTERNS[i];
    if (evidence[p.kind] >= CRISIS_THRESHOLD) continue;
    if (candidates && !candidates[i]) continue;
    // Most messages match no pattern: a plain test is much cheaper than setting up matchAll.
    p.re.lastIndex = 0;
    if (!p.re.test(norm)) continue;
    p.re.lastIndex = 0;
    // A weak pattern may count twice for two different cues it names ("hiding in the bathroom"
    // and "smashing things"); the same words twice count once.
    const seen = new Set<string>();
    for (const m of norm.matchAll(p.re)) {
      const index = m.index ?? 0;
      if (seen.has(m[0])) continue;
      if (p.negatable && (negatedBefore(norm, index) || INNER_NEGATION.test(m[0]))) continue;
      if (p.accept && !p.accept(norm, index, m[0])) continue;
      spans ??= options.prefilter === false ? idiomSpansUnfiltered(norm) : idiomSpans(norm, heads);
      const end = index + m[0].length;
      if (explainedByIdiom(spans, index, end)) continue;
      let weight = p.weight ?? CRISIS_THRESHOLD;
      if (weight < CRISIS_THRESHOLD) {
        let counted = 0;
        for (const [s, e, w] of weakSpans[p.kind])
          if (index < e && s < end && w > counted) counted = w;
        if (weight <= counted) continue;
        weakSpans[p.kind].push([index, end, weight]);
        weight -= counted;
      }
      seen.add(m[0]);
      evidence[p.kind] += weight;
      if (seen.size >= MAX_CUES_PER_PATTERN || evidence[p.kind] >= CRISIS_THRESHOLD) break;
    }
  }
  for (const k of KIND_ORDER) if (evidence[k] >= CRISIS_THRESHOLD) return k;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The safety answer: hand-written, calm, direct, with the steps to get help now.

type Template = (r: SafetyResources) => string;

const SELF_HARM: Template[] = [
  (r) =>
    `I'm really glad you told me, and I want to take what you said seriously. It sounds like you might be thinking about ending your life or hurting yourself. You deserve support right now, not later. If you might act on these thoughts or you're not safe, please call ${r.emergencyNumber} now. You can also reach ${r.crisisLine}, where someone will listen at any hour. If you can, let someone near you know how you're feeling and stay with them. I'm here, and I'd like to keep talking with you. Are you safe right now?`,
  (r) =>
    `Thank you for trusting me with something this heavy. When someone says what you just said, it can mean they're thinking about suicide or self-harm, and that matters more than anything else we could talk about. Please reach out to ${r.crisisLine} now, and if you feel you might hurt yourself soon, call ${r.emergencyNumber}. It can help to move away from anything you could use to hurt yourself and to be near someone you trust. You don't have to carry this alone, and I'm staying right here with you. Would you tell me a little about what's happening?`,
  (r) =>
    `I'm hearing that you're in a lot of pain, and it sounds like thoughts of not wanting to live or of hurting yourself are part of it. That's serious, and you deserve help with it right now. Please call or text ${r.crisisLine}, or call ${r.emergencyNumber} if you're in danger of acting on these thoughts. If there's someone you trust nearby, let them know tonight and ask them to stay with you. I'm not going anywhere, and I want to keep talking with you. What's happening for you right now?`,
];

const PARTNER_DANGER: Template[] = [
  (r) =>
    `What you're describing sounds frightening, and your safety comes first. Being hurt, threatened, controlled or kept from leaving by a partner is not okay, and it is not your fault. If you're in danger right now, please call ${r.emergencyNumber}. For confidential help with staying safe and planning next steps, you can reach ${r.domesticViolenceLine}; they talk with people in situations like yours every day. If it's safe to do so, tell someone you trust where you are. I'm here and I'd like to keep talking with you. Are you somewhere safe at the moment?`,
  (r) =>
    `I'm really glad you told me. What you've shared sounds like you may not be safe with your partner, and that matters more than anything else we could talk about. If you are in immediate danger, call ${r.emergencyNumber}. You can also contact ${r.domesticViolenceLine} for confidential support, including help making a safety plan. If you can, keep your phone charged and close, and think of a place you could go quickly if you need to. You don't have to figure this out alone, and I'm here to keep talking. Are you safe right now?`,
  (r) =>
    `I want to pause on what you just said, because it sounds like you're being hurt or threatened, and your safety is what matters most right now. No one deserves to be treated that way. If you're in danger, please call ${r.emergencyNumber} now. ${r.domesticViolenceLine.charAt(0).toUpperCase() + r.domesticViolenceLine.slice(1)} can help you think through your options in confidence, at your own pace. If you're having thoughts of hurting yourself too, ${r.crisisLine} is there for that. I'm staying with you, and I'd like to keep talking. Where are you right now, and is it safe?`,
];

const HARM_TO_OTHERS: Template[] = [
  (r) =>
    `It sounds like you're carrying a lot of anger or pain right now, maybe enough that you've thought about hurting someone. I'm taking that seriously, and I'm glad you said it out loud instead of acting on it. If you feel you might hurt someone soon, please step away from them and from anything you could use, and call ${r.emergencyNumber}. You can also reach ${r.crisisLine} to talk it through with someone right now. Strong feelings can pass without anyone getting hurt. I'm here, and I'd like to keep talking with you. What's happening for you in this moment?`,
  (r) =>
    `Thank you for being honest about this. When thoughts of harming someone show up, the most important thing is that everyone, you included, stays safe. If there's any chance you could act on it, put some distance between you and that person now and call ${r.emergencyNumber}, or talk to ${r.crisisLine} straight away. Feeling this much doesn't make you a bad person, and you can get help with it. I'm here to keep talking with you. Can you tell me where you are and who's with you right now?`,
  (r) =>
    `I hear how intense this is for you, and I want to be direct: if you're thinking about hurting someone, please get support right now. Move away from the situation if you can, and call ${r.emergencyNumber} if anyone is in danger. ${r.crisisLine.charAt(0).toUpperCase() + r.crisisLine.slice(1)} can help you get through the next few hours. You reached out, which matters. I'm staying right here, and I'd like to keep talking. What would help you feel a little calmer right now?`,
];

const TEMPLATES: Record<CrisisKind, Template[]> = {
  self_harm: SELF_HARM,
  partner_danger: PARTNER_DANGER,
  harm_to_others: HARM_TO_OTHERS,
};

/**
 * The answer to a crisis: calm and direct, names the risk, gives the steps to get help now
 * (emergency number, crisis line, and for danger from a partner a domestic-violence line) and
 * invites the person to keep talking. No coaching blocks. One of several variants, by seed.
 */
export function safetyReply(kind: CrisisKind, resources: SafetyResources, seed = 0): string {
  return pick(TEMPLATES[kind], createRng(seed))(resources);
}
