/**
 * Facts taken from the user's words: relationship status, the partner's name, durations and
 * events (for summaries), and a short phrase of their own words the answer can quote back.
 */
import { quotable, withoutInterjections } from './conversation/own-words';
import { STATUS_LEXICON } from './lexicons';
import { allMatches } from './matches';
import { buildPhraseIndex, findPhrases } from './matcher';
import { normalizeText, stem, STOPWORDS, type NormalizedText } from './normalize';
import { RELATIONSHIP_STATUSES, type KeyFact, type RelationshipStatus } from './types';

const STATUS_INDEX = buildPhraseIndex<RelationshipStatus>(STATUS_LEXICON);
/** Tie-break between equally strong status cues: the more specific, later life stage wins. */
const STATUS_ORDER: readonly RelationshipStatus[] = [
  'divorced',
  'separated',
  'engaged',
  'married',
  'in_relationship',
  'situationship',
  'dating',
  'single',
];

/** The relationship status the text states or implies, or null. */
export function statusFromText(norm: NormalizedText): RelationshipStatus | null {
  let best: RelationshipStatus | null = null;
  let bestWeight = 0;
  for (const h of findPhrases(STATUS_INDEX, norm)) {
    if (h.negated) continue;
    const better =
      h.weight > bestWeight ||
      (h.weight === bestWeight &&
        best !== null &&
        STATUS_ORDER.indexOf(h.label) < STATUS_ORDER.indexOf(best));
    if (better) {
      best = h.label;
      bestWeight = h.weight;
    }
  }
  return best;
}

// Free-text statuses from clients ("Married", "in a relationship", "it's complicated").
const STATUS_ALIASES: [RegExp, RelationshipStatus][] = [
  [/\b(divorced|divorce)\b/, 'divorced'],
  [/\b(separated|separating|separation)\b/, 'separated'],
  [/\b(engaged|engagement|fiance)\b/, 'engaged'],
  [
    /\b(married|marriage|husband|wife|spouse|domestic partnership|civil partnership|civil union)\b/,
    'married',
  ],
  [
    /\b(situationship|complicated|casual|friends with benefits|talking stage|undefined|on and off|not official)\b/,
    'situationship',
  ],
  [
    /\b(in a relationship|relationship|taken|committed|partnered|boyfriend|girlfriend|together|couple)\b/,
    'in_relationship',
  ],
  [/\b(dating|seeing someone|talking to someone)\b/, 'dating'],
  [/\b(single|unattached|widowed|widow|widower|alone)\b/, 'single'],
];

/**
 * Maps a client's free-text relationship status to an id, or null when unknown
 * ("Married" -> married, "it's complicated" -> situationship, "in_relationship" -> in_relationship).
 */
