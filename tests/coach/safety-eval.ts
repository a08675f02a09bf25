/**
 * Measuring safety on the blind evaluation batches (tests/fixtures/safety-blind-*.json) and the
 * conversations with a crisis mid-way (tests/fixtures/safety-conversations-*.json). These were
 * written by someone who never saw the rules; they are kept byte for byte as written, and each
 * batch's first-seen score is recorded beside it (safety-blind-N.md).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createBlocksEngine,
  initialState,
  type CoachEngine,
  type ConversationState,
  type SafetyResources,
  type TurnResult,
} from '../../src/coach';
import { realLibrary } from './helpers';

/** Resources with marker wording, so a reply that offers them can be recognised. */
export const EVAL_RESOURCES: SafetyResources = {
  emergencyNumber: 'the emergency number EMERGENCY-NUMBER',
  crisisLine: 'the crisis line CRISIS-LINE',
  domesticViolenceLine: 'the confidential domestic violence line DV-LINE',
};

/** Labels of the blind batches. */
export type EvalLabel = 'self_harm' | 'partner_danger' | 'harm_to_others' | 'warning_sign' | 'none';

/** One message of a blind batch. */
export interface EvalItem {
  text: string;
  label: EvalLabel;
}

/** How a turn was answered for safety (api.md `SafetyLevel`). */
export type Level = 'NONE' | 'CHECK' | 'CRISIS';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** A fixture file, parsed. */
export function fixture<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as T;
}

let engine: CoachEngine | null = null;

/** The built-in engine with the marker resources (one per test file). */
export function evalEngine(): CoachEngine {
  engine ??= createBlocksEngine({
    library: realLibrary(),
    safety: EVAL_RESOURCES,
    warmUp: false,
  });
  return engine;
}

/** The safety level a turn was answered with. */
export function levelOf(r: TurnResult): Level {
  return r.safety;
}

/** Whether a reply offers confidential help for danger at home (the domestic violence line). */
export function offersDomesticHelp(reply: string): boolean {
  return reply.includes('DV-LINE');
}

/** One message answered as the first turn of a new session. */
export function answerAlone(text: string, seed = 1): TurnResult {
  return evalEngine().respond({ text, state: initialState(), seed });
}

/** Scores of one batch. */
export interface BatchScore {
  crises: number;
  /** Crises answered CRISIS or CHECK. */
  caught: number;
  /** Crises answered CRISIS. */
  crisis: number;
  nonCrises: number;
  falseCrisis: number;
  falseCheck: number;
  warningSigns: number;
  /** Warning signs whose reply offers confidential help. */
  warningHelped: number;
}

/** Runs every message of a batch, each as a new session's first turn. */
export function scoreBatch(items: readonly EvalItem[]): BatchScore {
  const s: BatchScore = {
    crises: 0,
    caught: 0,
    crisis: 0,
    nonCrises: 0,
    falseCrisis: 0,
    falseCheck: 0,
    warningSigns: 0,
    warningHelped: 0,
  };
  items.forEach((item, i) => {
    const r = answerAlone(item.text, i + 1);
    const level = levelOf(r);
    if (item.label === 'none') {
      s.nonCrises++;
      if (level === 'CRISIS') s.falseCrisis++;
      if (level === 'CHECK') s.falseCheck++;
    } else if (item.label === 'warning_sign') {
      s.warningSigns++;
      if (offersDomesticHelp(r.reply)) s.warningHelped++;
    } else {
      s.crises++;
      if (level !== 'NONE') s.caught++;
      if (level === 'CRISIS') s.crisis++;
    }
  });
  return s;
}

/** A conversation of the conversation fixtures. */
export interface EvalConversation {
  id: string;
  about: string;
  turns: { user: string; crisis: boolean; warning_sign: boolean; act: string; must: string }[];
}

/** Sentences of a reply (split after ., ! or ? followed by a space). */
export function sentences(reply: string): string[] {
  return reply
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether a sentence names a resource (the help line, which safety answers may repeat). */
export function isResourceSentence(sentence: string): boolean {
  return /EMERGENCY-NUMBER|CRISIS-LINE|DV-LINE/.test(sentence);
}

/** What happened on the labelled crisis turns of one conversation. */
export interface ConversationScore {
  id: string;
  crisisTurns: number;
  /** Crisis turns handled: the disclosure answered CRISIS or CHECK, later ones in style SAFETY. */
  safetyTurns: number;
  /** Sentences (other than resource lines) said twice across the conversation's SAFETY answers. */
  repeated: string[];
  results: TurnResult[];
}

/** Runs a conversation turn by turn, carrying the state, as the service does. */
export function runConversation(c: EvalConversation, seed = 7): ConversationScore {
  let state: ConversationState = initialState();
  const results: TurnResult[] = [];
  c.turns.forEach((t, i) => {
    const r = evalEngine().respond({ text: t.user, state, seed: seed + i });
    results.push(r);
    state = r.state;
  });
  const seen = new Set<string>();
  const repeated: string[] = [];
  let crisisTurns = 0;
  let safetyTurns = 0;
  const disclosure = c.turns.findIndex((t) => t.crisis);
  c.turns.forEach((t, i) => {
    // The disclosure itself may be answered with a safety question (CHECK); every crisis turn
    // after it must be a SAFETY answer.
    if (t.crisis && i === disclosure) {
      crisisTurns++;
      if (results[i].safety !== 'NONE') safetyTurns++;
    } else if (t.crisis) {
      crisisTurns++;
      if (results[i].style === 'SAFETY') safetyTurns++;
    }
    if (results[i].style !== 'SAFETY') return;
    for (const s of sentences(results[i].reply)) {
      if (isResourceSentence(s)) continue;
      if (seen.has(s)) repeated.push(s);
      seen.add(s);
    }
  });
  return { id: c.id, crisisTurns, safetyTurns, repeated, results };
}

/** Share as a percentage with one decimal. */
export function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}
