/**
 * How a sharing turn feels, which decides the words that meet it. A message is met in the frame it
 * ends on: "I said yes! Now I'm worried what Liam will say" is a worry, "I was nervous but it went
 * really well" is good news. Good news in itself (an engagement, booked flights, a place of their
 * own) is good whatever topic it calls up; a worry or complaint said in so many words ("checking
 * my phone", "pretends not to notice") is never good news, even beside a kind word. Else a message
 * that speaks warmly of someone is met warmly even when its background is sad ("divorced 3 years.
 * now i'm seeing carmen. she is wonderful"), and any hard feeling makes it hard. The wording is
 * data (`feeling-cues.json`).
 */
import type { EmotionId } from '../types';
import { soundsGood, soundsLikeProgress } from './acts';
import cues from './feeling-cues.json';
import { anyOf } from '../alternation';

/** How a message feels, for the words that meet it. */
export type Feeling = 'hard' | 'good' | 'plain';

/** Feelings that are not hard ones. */
const EASY_FEELINGS: ReadonlySet<EmotionId> = new Set(['hopeful', 'relieved', 'neutral']);

interface FeelingCues {
  warm: string[];
  news: string[];
  worry: string[];
  others: string[];
  sad_marks: string[];
  /** Sad marks that are not also tears of joy (the crying and pleading faces are). */
  dismayed_marks: string[];
  glad_marks: string[];
  laughing: string[];
  relief: string[];
}

function compile(list: unknown, name: string): RegExp {
  if (!Array.isArray(list) || list.some((p) => typeof p !== 'string'))
    throw new Error(`feeling-cues.json: "${name}" must be a list of patterns`);
  // Unicode mode, so an emoji in a character class is one character, not two halves that
  // would match other emoji ("😂" shares its first half with "😭").
  return anyOf(list as string[], 'u', `feeling-cues.json: "${name}"`);
}

const CUES = cues as FeelingCues;
const WARM = compile(CUES.warm, 'warm');
const NEWS = compile(CUES.news, 'news');
const WORRY = compile(CUES.worry, 'worry');
const OTHERS = compile(CUES.others, 'others');
const SAD_MARKS = compile(CUES.sad_marks, 'sad_marks');
const GLAD_MARKS = compile(CUES.glad_marks, 'glad_marks');
const LAUGHING = compile(CUES.laughing, 'laughing');
const RELIEF = compile(CUES.relief, 'relief');
const DISMAYED = compile(CUES.dismayed_marks, 'dismayed_marks');

/** Lower case with apostrophes dropped, as the patterns are written. */
function plain(text: string): string {
  // Asked again for the text just read on ~60% of the calls (each reading of a message starts here).
  if (text === lastPlainIn) return lastPlainOut;
  lastPlainOut = text.toLowerCase().replace(/['’‘`]/g, '');
  lastPlainIn = text;
  return lastPlainOut;
}
let lastPlainIn: string | null = null;
let lastPlainOut = '';

/** The parts of a message in the order said: sentences, and what follows a "but". */
function clauses(text: string): string[] {
  return plain(text)
    .split(/[.!?;\n…]+|,?\s+but\b|,?\s+though\b/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Whether a sentence says a worry or complaint in so many words ("now im worried ..."). */
export function worryIn(sentence: string): boolean {
  return WORRY.test(plain(sentence));
}

/**
 * Whether a clause brings good news: news in itself (not an ex's), warm words about someone, or
 * what the acts read as good news or a step taken.
 */
export function goodIn(sentence: string, aboutOthers = false): boolean {
  const clause = plain(sentence);
  return (
    (!aboutOthers && NEWS.test(clause)) ||
    WARM.test(clause) ||
    soundsGood(clause) ||
    soundsLikeProgress(clause)
  );
}

/**
 * Whether a message brings good news in itself (an engagement, a place of their own, booked
 * flights), not an ex's, and does not end on a worry: news that is good whatever it calls up.
 */
export function bringsNews(text: string): boolean {
  const lower = plain(text);
  // News told with a dismayed face and no glad mark ("she's 4 months pregnant 😩") is not good
  // news to the person telling it, whatever it would be to someone else. A crying face is not
  // enough: over news it is as often joy ("she replied with a heart 😭").
  return (
    !OTHERS.test(lower) &&
    NEWS.test(lower) &&
    frameOf(text) === 'good' &&
    !(DISMAYED.test(text) && marksOf(text) === 'sad')
  );
}

/**
 * The frame a message ends on: 'worry' when the last of its parts that says either a worry or
 * good news says a worry, 'good' when it says good news, null when none says either.
 */
export function frameOf(text: string): 'good' | 'worry' | null {
  const aboutOthers = OTHERS.test(plain(text));
  const parts = clauses(text);
  for (let i = parts.length - 1; i >= 0; i--) {
    const worry = worryIn(parts[i]);
    const good = goodIn(parts[i], aboutOthers);
    // One part with both ("so excited but nervous" split apart; "nervous, it went well" not):
    // the worry is the one still open.
    if (worry) return 'worry';
    if (good) return 'good';
  }
  return null;
}

/**
 * Whether a message says a worry turned out to be nothing ("nvm its his cousin", "false alarm,
 * phew"), which is met as relief rather than as something hard to sit with.
 */
export function reliefIn(text: string): boolean {
  const lower = plain(text);
  return RELIEF.test(lower) && !WORRY.test(lower);
}

/**
 * The feeling the marks of a message carry when its words carry none: a crying face over news is
 * hard ("so not december, march 😭"), a smile or "!!" glad, and glad with a crying face beside it
 * ("she said yes!! 😭"); a crying face beside a laugh is laughter ("lmao 😭"), and says nothing.
 */
function marksOf(text: string): 'sad' | 'glad' | null {
  if (LAUGHING.test(plain(text))) return null;
  // A crying face beside a glad mark is overwhelmed joy ("we're back together 🥹😭").
  if (GLAD_MARKS.test(text)) return 'glad';
  if (SAD_MARKS.test(text)) return 'sad';
  return null;
}

/**
 * The feeling of a message. `inferred` says the emotions were guessed from its topic, not found
 * in its words: a guessed sadness does not outweigh warm words about someone.
 */
export function feelingOf(
  text: string,
  emotions: readonly EmotionId[],
  inferred: boolean,
): Feeling {
  const frame = frameOf(text);
  if (frame === 'worry') return 'hard';
  if (soundsGood(text) || bringsNews(text) || reliefIn(text)) return 'good';
  const lower = plain(text);
  const hard = emotions.some((e) => !EASY_FEELINGS.has(e));
  if ((!hard || inferred) && WARM.test(lower)) return 'good';
  const marks = marksOf(text);
  if (marks === 'sad') return 'hard';
  if (marks === 'glad' && (!hard || inferred)) return 'good';
  return hard ? 'hard' : 'plain';
}
