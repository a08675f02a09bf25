import { createBlocksEngine, initialState, type ConversationState } from '../../src/coach';
import { askedSentence, recogniseAct } from '../../src/coach/conversation/acts';
import {
  emptyFacts,
  updateFacts,
  type ConversationFacts,
} from '../../src/coach/conversation/facts';
import { nameForTopic } from '../../src/coach/summary';
import { realLibrary } from './helpers';

/** Facts after a sequence of messages, as the engine would remember them. */
function factsOf(messages: string[]): ConversationFacts {
  let facts = emptyFacts();
  messages.forEach((m, i) => {
    const { act } = recogniseAct(m, { turnsBefore: i });
    facts = updateFacts(facts, m, act, i + 1).facts;
  });
  return facts;
}

function roleOf(facts: ConversationFacts, name: string): string | undefined {
  return facts.people.find((p) => p.name === name)?.role;
}

describe('turn acts', () => {
  test.each([
    ['hey', 'greeting'],
    ['hi. i need some advice about my boyfriend', 'greeting'],
    ['should i text him? just to ask what actually happened', 'question'],
    ['how do i bring it up without it turning into a fight', 'question'],
    ['idk', 'short'],
    ['ok thank u, this helped. night x', 'goodbye'],
    ['perfect ty!!', 'thanks'],
    ['the kids were at my mums thank god', 'sharing'],
    ['she told my mum before me. which is almost worse than the cheating', 'sharing'],
    ["no wait, she's my sister", 'correction'],
    ['ok totally different thing, i have a job interview tuesday', 'change_subject'],
    ['ok i told him. he was actually really sweet about it', 'progress'],
    ["i'm going to tell her in person on saturday", 'plan'],
    ["he said he 'needs to find himself' like what does that even mean", 'sharing'],
    ['right, that helps. im gonna ring my sister tonight and ask her round. thank you!!', 'thanks'],
    ['ok so i unfollowed her and blocked her number too', 'progress'],
    [
      'that makes sense. gonna cook for him friday and keep it light 🙂 thank you so much',
      'thanks',
    ],
    ['we went bowling and honestly we laughed the whole night', 'progress'],
    ['update: were back together!! took a long walk and talked it all out', 'progress'],
    ['ok so i told my dad about the breakup and he actually listened, no lecture', 'progress'],
    ['we spent the whole weekend together, no fighting, just films and takeaway', 'progress'],
    ['ok we are back together lol. long story', 'progress'],
    ['marco texted. he wants to meet up and talk about everything', 'event'],
    ['my sister rang this afternoon, our dad has been taken into hospital', 'event'],
    ['he asked me to move in with him at the end of the month', 'event'],
  ])('"%s" is %s', (text, act) => {
    expect(recogniseAct(text, { turnsBefore: 3 }).act).toBe(act);
  });

  test('question kinds: normalcy, how-to, advice, yes/no', () => {
    expect(
      recogniseAct('is it normal to still feel this empty?', { turnsBefore: 1 }).question,
    ).toBe('normalcy');
    expect(recogniseAct('how do i stop checking', { turnsBefore: 1 }).question).toBe('how_to');
    expect(recogniseAct('should i tell her??', { turnsBefore: 1 }).question).toBe('advice');
    expect(
      recogniseAct('would it be disloyal to ask her for a coffee?', { turnsBefore: 1 }).question,
    ).toBe('yes_no');
  });
});

test('words that are also names of object properties are read as words ("constructor")', () => {
  expect(askedSentence('should i tell the constructor?')).toBe('should i tell the constructor');
  expect(
    recogniseAct('my boyfriend is a constructor and works away a lot', { turnsBefore: 1 }).act,
  ).toBe('sharing');
});

