/**
 * Cue lists for crisis detection (used by safety.ts). The phrase patterns in safety.ts were each
 * written for one wording and caught only a third to a half of fresh phrasings; the cues here are
 * written as concepts instead: a first-person wish or plan plus any way of saying "dead", a method
 * plus intent, a finality signal, a partner subject plus any violent or controlling act, and so on.
 * Word classes are lists, so related wordings share one cue. Measured honestly on batches written
 * after the cues (tests/fixtures/crisis-holdout-*.json), fresh wordings are still missed about half
 * the time: a missed crisis found in use belongs in a fixture first, then in a cue here.
 *
 * Everything here reads the canonical text of {@link crisisCanonical}: lowercase, contractions
 * expanded ("i am", "do not"), clause boundaries as " . ", crisis slang and typos repaired.
 */
import type { CrisisKind } from './types';

// ---------------------------------------------------------------------------------------------
// Spelling repair: people in crisis type fast, on phones, in slang. A missed "kil myself" is the
// worst outcome, so the few words that carry a crisis are repaired before matching.

/** Token replacements: typos, chat spellings and slang for the words a crisis turns on. */
export const CRISIS_SPELLINGS: Readonly<Record<string, string>> = {
  kil: 'kill', kll: 'kill', kiil: 'kill', kilk: 'kill', klil: 'kill', kilm: 'kill', kiling: 'killing',
  kilin: 'killing', killin: 'killing', kiled: 'killed',
  mysef: 'myself', myslef: 'myself', mysefl: 'myself', myslf: 'myself', mysel: 'myself', meself: 'myself',
  mself: 'myself', myselfe: 'myself', myselff: 'myself',
  suicde: 'suicide', sucide: 'suicide', suiside: 'suicide', suicid: 'suicide', suicied: 'suicide', sucicide: 'suicide',
  suicidial: 'suicidal', sucidal: 'suicidal', suicdal: 'suicidal', suisidal: 'suicidal', suicidle: 'suicidal',
  suacidal: 'suicidal', suicial: 'suicidal', sewerslide: 'suicide', ctb: 'suicide',
  unalve: 'unalive', unlive: 'unalive', unalived: 'unalive', unaliving: 'unalive',
  od: 'overdose', oding: 'overdosing', oded: 'overdosed', ods: 'overdose',
  ded: 'dead', dieing: 'dying', dyin: 'dying', diein: 'dying',
  finna: 'going to', tryna: 'trying to', gunna: 'going to', gona: 'going to', gonan: 'going to', wana: 'want to',
  wnt: 'want', wnat: 'want',
  tonite: 'tonight', '2nite': 'tonight', tonigh: 'tonight', tmrw: 'tomorrow', tmr: 'tomorrow', tmw: 'tomorrow',
  noone: 'no one', every1: 'everyone', some1: 'someone', no1: 'no one', any1: 'anyone', b4: 'before',
  pils: 'pills', pilss: 'pills', medz: 'meds', pillz: 'pills',
  hurtin: 'hurting', cuttin: 'cutting', livin: 'living', goin: 'going', endin: 'ending', jumpin: 'jumping',
  choaked: 'choked', chocked: 'choked', choaking: 'choking', chocking: 'choking',
  strangeled: 'strangled', strangeld: 'strangled', stabed: 'stabbed', slaped: 'slapped', punshed: 'punched',
  hitted: 'hit', beated: 'beat', threatend: 'threatened', thretened: 'threatened',
  threatned: 'threatened', threatning: 'threatening', threten: 'threaten', thretens: 'threatens',
  scard: 'scared', scaried: 'scared', afriad: 'afraid', afaid: 'afraid', terrifed: 'terrified',
  hubs: 'husband', bae: 'partner', boyf: 'boyfriend', girlf: 'girlfriend',
};

/** Multi-word slang, rewritten to the plain words the cues use (on canonical text). */
export const CRISIS_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bsewer (?:slide|sliding|slid)\b/g, 'suicide'],
  [/\bun alive\b/g, 'unalive'],
  [/\bmy self\b|\bme self\b/g, 'myself'],
  [/\bk myself\b|\b(?:end|ending|ended|off|offing|offed|delete|deleting|unalive|unaliving|neck|necking|rope|roping) myself\b/g, 'kill myself'],
  [/\byeet(?:ing)? myself (off|into|in front of|from)\b/g, 'jump $1'],
  [/\bself (?:harmed|harming|harms)\b|\bselfharm\w*\b/g, 'self harm'],
  [/\bsh (?:again|scars|urges|relapse|wounds|cuts)\b/g, 'self harm $&'],
  [/\b(?:relapsed on|relapse on|urges to|urge to|clean from) sh\b/g, '$& self harm'],
  [/\bself (?:delete|deleting|deleted)\b/g, 'kill myself'],
];

/**
 * Words repaired when a token is one edit (insertion, deletion, substitution, swap) away. Only long,
 * distinctive words: short ones ("kill") have too many real neighbours ("will", "fill").
 */
export const FUZZY_KEYWORDS: readonly string[] = [
  'suicide', 'suicidal', 'suicidally', 'myself', 'overdose', 'overdosed', 'overdosing', 'unalive',
  'strangled', 'strangling', 'threatened', 'threatening',
];

/** Real words that are one edit from a keyword and must stay as they are. */
export const FUZZY_EXCLUDE: ReadonlySet<string> = new Set([
  'overdone', 'overdoes', 'overdue', 'overdoses', 'suicides', 'threaten', 'threatens', 'strangle', 'strangles', 'strangler', 'unalives',
]);

/** Words people stretch ("diiie", "killl"): a stretched token is repaired to one of these. */
export const STRETCH_TARGETS: ReadonlySet<string> = new Set([
  'die', 'dead', 'dying', 'kill', 'killing', 'suicide', 'suicidal', 'myself', 'done', 'gone', 'tired', 'hate', 'alive',
  'bye', 'goodbye', 'scared', 'hurt', 'help', 'please', 'end', 'over', 'want', 'so', 'now', 'no', 'stop',
]);

/** Letter-spaced words ("k m s", "k i l l") that are joined back. */
export const SPACED_WORDS: ReadonlySet<string> = new Set(['kms', 'kys', 'kill', 'die', 'dead', 'suicide', 'myself', 'unalive', 'help']);

// ---------------------------------------------------------------------------------------------
// Word classes (regex sources). Kept as lists so the cues below generalise across wordings.

const alt = (words: readonly string[]) => `(?:${words.join('|')})`;

/**
 * Up to two words that do not change who or what the sentence is about: "thinking about (just)
 * dying" is the user, "thinking about (she is) dying" is not, "(not) dying" is the opposite.
 */
const OWN_GAP = '(?:(?!(?:he|she|they|it|his|her|their|you|we|your|its|is|was|are|not|never)\\b)\\w+ ){0,2}?';

/** Up to n words, none a negator: "said he would never hurt me" must not read as "said .. hurt me". */
const gap = (n: number) => `(?:(?!(?:not|never|no|nobody|nothing)\\b)\\w+ ){0,${n}}?`;

/** A partner or another person as the subject of an act. */
export const PERSON_SUBJECT = alt([
  'he', 'she', 'they', 'my (?:partner|boyfriend|girlfriend|husband|wife|ex|fiance|spouse|ex boyfriend|ex girlfriend|ex husband|ex wife|man|girl|baby daddy|baby mama|baby father|baby mother|date|lover)',
]);

/** Medication and other things people overdose on. */
const MEDS = alt([
  'pills?', 'meds', 'medication', 'medications', 'medicine', 'tablets', 'anti ?depressants', 'painkillers', 'pain killers',
  'sleeping (?:pills|tablets)', 'sleep aids', 'paracetamol', 'tylenol', 'acetaminophen', 'ibuprofen', 'aspirin', 'insulin',
  'xanax', 'valium', 'ambien', 'oxy', 'oxycodone', 'opioids', 'benzos', 'lithium', 'seroquel', 'prozac', 'zoloft',
  'sertraline', 'prescriptions?', 'heroin', 'fentanyl', 'bottle(?! of (?:wine|vodka|water|beer|champagne|whiskey|whisky|rum|gin|prosecco|tequila|jack|coke|soda))',
]);

/** A quantity that turns taking medication into an overdose. */
const DOSE = alt([
  'all(?: of)?', 'every', 'the whole', 'a whole', 'the rest of', 'a (?:bottle|box|packet|pack|handful|bunch|load|month s worth) of',
  'too many', 'too much', 'enough', 'double', 'triple', 'extra', 'everything', '\\d{2,}', '[5-9]', 'twenty', 'thirty', 'forty', 'fifty',
  'a hundred', 'loads of', 'heaps of', 'a lot of', 'as many as i can',
]);

/** Places and objects people die by. */
const HEIGHT = alt([
  'bridge', 'building', 'roof', 'rooftop', 'balcony', 'window', 'cliff', 'ledge', 'overpass', 'parking (?:garage|structure|lot)',
  'car park', 'multi storey', 'tower', 'top floor', 'train', 'bus', 'truck', 'lorry', 'traffic', 'tracks', 'platform',
  'dam', 'motorway', 'highway', 'freeway', 'flyover', 'stairwell', 'skyscraper', 'subway', 'metro', 'tube',
]);

/** "die", in the forms that follow a wish ("want to ..", "wish I could ..", "hope I ..").*/
const DEATH_STATE = alt([
  'die(?! (?:of|from|laughing|for (?!what)|alone|happy|old|a little|inside|a virgin|single|on (?:this|that) hill|of embarrassment|trying|with|without (?:trying|seeing|knowing))\\b)',
  'died', 'be dead', 'was dead', 'were dead', 'drop dead', 'be gone (?:forever|for good|permanently)', 'not be (?:alive|here|around) (?:anymore|any more|any longer)?',
  '(?:did|do|would|could|was|were|had|to) not (?:exist|be alive|be here|be around|wake up|have to wake up|have been born|exist anymore)', '(?:was|were|had been) never born', '(?:disappear|vanish|be gone|go away|leave) (?:forever|for good|permanently|for ever|and never come back)',
  'not exist', 'stop existing', 'cease to exist', 'stop living', 'stop breathing', 'not wake up', 'never wake up', 'not have to wake up',
  'never have to wake up', 'sleep forever', 'go to sleep forever', 'fall asleep forever', 'disappear forever', 'vanish forever',
  'fade away forever', 'leave this world', 'leave this earth', 'not be on this earth', 'be with (?:him|her|them|my \\w+) (?:again )?(?:in heaven|up there|on the other side)',
  'join (?:him|her|them|my \\w+) (?:in heaven|up there|on the other side)', 'get hit by (?:a|the) (?:car|bus|train|truck|lorry)',
  'get (?:in|into) (?:a|an) (?:car )?(?:crash|accident|wreck)', 'crash (?:my|the) car', 'die in (?:my|a|an) (?:sleep|\\w+ crash|crash|accident)',
  'get killed', 'be killed', 'get run over', 'end (?:my|my own) life', 'kill myself', 'hurt myself', 'take my (?:own )?life', 'go under (?:and|forever)',
  'give up on (?:life|living)', 'let go of life', 'rest forever', 'never (?:have )?been born', 'overdose',
  'go to sleep and (?:never|not) wake up', 'disappear from (?:this|the) (?:earth|world|planet)', 'jump(?= \\.|$| tonight| now| today)', 'step off (?:the |a )?(?:ledge|roof|bridge|balcony|cliff|edge)', `jump (?:off|from|in front of) (?:the |a |my |this |that )?(?:\\w+ )?${HEIGHT}`,
  'end (?:it|it all|this|everything)(?= \\.|$| tonight| today| now| soon| for good| forever| permanently| already| right now| once and for all| and)',
]);

/**
 * A free gap of up to four words between a wish and a death word, that cannot carry the sentence
 * to someone else ("want to know how (he) died"), into a relative clause ("where", "when"), a
 * comparison ("than") or a negation.
 */
const FREE_GAP = '(?:(?!(?:not|never|no|nobody|he|she|they|it|his|her|their|him|them|you|your|we|our|its|someone|somebody|people|everyone|where|when|how|why|what|who|which|that|than|if|of|like|because)\\b)\\w+ ){0,4}?';

/** Wishing, intending or dwelling, in many forms ("tryna", "all I think about is"). */
const DESIRE_ANY = alt([
  'want', 'wanted', 'wanting', 'wish', 'wishing', 'hope', 'hoping', 'pray', 'praying', 'trying', 'ready', 'plan', 'planning',
  'decided', 'tempted', 'longing', 'deserve', 'need', 'prefer', 'would rather', 'might as well', 'can not wait',
  'think about', 'thinking about', 'thinking of', 'thought about', 'think about is', 'thinking about is', 'dream of', 'dream about',
  'dreaming of', 'dreaming about', 'fantasi[sz]e about', 'fantasi[sz]ing about', 'obsessed with', 'obsessing over',
]);

/** The core ways to say "dead" that a wish may point at (idioms are dropped by the idiom layer). */
const DEATH_CORE = alt([
  'die(?! (?:of|from|laughing|for (?!what)|alone|happy|old|a little|inside|a virgin|single|on (?:this|that) hill|trying|with|without|down|my hair|her hair|his hair)\\b)',
  'dying(?! (?:to|for|of|laughing|inside|down|my hair)\\b)', 'be dead', 'being dead', 'death(?! (?:of (?:my|his|her|their|a|the)|metal|stare|valley|trap|row|threats?)\\b)',
  'suicide', 'kill myself', 'killing myself', 'end it all', 'end my life', 'ending my life', 'not exist', 'not existing', 'stop existing',
  'disappear forever', 'waste away', 'wasting away', 'overdose', 'overdosing', 'unalive', 'hang myself', 'hanging myself', 'not wake up', 'never wake up',
]);

/** Being alive, in forms that become a crisis under a negated wish ("not tryna be here anymore"). */
const LIFE_CORE = alt([
  'be here (?:anymore|any more|any longer)', 'be alive', 'be around (?:anymore|any more|any longer)', 'exist', 'live(?! (?:with|in|here|there|together|like|without|alone|near|at|on|by|next|close|apart|abroad)\\b)',
  'wake up(?! (?:early|at|before|for|next|with|to|in|on)\\b)', 'go on(?= \\.|$| anymore| any more| like this| living)', 'keep going(?= \\.|$| anymore| any more| like this)', 'keep living',
]);

