/**
 * What the person just said, said back in the second person ("its just so quiet now. his hoodie is
 * still on my chair" -> "it's just so quiet now, and his hoodie is still on your chair"). A stock
 * paragraph picked because one word of the message matched a topic answers the topic, not the
 * person; their own words, said back, answer them. Kept short and plain: chat fillers, laughter
 * and questions are left out, and anything too long to say back gives null.
 */
import cues from './echo-cues.json';
import { anyOf } from '../alternation';

interface EchoCues {
  interjections: string[];
  anywhere: string[];
  vocative: string;
  preamble: string[];
  lead: string[];
  label: string[];
  broken: string[];
  role_nouns: string;
  light: string[];
  burden: string[];
  gist: { when: string; gist: string }[];
  background: string[];
}

const CUES = cues as unknown as EchoCues;

function compileList(list: unknown, name: string, flags = 'u'): RegExp[] {
  if (!Array.isArray(list) || list.some((p) => typeof p !== 'string'))
    throw new Error(`echo-cues.json: "${name}" must be a list of patterns`);
  return (list as string[]).map((p) => new RegExp(p, flags));
}

/** A cue list as one regex that matches where one of its patterns does (see {@link anyOf}). */
function compileAny(list: unknown, name: string): RegExp {
  compileList(list, name);
  return anyOf(list as string[], 'u', `echo-cues.json: "${name}"`);
}

/** Chat words outside the sentence, at its start ("mano i need help", "omg he texted"). */
const INTERJECTION_START = new RegExp(
  `^(?:(?:${compileList(CUES.interjections, 'interjections')
    .map((r) => r.source)
    .join('|')})(?:[,.!:\\- ]+|$))+`,
  'u',
);
/** The same at its end ("u helped fr", "thank you po"). */
const INTERJECTION_END = new RegExp(`(?:[,.!:\\- ]+(?:${CUES.interjections.join('|')}))+$`, 'u');
/** Chat words dropped wherever they stand ("and lol he said", "i ngl miss him"). */
const INTERJECTION_ANYWHERE = new RegExp(
  `(?<=^|[\\s,])(?:${compileList(CUES.anywhere, 'anywhere')
    .map((r) => r.source)
    .join('|')})(?=[\\s,.!?;:]|$)[,]?`,
  'gu',
);
const VOCATIVE = new RegExp(CUES.vocative, 'gu');
const PREAMBLES = compileAny(CUES.preamble, 'preamble');
const LEAD = new RegExp(`^(?:(?:${CUES.lead.join('|')})(?:[,.:!\\- ]+))+`, 'u');
const LABEL = new RegExp(`^(?:${CUES.label.join('|')})\\s*[,:\\-]+\\s*`, 'u');
const BROKEN = compileAny(
  CUES.broken.map((p) => p.replace('ROLE', CUES.role_nouns)),
  'broken',
);
const LIGHT = compileAny(CUES.light, 'light');
const BURDEN = compileAny(CUES.burden, 'burden');