describe('facts with roles', () => {
  test('lower-case names are found, with who they are to the user', () => {
    const f = factsOf(['theo broke up with me on sunday. 2 years and he did it over text']);
    expect(roleOf(f, 'Theo')).toBe('ex');
    expect(f.relationship).toBe('broken_up');
  });

  test('a friend and her husband are not the user partner, and their affair is not the user story', () => {
    const f = factsOf(["my best friend lucy's husband rob is on hinge, i saw his profile"]);
    expect(roleOf(f, 'Lucy')).toBe('friend');
    expect(roleOf(f, 'Rob')).toBe('other');
    expect(f.affair).toBeNull();
    expect(f.relationship).toBeNull();
  });

  test('a correction changes the remembered fact', () => {
    const f = factsOf([
      'my husband luis just says thats how she is',
      "oh and luis isnt my husband yet, we're engaged, wedding is in june",
    ]);
    expect(roleOf(f, 'Luis')).toBe('partner');
    expect(f.relationship).toBe('engaged');
    const home = factsOf(['his hoodie is still here', 'we didnt live together btw']);
    expect(home.livingTogether).toBe(false);
  });

  test('a role said without a name is given the name that follows', () => {
    const f = factsOf(['how do i stop making my boyfriend angry', 'jake has a temper']);
    expect(roleOf(f, 'Jake')).toBe('partner');
  });

  test("someone else's children are not the user's", () => {
    expect(factsOf(['becca is literally married with 3 kids lol']).children).toBeNull();
    expect(factsOf(['married 11 yrs, 2 kids (7 and 4)']).children).toBe(true);
  });
});

describe('places are not people', () => {
  test('"go to Skye", "moved to Darwin", "lives in Darwin" name places, while "married to Lerato" names a spouse', () => {
    const names = (ms: string[]) => factsOf(ms).people.map((p) => p.name?.toLowerCase());
    expect(names(['Gordon asked me to go to Skye with him for a weekend in May'])).not.toContain(
      'skye',
    );
    expect(names(['we moved to Darwin last year for his job'])).not.toContain('darwin');
    expect(names(['my son is grown, lives in Darwin'])).not.toContain('darwin');
    expect(names(['ive been married 12 years to Lerato'])).toContain('lerato');
  });

  test('"a girl from st mary\'s" and "her pooja room" name a school and a room, not Mary or Pooja (set 14)', () => {
    const names = (ms: string[]) => factsOf(ms).people.map((p) => p.name?.toLowerCase());
    expect(
      names(["he dumped me over snap and now hes posting stories w this girl from st mary's"]),
    ).not.toContain('mary');
    expect(names(['she can be in charge of the homework time and her pooja room'])).not.toContain(
      'pooja',
    );
    expect(names(['mary is my sister'])).toContain('mary');
    // "we sing carols" (set 15's s06, a development set): no Carol.
    expect(names(['i sing in a choir, we do carols at the hospital every december'])).not.toContain(
      'carol',
    );
  });
});

describe('the engine uses what it remembers', () => {
  const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
  function talk(messages: string[]) {
    let state: ConversationState = initialState();
    return messages.map((text, i) => {
      const r = engine.respond({ text, state, seed: 7 + i });
      state = r.state;
      return r;
    });
  }

  test('an ex is never "your partner", and is called by name', () => {
    const replies = talk([
      'theo broke up with me on sunday. 2 years and he did it over text',
      'i keep rereading it and thinking about him',
      'its just so quiet now, i miss theo',
    ]);
    for (const r of replies) expect(r.reply).not.toMatch(/your (partner|boyfriend)/i);
    expect(replies[2].state.conversation?.people[0]).toMatchObject({ name: 'Theo', role: 'ex' });
  });

  test('a question is answered first; thanks and goodbye close without a question', () => {
    const [, q, thanks, bye] = talk([
      'my ex and i broke up last month',
      'should i text him?',
      'thanks, that helps',
      'ok bye',
    ]);
    expect(q.act).toBe('question');
    expect(q.blockIds[0]).toMatch(/\.answer\./);
    expect(q.reply.split(/(?<=[.!?])\s/)[0]).not.toMatch(/\?$/);
    expect(thanks.reply).not.toContain('?');
    expect(bye.reply).not.toContain('?');
    expect(thanks.reply).not.toMatch(/thanks, that helps/i);
  });

  test('old states without conversation facts still load', () => {
    const old = { ...initialState() } as ConversationState;
    delete old.conversation;
    const r = engine.respond({ text: 'my girlfriend and i keep fighting', state: old, seed: 1 });
    expect(r.state.conversation?.fight).toBe(true);
  });
});