/** Ways of thinking about something, for "thinking about (dying|the bridge|how I'd do it)". */
const DWELL = alt([
  'think', 'thinking', 'thought', 'thoughts', 'fantasi[sz]\\w*', 'dream\\w*', 'daydream\\w*', 'obsess\\w*', 'imagin\\w*',
  'pictur\\w*', 'plann\\w*', 'consider\\w*', 'research\\w*', 'google\\w*', 'look\\w* up', 'read\\w* about', 'can not stop thinking',
]);

/** Acts of violence a partner threatens ("said he would .. me"). */
const HURT_VERB = alt([
  'kill', 'hurt', 'harm', 'beat', 'beat up', 'hit', 'shoot', 'stab', 'strangle', 'choke', 'burn', 'bury', 'punish', 'smack', 'slap',
  'punch', 'kick', 'drown', 'poison', 'run over', 'crash', 'break (?=me|my (?:neck|arms?|legs?|jaw|face|bones|fingers|nose))',
]);

/** Threats to expose: intimate images, secrets ("he'll send my nudes to my parents"). */
const EXPOSE = `(?:send|post|leak|share|show|release|expose|spread|upload|sell) ${gap(2)}(?:my|our) (?:nudes|nude \\w+|naked \\w+|intimate \\w+|sex tape|pics|photos|pictures|videos|secrets)`;

/** What a threat is conditional on: leaving, telling, refusing. */
const LEAVE_ACT = alt([
  'leave', 'left', 'go', 'try to leave', 'tried to leave', 'break up', 'broke up', 'tell', 'told', 'call', 'report', 'cheat', 'cheated',
  'talk to', 'see', 'text', 'do not', 'did not', 'say no', 'refuse', 'dump', 'dumped', 'stop', 'block', 'go out', 'answer',
]);

// ---------------------------------------------------------------------------------------------
// Concept cues.

/** Who must be the subject of a cue for it to count (checked in safety.ts). */
export type CueSubject = 'self' | 'other';

/**
 * One cue over canonical text. `weight` is the evidence it adds (2 = detected alone; weaker cues
 * need company). `subject` restricts it to the user ("I want to die", not "she wants to die") or
 * to another person ("he cut my arm"). `negatable`: a nearby "not", "never" cancels it. `joke`:
 * "lol", "haha" nearby cancels it (threats to others said as jokes).
 */
export interface CrisisCue {
  kind: CrisisKind;
  re: RegExp;
  weight?: number;
  negatable: boolean;
  subject?: CueSubject;
  joke?: boolean;
}

