/**
 * Follow-up prompts (the API's `Followup`, answered in style `CHECK_IN`): a message from Amora that refers back to the session (its title or main
 * topic, and the last thing explored) and asks an open question, so the conversation reads
 * naturally when the user answers.
 */
import { isTopicId } from './detect';
import { NAME_STOPLIST } from './extract';
import { topicPhrase } from './labels';
import { hashString } from './rng';
import { nameForTopic } from './summary';
import { safetyFollowup } from './safety/aftercare';
import type { ConversationState } from './types';

const QUESTIONS = [
  'How have you been feeling since?',
  'How have things been since then?',
  "What's been on your mind since we last talked?",
  'How are you doing with it today?',
];

/** Titles that say nothing about the content ("New session", "Chat 3"). */
const GENERIC_TITLE =
  /^(?:(?:new|untitled|my|a|first|another)\s+)?(?:session|chat|conversation|check-?in|talk|coaching|untitled|default|notes?)s?(?:\s*#?\d+)?$/i;

/** First words after which a title reads well with "your" in front ("Work stuff" -> "your work stuff"). */
const YOUR_NOUNS = new Set(
  `breakup break-up divorce separation marriage relationship relationships feelings ex boyfriend girlfriend husband
  wife partner family work job parents in-laws kids children mom mum dad mother father career money future health
  sleep grief confidence self-esteem friendship friends crush mood worries fears thoughts situationship engagement
  wedding ldr long-distance first`.split(/\s+/),
);
/** First words that read better with "the" ("Fights with Sam" -> "the fights with Sam"). */
const THE_NOUNS = new Set(
  'fights fight arguments argument affair distance situation move holidays problem problems issue issues'.split(
    /\s+/,
  ),
);
/** First words that read best as they are, lower-cased ("Jealousy" -> "jealousy", "Things with Sam"). */
const PLAIN_NOUNS = new Set(
  `things stuff everything life love dating trust jealousy loneliness anxiety intimacy commitment communication
  boundaries heartbreak cheating infidelity sex stress loss`.split(/\s+/),
);
/** Single words that are not a topic at all ("Help", "Update"): the title then says nothing. */
const EMPTY_WORDS = new Set(
  'help hi hello hey update question questions advice vent rant today tonight test new untitled chat talk me us'.split(
    /\s+/,
  ),
);

/** Second-person version of a title's own words ("me & Sam" -> "you and Sam"). */
function toSecondPerson(t: string): string {
  return t
    .replace(/&/g, 'and')
    .replace(/\bI['’]m\b/gi, "you're")
    .replace(/\bI\b/g, 'you')
    .replace(/\bme\b/gi, 'you')
    .replace(/\bmy\b/gi, 'your')
    .replace(/\bmine\b/gi, 'yours')
    .replace(/\bmyself\b/gi, 'yourself')
    .replace(/\bwe\b/gi, 'you')
    .replace(/\bour\b/gi, 'your')
    .replace(/\bus\b/g, 'you');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * How a session title reads after "we talked about", or null for a generic title.
 * "Breakup with Alex" -> "your breakup with Alex", "me & Sam" -> "you and Sam",
 * "Moving on" -> "moving on", "Sam" -> "Sam", anything else -> `what you called "..."`.
 */
export function titlePhrase(title: string): string | null {
  const t = title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!:;,\s]+$/, '');
  if (!t || GENERIC_TITLE.test(t)) return null;
  const quoted = `what you called "${t.replace(/["“”]/g, '')}"`;
  if (/[?{}]/.test(t)) return quoted;
  const words = t.split(' ');
  const first = words[0].toLowerCase();
  if (words.length === 1 && (EMPTY_WORDS.has(first) || NAME_STOPLIST.has(first))) return null;
  if (
    [
      'your',
      'the',
      'a',
      'an',
      'this',
      'that',
      'his',
      'her',
      'their',
      'my',
      'our',
      'me',
      'i',
      'we',
      'you',
    ].includes(first)
  ) {
    const converted = toSecondPerson(t);
    return /^\p{Lu}\p{Ll}/u.test(converted) && !/^I\b/.test(converted)
      ? lowerFirst(converted)
      : converted;
  }
  if (THE_NOUNS.has(first)) return `the ${lowerFirst(toSecondPerson(t))}`;
  if (PLAIN_NOUNS.has(first)) return lowerFirst(toSecondPerson(t));
  if (YOUR_NOUNS.has(first)) return `your ${lowerFirst(toSecondPerson(t))}`;
  if (/^\p{Lu}\p{Ll}+$/u.test(words[0]) && (words.length === 1 || /^(and|&)$/i.test(words[1])))
    return toSecondPerson(t);
  if (/ing$/i.test(first) && words[0] === words[0].replace(/^\p{Lu}/u, (c) => c))
    return lowerFirst(toSecondPerson(t));
  return quoted;
}

/**
 * A check-in prompt for a session, e.g. "Last time we talked about your breakup with Alex and
 * what you miss most. How have you been feeling since?". Uses the title (or the main topic when
 * the title says nothing) and the last thing explored; works with no state at all.
 */
export function followupPrompt(
  session: { title: string; primaryTopic: string | null },
  state: ConversationState | null,
): string {
  // After a session left in safety mode, a check-in asks whether the person is safe first.
  const safety = safetyFollowup(state, session.title);
  if (safety) return safety;
  const topic =
    state?.mainTopic ??
    (session.primaryTopic && isTopicId(session.primaryTopic) ? session.primaryTopic : null);
  const subject =
    titlePhrase(session.title) ??
    (topic ? topicPhrase(topic, state ? nameForTopic(state, topic) : null) : null);
  const explored = state?.explored[state.explored.length - 1] ?? null;
  const question =
    QUESTIONS[hashString(`${session.title}|${state?.turnCount ?? 0}`) % QUESTIONS.length];
  if (!subject && !explored) return `I wanted to check in on how you're doing. ${question}`;
  const about = subject && explored ? `${subject} and ${explored}` : (subject ?? explored)!;
  return `Last time we talked about ${about}. ${question}`;
}