test('the person a partner is cheating with is not taken for the partner, and the partner keeps the role', () => {
  const facts = factsOf([
    'i found messages on my husbands phone. hes been sleeping with someone from work',
    'her name is claire. its been going on for 6 months',
    'james says its over and he wants to fix things',
  ]);
  expect(facts.affair).toBe('partner');
  expect(roleOf(facts, 'Claire')).toBe('other');
  expect(roleOf(facts, 'James')).toBe('spouse');
});

describe('who a name belongs to', () => {
  test('"his name is marco" after "my gf has a new colleague" names the colleague, and the next name is the partner', () => {
    const facts = factsOf([
      'my gf has a new colleague and honestly it is getting to me',
      "his name is marco. they're always messaging about work stuff. maya says im overreacting",
    ]);
    expect(roleOf(facts, 'Marco')).toBe('coworker');
    expect(roleOf(facts, 'Maya')).toBe('partner');
  });

  test('someone the person is seeing now, after a divorce, is a partner, not an ex', () => {
    const facts = factsOf([
      'divorced 5 years ago. these days i am seeing a man, daniel, and its going well',
    ]);
    expect(roleOf(facts, 'Daniel')).toBe('partner');
    expect(facts.relationship).toBe('dating');
  });

  test('"we decided to separate" is a separation, not a marriage', () => {
    expect(factsOf(['my husband and i decided to separate in march']).relationship).toBe(
      'separated',
    );
  });

  test('names with ages beside "kids" are the children', () => {
    const facts = factsOf(['we split last year and we have 3 kids emma 7, noah 4 and ella 2']);
    expect(['Emma', 'Noah', 'Ella'].map((n) => roleOf(facts, n))).toEqual([
      'child',
      'child',
      'child',
    ]);
  });

  test('children named after "we have two kids", with ages or as typed with capitals, are the children; places are not', () => {
    const roles = (facts: ConversationFacts) =>
      Object.fromEntries(facts.people.map((p) => [p.name?.toLowerCase(), p.role]));
    expect(
      roles(
        factsOf([
          "Her name's Siobhan. We have two kids, both grown, Ciara is in Dublin at college and Niall is in Boston.",
        ]),
      ),
    ).toMatchObject({ ciara: 'child', niall: 'child' });
    const placed = roles(factsOf(['We have two kids, Ciara is in Dublin and Niall is in Boston.']));
    expect(placed.dublin).toBeUndefined();
    expect(placed.boston).toBeUndefined();
    expect(
      roles(factsOf(['his name is rodrigo. we have 2 kids, mateo 9 and sofi 5'])),
    ).toMatchObject({ mateo: 'child', sofi: 'child' });
  });

  test('the person\'s own name ("im jonas btw", "my name is ana") is not someone in their story', () => {
    const names = factsOf([
      'hes called caio. im jonas btw lol',
      'my name is ana. my husband tom left',
    ]).people.map((p) => p.name?.toLowerCase());
    expect(names).toEqual(expect.arrayContaining(['caio', 'tom']));
    expect(names).not.toContain('jonas');
    expect(names).not.toContain('ana');
  });

  test("in-laws asking for grandchildren give the couple no children; the person's own grandchildren do", () => {
    expect(
      factsOf([
        'me and my husband bartek, married 8 years, no kids',
        'his parents keep asking when we give them grandchildren, i want to scream',
      ]).children,
    ).toBe(false);
    expect(factsOf(['my grandchildren visit on sundays']).children).toBe(true);
  });

  test('"i have a brother, Pat," and "i have a sister, lupe" name the brother and the sister', () => {
    const facts = factsOf([
      "I have a brother, Pat, lives ten minutes away. We don't talk about feelings much.",
      'i have a sister, lupe. she lives in zapopan',
    ]);
    expect(facts.people.map((p) => [p.name?.toLowerCase(), p.role])).toEqual(
      expect.arrayContaining([
        ['pat', 'brother'],
        ['lupe', 'sister'],
      ]),
    );
    expect(factsOf(['i have a friend who knows']).people.some((p) => p.name === 'who')).toBe(false);
  });

  test("ending one's own affair leaves the marriage as it was", () => {
    const facts = factsOf([
      "i've been married 9 years and i had this thing with a guy from the gym",
      'i ended it on sunday. told him never to message me again',
    ]);
    expect(facts.relationship).toBe('married');
    expect(facts.affair).toBe('user');
  });

  test('names from many languages are names; towns and ordinary words are not', () => {
    const facts = factsOf([
      'my son caleb is 6 and my daughter niamh is 9. we moved to leeds in may',
    ]);
    expect(roleOf(facts, 'Caleb')).toBe('child');
    expect(roleOf(facts, 'Niamh')).toBe('child');
    expect(facts.people.map((p) => p.name)).not.toContain('Leeds');
  });

  test('a summary names the ex in an ending and the partner in the rest, never the other way', () => {
    const facts = factsOf([
      'i got divorced in 2019. now i am seeing a woman, ines, and its lovely',
      'but my ex wife still calls me every day',
    ]);
    expect(roleOf(facts, 'Ines')).toBe('partner');
    const state = { ...initialState(), conversation: facts, partnerName: 'Ines' };
    expect(nameForTopic(state, 'moving_on')).toBeNull();
    expect(nameForTopic(state, 'communication')).toBe('Ines');
  });

  test('a correction of what happened changes what is remembered, in the new words', () => {
    const facts = factsOf([
      'we have been married 6 years',
      'last night i found a cinema ticket in her coat, two seats, on a night she said she was at her sisters',
      'sorry i said cinema, it was a theatre actually',
    ]);
    const told = facts.happenings.map((h) => h.text).join(' ');
    expect(told).toMatch(/theatre/);
    expect(told).not.toMatch(/cinema/);
  });

  test('"my girls" on a night out are friends; "my two girls" are children', () => {
    expect(factsOf(['he sulks when i go out with my girls on a friday']).children).toBeNull();
    expect(factsOf(['my two girls are with their dad this weekend']).children).toBe(true);
  });

  test('"husband and i" without "my" is a husband and a marriage', () => {
    const facts = factsOf(['long story. husband and i have not had a proper talk in weeks']);
    expect(facts.people).toEqual([expect.objectContaining({ name: null, role: 'spouse' })]);
    expect(facts.relationship).toBe('married');
    expect(factsOf(['me and the missus are barely speaking']).relationship).toBe('married');
  });

  test('a name given outright is a name, even one no list holds', () => {
    const facts = factsOf(['my wife is furious with me', "her name's Oluwakemi, we met at uni"]);
    expect(roleOf(facts, 'Oluwakemi')).toBe('spouse');
    expect(factsOf(['my boyfriend is so distant', 'his name is not important']).people).toEqual([
      expect.objectContaining({ name: null, role: 'partner' }),
    ]);
  });

  test('"her name\'s X" after a first date is planned names the date, not the daughter who set it up', () => {
    const facts = factsOf([
      'my son talked me into the apps and ive got a first date on sunday',
      "her name's Renata, she teaches piano",
    ]);
    expect(roleOf(facts, 'Renata')).toBe('date');
  });

  test('"her name is X, his is Y" about a daughter and her boyfriend: he is not the user\'s partner', () => {
    const facts = factsOf([
      'my daughter is 16 and has a boyfriend now',
      "her name is Lotte, his is Bram, he's 18",
    ]);
    expect(roleOf(facts, 'Lotte')).toBe('child');
    expect(roleOf(facts, 'Bram')).toBe('other');
  });

  test('a child named with an age ("we have a 4 yr old, Tobias") is a child, not a partner', () => {
    const facts = factsOf([
      'my husband works nights',
      'we have a 4 yr old, Tobias, and he barely sees him',
    ]);
    expect(roleOf(facts, 'Tobias')).toBe('child');
    expect(roleOf(factsOf(['our 9 month old Ines is teething']), 'Ines')).toBe('child');
  });

  test('a husband who has died is not someone the widow is asked to sort things out with', () => {
    const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
    let state: ConversationState = initialState();
    for (const [i, text] of [
      'my husband Desmond died two years ago',
      'i still set two cups out some mornings and then remember',
      'Desmond would have known what to say to me today',
    ].entries()) {
      const r = engine.respond({ text, state, seed: 40 + i });
      state = r.state;
      expect(r.reply).not.toMatch(/\b(with|to|from) Desmond\b.*\?/);
    }
  });

  test('"he\'s my baby" of a pet is not a child; "my baby has colic" is', () => {
    expect(
      factsOf(['moving in with my boyfriend but he hates dogs', "biscuit is 11, she's my baby"])
        .children,
    ).not.toBe(true);
    expect(factsOf(['my baby has colic and i have not slept in days']).children).toBe(true);
  });

  test("a son's fiancee who is divorced, or a profile that says separated, is not the user's state", () => {
    expect(
      factsOf([
        'my son tomas is getting married',
        'his fiancee ines is 38, divorced, with two boys',
      ]).relationship,
    ).toBeNull();
    expect(
      factsOf([
        "my sister's husband is on a dating app",
        "his profile says 'separated', which they are not",
      ]).relationship,
    ).toBeNull();
  });

  test('"i\'ll tell her myself, on sunday" is remembered as "you\'ll tell her yourself"', () => {
    const facts = factsOf([
      'my friend is being cheated on',
      "i'm going to tell her myself, on sunday, face to face",
    ]);
    expect(facts.happenings.map((h) => h.text).join(' ')).toMatch(/tell her yourself/);
  });

  test('a husband spoken of without "my" ("husband\'s away on the rigs") is a spouse, and the name given next is his', () => {
    const facts = factsOf([
      "husband's away on the rigs for 3 weeks at a time and i'm losing it a bit",
      'his names callum. we have been married six years',
    ]);
    expect(roleOf(facts, 'Callum')).toBe('spouse');
    expect(facts.relationship).toBe('married');
  });

  test('"wife keeps ..." at the start of a sentence is a marriage too', () => {
    const facts = factsOf(['hi. wife keeps saying i never listen and honestly she might be right']);
    expect(facts.relationship).toBe('married');
    expect(facts.people.some((p) => p.role === 'spouse')).toBe(true);
  });

  test('someone whose age is given in weeks or months is a baby, not the partner', () => {
    const facts = factsOf([
      'my girlfriend and i are exhausted',
      'rosa was 6 weeks old when we moved and nobody sleeps',
    ]);
    expect(roleOf(facts, 'Rosa')).toBe('child');
  });
});

