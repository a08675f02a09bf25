/**
 * What the person just said, said back in the second person ("its just so quiet now. his hoodie is
 * still on my chair" -> "it's just so quiet now, and his hoodie is still on your chair"). A stock
 * paragraph picked because one word of the message matched a topic answers the topic, not the
 * person; their own words, said back, answer them. Kept short and plain: chat fillers, laughter
 * and questions are left out, and anything too long to say back gives null.
 */
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
  return s
    .replace(/[\p{L}']+/gu, (w) => (Object.hasOwn(SECOND_PERSON, w) ? SECOND_PERSON[w] : w))
    .replace(/\byou am\b/g, 'you are')
    .replace(/\byou was\b/g, 'you were')
    .replace(/\byou is\b/g, 'you are');
}

/** Longest reflection said back, in words. */
const MAX_WORDS = 22;
/** Fewest words a sentence needs to be said back alone as the one that matters. */
const MATTERS_WORDS = 6;
/** Fewest words a sentence needs to be worth saying back. */
const MIN_WORDS = 3;

/** Chat openers that carry no content ("ok so", "honestly", "lol"). */
const LEADING =
  /^((hi+|hey+|hello|ok(ay)?|thats? (a )?(good point|fair|true)|that's (a )?(good point|fair|true)|fair enough|good point|true|(you're|youre|ur) right|so|well|yeah|yea|ya|yes|no|nah|right|honestly|tbh|lol|haha+|omg|ugh|like|um+|uh+|hmm+|i mean|and|but|also|anyway|actually|update:?|oh|wow)[,.:!\- ]+)+/;
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

/** Apostrophes the person left out, put back ("dont" -> "don't", "its been" -> "it's been"). */
function mended(s: string): string {
  return s
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
    .replace(
      /\b(at|to|from) (your|his|her|their|my) (mom|mum|dad|mother|father|sister|brother|friend|nan|gran|grandma|aunt|uncle)s\b/g,
      "$1 $2 $3's",
    )
    .replace(/\b(his|her|their|my|your) names\b/g, "$1 name's")
    .replace(/\bim\b/g, "i'm")
    .replace(/\bive\b/g, "i've")
    .replace(/\bid\b(?= (like|love|rather|never|been|say|have|be)\b)/g, "i'd");
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
  const text = raw
    .toLowerCase()
    .replace(/[\u2019\u02bc`]/g, "'")
    // A trailing-off ("and i am... not chill") is a pause inside the sentence, not its end.
    .replace(/\s*(\.{2,}|\u2026)\s*(?=\p{L})/gu, ' ')
    .replace(/[^\p{L}\p{N}\s.,!?;:'"()\-£$%/]/gu, ' ')
    .replace(/\s+/g, ' ');
  for (const part of text.match(/[^.!?;\n]+[.!?;]*/g) ?? []) {
    if (part.includes('?')) continue;
    const s = part
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
      /^(what|why|how|when|where|who|should|shall|is|are|do|does|did|can|could|would|will|am)\b/.test(
        s,
      ) ||
      /\b(do|dont|don't|should|shouldnt|am|is|isnt|can|cant) (i|it|we|you|he|she)$/.test(s)
    )
      continue;
    if (words.length >= MIN_WORDS) out.push(s);
  }
  return out;
}

/** Role words after which the next word is a name ("my brother luca" -> "my brother Luca"). */
const ROLE_BEFORE_NAME =
  /\b(your|his|her|their) (brother|sister|friend|best friend|mate|boyfriend|girlfriend|bf|gf|husband|wife|partner|ex|mum|mom|dad|son|daughter|cousin|boss|coworker|colleague|flatmate|roommate|fiance|fiancee) ([a-z]{2,})\b/g;
/** Words that follow a role word without being a name. */
const NOT_NAMES = new Set(
  (
    'and or but is was has had says said and just never always still who that thinks keeps does did will would can could should has to from at in on of for with about again too also really ' +
    // What a partner does, said right after "my husband" ("my husband comes home, eats...").
    'comes goes gets got came went left leaves works wants wanted makes made takes took gives gave lives likes loves hates needs tells told asks calls texts sleeps eats watches drinks plays spends stays looks seems feels felt knows knew tries shouts yells refuses won wont doesnt didnt isnt wasnt cant never just barely hardly sometimes often also even only then now'
  ).split(' '),
);
/** A word after a role that is a verb form, not a name ("my ex moved", "my wife is working"). */
const VERB_FORM = /(?:ed|ing|n't)$/;

/**
 * A phrase of the person's in the second person ("talk to rob without it becoming a fight" stays,
 * "tell him im anxious" -> "tell him you're anxious"), or null when it does not turn cleanly.
 */
export function inSecondPerson(phrase: string): string | null {
  const said = secondPerson(mended(phrase.toLowerCase().replace(/[\u2019\u02bc`]/g, "'")));
  return /\b(i|i'm|i've|me|my)\b/.test(said) ? null : said;
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
    // "been with dana 4 years" is "i've been", not "i been".
    s = /^been\b/.test(s) ? `i've ${s}` : `i ${s}`;
  const said = secondPerson(mended(s)).replace(ROLE_BEFORE_NAME, (m, who, role, name: string) =>
    NOT_NAMES.has(name) || VERB_FORM.test(name)
      ? m
      : `${who} ${role} ${name.charAt(0).toUpperCase()}${name.slice(1)}`,
  );
  // A reflection that would still speak as the person ("i") did not turn cleanly: leave it.
  return /\b(i|i'm|i've|me|my)\b/.test(said) ? null : said;
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
): string | null {
  let said: string[] = [];
  const mattering: string[] = [];
  for (const s of sentences(raw)) {
    const back = sayBack(s);
    if (!back || !accept(back)) continue;
    said.push(back);
    // A sentence that cannot stand alone, short or without its subject ("not sure what to make
    // of it"), is not the point said back on its own.
    if (
      matters?.(s) &&
      back.split(' ').length >= MATTERS_WORDS &&
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
