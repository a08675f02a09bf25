/**
 * What a block assumes about the person's life, and whether the conversation supports it. A
 * sentence stating something the user never said is worse than a plain one, so every block
 * declares its assumptions (`assumes` in its JSON) and is only chosen when the remembered facts
 * support each of them. {@link assumptionsInText} is the lexical check the library test runs: a
 * block whose text assumes more than it declares fails.
 */
import type { ConversationFacts } from './facts';
import { currentEx, hasPartner } from './facts';

/** Assumptions a block may declare. */
export const ASSUMPTIONS = [
  'partner',
  'ex',
  'married',
  'children',
  'in_laws',
  'affair_partner',
  'affair_user',
  'fight',
  'living_together',
  'own_family',
] as const;
export type Assumption = (typeof ASSUMPTIONS)[number];

/** Roles of the person's own family. */
const OWN_FAMILY: ReadonlySet<string> = new Set(['mother', 'father', 'sister', 'brother', 'child']);

/** Topics where `{partner}` means the person who left or was left, not a partner still there. */
const ENDING_TOPICS: ReadonlySet<string> = new Set([
  'heartbreak',
  'moving_on',
  'divorce_separation',
]);

/** Wording that only makes sense under an assumption (checked on lower-cased text). */
const CUES: [Assumption, RegExp][] = [
  [
    'partner',
    /\b(your (partner|boyfriend|girlfriend|husband|wife|spouse|relationship|couple)|you two|the two of you|both of you|each other|as a couple|between you)\b/,
  ],
  [
    'ex',
    /\b(your ex|the breakup|the break-up|breakup|break-up|since (it|they|things) ended|being left|the ending|after the split|the split|left you|ended it|moved on|get back together|getting back together)\b/,
  ],
  ['married', /\b(your marriage|marriage|married|husband|wife|spouse|wedding vows)\b/],
  [
    'children',
    /\b(kids?|children|child|your son|your daughter|co-?parent\w*|as parents|parenting|the baby|your baby|school run)\b/,
  ],
  [
    'in_laws',
    /\b(in-?laws?|mother-in-law|father-in-law|their (family|parents|mother|father)|his (family|parents|mother|mum)|her (family|parents|mother|mum))\b/,
  ],
  [
    'affair_partner',
    /\b(affair|unfaithful|infidelity|cheat\w*|betray\w*|the other (woman|man|person)|found out|discover\w*)\b/,
  ],
  [
    'affair_user',
    /\b(what you did|your affair|you cheated|you were unfaithful|confess\w*|your mistake|the other person)\b/,
  ],
  [
    'fight',
    /\b(the fight|the argument|the row|that fight|that argument|after you fought|your fight|the last argument)\b/,
  ],
  [
    'own_family',
    /\b(your (family|family's|parents|parents'|mum|mom|dad|mother|father|relatives)(?![ -]in[ -]law)|in your family)\b/,
  ],
  [
    'living_together',
    /\b(living together|live together|under one roof|at home together|your home together|shared home|moved out|move out|moving out|the flat|your flat|your house|your home|coming home|at home with)\b/,
  ],
];

/**
 * The assumptions a block's text makes, by lexicon. `{partner}` in a block about an ending refers
 * to the ex; elsewhere it is a partner still present. Affair wording in blocks about the user's own
 * affair is that affair, not the partner's.
 */
export function assumptionsInText(text: string, topics: readonly string[]): Assumption[] {
  const lower = text.toLowerCase();
  const found = new Set<Assumption>();
  const ending = topics.length > 0 && topics.every((t) => ENDING_TOPICS.has(t));
  const own = topics.length > 0 && topics.every((t) => t === 'cheating_self');
  if (/\{partner(_possessive)?\}/.test(text)) found.add(ending ? 'ex' : 'partner');
  const plain = lower.replace(/\{[a-z_]+\}/g, ' ');
  for (const [a, re] of CUES) {
    if (!re.test(plain)) continue;
    if (a === 'partner' && ending) found.add('ex');
    else if (a === 'affair_partner' && own) found.add('affair_user');
    else found.add(a);
  }
  return [...found].sort();
}

/**
 * What a topic's blocks take for granted whatever their wording: a heartbreak block speaks of a
 * breakup, a cheating block of the partner's affair, a parenting block of children.
 */
const TOPIC_ASSUMES: Readonly<Record<string, readonly Assumption[]>> = {
  heartbreak: ['ex'],
  divorce_separation: ['ex'],
  cheating: ['affair_partner'],
  cheating_self: ['affair_user'],
  marriage_strain: ['married'],
  parenting_strain: ['children'],
  long_distance: ['partner'],
  intimacy: ['partner'],
  // Family pressure is the person's own family's: in-laws are another story.
  family_pressure: ['own_family'],
};

/** Assumptions shared by every topic of a block (none for general blocks). */
export function topicAssumptions(topics: readonly string[]): Assumption[] {
  if (topics.length === 0) return [];
  let common: Assumption[] | null = null;
  for (const t of topics) {
    const own = TOPIC_ASSUMES[t] ?? [];
    common = common === null ? [...own] : common.filter((a) => own.includes(a));
  }
  return common ?? [];
}

/** What a block should declare: what its words assume plus what its topics assume. */
export function expectedAssumptions(text: string, topics: readonly string[]): Assumption[] {
  return [...new Set([...assumptionsInText(text, topics), ...topicAssumptions(topics)])].sort();
}

/** Whether the remembered facts support one assumption. Unknown is not support. */
export function supports(facts: ConversationFacts, a: Assumption): boolean {
  switch (a) {
    // A mother-in-law spoken of means a partner whose mother she is, unless it ended.
    case 'partner':
      return (
        hasPartner(facts) ||
        (facts.people.some((p) => p.role === 'in_law') &&
          !['broken_up', 'divorced', 'separated'].includes(facts.relationship ?? ''))
      );
    case 'ex':
      return (
        currentEx(facts) !== null ||
        ['broken_up', 'divorced', 'separated'].includes(facts.relationship ?? '')
      );
    // A marriage still there (if strained or separating): "your marriage" is not said to someone
    // divorced.
    // A husband or wife who died is remembered as a spouse, but there is no marriage to strain.
    case 'married':
      return (
        facts.relationship !== 'widowed' &&
        (facts.people.some((p) => p.role === 'spouse') ||
          ['married', 'separated'].includes(facts.relationship ?? ''))
      );
    case 'children':
      return facts.children === true;
    case 'in_laws':
      return facts.people.some((p) => p.role === 'in_law');
    case 'affair_partner':
      return facts.affair === 'partner';
    case 'affair_user':
      return facts.affair === 'user';
    case 'fight':
      return facts.fight === true;
    case 'living_together':
      return facts.livingTogether === true;
    // "Your family" is the person's own unless the family in the story is the partner's (in-laws
    // spoken of, and none of the person's own family).
    case 'own_family':
      return (
        !facts.people.some((p) => p.role === 'in_law') ||
        facts.people.some((p) => OWN_FAMILY.has(p.role))
      );
  }
}

/** Whether every assumption in the list is supported. */
export function allSupported(facts: ConversationFacts, list: readonly Assumption[]): boolean {
  for (const a of list) if (!supports(facts, a)) return false;
  return true;
}
