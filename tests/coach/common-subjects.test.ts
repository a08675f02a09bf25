import { createBlocksEngine } from '../../src/coach';
import { leadsWithSubject, realLibrary, subjectTables } from './helpers';

/**
 * Questions people often bring to a relationship coach that used to get an answer fitting any
 * situation ("work out the first small step you could take"): each now gets its own subject's
 * answer, a view with concrete moves, on wordings written for this test; and a near miss that
 * shares its words but asks something else does not. Each runs under several seeds.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });

const ASKED: Record<string, string[]> = {
  act_normal_at_school: [
    'how do i act normal in chemistry when he sits behind me',
    'how do i face her in class after she rejected me',
  ],
  nosy_relatives_comments: [
    'how do i deal with the aunties asking when im getting married',
    'my relatives keep asking when its my turn, how do i answer them',
  ],
  handovers_for_kids: [
    'how do i make handovers easier for my kids',
    'my son cries at every handover, how can i make it less awful',
  ],
  help_more_at_home: [
    'how do i get my husband to help more around the house',
    'my boyfriend doesnt help at home at all, how do i bring it up',
  ],
  tell_parent_new_partner: [
    'how do i tell my parents i have a girlfriend',
    'should i tell my mum about my new boyfriend',
  ],
  dating_later_in_life: ['is it silly to fall in love at 70', 'am i too old to start dating again'],
  move_for_partner: [
    'should i move abroad to be with my girlfriend',
    'should i move to berlin or ask him to come here',
  ],
  reply_to_ex_contact: [
    'my ex texted me out of nowhere, should i reply',
    'how do i respond to my ex',
  ],
  support_grieving_person: [
    'how do i support my girlfriend, her dad died last week',
    'my best friend lost her mum, how do i support her',
  ],
  fertility_loss: [
    'how do i support my wife after her miscarriage',
    'is it normal to hate pregnancy announcements since our ivf failed',
  ],
  letter_to_estranged: [
    'how do i reach out to my estranged dad',
    'should i send a message to my sister, we havent spoken in years',
  ],
  say_no_to_family: [
    'how do i say no to my mum without upsetting her',
    'my parents want me to move back home, how do i tell them no',
  ],
  text_first_after_date: [
    'who should text first after a first date',
    'is it too eager to text her first after a date',
  ],
  feeling_jealous: [
    'is it normal to feel so jealous all the time',
    'how do i stop being so jealous',
  ],
  angry_at_someone_ill: [
    'is it normal to be angry at my husband since his cancer diagnosis',
    'is it normal to resent my mum now she has dementia',
  ],
  never_fight: [
    'we never argue, is that a bad sign',
    'is it normal that weve never had a single fight in two years',
  ],
  house_sell_or_buy_out: [
    'should we sell the house or should i buy him out',
    'can i afford to buy her out of the house',
  ],
  apologise_without_all_blame: [
    'how do i apologise without accepting all the blame',
    'how do i say sorry for my part of it',
  ],
  tell_crush: ['how do i ask her out', 'how do i tell him i have feelings for him'],
  friends_with_ex: ['is it possible to stay friends with my ex', 'should i be friends with an ex'],
  holidays_whose_family: [
    'whose family should we spend christmas with',
    'how do we split the holidays between both families',
  ],
  what_to_talk_about: [
    'what on earth do we talk about on a first date?',
    'what do i do if i run out of things to say on the date?',
  ],
};

/** Questions sharing a subject's words that ask something else, and must not get its answer. */
const NOT_ASKED: Record<string, string[]> = {
  feeling_jealous: [
    'my boyfriend is so jealous, is that normal',
    'is it normal to be jealous of my exs new girlfriend',
  ],
  angry_at_someone_ill: [
    'ill tell him im angry tomorrow, is that ok',
    'is it normal to be angry about my own diagnosis',
  ],
  dating_later_in_life: ['is it silly to be lonely at my age', 'is it normal to still cry at 60'],
  say_no_to_family: ['my parents refuse to meet my girlfriend, is that normal'],
  tell_crush: ['how do i tell him how i feel about the chores'],
  move_for_partner: ['who should move out of the flat, me or him', 'should i ask him to come back'],
  support_grieving_person: ['how do i support him after he lost his job'],
  text_first_after_date: ['should i text him first after our fight'],
  act_normal_at_school: ['how do i act normal at his mums birthday tmrw'],
  never_fight: ['im not having an argument about this again, how do i say that'],
  help_more_at_home: ['how can i help more at home with the new baby'],
  letter_to_estranged: ['should i send my mum a card for her birthday'],
  raise_their_parent: ['how do i talk to her about her dad dying'],
  what_to_tell_people: ['should we keep it quiet from our friends that were dating'],
};

subjectTables(engine, ASKED, NOT_ASKED, leadsWithSubject);
