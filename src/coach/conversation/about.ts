/**
 * Questions about Amora itself ("is it ok if i just write to you?", "are you a real person?", "who
 * can see this?"): answered plainly and first, since a person deciding whether to open up needs
 * that answer before any other, and reading them as questions about their life gives nonsense
 * ("I can't know that for certain from here"). What the message says besides is answered as usual.
 * The cues are data (`about-cues.json`); the answers are `act-replies.json` groups `about_<kind>`.
 */
import cues from './about-cues.json';

/** What a question about Amora asks. */
export type AboutKind =
  'age' | 'human' | 'private' | 'remember' | 'write' | 'how' | 'scope' | 'honest' | 'who';

const KINDS: readonly AboutKind[] = [
  'age',
  'human',
  'private',
  'remember',
  'write',
  'how',
  'scope',
  'honest',
  'who',
];

interface AboutCues {
  kinds: [string, string][];
  setup: string;
}

const RAW = cues as unknown as AboutCues;
if (
  !Array.isArray(RAW.kinds) ||
  RAW.kinds.some(
    (k) => !Array.isArray(k) || !KINDS.includes(k[0] as AboutKind) || typeof k[1] !== 'string',
  )
)
  throw new Error(
    `about-cues.json: "kinds" must be [kind, pattern] pairs, kind one of ${KINDS.join(', ')}`,
  );
if (typeof RAW.setup !== 'string') throw new Error('about-cues.json: "setup" must be a pattern');

const PATTERNS: [AboutKind, RegExp][] = RAW.kinds.map(([k, p]) => [k as AboutKind, new RegExp(p)]);
const SETUP = new RegExp(RAW.setup);
/** A hello at the start of a sentence, with nothing to answer in it. */
const HELLO =
  /^(?:hi+|hello+|hey+|hiya|heya|yo|good (?:morning|afternoon|evening)|greetings)\b(?: there| amora| you)?[\s,!.]*/;

/** Words after the question, in its own sentence, that say something of their own. */
const REST_WORDS = 4;

/** Words of the person's own life ("my husband", "i feel"): what follows them is theirs to answer. */
const OWN_LIFE = /\b(?:my|our|me|i|im|ive|id|weve|were)\b/;

/** A bare follow-up to a question about Amora ("is that true?", "right?", "can you?"). */
const ECHO_ASK =
  /^(?:(?:so|and|but|ok|okay) )?(?:is|was) (?:that|it|this) (?:true|right|so|correct|the case)$|^(?:right|really|true|is it|can you|do you|will you|are you|would you)$/;

/** A question about Amora, and the rest of the message. */
export interface AboutAmora {
  kind: AboutKind;
  /** The message without the question about Amora, the hello and how they came to be here. */
  rest: string;
}

/** The sentences of a message, as written, with the lower-cased form the cues read. */
function sentencesOf(text: string): { said: string; plain: string }[] {
  return (text.match(/[^.!?\n]+[.!?]*/g) ?? [])
    .map((said) => said.trim())
    .filter(Boolean)
    .map((said) => ({
      said,
      plain: said
        .toLowerCase()
        .replace(/[’‘`']/g, '')
        .replace(/[^\p{L}\p{N}\s,]/gu, ' ')
        .replace(/\s*,[\s,]*/g, ', ')
        .replace(/\s+/g, ' ')
        .trim(),
    }));
}

/** The question about Amora a message asks, if it asks one, and what else it says. */
export function aboutAmora(text: string): AboutAmora | null {
  let kind: AboutKind | null = null;
  const rest: string[] = [];
  for (const s of sentencesOf(text)) {
    let asked: AboutKind | null = null;
    for (const [k, re] of PATTERNS) {
      const m = re.exec(s.plain);
      if (!m) continue;
      asked = k;
      // "is it ok if i vent about my husband, he's been ignoring me": the rest is theirs to answer.
      // "can you help if my wife wants a divorce": theirs too; "... family stuff or just
      // relationships" only says what they might talk about.
      const after = s.plain
        .slice(m.index + m[0].length)
        .replace(/^[\s,]+/, '')
        .trim();
      if (OWN_LIFE.test(after) && after.split(' ').length >= REST_WORDS) rest.push(after);
      break;
    }
    if (asked) {
      kind ??= asked;
      continue;
    }
    // "... you give honest advice. is that true?": the same question, asked again.
    if (kind && ECHO_ASK.test(s.plain)) continue;
    const left = s.plain.replace(HELLO, '');
    if (left === '' || SETUP.test(left)) continue;
    rest.push(s.said.replace(/^\s*(?:hi+|hello+|hey+|hiya|heya)\b[\s,!]*/i, ''));
  }
  return kind ? { kind, rest: rest.join(' ').trim() } : null;
}
