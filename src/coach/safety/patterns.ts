/**
 * Crisis patterns: the rules of `data/*.json` compiled to regexes, each with the checks that keep
 * it honest (who the act is about, whether it was said as a joke, whether "hit me" had a person
 * as its subject), and the idiom spans that explain a cue away ("this job is suicide").
 */
import type { DetectedKind } from '../types';
import { IDIOM_SOURCES, RULES, type CueSubject, type RuleCheck, type RuleSpec } from './load';

/** One crisis pattern over canonical text (lowercase, contractions expanded, " . " clauses). */
export interface CrisisPattern {
  kind: DetectedKind;
  re: RegExp;
  /** Whether a negator just before the match in the same clause cancels it ("not suicidal"). */
  negatable: boolean;
  /** Extra check on the match; false means it was an idiom, a joke or someone else, not a crisis. */
  accept?: (text: string, index: number, match: string) => boolean;
  /**
   * Evidence this pattern adds (default 2). A kind is detected at 2: clear statements reach it
   * alone; weaker cues ("I'm done", "letters to my mum", "no way out") need company.
   */
  weight?: number;
  /** Says the act plainly: not held back by the classifier's low reading (see `RuleSpec.plain`). */
  plain?: boolean;
}

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
export function clauseBefore(text: string, index: number, words = 5): string[] {
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

/** Named checks a rule may ask for in its data file. */
const CHECKS: Record<RuleCheck, NonNullable<CrisisPattern['accept']>> = {
  personSubject: (text, index) => personSubject(text, index),
  // "a bruised ego" is not a bruise.
  notBruisedEgo: (text, index) => !/^ego\b/.test(text.slice(index).split(' ')[1] ?? ''),
};

/** A rule compiled to a pattern, with the checks it names. */
export function compilePattern(rule: RuleSpec): CrisisPattern {
  const byWho = cueCheck(rule.subject, rule.joke ?? false);
  const named = rule.check ? CHECKS[rule.check] : undefined;
  const accept =
    byWho && named
      ? (t: string, i: number, m: string) => named(t, i, m) && byWho(t, i, m)
      : (byWho ?? named);
  return {
    kind: rule.kind,
    re: new RegExp(rule.source, 'g'),
    negatable: rule.negatable,
    ...(rule.weight !== undefined ? { weight: rule.weight } : {}),
    ...(rule.plain ? { plain: true } : {}),
    ...(accept ? { accept } : {}),
  };
}

/** Every crisis pattern, in the order of the data files. */
export const PATTERNS: readonly CrisisPattern[] = RULES.map(compilePattern);

/** Idiom and reference spans: a cue that ends inside one is explained by it and dropped. */
export const IDIOMS: readonly RegExp[] = IDIOM_SOURCES.map((src) => new RegExp(src, 'g'));
