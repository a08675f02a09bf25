/**
 * Crisis detection and the safety answer. This runs before anything else on every turn, for
 * every engine. Missing a crisis is the worst failure the product can have, so the patterns lean
 * towards detecting; negations ("I'd never hurt myself") and everyday idioms ("this traffic is
 * killing me") are excluded explicitly.
 */
import { normalizeText } from './normalize';
import { createRng, pick } from './rng';
import type { CrisisKind, SafetyResources } from './types';

/** One crisis pattern over normalised text (lowercase, contractions expanded, " . " clauses). */
interface CrisisPattern {
  kind: CrisisKind;
  re: RegExp;
  /** Whether a negator just before the match in the same clause cancels it ("not suicidal"). */
  negatable: boolean;
  /** Extra check on the match; false means it was an idiom, not a crisis. */
  accept?: (text: string, index: number, match: string) => boolean;
}

const ME_OBJ = '(?:me|myself)';
const PARTNER = '(?:he|she|they|my (?:partner|boyfriend|girlfriend|husband|wife|ex|fiance|spouse|ex boyfriend|ex girlfriend|ex husband|ex wife|bf|gf|man|girl))';
const TARGET =
  '(?:him|her|them|my (?:ex|partner|boyfriend|girlfriend|husband|wife|kids|kid|children|child|baby|son|daughter|stepson|stepdaughter|roommate)|his (?:new )?(?:girlfriend|wife|partner|ex|family)|her (?:new )?(?:boyfriend|husband|partner|ex|family)|that (?:guy|girl|woman|man|bitch|bastard|slut|whore)|the (?:other woman|other man|kids|baby|guy|girl)|someone|somebody|people|everyone|everybody)';
const HARM_BASE = '(?:hurt|kill|stab|shoot|strangle|poison|beat up|beat|punch|attack|murder|run over|harm|hit|slap|choke|burn|smash)';
const HARM_ING = '(?:hurting|killing|stabbing|shooting|strangling|poisoning|beating up|beating|punching|attacking|murdering|running over|harming|hitting|slapping|choking|burning)';
const VIOLENCE_VERB =
  '(?:hit|hits|hitting|punched|punches|punching|slapped|slaps|slapping|kicked|kicks|kicking|choked|chokes|choking|strangled|strangles|strangling|beat|beats|beating|shoved|shoves|shoving|pushed|pushes|grabbed|grabs|pinned|threw|throws|bit|bites|burned|burns|attacked|attacks|assaulted|assaults|raped|rapes|smacked|smacks|dragged|drags|spat on|spit on|kneed|headbutted|elbowed|suffocated|smothered)';

/** Subjects that make "X hit me" a realisation or a feeling, not violence. */
const NON_PERSON_SUBJECTS = new Set(
  `it that this reality song news memory memories loneliness sadness grief wave realization realisation truth thought
  thoughts feeling feelings everything what which life karma depression anxiety guilt panic pain traffic car ball door
  something nothing one music sun heat cold hunger exhaustion tiredness idea regret shame`.split(/\s+/),
);

const JOKE_MARKERS = /\b(lol|lmao|haha\w*|hehe\w*|jk|just kidding|kidding|joking|jokes|rofl|xd)\b/;

/** Words of the same clause before `index`, nearest last. */
function clauseBefore(text: string, index: number, words = 5): string[] {
  const before = text.slice(0, index);
  const cut = Math.max(before.lastIndexOf(' . '), 0);
  return before.slice(cut).replace(/^ \. /, '').split(' ').filter((w) => w && w !== '.').slice(-words);
}

/** Rest of the sentence after a match (up to the next clause boundary). */
function clauseAfter(text: string, end: number): string {
  const rest = text.slice(end);
  const cut = rest.indexOf(' . ');
  return cut < 0 ? rest : rest.slice(0, cut);
}