/** Self-harm and suicide: wishes, plans, methods, finality, hopelessness about living, acts. */
export const SELF_HARM_CUES: readonly CrisisCue[] = [
  // A wish to be dead in any wording: want/wish/hope/ready/deserve + any way of saying "dead".
  {
    kind: 'self_harm', negatable: true, subject: 'self',
    re: new RegExp(`\\b(?:want|wanted|wanting|wish|wishing|hope|hoping|pray|praying|ready|deserve|deserved|tempted|longing|need|prefer|can not wait|might as well|may as well|should just|should|let me|just want|decided|choose|chose|planning|plan)(?: to| too| that i| i| i could| i would| i will| i can| if i| i just| i might| i get to)?(?: just| simply| finally| really| quietly| peacefully| already| honestly| actually| literally| kinda| kind of| lowkey| seriously| go| be able to| like)* ${DEATH_STATE}`, 'g'),
  },
  // The same in a free window: "all I think about is dying", "I want to just lie down and die".
  { kind: 'self_harm', negatable: true, subject: 'self', re: new RegExp(`\\b${DESIRE_ANY} (?:to |that i |i |is )?${FREE_GAP}${DEATH_CORE}`, 'g') },
  // A negated wish to be alive: "not tryna be here anymore", "don't really want to exist".
  { kind: 'self_harm', negatable: false, subject: 'self', re: new RegExp(`\\b(?:not|no longer|never)(?: \\w+)? ${DESIRE_ANY} (?:to )?(?:(?:really|even|just|actually) )?${LIFE_CORE}`, 'g') },
  // Strong ends after any intent ("going to end my life", "gonna kill myself").
  {
    kind: 'self_harm', negatable: true, subject: 'self',
    re: /\b(?:going|about|ready|trying|tried|planning|plan|decided|gonna|will|would|might) (?:to )?(?:just |finally |really )?(?:end (?:my|my own) life|kill myself|take my (?:own )?life|end it all|end everything|overdose|hang myself|jump off (?:\w+ )?(?:a|the) \w+)\b/g,
  },
  // Dwelling on death or a method: "thinking about dying", "I keep picturing the bridge".
  {
    kind: 'self_harm', negatable: true, subject: 'self',
    re: new RegExp(`\\b${DWELL} (?:about |of |on )?(?:suicide|death|dying)\\b|\\b${DWELL} (?:about |of |on )?${OWN_GAP}(?:my (?:own )?death|not being (?:here|alive|around)|not existing|ending (?:it|it all|my life|everything|myself)|killing myself|hurting myself|disappearing forever|not waking up|never waking up|driving (?:my car |the car )?(?:into|off)|crashing (?:my|the) car|jumping (?:off|from|in front of)|overdosing|hanging myself|(?:taking|swallowing) (?:all|every|everything|the whole|a bottle)|slitting|drowning myself|going under|walking into (?:the )?(?:sea|ocean|river|lake|traffic)|stepping in front of|how (?:i would|i will|i could|i am going to|to) do it|(?:when|where) (?:i would|i will|i could|to) do it|my (?:own )?funeral)\\b`, 'g'),
  },
  { kind: 'self_harm', negatable: true, subject: 'self', weight: 1.5, re: new RegExp(`\\b${DWELL} (?:about |of )?(?:the |that |a )?(?:${HEIGHT}|rope|noose|pills|razor|blades?|gun|bleach|medicine cabinet)\\b`, 'g') },
  // Overdose: a quantity of medication, or "at once", or everything in the cabinet.
  {
    kind: 'self_harm', negatable: true, subject: 'self',
    re: new RegExp(`\\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing|downed|chug|chugging|neck|necking|pop|popping|popped|od on|overdose on|overdosing on) (?:\\w+ ){0,2}?${DOSE} (?:of )?(?:\\w+ ){0,2}?${MEDS}\\b|\\b${MEDS} (?:\\w+ ){0,3}?(?:at once|all at once|in one go|at the same time)\\b|\\b(?:swallow|swallowing|swallowed|take|taking|took|drink|drinking|drank) everything in (?:the|my|our) (?:medicine |bathroom )?(?:cabinet|cupboard|drawer|bathroom)\\b|\\b(?:drink|drinking|drank|swallow\\w*) (?:some |the |a bottle of )?(?:bleach|antifreeze|poison|drain cleaner|weed killer|rat poison)\\b`, 'g'),
  },
  { kind: 'self_harm', negatable: true, weight: 1.5, re: new RegExp(`\\b(?:enough|plenty of|a stash of|stash of|saved|saving|hoarded|hoarding|collected|collecting) (?:\\w+ ){0,2}?${MEDS}\\b|\\b${MEDS} (?:\\w+ ){0,2}(?:saved|stashed|hidden)\\b`, 'g') },
  { kind: 'self_harm', negatable: true, re: new RegExp(`\\b${MEDS} (?:\\w+ ){0,2}?(?:in my hand|in front of me|lined up|laid out|counted out|all out|on my (?:desk|table|bed|nightstand|counter|lap)|on the (?:bathroom |kitchen )?(?:counter|table|desk|floor|bed))\\b`, 'g') },
  // Jumping from a height, driving into something, lying on the tracks, going under.
  {
    kind: 'self_harm', negatable: true, subject: 'self',
    re: new RegExp(`\\bjump(?:ing|ed)? (?:off|from|out of|in front of|into) (?:the |a |my |our |this |that )?(?:\\w+ )?${HEIGHT}\\b|\\b(?:lie|lay|lying|laying) (?:down )?on (?:the )?(?:train |railway )?(?:tracks|road|motorway|highway|railway)\\b|\\b(?:go|going|went|slip|slipping|sink|sinking) under (?:the water )?and (?:stay|staying|not come|never come|not coming|never coming)\\b|\\bhold(?:ing)? my head under (?:the )?water\\b`, 'g'),
  },
  {
    kind: 'self_harm', negatable: true, subject: 'self',
    re: /\b(?:drive|driving|drove|crash|crashing|crashed|steer|steering|swerve|swerving|ram|ramming|plow|plowing|plough|ploughing) (?:my car |the car |myself |it )?(?:off (?:a|the) (?:bridge|cliff|road|overpass|pier)|into (?:a|the|an|oncoming) (?:tree|wall|river|lake|sea|truck|lorry|bus|traffic|pole|lamppost|barrier|ditch|bridge|oncoming traffic|median|concrete|pillar|building|train)|in front of (?:a|the) (?:train|truck|lorry|bus))\b/g,
  },
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:walk|walking|walked|wade|wading) (?:\w+ ){0,2}?(?:into|in) (?:the )?(?:sea|ocean|river|lake|water|waves) and (?:never|not|keep|just keep)\b|\b(?:rope|noose|belt|cord|cable) (?:\w+ ){0,3}(?:around|round) my neck\b|\b(?:tie|tied|tying|made|make|making) (?:a )?noose\b|\bcarbon monoxide\b|\b(?:engine|car) running in (?:the|a) (?:closed )?garage\b/g },
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:razor|blade|knife|glass|scissors|gun|pistol|barrel) (?:\w+ ){0,3}?(?:to|against|on|across|in) my (?:wrists?|arms?|throat|neck|thighs?|head|temple|mouth|chest)\b/g },
  // Finality: last messages, goodbyes, after-I'm-gone, not needing things, the funeral.
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:this is|this will be|consider this|this is probably|here is|sending|writing) (?:my )?(?:last|final) (?:message|text|post|words|goodbye|letter|note)\b|\btell (?:her|him|them|my \w+|everyone|everybody) (?:that )?i (?:loved|always loved|am sorry|was sorry|never meant|tried)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\b(?:thank you|thanks) for (?:everything|all you have done|always being there|trying|putting up with me)\b|\bi am sorry for everything\b|\bplease forgive me\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:sorry|regret it|miss me|realize|realise|understand|see|happy|happier|relieved|free|better|notice) (?:\w+ ){0,3}?(?:when|once|after|if) i am (?:gone|dead|not here|not around|no longer here|six feet under|in the ground)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:when|once|after) i am (?:dead|no longer here|six feet under|in the ground|not here anymore)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\bwhere i am going\b(?! (?:with|next|for|on|in|to|after|wrong)\b)/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:will not|wo not|do not|not going to|never going to|never) need (?:it|them|this|these|that|any of (?:it|this|them)|my \w+) (?:\w+ ){0,2}?(?:anymore|any more|where i am going|soon|much longer|after (?:tonight|tomorrow|this week))\b|\b(?:giving|gave|give|given) (?:\w+ ){0,2}?(?:my|all my|all of my) (?:stuff|things|belongings|clothes|possessions|books|games|jewelry|jewellery|plants|pets?|dog|cat|guitar|records|savings|money) (?:\w+ ){0,2}?away\b|\bgiving away (?:\w+ ){0,2}?(?:my|all my) \w+/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:plan|planning|planned|picture|picturing|pictured|imagine|imagining|imagined|think about|thinking about|arrange|arranging|write|writing|wrote) (?:\w+ ){0,2}?my (?:own )?funeral\b|\bmy (?:own )?funeral (?:\w+ ){0,3}?(?:who would|songs|plan|planned|come|show up|cry)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\bmy (?:own )?funeral\b|\blife insurance\b|\bgoodbye (?:everyone|everybody|world|all|forever|cruel world|my friends)\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:better off|easier|richer|happier|fine) (?:\w+ ){0,3}?(?:with (?:the|my) (?:life )?insurance|than with me)\b|\bbetter off (?:\w+ ){0,4}?(?:without me|once i am gone|if i (?:was|were|am) gone)\b/g },
  // Being a burden that will soon end: "you won't have to deal with me much longer".
  { kind: 'self_harm', negatable: false, re: /\b(?:will not|wo not|not going to|never going to|no longer) (?:be|have to be) (?:a |an )?(?:problem|burden|issue|bother|trouble|nuisance|weight) (?:\w+ ){0,3}?(?:much longer|anymore|any more|for long|soon|after (?:tonight|today))\b|\b(?:not|never) have to (?:deal with|worry about|put up with|see|hear from|look at|take care of) me (?:anymore|any more|much longer|ever again|soon)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:never|not) (?:hear from|see) me again\b|\b(?:made|making) (?:my )?peace with (?:it|dying|death|everything|my decision|leaving|going)\b|\bat peace with (?:my decision|dying|death|leaving|going|it all)\b|\bi am (?:just |such |a total |nothing but )?(?:a )?waste of (?:space|oxygen|air|life|skin)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:look like|make it look like|know it was not|know it wasn t|think it was) (?:an? )?accident\b/g },
  // Not trusting oneself to stay safe.
  { kind: 'self_harm', negatable: false, re: /\b(?:what|something) i (?:might|could|will|would|am going to) do to myself\b|\bnot trust myself (?:right now|tonight|anymore|alone|to be alone|around (?:pills|knives|the pills|my meds|sharp)|with (?:pills|knives|a knife|my meds|the pills))\b|\b(?:can not|could not) keep myself safe\b|\bnot (?:feel )?safe (?:with|from|around) myself\b/g },
  { kind: 'self_harm', negatable: true, weight: 1.5, re: /\b(?:do|doing|did) something (?:stupid|drastic|permanent|i can not take back|final|dangerous)\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:do|doing|did) something (?:stupid|drastic|permanent|bad|dangerous) to myself\b/g },
  // Hopelessness about living itself (not about a person): "no point in being alive".
  { kind: 'self_harm', negatable: false, re: /\b(?:no|not see (?:a|any|the)|can not see (?:a|any|the)|do not see (?:a|any|the)|what is (?:even |really |actually )?the|lost (?:all |the |my )?) (?:point|reason|will) (?:\w+ ){0,3}?(?:living|being alive|life|going on|existing|waking up|getting up|carrying on|continuing|staying alive|stay alive|to live|be alive|being here|be here|to keep going|keep going)\b|\blost (?:the |my |all )?will to live\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:no|not see (?:a|any|the)|what is (?:even |really )?the) point (?:in |of )?(?:(?:trying|anything|any of (?:it|this)) (?:anymore|any more)\b(?! (?:with|to)\b)|anything\b)/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:(?<!(?:love|night|social|work|sex|dating|city|real|student|home|family) )life|being alive|existence|living (?:without|like this|with this))(?: \w+){0,4}? (?:is not|is no longer|not|never|was not|is never) (?:even |really )?worth (?:it|living|anything|the (?:pain|effort|struggle|fight))\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:tired|sick|exhausted|weary|done) (?:of|with) (?:\w+ ){0,2}?(?:staying alive|stay alive|being alive|existing|surviving|breathing)\b(?! (?:like this|this way|with|in|on|under|around|paycheck|without|as)\b)/g },
  { kind: 'self_harm', negatable: true, re: /\bhate (?:being alive|existing|that i am alive|that i woke up|that i am still here)\b|\bfeel like dying\b(?! (?:of|from|laughing|inside)\b)/g },
  { kind: 'self_harm', negatable: true, weight: 1, re: /\bhate (?:my existence|waking up|my life)\b(?! (?:with|in|here|without)\b)/g },
  // "The only way this stops is if I'm dead."
  { kind: 'self_harm', negatable: false, re: /\b(?:only|one) way (?:\w+ ){0,4}?is (?:if i (?:die|am dead|was dead|were dead|kill myself|am gone|end it|disappear|am not here)|(?:dying|death|suicide|to die|to end it|to kill myself|to not be here|not being here))\b|\b(?:stops|stop|ends|end|over|better|easier) (?:\w+ ){0,3}?(?:if|when|once) i (?:die|am dead|was dead|were dead)\b/g },
  { kind: 'self_harm', negatable: false, subject: 'self', re: /\b(?:what if|if only|if) i (?:\w+ ){0,2}?(?:did not|do not|never|not|would not|could not|could just not|just did not) (?:\w+ )?wake up\b(?! (?:until|till|in time|early|on time|for|when|at|before|to)\b)/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\b(?:if|when|once|unless) i am dead\b|\bif i (?:die|died|was dead|were dead)\b/g },
  // Hurting oneself: a harm verb on "myself" or on one's own body.
  {
    kind: 'self_harm', negatable: true, subject: 'self',
    re: /\b(?:cut|cuts|cutting|burn|burns|burned|burnt|burning|scratch|scratches|scratched|scratching|carve|carved|carving|hit|hits|hitting|punch|punched|punching|slap|slapped|slapping|bang|banged|banging|bite|bit|biting|starve|starved|starving|stab|stabbed|stabbing|beat|beating|bruise|bruised|bruising|choke|choked|choking|strangle|strangled|strangling|suffocate|suffocating|suffocated|bleed|bled|bleeding|whip|whipped) (?:\w+ )?myself\b/g,
  },
  {
    kind: 'self_harm', negatable: true, subject: 'self',
    re: /\b(?:cut|burn|burnt|scratch|carv|slic|stab|bang|hit|punch|bit|bite|scrap|pinch|gouge|pick)\w* (?:\w+ ){0,3}?(?:into |on |onto |across |in )?my (?:own )?(?:arms?|wrists?|thighs?|legs?|skin|stomach|belly|hips?|knuckles|chest|ankles?|forearms?|body)\b/g,
  },
  {
    kind: 'self_harm', negatable: false,
    re: /\b(?:started|start|starting|been|keep|kept|back to|went back to|going back to|relapsed|relapse|relapsing|urge to|urges to|want to|wanting to|stop|stopped|quit|quitting|clean from|hide|hiding|hid|my) (?:cutting|self harm|burning myself)\b(?! (?:ties|him|her|them|off|out|back|down|carbs|sugar|corners|class|school|people|the|my|his|contact|things|it|costs|hours|calories|coupons|onions|hair|wood|grass|paper|fabric|weight|loose|board|edge|room|a|an|some|me)\b)|\bcutting again\b/g,
  },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:cuts|scars|burns|wounds) (?:on|across|all over|up and down) my (?:arms?|wrists?|thighs?|legs?|stomach|hips?)\b|\b(?:until|till|til|so hard) (?:\w+ ){0,2}?(?:bled|bleeds|bleed|bleeding|broke the skin)\b|\bmake myself (?:throw up|sick|puke|vomit|bleed)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\brelapsed\b(?! (?:on|into|and)\b (?:drinking|alcohol|smoking|vaping|weed|gambling|porn|texting|checking|called|texted|messaged))/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\bto (?:feel something|feel anything|punish myself|make (?:the|it) (?:pain|hurt) go away|numb (?:it|the pain|myself))\b/g },
  // Everything ending: "I just want it all to end", "I want my life to be over".
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:want|wish|need|wanting)(?: for)? (?:it all|everything|all of (?:it|this)|my life|life) to (?:just )?(?:end|stop|be over)\b(?! (?:with|between))/g },
  { kind: 'self_harm', negatable: true, weight: 1.5, subject: 'self', re: /\b(?:want|wish|need) (?:it|this) (?:all )?to (?:just )?(?:end|be over)\b(?= \.|$| now| already| for good| forever)/g },
  // Not expecting to live to a date: "I won't make it to my birthday", "can't see myself living past June".
  { kind: 'self_harm', negatable: false, re: /\b(?:do not think i will|will not|wo not|am not going to|might not|may not|doubt i will|can not see myself|do not see myself|not see myself) (?:make it|survive|last|be (?:here|around|alive)|living|being alive|alive) (?:to|until|till|through|past|beyond|for) (?:my|the|next|this|christmas|new year|his|her|our|another)\b/g },
  // Being at the place, with the means.
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\bi am (?:on|at|standing on|sitting on|up on) (?:the |a )?(?:roof|rooftop|ledge|edge|bridge|tracks|railway|cliff|top of (?:the|a) (?:building|car park|parking garage|bridge|cliff))\b|\b(?:holding|hold|have|got) (?:a|the|my|his|dad s) (?:gun|knife|blade|razor|pills|rope) (?:in my hand|right now|to my|next to me|in front of me)\b/g },
  { kind: 'self_harm', negatable: true, weight: 1.5, re: new RegExp(`\\b(?:bought|buying|buy|bought up|stocking up on|stockpil\\w*|got hold of|ordered) (?:\\w+ ){0,3}?${MEDS}\\b|\\b(?:bought|got|have) (?:a )?(?:rope|noose|razor blades)\\b`, 'g') },
  { kind: 'self_harm', negatable: true, weight: 1, re: new RegExp(`\\b(?:\\d+|several|multiple|many|three|four|five|few) (?:packs|boxes|bottles|packets|strips) of ${MEDS}\\b`, 'g') },
  { kind: 'self_harm', negatable: true, re: /\bhow (?:many|much) (?:\w+ ){0,3}?(?:it would take|would it take|does it take|it takes|would kill|is lethal|is fatal|to die|to overdose|before you die|to not wake up|is too (?:much|many)|would be (?:too much|too many|enough|fatal|lethal)|is enough to)\b|\bgarage with the engine (?:running|on)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\b(?:i know|i have decided|decided) what i (?:have|need|am going) to do\b|\bi love you all\b|\bi am sorry for being (?:a burden|such a burden|like this|me)\b/g },
  { kind: 'self_harm', negatable: false, re: /\bmy (?:arms?|wrists?|thighs?|legs?|stomach|hips?) (?:are|is) (?:\w+ ){0,2}?(?:cut up|covered in (?:cuts|scars|burns)|full of (?:cuts|scars|burns)|bleeding)\b/g },
  // Not caring whether one lives: "no one cares if I live or die".
  { kind: 'self_harm', negatable: false, re: /\b(?:care|cares|cared|matter|matters|notice|mind) (?:if|whether) i (?:live|lived|die|died|am alive|exist|existed|make it)\b|\blive or die\b/g },
  // A means within reach and a mind fixed on it: "my dad's gun .. can't stop looking at it".
  { kind: 'self_harm', negatable: true, re: /\b(?:gun|pistol|rifle|pills|rope|noose|knife|razor|blade|meds|bottle of pills)\b(?: \w+){0,8}? (?:can not stop|keep|kept|been|always) (?:looking at|staring at|thinking about|holding|touching|picturing|going back to) (?:it|them|that|those|the \w+)\b/g },
  { kind: 'self_harm', negatable: true, weight: 1.5, re: /\bmy (?:arms?|wrists?|thighs?|legs?|stomach|hips?|skin) (?:are|is) (?:a mess|cut up|torn up|scarred|bleeding|raw|covered)\b/g },
  { kind: 'self_harm', negatable: true, weight: 1, re: /\b(?:used|using|use|with) (?:a |the |my )?(?:razor|blade|lighter|cigarettes?|scissors|sharpener|compass)\b(?! (?:to (?:shave|cut (?:the|his|her|my hair|paper|wrapping))|on (?:the|his|her) (?:beard|legs)))/g },
  // At the edge of a drop; fumes; drinking or starving oneself to death.
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:stood|standing|stand|sat|sitting|sit|waited|waiting|lingered|lingering|hovering|leaned|leaning) (?:\w+ ){0,2}?(?:by|at|on|near|over|close to) the edge of (?:the |a )?(?:\w+ )?(?:platform|bridge|roof|rooftop|cliff|building|balcony|tracks|car park|parking garage|river|water|ledge)\b/g },
  { kind: 'self_harm', negatable: true, re: /\bhose (?:from|to|on|into|in) (?:the )?exhaust\b|\bexhaust (?:pipe|fumes)\b|\b(?:breathe|breathing|inhale|inhaling) (?:in )?(?:the )?(?:fumes|exhaust|gas)\b|\b(?:drink|drinking|drank|starve|starving|starved|smoke|smoking|bleed|bleeding) myself to death\b/g },
  // Funeral talk in either order: "my family wouldn't even cry at my funeral".
  { kind: 'self_harm', negatable: false, re: /\b(?:come|show up|cry|turn up|go|be sad|care|miss me|notice|speak|sing) (?:\w+ ){0,2}?(?:at|to) my (?:own )?funeral\b/g },
  // Unable to go on living: "I can't do life anymore".
  { kind: 'self_harm', negatable: false, re: /\b(?:can not|could not|do not want to|can no longer|no longer want to|am not able to) (?:do|handle|cope with|face|bear|stand|take|deal with|keep doing) (?:life|living|this life|existing|being alive)\b(?! (?:with|without|in|at|here|like (?:this|that) (?:with|in)))/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:can not|could not|can no longer) (?:do|handle|cope with|face|bear|take) (?:another|one more) day\b(?! (?:at|of|with|in|like|without))/g },
  // Pain that ends only by acting: "the pain won't stop unless I do something".
  { kind: 'self_harm', negatable: false, re: /\b(?:pain|hurt|this|it|everything|the voices|the thoughts) (?:\w+ ){0,3}?(?:not|never) (?:stop|end|go away) (?:unless|until) i (?:do something|end it|make it stop|stop it|am (?:gone|dead)|die|kill myself)\b/g },
  // Departure euphemisms: at peace soon, ready to go, a long trip, affairs in order.
  { kind: 'self_harm', negatable: false, re: /\b(?:i will (?:soon |finally )?be at peace|(?:soon|finally) (?:i will )?be at peace|at peace soon)\b|\b(?:wo not|will not|do not|never) (?:have|need) (?:to )?(?:\w+ ){0,2}?me (?:around |to kick around )?(?:anymore|any more|much longer|soon)\b|\b(?:wo not|will not) have me (?:around|to kick around)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\bi am (?:ready|prepared) to (?:go|die|let go)\b(?= \.|$| now| tonight| today| for good| forever| and)/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\b(?:before|when|after|once) i (?:go|leave|am gone)\b(?! (?:to|out|home|back|on|for|into|in|away|abroad|there|shopping|with|and|up|down|off|over|through|somewhere|anywhere))|\b(?:said|told) (?:\w+ )?(?:everything|all) (?:i|that i) (?:needed|wanted|had) to (?:say|tell)\b|\b(?:nobody|no one) (?:can|will|could) (?:reach|find|bother) me\b(?! (?:at|on|by|until|till|for|when))|\b(?:long|one way|final|last) (?:trip|journey|sleep|goodbye)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\b(?:sort|sorted|sorting|put|putting|get|getting|got) (?:out )?(?:all )?(?:my|my bank|my financial|my money) (?:affairs|finances|bank (?:stuff|accounts?|details)|accounts|paperwork|passwords)\b|\b(?:affairs|things|everything) in order\b|\b(?:wr(?:o|i)te|written|updated|made|make|making) (?:out )?(?:a |my )will\b|\b(?:leave|make|set|put) things right\b|\bmake amends\b|\bsay(?:ing)? sorry (?:to everyone|for everything)\b|\bthis is the end(?: for me)?(?= \.|$)/g },
  // No future self: "I don't see myself getting older".
  { kind: 'self_harm', negatable: false, re: /\b(?:not|never|can not|could not) (?:see|picture|imagine) myself (?:getting older|growing old|growing up|living|alive|making it|being here|having a future|in (?:a|five|ten|\w+) years?|at (?:\d+|thirty|forty|fifty)|old)\b/g },
  // Going away and not coming back.
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:sleep|go under|disappear|vanish|fade away|slip away|drift off)(?: \w+){0,8}? and (?:never|not) (?:come back|wake up|return|come up)\b/g },
  { kind: 'self_harm', negatable: true, subject: 'self', weight: 1.5, re: /\b(?:leave|go away|walk away|drive off|walk off|go|run away)(?: \w+){0,8}? and (?:never|not) (?:come back|return)\b/g },
  // Refusing vital medication on purpose; bleeding out; goodbye drafts; the chosen night.
  { kind: 'self_harm', negatable: true, re: /\b(?:skipping|skipped|skip|stopped taking|not taking|stopped|quit taking|quit|refusing|refused|hiding|throwing away|threw away) (?:my )?(?:insulin|meds|medication|heart (?:meds|pills|medication)|pills|dialysis|treatment|inhaler)\b(?: \w+){0,3}? (?:on purpose|deliberately|hoping|so (?:i|it)|because i want|to die|until i)\b|\bbleed(?:ing)? out\b|\bbled out\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\bhop(?:e|ing) (?:that )?(?:it|this|everything|my heart|my body) (?:just |finally )?(?:ends|will end|stops|gives out|gives up|kills me)\b|\bgoodbye (?:messages?|texts?|notes?|letters?|posts?|videos?|emails?)\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:typing|writing|wrote|written|drafting|drafted|recording|recorded|left|leaving|sent|sending|scheduled|scheduling) (?:\w+ ){0,3}?goodbye (?:messages?|texts?|notes?|letters?|posts?|videos?|emails?)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:tonight|today|this) (?:feels like|is|will be|might be|could be) the (?:night|day|time)\b|\b(?:have|got|found|bought) (?:a plan and )?the means\b/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\bdone waiting\b(?! (?:for (?:him|her|them|you|a|the|my)|on|around))|\b(?:typing|writing|wrote|drafting|drafted|recording|recorded) (?:\w+ ){0,2}?goodbye\b/g },
  // Someone finding the body; someone else ending it; being gone so they realise.
  { kind: 'self_harm', negatable: false, re: /\b(?<!(?:nobody|no one|noone|never|not) )(?:who|whoever|whomever|the one (?:to|who)|the person who|when (?:they|someone|somebody|he|she|my \w+)|would|will|to) (?:\w+ ){0,2}?finds? (?:my body|me (?:dead|hanging|in the morning|like this|on the floor))\b|\b(?:whoever|whomever|the one who|the person who) finds? me\b|\bfor (?:when|whoever|whomever) (?:they |someone |he |she )?finds? me\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:wish|want|hope|pray|need) (?:that )?(?:someone|somebody|something|anyone|god) (?:would|could|will|to|just) (?:just )?(?:end it|kill me|put me out of my misery|take me|end my life|shoot me|run me over)\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:if|when|once|after) i am (?:gone|dead|not here|not around|no longer here)(?: \w+){0,4}? (?:will|would) (?:finally |then |all |just )?(?:realize|realise|see|understand|miss me|regret|be sorry|notice|care|be happy|be free|be better|know)\b/g },
  // Stepping into traffic; bleach; a means kept "just in case".
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?<!(?:stop|stopped|stops|stopping|kept|keep|prevent\w*|pull\w*|save\w*|grab\w*|caught|catch) me (?:from )?)(?:step|stepping|stepped|walk|walking|walked|run|running|throw myself|throwing myself) (?:out )?(?:into|in front of) (?:the )?(?:traffic|oncoming \w+|a (?:car|bus|truck|lorry|train)|the (?:bus|train|tram))\b/g },
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:thinking about|think about|thought about|keep thinking about|can not stop thinking about) (?:\w+ing )(?:it|them|that|those|the (?:bleach|pills|bottle|rope|gun|knife|razor))\b(?=(?: \w+){0,8} ?)(?<=(?:bleach|pills|bottle|rope|gun|knife|razor|blade|noose|meds|bridge|tracks|ledge)\b.{0,80})/g },
  { kind: 'self_harm', negatable: true, weight: 1, re: /\b(?:pills|rope|blade|razor|knife|gun|meds|tablets|noose|bleach)\b(?: \w+){0,6}? (?:just )?in case\b|\b(?:need|want|have|keep|there is) (?:a|my|one) way out\b|\b(?:without|before) (?:anyone|them|my family|people|everyone|anybody) (?:knowing|noticing|finding out)\b/g },
  { kind: 'self_harm', negatable: true, weight: 1.5, re: /\bsay(?:ing)? (?:my )?goodbyes\b(?! (?:to (?:the|my old|our old|this) (?:city|house|flat|apartment|place|job|school|town|office)))/g },
  // The last contact; a means obtained to end it; wishing it would all stop; wasting away.
  { kind: 'self_harm', negatable: false, re: /\b(?:last|final) time (?:you will|you|anyone will|anyone) (?:ever )?(?:hear from|see|talk to) me\b|\b(?:use|using|need|needed|get|got|buy|bought|order|ordered|saving|saved)(?: \w+){0,5}? to (?:end it|end it all|kill myself|end my life|die|not wake up|do it)(?= \.|$| tonight| soon| with| when)/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:wish|want|hope|pray|praying|wishing|hoping) (?:that )?(?:it|everything|this|the world|life|my life|the pain) (?:would |could |will )?(?:all |just |finally )*(?:stop|end|be over)(?= \.|$| forever| for good| already| now| permanently)|\b(?:tired|sick|exhausted) of waking up\b(?! (?:early|at|alone|to|next|without))/g },
  { kind: 'self_harm', negatable: true, weight: 1.5, re: /\bnot (?:eaten|eating|eat) (?:in|for) (?:days|a week|weeks)(?: \w+){0,2}? (?:on purpose|deliberately)\b|\bwant to (?:waste|fade|wither) away\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:notice|care|miss me|matter|realize|realise) if i (?:just )?(?:stopped|disappeared|vanished|left|was gone|were gone|did not wake up|never came back|never woke up|stopped (?:showing up|existing|being here|breathing))\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:googl|search|look\w* up|research|check\w* out)\w* (?:\w+ ){0,3}(?:tallest|highest) (?:building|bridge|cliff|tower|car park|parking garage)\b|\bhow to get (?:on|onto|up to) (?:the )?(?:roof|top of (?:the|a) \w+)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: new RegExp(`\\b(?:me and|i have a date with|meeting|meet) (?:the |a )?(?:${HEIGHT}|rope|noose|pills|river|sea|ocean) (?:have a date|tonight|today|soon|later|one last time)\\b`, 'g') },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\b(?:pick|picked|picking|choose|chose|choosing|set|setting) (?:a|the) (?:day|date|time)\b(?! (?:for (?:the|our) (?:wedding|party|move|trip|date|dinner|meeting)|to (?:meet|talk|move|go))\b)/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\btake care of (?:my |our )?(?:mom|mum|dad|kids|children|dog|cat|pets?|sister|brother|family|everyone)\b(?= \.|$| for me| when| after| please)/g },
  // Weak: finality words and a decided tone.
  { kind: 'self_harm', negatable: false, weight: 1, re: /\b(?:and|then) be done\b|\bbe done with (?:it all|everything|life|this life)\b|\bi know (?:how|what|when) i am going to do\b/g },
];

