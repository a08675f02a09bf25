/**
 * The session summary written after every 5th user message: "what we've worked on" and "where
 * we're going next", built only from the conversation state, so it is deterministic.
 */
import { allSupported, assumptionsInText, topicAssumptions } from './conversation/assumptions';
import { unquoted, withApostrophes } from './conversation/own-words';
import {
  currentEx,
  currentPartner,
  hasPartner,
  type ConversationFacts,
  type Happening,
  type Person,
} from './conversation/facts';
import { emotionNoun, joinList, stageGoal, topicPhrase } from './labels';
import { safetySummary } from './safety/aftercare';
import type {
  ConversationState,
  EmotionId,
  KeyFact,
  SessionSummary,
  Stage,
  TopicId,
  TopicProgress,
} from './types';

/** Topics about a relationship that ended: their phrase names the ex ("your breakup with Theo"). */
const ENDED_TOPICS: ReadonlySet<TopicId> = new Set([
  'heartbreak',
  'moving_on',
  'divorce_separation',
]);

/**
 * The name a topic's phrase may carry: the ex for an ending, the current partner for the rest
 * ("moving on from Carmen" said of the woman he is dating now was wrong).
 */
export function nameForTopic(state: ConversationState, topic: TopicId): string | null {
  const facts = state.conversation;
  if (!facts) return state.partnerName;
  const person = ENDED_TOPICS.has(topic) ? currentEx(facts) : currentPartner(facts);
  return person?.name ?? null;
}

/**
 * Whether a topic's phrase is true to say now: it assumes nothing the person never said (an
 * affair), and an ending is not what "we talked about" once they are together again with no ex.
 */
function stateable(facts: ConversationFacts | undefined, topic: TopicId): boolean {
  if (!facts) return true;
  if (!allSupported(facts, topicAssumptions([topic]))) return false;
  return !ENDED_TOPICS.has(topic) || !hasPartner(facts) || currentEx(facts) !== null;
}

/** Topics worked on most first (ties: most recent). */
function topicsByWork(state: ConversationState): TopicId[] {
  const facts = state.conversation;
  return (
    (Object.entries(state.topics) as [TopicId, TopicProgress][])
      .filter(([, p]) => p && p.turns > 0)
      // A topic that assumes what the person never said (an affair, a breakup) is not stated.
      .filter(([t]) => stateable(facts, t))
      .sort((a, b) => b[1].turns - a[1].turns || b[1].lastTurn - a[1].lastTurn)
      .map(([id]) => id)
  );
}

/** Turns the person must have spoken of a topic on for what was looked at under it to be told. */
const EXPLORED_SAID = 2;
/** Turns a feeling must have come up in to be named as one that came up most. */
const FEELING_TURNS = 2;

/** Emotions felt most often, most frequent first (ties: taxonomy order is stable via sort). */
function mainFeelings(state: ConversationState, max: number): EmotionId[] {
  return (Object.entries(state.emotionCounts) as [EmotionId, number][])
    .filter(([e, n]) => e !== 'neutral' && n >= FEELING_TURNS)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([e]) => e);
}

