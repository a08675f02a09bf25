/**
 * Emotion lexicons: feeling words, everyday phrasings and the events that plainly carry a feeling
 * ("cheated on me" carries betrayal). Same format as the topic lexicons.
 */
import type { Lexicon } from './matcher';
import type { EmotionId } from './types';

export const EMOTION_LEXICON: Lexicon<EmotionId> = {
  sad: [
    'sad:2', 'sadness:2', 'unhappy:1.5', 'down:1', 'upset:1.5', 'crying:2', 'cry:1.5', 'cried:2', 'tears:2', 'tearful:2',
    'sobbing:2.5', 'sob:2', 'heartbroken:2.5', 'broken hearted:2.5', 'devastated:2.5', 'gutted:2', 'miserable:2',
    'depressed:1.5', 'blue:1', 'grief:2', 'grieving:2', 'mourning:2', 'heavy heart:2.5', 'heartache:2', 'miss him:1.5',
    'miss her:1.5', 'miss them:1.5', 'missing him:1.5', 'missing her:1.5', 'miss us:1.5', 'broke my heart:2', 'feel low:2',
    'feeling low:2', 'sorrow:2', 'bummed:1.5', 'bummed out:2', 'crushed:1.5', 'in pieces:2', 'falling apart:1',
    'teary:2', 'weep:2', 'weeping:2', 'melancholy:2', 'heart hurts:2', 'heart is broken:2.5', 'low:0.7', 'sad all the time:2.5',
    'cry myself to sleep:3', 'feel like crying:2.5', 'breaks my heart:2',
  ],
  hurt: [
    'hurt:2', 'hurts:2', 'hurting:2', 'hurtful:2', 'wounded:2', 'stung:1.5', 'stings:1.5', 'painful:2', 'pain:1.5',
    'ache:1.5', 'aching:1.5', 'broke my heart:2', 'rejected:2', 'rejection:2', 'dismissed:1.5', 'ignored:1.5',
    'let down:2', 'let me down:2', 'disappointed:1.5', 'disappointment:1.5', 'taken for granted:2', 'unappreciated:2',
    'unloved:2', 'not loved:2', 'unwanted:2', 'abandoned:2', 'left me:1.5', 'dumped me:2', 'replaced me:2',
    'humiliated:2', 'cut deep:2', 'cuts deep:2', 'hurt my feelings:2.5', 'broken:1', 'not care about me:2',
    'cheated on me:1.5', 'ghosted me:1.5', 'chose her over me:2.5', 'chose him over me:2.5', 'treated me like:1.5',
    'discarded:2', 'used me:1.5', 'meant nothing:2', 'did not even say goodbye:2', 'not even say goodbye:2',
  ],
  angry: [
    'angry:2.5', 'anger:2', 'mad:2', 'furious:3', 'pissed:2.5', 'pissed off:3', 'rage:2.5', 'raging:2.5', 'livid:3',
    'fuming:3', 'irate:3', 'hate him:2.5', 'hate her:2.5', 'i hate:1.5', 'resent:2', 'resentment:2', 'resentful:2',
    'bitter:2', 'outraged:3', 'infuriating:3', 'infuriated:3', 'seething:3', 'boiling:2', 'disgusted:2', 'how dare:2.5',
    'screw him:2.5', 'screw her:2.5', 'fuck him:2.5', 'fuck her:2.5', 'wtf:1.5', 'makes my blood boil:3', 'so mad:3',
    'heated:1.5', 'angry at:2.5', 'mad at:2.5', 'hate that:1.5', 'hate how:1.5', 'hate when:1.5', 'want to scream:2',
  ],
  anxious: [
    'anxious:2.5', 'anxiety:2.5', 'nervous:2', 'worried:2', 'worry:2', 'worrying:2', 'panic:2', 'panicking:2.5',
    'stressed:2', 'stress:1.5', 'on edge:2', 'uneasy:2', 'restless:1.5', 'tense:1.5', 'overthinking:2.5', 'overthink:2.5',
    'jittery:2', 'freaking out:2', 'freak out:2', 'what if:1.5', 'insecure:1', 'paranoid:2', 'dread:2', 'dreading:2',
    'apprehensive:2', 'can not sleep:1.5', 'racing thoughts:2.5', 'stomach in knots:2.5', 'antsy:2', 'spiraling:2',
    'spiralling:2', 'scared he will:1.5', 'scared she will:1.5', 'afraid he will:1.5', 'afraid she will:1.5',
    'keep checking my phone:2', 'need reassurance:2', 'nervous wreck:3', 'on pins and needles:2.5', 'heart racing:2',
  ],
  confused: [
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
    'lonely:3', 'loneliness:3', 'alone:1.5', 'isolated:2.5', 'by myself:1.5', 'on my own:1', 'no one to talk to:2.5',
    'nobody to talk to:2.5', 'no one cares:2', 'nobody cares:2', 'left out:2', 'invisible:1.5', 'disconnected:1.5',
    'no friends:2', 'miss having someone:2.5', 'forgotten:1.5', 'feel alone:2.5', 'so alone:2.5', 'all alone:2.5',
    'not have anyone:2', 'have no one:2', 'no one gets me:2', 'nobody gets me:2', 'empty house:1.5',
  ],
  jealous: [
    'jealous:3', 'jealousy:3', 'envious:2.5', 'envy:2', 'green with envy:3', 'threatened by:1.5', 'insecure about her:2',
    'insecure about him:2', 'compare myself to her:2', 'comparing myself to her:2', 'possessive:1.5',
    'bothers me that he:1.5', 'bothers me that she:1.5', 'can not stand that she:2', 'can not stand that he:2',
    'why does he talk to her:2', 'prettier than me:2',
  ],
  guilty: [
    'guilty:3', 'guilt:2.5', 'ashamed:2.5', 'shame:2', 'shameful:2', 'regret:2', 'regrets:2', 'regretting:2',
    'my fault:2', 'i messed up:2.5', 'i screwed up:2.5', 'i ruined:2.5', 'ruined everything:2', 'i hurt him:2.5',
    'i hurt her:2.5', 'i feel terrible:2', 'feel awful:1.5', 'feel bad:1', 'blame myself:2', 'i cheated:2',
    'i lied:1.5', 'should not have:1.5', 'remorse:2.5', 'bad person:2', 'terrible person:2.5', 'horrible person:2.5',
    'what i did:1.5', 'i had an affair:2', 'i was unfaithful:2', 'can not forgive myself:3', 'hate what i did:3',
    'i am the problem:2',
  ],
  betrayed: [
    'betrayed:3', 'betrayal:3', 'betray:2', 'cheated on me:3', 'cheating on me:3', 'lied to me:2.5', 'behind my back:2.5',
    'stabbed in the back:3', 'backstabbed:3', 'deceived:2.5', 'double life:2.5', 'two faced:2', 'used me:1.5',
    'played me:2', 'made a fool of me:2.5', 'fooled:1.5', 'lied about:1.5', 'broke my trust:3', 'broken trust:2',
    'broke his promise:2', 'broke her promise:2', 'went behind:2', 'with my best friend:2', 'affair:1.5', 'sneaky:1.5',
    'he cheated:2.5', 'she cheated:2.5', 'his affair:2.5', 'her affair:2.5', 'the other woman:2', 'the other man:2',
    'slept with my:2', 'been lying:2', 'lying to me:2.5', 'lies to me:2.5', 'keeps lying:1.5',
  ],
  overwhelmed: [
    'overwhelmed:3', 'overwhelming:2.5', 'too much:1.5', 'a lot going on:2', 'drowning:2.5', 'can not cope:3',
    'not cope:2', 'can not handle:2.5', 'not handle:1.5', 'can not take it:2.5', 'not take it anymore:2.5',
    'at my limit:2.5', 'breaking point:2.5', 'burnt out:2.5', 'burned out:2.5', 'burnout:2.5', 'exhausted:1.5',
    'falling apart:2', 'swamped:2', 'everything at once:2.5', 'losing it:1.5', 'losing my mind:2', 'crumbling:2',
    'can not keep up:2', 'stretched thin:2.5', 'stressed out:2', 'all at once:1.5', 'head is spinning:2',
    'barely holding it together:3', 'so much:0.6', 'a mess:1.5', 'i am a mess:2.5', 'all over the place:1.5',
  ],
  frustrated: [
    'frustrated:3', 'frustrating:3', 'frustration:3', 'annoyed:2.5', 'annoying:2', 'irritated:2.5', 'irritating:2',
    'fed up:3', 'sick of:2.5', 'tired of:2', 'sick and tired:3', 'had enough:2.5', 'exasperated:3', 'over it:1.5',
    'done with:1.5', 'so done:2', 'keeps happening:1.5', 'again and again:1.5', 'nothing changes:2', 'never changes:2',
    'same thing:1', 'banging my head:2.5', 'ugh:2', 'argh:2', 'why does he always:2', 'why does she always:2',
    'drives me crazy:2.5', 'driving me crazy:2.5', 'drives me nuts:2.5', 'over and over:1.5', 'same fight:1.5',
    'never listens:1.5', 'not listen:1.5', 'talking to a wall:2.5',
  ],
  hopeless: [
    'hopeless:3', 'no hope:3', 'lost hope:3', 'losing hope:2.5', 'pointless:2', 'no point:2', 'what is the point:2.5',
    'give up:1.2', 'giving up:1.2', 'gave up:0.8', 'never going to:1.5', 'never find:2', 'never be happy:2.5',
    'never get better:2.5', 'nothing will change:2.5', 'nothing ever changes:2.5', 'doomed:2.5', 'no way out:2.5',
    'no future:2', 'stuck forever:2.5', 'end up alone:2.5', 'die alone:2.5', 'forever alone:2', 'unfixable:2.5',
    'beyond repair:2.5', 'too late:1.5', 'nothing works:2', 'can not see a way:2.5', 'never love again:2.5',
    'never find anyone:2.5', 'no one will ever:2', 'it will never:1.5', 'never be enough:2',
  ],
  scared: [
    'scared:2.5', 'afraid:2.5', 'fear:2', 'fearful:2.5', 'terrified:3', 'frightened:3', 'scary:2', 'petrified:3',
    'unsafe:3', 'not safe:2.5', 'intimidated:2', 'freaked:1.5', 'creeped out:2', 'terrifies me:3', 'scares me:2.5',
    'afraid to be alone:2.5', 'scared to be alone:2.5', 'scared of him:3', 'afraid of him:3', 'fear of:1.5',
  ],
  numb: [
    'numb:3', 'numbness:3', 'feel nothing:3', 'not feel anything:3', 'empty:2', 'emptiness:2', 'hollow:2.5', 'blank:1.5',
    'dead inside:3', 'shut down:1.5', 'detached:2', 'autopilot:2.5', 'going through the motions:2.5', 'can not cry:2.5',
    'not cry:1.5', 'flat:1.5', 'void:2', 'zombie:2', 'frozen:1.5', 'in shock:2.5', 'shocked:1.5', 'can not feel:2',
    'feel disconnected:1.5',
  ],
  hopeful: [
    'hopeful:3', 'hope:1.5', 'hoping:1.5', 'optimistic:3', 'excited:2.5', 'looking forward:2', 'getting better:2',
    'feel better:2', 'feeling better:2', 'doing better:2', 'improving:1.5', 'progress:1.5', 'maybe things:1.5',
    'positive:1.5', 'good news:2', 'looking up:2', 'fresh start:2', 'new chapter:2', 'new beginning:2', 'growth:1.5',
    'grateful:2', 'thankful:2', 'proud of myself:2.5', 'proud:1.5', 'happy:1.5', 'happier:2', 'glad:1.5',
    'good day:1.5', 'good week:1.5', 'moving forward:2', 'light at the end:2', 'want to make it work:1.5',
    'willing to try:1.5', 'second chance:1.5', 'things are better:2', 'a bit better:2',
  ],
  relieved: [
    'relieved:3', 'relief:2.5', 'weight off:2.5', 'weight lifted:2.5', 'lighter:1.5', 'finally free:3', 'free:1',
    'freedom:1.5', 'at peace:2.5', 'peaceful:2', 'calmer:2', 'calm:1', 'glad it is over:3', 'relieved it is over:3',
    'can breathe again:3', 'breathe again:2', 'thank god:1.5', 'phew:2', 'off my chest:2', 'better off without him:2',
    'better off without her:2',
  ],
};
