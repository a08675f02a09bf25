/**
 * The project's own conversation evaluation (issue 11): labelled multi-turn conversations run
 * through the engine turn by turn with the state carried the way the message service carries it,
 * and scored on what a reader notices: was the kind of turn recognised, was a direct question
 * answered (the answer leading), did a reply state a fact the person never gave or contradict one
 * they did, did a goodbye or thanks get another question, did a sentence repeat, was a named
 * person called by name. Used by `tests/coach/conversations.test.ts` and `npm run eval`.
 *
 * The fact checks are lexical and deliberately plain: each looks for words a reply could only use
 * if it assumed the fact (a partner, children, in-laws, an affair, a shared home), and compares
 * with the labels of that turn. They miss subtler inventions; the transcripts are printed so a
 * person can read for those.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_SAFETY_RESOURCES,
  initialState,
  summarize,
  type BlockLibrary,
  type CoachEngine,
  type ConversationState,
  type TurnResult,
} from '../../src/coach';
import { localDomesticViolenceLines } from '../../src/coach/safety/places';

/** A person the user named, and who they are to the user. */
export interface LabelledPerson {
  name: string;
  role: string;
}

/** The facts a reply to this turn may not contradict or invent. */
export interface LabelledFacts {
  people: LabelledPerson[];
  relationship: string | null;
  children: boolean | null;
  living_together: boolean | null;
  affair: string | null;
}

/** One labelled user turn. */
export interface LabelledTurn {
  user: string;
  act: string;
  question?: string;
  crisis: boolean;
  warning_sign: boolean;
  must: string;
  facts: LabelledFacts;
}

/** One labelled conversation, as written by the set's author. */
export interface LabelledConversation {
  id: string;
  about: string;
  turns: LabelledTurn[];
}

/** A conversation and the fixture file it came from. */
export interface ConversationItem {
  file: string;
  conversation: LabelledConversation;
}

/** The folder of conversation fixtures. */
export const CONVERSATIONS_DIR = path.join(__dirname, '..', 'fixtures', 'conversations');

/**
 * One act vocabulary for every set: set 5's author wrote "question_advice" and "short_reply"
 * where sets 1-4 have act "question" with its kind in `question`, and "short"; set 14's author
 * wrote "change_of_subject" (the name its brief gave) for "change_subject".
 */
const ACT_NAMES: Readonly<Record<string, string>> = {
  short_reply: 'short',
  change_of_subject: 'change_subject',
};

function withActLabel(turn: LabelledTurn): LabelledTurn {
  const m = /^question_(advice|yes_no|normalcy|how_to)$/.exec(turn.act);
  if (m) return { ...turn, act: 'question', question: m[1] };
  const act = ACT_NAMES[turn.act];
  return act ? { ...turn, act } : turn;
}

/** Reads `conversations-N.json` files (all of them when `files` is omitted), sorted by name. */
export function loadConversations(files?: readonly string[]): ConversationItem[] {
  const names =
    files ??
    fs
      .readdirSync(CONVERSATIONS_DIR)
      .filter((n) => /^conversations-\d+\.json$/.test(n))
      .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return names.flatMap((file) => {
    const items = JSON.parse(
      fs.readFileSync(path.join(CONVERSATIONS_DIR, file), 'utf8'),
    ) as LabelledConversation[];
    return items.map((conversation) => ({
      file,
      conversation: { ...conversation, turns: conversation.turns.map(withActLabel) },
    }));
  });
}

/** What was checked on one reply. */
export interface TurnRecord {
  index: number;
  turn: LabelledTurn;
  reply: string;
  style: string;
  /** The act the engine reported ("sharing" when it reports none). */
  act: string;
  blockIds: string[];
  /** The kind of content the reply starts with (block type or the kind in its id). */
  lead: string | null;
  /** Facts the reply invents or contradicts, in words. */
  invented: string[];
  /** A question in a reply to a goodbye or a thanks. */
  closeAsks: boolean;
  /** Sentences that already appeared in an earlier reply of the conversation. */
  repeated: string[];
  /** Role references ("your ex") to a person the user named, and whether the name was used. */
  roleRefs: number;
  namedRefs: number;
  nameProblems: string[];
  /** The reply quotes a message that was only a plain thanks, ok or the like. */
  echoesPlain: boolean;
  /** How the turn was answered for safety (`NONE` on an ordinary reply). */
  safety: string;
  /** The reply names confidential help for danger at home. */
  domesticHelp: boolean;
  /** Engine time for this turn, in milliseconds. */
  ms: number;
}

