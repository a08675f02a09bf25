import { createBlocksEngine } from '../../src/coach';
import { holdsSubjectAnswer, realLibrary, subjectTables } from './helpers';

/**
 * A second round of questions people often bring to a relationship coach that got an answer
 * fitting any situation ("work out the first small step you could take"), most of them absent from
 * the development sets: each gets its own subject's answer on wordings written for this test, and
 * a near miss sharing its words (someone else's act, a family instead of a partner, a danger the
 * safety layer owns) does not. Each runs under several seeds.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });

const ASKED: Record<string, string[]> = {
  crush_never_dated: [
    'i fancied this guy for a year and nothing ever happened, how do i get over him',
    'is it normal to be this heartbroken over someone i never dated',
  ],
  make_friends_as_adult: [
    'how do i make new friends after moving to a new city',
    'is it normal to have zero friends at 32',
  ],
  know_if_in_love: ['how can you tell if youre really in love', 'is this love or just infatuation'],
  move_in_together: [
    'weve been dating a year, should we move in together',
    'is it normal to be scared about moving in with my girlfriend',
  ],
  stay_after_cheating: [
    'should i forgive her after she cheated on me',
    'do you think i should stay with him after the affair',
  ],
  trust_again: ['how can i ever trust anyone again', 'will i ever be able to trust men again'],
  stop_checking_location: [
    'how do i stop tracking my boyfriends location on snap map',
    'is it bad that i check his location like 20 times a day',
  ],
  deal_with_partners_ex: [
    'how do i handle my boyfriends ex wife, shes so rude to me',
    'my girlfriends ex keeps texting her and is rude to me, how do i handle it',
  ],
  holidays_after_divorce: [
    'whats the best way to get through christmas after my divorce',
    'first christmas alone since the split, how do i cope',
  ],
  forgive_myself: ['how do i stop beating myself up about it', 'how can i forgive myself'],
  stop_texting_ex: [
    'how do i stop myself from messaging my ex every night',
    'i keep breaking no contact, how do i stop',
  ],
  share_my_past: [
    'should i tell him about my mental health',
    'should i tell my new boyfriend about my debts',
  ],
  stop_being_needy: [
    'how do i stop being so clingy with my boyfriend',
    'how do i stop being so insecure with my girlfriend',
  ],
  get_ex_back: ['how do i win her back', 'how do i make my ex want me back'],
  closure: ['how do i find closure after a breakup', 'i never got closure, how do i move on'],
  turn_someone_down: [
    'how do i turn him down without hurting his feelings',
    'how do i reject a guy nicely after one date',
  ],
  communicate_better: [
    'how do i get my husband to actually listen to me',
    'how do we communicate better as a couple',
  ],
  earn_trust_back: [
    'how do i regain my wifes trust after i lied about money',
    'how do i earn her trust back',
  ],
  introduce_partner_to_kids: ['when should my kids meet my new girlfriend'],
  keep_the_spark: [
    'how do we keep the romance alive after kids',
    'how do we bring back the passion',
  ],
  long_distance_work: [
    'how do you make a long distance relationship work',
    'is a long distance relationship worth it?',
  ],
  bored_in_relationship: [
    'were stuck in a rut, is that normal',
    'our marriage feels boring, is that normal',
  ],
  prenup: ['should we sign a prenup', 'should we get a prenup before the wedding'],
  baby_to_fix_things: ['would a baby save our marriage?'],
  support_anxious_partner: [
    'how do i help my girlfriend with her panic attacks',
    'how can i support my boyfriend with his anxiety',
  ],
  stepparenting: ['my stepdaughter hates me, what do i do', 'how do i be a good stepparent'],
  forgive_someone: ['how do i let go of a grudge', 'how can you forgive someone who isnt sorry'],
  distance_from_a_parent: [
    'should i go no contact with my mum',
    'should i cut contact with my dad',
  ],
  feelings_for_a_friend: [
    'i think im falling for my best friend, what should i do',
    'how do i tell my friend i have feelings for her',
  ],
  stop_overthinking: [
    'how do i stop overthinking every text he sends',
    'how do i stop overanalysing everything he says',
  ],
  give_them_space: [
    'my girlfriend said she needs space, what do i do',
    'he asked for space, how much should i give him',
  ],
  // Older subjects whose cues missed a common wording.
  second_chance: ['should i go back to my ex'],
  what_to_tell_people: ['how do i tell my friends that we split up'],
  know_when_to_leave: [
    'how do you know when its time to leave a relationship',
    'how do you know its over',
  ],
};

/** Questions sharing a subject's words that ask something else, and must not get its answer. */
const NOT_ASKED: Record<string, string[]> = {
  stop_checking_location: [
    'how do i stop him checking my location',
    'my boyfriend tracks my location, is that normal',
  ],
  stop_texting_ex: ['how do i stop him texting his ex'],
  share_my_past: ['should i tell him about my past relationships'],
  stop_being_needy: ['how do i get him to stop being so clingy', 'how do i stop feeling anxious'],
  get_ex_back: ['how do i get him back for what he did'],
  make_friends_as_adult: [
    'is it normal that my boyfriend has no friends',
    'should i make friends with his ex',
  ],
  know_when_to_leave: ['how do i know when to text him'],
  keep_the_spark: ['how do you keep it interesting when you can only talk on facetime'],
  turn_someone_down: ['how do i turn down my mums invitation without upsetting her'],
  set_boundaries_in_relationship: [
    'how do i set boundaries with my mum',
    'how do i set boundaries with my boyfriend, he hits me when im out with friends',
  ],
  stay_after_cheating: ['should i stay after he cheated and threatened me'],
};

subjectTables(engine, ASKED, NOT_ASKED, holdsSubjectAnswer);