/** Danger from a partner: violence, threats, control, being trapped, sexual coercion, stalking. */
export const PARTNER_CUES: readonly CrisisCue[] = [
  // A violent act on the user's body by another person. Verb stems take any ending ("grab",
  // "grabbed", "grabbing"); up to three words may sit between ("hit me hard across my face").
  {
    kind: 'partner_danger', negatable: true, subject: 'other',
    re: /\b(?:cut|burn|burnt|stab|punch|slap|kick|hit|scratch|chok|squeez|grab|gripp?|twist|yank|pull|ripp?|drag|stepp?(?:ed|ing|s)? on|stomp\w* on|broke|break|bruis|sprain|strangl|smash|bash|bang|slamm?|throttl|carv|elbow|knee|headbutt|whipp?|scald|pour\w* (?:boiling|hot) \w+ (?:on|over))\w* (?:\w+ ){0,3}?(?:into |on |onto |across |around |against |over )?my (?:neck|throat|hair|wrists?|arms?|face|head|jaw|fingers|ribs?|nose|eyes?|lip|mouth|stomach|belly|back|legs?|chest|skin|body|shoulders?)\b(?! (?:to (?:hold|kiss|help|dance|lead|guide|stop|save|pull|keep|catch|steady|get my attention|calm)|and (?:kissed|held|smiled|said (?:it|she|he) loved|walked|pulled me close)|gently|softly|lovingly))/g,
  },
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\b(?:held|holds|holding|hold|pinned|pins|pinning|pin|pushed|pushes|shoved|shoves|threw|throws|slammed|slams) me (?:down|against|onto|to (?:the|a) (?:wall|floor|bed|ground|door|couch|car)|by (?:the|my) (?:throat|neck|hair|arms?|wrists?))\b|\bwrapped (?:his|her|their) hands? (?:around|round) my (?:neck|throat)\b/g },
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\b(?:tried to|almost|nearly|wanted to|going to|threatened to) (?:run me over|hit me with (?:his|her|the) car|push me (?:down|off|out)|drown me|suffocate me|smother me|kill me|strangle me|choke me|stab me|shoot me)\b|\bbeat (?:the )?(?:hell|crap|shit|life|living daylights|snot|fuck|piss|stuffing) out of me\b|\b(?:spiked|spikes) my drink\b|\bdrugged me\b/g },
  // Threats: a partner saying they will hurt, kill or expose the user, often "if I leave".
  {
    kind: 'partner_danger', negatable: true,
    re: new RegExp(`\\b(?:said|says|told me|tells me|threatened|threatens|threatening|swore|swears|warned|warns|texted|screamed|yelled|keeps saying|promised|said that) ${gap(7)}(?:${HURT_VERB} ${gap(2)}(?:me|us|you|myself|himself|herself|themselves|the (?:kids|children|baby|dog|cat)|my (?:kids|children|baby|dog|cat|family|mom|dad|parents|sister|brother))|${EXPOSE})\\b`, 'g'),
  },
  {
    kind: 'partner_danger', negatable: true,
    re: new RegExp(`\\bif i (?:ever )?${LEAVE_ACT} ${gap(7)}(?:he|she|they) (?:will |would |is going to |was going to |is gonna |said (?:he|she|they) (?:will|would) |swore to |threatened to |threatens to |just |always |literally )?${gap(2)}(?:${HURT_VERB}s? (?:me|us|you|my|the kids|the children|the baby|himself|herself|themselves)|${EXPOSE}|find me|come after me|hunt me|take (?:the|my) (?:kids|children|baby)|make me (?:pay|regret|suffer|disappear)|(?:break|breaks|smash|smashes|destroy|destroys|throw|throws) (?:my|things|stuff|something|everything))\\b`, 'g'),
  },
  {
    kind: 'partner_danger', negatable: true, subject: 'other',
    re: new RegExp(`\\b(?:will|would|is going to|is gonna|going to|threatens to|threatened to) ${gap(2)}(?:${HURT_VERB} (?:me|us|my)|${EXPOSE}|take (?:the|my) (?:kids|children|baby)) ${gap(5)}if i (?:ever )?${LEAVE_ACT}\\b`, 'g'),
  },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: new RegExp(`\\bif i (?:ever )?${LEAVE_ACT} ${gap(7)}(?:he|she|they) (?:\\w+ )?(?:goes crazy|go crazy|loses it|lose it|flips out|flip out|snaps|goes ballistic|explodes|punishes)\\b`, 'g') },
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\bmake (?:me|you) disappear\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:send|sending|sent|post|posting|posted|leak|leaking|leaked|share|sharing|shared|show|showing|showed|release|upload|uploading|uploaded|spread|spreading|expose) (?:\w+ ){0,2}?(?:my|our) (?:nudes|nude \w+|naked \w+|intimate \w+|sex tape|private (?:pics|photos|pictures|videos))\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: new RegExp(`\\b${PERSON_SUBJECT} (?:\\w+ )?(?:has|have|owns|keeps|got|bought|showed me|carries|pulled out|grabbed|took out|came at me with|is holding|was holding|waved|sleeps with|brought) (?:a|his|her|their|the) (?:loaded |big |new |hunting |kitchen )?(?:gun|knife|weapon|rifle|pistol|bat|hammer|machete|blade)\\b`, 'g') },
  { kind: 'partner_danger', negatable: true, weight: 1, re: /\buse it (?:on me|on us|if i)\b|\b(?:said|says|threatened|told me) (?:\w+ ){0,4}?use it\b/g },
  // Control: kept from leaving, from family, from money, phone or work.
  {
    kind: 'partner_danger', negatable: false,
    re: /\b(?:will not|would not|does not|did not|never|wo not|refuses to|refused to|not going to|not) let(?:s|ting)? me (?:\w+ ){0,2}?(?:leave|go (?:out|anywhere|outside|home|to work|to school|to college|to uni|to class|to church|see|visit|alone)|see (?:my|anyone|friends|family|the kids|a doctor)|talk to (?:my|anyone|friends|family|other)|call (?:my|anyone|the police|for help)|text (?:my|anyone)|have (?:my (?:own )?(?:phone|money|keys|car|passport|friends|account|bank|card|job|wages)|a (?:phone|job|bank account|key|car|friend|life)|any (?:money|friends|privacy|freedom)|access|friends|money|my own)|use (?:my|the) (?:phone|car|money|card|laptop)|work|get a job|keep (?:my|any)|wear (?:what|anything|makeup)|open (?:a|my)|access|spend (?:my|any)|visit|contact|out of (?:his|her|their) sight|out of the (?:house|room|flat|apartment|bedroom))\b/g,
  },
  { kind: 'partner_danger', negatable: false, subject: 'other', re: /\b(?:keeps|kept|keep|keeping|stops|stopped|stop|stopping|prevents|prevented|blocks|blocked) me (?:from )?(?:leaving|seeing (?:my|anyone|friends|family)|going (?:out|anywhere|home|outside|to)|working|talking to|calling|having (?:a|my|any)|contacting|visiting|using my|texting)\b|\b(?:blocks|blocked|blocking|stood in|stands in) the (?:door|doorway|exit)\b|\bso i (?:can not|could not) (?:leave|get out|go|escape|call for help)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, subject: 'other', re: /\b(?:has|have|keeps|kept|took|takes|hid|hides|holds|took away|controls|control|takes all|took all) (?:the only|all the|all (?:of )?my|all of our|my|our|the) (?:keys?|house keys|car keys|money|passport|id|documents|papers|bank cards?|cards|paycheck|wages|salary|savings|finances|bank account)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:says|said|tells me|told me|thinks) i (?:belong to (?:him|her|them)|am (?:his|her|their) property|owe (?:him|her|them) (?:sex|it))\b|\b(?:need|have|has|had) to ask (?:his|her|their) permission\b|\bisolat(?:es|ed|ing|e) me\b|\b(?:cut|cuts|cutting) me off from (?:my |all my )?(?:friends|family|everyone|parents)\b|\b(?:no one|nobody) (?:will|would) (?:ever )?believe (?:me|you)\b/g },
  { kind: 'partner_danger', negatable: false, re: /\bnot allowed (?:\w+ ){0,2}?(?:to )?(?:leave|go (?:out|anywhere|outside|home|to)|see (?:my|anyone|friends|family)|have (?:my|a|any|friends|money|a phone)|work|talk to|wear|(?:text|call|visit) (?:my|anyone|friends|family|the police|for help|home)|use my|drive)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, subject: 'other', re: /\b(?:smash|smashes|smashed|break|breaks|broke|destroy|destroys|destroyed|throws|threw|rips|ripped|burned|burns) (?:all )?(?:of )?my (?:stuff|things|phone|laptop|belongings|clothes|glasses|furniture|door)\b|\bpunish(?:es|ed|ing)? me\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1, subject: 'other', re: /\b(?:reads|checks|goes through|went through|monitors|monitored|tracks|tracked|controls|controlled) (?:all )?(?:of )?my (?:messages|texts|phone|emails|location|social media|accounts|dms|calls|bank|spending|every move)\b/g },
  // Sexual coercion: "no" not respected, pressure, sex while unable to consent.
  { kind: 'partner_danger', negatable: true, re: /\bpressur\w* me (?:\w+ ){0,2}?(?:for|into|to have|to do|to) (?:sex|sleep with|sleeping with|have sex|do (?:stuff|things|it|sexual)|sexual|hook up|send (?:nudes|pics))\b|\b(?:guilt|guilted|guilts|guilting|pushes|pushed|pushing|coerced|coerces|bullied|bullies|forced|forces) me (?:into|to) (?:sex|having sex|have sex|sleeping with|sleep with|sexual|doing (?:stuff|things|it|sexual)|do (?:stuff|things|it))\b/g },
  { kind: 'partner_danger', negatable: true, re: /\bmade me (?:do|have|perform|watch|take|send) (?:\w+ ){0,3}?(?:i said no to|i did not want|i was not comfortable|i was not ready|in bed|sexual|sex|nudes)\b|\bforced (?:himself|herself|themselves) on me\b|\bagainst my will\b|\bnon ?consensual\b|\b(?:did not|never) consent\b/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:touch\w*|had sex with|sleeping with|slept with|did (?:stuff|things|it) to|doing (?:stuff|things|it) to|on top of|undress\w*) me (?:\w+ ){0,2}?(?:while|when|after|even though) i (?:was|am) (?:asleep|sleeping|passed out|unconscious|drunk|too drunk|high|out of it|crying)\b|\bwoke up (?:to|with|and) (?:him|her|them|he|she) (?:\w+ ){0,3}?(?:on top of me|touching me|inside me|having sex|doing (?:stuff|things|it))\b|\bsex (?:\w+ ){0,3}(?:when|even though|although|after) i (?:did not want|said no|was crying|was asleep|told (?:him|her) no|begged)\b/g },
  // "I said no" as a reported refusal; not "I can never say no to him" (people-pleasing).
  { kind: 'partner_danger', negatable: false, weight: 1, re: /\b(?:i|me) (?:(?!(?:not|never|can|could|cannot|should|how|to|learn|want|find it|hard|struggle)\b)\w+ ){0,2}?(?:say|said|saying|told (?:him|her|them)) (?:no|stop)\b/g },
  { kind: 'partner_danger', negatable: false, weight: 1, re: /\b(?:did not|would not|does not|will not|wo not|never) (?:\w+ )?stop\b(?! (?:texting|calling|talking|messaging|asking|crying|complaining|laughing|working)\b)|\bkept going\b|\bdid it anyway\b|\bwent ahead anyway\b/g },
  // Stalking: waiting outside, turning up everywhere, knowing where the user is.
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:park|parks|parked|parking|sit|sits|sat|sitting|wait|waits|waited|waiting|stand|stands|stood|standing|lurk\w*|hang\w* around|drive|drives|drove|driving|circles|circling) (?:\w+ ){0,2}?(?:outside|by|past|around|near|across from) my (?:house|place|flat|apartment|work|job|office|door|window|building|school|car|parents|mom|home|gym|street)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:turns|turned|turning|shows|showed|showing|pops|popped) up (?:\w+ ){0,2}?(?:wherever|everywhere|at my|at work|outside|unannounced|uninvited)\b|\bknows? (?:exactly )?(?:where i am|where i live|where i work|what i am wearing|who i am with|everything i do|where i go)\b|\b(?:texting|texts|texted|messaging|messages|telling) me (?:\w+ ){0,2}?(?:what i am wearing|where i am|who i am with|what i am doing)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\bnever be (?:rid of|free of|free from|away from) (?:him|her|them|me)\b|\b(?:can|will) never (?:escape|get away from) (?:him|her|them|me)\b|\bharass\w* me\b|\bstalk\w*\b|\b(?:fake|new|different|burner) (?:accounts?|numbers?|profiles?) (?:to )?(?:\w+ ){0,3}?(?:contact|message|text|watch|follow|stalk|harass|reach) me\b/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:tracker|airtag|tracking app|gps tracker) (?:\w+ ){0,3}?(?:on|in|under) my (?:car|bag|phone|bike)\b|\bthreat(?:ening)? (?:messages|texts|voicemails|calls|notes)\b|\bsending me threats\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1, re: /\b(?:wherever|everywhere) i go\b/g },
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\b(?:threw|throws|hurled|chucked|thrown|throwing|hurls) (?:\w+ ){1,3}?at (?:me|my (?:head|face|body))\b|\bsp(?:a|i)t (?:in|on) my face\b|\b(?:no one|nobody) (?:will|would) (?:ever )?find (?:me|my body|you|your body)\b|\b(?:we|us) (?:would|will) both (?:die|be dead)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, subject: 'other', re: /\b(?:controls|decides|dictates|chooses|tells me|checks|monitors) (?:\w+ ){0,3}?(?:who i (?:see|talk to|text|hang out with|follow)|what i (?:wear|eat|spend|post)|where i go|when i (?:leave|go out|come home))\b|\bto (?:scare|frighten|intimidate) me\b|\b(?:kicked|hit|hurt|killed|choked|threw|strangled|drowned) (?:my|our) (?:dog|cat|puppy|kitten|pet)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\bwhat (?:he|she|they) (?:might|could|would|will|is going to) do to me\b/g },
  // Confinement, economic control, deprivation.
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\b(?:nailed|nails|screwed|boarded|boards|sealed) (?:\w+ ){0,2}?(?:windows?|doors?) (?:shut|closed)\b|\block(?:s|ed|ing)? (?:all )?(?:the )?(?:doors?|windows?|front door|gate) (?:\w+ ){0,2}?(?:when (?:he|she|they) (?:leave|leaves|go|goes|left|went)|so i (?:can not|could not)|from the outside|behind (?:him|her|them))\b|\b(?:hides|hid|takes|took) the (?:keys|key) so\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, subject: 'other', re: /\b(?:gives|give|gave) me an? (?:allowance|pocket money)\b|\b(?:takes|took|keeps|controls|spends) (?:\w+ ){0,3}?my (?:paycheck|paycheque|wages|salary|pay|income|money|savings|benefits|bank card|cards)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:can not|could not|not allowed to|am not allowed to) (?:buy|eat|spend|go|leave|see|call|text|wear) (?:\w+ ){0,3}?without (?:asking|his permission|her permission|their permission|permission|asking (?:him|her|them))\b/g },
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\b(?:makes|made|make) me (?:sleep|stay|wait|stand|sit) (?:on the floor|in the car|outside|in the cold|in the garage|in the bathroom)\b|\b(?:will not|wo not|does not|did not|never) let me (?:eat|sleep|shower|drink water|use the bathroom)(?: \w+)? (?:until|unless|without|for (?:days|hours))\b|\b(?:withholds|takes away|locks up|hides) (?:my |the )?(?:food|meds|medication|insulin|inhaler)\b/g },
  // Reckless driving to frighten; stealthing; forced check-ins; spyware; hacking; new numbers.
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\bdrives? (?:like a maniac|like a madman|recklessly|dangerously|really fast|so fast|on purpose|into oncoming)\b(?: \w+){0,5}? (?:scare|frighten|scared|terrified|with me in (?:it|the car)|when i am in the car|crash)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:took|takes|taking|slipped|slips|pulled|removed|removes|removing) (?:the |his )?condom off\b|\bremoved the condom\b|\bwithout (?:a|the) condom (?:\w+ ){0,4}?(?:after|when|even though) i (?:said|asked|told)\b|\bstealth(?:ed|ing)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:have to|has to|must|make me|makes me|forces me to) (?:send|text|call|show|prove|video call|facetime|share|check in) (?:\w+ ){0,3}?(?:where i am|my location|who i am with|pics of where|proof|every (?:hour|\d+ minutes|half hour|few minutes))\b|\bor (?:else )?(?:he|she|they) (?:will )?(?:goes crazy|go crazy|loses it|lose it|flips out|snaps|gets violent|hits me|hurts me|kills me|punishes me|explodes)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, subject: 'other', re: /\b(?:installed|installs|put|hid|hides|planted) (?:\w+ ){0,3}?(?:on|in) my (?:phone|laptop|computer|car|bag)\b|\b(?:spyware|stalkerware)\b|\bknows (?:every|all|each) (?:message|text|thing|move|place|website|call|word)\b|\b(?:hacked|hacks|hacking|got into|logs into|logged into) (?:into )?my (?:accounts?|phone|email|emails|instagram|facebook|snapchat|messages|icloud|whatsapp)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:messages|texts|calls|contacts|messaged|texted|called|calling|texting|messaging) me (?:from|on|with) (?:new|different|fake|other|unknown|random) (?:numbers|accounts|profiles|phones)\b|\b(?:he|she|they|my ex|my partner|my husband|my wife) (?:does not|can not|must not|will not|should not) (?:know|find out|find) (?:where i am|where i live|where i went|where i moved|where we are)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1, re: /\bflash(?:es|ed|ing)? (?:his|her|their|the) (?:head)?lights\b|\b(?:honks|honking|bangs|banging|knocks|knocking) (?:\w+ ){0,2}?(?:at night|all night|every night|on my (?:door|window))\b/g },
  { kind: 'partner_danger', negatable: true, weight: 0.5, re: /\b(?:at night|every night|all night|in the middle of the night)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1, re: /\bafter i blocked (?:him|her|them)\b|\bhiding (?:at|in|out at) (?:my|a|the|our)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\bif (?:he|she|they|i) (?:can not|could not|can t|cannot) have (?:me|you)\b(?: \w+){0,3}? (?:nobody|no one|noone|nobody else|no one else) (?:can|will|could)\b|\b(?:left|leaving|sent|put|puts|leaves|mailed) (?:a |an )?(?:dead (?:bird|animal|rat|cat|rabbit|fish|flowers|mouse)|bullet|bullets|threatening (?:note|letter|message)|knife|noose) (?:\w+ ){0,2}?(?:on|at|in|under|through) my (?:doorstep|door|car|porch|windshield|windscreen|mailbox|letterbox|bed|pillow|desk)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:made|makes|make|making|forces|forced|forcing|pimps|pimped|sells|sold) me (?:to )?(?:sleep with|have sex with|do (?:stuff|things|it|sexual \w+) with|go with|hook up with|sell myself to|sell my body) (?:\w+ ){0,2}?(?:his|her|their|other|strangers|men|women|people|guys|friends|clients)\b|\bsell (?:myself|my body) for (?:him|her|them)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:blocks|blocked|blocking|stood in|stands in|parks across|parked across) (?:the|my|our) (?:door|doorway|exit|driveway|car|gate|stairs|hallway|garage)\b|\b(?:every time|whenever|when|if) i (?:try to|tried to|want to|attempt to) (?:leave|go|get out|escape|run)(?: \w+){0,3}? (?:he|she|they) (?:takes|hides|blocks|grabs|locks|stands|stops|drags|threatens|pulls|hits|chases)\b|\b(?:found|tracked down|got|figured out) (?:out )?my (?:new )?(?:address|place|flat|apartment|location|number)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\bthreat\w* to (?:report|deport|call immigration on|get me deported|have me deported|take (?:away )?my (?:visa|papers|status)|cancel my visa|out me|have me arrested|have me committed|take the kids away)\b|\b(?:reminds|reminded|reminding) me (?:that )?(?:it is|it s|the gun is|the knife is|he has|she has) (?:there|a gun|a knife|loaded)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\bkeeps (?:driving|parking|sitting|waiting|standing|showing up|turning up|circling|walking) (?:\w+ ){0,2}?(?:past|outside|by|near|around|at) my (?:house|place|flat|apartment|work|job|office|door|window|building|school|car|home)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:sent|sends|texted|texts|posted|posts) me (?:a )?(?:picture|photo|pic|video|screenshot) of my (?:car|house|door|kids|children|flat|apartment|work|office|mom|family|window|front door)\b|\b(?:knife|gun|skull|coffin|bomb) emojis?\b/g },
  // Fear of the partner, hiding, fleeing.
  { kind: 'partner_danger', negatable: true, re: /\b(?:afraid|scared|terrified|frightened|petrified) (?:of |to )?(?:\w+ ){0,2}?(?:go(?:ing)? home|go(?:ing)? back (?:home|there|to (?:him|her|them))|be(?:ing)? (?:alone )?(?:with|around) (?:him|her)|(?:him|her|them) (?:coming|getting) home|when (?:he|she|they) (?:gets|comes) home|when (?:he|she|they) (?:drinks|is drunk|is angry|is high|gets angry|loses it))\b/g },
  { kind: 'partner_danger', negatable: true, weight: 1.5, re: /\b(?:afraid|scared|terrified|frightened|fear|petrified) (?:of )?(?:what|how) (?:he|she|they|my \w+) (?:\w+ ){0,2}?(?:will|would|might|could|is going to|gonna) (?:do|react)\b|\block(?:ed|ing)? myself in (?:the |my )?(?:bathroom|bedroom|room|car|toilet)\b|\b(?:ran away|fled|escaped|got away) from (?:him|her|them|my (?:partner|boyfriend|girlfriend|husband|wife|ex|abuser))\b|\b(?:get out|escape|leave) (?:\w+ ){0,4}?before (?:he|she|they) (?:gets|comes|is) (?:back|home)\b|\bsleep(?:ing)? with (?:a|the) (?:knife|bat|door locked|chair against the door)\b/g },
  { kind: 'partner_danger', negatable: true, weight: 0.5, re: /\b(?:walking|walk) on eggshells\b|\bscared for my life\b|\b(?:shaking|trembling)\b/g },
];