/** A conversation run through the engine. */
export interface ConversationRun {
  item: ConversationItem;
  records: TurnRecord[];
  /** The state after the last turn (what the summary was written from). */
  state: ConversationState;
  /** The summary after the last turn, and what was wrong with it. */
  summary: string;
  summaryInvented: string[];
}

/** Answer-like lead kinds: what a reply to a direct question must start with. */
const ANSWER_LEADS = new Set(['answer']);

/** The kind of a block: its library type, else the kind named in its id (`x.answer.1`). */
function kindOf(id: string | undefined, library: BlockLibrary): string | null {
  if (!id) return null;
  const block = library.byId.get(id);
  if (block) return block.type;
  const parts = id.split('.');
  return parts.length >= 2 ? parts[parts.length - 2] : null;
}

function cap(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PARTNER_ROLES = new Set(['partner', 'spouse', 'boyfriend', 'girlfriend', 'husband', 'wife']);
const TOGETHER = new Set(['together', 'married', 'engaged', 'dating', 'situationship']);

/** Role words a reply may use for a person of a labelled role. */
const ROLE_WORDS: Record<string, RegExp> = {
  partner: /\byour (partner|boyfriend|girlfriend|husband|wife)\b/i,
  spouse: /\byour (partner|husband|wife|spouse)\b/i,
  ex: /\byour (ex|ex-partner|ex-husband|ex-wife|former partner)\b/i,
  // Set 7's labels name a sibling, a parent and an ex-spouse without their sex.
  ex_spouse: /\byour (ex|ex-partner|ex-husband|ex-wife|former partner)\b/i,
  sibling: /\byour (sister|brother|sibling)\b/i,
  parent: /\byour (mother|mum|mom|father|dad|parent)\b/i,
  // Set 5's labels name a husband, a wife, a boyfriend or a girlfriend as such.
  husband: /\byour (husband|partner|spouse)\b/i,
  wife: /\byour (wife|partner|spouse)\b/i,
  boyfriend: /\byour (boyfriend|partner)\b/i,
  girlfriend: /\byour (girlfriend|partner)\b/i,
  sister: /\byour sister\b/i,
  brother: /\byour brother\b/i,
  mother: /\byour (mother|mum|mom)\b/i,
  father: /\byour (father|dad)\b/i,
  friend: /\byour friend\b/i,
  coworker: /\byour (coworker|co-worker|colleague)\b/i,
};

/**
 * Facts the reply states or assumes that the turn's labels do not support, in words. Each check
 * looks only for wording that cannot be innocent.
 */
export function inventedFacts(reply: string, facts: LabelledFacts): string[] {
  const out: string[] = [];
  const text = reply.toLowerCase();
  const roles = new Set(facts.people.map((p) => p.role));
  const hasPartner =
    [...roles].some((r) => PARTNER_ROLES.has(r)) ||
    (facts.relationship !== null && TOGETHER.has(facts.relationship));
  const married =
    roles.has('spouse') || facts.relationship === 'married' || facts.relationship === 'divorced';
  if (!hasPartner && /\byour (partner|boyfriend|girlfriend|husband|wife|spouse)\b/.test(text))
    out.push('a partner still present');
  else if (!married && /\byour (husband|wife|spouse|marriage)\b/.test(text)) out.push('a marriage');
  if (
    !roles.has('ex') &&
    !roles.has('ex_spouse') &&
    !['broken_up', 'divorced', 'separated'].includes(facts.relationship ?? '') &&
    /\b(your ex|the breakup|since the split|breaking up with you)\b/.test(text)
  )
    out.push('a breakup');
  if (
    facts.children !== true &&
    /\b(kids?|children|your child|your son|your daughter|co-?parent\w*|as parents)\b/.test(text)
  )
    out.push(facts.children === false ? 'children (said: none)' : 'children');
  if (
    facts.living_together !== true &&
    /\b(living together|live together|moved out|move out|moving out|your (shared )?home together|shared (home|flat|place|bed)|under one roof)\b/.test(
      text,
    )
  )
    out.push(facts.living_together === false ? 'living together (said: not)' : 'living together');
  if (!roles.has('in_law') && /\bin-?laws?\b/.test(text)) out.push('in-laws');
  const affair = facts.affair;
  if (
    (affair === null || affair === 'none') &&
    /\b(affair|cheat\w*|unfaithful|infidelity)\b/.test(text)
  )
    out.push(affair === 'none' ? 'an affair (said: none)' : 'an affair');
  if (affair === 'partner' && /\b(you cheated|your affair|you were unfaithful)\b/.test(text))
    out.push('the affair reversed (it was the partner)');
  if (
    affair === 'user' &&
    /\b(cheated on you|betrayed you|was unfaithful to you|(his|her|their) affair)\b/.test(text)
  )
    out.push('the affair reversed (it was the user)');
  // A named person called by a role they do not have ("your partner Maya" for a sister).
  for (const p of facts.people) {
    if (!p.name) continue;
    const name = escapeRe(p.name);
    const wrongRole = new RegExp(
      `\\byour (partner|boyfriend|girlfriend|husband|wife|ex|sister|brother|mother|friend)(,)? ${name}\\b|\\b${name}, your (partner|boyfriend|girlfriend|husband|wife|ex|sister|brother|mother|friend)\\b`,
      'i',
    ).exec(reply);
    if (wrongRole) {
      const said = (wrongRole[1] ?? wrongRole[3]).toLowerCase();
      // A "new partner" is the user's own when the user is labelled in a relationship ("divorced,
      // now seeing carmen"); otherwise it is someone else's (an ex's new girlfriend).
      const ownNew =
        p.role === 'new_partner' && facts.relationship !== null && TOGETHER.has(facts.relationship);
      const fits =
        (ROLE_WORDS[p.role]?.test(`your ${said}`) ?? false) ||
        (said === 'partner' && (PARTNER_ROLES.has(p.role) || ownNew));
      if (!fits) out.push(`${p.name} called "your ${said}" (${p.role})`);
    }
  }
  return out;
}

/** Role references to named people, and which used the name. */
function nameUse(
  reply: string,
  facts: LabelledFacts,
): { refs: number; named: number; problems: string[] } {
  let refs = 0;
  let named = 0;
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of facts.people) {
    if (!p.name || seen.has(p.role)) continue;
    const roleRe = ROLE_WORDS[p.role] ?? (PARTNER_ROLES.has(p.role) ? ROLE_WORDS.partner : null);
    if (!roleRe) continue;
    // Two named people with the same role: the role word cannot tell them apart, skip.
    if (facts.people.filter((q) => q.role === p.role && q.name).length > 1) continue;
    seen.add(p.role);
    const nameRe = new RegExp(`\\b${escapeRe(cap(p.name))}\\b`);
    if (roleRe.test(reply)) {
      refs++;
      if (nameRe.test(reply)) named++;
      else problems.push(`"${roleRe.exec(reply)![0]}" instead of ${cap(p.name)}`);
    }
    if (new RegExp(`\\b${escapeRe(p.name.toLowerCase())}\\b`).test(reply) && p.name !== cap(p.name))
      problems.push(`${p.name} not capitalised`);
  }
  return { refs, named, problems };
}