describe('people named after a plural or an unnamed date', () => {
  test('"seeing a guy ... diego ... he met my friends": Diego is the one she is seeing, not a friend', () => {
    const facts = factsOf([
      'been seeing a guy for 3 months. tomas. he met my friends last weekend and it went fine',
    ]);
    expect(roleOf(facts, 'Tomas')).not.toBe('friend');
    expect(['date', 'partner']).toContain(roleOf(facts, 'Tomas'));
  });

  test('"my sisters" are not one sister a name can take', () => {
    const facts = factsOf(['my sisters both think im rushing it. marco is so patient with them']);
    expect(roleOf(facts, 'Marco')).toBe('partner');
  });
});

describe('roles said outright', () => {
  test('"oh ana is my sister sorry, not a friend" gives Ana her role', () => {
    const facts = factsOf([
      'ana came flat hunting with us and was cold to my girlfriend the whole time',
      'oh ana is my sister sorry, not a friend',
    ]);
    expect(roleOf(facts, 'Ana')).toBe('sister');
  });

  test('what someone else believes is not the role ("my parents think hana is my flatmate")', () => {
    const facts = factsOf([
      'ive been with hana for 3 years and we live together',
      'my parents think hana is my flatmate',
    ]);
    expect(roleOf(facts, 'Hana')).toBe('partner');
  });

  test('"kids are noah 9 and ava 6" names the children', () => {
    const facts = factsOf(['divorced, 2 kids, 50/50', 'kids are noah 9 and ava 6']);
    expect(roleOf(facts, 'Noah')).toBe('child');
    expect(roleOf(facts, 'Ava')).toBe('child');
  });

  test('"my first bf" is a partner the name given next belongs to', () => {
    const facts = factsOf(['im 16 and i have my first bf', 'his name is tomasz, we met at school']);
    expect(roleOf(facts, 'Tomasz')).toBe('partner');
  });
});