export function mapRelationshipStatus(raw: string | null | undefined): RelationshipStatus | null {
  if (!raw) return null;
  const s = normalizeText(raw).text.replace(/ \. /g, ' ');
  const asId = s.replace(/ /g, '_');
  if ((RELATIONSHIP_STATUSES as readonly string[]).includes(asId))
    return asId as RelationshipStatus;
  if (/\b(not|no longer|never)\b/.test(s) && /\b(married|together|relationship|dating)\b/.test(s))
    return 'single';
  for (const [re, status] of STATUS_ALIASES) if (re.test(s)) return status;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Partner name

const PARTNER_NOUN =
  "(?:boy ?friend|girl ?friend|partner|husband|wife|hubby|fianc[eé]e?|ex|ex[- ]?(?:boy ?friend|girl ?friend|husband|wife|partner|fianc[eé]e?)|bf|gf|spouse|crush|date|situationship|man|guy|girl|lover|person i'?m seeing|guy i'?m seeing|girl i'?m seeing|significant other|s\\.?o\\.?)";
const NAME = "(\\p{L}[\\p{L}'’-]{1,20})";
// "my boyfriend Alex", "my ex, Sam,", "my new girlfriend (Jo)".
const RE_ROLE_NAME = new RegExp(
  `\\bmy ((?:new |current |old |former |ex[- ]|late )?)(${PARTNER_NOUN})\\s*,?\\s*\\(?${NAME}`,
  'giu',
);
// "Alex and I", "me and Alex".
const RE_AND_I = new RegExp(`${NAME} and (?:I|me)\\b`, 'gu');
const RE_ME_AND = new RegExp(`\\b(?:me|myself) (?:and|&) ${NAME}`, 'giu');
// "Her name is Maria", "his name's Sam".
const RE_NAME_IS = new RegExp(`\\b(?:[Hh]is|[Hh]er|[Tt]heir) name(?:'s|’s| is| was) ${NAME}`, 'gu');
// "Alex left me", "Alex cheated", "Alex keeps ...".
const RE_NAME_VERB = new RegExp(
  `${NAME} (?:just |finally |suddenly |recently |then |has |had |is |was )?(?:left|dumped|cheated|broke|said|told|texted|moved|ghosted|wants|wanted|doesn['’]?t|does not|won['’]?t|will not|isn['’]?t|keeps|never|always|didn['’]?t|did not|yelled|called|blocked|proposed|asked|lied|hit|says|thinks|stopped|started|forgot|ignores|ignored|hasn['’]?t|and me|texts|loves|loved|hates|got)\\b`,
  'gu',
);
// "broke up with Alex", "I miss Alex", "dating Sam".
const RE_VERB_NAME = new RegExp(
  `\\b(?:with|dating|seeing|marry|married|miss|texted|text|call|called|love|loved|about|trust|forgive|leave|left) ${NAME}`,
  'giu',
);
// Not partners: "my sister Anna said".
const RE_NOT_PARTNER_BEFORE =
  /\bmy (?:friend|best friend|bestie|sister|brother|mom|mum|mother|dad|father|boss|coworker|colleague|therapist|cousin|roommate|flatmate|son|daughter|aunt|uncle|grandma|grandpa|neighbou?r|kid|child|baby|dog|cat|teacher|manager)\s*,?\s*$/i;

/** Capitalised words that are not names (also used to spot titles that are not names). */
export const NAME_STOPLIST: ReadonlySet<string> = new Set(
  `i im i'm ive he she they we you it its this that these those there then the a an and but or so my our his her
  their your me him us them what when where why how who which yes no not ok okay hi hey hello thanks thank please sorry
  today tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april
  may june july august september october november december christmas easter thanksgiving valentine valentines god jesus
  lord omg mom mum dad mother father amora coach tinder hinge bumble instagram insta facebook snapchat whatsapp tiktok
  twitter google english american british everything nothing nobody everyone someone somebody anyone because since after
  before now just also still maybe well like honestly really ever never always sometimes last next every all some any one
  two is was are do does did should could would can will if even though although lately recently anyway sure dear mr mrs
  ms dr work home school college university uni church covid therapy therapist life things boyfriend girlfriend husband
  wife partner ex love babe baby honey bf gf lol lmao ugh idk tbh literally basically apparently actually also plus
  again guess hmm wow yeah yep nope oh ah um uh hes shes theyre were weve ill id its whats thats theres heres cause cuz
  ty thx xo please`
    .split(/\s+/)
    .filter(Boolean),
);

function cleanName(raw: string): string | null {
  const name = raw.replace(/['’]s$/u, '').replace(/['’-]+$/u, '');
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(name)) return null;
  if (NAME_STOPLIST.has(name.toLowerCase())) return null;
  return name;
}

/** A partner name found in a message, with how sure we are and the role word when given. */
export interface PartnerMention {
  name: string;
  /** "boyfriend", "ex", ... when the user named the role ("my boyfriend Alex"). */
  role: string | null;
  /** Strong: the user tied the name to a partner word. Weak: "Alex and I", "Alex left". */
  strong: boolean;
}

/** A role word for display: "bf" -> "boyfriend", prefix "ex " + "boyfriend" -> "ex-boyfriend". */
function displayRole(prefix: string, noun: string): string {
  const map: Record<string, string> = {
    bf: 'boyfriend',
    gf: 'girlfriend',
    hubby: 'husband',
    'boy friend': 'boyfriend',
    'girl friend': 'girlfriend',
    fiancee: 'fiancée',
    fiance: 'fiancé',
    fiancé: 'fiancé',
    fiancée: 'fiancée',
  };
  let r = noun.toLowerCase().replace(/\s+/g, ' ').trim();
  r = r.replace(/^ex[- ]?(?=\S)/, '');
  const ex = /^ex/i.test(prefix) || (/^ex[- ]?\S/i.test(noun) && noun.toLowerCase() !== 'ex');
  r = Object.hasOwn(map, r) ? map[r] : r;
  if (r === 'ex') return 'ex';
  return ex ? `ex-${r}` : r;
}

/** Sentence-start check: a capitalised first word is not evidence of a name on its own. */
function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?\n]$/.test(before);
}

/**
 * The partner's name, if the message gives one. Strong mentions name a partner role
 * ("my boyfriend Alex", "my ex, Sam,"); weak ones only place a name next to the user or a
 * relationship verb ("Alex and I", "Alex left me", "I miss Sam"). The last strong mention wins.
 */