/** Lower case with typographic apostrophes made plain, as the cues are written. */
function lowerPlain(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[\u2019\u02bc`]/g, "'")
      // "our therapist, dr. okafor, said": a title's stop ends no sentence.
      .replace(/\b(dr|mr|mrs|ms|prof|st)\./g, '$1')
  );
}

/**
 * Whether a message laughs at itself ("haha", a laughing emoji, "like a sitcom plot"): such a
 * remark is never met as a weight the person carries.
 */
export function lightIn(text: string): boolean {
  const t = lowerPlain(text);
  return LIGHT.test(t);
}

/**
 * Whether words say a problem or a hurt in so many words ("you keep fighting about money", "you're
 * alone with the kids"): only those are met with "that's a lot to deal with" and its kind.
 */
export function burdenIn(text: string): boolean {
  return firstPersonReadings(text).some((t) => BURDEN.test(t));
}

const BACKGROUND = compileAny(CUES.background, 'background');

/**
 * Whether words only set the scene: how long, where, who someone is, what someone else said or
 * asked ("you've been with Hana for 3 years", "your daughter Claire says you should get a carer").
 */
export function backgroundIn(text: string): boolean {
  const t = lowerPlain(text);
  return BACKGROUND.test(t);
}

/**
 * Words said back in the second person read in the first person too, as the cues are written
 * ("making you miserable" is "making me miserable"): "you" as object and as subject.
 */
function firstPersonReadings(text: string): string[] {
  const t = lowerPlain(text);
  const mine = t
    .replace(/\byour\b/g, 'my')
    .replace(/\byou're\b/g, "i'm")
    .replace(/\byou've\b/g, "i've")
    .replace(/\byourself\b/g, 'myself');
  return [t, mine.replace(/\byou\b/g, 'me'), mine.replace(/\byou\b/g, 'i')];
}

/**
 * One sentence of the person's, lower case, with what stands outside it taken off (Amora's name,
 * chat interjections, an aside in brackets, a lead-in such as "for context" or "slightly annoying
 * thing:"), or null when it is not worth saying back: only a preamble ("I need some perspective",
 * "his name is Ramon"), addressed to Amora ("u helped"), or worded too far from standard English
 * to quote ("he understand", "my husband is seaman").
 */
export function echoable(sentence: string): string | null {
  let s = lowerPlain(sentence)
    .replace(VOCATIVE, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let before = ''; before !== s;) {
    before = s;
    s = s
      .replace(INTERJECTION_START, '')
      .replace(INTERJECTION_END, '')
      // "speed dating haha, i've got 2 matches": the pause it stood in stays.
      .replace(INTERJECTION_ANYWHERE, (m) => (m.endsWith(',') ? ',' : ''))
      .replace(/\s+,/g, ',')
      .replace(/,(\s*,)+/g, ',')
      .replace(LEAD, '')
      .replace(LABEL, '')
      .replace(/\s+/g, ' ')
      .replace(/^[,.:;!\- ]+|[,.:;!\- ]+$/g, '')
      .trim();
  }
  // "he's really sweet, like he always ...": a filler "like" after a pause is not a comparison.
  s = s
    .replace(/\b(gonna|wanna|gotta|kinda|sorta|tryna|dunno)\b/g, (w) => SPELLED_OUT[w] ?? w)
    .replace(/, like (?=(he|she|they|i|we|it|you|the|my|his|her)\b)/g, ', ');
  if (!s || PREAMBLES.test(s)) return null;
  // Speech reported after a colon ("ask him straight: are we together") stays speech.
  const speech =
    /^(.*\b(?:ask|asked|asking|say|said|saying|tell|told|telling|text|texted|write|wrote|go|went)\b[^:'"]*): ([^'"]+)$/.exec(
      s,
    );
  if (speech) {
    const words = speech[2].replace(/[.!]+$/, '');
    const question =
      /^(are|is|do|does|did|can|could|will|would|what|why|how|when|where|who|should|have|has)\b/.test(
        words,
      );
    s = `${speech[1]}: '${words.charAt(0).toUpperCase()}${words.slice(1)}${question ? '?' : ''}'`;
  }
  const bare = unquoted(s);
  // Words to Amora ("u helped", "you're right") turned to the second person would be the person's.
  if (/\b(you|your|yours|you're|youre|you've|you'll|you'd|u|ur|yourself)\b/.test(bare)) return null;
  if (BROKEN.test(mended(bare))) return null;
  return s;
}

const GISTS = CUES.gist.map((g) => ({
  when: new RegExp(g.when, 'u'),
  gist: g.gist,
}));

/**
 * What a preamble of the message means, said in a fixed phrase ("hey amora, this isn't about me
 * exactly" -> "this is about someone close to you more than about you"), or null: for a message
 * with nothing else that can be said back, the gist, never the person's words turned about.
 */
export function preambleGist(text: string): string | null {
  for (const piece of lowerPlain(text).split(/[.!?;\n]+/)) {
    const s = piece.replace(VOCATIVE, ' ').replace(/\s+/g, ' ').trim();
    const g = GISTS.find((x) => x.when.test(s));
    if (g) return g.gist;
  }
  return null;
}

/** Any chat interjection, as a word of its own. */
const INTERJECTION_WORD = new RegExp(
  `(?<![\\p{L}'])(?:${CUES.anywhere.join('|')})(?![\\p{L}'])`,
  'giu',
);
/** Chat words at either edge of a clause ("bro", "man", "mate" are words in mid-sentence). */
const INTERJECTION_EDGE = new RegExp(
  `^(?:(?:${CUES.interjections.join('|')})(?![\\p{L}'])[\\s,.!]*)+|(?:[\\s,.!]+(?:${CUES.interjections.join('|')}))+[\\s,.!]*$`,
  'giu',
);

/** A clause as typed, without its chat interjections ("omg he texted lol" -> "he texted"). */
export function withoutInterjections(clause: string): string {
  return clause
    .trim()
    .replace(INTERJECTION_EDGE, ' ')
    .replace(INTERJECTION_WORD, ' ')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether a clause may be quoted as it was typed ("When you say '...'"): not words to Amora ("u
 * helped", "hey amora"), not a preamble, not broken wording ("he understand").
 */
export function quotable(clause: string): boolean {
  const s = lowerPlain(clause)
    .replace(/^[\s,.:;!-]+|[\s,.:;!-]+$/g, '')
    .replace(/\s+/g, ' ');
  VOCATIVE.lastIndex = 0;
  return (
    s !== '' &&
    !VOCATIVE.test(s) &&
    !/\b(u|ur)\b/.test(s) &&
    !PREAMBLES.test(s) &&
    !BROKEN.test(mended(s))
  );
}

/** Quoted speech, a word of it may carry an apostrophe ("'when's round 2?'"). */
const QUOTE =
  /(?<=^|\s|:)['\u2018"\u201c](?:[^'\u2019"\u201d]|(?<=\p{L})['\u2019](?=\p{L})){1,80}['\u2019"\u201d](?=[\s.,!?;:]|$)/gu;

/** The text with `fn` applied to all but its quoted speech (quoted words stay the speaker's). */
export function outsideQuotes(s: string, fn: (part: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of s.matchAll(QUOTE)) {
    out += fn(s.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + fn(s.slice(at));
}

/** The text split at `stop`, never inside quoted speech ("she said 'when's round 2?' and left"). */
export function splitOutsideQuotes(s: string, stop: RegExp): string[] {
  const quotes: string[] = [];
  const held = s.replace(QUOTE, (q) => `\uE000${quotes.push(q) - 1}\uE000`);
  return held
    .split(stop)
    .map((part) => part.replace(/\uE000(\d+)\uE000/g, (_, i: string) => quotes[+i]));
}

/** The text with its quoted speech left out (what the person says in their own voice). */
export function unquoted(s: string): string {
  return s.replace(QUOTE, ' ');
}

/** First-person words and their second-person counterparts (facts.ts adds chat spellings). */
export const SECOND_PERSON: Readonly<Record<string, string>> = {
  i: 'you',
  "i'm": "you're",
  "i've": "you've",
  "i'll": "you'll",
  "i'd": "you'd",
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  we: 'you',
  "we're": "you're",
  "we've": "you've",
  "we'll": "you'll",
  "we'd": "you'd",
  us: 'you',
  our: 'your',
  ours: 'yours',
  ourselves: 'yourselves',
};

function toSecondPerson(s: string): string {
  return (
    s
      .replace(/[\p{L}']+/gu, (w) => (Object.hasOwn(SECOND_PERSON, w) ? SECOND_PERSON[w] : w))
      // "wife and i" said back is "you and your wife", not "your wife and you".
      .replace(
        /^your (wife|husband|partner|boyfriend|girlfriend|fiance|fiancee|mum|mom|dad|son|daughter|ex) and you\b/,
        'you and your $1',
      )
      .replace(/\byou am\b/g, 'you are')
      .replace(/\byou was\b/g, 'you were')
      .replace(/\byou is\b/g, 'you are')
  );
}

/** Longest reflection said back, in words. */
const MAX_WORDS = 22;
/** Fewest words a sentence needs to be said back alone as the one that matters. */
const MATTERS_WORDS = 6;
/** Fewest words a sentence needs to be worth saying back. */
const MIN_WORDS = 3;

/** Chat openers that carry no content ("ok so", "honestly", "lol"). */
const LEADING =
  /^((hi+|hey+|hello|ok(ay)?|thats? (a )?(good point|fair|true)|that's (a )?(good point|fair|true)|fair enough|good point|true|(you're|youre|ur) right|so|well|yeah|yea|ya|yes|no|nah|right|honestly|tbh|lol|haha+|omg|ugh|like|um+|uh+|hmm+|i mean|and|but|also|anyway|actually|update:?|oh|wow|esp|especially|particularly)[,.:!\- ]+)+/;
/** Chat tails that carry no content ("lol", "tbh", "or anything", "anyway"). */
const TRAILING =
  /([, ]+(lol+|lmao|haha+|tbh|honestly|tho|though|anyway|anyways|or anything|or whatever|idk|ig|i guess|btw|by the way|x+|like|really|if that matters|fr))+$/;

/** Chat shorthand written out when said back ("my bf" -> "your boyfriend"). */
const CHAT_WORDS: Readonly<Record<string, string>> = {
  bf: 'boyfriend',
  gf: 'girlfriend',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  rn: 'right now',
  tho: 'though',
  'w/': 'with',
};

/** Spoken contractions written out ("gonna" -> "going to"). */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'have to',
  kinda: 'kind of',
  sorta: 'sort of',
  tryna: 'trying to',
  dunno: "don't know",
};

/** Apostrophes the person left out, put back ("dont" -> "don't", "its been" -> "it's been"). */
function mended(s: string): string {
  return (
    s
      .replace(/\b(gonna|wanna|gotta|kinda|sorta|tryna|dunno)\b/g, (w) => SPELLED_OUT[w] ?? w)
      // "wife and i keep fighting": the role word is the person's own.
      .replace(
        /^(wife|husband|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|mum|mom|dad|son|daughter) and (i|me)\b/,
        'my $1 and i',
      )
      .replace(/\bidk\b/g, "i don't know")
      .replace(/\b(bf|gf|bc|cuz|coz|rn|tho|w\/)(?=\s|$)/g, (w) => CHAT_WORDS[w] ?? w)
      .replace(/^ill\b|(?<=\b(and|so|then|think|guess|maybe|probably) )ill\b/g, "i'll")
      .replace(
        /\b(did|do|does|is|was|were|are|has|have|had|could|would|should|ca|wo|ai|must|need)nt\b/g,
        "$1n't",
      )
      .replace(
        /\b(he|she|that|what|there|who|it)s\b(?= (been|just|not|for|about|from|to|too|this|that|no|nothing|someone|something|a|an|so|the|like|all|really|only|over|fine|ok|okay|hard|easier|too|still|always|never|got|gone|going|my|your|his|her|our|their|what|because|time|very|kind|kinda|quite|literally|actually|pretty|true|nothing|done|back|out|in|on|at|with|about|getting|being|trying|making|doing|saying|taking|\w+ing|\w+ed)\b)/g,
        "$1's",
      )
      .replace(
        /\b(theyre|youre|theyve|youve|weve|theyll|youll)\b/g,
        (w) => `${w.slice(0, -2)}'${w.slice(-2)}`,
      )
      // "staying at my mums" is her home; "introduced me to her friends as" is her friends.
      .replace(
        /\b(at|to|from) (your|his|her|their|my) (mom|mum|dad|mother|father|sister|brother|friend|nan|gran|grandma|aunt|uncle)s\b(?! (?:as|and|who|that|for|about|at|in|on|but|because|bc)\b)/g,
        "$1 $2 $3's",
      )
      .replace(/\b(his|her|their|my|your) names\b/g, "$1 name's")
      .replace(/\bim\b/g, "i'm")
      .replace(/\bive\b/g, "i've")
      .replace(/\bid\b(?= (like|love|rather|never|been|say|have|be)\b)/g, "i'd")
  );
}

/** Quoted words stay the speaker's: only the rest is turned to the second person. */
function secondPerson(s: string): string {
  return s
    .split(/((?<=^|\s)['‘"“][^'’"”]{1,80}['’"”](?=[\s.,!?;:]|$))/)
    .map((part, i) => (i % 2 === 1 ? part : toSecondPerson(part)))
    .join('');
}

/** The sentences of a message worth saying back: not questions, not fillers, cleaned. */
function sentences(raw: string): string[] {
  const out: string[] = [];
  const text = lowerPlain(raw)
    // A trailing-off ("and i am... not chill") is a pause inside the sentence, not its end.
    .replace(/\s*(\.{2,}|\u2026)\s*(?=\p{L})/gu, ' ')
    .replace(/[^\p{L}\p{N}\s.,!?;:'"()\-£$%/]/gu, ' ')
    .replace(/\s+/g, ' ');
  // Quoted speech is one piece whatever its own stops ("she replied 'when's round 2?'").
  const quotes: string[] = [];
  const held = text.replace(QUOTE, (q) => `\uE000${quotes.push(q) - 1}\uE000`);
  for (const piece of held.match(/[^.!?;\n]+[.!?;]*/g) ?? []) {
    if (piece.includes('?')) continue;
    const clean = echoable(piece.replace(/\uE000(\d+)\uE000/g, (_, i: string) => quotes[+i]));
    if (!clean) continue;
    const s = clean
      .replace(/[.!;]+$/, '')
      .trim()
      .replace(LEADING, '')
      .replace(/\s+like (what|why|how|who)\b.*$/, '')
      .replace(TRAILING, '')
      .replace(/[,:\- ]+$/, '')
      .trim();
    const words = s.split(' ').filter(Boolean);
    // A clause hanging on the last one ("which is kinda true") or agreeing with Amora ("that's a
    // good point") says nothing of its own.
    if (/^which\b/.test(s)) continue;
    // An apology for the message itself ("sorry, long one") is not what it says.
    if (/^(sorry|sry|apologies)\b.{0,20}\b(long|essay|rant|ramble|vent)/.test(s)) continue;
    // Questions without a question mark ("what if she gets mad", "... do i") are not said back.
    if (
      (/^(what|why|how|when|where|who|should|shall|is|are|do|does|did|can|could|would|will|am)\b/.test(
        s,
      ) &&
        // "when he calls we end up fighting" tells a time, it does not ask one.
        !/^when (he|she|they|i|we|my|his|her|our|their|it|the)\b/.test(s)) ||
      /\b(do|dont|don't|should|shouldnt|am|is|isnt|can|cant) (i|it|we|you|he|she)$/.test(s)
    )
      continue;
    if (words.length >= MIN_WORDS) out.push(s);
  }
  return out;
}

/** Role words after which the next word is a name ("my brother luca" -> "my brother Luca"). */
const ROLE_BEFORE_NAME =
  /\b(your|his|her|their) (brother|sister|friend|best friend|mate|boyfriend|girlfriend|bf|gf|husband|wife|partner|ex|mum|mom|dad|son|daughter|cousin|boss|coworker|colleague|flatmate|roommate|fiance|fiancee) ([a-z]{2,})\b(?!['’])/g;
/** Words that follow a role word without being a name. */
const NOT_NAMES = new Set(
  (
    'and or but is was has had says said and just never always still who that thinks keeps does did will would can could should has to from at in on of for with about again too also really ' +
    // What a partner does, said right after "my husband" ("my husband comes home, eats...").
    'keep want need have are were do dont always never both fight argue live love ' +
    'comes goes gets got came went left leaves works wants wanted makes made takes took gives gave lives likes loves hates needs tells told asks calls texts sleeps eats watches drinks plays spends stays looks seems feels felt knows knew tries shouts yells refuses won wont doesnt didnt isnt wasnt cant never just barely hardly sometimes often also even only then now ' +
    // Past tenses that do not end in -ed ("my mom saw the bracelet").
    'saw sees heard found thought brought bought caught kept sent met ran sat spoke broke chose forgot lost paid put read let hit cut hurt shut stood became began drank drove ate fell flew grew hid held meant rang rose shook slept sold threw woke wore wrote'
  ).split(' '),
);
/** A word after a role that is a verb form, not a name ("my ex moved", "my wife is working"). */
const VERB_FORM = /(?:ed|ing|n't)$/;

/**
 * Whether a word ending in "s" after a role word is what that person does ("your husband pretends
 * not to notice"), not a name ("your friend james is"): a name is followed by a verb or a stop, a
 * verb by its object.
 */
function verbAfterRole(word: string, all: string, end: number): boolean {
  if (!/[^s]s$/.test(word)) return false;
  const next = /^[\s,]*([\p{L}']*)/u.exec(all.slice(end))?.[1] ?? '';
  return !(
    next === '' ||
    /^(is|was|has|had|and|or|but|said|says|who|just|never|always|will|would|can|could|did|does|didn't|doesn't|won't|can't|isn't|wasn't|told|asked|wants|thinks|keeps|got|came|went|and)$/.test(
      next,
    )
  );
}

/**
 * A phrase of the person's in the second person ("talk to rob without it becoming a fight" stays,
 * "tell him im anxious" -> "tell him you're anxious"), or null when it does not turn cleanly.
 */
export function inSecondPerson(phrase: string): string | null {
  const said = secondPerson(mended(phrase.toLowerCase().replace(/[\u2019\u02bc`]/g, "'")));
  return /\b(i|i'm|i've|me|my)\b/.test(unquoted(said)) ? null : said;
}

/** One sentence said back in the second person, or null when it does not turn cleanly. */
function sayBack(sentence: string): string | null {
  let s = sentence;
  // A sentence without its subject ("had a massive fight with my brother") is the person's own.
  if (
    /^(had|have|saw|found|got|broke|need|needed|want|wanted|feel|felt|been|keep|kept|tried|went|met|divorced|married|moved|lost|told|called|texted|think|thought|miss|missed|love|hate)\b/.test(
      s,
    )
  )
    // "been with dana 4 years" is "i've been", not "i been"; "divorced two years now" and
    // "married 8 years" are a state held since, not a thing done once.
    s = /^been\b/.test(s)
      ? `i've ${s}`
      : /^(divorced|married) (?:for )?(?:\w+ )?(?:years?|yrs?|months?|weeks?|decades?)\b/.test(s)
        ? `i've been ${s}`
        : `i ${s}`;
  const said = secondPerson(mended(s)).replace(
    ROLE_BEFORE_NAME,
    (m, who, role, name: string, at: number, all: string) =>
      NOT_NAMES.has(name) || VERB_FORM.test(name) || verbAfterRole(name, all, at + m.length)
        ? m
        : `${who} ${role} ${name.charAt(0).toUpperCase()}${name.slice(1)}`,
  );
  // A reflection that would still speak as the person ("i") did not turn cleanly: leave it.
  return /\b(i|i'm|i've|me|my)\b/.test(unquoted(said)) ? null : said;
}

/**
 * A sentence too long to say back, cut where the person paused ("when he calls you always end up
 * fighting, the signal is bad, ..." -> its first clauses): the opening clauses carry the point.
 */
function atPause(said: string | null): string | null {
  if (!said) return null;
  const words = said.split(' ');
  if (words.length <= MAX_WORDS) return said;
  const comma = words.slice(0, MAX_WORDS).findLastIndex((w) => w.endsWith(','));
  return comma >= MATTERS_WORDS - 1
    ? words
        .slice(0, comma + 1)
        .join(' ')
        .replace(/,$/, '')
    : said;
}

/**
 * The message said back in the second person, or null when nothing in it can be (only a question,
 * only fillers, or too long, or nothing `accept` allows). When `matters` picks out some of its
 * sentences, only those are said back. Two short sentences are joined ("..., and ..."); of longer
 * ones, the longest that fits.
 */
export function ownWords(
  raw: string,
  accept: (said: string) => boolean = () => true,
  matters?: (sentence: string) => boolean,
  /** Whether a short sentence that matters is said back too (it carries a feeling named next). */
  onlyMattering = false,
): string | null {
  let said: string[] = [];
  const mattering: string[] = [];
  for (const s of sentences(raw)) {
    const back = atPause(sayBack(s));
    if (!back || !accept(back)) continue;
    said.push(back);
    // A sentence that cannot stand alone, short or without its subject ("not sure what to make
    // of it"), is not the point said back on its own.
    if (
      matters?.(s) &&
      (onlyMattering || back.split(' ').length >= MATTERS_WORDS) &&
      !/^(not|no|and|but|so|or|because)\b/.test(back)
    )
      mattering.push(back);
  }
  // The sentences that carry what the message is about ("now i'm worried what liam will say")
  // are said back without the ones around them ("good morning, i've never used this before").
  if (mattering.length > 0) said = mattering;
  if (said.length === 0) return null;
  const count = (s: string) => s.split(' ').length;
  const total = said.reduce((n, s) => n + count(s), 0);
  if (said.length <= 2 && total <= MAX_WORDS)
    return said
      .map((s, i) => (i === 0 ? s : /^(and|but|so|because|cos|cause)\b/.test(s) ? s : `and ${s}`))
      .join(', ');
  // The longest that fits: short tails ("for 4 months", "same as the last 2") say least.
  const fits = said.filter((s) => count(s) <= MAX_WORDS);
  if (fits.length === 0) return null;
  return fits.reduce((a, b) => (count(b) > count(a) ? b : a));
}

/** Apostrophes the person left out, put back for a sentence quoted in second person. */
export function withApostrophes(s: string): string {
  return s
    .replace(/\b(did|do|does|is|was|were|are|has|have|had|could|would|should|ca|wo)nt\b/g, "$1n't")
    .replace(/\b(you|they)(ll|re|ve)\b/g, "$1'$2");
}