describe('names no list holds', () => {
  test('"my sister chiamaka says ..." and "my wife oona thinks ..." are named, with their roles', () => {
    const facts = factsOf([
      'my wife oona thinks i work too much',
      'my sister chiamaka says i should just book the holiday',
    ]);
    expect(roleOf(facts, 'Oona')).toBe('spouse');
    expect(roleOf(facts, 'Chiamaka')).toBe('sister');
  });

  test('"my mum often says", "my friend group thinks" name nobody', () => {
    const facts = factsOf(['my mum often says im too picky', 'my friend group thinks hes shady']);
    expect(facts.people.filter((p) => p.name !== null)).toEqual([]);
  });

  test('"married 12 years to Nkechi", "seeing Tobenna": a name typed with a capital where only a name stands', () => {
    expect(
      roleOf(factsOf(["I've been married 12 years to Nkechi. Two daughters."]), 'Nkechi'),
    ).toBe('spouse');
    expect(roleOf(factsOf(['I have been seeing Tobenna for almost 2 years']), 'Tobenna')).toBe(
      'partner',
    );
    expect(factsOf(['been seeing Someone from Hinge']).people.filter((p) => p.name)).toEqual([]);
  });
});

describe('the relationship in plainer words', () => {
  test.each([
    [['i found texts on my husbands laptop last night'], 'married'],
    [['i need advice about my mother in law. married a year, it was arranged'], 'married'],
    [['im 17 and this is about my first gf'], 'together'],
    [['divorced mum of 2 here', 'we split 3 yrs ago, it was mostly civil'], 'divorced'],
  ])('%j is %s', (messages, state) => {
    expect(factsOf(messages).relationship).toBe(state);
  });
});