/** Sentences of a reply, normalised for comparison (4 words or more). */
function sentences(reply: string): string[] {
  return reply
    .split(/(?<=[.!?])\s+/)
    .map((s) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9' ]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => s.split(' ').length >= 4);
}

const PLAIN =
  /^(ok(ay)?|k|thanks?( you)?|thank you( so much)?|ty|thx|cheers|yeah|yep|yes|no|idk|sure|fine|lol|bye)[.! ]*$/i;

/** Confidential help for danger at home, as the default names it or a country's own line. */
const DV_LINES = [DEFAULT_SAFETY_RESOURCES.domesticViolenceLine, ...localDomesticViolenceLines()];

/** Seed of one turn: stable per conversation and turn, so runs are repeatable. */
function seedOf(id: string, index: number): number {
  let h = 2166136261;
  for (const ch of `${id}:${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Runs one conversation through the engine, carrying the state as the message service does. */
export function runConversation(
  engine: CoachEngine,
  library: BlockLibrary,
  item: ConversationItem,
): ConversationRun {
  let state: ConversationState = initialState();
  const earlier = new Set<string>();
  const records: TurnRecord[] = [];
  item.conversation.turns.forEach((turn, index) => {
    const started = process.hrtime.bigint();
    const result: TurnResult = engine.respond({
      text: turn.user,
      state,
      seed: seedOf(item.conversation.id, index),
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // The service stores the state as JSON: a round trip keeps the test honest about that.
    state = JSON.parse(JSON.stringify(result.state)) as ConversationState;
    const reported = (result as TurnResult & { act?: string }).act;
    const repeated: string[] = [];
    if (result.style !== 'SAFETY') {
      for (const s of sentences(result.reply)) {
        if (earlier.has(s)) repeated.push(s);
      }
      for (const s of sentences(result.reply)) earlier.add(s);
    }
    const names = nameUse(result.reply, turn.facts);
    const plain = PLAIN.test(turn.user.trim());
    records.push({
      index,
      turn,
      reply: result.reply,
      style: result.style,
      act: reported ?? 'sharing',
      blockIds: result.blockIds,
      lead: kindOf(result.blockIds[0], library),
      invented: inventedFacts(result.reply, turn.facts),
      closeAsks: (turn.act === 'goodbye' || turn.act === 'thanks') && result.reply.includes('?'),
      repeated,
      roleRefs: names.refs,
      namedRefs: names.named,
      nameProblems: names.problems,
      echoesPlain:
        plain &&
        new RegExp(`["“']${escapeRe(turn.user.trim().replace(/[.!]+$/, ''))}`, 'i').test(
          result.reply,
        ),
      safety: result.safety,
      domesticHelp: DV_LINES.some((line) => result.reply.includes(line)),
      ms,
    });
  });
  const last = item.conversation.turns[item.conversation.turns.length - 1];
  const s = summarize(state);
  const summary = `${s.summaryText} ${s.nextPlanText}`;
  return {
    item,
    records,
    state,
    summary,
    summaryInvented: last ? inventedFacts(summary, last.facts) : [],
  };
}

