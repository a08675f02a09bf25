import type { ConversationState } from '../coach/types';
import type { ProgressRow } from './progress.repository';
import type { EmotionDay, SessionProgress, TopicProgress } from './progress.type';

/** A session's progress before anything was said in it. */
export const EMPTY_PROGRESS: SessionProgress = {
  turnCount: 0,
  mainTopic: null,
  topics: [],
  emotionsByDay: [],
  checkInsSent: 0,
  checkInsAnswered: 0,
  safetyConcerns: 0,
};

/** Turns the aggregate row (engine state plus counts) into the {@link SessionProgress} both faces show. */
export function toProgress(row: ProgressRow): SessionProgress {
  const state = (row.state ?? {}) as Partial<ConversationState>;
  const topics: TopicProgress[] = Object.entries(state.topics ?? {})
    .filter(([, p]) => p && p.turns > 0)
    .map(([topic, p]) => ({ topic, stage: p.stage, turns: p.turns, lastTurn: p.lastTurn ?? 0 }))
    // Most turns first; of equal ones, the one worked on last.
    .sort((a, b) => b.turns - a.turns || b.lastTurn - a.lastTurn || a.topic.localeCompare(b.topic))
    .map(({ topic, stage, turns }) => ({ topic, stage, turns }));
  return {
    turnCount: state.turnCount ?? 0,
    mainTopic: state.mainTopic ?? null,
    topics,
    emotionsByDay: emotionDays(row.emotions ?? []),
    checkInsSent: row.check_ins_sent,
    checkInsAnswered: row.check_ins_answered,
    safetyConcerns: row.safety_concerns,
  };
}

/** Groups `{day, emotion, count}` rows by day, oldest first, each day's most frequent emotion first. */
function emotionDays(rows: NonNullable<ProgressRow['emotions']>): EmotionDay[] {
  const byDay = new Map<string, EmotionDay>();
  for (const { day, emotion, count } of rows) {
    const entry = byDay.get(day) ?? { day, counts: [] };
    entry.counts.push({ emotion, count });
    byDay.set(day, entry);
  }
  return [...byDay.values()]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => ({
      day: d.day,
      counts: d.counts.sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion)),
    }));
}