export function findPartnerName(text: string): PartnerMention | null {
  const src = text.replace(/[\u2018\u2019]/g, "'");
  let strong: PartnerMention | null = null;
  for (const m of allMatches(RE_ROLE_NAME, src)) {
    const name = cleanName(m[3]);
    if (name) strong = { name, role: displayRole(m[1], m[2]), strong: true };
  }
  if (strong) return strong;
  const weak: { name: string; at: number }[] = [];
  const consider = (raw: string, at: number, requireMidSentence: boolean) => {
    const name = cleanName(raw);
    if (!name) return;
    if (RE_NOT_PARTNER_BEFORE.test(src.slice(Math.max(0, at - 40), at))) return;
    if (requireMidSentence && atSentenceStart(src, at)) return;
    weak.push({ name, at });
  };
  for (const m of allMatches(RE_AND_I, src)) consider(m[1], m.index ?? 0, false);
  for (const m of allMatches(RE_ME_AND, src))
    consider(m[1], (m.index ?? 0) + m[0].length - m[1].length, false);
  for (const m of allMatches(RE_NAME_VERB, src)) consider(m[1], m.index ?? 0, false);
  for (const m of allMatches(RE_NAME_IS, src))
    consider(m[1], (m.index ?? 0) + m[0].length - m[1].length, false);
  for (const m of allMatches(RE_VERB_NAME, src))
    consider(m[1], (m.index ?? 0) + m[0].length - m[1].length, true);
  if (weak.length === 0) return null;
  weak.sort((a, b) => a.at - b.at);
  return { name: weak[weak.length - 1].name, role: null, strong: false };
}

// ---------------------------------------------------------------------------------------------
// Key facts: durations and events, rewritten in the second person for summaries.

const NUM =
  '(?:\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|few|a couple of|a couple|couple of|several|half a|many)';
const DUR = `(?:${NUM} (?:and a half )?(?:day|week|month|year|decade)s?(?: and a half)?)`;
const APPROX =
  '(?:almost |nearly |about |over |around |just |only |like |roughly |more than |less than )?';
const RE_TOGETHER_FOR = new RegExp(
  `\\b(?:(we|i) (have been|had been|were|was|are|am|have|had|been) )?(together|married|dating|engaged|seeing each other|in a relationship|living together|talking|with (?:him|her|them|xpartnerx)) for ${APPROX}(${DUR})`,
  'g',
);
const RE_AFTER_DUR = new RegExp(
  `\\bafter ${APPROX}(${DUR}) (together|of (?:dating|marriage|being together|talking|living together))`,
  'g',
);
const RE_DUR_RELATIONSHIP = new RegExp(
  `\\b(${NUM} (?:year|month|week)) (?:long )?(relationship|marriage)`,
  'g',
);
const RE_KNOWN_FOR = new RegExp(`\\bknown each other for ${APPROX}(${DUR})`, 'g');

const TIME =
  '(?: (yesterday|today|tonight|this (?:morning|afternoon|evening|week|weekend|month|year)|last (?:night|week|weekend|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|summer|spring|autumn|fall|winter|time)|' +
  `${DUR} ago|recently|a while ago|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:january|february|march|april|may|june|july|august|september|october|november|december)))?`;
const SUBJ =
  '(he|she|they|we|i|xpartnerx|my (?:ex|boyfriend|girlfriend|partner|husband|wife|fiance|spouse|ex boyfriend|ex girlfriend|ex husband|ex wife))';
const EVENT_VERBS = [
  'moved out',
  'moved in together',
  'moved in',
  'moved away',
  'left me',
  'walked out',
  'broke up with me',
  'broke up',
  'dumped me',
  'split up',
  'separated',
  'ended it',
  'ended things',
  'cheated on me',
  'cheated',
  'had an affair',
  'ghosted me',
  'blocked me',
  'proposed',
  'got engaged',
  'got married',
  'filed for divorce',
  'asked for a divorce',
  'asked for divorce',
  'got divorced',
  'found out',
  'had a baby',
  'started seeing someone',
  'started dating someone',
  'got back together',
  'went back to (?:his|her|their) ex',
  'stopped talking to me',
  'stopped texting me',
  'unfollowed me',
  'slept with (?:someone else|my best friend|his ex|her ex|a coworker|someone)',
  'kissed someone(?: else)?',
  'lost (?:my|his|her|our) job',
  'left',
];
const RE_SINCE_EVENT = new RegExp(`\\b(${DUR}) since ${SUBJ} (${EVENT_VERBS.join('|')})\\b`, 'g');
const RE_EVENT = new RegExp(
  `\\b${SUBJ} (?:just |finally |suddenly |recently |then |actually )?(${EVENT_VERBS.join('|')})\\b${TIME}`,
  'g',
);

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
};