test('"i have a baby 7 months, Zofia, and my husband Bartek": the baby is the child, Bartek the husband', () => {
  const facts = factsOf([
    'Hi. I have a baby 7 months, Zofia, and my husband Bartek. We are so tired',
  ]);
  expect(roleOf(facts, 'Zofia')).toBe('child');
  expect(roleOf(facts, 'Bartek')).toBe('spouse');
  expect(facts.children).toBe(true);
});

test('"he\'s divorced" said of someone else is not the person\'s own state', () => {
  const facts = factsOf([
    'my wife maureen died two years ago',
    "i've met a lady at the choir, she's divorced and very kind",
  ]);
  expect(facts.relationship).toBe('widowed');
  expect(roleOf(facts, 'Maureen')).not.toBe('ex');
});

test('"it\'s daniel\'s sister, erin" and "his brother tomasz": the partner\'s family are in-laws', () => {
  const facts = factsOf([
    'me and my husband daniel have been married 6 years',
    "it's daniel's sister, erin, who keeps asking when we'll have kids",
  ]);
  expect(roleOf(facts, 'Erin')).toBe('in_law');
  const his = factsOf(['my boyfriend keeps lending money to his brother tomasz']);
  expect(roleOf(his, 'Tomasz')).toBe('in_law');
});

