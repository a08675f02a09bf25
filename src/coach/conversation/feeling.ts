/**
 * How a sharing turn feels, which decides the words that meet it: good news is good whatever word
 * of worry it has, a message that speaks warmly of someone is met warmly even when its background
 * is sad ("divorced 3 years. now i'm seeing carmen. she is wonderful"), else any hard feeling
 * makes it hard. Warm wording is data (`feeling-cues.json`).
 */
import type { EmotionId } from '../types';
import { soundsGood } from './acts';
import cues from './feeling-cues.json';

/** How a message feels, for the words that meet it. */
export type Feeling = 'hard' | 'good' | 'plain';

/** Feelings that are not hard ones. */
const EASY_FEELINGS: ReadonlySet<EmotionId> = new Set(['hopeful', 'relieved', 'neutral']);

const WARM: readonly RegExp[] = (cues as { warm: string[] }).warm.map((p) => new RegExp(p));

/** Lower case with apostrophes dropped, as the patterns are written. */
function plain(text: string): string {
  return text.toLowerCase().replace(/['’‘`]/g, '');
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
  if (soundsGood(text)) return 'good';
  const hard = emotions.some((e) => !EASY_FEELINGS.has(e));
  if ((!hard || inferred) && WARM.some((re) => re.test(plain(text)))) return 'good';
  return hard ? 'hard' : 'plain';
}