/** Harm to others: intent, weapons with revenge, violence already done, harm to a child. */
export const HARM_CUES: readonly CrisisCue[] = [
  { kind: 'harm_to_others', negatable: true, joke: true, subject: 'self', re: /\bbeat (?:the )?(?:hell|crap|shit|life|living daylights|snot|fuck|piss|stuffing) out of (?:him|her|them|that \w+|my \w+|\w+)\b(?<!out of me)/g },
  { kind: 'harm_to_others', negatable: true, joke: true, re: /\b(?:set|setting|light|lighting|burn|burning|torch|torching) (?:\w+ ){0,3}?(?:on fire|down) with (?:him|her|them) (?:still )?(?:in it|inside)\b|\b(?:set|setting|light|lighting) (?:him|her|them|my ex|that \w+) on fire\b/g },
  { kind: 'harm_to_others', negatable: true, weight: 1.5, joke: true, re: /\b(?:set|setting|light|lighting) (?:his|her|their) (?:car|house|flat|apartment|place|stuff|clothes) on fire\b|\bburn(?:ing)? (?:his|her|their) (?:house|flat|apartment|place|car) down\b|\bhunt (?:him|her|them) down\b/g },
  {
    kind: 'harm_to_others', negatable: true,
    re: /\bi (?:\w+ ){0,3}?(?:pushed|shoved|threw|slammed|pinned|grabbed|dragged|kicked|choked|strangled|punched|slapped|hit|bit|shook) (?:my (?:girlfriend|boyfriend|partner|wife|husband|fiance|ex|son|daughter|baby|kid|child|toddler)|him|her|them) (?:into|against|down|onto|off|across|to the (?:floor|ground)|by the (?:throat|neck|hair|arm)|so hard|hard|until|till)\b/g,
  },
  { kind: 'harm_to_others', negatable: true, re: /\b(?:pillow|hand|hands|blanket|towel) (?:\w+ )?(?:over|on) (?:the|my|his|her|our) (?:baby|babies|son|daughter|kid|child|toddler|newborn|infant) (?:face|mouth|nose)\b/g },
  { kind: 'harm_to_others', negatable: true, subject: 'self', re: /\b(?:want|wanted|urge|urges|tempted|thought about|think about|thinking about|afraid i will|scared i will|afraid i might|scared i might|could|might) (?:to )?(?:shake|smother|drown|suffocate|hurt|hit|throw|slap|strangle|choke) (?:the|my|our) (?:baby|son|daughter|kid|kids|child|children|toddler|newborn|infant)\b/g },
  { kind: 'harm_to_others', negatable: true, joke: true, re: /\bpoison(?:ed|ing)? (?:his|her|their) (?:food|drink|coffee|tea|dinner|lunch|water|meal|wine|beer)\b|\b(?:slash|slit|cut) (?:his|her|their) throat\b|\b(?:going to|gonna|will|want to|about to) end (?:him|her|them)\b(?= \.|$| for| tonight| when| if)/g },
  { kind: 'harm_to_others', negatable: true, joke: true, re: /\bbring(?:ing)? (?:a|my) (?:knife|gun|bat|weapon|hammer) (?:\w+ ){0,3}?(?:to|over to) (?:his|her|their|the)\b|\b(?:knife|gun|bat|hammer|machete|weapon) (?:\w+ ){0,6}?(?:in case (?:i see|he|she|they)|for when (?:i see|he|she|they))\b/g },
  { kind: 'harm_to_others', negatable: true, joke: true, subject: 'self', re: /\b(?:drive|driving|run|ram|ramming|crash|crashing) (?:my car )?(?:into|at|over) (?:him|her|them|his car|her car|their car)\b|\b(?:throw|throwing|threw|pour|pouring) (?:\w+ )?acid (?:on|in|at) (?:him|her|them|his|her|their)\b/g },
  { kind: 'harm_to_others', negatable: true, joke: true, subject: 'self', re: /\b(?:push|pushing|pushed|shove|shoving|shoved|throw|throwing|threw|kick|kicking) (?:him|her|them|my \w+) (?:down the stairs|off (?:the|a) \w+|out of (?:the|a) window|into traffic|in front of (?:a|the) \w+|off the balcony)\b/g },
  { kind: 'harm_to_others', negatable: false, weight: 1, re: /\b(?:do not think i would|do not know if i would|would not be able to|could not|can not|might not) (?:stop|stop myself|control myself|hold (?:myself )?back)(?= \.|$| once| if)/g },
  { kind: 'harm_to_others', negatable: true, joke: true, subject: 'self', re: /\b(?:slash|slashing|slashed|cut|cutting|scar|scarring|carve|carving|burn|burning|ruin|ruining|mess up|messing up|smash|smashing|bash|bashing)(?: up)? (?:his|her|their|that \w+|his new \w+|her new \w+) (?:face|throat|eyes)\b|\bthrow (?:\w+ )?acid\b/g },
  { kind: 'harm_to_others', negatable: true, joke: true, subject: 'self', re: /\b(?:run|drive|force|push|ran|drove|forced|pushed|running|driving) (?:him|her|them|his car|her car|their car|my ex) off the (?:road|bridge|cliff)\b|\bhurt (?:his|her|their) (?:family|kids|children|mom|mum|dad|parents|sister|brother|new \w+) so (?:he|she|they) (?:knows?|feels?|understands?|sees?)\b/g },
  { kind: 'harm_to_others', negatable: true, weight: 1, re: /\b(?:looked up|found out|found|know|knows|figured out|tracked down) where (?:he|she|they) (?:lives|live|works|work|is staying|are staying|parks|sleeps|goes)\b/g },
  { kind: 'harm_to_others', negatable: true, joke: true, subject: 'self', re: /\b(?:scared|afraid|worried|terrified|going|gonna|about|might|could|will)(?: that)?(?: i)?(?: am| will| might| could| would)?(?: going)?(?: to)? (?:snap|lose it|lose control|flip|explode|crack) and (?:hurt|hit|kill|strangle|choke|slap|punch|shake|stab|beat) (?:him|her|them|my \w+|someone|somebody|the \w+)\b|\b(?:fist|knife|bullet|brick|bottle) (?:through|into|in) (?:his|her|their) (?:face|head|skull|chest|throat)\b/g },
  // A weapon in hand plus revenge: each alone is everyday talk, together a warning.
  { kind: 'harm_to_others', negatable: true, weight: 1, re: /\b(?:i|and) (?:\w+ )?(?:have|got|bought|grabbed|took|am bringing|will bring|am taking|keep|carry|have got) (?:a|my|the|his|dad s|my dad s) (?:knife|gun|bat|hammer|machete|weapon|blade|rifle|pistol)\b/g },
  { kind: 'harm_to_others', negatable: true, weight: 1, joke: true, re: /\bmake (?:him|her|them|that \w+) pay\b|\bget (?:him|her|them) back\b|\brevenge\b|\b(?:going|gonna|go|went) (?:over|round) (?:there|to (?:his|her|their) (?:house|place|flat|work))\b|\bpay for what (?:he|she|they) did\b|\bteach (?:him|her|them) a lesson\b|\b(?:waiting|wait|parked|sitting|hiding) (?:\w+ ){0,2}?(?:outside|near|by) (?:his|her|their) (?:house|place|flat|work|office|apartment|car|door)\b/g },
  { kind: 'harm_to_others', negatable: true, weight: 1.5, joke: true, re: /\b(?:hope|hoping|wish|pray|praying) (?:that )?(?:he|she|they|my ex|his new \w+|her new \w+) (?:\w+ )?(?:dies|die|died|drops dead|gets killed|get killed|gets hit|crashes|rots)\b|\b(?:he|she|they|my ex) (?:deserves?|deserved) to (?:die|be dead|suffer)\b/g },
];