/** "X hit me": violence unless X is a thing or a feeling ("it finally hit me"). */
function personSubject(text: string, index: number): boolean {
  const before = clauseBefore(text, index, 4);
  return !before.some((w) => NON_PERSON_SUBJECTS.has(w));
}

const NOT_JOKING = (text: string, index: number, match: string) => !JOKE_MARKERS.test(clauseAfter(text, index + match.length) + ' ' + clauseBefore(text, index, 3).join(' '));

const PATTERNS: CrisisPattern[] = [
  // ---- self-harm and suicide
  { kind: 'self_harm', negatable: true, re: /\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving|punish|punishing|hang|hanging|drown|drowning|shoot|shooting|poison|poisoning|off|offing) (?:my ?self|me self)\b/g },
  { kind: 'self_harm', negatable: true, re: /\bself (?:harm|harming|injury|injuring|injure|destruct)\b|\bsh relapse\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:suicide|suicidal|suicidally|unalive|unaliving|unalived|sewer slide)\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:end|ending|take|taking|took) (?:my|my own) life\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:end|ending) it all\b|\bend everything\b(?! (?:with|between))/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:want|going|plan|planning|ready|about) to end it(?: now| tonight| today| soon)?(?= \.|$)/g },
  { kind: 'self_harm', negatable: true, re: /\bend it (?:tonight|today|soon|for good)(?! with)/g },
  {
    kind: 'self_harm', negatable: true,
    re: /\b(?:want|want to|wanting|ready|going|planning|plan|wish i could|i should|i might as well|i may as well|deserve to|hoping to|hope to) (?:to )?(?:just )?die\b(?! (?:of|from|laughing|for|alone))/g,
  },
  { kind: 'self_harm', negatable: true, re: /\bwish i (?:was|were|had been) (?:dead|never born|not born|not here|not alive|gone)\b|\bwish i had never been born\b/g },
  { kind: 'self_harm', negatable: true, re: /\bwish i could (?:disappear|vanish|sleep forever|not wake up|not exist|stop existing)\b/g },
  { kind: 'self_harm', negatable: false, re: /\bbetter off (?:dead|without me|if i (?:was|were) (?:gone|dead|not here|not around))\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:happier|better off|better|easier|fine) (?:if|when|once|without) (?:i|me)(?: just| simply| finally)? (?:(?:was|were|am|m) )?(?:gone|dead|not here|not around|disappeared|died|vanished|did not exist|never existed|was not here|were not here|was gone|were gone)\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:tired|sick|exhausted|done|over) (?:of|with) (?:being alive|living|life|existing|being here|this life|breathing)\b(?! (?:like this|this way|with (?:him|her|them)|in (?:this|that)))/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:no one|nobody) (?:will|would) (?:miss me|care if i (?:died|was gone|disappeared)|notice if i (?:died|was gone|disappeared))\b|\b(?:a )?burden to (?:everyone|everybody|my family|the people i love)\b|\b(?:giving|gave) away (?:all )?my (?:stuff|things|belongings)\b|\bsay(?:ing)? goodbye (?:to everyone|forever)\b|\b(?:stop|cease) existing\b/g },
  { kind: 'self_harm', negatable: false, re: /\b(?:care|notice|miss me|matter) if i (?:died|was dead|were dead|was gone|were gone|disappeared|killed myself)\b/g },
  { kind: 'self_harm', negatable: false, re: /\bno (?:reason|point) (?:to|in) (?:live|living|being alive|go on|going on|be alive|stay alive|staying alive)\b/g },
  { kind: 'self_harm', negatable: false, re: /\bnot see (?:a|any|the) (?:reason|point) (?:to|in) (?:keep )?(?:living|live|going on|go on|being alive|be alive|staying alive|stay alive)\b|\bno reason to keep (?:living|going)\b/g },
  { kind: 'self_harm', negatable: false, re: /\bbetter off if i (?:was|were) not (?:around|here|alive)\b|\bif i (?:was|were) not (?:around|here|alive) (?:anymore|any more)\b/g },
  { kind: 'self_harm', negatable: true, re: /\bhow many (?:pills|tablets|sleeping pills|painkillers) (?:it would take|would it take|does it take|to take|would kill|it takes)\b|\blooked up (?:how to|ways to) (?:die|kill myself|end it|end my life|overdose)\b|\bnoose\b/g },
  { kind: 'self_harm', negatable: false, re: /\bnothing (?:left )?to live for\b|\bnot worth living\b|\bnot worth being alive\b/g },
  { kind: 'self_harm', negatable: false, re: /\bwhat is (?:even |really |actually |just |then )?the point (?:of|in) (?:living|being alive|life|going on|staying alive|existing|being here)\b/g },
  {
    kind: 'self_harm', negatable: false,
    re: /\b(?:do not|does not|no longer|not) (?:really |even )?want to (?:live|be alive|exist|wake up|go on|keep living|keep going|be here)\b(?! (?:at|with|for|in this (?:job|relationship|house|city|town|marriage|situation)|in this|like this))/g,
  },
  { kind: 'self_harm', negatable: false, re: /\bnot (?:sure|know) (?:if |whether |that )?i (?:want|can) (?:to )?(?:live|be alive|be here|exist|go on|keep going|stay alive)\b/g },
  { kind: 'self_harm', negatable: false, re: /\bnot think i (?:want|can) (?:to )?(?:live|be alive|be here|exist|go on|keep going|stay alive)\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:can not|could not) (?:go on|keep going|keep living|live like this) (?:anymore|any more|any longer|living)\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:overdose|overdosing|overdosed|od on)\b|\b(?:take|taking|took|swallow|swallowed|swallowing) (?:all |a bunch of |a handful of |too many )?(?:my |the |of my |his |her )?(?:pills|meds|medication|tablets|sleeping pills)\b(?! (?:for|to help|every|each|with food|this morning))/g },
  { kind: 'self_harm', negatable: true, re: /\bslit (?:my )?wrists?\b|\bjump (?:off|from|in front of) (?:a|the|my) (?:bridge|building|roof|train|car|cliff|balcony|window)\b|\bstep in front of (?:a|the) (?:train|car|bus|truck)\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:go to sleep|fall asleep|sleep) and (?:never|not) wake up\b|\b(?:hope|wish|pray) (?:that )?i (?:do not|would not|will not|never) wake up\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:suicide|goodbye) (?:note|letter)\b|\bwrite (?:a|my) (?:goodbye|suicide) (?:note|letter)\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:thoughts|thinking|think|thought) (?:of|about) (?:ending (?:it|my life|everything)|dying|not being here|not being alive|not existing|disappearing forever)\b/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:rather|prefer to) (?:be dead|not be alive|not exist|not be here|die)\b(?! than)/g },
  { kind: 'self_harm', negatable: true, re: /\b(?:want|going|need) to disappear(?: forever)?\b(?! for (?:a|the) (?:bit|while|day|weekend|week))|\bdisappear forever\b/g },
  // ---- danger from a partner
  {
    kind: 'partner_danger', negatable: true,
    re: new RegExp(`\\b${VIOLENCE_VERB} me\\b(?! (?:up|back|a (?:party|surprise|bone|text)|with (?:the|that|this|a|some) (?:news|question|text|message|line|speech|talk|truth|reality|breakup|silent)|at (?:chess|cards|games?|tennis|trivia|pool|scrabble|monopoly)|to (?:it|the punch|be|do|try|go|apply|take|get|make|see|start)|away|into (?:a|doing|therapy|going)|(?:a|an|some) (?:coffee|drink|snack|beer|food|lunch|dinner|plate|water)|out of (?:my shell|my comfort zone)))`, 'g'),
    accept: (text, index) => personSubject(text, index),
  },
  { kind: 'partner_danger', negatable: true, re: /\b(?:beat|beats|beating) me up\b|\bphysically (?:hurt|hurts|hurting|abusive|abused|abuses|attacked|harmed)\b|\b(?:hurt|hurts|hurting) me physically\b|\bdomestic (?:violence|abuse)\b|\bphysical abuse\b/g },
  { kind: 'partner_danger', negatable: true, re: new RegExp(`\\b${PARTNER} (?:is|gets|got|was|becomes|became|can be) (?:really |so |very )?(?:violent|physical with me|rough with me)\\b|\\bviolent (?:with|towards|toward) me\\b`, 'g') },
  { kind: 'partner_danger', negatable: true, re: /\b(?:bruise|bruises|black eye|broken (?:rib|ribs|nose|arm|wrist)|marks on my (?:neck|arm|arms|body|face)|split lip)\b/g, accept: (text, index) => !/^ego\b/.test(text.slice(index).split(' ')[1] ?? '') },
  {
    kind: 'partner_danger', negatable: true,
    re: /\bthreat(?:en|ens|ened|ening) (?:to )?(?:kill|hurt|harm|beat|hit|shoot|stab|burn|take (?:the|my) (?:kids|children|baby|son|daughter)|post|leak|share|release|send|kill himself|kill herself|hurt himself|hurt herself|end his life|end her life|ruin my life|come after me)\b|\bthreat(?:en|ens|ened|ening) (?:me|my life)\b(?! with (?:a|the) (?:breakup|divorce))/g,
  },
  { kind: 'partner_danger', negatable: true, re: /\b(?:said|says|told me|swore|screamed|yelled) (?:that )?(?:he|she|they) (?:would|will|is going to|was going to|is gonna|was gonna|could) (?:kill|hurt|harm|beat|shoot|stab|end|strangle|choke) (?:me|my|us|the kids|himself|herself|themselves)\b/g },
  { kind: 'partner_danger', negatable: true, re: new RegExp(`\\b${PARTNER} (?:is|was|are|will|would|might|could) (?:going to |gonna )?(?:kill|hurt|beat|strangle|choke) me\\b`, 'g') },
  {
    kind: 'partner_danger', negatable: true,
    re: new RegExp(`\\b(?:afraid|scared|terrified|frightened|fear|worried) (?:that )?${PARTNER} (?:will|would|might|is going to|could|may|is gonna) (?:hurt|kill|hit|beat|harm|find me|come after me|snap|lose it|do something|attack|strangle|choke|take the kids)\\b`, 'g'),
  },
  { kind: 'partner_danger', negatable: true, re: new RegExp(`\\b(?:afraid|scared|terrified|frightened) (?:of|for) (?:my life|my safety|him|her|my (?:partner|boyfriend|girlfriend|husband|wife|ex|fiance|spouse))(?= \\.|$| when| because| and| now| right| at| he| she| so| sometimes| lately| these)|\\bfear for my (?:life|safety)\\b|\\b(?:afraid|scared|terrified) to go home\\b|\\b(?:afraid|scared|terrified) of what (?:he|she|they) (?:will|would|might|could) do\\b`, 'g') },
  { kind: 'partner_danger', negatable: false, re: /\b(?:not|never|no longer) feel safe (?:at home|with (?:him|her|them|my)|in (?:my|our|the) (?:home|house|apartment|flat|relationship|own home)|around (?:him|her|them)|when (?:he|she|they))|\bfeel unsafe\b|\b(?:am|is|feel) not safe (?:at home|with (?:him|her))\b/g },
  {
    kind: 'partner_danger', negatable: false,
    re: /\b(?:will not|would not|does not|did not|never|wo not) let me (?:leave|go out|go anywhere|go home|out of (?:the house|his sight|her sight|the room|the apartment)|see my (?:friends|family|parents|kids)|talk to my (?:friends|family|parents)|have my phone|use my phone|have (?:any )?money|work|call anyone|sleep)\b/g,
  },
  { kind: 'partner_danger', negatable: true, re: /\b(?:locks|locked|lock|locking) me (?:in|up|out)\b|\b(?:trapped|stuck|locked) (?:in|inside) (?:the|my|our|his|her) (?:house|apartment|flat|room|home|car|bedroom|bathroom)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:took|takes|taking|taken|hid|hides|hidden|hiding|smashed|broke|confiscated|keeps) (?:away )?my (?:phone|keys|car keys|passport|id|documents|papers|money|wallet|cards|bank card)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\bnot allowed to (?:leave|go out|see my (?:friends|family)|have (?:a|my) phone|have money|work)\b|\b(?:can not|could not) leave (?:the house|the apartment|the room|without (?:his|her|their) permission)\b/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:tracks|tracked|tracking|monitors|monitored) my (?:location|every move)\b|\b(?:follows|followed|following|stalks|stalked|stalking) me\b(?! on (?:instagram|social|twitter|tiktok|insta))|\bshow(?:s|ed)? up at my (?:house|home|work|door|job|apartment|flat|place)\b|\bwill not leave me alone\b/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:forced|forces|forcing|force) me\b|\b(?:made|makes|make) me (?:have sex|do (?:sexual|things i did not want))\b|\b(?:raped|rape|sexually assaulted|sexual assault|molested|coerced me)\b|\b(?:did not|would not|does not) stop when i said (?:no|stop)\b|\bwithout my consent\b|\bpressured me into (?:sex|sleeping)/g },
  { kind: 'partner_danger', negatable: true, re: /\b(?:pointed|held|pulled|waved) (?:a|his|her) (?:gun|knife|weapon) (?:at|on|to) me\b|\bcame at me with (?:a|the|his|her)\b|\bput (?:his|her) hands (?:around|on) my (?:neck|throat)\b/g },
  // ---- harm to others
  {
    kind: 'harm_to_others', negatable: true,
    re: new RegExp(`\\b(?:want|wanna|going|gonna|plan|planning|about|ready|tempted|need) to ${HARM_BASE} ${TARGET}\\b`, 'g'),
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others', negatable: true,
    re: new RegExp(`\\b(?:thinking about|think about|thought about|thoughts of|fantasi[sz]e about|fantasi[sz]ing about|dream about|urge to|urges to|plans? to) ${'(?:' + HARM_ING.slice(3, -1) + '|' + HARM_BASE.slice(3, -1) + ')'} ${TARGET}\\b`, 'g'),
    accept: NOT_JOKING,
  },
  {
    kind: 'harm_to_others', negatable: true,
    re: new RegExp(`\\bi (?:will|would|am going to|could|might|swear i will|swear i am going to|am gonna|am about to) (?:really )?(?:hurt|kill|stab|shoot|strangle|murder|beat up|beat|punch|choke|poison|run over|smash) ${TARGET}\\b`, 'g'),
    accept: NOT_JOKING,
  },
  {
    // Imagined violence: "I keep picturing running her over", "I want him dead".
    kind: 'harm_to_others', negatable: true,
    re: new RegExp(`\\b(?:picture|picturing|pictured|imagine|imagining|imagined|fantasi[sz]e|fantasi[sz]ing|daydream|daydreaming|dream|dreaming)(?: about)? (?:${HARM_ING.slice(3, -1)}|running (?:him|her|them) over) ${TARGET}?|\\b(?:run|running|ran) (?:him|her|them|my ex) over\\b|\\b(?:want|wish) (?:him|her|them|my ex) dead\\b|\\bwish (?:he|she|they) (?:was|were) dead\\b|\\bmake (?:him|her|them) suffer\\b`, 'g'),
    accept: NOT_JOKING,
  },
  {
    // "I'm going to kill Jake": a strong verb with any object that is not an idiom ("kill time").
    kind: 'harm_to_others', negatable: true,
    re: /\b(?:i (?:will|am going to|am gonna|swear i will|am about to)|(?:want|going|gonna|plan|planning|ready) to) (?:kill|stab|shoot|murder|strangle|poison) (?!(?:it|time|the mood|the vibe|for|two|this|that|some|myself|me|off|my ?self|a|an|the|every|all|any|someone for)\b)[a-z]+\b/g,
    accept: NOT_JOKING,
  },
  { kind: 'harm_to_others', negatable: true, re: new RegExp(`\\bi (?:hit|slapped|punched|choked|shoved|kicked|attacked|strangled|beat up|bit) ${TARGET}\\b`, 'g') },
  { kind: 'harm_to_others', negatable: true, re: new RegExp(`\\b(?:scared|afraid|worried|terrified) (?:that )?i (?:will|might|could|am going to|would) (?:hurt|harm|kill|hit|shake|snap and hurt) ${TARGET}\\b`, 'g') },
];

