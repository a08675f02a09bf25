/**
 * Safety after the conversation: what a summary says about a safety concern (that it came up,
 * never what was said), and how a check-in opens after a session left in safety mode.
 */
import { isRecord } from '../data-file';
import { hashString } from '../rng';
import { CRISIS_KINDS, type ConversationState, type CrisisKind } from '../types';
import { readSafetyFile } from './load';
import { replyTexts } from './replies';

const FILE = 'mode.json';
const RAW = readSafetyFile(FILE) as Record<string, unknown>;

function texts(section: string, keys: readonly string[]): Record<string, string> {
  const r = RAW[section];
  if (!isRecord(r)) throw new Error(`Safety data ${FILE}: "${section}" must be an object`);
  return Object.fromEntries(keys.map((k) => [k, replyTexts(`${section}.${k}`, [r[k]], FILE)[0]]));
}

const SUMMARY = texts('summary', [...CRISIS_KINDS, 'warning', 'safeNow']);
const SUMMARY_NEXT = texts('summaryNext', ['crisis', 'watch']);
const FOLLOWUP: Record<CrisisKind, string[]> = (() => {
  const r = RAW.followup;
  if (!isRecord(r)) throw new Error(`Safety data ${FILE}: "followup" must be an object`);
  return Object.fromEntries(
    CRISIS_KINDS.map((k) => [k, replyTexts(`followup.${k}`, r[k], FILE)]),
  ) as Record<CrisisKind, string[]>;
})();

/**
 * What a session summary says about safety: one sentence per concern that came up (named as
 * such, without quoting), and the next plan when the session is in safety mode or its watch.
 */
export function safetySummary(state: ConversationState): {
  sentences: string[];
  next: string | null;
} {
  const s = state.safety;
  if (!s) return { sentences: [], next: null };
  const sentences = s.concerns.map((k) => SUMMARY[k]);
  // A crisis the person came through is told with how it ended: the watch follows only their
  // saying they are safe.
  if (s.mode === 'watch' && s.concerns.length > 0) sentences.push(SUMMARY.safeNow);
  if (s.warningSigns && !s.concerns.includes('partner_danger')) sentences.push(SUMMARY.warning);
  const next =
    s.mode === 'crisis' ? SUMMARY_NEXT.crisis : s.mode === 'watch' ? SUMMARY_NEXT.watch : null;
  return { sentences, next };
}

/**
 * The opening of a check-in in a session whose last state was safety mode: whether the person
 * is safe, before any topic. Null when the session was not in safety mode.
 */
export function safetyFollowup(state: ConversationState | null, seedText: string): string | null {
  const s = state?.safety;
  if (!s || s.mode !== 'crisis' || !s.kind) return null;
  const pool = FOLLOWUP[s.kind];
  return pool[hashString(seedText) % pool.length];
}