/** A share with its counts, for printing. */
export interface Ratio {
  hit: number;
  of: number;
  rate: number;
}

function ratio(hit: number, of: number): Ratio {
  return { hit, of, rate: of === 0 ? 1 : hit / of };
}

/** The scores of a set of runs, per measure. */
export interface Scores {
  conversations: number;
  turns: number;
  /** Turn acts recognised, on turns that are not crisis turns. */
  acts: Ratio;
  /** The same on every turn. */
  actsAll: Ratio;
  /** Direct questions (not crisis turns) whose reply leads with an answer. */
  answered: Ratio;
  /** Replies inventing or contradicting a labelled fact (lower is better). */
  invented: Ratio;
  /** Replies to a goodbye that ask something. */
  goodbyeAsks: Ratio;
  /** Replies to a thanks that ask something. */
  thanksAsks: Ratio;
  /** Replies with a sentence from an earlier reply of the same conversation. */
  repeats: Ratio;
  /** Role references to a named person that use the name. */
  names: Ratio;
  /** Replies quoting a plain "thanks"/"ok". */
  plainEchoes: Ratio;
  /** Final summaries with an invented fact. */
  summariesInvented: Ratio;
  /** Ordinary turns (no crisis, no warning sign) answered with safety talk (lower is better). */
  calmWithSafety: Ratio;
  /** Crisis turns answered in safety (a check or crisis reply). */
  crisisInSafety: Ratio;
  /** Warning-sign turns (no crisis) answered by naming help or with safety. */
  warningsAnswered: Ratio;
  /** Per labelled act: recognised / all. */
  perAct: Record<string, Ratio>;
  /** Median and 95th percentile engine time per turn, ms. */
  medianMs: number;
  p95Ms: number;
}

/** Scores a set of conversation runs. */
export function score(runs: readonly ConversationRun[]): Scores {
  const all = runs.flatMap((r) => r.records);
  const calm = all.filter((r) => !r.turn.crisis);
  // A question that shows a warning sign is answered by naming it, with confidential help
  // (issue 12), not by the question's ordinary answer.
  const questions = calm.filter((r) => r.turn.act === 'question' && !r.turn.warning_sign);
  const ordinary = calm.filter((r) => !r.turn.warning_sign);
  const crises = all.filter((r) => r.turn.crisis);
  const warnings = calm.filter((r) => r.turn.warning_sign);
  const goodbyes = all.filter((r) => r.turn.act === 'goodbye');
  const thanks = all.filter((r) => r.turn.act === 'thanks');
  const perAct: Record<string, Ratio> = {};
  for (const act of [...new Set(all.map((r) => r.turn.act))].sort()) {
    const of = all.filter((r) => r.turn.act === act);
    perAct[act] = ratio(of.filter((r) => r.act === act).length, of.length);
  }
  const ms = all.map((r) => r.ms).sort((a, b) => a - b);
  return {
    conversations: runs.length,
    turns: all.length,
    acts: ratio(calm.filter((r) => r.act === r.turn.act).length, calm.length),
    actsAll: ratio(all.filter((r) => r.act === r.turn.act).length, all.length),
    answered: ratio(
      questions.filter(
        (r) =>
          r.lead !== null &&
          ANSWER_LEADS.has(r.lead) &&
          !/^[^.!?]*\?/.test(r.reply) &&
          !/^when you say\b/i.test(r.reply),
      ).length,
      questions.length,
    ),
    invented: ratio(all.filter((r) => r.invented.length > 0).length, all.length),
    goodbyeAsks: ratio(goodbyes.filter((r) => r.closeAsks).length, goodbyes.length),
    thanksAsks: ratio(thanks.filter((r) => r.closeAsks).length, thanks.length),
    repeats: ratio(all.filter((r) => r.repeated.length > 0).length, all.length),
    names: ratio(
      all.reduce((a, r) => a + r.namedRefs, 0),
      all.reduce((a, r) => a + r.roleRefs, 0),
    ),
    plainEchoes: ratio(all.filter((r) => r.echoesPlain).length, all.length),
    summariesInvented: ratio(runs.filter((r) => r.summaryInvented.length > 0).length, runs.length),
    calmWithSafety: ratio(ordinary.filter((r) => r.safety !== 'NONE').length, ordinary.length),
    crisisInSafety: ratio(crises.filter((r) => r.safety !== 'NONE').length, crises.length),
    warningsAnswered: ratio(
      warnings.filter((r) => r.domesticHelp || r.safety !== 'NONE').length,
      warnings.length,
    ),
    perAct,
    medianMs: ms.length ? ms[Math.floor(ms.length / 2)] : 0,
    p95Ms: ms.length ? ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))] : 0,
  };
}