/** "3 years", "six months", "a year and a half": kept as the user wrote it, minus approximators. */
function tidyDuration(d: string): string {
  return d.replace(/\s+/g, ' ').trim();
}

function subjectToSecondPerson(subj: string, partnerName: string | null): string {
  switch (subj) {
    case 'he':
    case 'she':
    case 'they':
      return partnerName ?? 'your partner';
    case 'we':
    case 'i':
      return 'you';
    case 'xpartnerx':
      return partnerName ?? 'your partner';
    default:
      return subj
        .replace(/^my /, 'your ')
        .replace(/^your ex (boyfriend|girlfriend|husband|wife)$/, 'your ex-$1');
  }
}

function verbToSecondPerson(verb: string): string {
  return verb.replace(/\bme\b/g, 'you').replace(/\bmy\b/g, 'your');
}

/**
 * Durations and events the user stated, as short second-person clauses that read after "that"
 * ("you were together for 3 years", "Alex moved out last month").
 * @param partnerName the partner's name when known, used for "he"/"she" and for the name itself
 */
const RE_CALENDAR_NAME =
  /\b(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g;

export function extractFacts(
  norm: NormalizedText,
  partnerName: string | null,
  turn: number,
): KeyFact[] {
  // The partner's name becomes one token the precompiled patterns know.
  const lowerName = partnerName?.toLowerCase() ?? null;
  const text = lowerName
    ? norm.tokens.map((t) => (t === lowerName ? 'xpartnerx' : t)).join(' ')
    : norm.text;
  const facts: KeyFact[] = [];
  const add = (kind: KeyFact['kind'], s: string) => {
    // Normalised text is lower case; months and weekdays are names in a summary ("in March").
    const clean = s
      .replace(/\s+/g, ' ')
      .trim()
      .replace(RE_CALENDAR_NAME, (w) => w[0].toUpperCase() + w.slice(1));
    if (clean && !facts.some((f) => f.text === clean)) facts.push({ kind, text: clean, turn });
  };
  for (const m of allMatches(RE_TOGETHER_FOR, text)) {
    const aux = m[2];
    const state = m[3]
      .replace('xpartnerx', partnerName ?? 'your partner')
      .replace(/^with (him|her|them)$/, 'with ' + (partnerName ?? 'your partner'));
    const verb = !aux
      ? 'were'
      : aux === 'have been' || aux === 'have' || aux === 'been'
        ? 'have been'
        : aux === 'had been' || aux === 'had'
          ? 'had been'
          : aux === 'are' || aux === 'am'
            ? 'are'
            : 'were';
    add('duration', `you ${verb} ${state} for ${tidyDuration(m[4])}`);
  }
  for (const m of allMatches(RE_AFTER_DUR, text)) {
    const what =
      m[2] === 'together' || m[2] === 'of being together'
        ? 'together'
        : m[2].includes('marriage')
          ? 'married'
          : m[2].includes('living')
            ? 'living together'
            : m[2].includes('talking')
              ? 'talking'
              : 'dating';
    add('duration', `you had been ${what} for ${tidyDuration(m[1])}`);
  }
  for (const m of allMatches(RE_DUR_RELATIONSHIP, text)) {
    const [num, unit] = m[1].split(' ');
    const n = Object.hasOwn(NUMBER_WORDS, num) ? NUMBER_WORDS[num] : num;
    add('duration', `it was a ${n === 'a' || n === 'an' ? '1' : n}-${unit} ${m[2]}`);
  }
  for (const m of allMatches(RE_KNOWN_FOR, text))
    add('duration', `you have known each other for ${tidyDuration(m[1])}`);
  for (const m of allMatches(RE_EVENT, text)) {
    const subj = subjectToSecondPerson(m[1], partnerName);
    const verb = verbToSecondPerson(m[2]);
    // "you left" on its own says little; keep bare "left" only for the partner.
    if (m[2] === 'left' && subj === 'you') continue;
    add('event', `${subj} ${verb}${m[3] ? ' ' + m[3] : ''}`);
  }
  for (const m of allMatches(RE_SINCE_EVENT, text)) {
    add(
      'event',
      `${subjectToSecondPerson(m[2], partnerName)} ${verbToSecondPerson(m[3])} ${tidyDuration(m[1])} ago`,
    );
  }
  // "you broke up" is redundant next to "you broke up two weeks ago".
  return facts.filter((f) => !facts.some((o) => o !== f && o.text.startsWith(f.text + ' ')));
}

// ---------------------------------------------------------------------------------------------
// Echo: a short phrase of the user's own words.

const CLAUSE_SPLIT = /[.!?;:\n,()]+|\s[-–—]\s|\s(?:but|because|and then|so|although|though)\s/i;
// Long clauses are cut again at weaker joints to find a quotable 3-8 word piece.
const SUBCLAUSE_SPLIT = /\s(?:and|that|when|since|after|which|who|while|until|or)\s/i;

/** Clauses of a message, long ones cut at weaker joints. */
function clausesOf(text: string): string[] {
  const out: string[] = [];
  for (const c of text.split(CLAUSE_SPLIT)) {
    if (!c) continue;
    if (c.trim().split(/\s+/).length > 8) out.push(...c.split(SUBCLAUSE_SPLIT));
    else out.push(c);
  }
  return out;
}
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const LEADING_JOINERS =
  /^(?:and|but|so|because|also|then|like|well|honestly|basically|just|anyway|ok|okay|yeah|um|uh)\s+/i;
const ADVICE_CLAUSE =
  /\b(what should i|what do i do|what can i do|any advice|should i|how do i|how can i|what would you)\b/i;

/** A clause that only says who someone is ("im jonas btw", "my name is ana", "hes called caio"). */
const INTRODUCTION =
  /^(?:(?:i am|i'm|im|my name is|my name's|names|(?:he|she|they)(?: is|'s|s| are|'re) called|(?:his|her|their) name(?: is|'s|s)) [\p{L}'-]+(?: btw| by the way| lol| haha)*)$/iu;

/**
 * A 3-8 word clause of the user's own message, preferring one that carries a detected topic or
 * emotion, with braces and quotes removed (so nothing the user typed can look like a placeholder).
 * Null when no clause fits: blocks that quote the user are then not chosen.
 * @param salient stems of detected topic/emotion phrases, to prefer the clause that holds them
 */
export function extractEcho(text: string, salient: ReadonlySet<string>): string | null {
  let best: { words: string[]; score: number } | null = null;
  for (const typed of clausesOf(text)) {
    if (!typed) continue;
    // Slang and interjections ("omg", "bro", "lol") are not quoted back as part of the sentence.
    const rawClause = withoutInterjections(typed);
    const clause = rawClause
      .replace(/[{}"“”«»\[\]<>*_#@|\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(LEADING_JOINERS, '')
      .replace(LEADING_JOINERS, '');
    const words = clause.split(' ').filter(Boolean);
    if (words.length < 3 || words.length > 8) continue;
    if (ADVICE_CLAUSE.test(clause)) continue;
    // Introducing oneself or someone ("im jonas btw", "hes called caio") is no feeling to quote.
    if (INTRODUCTION.test(clause)) continue;
    // Slang, a preamble or broken wording is not quoted back as it was typed.
    if (!quotable(clause)) continue;
    // Links, handles and long numbers do not belong in a quote.
    if (/https?:|www\.|\d{4,}/.test(clause)) continue;
    // A light tokenisation is enough to score a clause (full normalisation per clause is costly).
    let hits = 0;
    let content = 0;
    for (const word of clause.toLowerCase().replace(/['’]/g, '').split(WORD_SPLIT)) {
      if (!word) continue;
      const s = stem(word);
      if (salient.has(s)) hits++;
      else if (!STOPWORDS.has(s)) content++;
    }
    if (hits === 0 && content < 2) continue;
    const score = hits * 2 + Math.min(content, 3) - Math.abs(words.length - 6) * 0.2;
    if (!best || score > best.score) best = { words, score };
  }
  if (!best) return null;
  // Typed "i" becomes "I": the quote is theirs, the capital is just tidy.
  let phrase = best.words
    .join(' ')
    .replace(/[\s.,;:!?'’-]+$/u, '')
    .replace(/\bi(?=$|[\s'’])/g, 'I');
  // Mid-sentence quote: lower-case the first word unless it is "I" or looks like a name.
  if (/^\p{Lu}\p{Ll}/u.test(phrase) && !/^I\b/.test(phrase)) {
    const first = phrase.split(' ')[0];
    if (
      NAME_STOPLIST.has(first.toLowerCase()) ||
      /^(The|A|An|My|We|He|She|They|It|This|That|Everything|Nothing|Every|All|Some)$/.test(first)
    ) {
      phrase = phrase[0].toLowerCase() + phrase.slice(1);
    }
  }
  return phrase.length > 0 ? phrase : null;
}