/**
 * Whether a negator ("not", "never", "no") governs the match: one of the 4 words before it in the
 * same clause, not cancelled ("can not stop thinking about killing myself" stays a crisis).
 */
function negatedBefore(text: string, index: number): boolean {
  const before = clauseBefore(text, index, 4);
  // A joining word ends the negation's reach: "not okay and i want to die".
  let cut = -1;
  before.forEach((w, i) => { if (w === 'and' || w === 'but' || w === 'so' || w === 'because') cut = i; });
  const scope = before.slice(cut + 1);
  for (let i = 0; i < scope.length; i++) {
    if (scope[i] === 'not' || scope[i] === 'never' || scope[i] === 'no' || scope[i] === 'nor') {
      const next = scope[i + 1];
      if (next === 'stop' || next === 'help' || next === 'quit' || next === 'sure' || next === 'know' || next === 'one') continue;
      return true;
    }
  }
  return false;
}

/** Priority when one message shows several kinds: self-harm first, then danger, then harm to others. */
const KIND_ORDER: readonly CrisisKind[] = ['self_harm', 'partner_danger', 'harm_to_others'];

/**
 * Detects a crisis in a message: suicide or self-harm (including indirect ways of saying it),
 * danger from a partner (violence, threats, control, being trapped, sexual violence), or harm to
 * others. Returns null for negations ("I'm not suicidal") and idioms ("my feet are killing me").
 */
