/**
 * Facts with roles, remembered across a conversation: the people the user named and who they are
 * to the user, the relationship's state, children, living together, who had an affair, and what
 * happened (events, progress, plans). People type in lower case, so names are found by position
 * ("my bf jonas", "theo broke up with me", "me and karen") and from a list of common given names;
 * a correction ("luis isn't my husband yet, we're engaged") changes what is remembered.
 */
import cues from './people-cues.json';
import { allMatches } from '../matches';
import { sentenceOfAct, type TurnAct } from './acts';
import { echoable, outsideQuotes, SECOND_PERSON, splitOutsideQuotes } from './own-words';

/** Who a person is to the user. */
export type PersonRole =
  | 'partner'
  | 'spouse'
  | 'ex'
  | 'date'
  | 'friend'
  | 'sister'
  | 'brother'
  | 'mother'
  | 'father'
  | 'child'
  | 'in_law'
  | 'coworker'
  | 'other';

/** A person the user named (or, when `name` is null, spoke of by role only). */
export interface Person {
  /** Display form ("Theo"), or null when only the role is known ("my boyfriend"). */
  name: string | null;
  role: PersonRole;
  /** The user turn that first mentioned them. */
  turn: number;
  /**
   * The user said the role in so many words ("my sister maya", "theo broke up with me"); false
   * when it was inferred (a bare name after "my boyfriend"), so a summary does not state it.
   */
  sure?: boolean;
  /** The pronoun the role word gave ("my bf": he), when it gave one. */
  pronoun?: 'he' | 'she';
}

/** The relationship's state as the user told it. */
/** The states of the person's own relationship that facts remember. */
export const RELATIONSHIP_STATES = [
  'together',
  'married',
  'engaged',
  'dating',
  'situationship',
  'broken_up',
  'separated',
  'divorced',
  'widowed',
  'single',
] as const;
export type RelationshipState = (typeof RELATIONSHIP_STATES)[number];

/** Something the user said happened, did or will do, kept in their words for summaries. */
export interface Happening {
  kind: 'event' | 'progress' | 'plan';
  /** A short second-person paraphrase ("you deleted the thread from your pinned chats"). */
  text: string;
  turn: number;
}

/** What the conversation knows. Stored in the state as JSON. */
export interface ConversationFacts {
  people: Person[];
  relationship: RelationshipState | null;
  children: boolean | null;
  livingTogether: boolean | null;
  /** Who had an affair: the user's partner, the user, or explicitly nobody. */
  affair: 'partner' | 'user' | 'none' | null;
  /** The user spoke of a fight or argument with their partner. */
  fight: boolean;
  happenings: Happening[];
  /** The situation last matched with confidence, and its turn (a follow-up question continues it). */
  situation?: { id: string; turn: number } | null;
}

/** Nothing known yet. */
export function emptyFacts(): ConversationFacts {
  return {
    people: [],
    relationship: null,
    children: null,
    livingTogether: null,
    affair: null,
    fight: false,
    happenings: [],
  };
}

const NAMES: ReadonlySet<string> = new Set(cues.names);
const AMBIGUOUS: ReadonlySet<string> = new Set(cues.ambiguous);
const ROLE_OF = new Map<string, PersonRole>();
for (const [role, words] of Object.entries(cues.roles))
  for (const w of words) ROLE_OF.set(w, role as PersonRole);
const PRONOUN_OF = new Map<string, 'he' | 'she'>([
  ...cues.he.map((w): [string, 'he'] => [w, 'he']),
  ...cues.she.map((w): [string, 'she'] => [w, 'she']),
]);
/** Role words, longest first so "best friend" wins over "friend". */
const ROLE_WORDS = [...ROLE_OF.keys()].sort((a, b) => b.length - a.length);
const ROLE_ALT = ROLE_WORDS.map((w) => w.replace(/ /g, '[ -]')).join('|');

