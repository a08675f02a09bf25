/**
 * What a goodbye or thanks says besides goodbye, said back briefly: the close answers the person's
 * last line ("gonna go eat ice cream and watch gilmore girls bye" -> "You're going to go eat ice
 * cream and watch gilmore girls; that sounds just right.") rather than a stock farewell that could
 * follow any message. Their plan is named, a joke is taken as one, and feeling lighter is welcomed.
 * The wording is data (`closing-cues.json`).
 */
import cues from './closing-cues.json';
import { inSecondPerson } from './own-words';

interface ClosingCues {
  farewell: string;
  plan: string;
  leads: [string, string][];
  filler: string;
  lighter: string;
  laugh: string;
}

const CUES = cues as unknown as ClosingCues;
for (const k of ['farewell', 'plan', 'filler', 'lighter', 'laugh'] as const)
  if (typeof CUES[k] !== 'string') throw new Error(`closing-cues.json: "${k}" must be a pattern`);
if (!Array.isArray(CUES.leads) || CUES.leads.some((l) => !Array.isArray(l) || l.length !== 2))
  throw new Error('closing-cues.json: "leads" must be [pattern, replacement] pairs');

const FAREWELL = new RegExp(CUES.farewell, 'g');
const PLAN = new RegExp(CUES.plan);
const LEADS: [RegExp, string][] = CUES.leads.map(([p, r]) => [new RegExp(p), r]);
const FILLER = new RegExp(CUES.filler);
const LIGHTER = new RegExp(CUES.lighter);
const LAUGH = new RegExp(CUES.laugh, 'u');
const LAUGH_WORDS = new RegExp(CUES.laugh, 'gu');

/** Longest part of a close said back, in words: a close stays short. */
const MAX_WORDS = 18;

/** What a close says besides goodbye, and how to meet it. */
export interface Closing {
  /** What they are off to do, or how they feel, in the second person. */
  said: string;
  /** Their plan ('plan'), a joke about it ('joke'), or feeling better ('lighter'). */
  kind: 'plan' | 'joke' | 'lighter';
}

/** The sentences of a message with leave-taking and thanks cut out, lower case, no emoji. */
function parts(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}\s.,!?;]/gu, ' ')
    .split(/[.!?;\n]+/)
    .map((s) =>
      s
        .replace(FAREWELL, ' ')
        .replace(LAUGH_WORDS, ' ')
        .replace(/\s*,\s*(,\s*)*/g, ', ')
        .replace(/\s+/g, ' ')
        .replace(/^[\s,]+|[\s,]+$/g, ''),
    )
    .filter((s) => s.split(' ').length >= 2);
}

/**
 * The plan, joke or relief in a goodbye or thanks ("gonna go turn off those notifications lol" ->
 * a joke, "you're going to go turn off those notifications"), or null when it says nothing but
 * goodbye and thanks.
 */
export function closingOf(text: string): Closing | null {
  const laugh = LAUGH.test(text);
  for (const sentence of parts(text)) {
    // Words to Amora ("ill think about what you said") are not theirs to hear back.
    if (/\b(you|your|u|ur)\b/.test(sentence)) continue;
    // The plan may follow a leaving clause ("i should go, gonna cook ..."): from its clause on.
    const clauses = sentence.split(', ');
    const at = clauses.findIndex((c) => PLAN.test(c) || LIGHTER.test(c));
    if (at < 0) continue;
    const p = clauses.slice(at).join(', ');
    if (LIGHTER.test(p)) {
      const said = inSecondPerson(p);
      if (said && said.split(' ').length <= MAX_WORDS) return { said, kind: 'lighter' };
      continue;
    }
    let s = p;
    for (const [re, to] of LEADS) s = s.replace(re, to);
    // "gotta go, my shift starts": the leaving itself is not the plan, what follows may be.
    s = s.replace(/^(you've got to|you're off to|it's time to) (go|run|dash)( now)?,\s*/, '');
    // What is left must still say what they will do ("your shift starts" says no plan of theirs).
    if (FILLER.test(s) || !/^(you|it's)/.test(s) || s.split(' ').length < 3) continue;
    const said = inSecondPerson(s);
    if (said && said.split(' ').length <= MAX_WORDS)
      return { said: said.replace(/,\s*$/, ''), kind: laugh ? 'joke' : 'plan' };
  }
  return null;
}