describe("the partner's parent, unnamed", () => {
  test('"his mom calls every day", said of a husband, is an in-law', () => {
    const facts = factsOf([
      'my husband dev works away most weeks',
      'his mom calls every single day to check on me',
    ]);
    expect(facts.people.some((p) => p.role === 'in_law')).toBe(true);
  });

  test("a friend's mother is not the person's in-law", () => {
    const facts = factsOf([
      'my boyfriend sam and i are fine',
      'my friend jake and his mom came round for dinner',
    ]);
    expect(facts.people.some((p) => p.role === 'in_law')).toBe(false);
  });
});

describe("someone else's widowhood", () => {
  test('"one of them, ann, seems lovely. widow, loves gardening" does not make the person widowed', () => {
    const facts = factsOf([
      'divorced 5 years, finally trying the dating apps',
      'one of them, ann, seems lovely. widow, loves gardening, two grown kids',
    ]);
    expect(facts.relationship).not.toBe('widowed');
    expect(factsOf(['widowed last year and still finding my feet']).relationship).toBe('widowed');
  });
});

describe('"we dont live together" told, not put right', () => {
  test('a description that starts "like we dont live together" is sharing; "no we dont live together" corrects', () => {
    expect(
      recogniseAct(
        "like we don't live together, he won't meet my family, and he changes the subject",
        { turnsBefore: 1 },
      ).act,
    ).not.toBe('correction');
    expect(
      recogniseAct('no we dont live together, he has his own place', { turnsBefore: 1 }).act,
    ).toBe('correction');
  });
});

describe("a sister's marriage and children are hers (set 14, a development set)", () => {
  test('"my big sister wanjiru has been married to kamau for 6 years. they have two kids" says nothing of the person', () => {
    const facts = factsOf([
      'i need advice but its not for me, its for my sister',
      'my big sister wanjiru has been married to kamau for 6 years',
      'they have two kids, the small one is only 2',
    ]);
    expect(facts.relationship).toBeNull();
    expect(facts.children).not.toBe(true);
  });

  test('the person\'s own still count: "we have two kids, they are 5 and 7", "my husband and i"', () => {
    expect(factsOf(['we have two kids, they are 5 and 7']).children).toBe(true);
    expect(factsOf(['my husband and i fight a lot']).relationship).toBe('married');
  });
});

describe('a role told in shorthand names the person after it (set 14, a development set)', () => {
  test('"ex wife. hana. we split last year. son nikau is 8": Hana is the ex, Nikau the son', () => {
    const facts = factsOf([
      'how do u co-parent with someone who wont reply',
      'ex wife. hana. we split last year. son nikau is 8',
    ]);
    expect(roleOf(facts, 'Hana')).toBe('ex');
    expect(roleOf(facts, 'Nikau')).toBe('child');
  });

  test('"husband: raj" names the husband; "friend. she is nice" names nobody', () => {
    expect(roleOf(factsOf(['husband: raj. married 10 years']), 'Raj')).toBe('spouse');
    expect(factsOf(['friend. she is nice']).people.filter((p) => p.name)).toEqual([]);
  });
});

describe('a state denied is not the state (set 14, a development set)', () => {
  test('"actually we\'re not divorced. separated." makes the person separated', () => {
    expect(
      factsOf([
        'ex wife. hana. we split last year',
        "actually we're not divorced. separated. papers arent done",
      ]).relationship,
    ).toBe('separated');
  });
});
