/**
 * The session summary written after every 5th user message: "what we've worked on" and "where
 * we're going next", built only from the conversation state, so it is deterministic.
 */
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

/** Topics worked on most first (ties: most recent). */
function topicsByWork(state: ConversationState): TopicId[] {
  return (Object.entries(state.topics) as [TopicId, TopicProgress][])
    .filter(([, p]) => p && p.turns > 0)
    .sort((a, b) => b[1].turns - a[1].turns || b[1].lastTurn - a[1].lastTurn)
    .map(([id]) => id);
}

/** Emotions felt most often, most frequent first (ties: taxonomy order is stable via sort). */
function mainFeelings(state: ConversationState, max: number): EmotionId[] {
  return (Object.entries(state.emotionCounts) as [EmotionId, number][])
    .filter(([e, n]) => e !== 'neutral' && n > 0)
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
 * The session summary: `summaryText` says what we've worked on (topics in plain words, the
 * partner's name and the durations and events the user gave, the main feelings, what was
 * explored); `nextPlanText` says where we're going next (the next stage of the main topic).
 */
export function summarize(state: ConversationState): SessionSummary {
  const topics = topicsByWork(state);
  const main = state.mainTopic ?? topics[0] ?? null;
  const ordered = main ? [main, ...topics.filter((t) => t !== main)] : topics;
  const sentences: string[] = [];
  if (ordered.length > 0) {
    const phrases = ordered
      .slice(0, 3)
      .map((t, i) => topicPhrase(t, i === 0 ? state.partnerName : null));
    sentences.push(`So far we've talked about ${joinList(phrases)}.`);
  } else {
    sentences.push(`So far we've only just started to talk about what's on your mind.`);
  }
  const facts = factsSentence(state);
  if (facts) sentences.push(facts);
  const feelings = mainFeelings(state, 3).map(emotionNoun);
  if (feelings.length === 1) sentences.push(`The feeling that came up most was ${feelings[0]}.`);
  else if (feelings.length > 1)
    sentences.push(`The feelings that came up most were ${joinList(feelings)}.`);
  const explored = state.explored.slice(-3);
  if (explored.length > 0) sentences.push(`We looked at ${joinList(explored)}.`);
  const safety = safetySummary(state);
  sentences.push(...safety.sentences);

  let next: string;
  if (!main) {
    next = `Next, we'll get a clearer picture of what's on your mind, one step at a time.`;
  } else {
    const stage = state.topics[main]?.stage ?? 1;
    const phrase = topicPhrase(main, state.partnerName);
    if (stage < 4) {
      const upcoming = (stage + 1) as Stage;
      next = `Next, for ${phrase}, we'll turn to ${stageGoal(main, upcoming)}, so ${NEXT_PURPOSE[upcoming]}.`;
    } else {
      next = `Next, we'll keep working on ${stageGoal(main, 4)} for ${phrase}, and check in on how the steps you choose are going.`;
    }
  }
  return { summaryText: sentences.map(cap).join(' '), nextPlanText: cap(safety.next ?? next) };
}