// ---------------------------------------------------------------------------------------------
// Safety net: broader cues written from the shapes of missed crises (holdout 6), not from single
// wordings. Each pairs a risky word class with a second signal, so ordinary uses of the same words
// ("bought a new knife for cooking", "rope for the tent", "my last day at work") stay quiet:
// (1) a method or means next to possession, secrecy or readiness ("razor under my pillow");
// (2) finality and farewell ("my last night", "checking out this weekend", "my kids finding me");
// (3) injuring one's own body ("slam my head into the wall"); (4) a partner restraining, arming
// against or besieging the user; (5) "make him pay with his life".

/** Things people kill or hurt themselves with, when kept, hidden or made ready. */
const MEANS = alt([
  'razors?', 'blades?', 'knife', 'knives', 'box cutter', 'pills', 'tablets', 'sleeping (?:pills|tablets)', 'meds', 'painkillers',
  'rope', 'noose', 'gun', 'pistol', 'rifle', 'shotgun', 'bullets?', 'bleach', 'poison', 'belt', 'cord',
]);

/** Secrecy, readiness or a time set, after a means ("razor under my pillow", "knife, just in case"). */
const READY_AFTER = alt([
  'just in case', 'in case i', 'under my (?:pillow|bed|mattress)', 'in my (?:pillow ?case|sock drawer)', 'so (?:nobody|no one) (?:finds|can find|sees|will find)',
  'where (?:nobody|no one) (?:will |can )?(?:find|look)', 'just waiting', 'waiting for the right', 'for when i', 'ready for (?:tonight|when|later)',
  '(?:is|are) ready', '(?:is|are|already) out(?! of)', 'for tonight', 'working up the (?:nerve|courage)', 'for later(?= \\.|$)',
]);

/** Places to die from, when the user goes there with no reason given. */
const LEDGE = alt(['bridge', 'rooftop', 'roof', 'ledge', 'cliff', 'cliff edge', 'stairwell', 'train tracks', 'railway tracks', 'tracks', 'overpass', 'edge', 'top floor', 'car park roof']);

/** Gap of up to n words, across a clause boundary too ("knife in my room . just in case"). */
const SPAN = (n: number) => `(?:(?:\\w+|\\.) ){0,${n}}?`;

