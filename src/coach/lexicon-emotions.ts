/**
 * Emotion lexicons: feeling words, everyday phrasings and the events that plainly carry a feeling
 * ("cheated on me" carries betrayal). Same format as the topic lexicons.
 */
import type { CueRule, Lexicon } from './matcher';
import { PARTNER_WORDS } from './lexicon-topics';
import type { EmotionId } from './types';

/** Phrases per emotion (see the file comment for the format). */
export const EMOTION_LEXICON: Lexicon<EmotionId> = {
  sad: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'rereading:1', 'old texts:1', 'reminds me:1.5', 'memories:1', 'goodbye:1', 'not even a goodbye:1.5', 'a stranger:1', 'stranger:0.5', 'grey:1.5',
    'empty:1', 'haunts me:1.5', 'lost:0.8', 'i miss us:2', 'miss the way:2', 'never see them:1.5', 'never see:1', 'used to be:1', 'heavy:1',
    // Weight 0: idioms that contain "down" without the feeling; as longer matches they hide it.
    'settle down:0', 'calm down:0', 'slow down:0', 'sit down:0', 'down the road:0', 'down to earth:0', 'shut down:0', 'turned me down:0', 'turns me down:0',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'wish i could:1.5', 'wishing:1', 'in tears:2.5', 'bawling:2.5', 'bawled:2.5', 'weepy:2', 'cried all night:3', 'crying all night:3',
    'depressing:1.5', 'down bad:2', 'heartbroke:2.5', 'heart broke:2.5', 'loss:1.5', 'unbearable:1.5', 'not the same:1.5', 'never be the same:2',
    'gloomy:2', 'breakup:1', 'break up:1', 'the worst:1', 'homesick:2', 'miss him so much:2.5', 'miss her so much:2.5', 'so much pain:2',
    'hurts so much:1.5', 'funk:1.5', 'dumped:1', 'lost him:2', 'lost her:2', 'misses:1', 'empty:1', 'silence:1', 'sucks:1', 'devastating:2.5',
    'hard day:1.5', 'rough day:1.5', 'rough week:1.5', 'it is over:1', 'we are over:1.5', 'lost the love:2', 'breaks my heart:2', 'used to love:1',
    'without you:1.5', 'all alone:1', 'sad:2', 'sadness:2', 'i miss:1.5',
    'miss:1', 'missing:1', 'since she left:1.5', 'since he left:1.5', 'tearing up:2', 'ache:1', 'wish we:1', 'used to:0.5', 'left behind:1', 'lost without:2',
    'reminds me of:1.5', 'everything reminds me:2', 'so quiet:1.5', 'feels empty:1.5', 'miss my:1.5', 'still not over:1.5', 'not over my ex:1.5', 'without him:1', 'without her:1', 'only see my:1.5', 'feel forced:1', 'barely speak:1.5', 'heavy:1', 'grey:1.5', 'gray:1.5', 'nothing makes me happy:2', 'broke up:1', 'split up:1', 'ended:0.5',
    'sad:2', 'sadness:2', 'unhappy:1.5', 'down:1', 'upset:1.5', 'crying:2', 'cry:1.5', 'cried:2', 'tears:2', 'tearful:2',
    'sobbing:2.5', 'sob:2', 'heartbroken:2.5', 'broken hearted:2.5', 'devastated:2.5', 'gutted:2', 'miserable:2',
    'depressed:1.5', 'blue:1', 'grief:2', 'grieving:2', 'mourning:2', 'heavy heart:2.5', 'heartache:2', 'miss him:1.5',
    'miss her:1.5', 'miss them:1.5', 'missing him:1.5', 'missing her:1.5', 'miss us:1.5', 'broke my heart:2', 'feel low:2',
    'feeling low:2', 'sorrow:2', 'bummed:1.5', 'bummed out:2', 'crushed:1.5', 'in pieces:2', 'falling apart:1',
    'teary:2', 'weep:2', 'weeping:2', 'melancholy:2', 'heart hurts:2', 'heart is broken:2.5', 'low:0.7', 'sad all the time:2.5',
    'cry myself to sleep:3', 'feel like crying:2.5', 'breaks my heart:2',
  ],
  hurt: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'not even a goodbye:2', 'without a goodbye:2', 'no goodbye:1.5', 'stopped replying:1.5', 'stopped talking to me:2', 'not invited:2',
    'never invited:2', 'left out:2', 'without me:1', 'won t call me:2', 'will not call me:2', 'not call me:1.5', 'only wants to:1.5',
    'when she is bored:2', 'when he is bored:2', 'when it suits:2', 'on his terms:1.5', 'backup:2', 'option:1', 'the option:1.5',
    'never the first choice:2.5', 'says nothing:1.5', 'said nothing:1.5', 'flinches:2', 'pulls away:2', 'tells everyone:1.5', 'unstable:1',
    'weight:0.8', 'my weight:1.5', 'won t come:2', 'will not come:2', 'because of who:1.5', 'ignores:1.5', 'not reply:1.5', 'never asks:1.5',
    'kind word:1.5', 'not a kind word:2', 'cruel:2', 'mean:1.5', 'raised his voice:1.5', 'raised her voice:1.5', 'holes:0.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'over text:2', 'over a text:2', 'by text:1.5', 'stopped caring about me:2.5', 'not matter to him:2.5', 'not matter to her:2.5',
    'do not matter:2', 'not important to him:2.5', 'not important to her:2.5', 'ignores me:1.5', 'left on read:1.5', 'feel rejected:2.5',
    'felt rejected:2.5', 'what did i do wrong:2', 'never enough:1.5', 'brushed off:1.5', 'invalidated:2', 'belittled:2', 'insulted:2',
    'embarrassed me:2', 'hates me:2', 'says she hates me:2.5', 'said she hates me:2.5', 'told me she hates me:2.5', 'told me he hates me:2.5',
    'not accept me:2', 'will not accept me:2.5', 'excluded:2', 'not want to be touched:2', 'feel unwanted:2.5', 'undesired:2', 'pushed away:1.5',
    'push me away:2', 'stonewalls me:1.5', 'shuts me out:2', 'take me for granted:2', 'only one trying:1.5', 'one sided:2', 'calls me stupid:2',
    'called me stupid:2', 'in front of our friends:1', 'doesn t care:1.5', 'not care:1.5', 'forgot my birthday:2.5', 'forgot our anniversary:2.5',
    'forgot:0.8', 'shrugged:1', 'just shrugged:1.5', 'cold:0.8', 'distant:1', 'wounds:2', 'hurtful:2', 'stabbed:1', 'ghosted:1.5', 'ghosting:1.5',
    'blindsided:1.5', 'walked out on me:2', 'left me for:2', 'replaced:1.5', 'chose her:1.5', 'chose him:1.5', 'not want me anymore:2.5',
    'turned me down:1.5', 'rejects:1.5', 'rejecting:1.5', 'not prioritize me:2', 'last priority:2', 'not a priority:2', 'afterthought:2',
    'disrespected:1.5',
    'says i am overreacting:2', 'not speak to me:2', 'cut me off:2', 'changed the subject:1', 'left behind:1.5', 'not worth:1.5', 'cheated on:1.5', 'laughed at me:2', 'mocked:2', 'not want me:2', 'tells me i am crazy:1.5', 'calls me crazy:1.5',
    // Weight 0: these phrases contain "hurt" without being the feeling; as longer matches they hide it.
    'hurt myself:0', 'hurting myself:0', 'hurt his feelings:0', 'hurt her feelings:0', 'hurting his feelings:0', 'hurting her feelings:0', 'hurt anyone:0',
    'dumped:1.5', 'ghosted:1.5', 'not want me:1.5', 'pulls away:1.5', 'no affection:1.5', 'takes her side:1.5', 'takes his side:1.5', 'did not see it coming:1.5', 'undesirable:2', 'unwanted:2', 'treated me:1', 'left out:1.5', 'rejects me:2', 'turned me down:1.5', 'never asked:1', 'not one of them:1.5', 'worthless:1.5', 'put up with me:1.5', 'criticises:1.5', 'criticizes:1.5', 'not good enough:1.5',
    'hurt:2', 'hurts:2', 'hurting:2', 'hurtful:2', 'wounded:2', 'stung:1.5', 'stings:1.5', 'painful:2', 'pain:1.5',
    'ache:1.5', 'aching:1.5', 'broke my heart:2', 'rejected:2', 'rejection:2', 'dismissed:1.5', 'ignored:1.5',
    'let down:2', 'let me down:2', 'disappointed:1.5', 'disappointment:1.5', 'taken for granted:2', 'unappreciated:2',
    'unloved:2', 'not loved:2', 'unwanted:2', 'abandoned:2', 'left me:1.5', 'dumped me:2', 'replaced me:2',
    'humiliated:2', 'cut deep:2', 'cuts deep:2', 'hurt my feelings:2.5', 'broken:1', 'not care about me:2',
    'cheated on me:1.5', 'ghosted me:1.5', 'chose her over me:2.5', 'chose him over me:2.5', 'treated me like:1.5',
    'discarded:2', 'used me:1.5', 'meant nothing:2', 'did not even say goodbye:2', 'not even say goodbye:2',
  ],
  angry: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'makes me sick:2', 'raised his voice:1', 'raised her voice:1', 'already said yes:2', 'without asking me:2.5', 'without even asking:2.5',
    'behind my back:1.5', 'swore:1', 'swore it was:1.5', 'the audacity:3', 'audacity:2.5', 'the nerve:2', 'how dare:2.5', 'i am livid:3',
    'so angry:3', 'angry:2.5', 'mad:2', 'pissed:2.5', 'unbelievable:1.5', 'seriously:0.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'how could he:2', 'how could she:2', 'how could they:2', 'how could you:2', 'driving me insane:2', 'drives me insane:2', 'makes me sick:2',
    'disgusting:1.5', 'disrespectful:1.5', 'unacceptable:2', 'the nerve:2', 'audacity:2.5', 'the audacity:3', 'salty:1.5', 'yelling:1',
    'slammed:1.5', 'hate them:2', 'supposed to be ok with:2', 'supposed to be okay with:2', 'are you kidding:2.5', 'kidding me:2', 'unreal:1.5',
    'pissing me off:3', 'so angry:3', 'furious:3', 'enraged:3', 'mad:2', 'rage:2.5', 'i hate him:3', 'i hate her:3', 'cannot believe he:2',
    'can not believe he:2', 'can not believe she:2', 'can not believe they:2', 'what the hell:2.5', 'what the fuck:2.5', 'wtf:1.5', 'bullshit:2',
    'bs:1.5', 'screw this:2', 'lied to my face:2.5', 'nightmare:0.8', 'snapped:1.5', 'lost it:1.5',
    'screaming match:2', 'shouting match:2', 'who does that:2', 'how could he:2', 'how could she:2', 'in the wrong:1.5', 'so unfair:2', 'unfair:1.5', 'ridiculous:1.5', 'bullshit:2', 'unbelievable:1.5', 'pisses me off:3', 'i am so angry:3',
    'angry:2.5', 'anger:2', 'mad:2', 'furious:3', 'pissed:2.5', 'pissed off:3', 'rage:2.5', 'raging:2.5', 'livid:3',
    'fuming:3', 'irate:3', 'hate him:2.5', 'hate her:2.5', 'i hate:1.5', 'resent:2', 'resentment:2', 'resentful:2',
    'bitter:2', 'outraged:3', 'infuriating:3', 'infuriated:3', 'seething:3', 'boiling:2', 'disgusted:2', 'how dare:2.5',
    'screw him:2.5', 'screw her:2.5', 'fuck him:2.5', 'fuck her:2.5', 'wtf:1.5', 'makes my blood boil:3', 'so mad:3',
    'heated:1.5', 'angry at:2.5', 'mad at:2.5', 'hate that:1.5', 'hate how:1.5', 'hate when:1.5', 'want to scream:2',
  ],
  anxious: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'freaking out:2.5', 'freak out:2', 'pounding:2', 'heart is pounding:2.5', 'refreshing:2', 'last seen:1.5', 'feel sick:1.5', 'goes quiet:1.5',
    'holes in:1', 'does not add up:2', 'supposedly:1', 'claims:1', 'said she was:1', 'said he was:1', 'working late:1', 'how soon:1', 'should we:1',
    'should i:1', 'nervous:2.5', 'scared:1.5', 'scary:1.5', 'what if:2', 'shaking:2', 'cannot relax:2', 'on high alert:2', 'dread:2',
    'sick every time:2',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'sus:1', 'feels off:1.5', 'something is off:1.5', 'bad feeling:2', 'i have a bad feeling:2.5', 'gut feeling:1.5', 'can not relax:2', 'chest:1',
    'tight:1', 'buzzes:1', 'waiting for him to:1.5', 'waiting for her to:1.5', 'scaring * off:2', 'scare him off:2', 'scare her off:2', 'needy:1',
    'sounding needy:1.5', 'too needy:1.5', 'clingy:1.5', 'is it weird:1.5', 'am i overreacting:1.5', 'should i text:1.5', 'terrified:1.5',
    'stressing:2', 'stressing out:2.5', 'can not stop thinking:1.5', 'keeps spinning:2', 'my brain:1', 'mind racing:2.5', 'replaying:1.5',
    'worst case:2', 'what if:2', 'what if he:2.5', 'what if she:2.5', 'dread:2', 'dreading:2', 'nervous:2.5', 'so nervous:3', 'jittery:2',
    'on edge:2', 'panicky:2.5', 'scared of losing:2', 'afraid of losing:2', 'keep checking:2', 'keeps checking:2', 'checking his:1.5',
    'checking her:1.5', 'can not sleep:1.5', 'lying awake:2', 'insecure:1.5', 'scared:1', 'afraid:1', 'worried:2.5', 'worry:2', 'worrying:2.5',
    'anxious:3', 'anxiety:3', 'uneasy:2', 'how do i even:1', 'tense:1.5', 'wound up:2', 'on my mind:1.5', 'obsessing:2', 'keep wondering:1.5',
    'hiding something:1.5', 'hides:1',
    'chest gets tight:2.5', 'tight chest:2.5', 'knot:1.5', 'waiting to be:1', 'keep wondering:1.5', 'can not stop checking:2.5', 'expect us to:1', 'dread:2', 'stomach drops:2', 'on high alert:2', 'phone lights up:1',
    'wonder if he is lying:2', 'if he is lying:1.5', 'uncomfortable:1.5', 'pressured:1.5', 'panic attack:3', 'on edge:2', 'will not stop racing:2.5', 'racing:1.5', 'whether she is going to leave:2', 'going to leave me:2', 'needed to know:1.5', 'need to know:1', 'scared:1', 'afraid:1', 'anxious attachment:1.5',
    'anxious:2.5', 'anxiety:2.5', 'nervous:2', 'worried:2', 'worry:2', 'worrying:2', 'panic:2', 'panicking:2.5',
    'stressed:2', 'stress:1.5', 'on edge:2', 'uneasy:2', 'restless:1.5', 'tense:1.5', 'overthinking:2.5', 'overthink:2.5',
    'jittery:2', 'freaking out:2', 'freak out:2', 'what if:1.5', 'insecure:1', 'paranoid:2', 'dread:2', 'dreading:2',
    'apprehensive:2', 'can not sleep:1.5', 'racing thoughts:2.5', 'stomach in knots:2.5', 'antsy:2', 'spiraling:2',
    'spiralling:2', 'scared he will:1.5', 'scared she will:1.5', 'afraid he will:1.5', 'afraid she will:1.5',
    'keep checking my phone:2', 'need reassurance:2', 'nervous wreck:3', 'on pins and needles:2.5', 'heart racing:2',
  ],
  confused: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'what does that even mean:3', 'what does that mean:2.5', 'even mean:1.5', 'what is it about me:2', 'holes in:1', 'does not make sense:2.5',
    'makes no sense:2.5', 'mixed:1', 'basically dating:1.5', 'what we have:1.5', 'technically:1', 'sort of:0.5', 'kind of:0.5',
    'says it is because:1.5', 'because he loves me:1.5', 'or not:1', 'how soon:1', 'not sure:1.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'not know whether:2.5', 'whether to:1.5', 'whether i should:2', 'or not:1', 'should i:1', 'does that count:2.5', 'does it count:2.5',
    'is it weird:1.5', 'is that normal:1.5', 'is this normal:1.5', 'is that bad:1.5', 'is it bad:1.5', 'am i wrong:2', 'am i crazy:1.5',
    'am i overreacting:2', 'or am i:1.5', 'what did i do wrong:1.5', 'what changed:2', 'why does it bother me:2', 'why do i feel:1.5', 'why am i:1',
    'not know anymore:2', 'just do not know:2', 'not know:1', 'what does he want:2', 'what does she want:2', 'what is he doing:1.5',
    'gaslighted:1.5', 'gaslighting:1.5', 'never happened:1.5', 'am i imagining:2', 'imagining things:2', 'twists:1', 'contradict:1.5',
    'one minute:1.5', 'say one thing:2', 'says one thing:2', 'out of nowhere:1.5', 'not do labels:1.5', 'labels:1', 'what we are:2', 'what are we:2',
    'where we stand:2', 'which one:1', 'cannot tell:1.5', 'not tell if:2', 'why would:1', 'makes me doubt:2', 'doubt myself:2', 'not sure:1.5',
    'unsure:2', 'confusing:2.5', 'confused:3', 'mixed signals:2.5', 'hot and cold:2', 'lost:0.7', 'torn:2', 'no idea:1.5', 'no clue:1.5', 'weird:1',
    'strange:1', 'did he mean:2', 'what did he mean:2', 'what did she mean:2', 'or is it:1.5', 'not understand:1.5', 'what happened:1.5',
    'what went wrong:2', 'how do i know:2', 'how can i tell:2',
    'keep wondering:1.5', 'changing his story:1.5', 'changing her story:1.5', 'does not add up:2', 'what is going on:1.5', 'makes no sense:2', 'doubt myself:1.5',
    'what we are:2', 'not know what we are:2.5', 'wonder if:1.5', 'how do i know:2', 'flip flopping:2.5', 'part of me:1.5', 'not know if:2', 'not sure if:2', 'is it normal:1.5', 'disappears:1', 'one week and then:1.5', 'what happened:1', 'caught feelings:1.5', 'not sure i:1.5', 'all over the place:1.5',
    'confused:2.5', 'confusing:2.5', 'confusion:2.5', 'lost:0.7', 'not know what to do:2.5', 'no idea:1.5',
    'mixed signals:2.5', 'mixed messages:2.5', 'torn:2', 'unsure:2', 'not sure:1.5', 'uncertain:2', 'conflicted:2.5',
    'not make sense:2', 'mixed feelings:2.5', 'hot and cold:2', 'puzzled:2', 'baffled:2', 'not understand:1.5',
    'not get it:1.5', 'why would he:1.5', 'why would she:1.5', 'what does it mean:2', 'what does that mean:2',
    'second guessing:2', 'can not tell:1.5', 'can not decide:2', 'not decide:1.5', 'indecisive:2', 'on the fence:2',
    'back and forth:1.5', 'not know how i feel:2.5', 'not know what i want:2.5', 'what are we:1.5', 'head is spinning:1.5',
    'what to think:2', 'make sense of:2', 'not know where i stand:2.5', 'where we stand:1.5', 'no clue:1.5',
    'not know what he wants:2.5', 'not know what she wants:2.5', 'which is it:2',
  ],
  lonely: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'talk to no one:3', 'to no one:2', 'never see them:2', 'never see anyone:2.5', 'in front of the tv:1', 'every night alone:3',
    'friends all have:1.5', 'a stranger:1.5', 'stranger:1', 'not invited:1.5', 'left behind:2', 'nobody:1', 'no one:1', 'only my cat:2',
    'only my dog:2', 'quiet:0.8', 'barely overlap:1.5', 'we barely:1', 'far:0.8', 'miss him:0.8', 'miss her:0.8',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'everyone has someone:2.5', 'everyone else has someone:3', 'nobody texts:2', 'no one texts:2', 'sit at home:1.5', 'sitting at home:1.5',
    'home alone:2', 'no one here:2', 'not know a single person:2.5', 'roommates:1.5', 'strangers:1', 'passing in the hallway:2',
    'passing each other:2', 'ships passing:2.5', 'barely talk:1.5', 'barely see each other:2', 'only one trying:1', 'no one listens:2',
    'nobody listens:2', 'alone in this:2', 'empty bed:2', 'weekends are the worst:2', 'miss having:2', 'nobody cares:2', 'no one cares:2',
    'far away:1', 'no one to:1.5', 'alone:1.5', 'lonely:3', 'by myself:1.5', 'on my own:1.5', 'feel invisible:2.5', 'invisible:2', 'unseen:2',
    'disconnected:1.5', 'distant:1', 'no one calls:2', 'nobody calls:2', 'completely alone:3', 'still feel alone:3', 'talking to a wall:1',
    'no friends:2', 'twice a year:1', 'third wheel:2', 'just me:1.5', 'only me:1.5', 'no one around:2',
    'not know anyone:2', 'not know anybody:2', 'evenings are the worst:1.5', 'eating alone:1.5',
    'without saying a word:2', 'coupled up:2', 'stranger in my own home:2.5', 'nobody to:1.5', 'on my own:1.5', 'no one to share:2', 'whole weekends:1.5',
    'nobody calls:2.5', 'no one calls:2.5', 'barely speak:1.5', 'invisible:2', 'alone every night:2.5', 'eat dinner alone:2.5', 'stopped seeing friends:2', 'no affection:1', 'not have anyone:2', 'feel completely alone:3',
    'lonely:3', 'loneliness:3', 'alone:1.5', 'isolated:2.5', 'by myself:1.5', 'on my own:1', 'no one to talk to:2.5',
    'nobody to talk to:2.5', 'no one cares:2', 'nobody cares:2', 'left out:2', 'invisible:1.5', 'disconnected:1.5',
    'no friends:2', 'miss having someone:2.5', 'forgotten:1.5', 'feel alone:2.5', 'so alone:2.5', 'all alone:2.5',
    'not have anyone:2', 'have no one:2', 'no one gets me:2', 'nobody gets me:2', 'empty house:1.5',
  ],
  jealous: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'so close:1.5', 'too close:2', 'makes me sick:1', 'bestie:1', 'best friend is a girl:2', 'goes out with the boys:1', 'goes out with the girls:1',
    'the attention:1.5', 'other women:1.5', 'other girls:1.5', 'other guys:1.5', 'compare:1', 'comparing:1.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'feel threatened:2', 'threatened:1.5', 'bothers me when:1.5', 'bothers me so much:1', 'can not stand her:1.5', 'can not stand him:1',
    'why does he need:1.5', 'mentions his ex:2', 'mentions her ex:2', 'talks about his ex:2', 'talks about her ex:2', 'female best friend:1.5',
    'work wife:1.5', 'likes other:1.5', 'other girls:1', 'jealous:3', 'jealousy:3', 'envious:2.5', 'insecure about:1.5', 'green with envy:3',
    'gets to me:1', 'can not help comparing:2', 'compare myself to:2', 'so pretty:1', 'girls he follows:2', 'his ex:1', 'her ex:1',
    'eats me up:2', 'knot of jealousy:3', 'jealous when:3',
    'likes every photo:2', 'jealous of:3', 'she is gorgeous:1.5', 'so gorgeous:1.5', 'other girls:1', 'other women:1', 'other guys:1',
    'jealous:3', 'jealousy:3', 'envious:2.5', 'envy:2', 'green with envy:3', 'threatened by:1.5', 'insecure about her:2',
    'insecure about him:2', 'compare myself to her:2', 'comparing myself to her:2', 'possessive:1.5',
    'bothers me that he:1.5', 'bothers me that she:1.5', 'can not stand that she:2', 'can not stand that he:2',
    'why does he talk to her:2', 'prettier than me:2',
  ],
  guilty: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'feel terrible about it:3', 'terrible about it:2.5', 'feel terrible:2', 'crossed some lines:2.5', 'crossed lines:2', 'thinks i stayed:2',
    'thinks i was:1.5', 'lied about:1', 'my secret:1.5', 'keeping a secret:2', 'went home with:1.5', 'stayed the night:1', 'should not have:1.5',
    'i feel bad:2', 'bad about it:2', 'i messed up:2.5', 'i hurt him:2.5', 'i hurt her:2.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'feel horrible:2', 'feel like a bad:2', 'feel selfish:2.5', 'selfish:1.5', 'behind my * back:2', 'should i tell:1.5', 'whether to tell:1.5',
    'come clean:2', 'confess:1.5', 'gone too far:1.5', 'crossed a line:2', 'crossed the line:2',     'one night stand:1.5', 'i flirted:2', 'i apologize:1', 'feel awful:2', 'feel terrible:2', 'the guilt:3', 'guilty:3', 'guilt:2.5', 'ashamed:2.5',
    'shame:2', 'regret:2', 'my fault:2', 'i ruined:2.5', 'i messed up:2.5', 'i screwed up:2.5', 'i should not have:2', 'should not have:1.5',
    'does not know:0.8', 'never told:1.5', 'i lied:2', 'i have been lying:2.5', 'i hid:2', 'i hid it:2.5', 'i am a terrible:2.5',
    'i am a horrible:2.5', 'i am a bad:2', 'blame myself:2', 'i did something:1.5', 'i made a mistake:2', 'mistake:1', 'cheated on my:1.5',
    'i cheated:2.5', 'betrayed her:2', 'betrayed him:2', 'let him down:2', 'let her down:2', 'let everyone down:2', 'feel bad:1.5', 'bad for:1',
    'sorry:0.8',
    'look * in the eye:2.5', 'i hooked up with:1.5', 'behind his back:1.5', 'behind her back:1.5', 'i feel bad:2', 'feel guilty:3', 'say no:0.5',
    'i know it is wrong:2.5', 'i know it was wrong:2.5', 'feel terrible about:2.5', 'eating me alive:2', 'the guilt:3', 'i cheated on:2.5', 'i kissed someone:2', 'i had an affair:2', 'hurt his feelings:1.5', 'hurt her feelings:1.5', 'feel pressured:0.5', 'apologising:1', 'selfish:1.5',
    'guilty:3', 'guilt:2.5', 'ashamed:2.5', 'shame:2', 'shameful:2', 'regret:2', 'regrets:2', 'regretting:2',
    'my fault:2', 'i messed up:2.5', 'i screwed up:2.5', 'i ruined:2.5', 'ruined everything:2', 'i hurt him:2.5',
    'i hurt her:2.5', 'i feel terrible:2', 'feel awful:1.5', 'feel bad:1', 'blame myself:2', 'i cheated:2',
    'i lied:1.5', 'should not have:1.5', 'remorse:2.5', 'bad person:2', 'terrible person:2.5', 'horrible person:2.5',
    'what i did:1.5', 'i had an affair:2', 'i was unfaithful:2', 'can not forgive myself:3', 'hate what i did:3',
    'i am the problem:2',
  ],
  betrayed: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'just a kiss:2', 'hotel:1', 'flirty:1', 'snaps:0.5', 'nudes:1.5', 'behind my back:2.5', 'all cheated:2', 'cheated on me:3', 'swore:1',
    'lied:1.5', 'claims:0.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'do this to me:2.5', 'did this to me:2.5', 'how could he:2', 'how could she:2', 'how could they:2',     'lied:1', 'lies:1', 'two timing:2.5', 'caught him:2', 'caught her:2', 'found out he:1.5', 'found out she:1.5', 'found messages:2',
    'found texts:2', 'emotional affair:2', 'thought i could trust:2.5', 'trusted him:2', 'trusted her:2', 'trusted them:2', 'cheated:1.5',
    'cheating:1.5', 'affair:1.5', 'unfaithful:2', 'betrayed:3', 'betrayal:3', 'behind my back:2.5', 'stabbed in the back:3', 'backstabbed:3',
    'went behind:2', 'with my best friend:2', 'my best friend:1', 'on tinder:1.5', 'dating profile:2', 'lied to my face:2.5', 'used me:1.5',
    'played me:2', 'fooled me:2', 'sneaking around:2.5', 'sneaky:1.5', 'deceived:2.5', 'deception:2.5', 'lying to me:2.5', 'kept it from me:2',
    'hid it from me:2.5', 'all along:1.5',
    'dating profile:2', 'behind my back:2.5', 'texting her ex:1.5', 'texting his ex:1.5', 'active on tinder:2', 'seeing someone else:2',
    'betrayed:3', 'betrayal:3', 'betray:2', 'cheated on me:3', 'cheating on me:3', 'lied to me:2.5', 'behind my back:2.5',
    'stabbed in the back:3', 'backstabbed:3', 'deceived:2.5', 'double life:2.5', 'two faced:2', 'used me:1.5',
    'played me:2', 'made a fool of me:2.5', 'fooled:1.5', 'lied about:1.5', 'broke my trust:3', 'broken trust:2',
    'broke his promise:2', 'broke her promise:2', 'went behind:2', 'with my best friend:2', 'affair:1.5', 'sneaky:1.5',
    'he cheated:2.5', 'she cheated:2.5', 'his affair:2.5', 'her affair:2.5', 'the other woman:2', 'the other man:2',
    'slept with my:2', 'been lying:2', 'lying to me:2.5', 'lies to me:2.5', 'keeps lying:1.5',
  ],
  overwhelmed: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'teething:2', 'twins:1.5', 'no sleep:2', 'sleep deprived:2.5', 'can not keep up:2.5', 'too much:1.5', 'all on me:2.5', 'everything on me:2.5',
    'drowning:2.5', 'so much:1', 'parenting plan:0.5', 'can not agree on anything:1.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'so much to:1.5', 'how do i even:2', 'where do i even start:2.5', 'where do i start:2', 'can not even:1.5', 'buried:1.5', 'juggling:2',
    'no time:1.5', 'no sleep:1.5', 'sleep deprived:2', 'barely keeping up:2.5', 'chaos:2', 'chaotic:2', 'hectic:2', 'crazy busy:2',
    'keeps spinning:1', 'exhausted:2', 'exhausting:1.5', 'overwhelmed:3', 'overwhelming:2.5', 'too much:1.5', 'drowning:2.5', 'can not cope:3',
    'at my limit:2.5', 'breaking point:2.5', 'burnt out:2.5', 'burned out:2.5', 'falling apart:2', 'everything at once:2.5', 'so much going on:2.5',
    'all on me:2.5', 'everything on me:2.5', 'do everything:1.5', 'doing everything:1.5', 'tired:1', 'so tired:1.5', 'worn out:2', 'wiped:1.5',
    'spread thin:2.5', 'can not breathe:1.5', 'spiraling:1.5', 'a lot:0.7', 'so many:1',
    'drained:2', 'no energy:1.5', 'not have the energy:2', 'so much going on:2.5', 'wiped out:2', 'running on fumes:2.5', 'on empty:1.5', 'too many things:1.5', 'cannot keep up:2', 'the twins:0.5', 'do not sleep:1',
    'just tired:1.5', 'so tired:1.5', 'exhausted:1.5', 'tired all the time:2', 'too much for:1', 'burden:1', 'no idea how to:1.5', 'exhausting:1.5',
    'overwhelmed:3', 'overwhelming:2.5', 'too much:1.5', 'a lot going on:2', 'drowning:2.5', 'can not cope:3',
    'not cope:2', 'can not handle:2.5', 'not handle:1.5', 'can not take it:2.5', 'not take it anymore:2.5',
    'at my limit:2.5', 'breaking point:2.5', 'burnt out:2.5', 'burned out:2.5', 'burnout:2.5', 'exhausted:1.5',
    'falling apart:2', 'swamped:2', 'everything at once:2.5', 'losing it:1.5', 'losing my mind:2', 'crumbling:2',
    'can not keep up:2', 'stretched thin:2.5', 'stressed out:2', 'all at once:1.5', 'head is spinning:2',
    'barely holding it together:3', 'so much:0.6', 'a mess:1.5', 'i am a mess:2.5', 'all over the place:1.5',
  ],
  frustrated: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'can not agree on anything:2', 'agree on anything:1.5', 'again:0.8', 'every little thing:2', 'over nothing:1.5', 'debate:1.5',
    'who is right:1.5', 'says ok:1.5', 'and that is it:1.5', 'no spark:1.5', 'any of them:1', 'still no:1.5', 'years and still:2',
    'expects me to:1.5', 'or he gets upset:1.5', 'within minutes:1', 'said yes:1', 'without asking:1.5', 'keeps:0.6', 'she keeps:1', 'he keeps:1',
    'they keep:1', 'keep asking:1.5', 'makes me sick:1', 'ugh:2', 'sick of:2.5', 'tired of:2', 'fed up:3',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'stupid:0.8', 'nightmare:2', 'a nightmare:2', 'cancels:1', 'flakes:2', 'flaky:2', 'never pays:1.5', 'they keep:0.8', 'keep asking:1.5',
    'keeps asking:1.5', 'i hate that i:1.5', 'hate it:1.5', 'hate this:1.5', 'driving me insane:2.5', 'drives me insane:2.5', 'brick wall:2',
    'stubborn:2', 'won t even:1', 'why can not he:2', 'why can not she:2', 'why does he:1.5', 'why does she:1.5', 'why will not:1.5',
    'why do i always:1.5', 'why do i keep:1.5', 'smh:2', 'fml:2', 'exhausting:1.5', 'no progress:2', 'going in circles:2.5', 'circles:1.5',
    'on repeat:1', 'same argument:1.5', 'sulking:1', 'how do i stop:1.5', 'ridiculous:1.5', 'mismatched:1', 'tension:1', 'stuck:1',
    'still stuck:1.5', 'nobody actually:1', 'swipe swipe:1.5', 'every time:1.5', 'every single time:2', 'again:0.8', 'third time:1.5',
    'once again:1.5', 'yet again:2', 'for the * time:1', 'constantly:1', 'argue:1', 'arguing:1', 'fight:0.8', 'fighting:1', 'disagree:1',
    'annoying:2', 'annoyed:2.5', 'irritated:2.5', 'irritating:2', 'fed up:3', 'sick of:2.5', 'tired of:2', 'had enough:2.5', 'done with:1.5',
    'so done:2', 'over it:1.5', 'ugh:2', 'argh:2', 'not listen:1.5', 'never listens:2', 'talking to a wall:2.5', 'one word:1', 'no effort:1.5',
    'refuses to:1.5', 'will not talk:1.5', 'will not even:1.5', 'criticize:1', 'criticizes:1.5', 'pointless:1', 'waste:1', 'nothing changes:2',
    'never changes:2', 'getting nowhere:2',
    'every single time:1.5', 'nonstop:1', 'keeps saying:1.5', 'keeps changing:1.5', 'he keeps:0.8', 'she keeps:0.8', 'blowups:1.5', 'snap at:1.5', 'overreacting:1.5', 'talking past:1.5', 'maybe next year:1.5', 'gets upset if:1', 'need fixing:1',
    'up the wall:2.5', 'nothing gets resolved:2.5', 'nothing ever gets resolved:2.5', 'wearing us down:2', 'wearing me down:2', 'exhausted by:1.5', 'refuses:1', 'refuse:1', 'never apologises:1.5', 'constantly:1', 'constant:1', 'every time:1', 'always takes:1.5', 'again:0.5', 'won t say anything:1.5', 'not say anything:1', 'annoys me:2.5', 'waste of time:2', 'going nowhere:2', 'forced now:1.5', 'same way:1',
    'frustrated:3', 'frustrating:3', 'frustration:3', 'annoyed:2.5', 'annoying:2', 'irritated:2.5', 'irritating:2',
    'fed up:3', 'sick of:2.5', 'tired of:2', 'sick and tired:3', 'had enough:2.5', 'exasperated:3', 'over it:1.5',
    'done with:1.5', 'so done:2', 'keeps happening:1.5', 'again and again:1.5', 'nothing changes:2', 'never changes:2',
    'same thing:1', 'banging my head:2.5', 'ugh:2', 'argh:2', 'why does he always:2', 'why does she always:2',
    'drives me crazy:2.5', 'driving me crazy:2.5', 'drives me nuts:2.5', 'over and over:1.5', 'same fight:1.5',
    'never listens:1.5', 'not listen:1.5', 'talking to a wall:2.5',
  ],
  hopeless: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'what is it about me:1.5', 'every ex:1.5', 'all my exes:1.5', 'never the first choice:1.5', 'no spark with any:1.5', 'none of them:1',
    'any of them:0.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'nobody will ever:2.5', 'nobody actually wants:2', 'nobody wants:1.5', 'always ends:2', 'ends the same way:2', 'never works:2',
    'never work out:2.5', 'single forever:2', 'tired of trying:2', 'why bother:2.5', 'nothing i do:1.5', 'nothing helps:2', 'why would anyone:2.5',
    'who would want:2', 'never enough:1', 'no one will:1.5', 'give up:1.5', 'giving up:1.5', 'no hope:3', 'hopeless:3', 'what is the point:2.5',
    'pointless:2', 'no point:2', 'never going to:1.5', 'never find:2', 'never be happy:2.5', 'nothing will change:2.5', 'doomed:2.5', 'too late:1.5',
    'it will never:1.5', 'will never:1', 'never get over:2', 'never move on:2', 'every relationship:1', 'still stuck:1', 'cycle again:1.5',
    'same cycle:1', 'what is wrong with me:1.5', 'not worth it:1.5', 'i give up:3', 'lost cause:3', 'stuck:0.8',
    'not worth anyone:2', 'never get:1.5', 'no chance:2', 'what is the point:2', 'can not see a future:2.5',
    'will i ever:2', 'if i will ever:2', 'ever find someone:1.5', 'nobody stays:2', 'no one stays:2', 'why would anyone:2', 'pointless:2', 'nothing makes me happy:1.5',
    'hopeless:3', 'no hope:3', 'lost hope:3', 'losing hope:2.5', 'pointless:2', 'no point:2', 'what is the point:2.5',
    'give up:1.2', 'giving up:1.2', 'gave up:0.8', 'never going to:1.5', 'never find:2', 'never be happy:2.5',
    'never get better:2.5', 'nothing will change:2.5', 'nothing ever changes:2.5', 'doomed:2.5', 'no way out:2.5',
    'no future:2', 'stuck forever:2.5', 'end up alone:2.5', 'die alone:2.5', 'forever alone:2', 'unfixable:2.5',
    'beyond repair:2.5', 'too late:1.5', 'nothing works:2', 'can not see a way:2.5', 'never love again:2.5',
    'never find anyone:2.5', 'no one will ever:2', 'it will never:1.5', 'never be enough:2',
  ],
  scared: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'freaking out:2', 'freak out:1.5', 'terrified:3', 'scared:2.5', 'afraid:2.5', 'scary:2', 'petrified:3',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'panic attack:1.5', 'waiting for him to leave:2', 'waiting for her to leave:2', 'lose the house:1.5', 'lose everything:2', 'freaked out:2',
    'terrified:3', 'scared:2.5', 'afraid:2.5', 'fear:2', 'frightened:3', 'frightening:2.5', 'scares me:2.5', 'terrifies me:3', 'petrified:3',
    'scary:2', 'on my own at:1', 'losing him:1.5', 'losing her:1.5', 'losing you:1.5', 'lose him:1.5', 'lose her:1.5', 'unsafe:3', 'not safe:2.5',
    'threatened:1',
    'scared to go home:3', 'scared to lose:2', 'scared of losing:2', 'just scared:2', 'terrified of:3', 'will kill me:2',
    'scared:2.5', 'afraid:2.5', 'fear:2', 'fearful:2.5', 'terrified:3', 'frightened:3', 'scary:2', 'petrified:3',
    'unsafe:3', 'not safe:2.5', 'intimidated:2', 'freaked:1.5', 'creeped out:2', 'terrifies me:3', 'scares me:2.5',
    'afraid to be alone:2.5', 'scared to be alone:2.5', 'scared of him:3', 'afraid of him:3', 'fear of:1.5',
  ],
  numb: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'can not be bothered:2.5', 'cannot be bothered:2.5', 'be bothered:1.5', 'stopped replying to everyone:2.5', 'stopped caring:2.5',
    'do not care:1.5', 'not care:1', 'whatever:1', 'grey:1', 'going through the motions:2.5', 'nothing matters:1.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'just nothing:2.5', 'meh:2', 'blah:1.5', 'unreal:1', 'does not feel real:2.5', 'not feel real:2.5', 'not care anymore:2', 'not even care:2',
    'whatever:1', 'checked out:2', 'nothing matters:1.5', 'not enjoy:1.5', 'nothing feels:1.5', 'tired of everything:1.5', 'empty:2', 'emptiness:2',
    'numb:3', 'hollow:2.5', 'blank:1.5', 'dead inside:3', 'on autopilot:2.5', 'autopilot:2.5', 'going through the motions:2.5', 'feel nothing:3',
    'not feel anything:3', 'can not feel:2', 'zoned out:2', 'shut off:1.5', 'in shock:2.5', 'shocked:1.5', 'frozen:1.5', 'not even sad:2.5',
    'not sad:1', 'do not know what i feel:2',
    'did not see it coming:1', 'in shock:2.5', 'can not feel anything:3', 'just feel empty:2.5', 'feel empty:2', 'running on empty:1.5',
    'numb:3', 'numbness:3', 'feel nothing:3', 'not feel anything:3', 'empty:2', 'emptiness:2', 'hollow:2.5', 'blank:1.5',
    'dead inside:3', 'shut down:1.5', 'detached:2', 'autopilot:2.5', 'going through the motions:2.5', 'can not cry:2.5',
    'not cry:1.5', 'flat:1.5', 'void:2', 'zombie:2', 'frozen:1.5', 'in shock:2.5', 'shocked:1.5', 'can not feel:2',
    'feel disconnected:1.5',
  ],
  hopeful: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'counting down:2.5', 'till i see:2', 'until i see:2', 'days until:1.5', 'days till:1.5', 'cute guy:2', 'cute girl:2', 'matched with:1.5',
    'chatting:1', 'how soon should we meet:2.5', 'should we meet:1.5', 'can not wait:2.5', 'excited:2.5', 'looking forward:2.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'so much better:2.5', 'much better:2', 'better since:2', 'things have been better:2.5', 'things have been good:2.5', 'going well:2',
    'went well:2', 'went great:2.5', 'good date:2.5', 'really nice:1.5', 'so nice:1.5', 'really like him:2', 'really like her:2', 'i like him:1.5',
    'i like her:1.5', 'butterflies:2.5', 'fingers crossed:2.5', 'wish me luck:2', 'maybe this time:2', 'actually work:1.5', 'make it work:1.5',
    'wants to stay together:1.5', 'getting coffee:1', 'second date:1', 'felt good:2', 'feels good:2', 'feel good:1.5', 'can not wait:2.5',
    'excited:2.5', 'looking forward:2.5', 'hope:2', 'hopes:2', 'hoping:2', 'hopeful:3', 'optimistic:3', 'improving:1.5', 'progress:1.5',
    'working on it:1.5', 'working on us:2', 'willing to work:2', 'getting better:2', 'feel better:2', 'feeling better:2', 'doing better:2',
    'starting to:1', 'new start:2', 'new chapter:2', 'fresh start:2', 'second chance:1.5', 'excited to:2.5', 'thrilled:2.5', 'happy:1.5',
    'happier:2', 'glad:1.5', 'grateful:2', 'proud:1.5',
    'counting down:2.5', 'can not wait:2.5', 'looking forward to:2.5', 'fresh start:2', 'wants to fix it:2', 'want to fix it:2', 'work on it:1.5', 'll ever find:0.5', 'one day:0.5',
    'hopeful:3', 'hope:1.5', 'hoping:1.5', 'optimistic:3', 'excited:2.5', 'looking forward:2', 'getting better:2',
    'feel better:2', 'feeling better:2', 'doing better:2', 'improving:1.5', 'progress:1.5', 'maybe things:1.5',
    'positive:1.5', 'good news:2', 'looking up:2', 'fresh start:2', 'new chapter:2', 'new beginning:2', 'growth:1.5',
    'grateful:2', 'thankful:2', 'proud of myself:2.5', 'proud:1.5', 'happy:1.5', 'happier:2', 'glad:1.5',
    'good day:1.5', 'good week:1.5', 'moving forward:2', 'light at the end:2', 'want to make it work:1.5',
    'willing to try:1.5', 'second chance:1.5', 'things are better:2', 'a bit better:2',
  ],
  relieved: [
    // Semantic-field words and indirect phrasings (second generalisation pass).
    'it is official:1', 'finally over:2.5', 'finally done:2.5', 'done at last:2.5',
    // Word families, idioms and sentence patterns added for unseen wording (generalisation pass).
    'finally:1.5', 'can breathe:2.5', 'i can breathe:2.5', 'felt good:1.5', 'feels good:1', 'weirdly good:2.5', 'peace:1.5', 'glad it is over:3',
    'no more:1', 'free of:2', 'better off:1.5', 'blocked him:1', 'blocked her:1', 'relieved:3', 'relief:2.5', 'weight off:2.5', 'weight lifted:2.5',
    'lighter:1.5', 'finally free:3', 'free:1', 'freedom:1.5', 'at peace:2.5', 'calmer:2', 'breathe again:2.5', 'thank god:1.5', 'phew:2',
    'off my chest:2', 'good riddance:3', 'dodged a bullet:3', 'for the best:2', 'for the first time in:1.5', 'happy it is over:3', 'glad i left:3',
    'glad we:1.5',
    'relieved:3', 'relief:2.5', 'weight off:2.5', 'weight lifted:2.5', 'lighter:1.5', 'finally free:3', 'free:1',
    'freedom:1.5', 'at peace:2.5', 'peaceful:2', 'calmer:2', 'calm:1', 'glad it is over:3', 'relieved it is over:3',
    'can breathe again:3', 'breathe again:2', 'thank god:1.5', 'phew:2', 'off my chest:2', 'better off without him:2',
    'better off without her:2',
  ],
};