export function detectCrisis(text: string): CrisisKind | null {
  const norm = normalizeText(text).text;
  const found = new Set<CrisisKind>();
  for (const p of PATTERNS) {
    if (found.has(p.kind)) continue;
    p.re.lastIndex = 0;
    for (const m of norm.matchAll(p.re)) {
      const index = m.index ?? 0;
      if (p.negatable && negatedBefore(norm, index)) continue;
      if (p.accept && !p.accept(norm, index, m[0])) continue;
      found.add(p.kind);
      break;
    }
  }
  for (const k of KIND_ORDER) if (found.has(k)) return k;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The safety answer: hand-written, calm, direct, with the steps to get help now.

type Template = (r: SafetyResources) => string;

const SELF_HARM: Template[] = [
  (r) =>
    `I'm really glad you told me, and I want to take what you said seriously. It sounds like you might be thinking about ending your life or hurting yourself. You deserve support right now, not later. If you might act on these thoughts or you're not safe, please call ${r.emergencyNumber} now. You can also reach ${r.crisisLine}, where someone will listen at any hour. If you can, let someone near you know how you're feeling and stay with them. I'm here, and I'd like to keep talking with you. Are you safe right now?`,
  (r) =>
    `Thank you for trusting me with something this heavy. When someone says what you just said, it can mean they're thinking about suicide or self-harm, and that matters more than anything else we could talk about. Please reach out to ${r.crisisLine} now, and if you feel you might hurt yourself soon, call ${r.emergencyNumber}. It can help to move away from anything you could use to hurt yourself and to be near someone you trust. You don't have to carry this alone, and I'm staying right here with you. Would you tell me a little about what's happening?`,
  (r) =>
    `I'm hearing that you're in a lot of pain, and it sounds like thoughts of not wanting to live or of hurting yourself are part of it. That's serious, and you deserve help with it right now. Please call or text ${r.crisisLine}, or call ${r.emergencyNumber} if you're in danger of acting on these thoughts. If there's someone you trust nearby, let them know tonight and ask them to stay with you. I'm not going anywhere, and I want to keep talking with you. What's happening for you right now?`,
];

const PARTNER_DANGER: Template[] = [
  (r) =>
    `What you're describing sounds frightening, and your safety comes first. Being hurt, threatened, controlled or kept from leaving by a partner is not okay, and it is not your fault. If you're in danger right now, please call ${r.emergencyNumber}. For confidential help with staying safe and planning next steps, you can reach ${r.domesticViolenceLine}; they talk with people in situations like yours every day. If it's safe to do so, tell someone you trust where you are. I'm here and I'd like to keep talking with you. Are you somewhere safe at the moment?`,
  (r) =>
    `I'm really glad you told me. What you've shared sounds like you may not be safe with your partner, and that matters more than anything else we could talk about. If you are in immediate danger, call ${r.emergencyNumber}. You can also contact ${r.domesticViolenceLine} for confidential support, including help making a safety plan. If you can, keep your phone charged and close, and think of a place you could go quickly if you need to. You don't have to figure this out alone, and I'm here to keep talking. Are you safe right now?`,
  (r) =>
    `I want to pause on what you just said, because it sounds like you're being hurt or threatened, and your safety is what matters most right now. No one deserves to be treated that way. If you're in danger, please call ${r.emergencyNumber} now. ${r.domesticViolenceLine.charAt(0).toUpperCase() + r.domesticViolenceLine.slice(1)} can help you think through your options in confidence, at your own pace. If you're having thoughts of hurting yourself too, ${r.crisisLine} is there for that. I'm staying with you, and I'd like to keep talking. Where are you right now, and is it safe?`,
];

const HARM_TO_OTHERS: Template[] = [
  (r) =>
    `It sounds like you're carrying a lot of anger or pain right now, maybe enough that you've thought about hurting someone. I'm taking that seriously, and I'm glad you said it out loud instead of acting on it. If you feel you might hurt someone soon, please step away from them and from anything you could use, and call ${r.emergencyNumber}. You can also reach ${r.crisisLine} to talk it through with someone right now. Strong feelings can pass without anyone getting hurt. I'm here, and I'd like to keep talking with you. What's happening for you in this moment?`,
  (r) =>
    `Thank you for being honest about this. When thoughts of harming someone show up, the most important thing is that everyone, you included, stays safe. If there's any chance you could act on it, put some distance between you and that person now and call ${r.emergencyNumber}, or talk to ${r.crisisLine} straight away. Feeling this much doesn't make you a bad person, and you can get help with it. I'm here to keep talking with you. Can you tell me where you are and who's with you right now?`,
  (r) =>
    `I hear how intense this is for you, and I want to be direct: if you're thinking about hurting someone, please get support right now. Move away from the situation if you can, and call ${r.emergencyNumber} if anyone is in danger. ${r.crisisLine.charAt(0).toUpperCase() + r.crisisLine.slice(1)} can help you get through the next few hours. You reached out, which matters. I'm staying right here, and I'd like to keep talking. What would help you feel a little calmer right now?`,
];

const TEMPLATES: Record<CrisisKind, Template[]> = {
  self_harm: SELF_HARM,
  partner_danger: PARTNER_DANGER,
  harm_to_others: HARM_TO_OTHERS,
};

/**
 * The answer to a crisis: calm and direct, names the risk, gives the steps to get help now
 * (emergency number, crisis line, and for danger from a partner a domestic-violence line) and
 * invites the person to keep talking. No coaching blocks. One of several variants, by seed.
 */
export function safetyReply(kind: CrisisKind, resources: SafetyResources, seed = 0): string {
  return pick(TEMPLATES[kind], createRng(seed))(resources);
}
