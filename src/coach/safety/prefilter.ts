/**
 * The prefilter. Over 300 regexes each scanning every message cost more than the whole turn budget
 * allows, and most of them cannot match because their first word is absent. Each regex's possible
 * first words are read from its source once, at load, with the words it requires later; per
 * message only the regexes whose first word (its first three letters) and every required later word
 * occur are run. Where the source cannot be read safely the regex always runs (or that word is not
 * required), so the prefilter can only save work, never drop a match (a test checks this).
 */
/**
 * Calls `visit` with each character of a regex source from `from` on that is neither escaped nor
 * inside a character class, and its index; stops when `visit` returns true.
 */
function walkSource(src: string, from: number, visit: (c: string, k: number) => boolean | void) {
  let inClass = false;
  for (let k = from; k < src.length; k++) {
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
    else if (visit(c, k)) return;
  }
}

/** Index of the matching ")" for the "(" at i. */
export function groupEnd(src: string, i: number): number {
  let depth = 0;
  let end = -1;
  walkSource(src, i, (c, k) => {
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) end = k;
    return end >= 0;
  });
  return end;
}

/** Top-level alternatives of a regex source (or of a group's content). */
export function splitAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  walkSource(src, 0, (c, k) => {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, k));
      start = k + 1;
    }
  });
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
    const inner = seq.slice(seq.startsWith('(?:', i) ? i + 3 : i + 1, end);
    // An optional group ("(?:a |the )?knife"): the match starts in it or, without it, after it.
    const optional = /^(?:\?\??|\*\??)/.exec(seq.slice(end + 1))?.[0] ?? '';
    if (q === '{') return null;
    const rest = seq.slice(end + 1 + optional.length) + next;
    const keys: string[] = [];
    for (const a of splitAlternatives(inner)) {
      const k = leadKeys(a, rest);
      if (!k) return null;
      keys.push(...k);
    }
    if (optional) {
      const after = leadKeys(rest, '');
      if (!after) return null;
      keys.push(...after);
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

/** Whether every alternative of a group's content ends with a literal space ("(so |really )"). */
function endsWithSpace(inner: string): boolean {
  return splitAlternatives(inner).every((a) => a.endsWith(' ') && !a.endsWith('\\ '));
}

/**
 * Keys of each required element of a branch that starts a word: every match also contains, for
 * each element, a word starting with one of its keys ("my (phone|laptop)" gives "pho", "lap").
 * An element starts a word when it follows a literal space or `\b`, or an optional group each of
 * whose alternatives ends with a space and which itself stands where a word starts ("he (is |are
 * )?(so |really )?(jealous|possessive)": "jealous" follows a space whether or not the groups
 * matched). Conditions next to the first word, each usually rarer than it: a rule's first word is
 * often as common as "i" or "my".
 */
function laterKeys(branch: string): string[][] {
  const out: string[][] = [];
  // Whether the position reached starts a word (the branch's start is left to its first word).
  let start = false;
  for (let i = 0; i < branch.length;) {
    const c = branch[i];
    if (c === '\\') {
      start = branch[i + 1] === 'b';
      i += 2;
      continue;
    }
    if (c === '[') {
      let k = i + 1;
      while (k < branch.length && branch[k] !== ']') k += branch[k] === '\\' ? 2 : 1;
      start = false;
      i = k + 1;
      continue;
    }
    if (c === '(') {
      const end = groupEnd(branch, i);
      if (end < 0) return out;
      const look = /^\(\?<?[=!]/.test(branch.slice(i, i + 4));
      const q = branch[end + 1];
      const optional =
        q === '?' || q === '*' || (q === '{' && /^\{0[,}]/.test(branch.slice(end + 1)));
      if (!look && !optional && start) {
        const keys = leadKeys(branch.slice(i, end + 1), branch.slice(end + 1));
        if (keys) out.push(keys);
      }
      // A lookaround consumes nothing; a group whose every alternative ends with a space ends
      // where a word starts, and when optional leaves the position as it was if skipped.
      if (!look) {
        const inner = branch.slice(branch.startsWith('(?:', i) ? i + 3 : i + 1, end);
        const spaced = !branch.startsWith('(?<', i) && endsWithSpace(inner);
        start = spaced && (start || !optional);
      }
      // Past its quantifier too, which is not a character of the text.
      i = end + 1 + (/^(?:[?*+]|\{\d*,?\d*\})\??/.exec(branch.slice(end + 1))?.[0].length ?? 0);
      continue;
    }
    if (/[a-z]/.test(c) && start) {
      let k = i;
      while (k < branch.length && /[a-z]/.test(branch[k])) k++;
      const q = branch[k];
      // A word whose last letter is optional still has its other letters; one made optional as a
      // whole ("a?") is skipped by leadKeys, which drops the letter the quantifier applies to.
      if (q !== '*' && !(q === '{' && /^\{0[,}]/.test(branch.slice(k)))) {
        const keys = leadKeys(branch.slice(i), '');
        if (keys) out.push(keys);
      }
    }
    start = c === ' ';
    i++;
  }
  return out;
}

/** One branch of a regex for the prefilter: keys its first word needs, and keys each later word needs. */
interface GateBranch {
  first: readonly string[];
  later: readonly (readonly string[])[];
}

/**
 * Where a branch's first word starts in its source, or -1 when unknown: after `\b`, or where the
 * text (or a line) starts, `^`. What may come before consumes nothing the words need: lookarounds
 * consume nothing (and the words they ask for or forbid are not required), and `.*` lets the rest
 * start anywhere, which is why a `\b` must then follow. "^(?!.*\bor\b).*\bdtr\b" starts at "dtr";
 * "^(so |but )?should i" at the group.
 */
function wordStart(branch: string): number {
  let i = 0;
  let anchored = false;
  for (;;) {
    if (branch[i] === '^') {
      anchored = true;
      i++;
    } else if (/^\(\?<?[=!]/.test(branch.slice(i, i + 4))) {
      const end = groupEnd(branch, i);
      if (end < 0) return -1;
      i = end + 1;
    } else if (branch.startsWith('.*', i)) {
      anchored = false;
      i += branch[i + 2] === '?' ? 3 : 2;
    } else break;
  }
  if (branch.startsWith('\\b', i)) return i + 2;
  return anchored ? i : -1;
}

/** Branches of a regex source, or null when some branch may start anywhere (then it always runs). */
function gateBranches(source: string): GateBranch[] | null {
  const out: GateBranch[] = [];
  for (const branch of splitAlternatives(source)) {
    const start = wordStart(branch);
    if (start < 0) return null;
    const first = leadKeys(branch.slice(start), '');
    const later = laterKeys(branch.slice(start));
    // A first word that cannot be read ("(1[2-9]|thirteen) ... age gap"): a later required
    // word stands in for it.
    if (first) out.push({ first, later });
    else if (later.length > 0) out.push({ first: later[0], later: later.slice(1) });
    else return null;
  }
  return out;
}

/**
 * Key ids, shared by every gate: the crisis rules, idioms, warning signs and checks all read one
 * canonical text, whose heads are then looked up once ({@link headIds}) instead of once per gate.
 */
const KEY_IDS = new Map<string, number>();
let lastIdsOf: ReadonlySet<string> | null = null;
let lastIdsKeys = 0;
let lastIds = new Int32Array(0);

/** The ids of the heads that are some gate's keys (remembered for the last set of heads). */
function headIds(heads: ReadonlySet<string>): Int32Array {
  // A gate built since would have keys the remembered ids lack.
  if (heads === lastIdsOf && KEY_IDS.size === lastIdsKeys) return lastIds;
  const ids: number[] = [];
  for (const h of heads) {
    const k = KEY_IDS.get(h);
    if (k !== undefined) ids.push(k);
  }
  lastIdsOf = heads;
  lastIdsKeys = KEY_IDS.size;
  lastIds = Int32Array.from(ids);
  return lastIds;
}

/**
 * A prefilter over a list of regexes: which of them can match, given the message's word heads.
 * Keys are numbered once so that the per-message work is integer array lookups only.
 */
export class Gate {
  /**
   * The branches, flat (nested arrays and one typed array per word cost more in pointer chasing
   * and cache misses than the lookups themselves): per key id k, the branches whose first word may
   * start with k are `byFirst[firstStart[k] .. firstStart[k + 1])`. Branch b belongs to regex
   * `regexOf[b]` and its later words are groups `groupStart[b] .. groupStart[b + 1]`; group g's
   * keys are `groupKeys[keyStart[g] .. keyStart[g + 1])`. A regex may match when one of its
   * branches has its first key and, for each later word, one of its keys present.
   */
  private readonly firstStart: Int32Array;
  private readonly byFirst: Int32Array;
  private readonly regexOf: Int32Array;
  private readonly groupStart: Int32Array;
  private readonly keyStart: Int32Array;
  private readonly groupKeys: Int32Array;
  private readonly always: number[] = [];
  private readonly count: number;
  /** Scratch for one call, all zero between calls. */
  private readonly present: Uint8Array;
  private readonly found: Int32Array;

  constructor(sources: readonly string[]) {
    const id = (k: string) => {
      let n = KEY_IDS.get(k);
      if (n === undefined) {
        n = KEY_IDS.size;
        KEY_IDS.set(k, n);
      }
      while (firsts.length <= n) firsts.push([]);
      return n;
    };
    const firsts: number[][] = [];
    const regexOf: number[] = [];
    const groupStart: number[] = [0];
    const keyStart: number[] = [0];
    const groupKeys: number[] = [];
    this.count = sources.length;
    sources.forEach((src, i) => {
      const parsed = gateBranches(src);
      if (!parsed) {
        this.always.push(i);
        return;
      }
      for (const b of parsed) {
        const branch = regexOf.length;
        regexOf.push(i);
        for (const keys of b.later) {
          for (const k of new Set(keys)) groupKeys.push(id(k));
          keyStart.push(groupKeys.length);
        }
        groupStart.push(keyStart.length - 1);
        for (const k of new Set(b.first)) firsts[id(k)].push(branch);
      }
    });
    // Every key known so far has its (maybe empty) range, so that any id below `present.length`
    // can be looked up; keys of gates built later are beyond it and skipped.
    while (firsts.length < KEY_IDS.size) firsts.push([]);
    this.firstStart = new Int32Array(firsts.length + 1);
    firsts.forEach((f, k) => (this.firstStart[k + 1] = this.firstStart[k] + f.length));
    this.byFirst = Int32Array.from(firsts.flat());
    this.regexOf = Int32Array.from(regexOf);
    this.groupStart = Int32Array.from(groupStart);
    this.keyStart = Int32Array.from(keyStart);
    this.groupKeys = Int32Array.from(groupKeys);
    this.present = new Uint8Array(firsts.length);
    this.found = new Int32Array(firsts.length);
  }

  /** Flags, per regex, whether it may match a message with these word heads. */
  candidates(heads: ReadonlySet<string>): Uint8Array {
    const out = new Uint8Array(this.count);
    for (const i of this.always) out[i] = 1;
    const { present, found, firstStart, byFirst, regexOf, groupStart, keyStart, groupKeys } = this;
    let nFound = 0;
    const ids = headIds(heads);
    for (let h = 0; h < ids.length; h++) {
      const k = ids[h];
      if (k < present.length && present[k] === 0) {
        present[k] = 1;
        found[nFound++] = k;
      }
    }
    for (let f = 0; f < nFound; f++) {
      const k = found[f];
      // Its first word is there; the branch must also find each of its later words.
      for (let x = firstStart[k], xEnd = firstStart[k + 1]; x < xEnd; x++) {
        const b = byFirst[x];
        const i = regexOf[b];
        if (out[i] === 1) continue;
        let all = true;
        for (let g = groupStart[b], gEnd = groupStart[b + 1]; g < gEnd && all; g++) {
          let one = false;
          for (let j = keyStart[g], jEnd = keyStart[g + 1]; j < jEnd && !one; j++)
            one = present[groupKeys[j]] === 1;
          all = one;
        }
        if (all) out[i] = 1;
      }
    }
    for (let f = 0; f < nFound; f++) present[found[f]] = 0;
    return out;
  }
}

const NON_ALNUM = /[^a-z0-9]+/;
let lastHeadsText: string | null = null;
let lastHeads: ReadonlySet<string> | null = null;

/**
 * First three letters of every word (whole words when shorter), the keys {@link Gate} looks up.
 * The last text's are kept: the crisis rules and the warning signs read the same canonical text.
 */
export function wordHeads(text: string): ReadonlySet<string> {
  if (text === lastHeadsText && lastHeads) return lastHeads;
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
  lastHeadsText = text;
  lastHeads = heads;
  return heads;
}