/**
 * Co-occurrence cues per emotion: sentence patterns that carry a feeling without naming it
 * ("why does he always..." is frustration, "nobody texts me" is loneliness, "I can't stop
 * thinking about..." is worry). Same format as the topic cues.
 */
export const EMOTION_CUES: readonly CueRule<EmotionId>[] = [
  { name: 'why does he always', label: 'frustrated', weight: 1.5, ordered: true, window: 5,
    families: [['why'], PARTNER_WORDS, ['always', 'never', 'keeps', 'will not', 'can not', 'does not', 'refuses']] },
  { name: 'again and again', label: 'frustrated', weight: 1.5, ordered: true, window: 5,
    families: [['again', 'every time', 'always', 'keeps', 'constantly', 'still'], ['cancels', 'forgets', 'lies', 'late', 'ignores', 'flakes', 'yells', 'blames', 'interrupts', 'criticizes', 'complains', 'nags', 'brings up']] },
  { name: 'brushed aside', label: 'hurt', weight: 1.5, ordered: true, window: 4,
    families: [PARTNER_WORDS, ['ignores', 'ignored', 'dismissed', 'dismisses', 'brushed off', 'shrugged', 'laughed', 'rolled his eyes', 'rolled her eyes', 'forgot', 'forgets', 'walked away', 'hung up']] },
  { name: 'can not stop worrying', label: 'anxious', weight: 1.5, ordered: true, window: 3,
    families: [['can not stop', 'keep', 'keeps', 'constantly', 'all night'], ['thinking', 'worrying', 'checking', 'overthinking', 'replaying', 'wondering', 'refreshing']] },
  { name: 'nobody reaches out', label: 'lonely', weight: 2, ordered: true, window: 5,
    families: [['nobody', 'no one', 'everyone', 'all my friends', 'none of my friends'], ['texts', 'calls', 'invites', 'asks', 'checks', 'cares', 'has someone', 'coupled', 'plans', 'notices', 'talks to me']] },
  { name: 'no touch', label: 'hurt', weight: 1, window: 6, negatable: true,
    families: [['touch', 'touched', 'sex', 'cuddle', 'hug', 'kiss', 'affection', 'intimate'], ['never', 'not', 'no', 'anymore', 'stopped', 'rejected', 'pulls away', 'turns me down']] },
  { name: 'if i were better', label: 'hurt', weight: 1.5, ordered: true, window: 5,
    families: [['if i was', 'if i were', 'if only i', 'maybe if i'], ['prettier', 'thinner', 'skinnier', 'smarter', 'funnier', 'hotter', 'better', 'more', 'enough', 'different']] },
  { name: 'partner left', label: 'sad', weight: 1, ordered: true, window: 5, notBetween: ['i'],
    families: [PARTNER_WORDS, ['left', 'dumped', 'ended', 'broke up', 'walked out', 'gone', 'moved out', 'packed']] },
  { name: 'partner with someone else', label: 'betrayed', weight: 2, ordered: true, window: 8, notBetween: ['i'],
    families: [PARTNER_WORDS, ['sleeping with', 'slept with', 'hooked up with', 'kissed', 'affair with', 'sexting', 'texting', 'messaging', 'seeing', 'on'], ['someone', 'another', 'other', 'coworker', 'ex', 'friend', 'tinder', 'hinge', 'bumble', 'girl', 'guy', 'woman', 'man']] },
  { name: 'me with someone else', label: 'guilty', weight: 2, ordered: true, window: 8, notBetween: ['he', 'she', 'boyfriend', 'girlfriend', 'husband', 'wife', 'partner'],
    families: [['i'], ['slept with', 'sleeping with', 'hooked up with', 'kissed', 'made out with', 'affair with', 'sexting', 'texting', 'flirting with', 'had a one night stand', 'had a fling'], ['someone', 'another', 'other', 'coworker', 'ex', 'friend', 'girl', 'guy', 'woman', 'man', 'back', 'stand', 'fling']] },
  { name: 'finally free of it', label: 'relieved', weight: 1.5, ordered: true, window: 6,
    families: [['finally', 'at last', 'for the first time'], ['deleted', 'blocked', 'left', 'over', 'free', 'breathe', 'sleep', 'good', 'better', 'calm', 'peace', 'done', 'signed', 'moved out']] },
];

/**
 * Where a hedged feeling goes: "what if he cheats on me" is worry about betrayal, not betrayal
 * (see the detector's hedging).
 */
export const HEDGED_EMOTIONS: Partial<Record<EmotionId, EmotionId>> = {
  betrayed: 'anxious', hurt: 'anxious', sad: 'anxious', lonely: 'anxious',
};
