/**
 * Plain words for ids: how a topic, a stage goal or an emotion reads inside a sentence written to
 * the user ("your breakup with Alex", "what happened and how it ended", "sadness"). Used by
 * summaries, check-ins and the "explored" labels.
 */
import * as path from 'node:path';
import { isRecord, readDataFile, stringList } from './data-file';
import { TOPICS, type EmotionId, type Stage, type TopicId } from './types';

/** How each topic reads after "we talked about"; `{name}` parts are dropped when no name is known. */
const TOPIC_PHRASES: Record<TopicId, { plain: string; withName?: string }> = {
  heartbreak: { plain: 'your breakup', withName: 'your breakup with {name}' },
  moving_on: { plain: 'moving on', withName: 'moving on from {name}' },
  marriage_strain: {
    plain: 'the strain in your marriage',
    withName: 'the strain in your marriage with {name}',
  },
  divorce_separation: { plain: 'your separation', withName: 'your separation from {name}' },
  cheating: { plain: 'being cheated on', withName: 'finding out that {name} cheated' },
  cheating_self: {
    plain: 'the guilt after cheating',
    withName: 'what happened behind {name}’s back and the guilt since',
  },
  trust: { plain: 'trust in your relationship', withName: 'trust between you and {name}' },
  jealousy: { plain: 'jealousy', withName: 'the jealousy between you and {name}' },
  communication: {
    plain: 'communication in your relationship',
    withName: 'how you and {name} talk to each other',
  },
  conflict: { plain: 'the fights in your relationship', withName: 'the fights with {name}' },
  dating: { plain: 'dating', withName: 'dating {name}' },
  situationship: { plain: 'your situationship', withName: 'your situationship with {name}' },
  loneliness: { plain: 'loneliness' },
  self_worth: { plain: 'how you see your own worth' },
  boundaries: { plain: 'boundaries', withName: 'boundaries with {name}' },
  family_pressure: { plain: 'pressure from family' },
  long_distance: {
    plain: 'your long-distance relationship',
    withName: 'the distance between you and {name}',
  },
  intimacy: { plain: 'intimacy in your relationship', withName: 'intimacy with {name}' },
  commitment: {
    plain: 'where your relationship is heading',
    withName: 'where things with {name} are heading',
  },
  patterns: { plain: 'the patterns in your relationships' },
  parenting_strain: {
    plain: 'parenting and your relationship',
    withName: 'parenting together with {name}',
  },
  toxic_or_abusive: { plain: 'how you are being treated', withName: 'how {name} treats you' },
  anxiety_distress: { plain: 'the anxiety you have been feeling' },
  low_mood: { plain: 'your low mood' },
};

/** How a topic reads inside a sentence, with the partner's name when it is known. */
export function topicPhrase(topic: TopicId, partnerName: string | null): string {
  const p = TOPIC_PHRASES[topic];
  return partnerName && p.withName ? p.withName.replace('{name}', partnerName) : p.plain;
}

/**
 * What each stage of a topic is about, in plain words, per topic (stage 1..4). They read after
 * "we looked at" and double as "explored" labels when a block gives none.
 */
const STAGE_GOALS: Record<TopicId, readonly string[]> = (() => {
  const file = 'stage-goals.json';
  const data = readDataFile('Lexicon', path.join(__dirname, 'lexicons'), file);
  if (!isRecord(data)) throw new Error(`Lexicon ${file}: must map topics to goals`);
  const out = {} as Record<TopicId, readonly string[]>;
  for (const t of TOPICS) {
    const goals = stringList('Lexicon', file, t, data[t]);
    if (goals.length !== 4) throw new Error(`Lexicon ${file}: ${t} needs one goal per stage (4)`);
    out[t] = goals;
  }
  return out;
})();

/** The plain-words goal of a topic at a stage ("what happened and how it ended"). */
export function stageGoal(topic: TopicId, stage: Stage): string {
  return STAGE_GOALS[topic][stage - 1];
}

const EMOTION_NOUNS: Record<EmotionId, string> = {
  sad: 'sadness',
  hurt: 'hurt',
  angry: 'anger',
  anxious: 'anxiety',
  confused: 'confusion',
  lonely: 'loneliness',
  jealous: 'jealousy',
  guilty: 'guilt',
  betrayed: 'betrayal',
  overwhelmed: 'overwhelm',
  frustrated: 'frustration',
  hopeless: 'hopelessness',
  scared: 'fear',
  numb: 'numbness',
  hopeful: 'hope',
  relieved: 'relief',
  neutral: 'calm',
};

/** An emotion as a noun ("sadness", "anger"). */
export function emotionNoun(e: EmotionId): string {
  return EMOTION_NOUNS[e];
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const SUBJECT_WORDS =
  /^(?:you|your|he|she|they|it|this|that|the|there|\{partner\}|\{partner_possessive\}|\p{Lu}\p{Ll}+)$/u;

/**
 * Turns an exploration question into a plain-words label that reads after "we looked at":
 * "What do you miss most about Alex?" -> "what you miss most about Alex",
 * "What is weighing on you most right now, ...?" -> "what is weighing on you most right now",
 * "What would help you feel steadier?" -> "what would help you feel steadier".
 * Returns null when the question does not turn into a clean phrase (yes/no questions, past
 * tense inversions); callers then fall back to the stage goal.
 */
export function questionToLabel(question: string): string | null {
  const full = question.trim().replace(/\?$/, '');
  let q = full.split(/,|;| - | – | — /)[0].trim();
  // Cut at a comma only when a whole thought is left ("What kind of contact, if any, ..." is not).
  if (q !== full && q.split(/\s+/).length < 5) return null;
  q = q.replace(/\s+/g, ' ');
  const words = q.split(' ');
  if (words.length < 3) return null;
  const wh = words[0].toLowerCase();
  if (!['what', 'how', 'who', 'which', 'where', 'why', 'when'].includes(wh)) return null;
  const aux = words[1].toLowerCase();
  const third = words[2];
  let label: string | null = null;
  if (['do'].includes(aux) && third.toLowerCase() === 'you') {
    label = [wh, 'you', ...words.slice(3)].join(' ');
  } else if (
    ['would', 'could', 'can', 'might', 'will', 'should'].includes(aux) &&
    third.toLowerCase() === 'you'
  ) {
    label = [wh, 'you', aux, ...words.slice(3)].join(' ');
  } else if (['are'].includes(aux) && third.toLowerCase() === 'you') {
    label = [wh, 'you', 'are', ...words.slice(3)].join(' ');
  } else if (
    (wh === 'what' || wh === 'who') &&
    !['do', 'does', 'did', 'are', 'were', 'am'].includes(aux)
  ) {
    // "What is weighing on you", "Who in your life knows": the wh-word is the subject already,
    // unless an inverted subject follows ("What would {partner} need" needs conjugation).
    if (
      ['would', 'could', 'can', 'might', 'will', 'should', 'is', 'was', 'has', 'had'].includes(
        aux,
      ) &&
      SUBJECT_WORDS.test(third)
    ) {
      return null;
    }
    label = [wh, ...words.slice(1)].join(' ');
  }
  if (!label) return null;
  const n = label.split(' ').length;
  if (n < 3 || n > 11) return null;
  return label;
}
