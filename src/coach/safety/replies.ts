/**
 * The safety answer: hand-written, calm, direct, with the steps to get help now. The texts are in
 * `data/replies.json`; `{emergencyNumber}`, `{crisisLine}` and `{domesticViolenceLine}` are filled
 * from configuration (`{CrisisLine}`, `{DomesticViolenceLine}`: the same, capitalised, to open a
 * sentence).
 */
import { createRng, pick } from '../rng';
import { CRISIS_KINDS, type CrisisKind, type SafetyResources } from '../types';
import { readSafetyFile } from './load';

const FILE = 'replies.json';
const SLOTS: Record<string, (r: SafetyResources) => string> = {
  emergencyNumber: (r) => r.emergencyNumber,
  crisisLine: (r) => r.crisisLine,
  domesticViolenceLine: (r) => r.domesticViolenceLine,
  CrisisLine: (r) => capitalise(r.crisisLine),
  DomesticViolenceLine: (r) => capitalise(r.domesticViolenceLine),
};
const SLOT = /\{(\w+)\}/g;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Fills the resource slots of a reply text. */
export function fillResources(text: string, resources: SafetyResources): string {
  return text.replace(SLOT, (_, name: string) => SLOTS[name](resources));
}

/** Checks a list of reply texts read from the data file: non-empty, distinct, known slots only. */
export function replyTexts(where: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new Error(`Safety data ${FILE}: ${where} must be a non-empty list of texts`);
  const seen = new Set<string>();
  for (const t of value) {
    if (typeof t !== 'string' || t.trim() === '')
      throw new Error(`Safety data ${FILE}: ${where} has an empty text`);
    if (seen.has(t)) throw new Error(`Safety data ${FILE}: ${where} lists "${t}" twice`);
    seen.add(t);
    for (const m of t.matchAll(SLOT))
      if (!Object.prototype.hasOwnProperty.call(SLOTS, m[1]))
        throw new Error(`Safety data ${FILE}: ${where}: unknown slot {${m[1]}} in "${t}"`);
  }
  return value as string[];
}

const RAW = readSafetyFile(FILE) as { first?: Record<string, unknown> };

/** The first answer to a crisis, per kind: several variants, chosen by seed. */
const FIRST: Record<CrisisKind, string[]> = Object.fromEntries(
  CRISIS_KINDS.map((k) => [k, replyTexts(`first.${k}`, RAW.first?.[k])]),
) as Record<CrisisKind, string[]>;

/**
 * The answer to a crisis: calm and direct, names the risk, gives the steps to get help now
 * (emergency number, crisis line, and for danger from a partner a domestic-violence line) and
 * invites the person to keep talking. No coaching blocks. One of several variants, by seed.
 */
export function safetyReply(kind: CrisisKind, resources: SafetyResources, seed = 0): string {
  return fillResources(pick(FIRST[kind], createRng(seed)), resources);
}