/** Words that follow a role word but are never names. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  `is was has had and but or so the a an to of in on at for with from by says said just always never doesnt
  dont didnt wont cant isnt wasnt hasnt keeps gets got makes made thinks knows wants will would could should
  who that which when if as about too also still really even then now being been are were be have do does did
  might may must can im ive id ill hes shes theyre we you he she they it my your his her their our me him them
  lol tbh rn tho though like again yet`.split(/\s+/),
);

/** The text facts are read from: lower case, curly quotes straightened, spaces collapsed. */
function factText(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}\s.,!?'()\-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** "theo" -> "Theo", "mary-jane" -> "Mary-Jane". */
export function displayName(name: string): string {
  return name.replace(/(^|-)(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** A word as a name: possessive and plural "s" dropped when the rest is a known name ("beths"). */
function asName(word: string | undefined, strict: boolean): string | null {
  if (!word) return null;
  let w = word.replace(/'s?$/, '');
  if (!NAMES.has(w) && w.endsWith('s') && NAMES.has(w.slice(0, -1))) w = w.slice(0, -1);
  if (NOT_NAMES.has(w) || ROLE_OF.has(w)) return null;
  if (NAMES.has(w)) return w;
  // Outside the list a word is not taken as a name: "my daughter lives", "my friend group".
  void strict;
  return null;
}

/**
 * A name given outright ("her name is meera", "he's called tunde"): taken even when it is not in
 * the names list, which cannot hold every name people have.
 */
function givenName(word: string | undefined): string | null {
  if (!word) return asName(word, true);
  const w = word.replace(/'s?$/, '');
  if (w.length < 2 || NOT_NAMES.has(w) || ROLE_OF.has(w) || NOT_GIVEN.test(w)) return null;
  return w;
}
/** Words that follow "her name is" without being a name ("her name is not important"). */
const NOT_GIVEN =
  /^(?:not|the|a|an|so|just|like|also|on|in|literally|actually|something|kind|sort|weird|unusual|hard)$/;
const RE_NAME_GIVEN =
  /\b(her|his|their) name(?:'s|s| is) ([\p{L}'-]+)|\b(she|he|they)(?:'s|s| is| are) called ([\p{L}'-]+)|(?<=\bname(?:'s|s| is) [\p{L}'-]+,? (?:and )?)(his|hers|her|theirs)(?:'s|s| is) ([\p{L}'-]+)/gu;
/** The pronoun a name was given with ("her name is", "he's called"), or none for "their". */
function pronounGiven(word: string): 'he' | 'she' | undefined {
  if (word === 'her' || word === 'hers' || word === 'she') return 'she';
  if (word === 'his' || word === 'he') return 'he';
  return undefined;
}

interface Mention {
  /** Said as new or current ("my new boyfriend"): never an ex, even next to a breakup. */
  fresh?: boolean;
  name: string | null;
  role: PersonRole | null;
  /** The mention said the role outright ("my husband greg"), so it overrides an earlier guess. */
  explicit: boolean;
  /** The pronoun the role word gives ("my husband greg": he). */
  pronoun?: 'he' | 'she';
  /** The pronoun the name was given with ("her name is sophie": she; "their name is": null). */
  given?: 'he' | 'she' | null;
}

const RE_MY_ROLE_NAME = new RegExp(
  `\\b(?:my|our) (?:new |current |old |former |late |best |little |big |older |younger |eldest |youngest )?(${ROLE_ALT})(?:,)? (?:\\(\\d+\\) )?(?:called |named )?([\\p{L}'-]+)`,
  'gu',
);
/**
 * "my sister ronel says", "my wife tash thinks": a name no list holds, known for one by the role
 * before it and the verb of saying or knowing after it.
 */
const RE_MY_ROLE_UNLISTED = new RegExp(
  `\\bmy (?:best |older |younger |little |big |eldest |youngest )?(${ROLE_ALT}),? ([\\p{L}'-]+),? (?:says|said|thinks|thought|told|tells|knows|knew|asked|asks|reckons|believes|wants|keeps|texted|called|rang|messaged|found out|gave|doesnt|didnt|has always|moved|left|lives|works|cheated|started|stopped|got|went|came|broke|is|was|has|had)\\b`,
  'gu',
);
/** Words between a role and a verb that are not names ("my mum often says", "my friend group thinks"). */
const NOT_UNLISTED_NAMES =
  /^(?:\p{L}+ly|often|sometimes|always|never|again|already|still|even|only|just|now|then|also|too|kinda|sorta|once|here|there|today|tonight|yesterday|group|chat|circle|family|side|therapist|counsellor|counselor|doctor|gp|boss|manager|lawyer|people|who|that|and|basically|actually|someone|somebody|anyone|anybody|everyone|nobody|no one|this|these|those|him|her|them|it)$/u;
/** A word in a place only a name stands, taken as one unless it is a word of another kind. */
function unlistedName(word: string): string | null {
  return NOT_UNLISTED_NAMES.test(word) ? null : givenName(word);
}
/**
 * A role opening a sentence with its name after it, in shorthand ("ex wife. hana.", "son nikau is
 * 8", "husband: raj"): the name is that role's, listed or not.
 */
const RE_ROLE_LEAD = new RegExp(
  `(?:^ ?|[.!?;] )(?:my |our )?(${ROLE_ALT})(?: ?[.:,] ?| )([\\p{L}'-]+)(?= (?:is|was|s|turned|turns|aged|who)\\b|\\s*[.,!?;]|\\s*$)`,
  'gu',
);
const RE_NAME_PAREN_ROLE = new RegExp(`\\b([\\p{L}'-]+) \\((${ROLE_ALT})\\b`, 'gu');
const RE_NAME_AND_I = /\b(?:me and|me & ) (?:my \S+ )?([\p{L}'-]+)|\b([\p{L}'-]+) and i\b/gu;
const RE_CALLED =
  /\b(?:called|named|this (?:person|guy|girl)|a (?:girl|guy|woman|man|lady|chap) (?:from \w+|there too|at \w+)?,?) ([\p{L}'-]+)/gu;
const RE_NAME_AGE = /\b([\p{L}'-]+),? \(?(?:\d{1,2})\)?(?= and\b|,|\.|\)|\s*$| [a-z])/gu;
const RE_SEEING_SOMEONE =
  /\b(?:seeing|dating|met) (?:a|this) (?:woman|man|girl|guy|lady|person)(?: from \w+| at \w+)?,? (?:called |named )?([\p{L}'-]+)/gu;
const RE_BEEN_WITH =
  /\b(?:been with|seeing|dating|married(?: (?:for )?\d+ years)? to|engaged to) ([\p{L}'-]+)/gu;
/** Someone new in a widowed person's life: asked out, met, courting, invited away. */
const COURTING =
  /\b(?:asked me (?:out|to|if|whether)|invited me|met (?:him|her|someone|a (?:man|woman|gentleman|lady))|(?:seeing|dating|courting) (?:him|her|someone)|took me (?:out|to|for)|we (?:have|had) (?:coffee|dinner|lunch|tea)|walks me home|(?:a|my) (?:new )?(?:gentleman|lady) friend)\b/;

/** A spouse's death told in the message itself. */
const SPOUSE_DIED =
  /\b(?:husband|wife|partner|spouse) (?:died|passed|passed away|was killed|lost (?:his|her) (?:fight|battle))\b/;

/** Words typed with a capital inside a sentence (not the first word), lower-cased: likely names. */
function capitalisedWords(raw: string): Set<string> {
  const out = new Set<string>();
  for (const m of raw.matchAll(/(?<=[\p{Ll},;:'"]\s+)(\p{Lu}\p{Ll}+)\b/gu)) {
    // "go to Skye", "moved to Darwin", "live in Berlin", "in May": a place or a time, not a name.
    const before = raw.slice(Math.max(0, (m.index ?? 0) - 30), m.index);
    if (PLACE_BEFORE.test(before) || CALENDAR.test(m[1])) continue;
    out.add(m[1].toLowerCase());
  }
  return out;
}
/** Words before a capitalised place: "in", "at", "near", or "to"/"from" after going or coming. */
/** Plurals of words that are also names ("we sing carols"): not a name's possessive typed bare. */
const PLURAL_WORDS: ReadonlySet<string> = new Set(
  'carols bills wills hopes joys rays dawns chases jacks robins summers pats graces bells roses daisies'.split(
    ' ',
  ),
);

/** "st mary's", "mount carmel": the name of a school, a church or a place. */
const SAINT_BEFORE = /\b(?:st|saint|mount|mt|san|santa)\.? $/;
/** "pooja room", "grace church": a name that names a room, a place or a day. */
const THING_AFTER =
  /^'?s? (?:room|school|college|academy|church|chapel|temple|mosque|hospital|clinic|street|st|road|avenue|park|primary|high|university|uni|hall|centre|center|day|festival)\b/;
const PLACE_BEFORE =
  /\b(?:in|at|near|around|outside|across|visit|visiting|(?:go|goes|going|went|gone|move|moved|moving|fly|flew|flying|drive|drove|driving|travel\w*|trip|head\w*|back|way|get|got|come|came|coming|relocat\w*|weekend|holiday|vacation) to|(?:im|i am|i'm|were|we are|we're|originally|moved|move|moving|flew in|came|come) from)\s+$/i;
/** Months and days, typed with a capital inside a sentence. */
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const RE_LEFT_ME =
  /\b([\p{L}'-]+) (?:broke up with me|dumped me|left me|ended it|ended things|split up with me|cheated|has been sleeping|had an affair)/gu;
const RE_BROKE_UP_WITH = new RegExp(
  `\\b(?:broke up|split|split up|breaking up) (?:with|w) (?:my (?:${ROLE_ALT}) )?([\\p{L}'-]+)`,
  'gu',
);
const RE_OTHERS_PARTNER = new RegExp(
  `\\b(?:[\\p{L}]+'?s|his|her|their) (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|fiance|fiancee) ([\\p{L}'-]+)`,
  'gu',
);
/** "2 kids lily 8 and max 5", "our children, ana and leo": the names are the children's. */
const RE_KIDS_NAMED =
  /\b(?:kids|children|boys|girls|sons|daughters)(?: are| r)?[,:]? ([\p{L}'-]+)(?: \(?\d+\)?)?(?:,? and ([\p{L}'-]+))?/gu;
const RE_ROLE_NAME_BARE =
  /\b(?:roommate|flatmate|housemate|mate|friend|coworker|colleague|sister|brother|cousin) ([\p{L}'-]+)|(?<!\b(?:has|have|had|his|her|their) (?:a |an )?(?:best |close |good |old )?)\b(?:roommate|flatmate|housemate|mate|friend|coworker|colleague|sister|brother|cousin), ([\p{L}'-]+)/gu;
/** "i have a brother, pat,", "i've got a sister called lupe": someone of the person's own, named. */
const RE_HAVE_A_ROLE_NAME = new RegExp(
  `\\bi (?:have|ve got|'ve got|have got|got) (?:a|an|one) (?:older |younger |little |big |twin |best |close )?(${ROLE_ALT})(,|,? called|,? named)? ([\\p{L}'-]+)`,
  'gu',
);
/** "a good father for pedro and bia", "great mum to lily": whom someone is a parent to. */
const RE_PARENT_TO =
  /\b(?:father|dad|daddy|mother|mum|mom|mommy|mummy|parent|papa|mama) (?:for|to|of) ([\p{L}'-]+)(?:,? (?:and|&) ([\p{L}'-]+))?/gu;
/** "kids, mateo 9 and sofi 5": both named beside their ages, whatever the names list holds. */
const RE_KIDS_AGED_PAIR =
  /\b(?:kids|children|boys|girls|sons|daughters)(?: are| r)?[,:]? ([\p{L}'-]+),? \(?\d{1,2}\)?,? (?:and|&) ([\p{L}'-]+),? \(?\d{1,2}\)?/gu;
/** "we have two kids", "i've got 3 children": a sentence whose capitalised names are the children. */
const RE_HAVE_KIDS =
  /\b(?:we|i) (?:have|ve got|'ve got|have got|got) (?:\d|two|three|four|five|six) (?:kids|children|sons|daughters|boys|girls)\b/u;
const RE_ROLE_ONLY = new RegExp(
  `\\bmy (?:first |new |current |first ever |very first )?(${ROLE_ALT})(?:'?s)?\\b`,
  'gu',
);
/**
 * "ana is my sister", "oh jo is my brother btw": a name given its role outright (not what someone
 * else believes: "my parents think hana is my flatmate").
 */
const RE_NAME_IS_MY_ROLE = new RegExp(
  `(?<!\\b(?:think|thinks|thought|believe|believes|assume|assumes|told them|tell them|tell people|pretend|pretending|say|says|said) )\\b([\\p{L}'-]+) (?:is|was|s) (?:actually )?my (?:older |younger |little |big |best |twin |step ?)?(${ROLE_ALT})\\b(?!'?s\\b| (?:and|&) )`,
  'gu',
);
/**
 * A partner as the subject of a sentence without "my" ("husband's deployed", "wife keeps saying
 * i never listen", "bf just texted"): how people type about the person closest to them.
 */
function partnerSubject(words: string): string {
  return `(?:^\\s*|[.!?] )(${words})(?:'s| is| has| was| just| keeps| kept| wants| left| got| works| never| always| said| says| thinks| doesnt| didnt| wont)\\b`;
}
const PARTNER_SUBJECT = partnerSubject(
  'wife|husband|hubby|missus|boyfriend|girlfriend|bf|gf|fiance|fiancee',
);
/** "wife and i keep fighting", "me and the missus", "husband's away": a partner without "my". */
const RE_ROLE_AND_I = new RegExp(
  `(?:^\\s*|[.!?,] |\\bthe )(wife|husband|hubby|missus|boyfriend|girlfriend|bf|gf|fiance|fiancee)(?: and i| and me|,? and myself)\\b|\\bme and (?:the|my) (wife|husband|hubby|missus|boyfriend|girlfriend|bf|gf|fiance|fiancee)\\b|${PARTNER_SUBJECT}`,
  'gu',
);
/** "we have a 6 yr old, arjun", "our 3 month old leo", "my 8yo emma": the user's child, named. */
const RE_AGED_CHILD =
  /\b(?:(?:we|i) (?:have|got|ve got|'ve got) (?:a|an)|our|my) (\d{1,2})[ -]?(?:yrs?|years?|yo|y\/o|months?|mo)(?:[ -]old)?(?: (?:son|daughter|boy|girl|kid|baby|toddler))?,? (?:called |named )?([\p{L}'-]+)/gu;
/**
 * "his sister erin", "daniel's sister, erin": someone of another's family, by name; an in-law when
 * the other is the person's partner.
 */
const RE_FAMILY_OF =
  /\b(his|her|[\p{L}-]+'s) (?:older |younger |little |big )?(?:sister|brother|mum|mom|mother|dad|father),? ([\p{L}'-]+)/gu;
/** A parent of "his" or "her", unnamed ("his mom calls every day"). */
const RE_PARENT_OF =
  /\b(his|her) (?:mum|mom|mother|dad|father|parents|mam|mama|mum and dad|mom and dad)\b/;
/** Someone else in the message whose "his" or "her" it could be ("my friend jake and his sister"). */
const OTHER_HE =
  /\bmy (?:friend|best friend|mate|brother|dad|father|son|boss|manager|coworker|colleague|cousin|uncle|grandad|ex)\b/;
const OTHER_SHE =
  /\bmy (?:friend|best friend|mate|sister|mum|mom|mother|daughter|boss|manager|coworker|colleague|cousin|aunt|gran|nan|ex)\b/;
/** "i have a baby 8 months, antek", "our son (2), leo": a child named after their age. */
const RE_CHILD_AGED_NAMED =
  /\b(?:a|my|our) (?:baby|son|daughter|little boy|little girl|toddler|newborn)(?: boy| girl)?,? \(?(?:of )?\d{1,2} ?(?:months?|mo|weeks?|wks?|years?|yrs?|yo)(?: old)?\)?,? (?:called |named )?([\p{L}'-]+)/gu;
/** "when eli was 5 weeks old", "rosa is 3 months": an age in days, weeks or months is a baby's. */
const RE_BABY_AGE =
  /\b([\p{L}'-]+) (?:was|is|turned|turns|'s) (?:only |just |nearly |almost |about )?(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|a few|a couple of) (?:days?|weeks?|months?|wks?|mos?)(?! ago| later| before| after| into| in| of| since| now)\b/gu;
/**
 * Someone met through a partner or at work, spoken of without "my" ("my bf has a new coworker",
 * "a girl from his work"): remembered without a name, so "her name is sophie" can name them.
 */
const RE_SOMEONE =
  /\b(?:a|an|this|that|his|her|their|the) (?:new |female |male |younger |older )?(?:(coworker|co-worker|co worker|colleague|workmate|boss|manager)|(friend)|(?:girl|guy|woman|man|lady) (?:from|at) (?:his |her |their )?work)\b/gu;
/** "i've got a first date friday": someone the user is going out with, named later ("her name's claire"). */
const RE_DATE_AHEAD =
  /\b(?:i have|i've got|ive got|i got|i'm going on|im going on|i am going on|going on) (?:a |my )?(?:first |second |third )?date\b/u;
/** "i am seeing a guy since 5 months. diego.": someone the user is dating, named later. */
const RE_SEEING_UNNAMED =
  /\b(?:seeing|dating|talking to|been seeing|hooking up with) (?:a|this|some) (?:guy|girl|man|woman|lady|boy|person|someone)\b/u;
const RE_BARE = /\b([\p{L}'-]+)\b/gu;
/** "im jonas btw", "my name is ana", "i'm tom by the way": the person's own name. */
const RE_OWN_NAME =
  /\b(?:my name is|my names|my name's|i am|i'm|im) ([\p{L}'-]+)(?=,? (?:btw|by the way|lol|haha|and|from)\b|\s*[.,!]|\s*$)/gu;

/** All people mentioned in one message, in order, with the role the wording gives. */
function mentions(
  t: string,
  capitalised: ReadonlySet<string> = new Set(),
): {
  found: Mention[];
  rolesOnly: { role: PersonRole; pronoun?: 'he' | 'she' }[];
  someone: PersonRole[];
} {
  const found: Mention[] = [];
  /** A listed name, or a word typed with a capital where only a name stands. */
  const listedOrCapitalised = (word: string): string | null =>
    asName(word, true) ?? (capitalised.has(word) ? unlistedName(word) : null);
  const add = (name: string | null, role: PersonRole | null, explicit: boolean) => {
    if (!name) return;
    const prev = found.find((m) => m.name === name);
    if (prev) {
      if (explicit && !prev.explicit) Object.assign(prev, { role, explicit });
      return;
    }
    found.push({ name, role, explicit });
  };
  for (const m of allMatches(RE_OTHERS_PARTNER, t)) add(asName(m[1], true), 'other', true);
  for (const m of allMatches(RE_MY_ROLE_NAME, t)) {
    const word = m[1].replace(/-/g, ' ');
    const role = ROLE_OF.get(word) ?? null;
    // "my husband Kuba": a name no list holds, typed with a capital after the role.
    const name = listedOrCapitalised(m[2]);
    add(name, role, true);
    const said = PRONOUN_OF.get(word);
    const f = said ? found.find((x) => x.name === name) : undefined;
    if (f) f.pronoun = said;
    if (/\bmy (new|current) /.test(m[0])) {
      const f = found.find((x) => x.name === name);
      if (f) f.fresh = true;
    }
  }
  for (const m of allMatches(RE_MY_ROLE_UNLISTED, t)) {
    const name = unlistedName(m[2]);
    if (name) add(name, ROLE_OF.get(m[1].replace(/-/g, ' ')) ?? null, true);
  }
  for (const m of allMatches(RE_NAME_IS_MY_ROLE, t))
    add(asName(m[1], true), ROLE_OF.get(m[2].replace(/-/g, ' ')) ?? null, true);
  for (const m of allMatches(RE_ROLE_LEAD, t)) {
    const word = m[1].replace(/-/g, ' ');
    add(asName(m[2], true) ?? unlistedName(m[2]), ROLE_OF.get(word) ?? null, true);
  }
  for (const m of allMatches(RE_NAME_PAREN_ROLE, t))
    add(asName(m[1], true), ROLE_OF.get(m[2].replace(/-/g, ' ')) ?? null, true);
  for (const m of allMatches(RE_BROKE_UP_WITH, t)) add(asName(m[1], true), 'ex', true);
  for (const m of allMatches(RE_LEFT_ME, t)) {
    const ended = !/cheated|sleeping|affair/.test(m[0]);
    add(asName(m[1], true), ended ? 'ex' : null, ended);
  }
  for (const m of allMatches(RE_KIDS_NAMED, t))
    for (const n of [m[1], m[2]]) if (n) add(asName(n, true), 'child', true);
  // "he is a good father for pedro and bia": the names are the children's, not the partner's.
  for (const m of allMatches(RE_PARENT_TO, t))
    for (const n of [m[1], m[2]]) if (n) add(asName(n, true), 'child', true);
  for (const m of allMatches(RE_KIDS_AGED_PAIR, t))
    for (const n of [m[1], m[2]]) add(asName(n, true) ?? unlistedName(n), 'child', true);
  for (const m of allMatches(RE_HAVE_A_ROLE_NAME, t)) {
    // Set apart by a comma or "called", the word is a name; run on, only a known or capitalised one.
    const name = m[2] ? (asName(m[3], true) ?? unlistedName(m[3])) : listedOrCapitalised(m[3]);
    add(name, ROLE_OF.get(m[1].replace(/-/g, ' ')) ?? null, true);
  }
  // "We have two kids, both grown, Ciara is in Dublin and Niall is in Boston": the names typed
  // with a capital after the children are spoken of are theirs.
  for (const sentence of t.split(/[.!?]+/)) {
    const kids = RE_HAVE_KIDS.exec(sentence);
    if (!kids) continue;
    const rest = sentence.slice(kids.index);
    // A place ("in Dublin") or someone they are had with ("with Tom") is not a child.
    const placed = new Set(
      [...rest.matchAll(/\b(?:with|in|at|to|from|near|for|of|on|by) ([\p{L}'-]+)/gu)].map(
        (m) => m[1],
      ),
    );
    for (const m of rest.matchAll(
      /\b([\p{L}'-]+)\b(?= (?:is|was|has|lives|works|studies|goes|just|and|aged)\b|,|\s*$)/gu,
    ))
      if (
        capitalised.has(m[1]) &&
        !placed.has(m[1]) &&
        !found.some((f) => f.name === m[1] && f.explicit)
      )
        add(unlistedName(m[1]), 'child', true);
  }

  for (const m of allMatches(RE_NAME_GIVEN, t)) {
    const name = givenName(m[2] ?? m[4] ?? m[6]);
    add(name, null, false);
    const f = name ? found.find((x) => x.name === name) : undefined;
    if (f) f.given = pronounGiven(m[1] ?? m[3] ?? m[5]) ?? null;
  }
  for (const m of allMatches(RE_AGED_CHILD, t)) add(asName(m[2], true), 'child', true);
  for (const m of allMatches(RE_BABY_AGE, t)) add(asName(m[1], true), 'child', true);
  for (const m of allMatches(RE_CHILD_AGED_NAMED, t))
    add(asName(m[1], true) ?? unlistedName(m[1]), 'child', true);
  for (const m of allMatches(RE_ROLE_NAME_BARE, t)) {
    const said = m[0].split(/,? /)[0];
    const word = /^(roommate|flatmate|housemate|mate)$/.test(said) ? 'friend' : said;
    add(asName(m[1] ?? m[2], true), ROLE_OF.get(word) ?? 'other', true);
  }
  // "we have 2 kids lily 8 and max 5": names with ages beside children are the children.
  if (CHILDREN_YES.test(t))
    for (const m of allMatches(RE_NAME_AGE, t)) add(asName(m[1], true), 'child', true);
  for (const m of allMatches(RE_CALLED, t)) {
    // "this guy sam i met on hinge": someone the user is dating.
    const dating =
      /^,? (?:(?:who )?i met on|from) (?:hinge|tinder|bumble|grindr|an app|the apps?)\b/.test(
        t.slice((m.index ?? 0) + m[0].length),
      );
    add(asName(m[1], true), dating ? 'date' : 'other', false);
  }
  // Someone the user is seeing or dating now is never an ex, whatever ended before.
  const seeingNow = SEEING_NOW.test(t);
  for (const re of [RE_SEEING_SOMEONE, RE_BEEN_WITH])
    for (const m of allMatches(re, t)) {
      // "married 12 years to Lerato", "seeing Tunde": a name no list holds, typed with a capital.
      const name = listedOrCapitalised(m[1]);
      add(name, 'partner', false);
      const f = seeingNow && /seeing|dating/.test(m[0]) ? found.find((x) => x.name === name) : null;
      if (f) f.fresh = true;
    }
  for (const m of allMatches(RE_NAME_AND_I, t)) add(asName(m[1] ?? m[2], true), 'partner', false);
  // The person's own name ("im jonas btw", "my name is ana") is not someone in their story.
  const own = new Set([...allMatches(RE_OWN_NAME, t)].map((m) => m[1]));
  for (const m of allMatches(RE_BARE, t)) {
    if (own.has(m[1])) continue;
    // "go to skye", "moved to darwin": a listed name where a place stands.
    if (PLACE_BEFORE.test(t.slice(Math.max(0, (m.index ?? 0) - 30), m.index))) continue;
    // "a girl from st mary's", "her pooja room": a name in the name of a place or a thing.
    if (
      SAINT_BEFORE.test(t.slice(Math.max(0, (m.index ?? 0) - 8), m.index)) ||
      THING_AFTER.test(t.slice((m.index ?? 0) + m[0].length))
    )
      continue;
    const w = m[1].replace(/'s?$/, '');
    const base = NAMES.has(w)
      ? w
      : w.endsWith('s') && NAMES.has(w.slice(0, -1)) && !PLURAL_WORDS.has(w)
        ? w.slice(0, -1)
        : null;
    if (!base || found.some((f) => f.name === base)) continue;
    if (AMBIGUOUS.has(base)) {
      // "mark works late", "will you ...": an ambiguous word is a name only before a verb-like word.
      const after = t.slice((m.index ?? 0) + m[0].length).trimStart();
      const before = t.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0);
      if (
        !/\b(is|with|named|called|tell|told|asked|ask|text|texted|love|miss|and|to) $/.test(
          before,
        ) &&
        !/^('s |(works|says|said|is|was|has|had|does|doesnt|didnt|wont|keeps|thinks|wants|and i|hasnt|isnt|texted|replied|called|told)\b)/.test(
          after,
        )
      )
        continue;
      if (/^(will|may|june|april|august)$/.test(base)) continue;
    }
    add(base, null, false);
  }
  const rolesOnly: { role: PersonRole; pronoun?: 'he' | 'she' }[] = [];
  // Blanked to the same length, so the index of a match still points into `t`.
  for (const m of allMatches(
    RE_ROLE_ONLY,
    t.replace(CALLED_MY_BABY, (x) => ' '.repeat(x.length)),
  )) {
    const role = ROLE_OF.get(m[1].replace(/-/g, ' '));
    const next = t
      .slice((m.index ?? 0) + m[0].length)
      .trimStart()
      .split(' ')[0];
    // "he met my friends": several people, none of whom a name given later is ("my husbands
    // phone" is his: one partner, an apostrophe not typed).
    const plural =
      /^(?:friend|mate|coworker|colleague|cousin|sister|brother|parent|kid|child|in-law|in law)$/.test(
        m[1],
      ) &&
      m[0].endsWith('s') &&
      !m[0].endsWith("'s");
    if (role && !plural && !asName(next, false))
      rolesOnly.push({ role, pronoun: PRONOUN_OF.get(m[1].replace(/-/g, ' ')) });
  }
  for (const m of allMatches(RE_ROLE_AND_I, t)) {
    const word = m[1] ?? m[2] ?? m[3];
    const role = ROLE_OF.get(word);
    if (role && !rolesOnly.some((r) => r.role === role))
      rolesOnly.push({ role, pronoun: PRONOUN_OF.get(word) });
  }
  const someone: PersonRole[] = [];
  for (const m of allMatches(RE_SOMEONE, t)) someone.push(m[2] ? 'friend' : 'coworker');
  if (RE_DATE_AHEAD.test(t) || RE_SEEING_UNNAMED.test(t)) someone.push('date');
  return { found, rolesOnly, someone };
}

const STATE_CUES: [RegExp, RelationshipState][] = [
  [
    /\b(divorce (came through|is final|went through)|(got|am|im|we're|were) divorced|papers signed|going through a divorce|since the divorce|after the divorce|divorced)\b/,
    'divorced',
  ],
  [
    /\b(we('re| are)? separated|separated|separating|(decided|agreed|going|planning) to separate|trial separation)\b/,
    'separated',
  ],
  [
    /\b(broke up|broken up|dumped me|ended it|ended things|we split|and i split|i split|split up|(its|it's|it is) over between|we('re| are) (done|over)|called it quits|(he|she|they) left me(?! on read)|ended our relationship|broke it off|called off the (wedding|engagement)|we ended(?! up)|since we ended(?! up)|threw (her|him) out|left me for|kicked (her|him) out|isnt in a place for a relationship|didnt end it, i did|since the breakup|after the breakup)\b/,
    'broken_up',
  ],
  [
    // "widow" alone describes someone ("sue seems nice. widow, likes bushwalking"); the person's
    // own state says who: "i'm a widow", "widowed", "widow here".
    /\b(passed away|my (wife|husband|partner)( \w+)? died|(i'm|im|i am|i became|i was left|as) a widow(er)?|widow(er)? here|widowed|lost my (wife|husband))\b/,
    'widowed',
  ],
  [/\b(engaged|fiance|fiancee|wedding is in|our wedding)\b/, 'engaged'],
  [
    /\b((we're|were|we are|i'm|im|i am|we've been|weve been|been|got) married|married (\d+|for|to|a year|one year|two years|(a|one|two|three|a few|six) (years|months))|my (husband|wife|hubby|missus)s?|(my|our) marriage)\b/,
    'married',
  ],
  [
    /(?:^\s*|[.!?,]\s+|\bthe\s+)(?:wife|husband|hubby|missus) and (?:i|me)\b|\bme and (?:the|my) (?:wife|husband|hubby|missus)\b/,
    'married',
  ],
  [new RegExp(partnerSubject('wife|husband|hubby|missus')), 'married'],
  [
    /\b(situationship|hooking up|no labels|dont do labels|not together|not 'together'|not official|friends with benefits|talking stage)\b/,
    'situationship',
  ],
  [/\b(first date|a date (tomorrow|tonight|on)|seeing each other|dating|been seeing)\b/, 'dating'],
  [
    /\b(my (first |first ever |new |current )?(boyfriend|girlfriend|bf|gf|partner)|together (for )?\d+ (years|months)|been together|we live together|been with \w+ for)\b/,
    'together',
  ],
  [/\b(im single|i'm single|being single)\b/, 'single'],
];

/**
 * Someone else as the subject before a state word: "our daughter hannah is getting divorced", "my
 * friend's marriage", "becca is married" is their life, not the user's.
 */
const OTHERS_SUBJECT =
  /\b((my|our|his|her|their) (?:(?:big|little|older|younger|baby|twin|eldest|oldest|step|half|best|childhood|close) )?(daughter|son|sister|brother|friend|best friend|mate|mum|mom|mother|dad|father|parents|cousin|colleague|coworker|boss|neighbou?r|aunt|uncle|niece|nephew|kid|child|grandson|granddaughter)s?|(his|her|their) (fiancee?|girlfriend|boyfriend|wife|husband|partner|ex)|(profile|bio|status) (says|said)|[a-z]+'s (marriage|relationship|husband|wife|boyfriend|girlfriend|partner)|they|theyve|they've|theyre|they're)\b(?!.*\b(i|we|me|us|im|i'm)\b)/;

/** "gordon isn't a widower, he's divorced", "she is married": a state said of someone else. */
const THIRD_PERSON_IS =
  /\b(?:he|she|hes|shes|he's|she's|him|her)(?: is| was| s|'s| has| had)?(?: been| got)? (?:also |now |recently |newly |just |actually |still |already )?$/;

/** The relationship state a sentence states and whether it is someone else's. */
function sentenceState(sentence: string): { state: RelationshipState; others: boolean } | null {
  for (const [re, state] of STATE_CUES) {
    const m = re.exec(sentence);
    if (m) {
      const before = sentence.slice(0, m.index);
      // "we're not divorced. separated.": a state denied is not the state.
      if (
        /\b(?:not|never|arent|aren't|isnt|isn't|werent|weren't|wasnt|wasn't) (?:\w+ )?$/.test(
          before,
        )
      )
        continue;
      return { state, others: OTHERS_SUBJECT.test(before) || THIRD_PERSON_IS.test(before) };
    }
  }
  return null;
}

/**
 * A relationship under way now, said after an ending ("divorced dad. i've been seeing nina for 5
 * months", "now i am seeing a woman, carmen"): the ending is the past, this is the present.
 */
const SEEING_NOW =
  /\b(?:now (?:i am|i'm|im) (?:seeing|dating|with)|(?:i've|ive|i have) been (?:seeing|dating)|(?:i am|i'm|im) (?:seeing|dating) (?!(?:him|her|them|it|that|this|things|red|double|a therapist|a counsellor|a counselor|someone about)\b)|started (?:seeing|dating)|my new (?:boyfriend|girlfriend|bf|gf|partner))\b/;

/**
 * A couple together again after an ending ("ok so we're back together", "we got back together",
 * "i'm back with her"): said as done, not wished ("she wants to get back together").
 */
const BACK_TOGETHER =
  /\b(?:(?:we(?:'re| are|re)?|we've|weve|we have|we got|we just got|we officially got|(?:i|we) (?:finally )?got) (?:officially )?back together|(?:i'm|im|i am) back with (?:him|her|them|[a-z]+)|we(?:'re| are) together again|we(?:'re| are) giving (?:it|us) another (?:go|try|shot))\b/;

/** Whether this message says the user's own relationship has started again (not someone else's). */
function reunitedIn(t: string): boolean {
  return t.split(/[.!?;\n]+/).some((sentence) => {
    const m = BACK_TOGETHER.exec(sentence);
    return m !== null && !OTHERS_SUBJECT.test(sentence.slice(0, m.index));
  });
}

/** States of one relationship in the order they follow each other: a later one is not undone by an earlier word. */
const LIFE_STAGE: Partial<Record<RelationshipState, number>> = {
  situationship: 0,
  dating: 1,
  together: 2,
  engaged: 3,
  married: 4,
};

/** The relationship state this message states of the user, if any (most specific cue wins). */
function stateFrom(t: string): RelationshipState | null {
  if (SEEING_NOW.test(t)) return /\bmy new\b/.test(t) ? 'together' : 'dating';
  let best: RelationshipState | null = null;
  let rank = Infinity;
  for (const sentence of t.split(/[.!?;\n]+/)) {
    const found = sentenceState(sentence);
    if (!found || found.others) continue;
    const r = STATE_CUES.findIndex(([, st]) => st === found.state);
    if (r < rank) {
      best = found.state;
      rank = r;
    }
  }
  return best;
}

const FIRST_PERSON =
  /\b(?:i|im|i'm|ive|i've|id|i'd|ill|i'll|me|my|mine|myself|we|were|we're|weve|we've|us|our|ours)\b/;
const THIRD_PERSON =
  /\b(?:he|she|they|him|her|them|his|their|theyve|they've|theyre|they're|hes|he's|shes|she's)\b/;

/**
 * Whether a message speaks only of other people ("theyve been together 4 years and live together
 * so this would blow up her whole life"): no word of the person themselves, someone else's. A
 * topic read from it is their story, not the user's own relationship.
 */
export function speaksOnlyOfOthers(raw: string): boolean {
  const t = factText(raw);
  return !FIRST_PERSON.test(t) && THIRD_PERSON.test(t);
}

/**
 * Whether the message states a relationship state only of someone else ("my daughter is getting
 * divorced"): the user's own status is not read from it.
 */
export function statesOnlyOthers(raw: string): boolean {
  const t = factText(raw);
  let others = false;
  for (const sentence of t.split(/[.!?;\n]+/)) {
    const found = sentenceState(sentence);
    if (found && !found.others) return false;
    if (found) others = true;
  }
  return others;
}

// "my girls" and "my boys" are as often friends ("if i go out with my girls") as children: only
// with a number, "little" or "our" are they children.
/** "he's my baby", "my fur baby", "you're my baby": a pet or a partner, not a child. */
const CALLED_MY_BABY =
  /\b(?:(?:he|she|it|you|hes|shes|hes|its|youre|he is|she is|it is|you are|is|s) my (?:baby|babies|baby boy|baby girl)|my fur ?(?:baby|babies|kids?|child))\b/g;
const CHILDREN_YES =
  /\b((my|our) (?:(?:last|youngest|eldest|oldest|first|second|only|two|three) )?(kids?|children|child|son|sons|daughters?|baby|toddler|little one|teenagers?|grandson|granddaughter|grandkids|grandchildren|newborn)|our (boys|girls)|(my|our) (?:two|three|four|\d+|little|twin|baby|young) (boys|girls)|(\d+|two|three|four) kids\b(?! and (a|no) )|the kids (are|were|is)|share the kids|we('ve| have)? (got |have )(two|three|\d+|a) (kids|teenagers|children|daughter|son|baby)|i (have|ve got|have got) (a|two|three|\d+) (kids|children|daughters?|sons?|baby|toddler|newborn)\b|kids are grown|\d+ (yr|year|week|month)s? old|newborn|was born)/;
/** Whether a sentence opens with someone else as its subject ("they have", "my sister's got"). */
function othersLead(sentence: string): boolean {
  const m = OTHERS_SUBJECT.exec(sentence.trimStart());
  return m !== null && m.index <= 8;
}

/** The person's own family named in a sentence ("we", "our kids", "my son"). */
const OWN_FAMILY =
  /\b(?:we|weve|we've|were|we're|our|us|my (?:kids?|children|child|son|sons|daughters?|baby|boys|girls))\b/;
const CHILDREN_OTHERS =
  /\b((is|she's|he's|shes|hes|they're|theyre)( \w+)? (married )?with|married with) (\d+|two|three|four) kids\b/;
const CHILDREN_NO =
  /\b(no kids|dont have kids|don't have kids|no children|childless|we don'?t have children)\b/;
const LIVE_YES =
  /\b(moving in with us|we live together|living together|live with (him|her|them|a man|a woman|my)|moved in (together|with)|our (place|flat|house|hallway|kitchen|home|bedroom|apartment|bed)|comes home|came home|gets home|coming home)\b/;
const LIVE_NO =
  /\b(we (didnt|did not|dont|do not) live together|dont live together|long distance|live apart|(im|i'm) in [a-z]+,? (he|she|they)('s| is| are)? in|rented (a )?(flat|1 bed|place)|my own (flat|place)|(still )?(has|have) (her|his|their) own (place|flat|apartment)|in a rented)\b/;
const AFFAIR_USER =
  /\b((?:i've|ive|i have|i) (?:had|been having) (?:this|a) thing with|(?:my|an|this) emotional affair|i cheated|i slept with|i had an affair|i kissed (someone|a|my)|my affair|i've been cheating|ive been cheating|i was unfaithful|i hooked up with (someone|a))\b/;
const AFFAIR_PARTNER =
  /\b(cheating on me|cheated on me|been unfaithful to me|(my (husband|wife|boyfriend|girlfriend|bf|gf|partner)( \S+)?) (has been |had |was )?(sleeping with|cheated|had an affair|cheating)|(he|she)('s|s| is| has)? been (sleeping with|seeing|cheating with|having an affair with) (someone|somebody|another|a (woman|man|girl|guy)|some)\b)/;
const AFFAIR_DENIED =
  /\b(thinks (i'?m|im) cheating|accuses me of cheating|i'?m not( cheating)?\.|im not\b)/;
const OTHERS_AFFAIR =
  /\b(his|her|their) (last|ex|previous|old) \S+ cheated|\b(\S+'s|his|her) (husband|wife|bf|gf|partner)\b/;

/**
 * Contractions typed without the apostrophe that are also words ("were", "ill", "id"): read as
 * "we're", "i'll", "i'd" only where a subject would stand, at the start of a clause.
 */
const CLAUSE_START =
  /^(?:and|but|so|then|because|cause|coz|cos|that|if|when|and then|think|guess|suppose|hope|reckon|promise|maybe|probably|said)$/;
const ID_VERB =
  /^(?:go|be|come|do|have|like|love|rather|say|tell|call|text|meet|try|stay|leave|want|need|never|probably|just|still|really|get|make|take|see|talk|pick)$/;
const BARE_CONTRACTION: Readonly<Record<string, string>> = {
  were: "you're",
  ill: "you'll",
  id: "you'd",
};

/** Turns "i deleted the thread from my pinned chats" into "you deleted the thread from your pinned chats". */
export function toSecondPerson(sentence: string): string {
  const swaps: Record<string, string> = {
    ...SECOND_PERSON,
    // Typed without the apostrophe: "im", "ive".
    im: "you're",
    ive: "you've",
    am: 'are',
  };
  const words = sentence.split(' ');
  return words
    .map((w, i) => {
      if (Object.hasOwn(swaps, w)) return swaps[w];
      // "tell her myself, in person": the word before a comma or stop is swapped too.
      const [, core, stop] = /^(.*?)([,.;:!?]+)$/.exec(w) ?? [];
      if (core && Object.hasOwn(swaps, core)) return swaps[core] + stop;
      const prev = i === 0 ? '' : words[i - 1];
      // "told my roommate id go": "id" before a verb is "i'd" wherever it stands.
      if (w === 'id' && ID_VERB.test(words[i + 1] ?? '')) return BARE_CONTRACTION.id;
      if (
        Object.hasOwn(BARE_CONTRACTION, w) &&
        (i === 0 || /[,.;:]$/.test(prev) || CLAUSE_START.test(prev))
      )
        return BARE_CONTRACTION[w];
      return w;
    })
    .join(' ');
}

/** "i said restaurant, it was a hotel bar (actually)": the words a correction takes back, and its own. */
const RE_SAID_INSTEAD =
  /\bi (?:said|wrote|meant to say|typed) (?:a |an |the )?([\p{L}' ]{2,30}?),? (?:but )?(?:it was|it's|its|i meant|it is) (?:actually )?(?:a |an |the )?([\p{L}' ]{2,30}?)(?: actually)?\s*(?:[.,!;]|$)/u;

/** Words of harm or threat: a message with them is not kept as a happening. */
const HARM =
  /\b(hurt|kill|wreck|smash|stab|shoot|beat (him|her|them|up)|hit (him|her|them|me)|bat|knife|gun|weapon|die|dead|end it all|overdose|pills|cut myself|revenge)\b/;

/** The first clause of a message worth keeping as a happening, in the second person. */
function happeningText(raw: string, kind: Happening['kind']): string | null {
  // Kept with its colons and quotes, which factText drops: "ask him: 'are we together?'" stays
  // speech, and a quote's own "?" does not end the sentence.
  const t = raw
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    // "a letter + a keychain", "pizza & a film": the sign is the word.
    .replace(/\s[+&]\s/g, ' and ')
    .replace(/[^\p{L}\p{N}\s.,!?'"()\-:;]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(
      /^((ok(ay)?|so|well|update( from the \w+)?|right|yeah|actually|hi+|hey+|hello)[.,:\- ]+)+/g,
      '',
    );
  // The first sentence clean enough to say back: not a preamble, an interjection or broken wording.
  const sentence = splitOutsideQuotes(t, /[.!?;]| - /)
    .map((x) => echoable(x))
    .find((x): x is string => x !== null && x.split(' ').length >= 4);
  if (!sentence) return null;
  // A colon the person typed ("we agreed: every other sunday") is kept only before speech.
  const sentenceText = sentence.replace(/:\s+(?!['"])/g, ' ');
  // What went well is often said after a setback: "the film was dreadful but we laughed the whole
  // way through" is kept whole, or only the setback would be remembered as the good news.
  const first = (kind === 'progress' ? sentenceText : sentenceText.split(/ but /)[0]).trim();
  const all = first.split(' ').filter(Boolean);
  let words = all.slice(0, 16);
  // A long clause is cut where the person paused (a comma), not mid-phrase, when it can be.
  if (all.length > 16) {
    const comma = words.findLastIndex((w) => w.endsWith(','));
    // Else before the last "and"/"so"/"then" that starts a clause of its own.
    const joint = words.findLastIndex((w, i) => i >= 6 && /^(and|so|then|but|because)$/.test(w));
    if (comma >= 3) words = words.slice(0, comma + 1);
    else if (joint >= 6) words = words.slice(0, joint);
  }
  // A cut phrase must not end on a word that needs the next one ("talked to me for").
  while (
    words.length > 0 &&
    /^(for|to|and|the|a|an|with|of|in|on|at|but|so|my|his|her|their|our|that|is|was|i|we|because|cause|she|he|they|it|when|if|while|who|which|as|than|about|from|by|after|before|until)$/.test(
      words[words.length - 1],
    )
  )
    words.pop();
  // Cut short, it must not end on a helper verb either ("the three of us can").
  if (all.length > 16)
    while (
      words.length > 0 &&
      /^(can|could|will|would|should|might|must|have|has|had|be|been|are|were|do|does|did|not|going|gonna|want|need|try)$/.test(
        words[words.length - 1],
      )
    )
      words.pop();
  // A cut inside quoted speech ("and 'when's round") ends before the quote.
  const open = words.findIndex((w) => /^['"]/.test(w));
  if (
    open >= 0 &&
    !words.slice(open).some((w, i) => (i > 0 || w.length > 1) && /['"][.,!?]*$/.test(w))
  )
    words = words.slice(0, open);
  if (words.length < 4) return null;
  return outsideQuotes(words.join(' ').replace(/[,:\-]+$/, ''), (part) =>
    toSecondPerson(part)
      .replace(/\byou was\b/g, 'you were')
      .replace(/\byou is\b/g, 'you are'),
  )
    .replace(/\bhes\b/g, "he's")
    .replace(/\bshes\b/g, "she's");
}

/** What one turn changed, for the answer to mention (a correction is acknowledged by name). */
export interface FactChange {
  /** People whose role changed in this turn, with the old role. */
  roleChanged: { name: string; from: PersonRole; to: PersonRole }[];
  /** Someone named for the first time in this turn. */
  newPeople: Person[];
}

function findPerson(facts: ConversationFacts, name: string): Person | undefined {
  return facts.people.find((p) => p.name !== null && p.name.toLowerCase() === name);
}

const PARTNERISH: ReadonlySet<PersonRole> = new Set(['partner', 'spouse']);

/**
 * The facts after one user turn. Pure: returns a new object. `act` matters for corrections, which
 * may change a role or a state that a plain mention would not.
 */
export function updateFacts(
  previous: ConversationFacts,
  raw: string,
  act: TurnAct,
  turn: number,
): { facts: ConversationFacts; change: FactChange } {
  const facts: ConversationFacts = {
    ...previous,
    people: previous.people.map((p) => ({ ...p })),
    happenings: previous.happenings.map((h) => ({ ...h })),
  };
  const change: FactChange = { roleChanged: [], newPeople: [] };
  const t = factText(raw);

  let state = stateFrom(t);
  // "i ended it" after telling of one's own affair ends the affair, not the marriage.
  if (
    state === 'broken_up' &&
    facts.affair === 'user' &&
    /\bi (?:ended it|ended things|broke it off)\b/.test(t) &&
    !/\b(?:my|our) (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|marriage|relationship)\b/.test(
      t,
    )
  )
    state = null;
  let ended = state === 'broken_up' || state === 'divorced' || state === 'separated';
  if (state) {
    // "we're not together" after "my boyfriend" is a correction of the state, and a later
    // life stage replaces an earlier one; "married" said of someone else does not undo a breakup.
    // "he came to our wedding" said by a married person is the past: an earlier life stage does
    // not replace a later one without a correction.
    const earlier =
      (LIFE_STAGE[state] ?? -1) >= 0 &&
      (LIFE_STAGE[state] ?? -1) < (LIFE_STAGE[facts.relationship ?? 'single'] ?? -1);
    // "we split 2 yrs ago" told by someone divorced is the same ending in plainer words.
    const sameEnding =
      state === 'broken_up' &&
      (facts.relationship === 'divorced' || facts.relationship === 'separated');
    if (sameEnding && act !== 'correction') ended = true;
    else if (act === 'correction' || !facts.relationship || ended || state === 'widowed')
      facts.relationship = state;
    else if (
      !['broken_up', 'divorced', 'separated', 'widowed'].includes(facts.relationship) &&
      !earlier
    )
      facts.relationship = state;
  }
  // Back together after an ending: the ex is the partner again, and the ending is the past.
  const reunited =
    reunitedIn(t) && ['broken_up', 'separated', 'single'].includes(facts.relationship ?? '');
  if (reunited) {
    facts.relationship = 'together';
    ended = false;
    const ex = facts.people.findLast((p) => p.role === 'ex');
    if (ex) {
      change.roleChanged.push({ name: ex.name ?? '', from: 'ex', to: 'partner' });
      ex.role = 'partner';
    }
  }
  const endedNow =
    facts.relationship === 'broken_up' ||
    facts.relationship === 'divorced' ||
    facts.relationship === 'separated';

  const { found, rolesOnly, someone } = mentions(t, capitalisedWords(raw));
  // After a death, a name met in a story of someone new ("gordon asked me to go to skye with him")
  // is that someone, not the husband who died.
  const courting = (facts.relationship === 'widowed' || SPOUSE_DIED.test(t)) && COURTING.test(t);
  for (const m of found) {
    const name = m.name!;
    let role = m.role;
    const known = findPerson(facts, name);
    if (!role) {
      if (known) continue;
      // A bare name: the role the user mentioned without a name ("my boyfriend" ... "jake has a
      // temper"), else the likeliest one in a relationship coach: the partner, or the ex after
      // an ending, unless a partner is already known.
      // "her name is sophie" names the latest unnamed person who can be a "her": after "my bf
      // has a new coworker", the coworker.
      const pronoun = m.given ?? null;
      const unnamed = [
        ...facts.people.filter((p) => p.name === null && !(courting && PARTNERISH.has(p.role))),
        ...rolesOnly
          .filter((r) => !(courting && PARTNERISH.has(r.role)))
          .map((r) => ({ ...r, name: null })),
        ...someone.map((role) => ({ role, name: null, pronoun: undefined })),
      ];
      const pendingRole = pronoun
        ? unnamed.findLast((p) => p.pronoun !== (pronoun === 'she' ? 'he' : 'she'))?.role
        : // Without a pronoun, the likeliest one in a relationship coach: the partner.
          (unnamed.find((p) => PARTNERISH.has(p.role)) ?? unnamed[0])?.role;
      // "her name is claire" after "he's been sleeping with someone": the other person, never
      // the partner.
      if (facts.affair === 'partner' && m.given !== undefined) role = 'other';
      else if (courting && !pendingRole) role = 'date';
      else if (pronoun && !pendingRole) role = 'other';
      else if (pendingRole) role = pendingRole;
      else if (/\b(was born|is \d+|turned \d+)\b/.test(t)) role = 'child';
      else if (endedNow && !facts.people.some((p) => p.role === 'ex')) role = 'ex';
      else if (!facts.people.some((p) => PARTNERISH.has(p.role) || p.role === 'ex'))
        role = facts.relationship === 'married' ? 'spouse' : 'partner';
      else role = 'other';
    }
    if (role === 'partner' && facts.relationship === 'married' && !m.explicit) role = 'spouse';
    // After an ending, someone spoken of as a partner without the word ("me and karen") is the ex.
    if (PARTNERISH.has(role) && endedNow && !m.fresh && (!m.explicit || ended)) role = 'ex';
    if (known) {
      if (known.role !== role && (m.explicit || act === 'correction')) {
        change.roleChanged.push({ name, from: known.role, to: role });
        known.role = role;
        known.sure = true;
      }
      continue;
    }
    // A role spoken of before without a name now gets one.
    const unnamed = facts.people.findIndex((p) => p.name === null && p.role === role);
    const pronoun = m.pronoun ?? (unnamed >= 0 ? facts.people[unnamed].pronoun : undefined);
    if (unnamed >= 0) facts.people.splice(unnamed, 1);
    const person: Person = {
      name: displayName(name),
      role,
      turn,
      sure: m.explicit,
      ...(pronoun ? { pronoun } : {}),
    };
    facts.people.push(person);
    change.newPeople.push(person);
  }
  for (const { role, pronoun } of rolesOnly) {
    if (!facts.people.some((p) => p.role === role))
      facts.people.push({ name: null, role, turn, ...(pronoun ? { pronoun } : {}) });
  }
  for (const role of someone) {
    if (!facts.people.some((p) => p.role === role)) facts.people.push({ name: null, role, turn });
  }
  // "it's daniel's sister, erin": the partner's family is the person's in-laws.
  const partnerNow = currentPartner(facts);
  for (const m of allMatches(RE_FAMILY_OF, t)) {
    const whose = m[1].replace(/'s$/, '');
    const ofPartner =
      partnerNow !== null &&
      (whose === 'his' || whose === 'her'
        ? partnerNow.pronoun !== (whose === 'his' ? 'she' : 'he') &&
          !(whose === 'his' ? OTHER_HE : OTHER_SHE).test(t)
        : partnerNow.name?.toLowerCase() === whose);
    const name = asName(m[2], true) ?? unlistedName(m[2]);
    const p = name ? facts.people.find((x) => x.name?.toLowerCase() === name) : undefined;
    if (ofPartner && p && p.role !== 'in_law') {
      change.roleChanged.push({ name: p.name ?? '', from: p.role, to: 'in_law' });
      p.role = 'in_law';
      p.sure = true;
    }
  }
  // "his mom calls every day", said of the partner: the partner's parent is an in-law, named or not.
  if (partnerNow && !facts.people.some((p) => p.role === 'in_law')) {
    const m = RE_PARENT_OF.exec(t);
    const whose = m?.[1];
    if (
      whose &&
      partnerNow.pronoun !== (whose === 'his' ? 'she' : 'he') &&
      !(whose === 'his' ? OTHER_HE : OTHER_SHE).test(t)
    )
      facts.people.push({ name: null, role: 'in_law', turn });
  }
  // "divorced 3 years, now i am seeing carmen": the ending is the past; someone new is the present.
  if (
    found.some((m) => m.fresh && m.role !== null && PARTNERISH.has(m.role)) &&
    ['broken_up', 'divorced', 'separated'].includes(facts.relationship ?? '')
  )
    facts.relationship = 'dating';
  // An ending turns the partner into an ex; a marriage turns a partner into a spouse.
  if (ended) {
    const fresh = new Set(found.filter((m) => m.fresh).map((m) => m.name && displayName(m.name)));
    for (const p of facts.people)
      if (PARTNERISH.has(p.role) && !fresh.has(p.name)) {
        change.roleChanged.push({ name: p.name ?? '', from: p.role, to: 'ex' });
        p.role = 'ex';
      }
  } else if (facts.relationship === 'married') {
    const partners = facts.people.filter((p) => p.role === 'partner');
    if (partners.length === 1 && !facts.people.some((p) => p.role === 'spouse'))
      partners[0].role = 'spouse';
  } else if (facts.relationship === 'engaged' && act === 'correction') {
    for (const p of facts.people)
      if (p.role === 'spouse') {
        change.roleChanged.push({ name: p.name ?? '', from: 'spouse', to: 'partner' });
        p.role = 'partner';
      }
  }

  // "tofu has been with me 9 years, he's my baby": a pet or a partner called "my baby".
  // "they have two kids", "my sister's got a baby": someone else's children, unless the sentence
  // also speaks of the person's own ("we have two kids, they're 5 and 7").
  const kidsText = t
    .replace(CALLED_MY_BABY, ' ')
    .split(/[.!?;\n]+/)
    .filter((sentence) => !(othersLead(sentence) && !OWN_FAMILY.test(sentence)))
    .join(' . ');
  if (CHILDREN_NO.test(t)) facts.children = false;
  else if (CHILDREN_YES.test(kidsText) && !CHILDREN_OTHERS.test(t)) facts.children = true;
  // "theyve been together 4 years and live together": their home, not the user's.
  const own = t
    .split(/[.!?;\n]+/)
    .filter((sentence) => !OTHERS_SUBJECT.test(sentence))
    .join(' . ');
  if (LIVE_NO.test(own)) facts.livingTogether = false;
  else if (LIVE_YES.test(own)) facts.livingTogether = true;
  if (AFFAIR_USER.test(t)) facts.affair = 'user';
  else if (AFFAIR_PARTNER.test(t) && !OTHERS_AFFAIR.test(t)) facts.affair = 'partner';
  else if (AFFAIR_DENIED.test(t) && /cheat/.test(t + (facts.affair ?? ''))) facts.affair = 'none';

  if (
    /\b(fight|fights|fighting|fought|argument|arguments|argue|argued|arguing|row|rowing|screaming match|blew up at)\b/.test(
      t,
    )
  )
    facts.fight = true;

  // "sorry i said restaurant, it was a hotel bar": what was remembered in the old words is
  // remembered in the new ones.
  const fixed = act === 'correction' ? RE_SAID_INSTEAD.exec(t) : null;
  if (fixed) {
    // Both captures hold only letters, apostrophes and spaces: nothing to escape.
    const [, was, is] = fixed;
    const old = new RegExp(`\\b${was}\\b`, 'g');
    for (const h of facts.happenings) if (turn - h.turn <= 4) h.text = h.text.replace(old, is);
  }
  if (act === 'progress' || act === 'plan' || act === 'event' || reunited) {
    // Getting back together is the news of its message, whatever else it tells ("we're back
    // together. she cried i cried").
    const kind = act === 'progress' || act === 'plan' || act === 'event' ? act : 'event';
    // Threats and harm are the safety module's to name (without quoting), never a "decision".
    const carrier = reunited
      ? raw
          .split(/(?<=[.!?;])\s+|\n+|\s*\p{Extended_Pictographic}+\s*/u)
          .find((sentence) => reunitedIn(factText(sentence)))
      : sentenceOfAct(raw, kind);
    const text = HARM.test(t)
      ? null
      : (happeningText(carrier ?? raw, kind) ??
        // "ok so we're back together" is too short to keep as said, never too small to remember.
        (reunited ? "you're back together" : null));
    if (text && !facts.happenings.some((h) => h.turn === turn))
      facts.happenings.push({ kind, text, turn });
    if (facts.happenings.length > 12) facts.happenings.splice(0, facts.happenings.length - 12);
  }
  return { facts, change };
}

/**
 * The facts with this turn's "progress" kept as a plain event and its "plan" forgotten: a message
 * that named a warning sign ("he's really sweet, he's started checking my phone") is not something
 * that went well, and a threat told in it ("when i said i'll go back to work he said he will take
 * the baby") is not a decision (the safety summary names the concern).
 */
export function notProgress(facts: ConversationFacts, turn: number): ConversationFacts {
  const touched = (h: Happening) => h.turn === turn && (h.kind === 'progress' || h.kind === 'plan');
  if (!facts.happenings.some(touched)) return facts;
  return {
    ...facts,
    happenings: facts.happenings
      .filter((h) => !(h.turn === turn && h.kind === 'plan'))
      .map((h) => (h.turn === turn && h.kind === 'progress' ? { ...h, kind: 'event' } : h)),
  };
}

/** The person a block's `{partner}` refers to: the current partner or spouse, else null. */
export function currentPartner(facts: ConversationFacts): Person | null {
  if (
    ['broken_up', 'divorced', 'separated', 'widowed', 'single'].includes(facts.relationship ?? '')
  )
    return null;
  return [...facts.people].reverse().find((p) => PARTNERISH.has(p.role)) ?? null;
}

/** The ex the conversation is about, if any. */
export function currentEx(facts: ConversationFacts): Person | null {
  return [...facts.people].reverse().find((p) => p.role === 'ex') ?? null;
}

/** Whether the user has a partner now, as far as the conversation says. */
export function hasPartner(facts: ConversationFacts): boolean {
  if (
    ['broken_up', 'divorced', 'separated', 'widowed', 'single'].includes(facts.relationship ?? '')
  )
    return false;
  return (
    facts.people.some((p) => PARTNERISH.has(p.role)) ||
    ['together', 'married', 'engaged', 'dating', 'situationship'].includes(facts.relationship ?? '')
  );
}

const ROLE_NOUNS: Partial<Record<PersonRole, string>> = {
  friend: 'friend',
  sister: 'sister',
  brother: 'brother',
  mother: 'mum',
  father: 'dad',
  coworker: 'coworker',
};

/**
 * Uses the names the user gave where an answer refers to someone by role: "your partner" becomes
 * "Ben" when Ben is the one partner, "your ex" becomes "Theo", "your friend" becomes "your
 * friend Lucy"; names inside quoted user words get their capital letter.
 */
export function useNames(reply: string, facts: ConversationFacts): string {
  let out = reply;
  const named = (role: PersonRole) =>
    facts.people.filter((p) => p.role === role && p.name !== null) as (Person & { name: string })[];
  const partner = currentPartner(facts);
  if (partner?.name) {
    const others = facts.people.filter((p) => PARTNERISH.has(p.role) && p.name && p !== partner);
    if (others.length === 0)
      out = out
        .replace(/\byour (partner|boyfriend|girlfriend|husband|wife)'s\b/gi, `${partner.name}'s`)
        // "your husband is javier" names him already: not "Javier is Javier".
        .replace(
          new RegExp(
            `\\byour (partner|boyfriend|girlfriend|husband|wife)\\b(?!(?: is|,)? ${partner.name}\\b)`,
            'gi',
          ),
          partner.name,
        );
  }
  const exes = named('ex');
  // "So Nina is your ex" names her role: it stays.
  if (exes.length === 1)
    out = out
      .replace(/\byour ex's\b/gi, `${exes[0].name}'s`)
      .replace(new RegExp(`(?<!\\b${exes[0].name} is )\\byour ex\\b(?!-)`, 'gi'), exes[0].name);
  for (const [role, noun] of Object.entries(ROLE_NOUNS) as [PersonRole, string][]) {
    const list = named(role);
    if (list.length !== 1) continue;
    const name = list[0].name;
    out = out.replace(new RegExp(`\\byour ${noun}\\b(?!'s| ${name})`, 'i'), `your ${noun} ${name}`);
  }
  for (const p of facts.people) {
    if (!p.name) continue;
    const lower = new RegExp(`\\b${p.name.toLowerCase()}\\b`, 'g');
    // "ben" or "will" may be ordinary words in Amora's own sentences; in the user's quoted
    // words they are the name.
    if (AMBIGUOUS.has(p.name.toLowerCase()))
      out = out.replace(/"[^"]*"/g, (quoted) => quoted.replace(lower, p.name!));
    else out = out.replace(lower, p.name);
    // "your boyfriend ben" became "Ben ben": one name is enough.
    out = out.replace(new RegExp(`\\b${p.name} ${p.name}\\b`, 'gi'), p.name);
  }
  return out;
}

/** A count as people type it: digits or a number word up to twelve (a regular-expression source). */
export const COUNT = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const UNIT = '(?:yrs?|years?|months?|mos?|weeks?|wks?|days?)';
/** "sorry 2 yrs not 3", "its 8 months, not 6": a count corrected, with its unit. */
const COUNT_NOT = new RegExp(`\\b(${COUNT}) (${UNIT}),? not (${COUNT})\\b`);

/**
 * A count the person corrected ("sorry 2 yrs not 3"), put right wherever it was remembered in
 * their words ("3 yrs together and turns out ..." becomes "2 yrs together ..."), so a summary never
 * repeats the number they took back. Returns the same list when the message corrects none.
 */
export function correctedCounts<T extends { text: string }>(items: T[], raw: string): T[] {
  const m = COUNT_NOT.exec(raw.toLowerCase());
  if (!m) return items;
  const [, right, unit, wrong] = m;
  const was = new RegExp(`\\b${wrong} ${UNIT}\\b`, 'g');
  return items.map((item) => {
    const text = item.text.replace(was, `${right} ${unit}`);
    return text === item.text ? item : { ...item, text };
  });
}