function pct(r: Ratio): string {
  return `${(r.rate * 100).toFixed(1)}% (${r.hit}/${r.of})`;
}

/** The scores as a readable table. */
export function formatScores(title: string, s: Scores): string {
  const lines = [
    `${title}: ${s.conversations} conversations, ${s.turns} turns`,
    `  turn acts recognised (non-crisis)   ${pct(s.acts)}   [all turns ${pct(s.actsAll)}]`,
    `  questions answered, answer leading  ${pct(s.answered)}`,
    `  replies inventing a labelled fact   ${pct(s.invented)}`,
    `  goodbyes answered with a question   ${pct(s.goodbyeAsks)}`,
    `  thanks answered with a question     ${pct(s.thanksAsks)}`,
    `  replies repeating a sentence        ${pct(s.repeats)}`,
    `  named people called by name         ${pct(s.names)}`,
    `  plain "thanks"/"ok" quoted back     ${pct(s.plainEchoes)}`,
    `  final summaries inventing a fact    ${pct(s.summariesInvented)}`,
    `  ordinary turns answered with safety ${pct(s.calmWithSafety)}`,
    `  crisis turns answered in safety     ${pct(s.crisisInSafety)}`,
    `  warning signs answered with help    ${pct(s.warningsAnswered)}`,
    `  engine ms per turn                  median ${s.medianMs.toFixed(3)}, p95 ${s.p95Ms.toFixed(3)}`,
    `  per act: ${Object.entries(s.perAct)
      .map(([a, r]) => `${a} ${r.hit}/${r.of}`)
      .join(', ')}`,
  ];
  return lines.join('\n');
}

/** One conversation as a readable transcript with what each check found. */
export function formatTranscript(run: ConversationRun): string {
  const c = run.item.conversation;
  const out = [`=== ${c.id} (${run.item.file}): ${c.about}`];
  for (const r of run.records) {
    const flags: string[] = [];
    if (r.act !== r.turn.act) flags.push(`act ${r.act}, labelled ${r.turn.act}`);
    if (r.turn.act === 'question' && !r.turn.crisis && r.lead !== 'answer')
      flags.push(`question (${r.turn.question ?? '?'}) led by ${r.lead ?? 'nothing'}`);
    if (r.invented.length) flags.push(`INVENTED: ${r.invented.join('; ')}`);
    if (r.closeAsks) flags.push('close asks a question');
    if (r.repeated.length) flags.push(`REPEAT: ${r.repeated.join(' | ')}`);
    if (r.nameProblems.length) flags.push(`names: ${r.nameProblems.join('; ')}`);
    if (r.echoesPlain) flags.push('quotes a plain reply');
    out.push(
      `[${r.index + 1}] user (${r.turn.act}${r.turn.question ? `/${r.turn.question}` : ''}${r.turn.crisis ? ', CRISIS' : ''}): ${r.turn.user}`,
    );
    out.push(`    must: ${r.turn.must}`);
    out.push(`    amora [${r.style}, ${r.act}]: ${r.reply}`);
    if (flags.length) out.push(`    !! ${flags.join(' / ')}`);
  }
  out.push(`    summary: ${run.summary}`);
  if (run.summaryInvented.length)
    out.push(`    !! summary INVENTED: ${run.summaryInvented.join('; ')}`);
  return out.join('\n');
}