/** "You told me about Alex, your boyfriend, that you were together for 3 years, and that ..." */
function factsSentence(state: ConversationState): string | null {
  const name = state.facts.find(
    (f) => f.kind === 'name' && state.partnerName && f.text.startsWith(state.partnerName),
  );
  const about = name?.text ?? state.partnerName;
  const rest: KeyFact[] = [
    ...state.facts.filter((f) => f.kind === 'duration').slice(-2),
    ...state.facts.filter((f) => f.kind === 'event').slice(-3),
  ];
  const clauses = rest.map((f) => `that ${f.text}`);
  if (about && clauses.length > 0) {
    return `You told me about ${about}, ${clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(', ')}, and ${clauses[clauses.length - 1]}`}.`;
  }
  if (about) return `You told me about ${about}.`;
  if (clauses.length > 0) return `You told me ${joinList(clauses)}.`;
  return null;
}

const ROLE_PHRASE: Record<Person['role'], string> = {
  partner: 'your partner',
  spouse: 'your partner',
  ex: 'your ex',
  date: 'someone you are dating',
  friend: 'your friend',
  sister: 'your sister',
  brother: 'your brother',
  mother: 'your mum',
  father: 'your dad',
  child: 'your child',
  in_law: 'your in-law',
  coworker: 'your coworker',
  other: '',
};

const STATE_PHRASE: Record<NonNullable<ConversationFacts['relationship']>, string> = {
  together: "you're in a relationship",
  married: "you're married",
  engaged: "you're engaged",
  dating: "you're dating",
  situationship: "you're in something undefined with someone",
  broken_up: 'the relationship has ended',
  separated: "you're separated",
  divorced: "you're divorced",
  widowed: 'you lost your partner',
  single: "you're single",
};

/** "You told me about Theo, your ex; that the relationship has ended; and that you have children." */
function peopleSentence(facts: ConversationFacts): string | null {
  const people = facts.people
    .filter((p) => p.name)
    .slice(0, 4)
    // A role is stated only when the user said it in so many words; an inferred one is not.
    .map((p) => {
      // The partner someone lost is not "your partner" now.
      const late =
        facts.relationship === 'widowed' && (p.role === 'partner' || p.role === 'spouse');
      if (late) return `${p.name}, your late partner`;
      // A husband or wife is called that when the person said which ("my husband harold").
      if (p.sure && p.role === 'spouse' && p.pronoun)
        return `${p.name}, your ${p.pronoun === 'he' ? 'husband' : 'wife'}`;
      return p.sure && ROLE_PHRASE[p.role] ? `${p.name}, ${ROLE_PHRASE[p.role]}` : p.name!;
    });
  const clauses: string[] = [];
  if (facts.relationship) clauses.push(`that ${STATE_PHRASE[facts.relationship]}`);
  if (facts.children === true) clauses.push('that you have children');
  if (facts.livingTogether === true && currentPartner(facts))
    clauses.push('that you live together');

  if (people.length === 0 && clauses.length === 0) return null;
  const about = people.length > 0 ? `about ${people.join('; ')}` : '';
  const that = clauses.length > 0 ? joinList(clauses) : '';
  return `You told me ${[about, that].filter(Boolean).join(', and ')}.`;
}

/**
 * Names the user gave, capitalised inside a paraphrase of their words, and without the role they
 * had when it was said ("your girlfriend amy" -> "Amy": she may be an ex by now).
 */
function withNames(text: string, facts: ConversationFacts): string {
  let out = text;
  for (const p of facts.people) {
    if (!p.name) continue;
    const name = p.name.toLowerCase();
    out = out
      .replace(new RegExp(`\\byour (?:[a-z]+[ -]){0,2}?[a-z]+,? ${name}\\b`, 'g'), name)
      .replace(new RegExp(`\\b${name}\\b`, 'g'), p.name);
  }
  return out;
}

/**
 * Whether a sentence only assumes what the remembered facts support (the same lexical check every
 * block passes): a summary sentence must be true now, not only when it was said.
 */
function supported(text: string, facts: ConversationFacts | undefined): boolean {
  return !facts || allSupported(facts, assumptionsInText(text, []));
}

/**
 * A happening as the summary may say it: names capitalised, apostrophes put back, and only if
 * still true now and turned wholly into the second person ("you decided ill talk to njeri" is
 * not: a summary says it plainly or not at all).
 */
function sayable(h: Happening, facts: ConversationFacts): string | null {
  const text = withApostrophes(withNames(h.text, facts));
  if (FIRST_PERSON.test(unquoted(text)) || NOT_AN_EVENT.test(text)) return null;
  return supported(text, facts) ? text : null;
}

/**
 * A sentence that judges or introduces rather than tells what happened ("that is progress, you
 * think", "theres this guy tane in your year").
 */
const NOT_AN_EVENT =
  /^(?:that|this|it)(?:'s|s| is| was)\b|^there(?:'s|s| is| was) (?:this|a|an)\b/i;

/** A first-person word left in a text meant to be in the second person. */
const FIRST_PERSON = /\b(?:i|im|i'm|ill|i'll|ive|i've|id|i'd|me|my|mine|myself)\b/;

const HAPPENING_LEAD: Record<Happening['kind'], string> = {
  event: 'What happened',
  progress: 'What went well',
  plan: 'What you decided',
};

/**
 * What happened, went well and was decided, in the person's own (second-person) words: the kind
 * with the latest news first and the newest of each kind first, so a summary never stops at an
 * early point of a conversation that moved on.
 */
function happeningSentences(facts: ConversationFacts): string[] {
  const kinds = (['event', 'progress', 'plan'] as const)
    .map((kind) => {
      const kept = facts.happenings
        .filter((h) => h.kind === kind)
        .map((h) => ({ turn: h.turn, text: sayable(h, facts) }))
        .filter((h): h is { turn: number; text: string } => h.text !== null)
        .slice(-2)
        .reverse();
      return { kind, kept, latest: kept[0]?.turn ?? -1 };
    })
    .filter((k) => k.kept.length > 0)
    .sort((a, b) => b.latest - a.latest);
  // A quoted question ends its own sentence ("... 'Are we together, yes or no?'").
  return kinds.map((k) =>
    `${HAPPENING_LEAD[k.kind]}: ${k.kept.map((h) => h.text).join('; ')}.`.replace(
      /([?!]['"])[.;]/g,
      '$1',
    ),
  );
}

const NEXT_PURPOSE: Record<Stage, string> = {
  1: 'you feel a little steadier',
  2: 'it starts to make more sense',
  3: 'you can see more clearly what you need',
  4: 'you leave with a step that feels doable',
};

/** Capitalises the first letter of a paragraph. */
function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The session summary: `summaryText` says what we've worked on, latest first (what happened,
 * went well and was decided, newest first; then topics in plain words, the people and the
 * relationship as they stand now, the durations the user gave, the main feelings, what was
 * explored); `nextPlanText` says where we're going next (the next stage of the main topic).
 */
export function summarize(state: ConversationState, notes: readonly string[] = []): SessionSummary {
  const topics = topicsByWork(state);
  const facts = state.conversation;
  const mainSupported = state.mainTopic && stateable(facts, state.mainTopic);
  // Danger at home, or control of the person's own relationship spoken of on two turns or more,
  // is what the conversation was about, whatever topic the coaching read first ("parenting
  // together" with a man who pushed her into the wardrobe); one warning sign named, perhaps
  // misread, is not.
  const harmed =
    state.safety?.concerns.includes('partner_danger') === true ||
    (state.safety?.ownWarnings === true && (state.topics.toxic_or_abusive?.turns ?? 0) >= 2);
  // In place of a main topic that is not true to say, only one the person came back to: a
  // one-turn guess ("trust" from one word, in a story about a friend's boyfriend) is not it.
  const main =
    (harmed ? 'toxic_or_abusive' : null) ??
    (mainSupported ? state.mainTopic : null) ??
    topics.find((t) => (state.topics[t]?.turns ?? 0) >= 2) ??
    null;
  // Beside the main topic, only topics the person came back to: one turn's guess (a "tight chest"
  // read as anxiety) is not something "we talked about".
  const others = topics.filter(
    (t) =>
      t !== main &&
      (state.topics[t]?.turns ?? 0) >= 2 &&
      // Carried along by continuity is not enough: the person's own words named it at least once.
      (state.topics[t]?.said ?? 1) >= 1,
  );
  const ordered = main ? [main, ...others] : others;
  const sentences: string[] = [];
  // Where things stand now comes first: the latest developments, then what they are about.
  if (facts) sentences.push(...happeningSentences(facts));
  if (ordered.length > 0) {
    const phrases = ordered
      .slice(0, 3)
      .map((t, i) => topicPhrase(t, i === 0 ? nameForTopic(state, t) : null))
      .filter((p, i) => i === 0 || supported(p, facts));
    sentences.push(`So far we've talked about ${joinList(phrases)}.`);
  } else if (state.turnCount >= 3) {
    // Topics were read but none is true to say now (they got back together after a breakup):
    // the conversation is still not "only just started".
    // The person the conversation was about: the partner, else the first one named (a friend
    // whose story it is).
    const who = facts
      ? (currentPartner(facts)?.name ??
        facts.people.find((p) => p.name && p.role !== 'other')?.name ??
        null)
      : null;
    sentences.push(
      `So far we've talked about ${who ? `how things are with ${who}` : "what's been happening for you"}.`,
    );
  } else {
    sentences.push(`So far we've only just started to talk about what's on your mind.`);
  }
  if (facts) {
    const told = peopleSentence(facts);
    if (told) sentences.push(told);
    // How long, in the person's words ("you were together for 3 years"), when still true to say.
    const durations = state.facts
      .filter((f) => f.kind === 'duration' && supported(f.text, facts))
      .slice(-2)
      .map((f) => f.text);
    if (durations.length > 0) sentences.push(`You mentioned that ${joinList(durations)}.`);
  } else {
    const told = factsSentence(state);
    if (told) sentences.push(told);
  }
  // Other modules' sentences (a safety concern, named without quoting) go in as given.
  sentences.push(...notes);
  const feelings = mainFeelings(state, 3).map(emotionNoun);
  if (feelings.length === 1) sentences.push(`The feeling that came up most was ${feelings[0]}.`);
  else if (feelings.length > 1)
    sentences.push(`The feelings that came up most were ${joinList(feelings)}.`);
  // What we looked at under a topic the summary does not state (a guess, someone else's story)
  // was not what the conversation was about.
  const stated = new Set<TopicId>(ordered.slice(0, 3));
  const explored = state.explored
    .filter((l) => supported(l, facts))
    // Only what was looked at under a topic the person spoke of on two turns or more: a topic
    // read into one message ("how you each picture the future") never was the conversation.
    .filter((l) => {
      const t = state.exploredTopic?.[l];
      return !t || (stated.has(t) && (state.topics[t]?.said ?? EXPLORED_SAID) >= EXPLORED_SAID);
    })
    .slice(-3);
  if (explored.length > 0) sentences.push(`We looked at ${joinList(explored)}.`);
  const safety = safetySummary(state);
  sentences.push(...safety.sentences);

  let next: string;
  if (!main && state.turnCount >= 3) {
    next = `Next, we'll keep going with what matters most to you now, one step at a time.`;
  } else if (!main) {
    next = `Next, we'll get a clearer picture of what's on your mind, one step at a time.`;
  } else {
    const stage = state.topics[main]?.stage ?? 1;
    const phrase = topicPhrase(main, nameForTopic(state, main));
    if (stage < 4) {
      const upcoming = (stage + 1) as Stage;
      next = `Next, for ${phrase}, we'll turn to ${stageGoal(main, upcoming)}, so ${NEXT_PURPOSE[upcoming]}.`;
    } else {
      next = `Next, we'll keep working on ${stageGoal(main, 4)} for ${phrase}, and check in on how the steps you choose are going.`;
    }
  }
  return { summaryText: sentences.map(cap).join(' '), nextPlanText: cap(safety.next ?? next) };
}
