/**
 * Deterministic, varied user messages for the coach benchmarks: many topics, emotions, names,
 * lengths, and a small share of crisis wording, so the engine's detection, choice and composition
 * all do realistic work.
 */
import { createRng } from '../../src/coach/rng';

/** The engine's own seeded PRNG, so runs are comparable. */
export const prng = createRng;

const NAMES = ['Alex', 'Sam', 'Jordan', 'Maria', 'Chris', 'Priya', 'Tom', 'Lena', 'Noah', 'Aisha'];

const SITUATIONS = [
  'my partner {name} broke up with me last week and I cannot stop thinking about it',
  'we have been together for 6 years and it feels like we are roommates now',
  "I found messages on {name}'s phone and I think they are cheating on me",
  'I cheated on {name} and I do not know whether to tell them',
  'we fight about the same thing over and over, mostly about chores and money',
  '{name} and I keep having the same argument and they shut down every time',
  'I met someone on a dating app and they suddenly stopped replying',
  'we have been seeing each other for months but {name} will not define what we are',
  'I feel so lonely since the divorce, the house is so quiet',
  'my family keeps pressuring me to get married and I am not ready',
  '{name} lives in another country and the distance is wearing us down',
  'I get jealous every time {name} talks about their coworker',
  'I do not trust {name} anymore after what happened last year',
  'we have not been intimate in months and I do not know how to bring it up',
  'I keep choosing partners who are emotionally unavailable',
  '{name} wants kids and I am not sure I do',
  'we have a newborn and we are constantly snapping at each other',
  'I can never say no to {name} and I end up resentful',
  'I feel like I am not good enough for anyone',
  '{name} checks my phone and gets angry when I see my friends',
  'we are separated and trying to co-parent but every conversation turns into a fight',
  'it has been a year since the breakup and I still check their profile',
  'I do not know how to tell {name} that something is bothering me',
  'my anxiety spikes whenever {name} does not text back',
  'I have been feeling low and numb for weeks and I do not enjoy anything',
  '{name} proposed and I said yes but now I have doubts',
];

const FEELINGS = [
  'I feel so sad',
  'honestly I am angry',
  'I am confused',
  'I feel hurt and betrayed',
  'I feel guilty',
  'I am anxious all the time',
  'I feel hopeless',
  'I am overwhelmed',
  'I feel a little hopeful',
  'I am frustrated',
  'I feel numb',
  'I am scared',
  '',
  '',
  '',
];

const QUESTIONS = [
  'What should I do?',
  'How do I move on?',
  'Is this normal?',
  'How do I talk to them about it?',
  'Am I overreacting?',
  'Should I stay or leave?',
  'How do I stop feeling like this?',
  '',
  '',
  'Any advice?',
  'Where do I even start?',
];

const SHORT = [
  'yes',
  'I guess so',
  'not really',
  'that makes sense',
  'I do not know',
  'thank you, that helps',
  'maybe',
  'it is complicated',
];

const CRISIS = [
  'sometimes I feel like I do not want to be alive anymore',
  '{name} hit me last night and I am scared to go home',
];

/** One message: mostly a situation with feelings and a question; some short follow-ups; rare crisis wording. */
export function message(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const name = pick(NAMES);
  const roll = random();
  if (roll < 0.01) return pick(CRISIS).replace('{name}', name);
  if (roll < 0.15) return pick(SHORT);
  const parts = [pick(SITUATIONS).replace('{name}', name), pick(FEELINGS), pick(QUESTIONS)].filter(
    Boolean,
  );
  let text = parts.join('. ');
  if (random() < 0.2) text += ` It started when ${pick(SITUATIONS).replace('{name}', name)}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `count` messages from `seed`. */
export function messages(count: number, seed = 42): string[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => message(random));
}