export const SAFETY_NET_CUES: readonly CrisisCue[] = [
  // (1) Means with possession, secrecy or readiness.
  { kind: 'self_harm', negatable: true, subject: 'self', re: new RegExp(`\\b${MEANS} ${SPAN(9)}${READY_AFTER}\\b`, 'g') },
  { kind: 'self_harm', negatable: true, subject: 'self', weight: 1.5, re: new RegExp(`\\b(?:hid|hide|hiding|hidden|stash|stashed|stashing|taped|sleep with|sleeping with|slept with|keep|keeping) (?:a |the |my |some |his |her |dad s |my dad s |mom s |my mom s )?(?:own )?${MEANS}\\b`, 'g') },
  { kind: 'self_harm', negatable: true, subject: 'self', re: new RegExp(`\\b${MEANS}\\b ${SPAN(8)}(?:keep|kept|can not stop|cannot stop) (?:thinking about|staring at|looking at|going back to) (?:it|them)\\b`, 'g') },
  // Going to a height or the tracks, with letting go, picking the day, working up the nerve.
  { kind: 'self_harm', negatable: true, subject: 'self', weight: 1, re: new RegExp(`\\b(?:standing|stood|stand|sat|sitting|sit|drove|driving|drive|went|going|walked|walking|climbed|climbing|was|been) (?:\\w+ ){0,3}?(?:to|on|at|up|onto|over|near|by) (?:the |a |my )?(?:top of (?:the |a )?|edge of (?:the |a )?)?${LEDGE}\\b|\\bwhich (?:bridge|rooftop|roof|building|cliff|ledge|overpass)\\b`, 'g') },
  { kind: 'self_harm', negatable: true, weight: 1, re: /\b(?:letting go|let go|let myself (?:fall|go|slip))(?= \.|$| tonight| now| forever| for good| and| of (?:the (?:railing|rail|edge|ledge)|everything|life))|\bwork\w* up the (?:nerve|courage)\b(?! to (?!do it|go through|jump|end))|\b(?:pick|picking|picked|choose|choosing|chose) the (?:day|night|date|time)\b|\bthe right (?:night|day|moment|time)(?= \.|$| to do it)/g },
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:walk|walking|step|stepping|go|going|lie|lay|lying|laying) (?:out )?(?:onto|on to|in front of|down on) (?:the )?(?:train |railway )?(?:tracks|rails|motorway|highway|freeway)\b|\blet (?:the|my) car (?:\w+ )?(?:drift|roll|veer|slide|swerve|go) (?:into|off|over|across)\b|\b(?:drift|veer|swerve|steer|drive|turn)\w* (?:\w+ ){0,2}?into (?:the )?(?:other|oncoming|opposite) (?:lane|traffic)\b/g },
  // (2) Finality and farewell.
  { kind: 'self_harm', negatable: false, re: /\b(?:this is|this will be|this will probably be|this is probably|tonight is|today is|it is|be|going to be|decided this is|decided it is) my (?:last|final) (?:night|day|week|weekend|morning|sunset|birthday|christmas)\b(?= \.|$| on (?:this )?earth| alive| ever| i (?:am|will)| so| and i)/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\bmy (?:last|final) (?:night|day|week|weekend|morning)\b(?! (?:at|in|of|on|off|with|here|there|before|as|working|shift|at work|of (?:work|school|term|the trip)|in (?:the|this) (?:job|office|city|flat|house))\b)/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\btying up (?:all )?(?:the |my )?loose ends\b|\b(?:made|making) up my mind\b(?! (?:to|about|that|on|between|whether)\b)|\btonight (?:is )?the night\b|\b(?:once|when|after) (?:the kids|everyone|my (?:wife|husband|partner|family|roommate|parents|mom|mum|dad)|they|he|she) (?:are|is|fall|falls|go|goes|have gone|has gone) (?:\w+ )?(?:asleep|to bed|to sleep|out|to work|away)\b/g },
  { kind: 'self_harm', negatable: true, subject: 'self', weight: 1.5, re: /\b(?:going to|gonna|will|ready to|about to|plan to|planning to|decided to|finally going to) (?:finally |just |actually |really )?(?:do it|go through with it)\b(?= \.|$| tonight| today| tomorrow| this weekend| soon| now| when| after| once| before| for real)/g },
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:i am|i will be|i will|going to be|gonna be|i am going to be|i might be|i might just be|time to be|time for me to be) (?:just )?checking out (?:this|tonight|tomorrow|soon|for good|early|permanently|by|of (?:life|this life|this world|here for good))\b|\bcheck(?:ing)? out (?:for good|permanently|of (?:life|this life|this world))\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:will not|not going to|wo not|never going to) be (?:around|here|alive) (?:to see (?:how|it|this|the|what|you|them|my|him|her)|much longer|by (?:morning|tomorrow|next week|then|the weekend))\b/g },
  { kind: 'self_harm', negatable: false, weight: 1.5, re: /\b(?:might as well|may as well|time to|going to|about to|ready to) (?:just )?make it (?:official|permanent|real|final)\b/g },
  { kind: 'self_harm', negatable: false, weight: 1, re: /\b(?:feel|am|feeling|already) (?:\w+ )?(?:like )?(?:a ghost|dead inside|already dead|basically dead|invisible)\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:kids|children|son|daughter|mom|mum|mother|dad|father|wife|husband|partner|roommate|family|sister|brother|parents|someone|who|they|he|she) (?:\w+ ){0,1}?(?:finding|find|finds|will find|would find|have to find|has to find) (?:me|my body)(?= \.|$| like (?:this|that)| first| dead| after| hanging| in the (?:bath|bathtub|garage|morning|woods))/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:only|one) thing (?:that is )?(?:stopping|keeping|holding) me (?:back )?(?:from (?:doing it|doing this|going through with it|ending it|ending things|killing myself|jumping|it|taking them|taking the pills) )?(?:is|are|was|right now is)\b|\b(?:only|all that is|what is) (?:keeping|stopping) me (?:alive|here|breathing)\b|\bthe only reason i am (?:still )?(?:alive|here|breathing)\b/g },
  { kind: 'self_harm', negatable: false, subject: 'self', re: /\bpretend\w* (?:\w+ ){0,2}?(?:want (?:to )?(?:be alive|be here|live|keep living|exist|keep going)|(?:to be|being|i am) (?:still )?alive)\b/g },
  { kind: 'self_harm', negatable: false, re: new RegExp(`\\b(?:scars?|cutting|cuts|self harm|razors?|blades?|burning myself)\\b ${SPAN(8)}(?:started|start|starting|doing it|did it|cut|cutting) again\\b|\\b(?:started|starting|doing it|did it) again\\b ${SPAN(6)}(?:scars?|cuts|cutting|blade|razor)\\b`, 'g') },
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:urge|urges|itch|need|craving) to (?:cut|burn myself|hurt myself|self harm|bleed)\b(?! (?:ties|him|her|them|back|down|out|off|class|carbs|sugar|my hair|my bangs|bangs|costs|the cord|corners|contact|loose|in|the|a|some|this|that|my)\b)/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:not|never) (?:plan|planning|intend|intending|expect|expecting|going) (?:on |to )?(?:waking|wake) up\b(?! (?:early|before|at|for|with|in time)\b)/g },
  { kind: 'self_harm', negatable: false, re: /\balready (?:wrote|written|writing|left) (?:\w+ )?(?:letters|notes|a letter|a note) (?:for|to) (?:my|everyone|each|all)\b/g },
  // (3) Injuring one's own body.
  { kind: 'self_harm', negatable: true, subject: 'self', re: /\b(?:slam|slams|slamming|slammed|smash|smashing|smashed|bash|bashing|bashed|bang|banging|banged|hit|hitting|punch|punching|punched|ram|ramming) (?:my (?:head|face|fists?|hands?|skull)) (?:into|against|through) (?:the |a |my )?(?:walls?|floor|door|mirror|steering wheel|desk|table|window|sink|concrete|bricks?)\b(?! (?:with|about|over|trying)\b)(?:(?!(?:lol|haha|metaphorically)\b)\w+ ){0,4}?(?:until|till|so hard|over and over|again and again|on purpose|when|whenever|to feel)\b|\b(?:slam|slams|slamming|slammed|smash|smashing|smashed|bash|bashing|bashed) my head (?:into|against) (?:the |a )?(?:wall|walls|floor|door|mirror|concrete)\b/g },
  // (4) A partner restraining the user, holding a weapon on them, or besieging the home now.
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\b(?:tied|ties|tying|chained|chains|chaining|handcuffed|cuffed|duct taped|zip tied|bound|strapped) me (?:up |down )?(?:\w+ ){0,4}?(?:in|to|inside|into|and left)\b/g },
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\b(?:gun|knife|pistol|rifle|blade|shotgun|weapon|scissors|machete|bat|hammer|axe|crowbar) (?:\w+ ){0,2}?(?:to|at|against|in|into|on|under) my (?:throat|neck|head|face|mouth|chest|temple|back|stomach|side|ribs|eye|chin)\b|\b(?:point\w*|aim\w*|wav\w*|held|holds|hold|holding|pull\w*|brandish\w*|swung|swing\w*|came at me with|threatened me with) (?:a |the |his |her |their |my )?(?:gun|knife|rifle|pistol|shotgun|blade|machete|bat|hammer|weapon|crowbar|axe)\b (?:\w+ ){0,2}?(?:at|to|on|against) (?:me|my)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:he|she|they|my (?:partner|boyfriend|girlfriend|husband|wife|ex|fiance|spouse|ex boyfriend|ex girlfriend|ex husband|ex wife)) (?:\w+ ){0,3}?(?:outside|at|by|in front of|under) my (?:window|windows|door|front door|house|flat|apartment|place|work|car|bedroom window)\b (?:(?:\w+|\.) ){0,6}?(?:(?:will not|wo not|refuses to|does not|did not|would not) (?:leave|go away|go|stop)|screaming|yelling|shouting|threatening|banging|pounding)\b/g },
  { kind: 'partner_danger', negatable: true, subject: 'other', re: /\b(?:banging|pounding|hammering|kicking|beating|bashing|trying to (?:break|kick|get)) (?:on |in |down )?(?:my|the) (?:door|front door|window|windows|bedroom door|bathroom door)\b (?:(?:\w+|\.) ){0,6}?(?:right now|screaming|yelling|shouting|threatening|(?:will not|wo not|refuses to) (?:leave|go away|stop))/g },
  // (5) Harm to others: "make her pay with her life".
  { kind: 'harm_to_others', negatable: true, joke: true, re: /\b(?:pay|paying|pays) (?:\w+ ){0,4}?with (?:his|her|their|your) (?:life|lives|blood)\b/g },
];

// ---------------------------------------------------------------------------------------------
// Idioms and references: spans of text that explain a cue away. A cue is dropped only when it
// ends inside one of these spans, so "movie about suicide" is dropped but "... and now I want to
// die" in the same message still counts.

