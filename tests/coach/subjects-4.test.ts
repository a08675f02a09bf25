import { createBlocksEngine } from '../../src/coach';
import { holdsSubjectAnswer, realLibrary, subjectTables } from './helpers';

/**
 * A fourth round of questions people bring to a relationship coach that got an answer fitting any
 * question ("work out the first small step you could take", "I can't know that for certain"):
 * children asking about a separation, family and new partners later in life, money, gifts and
 * milestones, friends leaning on you through their breakup, questions at family gatherings, faith
 * and culture, an age gap, counselling, an ex's family and shared friends, saying no to sex, a
 * partner working away, weddings during a breakup, caring for a partner, retirement and an empty
 * nest. Each gets its own subject's answer on wordings written for this test, and near misses
 * sharing its words (someone else's act, a different relationship) do not. Each runs under several
 * seeds.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });

const ASKED: Record<string, string[]> = {
  child_asks_if_parents_reunite: [
    'my daughter keeps asking if me and her dad are getting back together, what do i say',
    'my 6 year old asked are you and daddy getting back together, how do i answer that',
  ],
  explain_staying_with_relative: [
    'how do i explain to my son why were staying at grandmas for a while',
    'what do i tell the kids about why we are living with my sisters for now',
  ],
  child_blames_self_for_split: [
    'my son thinks its his fault we split up, what do i say',
    'my daughter blames herself for the divorce, how do i help her',
  ],
  tell_adult_children_new_partner: [
    'how do i tell my adult kids im seeing someone new',
    'should i tell my grown up daughter about my new boyfriend',
  ],
  love_two_people: [
    'is it possible to love two people at the same time',
    'can you really be in love with two people',
  ],
  better_with_money_personally: [
    'im terrible with money, how do i get better',
    'how do i get better with money',
  ],
  money_as_a_couple: [
    'how can we get better with money as a couple',
    'how should my husband and i manage our money',
  ],
  partner_says_bad_with_money: [
    'my husband says im bad with money, is he right',
    'my wife keeps telling me im terrible with money, is she right?',
  ],
  gift_for_partner: [
    'what should i get my husband for his 50th birthday',
    'what should i get my wife for our anniversary',
  ],
  celebrate_parents_milestone: [
    'how do we celebrate my parents 40th wedding anniversary',
    'what should i get my mum for her 70th birthday',
  ],
  friend_leans_on_me_about_breakup: [
    'my friend keeps asking me for advice about her divorce, how do i support her without it taking over',
    'my coworker keeps venting to me about her breakup, how do i handle it',
  ],
  breakup_questions_at_gatherings: [
    'what do i say when family ask about my breakup at christmas',
    'my cousin asks me every family dinner why we split, what do i say',
  ],
  answer_people_who_ask_about_split: [
    'how do i respond when neighbours ask about the separation',
    'how do i answer when people ask what happened with my ex',
  ],
  insecure_about_partners_friend: [
    'how do i tell my boyfriend i feel insecure about his friend',
    'his best friend is a girl and i feel insecure, how do i tell him',
  ],
  parent_living_with_us: [
    'my mother in law lives with us, how do we share the kitchen',
    'my mil took over the kitchen, how do i handle it',
  ],
  parent_moving_in_decision: [
    'should my dad move in with us',
    'should we let my mother in law move in with us',
  ],
  tell_parents_different_faith: [
    'how do i tell my parents im dating someone of a different religion',
    'how do i tell my parents my boyfriend is muslim',
  ],
  different_faiths_together: [
    'how do we raise kids if were different religions',
    'can a relationship work with different religions?',
  ],
  age_gap_what_people_say: [
    'what will people say about our age gap',
    'how do i deal with people judging our age gap',
  ],
  suggest_couples_counselling: [
    'how do i bring up couples counselling with my husband',
    'should we go to couples therapy',
  ],
  friends_with_exs_family: [
    'can i stay friends with my exs family',
    'how do i stay close with my ex mother in law',
  ],
  keep_mutual_friends: [
    'who gets the friends after a breakup?',
    'how do i keep our mutual friends after the divorce',
  ],
  say_no_to_sex_kindly: [
    'how do i say no to sex without hurting him',
    'i dont want sex tonight, how do i tell him without hurting him',
  ],
  partner_works_away: [
    'my husband works offshore, how do we stay connected',
    'my boyfriend is at sea for months and we keep fighting on calls, what do i do',
  ],
  ex_wants_friends_right_away: [
    'my ex dumped me and wants to be friends already, should i?',
    'he broke up with me yesterday and said we can still be friends, should i',
  ],
  bridesmaid_during_breakup: [
    'my best friend asked me to be her bridesmaid but im going through a breakup, what do i do',
    'should i still be a bridesmaid after my breakup',
  ],
  tell_partner_its_over: [
    'how do i tell my husband i want a divorce',
    'how do i ask my wife for a divorce',
  ],
  carer_for_partner_self_care: [
    'how do i look after myself while caring for my sick husband',
    'caring for my wife with dementia and im exhausted, is that normal',
  ],
  pet_after_breakup: [
    'who should keep the dog after we break up',
    'we are getting divorced, how do we decide who keeps the dog',
  ],
  dating_as_single_parent: [
    'when should i tell a date that i have kids',
    'how do i start dating as a single mum',
  ],
  partners_family_other_language: [
    'his family speak a language i dont understand, how do i fit in',
    'how do i connect with my wifes family when i dont speak their language',
  ],
  partner_retired_home_all_day: [
    'my husband retired and is home all day, how do we get used to it?',
    'how do we adjust to my husbands retirement',
  ],
  empty_nest_couple: [
    'the kids have moved out and we have nothing to talk about, is that normal?',
    'is it normal to feel like strangers now the kids have left home?',
  ],
  wedding_planning_fights: [
    'how do we stop fighting about the wedding planning',
    'my mother in law is taking over our wedding, what do i do',
  ],
  waiting_for_proposal: [
    'should i keep waiting for him to propose?',
    'my boyfriend still wont propose after 6 years, what do i do',
  ],
  meet_partners_kids: [
    'how do i meet my boyfriends kids for the first time',
    'how do i get on with my girlfriends children',
  ],
  in_laws_dont_like_me: [
    'my in laws dont like me, what do i do',
    'my husbands mum hates me, is that normal',
  ],
  early_gift_new_relationship: [
    'what should i get my girlfriend for christmas weve only been dating two months',
    'what do i get a guy ive only been dating a few weeks for his birthday',
  ],
  partner_always_on_phone: [
    'he is always on his phone when were together, is that normal',
    'how do i get my husband to put down his phone at dinner',
  ],
  go_to_exs_wedding: [
    'should i go to my exs wedding',
    'my ex invited me to his wedding, should i go',
  ],
  wedding_ring_after_ending: [
    'should i still wear my wedding ring',
    'is it weird i still wear my wedding ring after the divorce',
  ],
  our_anniversary_plans: [
    'how should we celebrate our first anniversary',
    'any ideas how to mark our silver wedding anniversary?',
  ],
};

/** Questions sharing a subject's words that ask something else, and must not get its answer. */
const NOT_ASKED: Record<string, string[]> = {
  child_asks_if_parents_reunite: [
    'should me and my ex get back together',
    'my friend keeps asking if we are getting back together',
    'my mum keeps asking if we are getting back together, what do i say',
  ],
  explain_staying_with_relative: ['how do i explain to my mum why were staying at a hotel'],
  child_blames_self_for_split: ['my husband thinks its his fault we split up'],
  tell_adult_children_new_partner: ['how do i tell my kids im seeing someone new'],
  love_two_people: ['is it possible to love someone who hurt you'],
  better_with_money_personally: ['how do i get my husband better with money'],
  money_as_a_couple: ['how do i get my money back from my ex'],
  partner_says_bad_with_money: ['my mum says im bad with money'],
  gift_for_partner: ['what should i get my mum for her birthday'],
  celebrate_parents_milestone: ['my parents forgot my birthday'],
  friend_leans_on_me_about_breakup: ['my ex keeps asking me for advice about his new girlfriend'],
  breakup_questions_at_gatherings: ['should we spend christmas with his family or mine'],
  answer_people_who_ask_about_split: ['what do i say to my ex when he asks to meet'],
  insecure_about_partners_friend: ['how do i tell my friend i feel insecure about her boyfriend'],
  parent_living_with_us: ['my mum lives alone and i worry about her'],
  parent_moving_in_decision: ['should my boyfriend move in with us'],
  tell_parents_different_faith: ['how do i tell my parents im dating someone'],
  different_faiths_together: ['can a relationship work after cheating'],
  age_gap_what_people_say: ['what will people say about my divorce'],
  suggest_couples_counselling: ['should i go to therapy for my anxiety'],
  friends_with_exs_family: ['can i stay friends with my ex'],
  keep_mutual_friends: ['how do i make new friends after moving'],
  say_no_to_sex_kindly: [
    'how do i say no to my mum without hurting her',
    'how do i get my wife to stop saying no to sex',
  ],
  partner_works_away: [
    'my husband works late every night',
    'my mum works abroad, how do i stay close to her',
  ],
  ex_wants_friends_right_away: ['can i be friends with my ex after a year'],
  bridesmaid_during_breakup: ['what should i wear as a bridesmaid'],
  tell_partner_its_over: ['how do i tell my friend its over with my boyfriend'],
  carer_for_partner_self_care: ['how do i look after myself after a breakup'],
  pet_after_breakup: ['should we get a dog together'],
  dating_as_single_parent: ['when should my kids meet my new girlfriend'],
  partners_family_other_language: ['how do i connect with my wife'],
  partner_retired_home_all_day: ['my dad just retired, what should i get him'],
  empty_nest_couple: ['my son moved out and wont call me'],
  wedding_planning_fights: ['should i go to the wedding'],
  waiting_for_proposal: ['how do i propose to my girlfriend'],
  meet_partners_kids: ['when should my kids meet my boyfriend'],
  in_laws_dont_like_me: ['my mum doesnt like my husband'],
  early_gift_new_relationship: ['should i text him after only two dates'],
  partner_always_on_phone: ['is it normal to be on my phone all the time'],
  go_to_exs_wedding: ['should i invite my ex to my wedding'],
  wedding_ring_after_ending: ['how do i choose an engagement ring for her'],
  our_anniversary_plans: ['my husband forgot our anniversary'],
};

subjectTables(engine, ASKED, NOT_ASKED, holdsSubjectAnswer);