/** Idiom, metaphor and reference spans (regex sources, on canonical text). */
export const IDIOM_SOURCES: readonly string[] = [
  // "suicide" as a metaphor or a topic.
  '\\b(?:career|social|political|financial|professional|commercial|fashion|dating|relationship|emotional|academic) suicide\\b',
  '\\bsuicide (?:mission|squad|doors?|runs?|sprints?|drills?|lane|shift|blonde|seat|awareness|prevention|hotline|helpline|rates?|statistics|survivors?|bombers?|bombing)\\b',
  '\\b(?:job|work|commute|class|course|schedule|workload|diet|idea|move|shift|drive|hike|route|deadline|project|exam|week|trip|road|workout|race|timeline|budget|that|this|it|texting (?:him|her)|dating (?:him|her)) (?:is|was|would be|will be|sounds like|feels like|seems like) (?:basically |pure |literally |like |just |total |complete |such |absolute )?suicide\\b',
  '\\b(?:movies?|films?|shows?|series|episodes?|books?|novels?|songs?|lyrics|podcasts?|documentar(?:y|ies)|articles?|posts?|videos?|stor(?:y|ies)|news|reports?|plays?|lectures?|class|talks?|essays?|papers?|poems?|tiktoks?|threads?|seminars?|trainings?|workshops?|charity|campaign|fundraiser|character|scene|reading|true crime) (?:\\w+ ){0,3}?(?:about|on|called|titled|regarding|dealing with|depicting|covering|where|mentioning) (?:\\w+ ){0,3}?(?:suicide|suicidal|self harm|domestic violence|domestic abuse|abuse|rape|sexual assault|overdoses?|murders?|violence|killings?|stalking|stalkers?|abusive (?:relationships?|men|partners?))\\b(?! (?:methods?|ways?|notes?|letters?|plans?|pacts?)\\b)',
  // Someone else's death, told as news or grief.
  '\\b(?:he|she|they|his \\w+|her \\w+|their \\w+|my (?:friend|friends|brother|sister|cousin|uncle|aunt|dad|father|mom|mother|grandpa|grandma|grandfather|grandmother|classmate|coworker|colleague|neighbor|neighbour|boss|teacher|roommate|ex|friend \\w+)) (?:\\w+ ){0,3}?(?:committed suicide|died by suicide|died of suicide|killed (?:himself|herself|themselves)|took (?:his|her|their) (?:own )?life|overdosed|hanged (?:himself|herself))\\b',
  '\\b(?:lost|losing) (?:\\w+ ){1,3}?to (?:suicide|an overdose)\\b',
  // "killing myself" at work or laughing.
  '\\bkill(?:ed|ing)? myself laughing\\b',
  '\\b(?:killing|killed|working|worked|running|studying|stressing|wearing|exhausting|pushing|burning|burnt|burned|wore|wearing) myself (?:out |to death )?(?:at (?:the )?(?:gym|work|office|job)|(?:trying|working|studying|training|running|cleaning|cooking) |over (?:this|that|the|my|a|an) (?:essay|exam|job|work|project|workout|deadline|thesis|test|paper|assignment|shift|report|diet)|(?:for|with) (?:this|that|the|my|a|an) (?:essay|exam|job|work|project|workout|deadline|thesis|test|paper|assignment|shift|report|diet|degree|business|promotion|career)|to (?:look (?:good|great|hot|nice|better|fit)|get (?:in shape|fit|good|a promotion|the job|ahead|everything done|it done|this done|a raise)|finish|keep up|pay (?:the|my|our) (?:bills|rent)|impress|lose weight|hit (?:my|the) (?:targets?|deadline)))',
  '\\b(?:work|working|worked) (?:myself )?to death\\b', '\\b(?:stress|stressing|worry|worrying|bored|freezing|starving|scared|starved|froze|frozen|bore|boring|tickled|loved|love) to death\\b',
  '\\bbeat(?:ing|s)? myself up\\b', '\\bburn(?:ing|ed|t)? myself out\\b', '\\bpush(?:ing|ed)? myself (?:too hard|to (?:the limit|be|do|try|go))\\b',
  // "dead" and "die" idioms.
  '\\bdead (?:tired|serious|set|on my feet|beat|wrong|right|last|end|ends|ahead|center|centre|inside|quiet|silent|asleep|gorgeous|weight|zone|giveaway|heat|to me|to the world|on arrival|lol|lmao)\\b',
  '\\bdrop dead (?:gorgeous|beautiful|sexy|hot|stunning|handsome)\\b', '\\bbeat(?:ing)? a dead horse\\b', '\\bover my dead body\\b',
  '\\b(?:phone|battery|laptop|car|plant|plants|conversation|chat|convo|group chat|spark|romance|vibe|party|town|bar|club|chemistry|sex life|love life|marriage|relationship|friendship|texts?|dms|instagram|heart|soul|hope|faith|love|feelings?|libido|sex drive|patience) (?:\\w+ ){0,2}?(?:died|dies|dead|dying|is dead|is dying|killed)\\b',
  '\\bdie (?:of|from) (?:embarrassment|shame|laughter|laughing|boredom|cringe|curiosity|jealousy|happiness|excitement|old age|hunger|thirst|heat|cuteness)\\b',
  '\\bdying (?:to (?:see|meet|know|hear|try|go|get|tell|talk|find|have|be|kiss|hug)|for (?:a|some|his|her|the)|of (?:laughter|boredom|embarrassment|curiosity|cuteness|cringe)|laughing|inside)\\b',
  '\\bto die for\\b(?! what)', '\\b(?:die|dies|died|dying) down\\b', '\\b(?:die|dye|dying|dyeing) (?:my|her|his) hair\\b', '\\bdead sea\\b', '\\bdeath (?:metal|stare|valley|trap|row)\\b', '\\bdie (?:laughing|happy)\\b', '\\bdo or die\\b', '\\bdie hard\\b', '\\bdie on (?:this|that) hill\\b', '\\bdie a little\\b',
  '\\b(?:would|will|could) (?:literally |actually )?die (?:if|when) (?:he|she|they|someone|anyone|people|my \\w+) (?:saw|sees|found out|finds out|knew|knows|read|reads|heard|hears|noticed|notices|caught)\\b',
  '\\brather die than (?!(?:live|go on|keep living|be without|exist|be alive|wake up|face another))',
  '\\bdied (?:laughing|of (?:laughter|embarrassment|shame|cringe|boredom))\\b', '\\b(?:almost|nearly|literally|basically) died (?:when|of|laughing|from|at)\\b',
  '\\b(?:the|his|her|their|its|its own|a) death of (?:me|us|our)\\b',
  // "kill" idioms.
  '\\bkill(?:s|ed|ing)? (?:it|time|the (?:mood|vibe|game|buzz|lights?|engine|spider|bug|conversation|convo|plant|plants)|two birds|my (?:vibe|buzz|mood|battery)|a (?:bottle|pint|beer|drink|pizza)|off (?:the|a) (?:bottle|pint))\\b',
  '\\b(?:could|would|will) (?:literally )?kill for\\b', '\\bkilling me (?:softly|with (?:kindness|these|his|her|this|that|the|those))\\b',
  '\\b(?:traffic|heat|commute|feet|back|head|headache|suspense|wait|waiting|job|work|boss|hangover|cold|snoring|music|neck|knees|shoes|heels|cramps|period|cough|allergies|kids|homework|deadlines?|exams?|week|day|studying|school|uni|class|migraine|toothache|sunburn|jet lag|planning|stress|schedule|humidity|noise|silence|anticipation|curiosity|this|that|these|it) (?:\\w+ ){0,2}?(?:is|are|was|were|has been|have been) (?:\\w+ )?killing me\\b',
  '\\b(?:mom|mum|mother|dad|father|parents|boss|teacher|coach|sister|brother|sisters|brothers|roommate|roommates|friends?|family|grandma|grandpa|aunt|uncle|manager|landlord|bestie|professor|doctor|trainer|son|daughter|in laws|mother in law|father in law) (?:is|are|will|would|is going to|are going to|going to|gonna) (?:literally |actually |totally |so )?(?:kill|murder|strangle) me\\b(?! (?:for real|seriously|i mean it|i am not joking)\\b)',
  '\\bi could (?:literally |seriously |actually |honestly )?(?:kill|murder|strangle|throttle|smack|slap|shake) (?:him|her|them|my \\w+|\\w+) for (?:\\w+ing|not|being|always|never|that|this)\\b',
  '\\bmurder(?:ed|s|ing)? (?:that|the|this|a) (?:song|karaoke|performance|set|presentation|interview|exam|test|dance|track|stage|dance floor|pizza|burger|game|match)\\b', '\\bcould murder a\\b',
  '\\bkilled (?:it|the game|that (?:exam|test|presentation|interview|performance|set|look|outfit|dress))\\b',
  '\\b(?:lady|ladies|girl|mood|joy|party|buzz|vibe|pain|weed|time) killers?\\b',
  '\\bkiller (?:fight|night|party|outfit|look|body|smile|abs|heels|view|deal|app|idea|playlist|workout|date|song)\\b', '\\bthat joke (?:killed|kills) me\\b',
  // Other violent words used figuratively.
  '\\bshoot(?:ing)? my shot\\b', '\\bshot my shot\\b', '\\bshot (?:me )?down\\b', '\\bshoot (?:me )?a (?:text|message|dm|email)\\b', '\\bshot (?:me )?a (?:look|glance|text|message|smile)\\b',
  '\\bstab(?:bed|bing|s)? (?:me |him |her |us )?in the back\\b', '\\bback ?stab\\w*\\b', '\\btake a stab at\\b', '\\bstab of (?:jealousy|pain|guilt|envy|regret)\\b',
  '\\bhit (?:me|him|her|us) up\\b', '\\bhit me (?:with|that|like a)\\b', '\\bhit (?:it|things) off\\b',
  '\\bhit (?:the gym|the road|send|rock bottom|a wall|a nerve|me hard|home|a milestone|the bottle|snooze|reply|the sack|the hay|the spot|the jackpot|pause|the roof|the ceiling)\\b',
  '\\bpull(?:ing|ed|s)? my leg\\b', '\\bscratch(?:ing|ed|es)? my (?:head|back)\\b', '\\bpinch(?:ed|ing)? myself\\b', '\\bcut(?:ting)? myself (?:off|out|some slack|a break)\\b',
  '\\bcould (?:slap|kick|hit|punch|smack) myself\\b', '\\b(?:bang|bangs|banging|banged|hit|hits|hitting) my head (?:against|on) (?:a|the) (?:wall|desk|table|brick wall)\\b(?! (?:until|till|so hard|on purpose)\\b)',
  '\\bpush(?:es|ed|ing)? (?:my|his|her) buttons\\b', '\\bpush(?:ed|es|ing)? (?:me|him|her|them) away\\b',
  '\\bchok(?:ed|ing|e) (?:up|on (?:my|his|her|the|a) (?:food|drink|water|words|coffee|tea)|back (?:tears|a sob))\\b',
  '\\bdrown(?:ing|ed)? in (?:work|wedding planning|planning|debt|paperwork|emails|bills|laundry|homework|assignments|deadlines|stress|tasks|messages|texts|love|feelings|his|her|responsibilities)\\b', '\\bdrowning my sorrows\\b',
  '\\bjump(?:ed|ing|s)? (?:to conclusions|at (?:the|every) (?:chance|opportunity)|the gun|ship|through hoops|on (?:a|the) (?:call|bandwagon|train|plane|trampoline|bed)|for joy|rope|start)\\b',
  '\\bbungee(?: \\w+){0,5}', '\\b(?:cliff diving|skydiving|sky diving|base jumping|parachuting|paragliding|trampoline|zip ?lining)\\b',
  '\\b(?:jump|jumped|jumping|dove|dived|diving|dive) (?:\\w+ ){0,4}?(?:into|in) (?:the|a) (?:lake|pool|sea|ocean|river|water|waves)\\b', '\\b(?:pier|dock|diving board|jetty)(?: \\w+){0,4}',
  '\\bcut(?:ting|s)? (?:ties|him|her|them|off|out|back|down|corners|class|school|carbs|sugar|my hair|his hair|her hair|the cord|contact|loose|it close|to the chase|me off|me out|my losses|the cake|the grass|the lawn|my bangs|my nails|costs|hours|(?:him|her|them|people|everyone) (?:off|out))\\b',
  '\\b(?:cut|burn\\w*|hit|bang\\w*|bump\\w*|hurt|scratch\\w*) (?:myself|my \\w+) (?:on|with) (?:the|a|my) (?:stove|pan|oven|kettle|iron|door|cupboard|shelf|table|car door|corner|cabinet|curling iron|straightener|hair straightener|grill|bbq)\\b',
  '\\b(?:cut|burn\\w*|hit|bang\\w*|bump\\w*|hurt|scratch\\w*|injured) (?:myself|my \\w+) (?:\\w+ )?(?:while|when) (?:cooking|chopping|baking|shaving|ironing|gardening|cleaning|moving|climbing|hiking|lifting|running|playing|skiing)\\b',
  '\\b(?:cut|cutting|nick|nicked|nicking) myself (?:\\w+ )?(?:shaving|cooking|chopping|gardening)\\b',
  // Safety-net words in ordinary use: "the only thing stopping me from texting him", an account
  // locked, overdoses as someone's job, self-harm long past and recovered from.
  '\\b(?:only thing|thing|what is|nothing|pride|fear|that) (?:is |that is )?(?:stopping|keeping|holding) me (?:back )?from (?!(?:doing it|going through|ending|killing|jumping|taking them|taking the pills|hurting)\\b)\\w+',
  // False alarms found on batch 8 (fixed without touching its misses, so its recall stays fresh).
  '\\b(?:threw|throws|throwing) (?:a|the|his|her) (?:pillow|cushion|sock|socks|towel|snowball|grape|popcorn|paper ball)s? at (?:me|us)\\b',
  '\\b(?:\\w+ s|his|her|their) (?:sister|brother|cousin|friend|son|daughter|mom|mum|dad|mother|father|uncle|aunt|partner|husband|wife|boyfriend|girlfriend|ex|roommate) (?:\\w+ ){0,2}?overdosed\\b',
  '\\b(?:would |d )?rather (?:\\w+ ){0,3}?(?:walk into traffic|jump off (?:a|the) \\w+|die|be dead|get hit by (?:a|the) \\w+|drown myself|eat glass) than (?!(?:live|go on|keep living|be without|exist|be alive|wake up|face another)\\b)',
  '\\b(?:disappear|vanish|hide)(?: \\w+){0,3}? (?:under (?:a|the|my) (?:blanket|duvet|covers|doona)|all (?:weekend|day|night))\\b',
  '\\bkill (?:him|her|them|\\w+) with kindness\\b',
  '\\blocked me out of (?:the |my |our |his |her )?(?:\\w+ )?(?:account|accounts|netflix|spotify|instagram|facebook|email|icloud|laptop|computer|wifi|password|group chat)\\b',
  '\\boverdos\\w* (?:cases|patients|victims|statistics|deaths|crisis|epidemic|prevention|kits?|training|ward|calls)\\b',
  '\\b(?:used to|years ago i|back in (?:high school|school|college|uni) i|as a (?:teen|teenager|kid) i) (?:\\w+ ){0,2}?(?:self harm|cut|cutting|be suicidal|feel suicidal|hurt myself|think about (?:dying|suicide|killing myself|ending it))\\b (?:(?:\\w+|\\.) ){0,8}?(?:(?:but|and) (?:i have been|i am|now i am) (?:\\w+ )?(?:fine|okay|ok|good|better|clean|well|doing (?:well|better|good|fine))|therapy (?:really )?helped|i got (?:help|better))\\b',
  '\\baccidentally (?:hurt|cut|burned|burnt|hit) (?:myself|my \\w+)\\b', '\\bhit my head on\\b',
  '\\bburn(?:ed|t|ing|s)? (?:out|the (?:dinner|food|toast|rice|candle|pasta|cookies)|bridges|calories|through (?:my|our) savings|sage)\\b', '\\bburn ?out\\b',
  '\\bbeat(?:s|ing)? (?:me|him|her|us|them) (?:at|in) \\w+\\b', '\\bbeat (?:me|him|her) to (?:it|the punch)\\b',
  '\\b(?:take|taking|took|get|getting|got|reclaim\\w*|want) (?:back )?(?:my|my own) life (?:back|again)\\b', '\\b(?:start|starting|started) my life over\\b',
  '\\b(?:gun|rifle|knife) (?:safe|cabinet|licen[cs]e|lock|range|club|show|safety|collection|collector|set|block)\\b', '\\bfor hunting\\b', '\\bcollects (?:guns|knives)\\b', '\\bhunting (?:rifles?|guns?|trip|season|knife)\\b', '\\b(?:nerf|water|glue|staple|heat) guns?\\b',
  // Ending a relationship, not a life.
  '\\b(?:end|ending|ended|ends) (?:it|things|this|everything) (?:with (?:him|her|them|my \\w+|\\w+)|between us)\\b',
  // Disappearing for a while.
  '\\b(?:disappear|vanish|go off grid|run away|escape)(?: \\w+){0,4} (?:for (?:a|the|one|two|few|couple|some) (?:\\w+ )?(?:bit|while|day|days|weekend|weekends|week|weeks|month|months|hours|night|nights)|on (?:a|holiday|vacation|a trip)|to (?:a|an|the) (?:beach|island|cabin|mountains|countryside|woods|forest|spa|retreat|city)|into the (?:woods|mountains|countryside|wild|forest|wilderness|crowd|background|sunset))\\b',
  // Medication taken as prescribed, or someone else's.
  '\\b(?:birth control|contraceptive|vitamin|vitamins|allergy|antibiotic|antibiotics|anxiety|blood pressure|iron|diet|hair|fish oil|hay fever) (?:pills|meds|tablets|medication)\\b',
  '\\b(?:pills|meds|tablets|medication|antidepressants) (?:for (?:her|his|my|their|the) (?:\\w+ )?(?:anxiety|depression|adhd|headaches?|migraines?|pain|blood pressure|allergies|acne|sleep|insomnia|period|cramps|heart|cholesterol|thyroid|infection)|(?:are|is) (?:finally )?(?:helping|working)|as (?:prescribed|usual)|every (?:day|morning|night|evening)|on time|with (?:food|breakfast|dinner)|this morning|today|like (?:usual|always|i should|the doctor said|normal))\\b',
  '\\b(?:forgot|forget|forgetting|remember|remembered|remind (?:me|her|him)) (?:to take )?(?:all )?(?:my|her|his) (?:meds|pills|medication|tablets)\\b',
  '\\b(?:she|he|they|my \\w+) (?:is|are|has been|started|was) (?:taking|on) (?:\\w+ )?(?:pills|meds|medication|antidepressants)\\b',
  // Letters and goodbyes to an ex, not to life.
  '\\b(?:goodbye|unsent|closure|breakup|break up) (?:letter|note|message)s? (?:to|for) (?:my ex|him|her|them|the relationship|our relationship|my marriage|the marriage|my \\w+ ex|my ex \\w+)\\b',
  '\\bsa(?:y|id|ying) goodbye (?:to (?:him|her|them|my ex|the (?:relationship|house|apartment|flat|city|old)|our|my (?:old|single|dating))|at the (?:airport|station|door))\\b',
  '\\b(?:last|final) (?:message|text) (?:from|to) (?:him|her|them|my ex)\\b', '\\b(?:his|her|their) (?:last|final) (?:message|text)\\b', '\\b(?:last|final) (?:message|text) (?:he|she|they) (?:sent|wrote)\\b',
  '\\bwhen i am gone (?:on|for|to|at|this|next|over)\\b',
  // Recreation at heights and on water.
  '\\b(?:roof|rooftop) (?:terrace|garden|bar|party|deck|pool|restaurant|lounge|top bar)\\b',
  '\\b(?:hike|hiking|hiked|walk|walked|walking|picnic|photos?|pictures?|selfies?|view|sunset|sunrise|date|ran|run|running|cycling|cycled|biked) (?:\\w+ ){0,3}?(?:bridge|roof|rooftop|cliff|ledge|balcony|tower)\\b',
];
