import { createBlocksEngine } from '../../src/coach';
import { recogniseAct } from '../../src/coach/conversation/acts';
import { realLibrary, lastTurns } from './helpers';

/**
 * An answer fits what the question is about, not only how it is phrased (round 3 on issue 11): a
 * "should i" about restricting someone, asking for something, giving a view on someone's choice
 * or accepting an invitation is weighed as that; a question about a feeling or about writing here
 * is not told "I can't know the future"; common how-to questions get substance, not "break it into
 * a first small step"; and a report that hedges with a "?" is not answered as a should-i.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
const replies = (turns: readonly string[]): string[] =>
  lastTurns(engine, turns).map((r) => r.reply);

/** Stock lines that answer no particular question. */
const STOCK_WEIGH = /live with the worst answer|usually worth doing/;
const STOCK_FUTURE = /can't know that for certain|too early for me to say/;
const STOCK_STEP = /first small step|next few days|one step you can take this week/;

describe('a should-i question is weighed by what it asks to do', () => {
  test('restricting a teenager is not nudged towards with "usually worth doing"', () => {
    for (const reply of replies([
      'my son is 16 and his girlfriend keeps him out till 2am on school nights',
      'should i forbid him from seeing her?',
    ])) {
      expect(reply).not.toMatch(STOCK_WEIGH);
      expect(reply).toMatch(/careful|out of sight/);
    }
  });

  test('asking someone for something is answered as a fair request, not as telling a secret', () => {
    for (const reply of replies([
      'my girlfriend has her best mate over almost every night',
      'should i ask her to keep one night a week just for us',
    ])) {
      expect(reply).not.toMatch(/not knowing tends to weigh|carrying it unsaid/);
      expect(reply).toMatch(/fair to ask/);
    }
  });

  test("a view on someone else's choice is said once and the choice left with them", () => {
    for (const reply of replies([
      'my brother is about to move across the country for a guy he met 3 months ago',
      'should i tell him i think he is rushing it?',
    ])) {
      expect(reply).not.toMatch(/not knowing tends to weigh|carrying it unsaid/);
      expect(reply).toMatch(/once/);
      expect(reply).toMatch(/choice with them|their decision/);
    }
  });

  test('an invitation with a fear of looking keen gets a yes to what they want', () => {
    for (const reply of replies([
      'the new people at work asked me to join their pub quiz team on thursdays',
      'should i say yes? i dont want to seem desperate for friends',
    ])) {
      expect(reply).not.toMatch(/carrying it unsaid|not knowing tends to weigh/);
      expect(reply).toMatch(/if it's what you want, yes/);
    }
  });
});

describe('a yes/no about the present or a feeling is not told the future is unknowable', () => {
  test('"am i wrong to feel hurt" gets a view on the feeling', () => {
    for (const reply of replies([
      'my best friend forgot my birthday and posted about her own brunch that day',
      'am i wrong to feel hurt by that?',
    ])) {
      expect(reply).not.toMatch(STOCK_FUTURE);
      expect(reply).toMatch(/^No, you're not wrong to feel hurt/);
    }
  });

  test('"is that too much" about a plan gets a view on the plan', () => {
    for (const reply of replies([
      'for our 1 year im planning a scavenger hunt with 10 clues around town',
      'is that too much?',
    ]))
      expect(reply).not.toMatch(STOCK_FUTURE);
  });

  test('asking whether it is all right to write here gets a yes and a welcome', () => {
    for (const reply of replies(['hi. my son showed me this app. can i just talk to you here?'])) {
      expect(reply).toMatch(/^Yes\b/);
      expect(reply).not.toMatch(STOCK_FUTURE);
    }
  });
});

describe('an answer speaks to who the question is about', () => {
  test('a parent asking about an age gap between teenagers gets the teenage answer', () => {
    for (const reply of replies([
      'my son is 14 and his new girlfriend is 16',
      'is that age difference a problem at his age?',
    ])) {
      expect(reply).not.toMatch(/stages of life|treat each other as equals/);
      expect(reply).toMatch(/respect a no/);
    }
  });

  test('a married parent who feels like a single parent is not told about dating a parent', () => {
    for (const reply of replies([
      'my husband works abroad 10 months a year and i have our 2 boys',
      'is it normal to feel like a single mum even though i am married?',
    ])) {
      expect(reply).not.toMatch(/dating a parent/);
      expect(reply).toMatch(/load is uneven/);
    }
  });

  test('telling a date about your own past is not handled as raising a grievance', () => {
    for (const reply of replies([
      'i have a second date with a lovely woman on friday',
      'should i mention my kids on the date or wait a bit?',
    ])) {
      expect(reply).not.toMatch(/in the heat|comes out as blame/);
      expect(reply).toMatch(/no need to hide it/);
    }
  });
});

describe('a verdict is about the thing it points at', () => {
  test('"is that weird?" after a feeling is about the feeling, not an action', () => {
    for (const reply of replies([
      'we broke up in spring and shes already with someone new',
      'i still miss her. is that weird?',
    ])) {
      expect(reply).not.toMatch(/why you'd do it|how it would land/);
      expect(reply).toMatch(/weird to (still )?miss her/);
    }
  });

  test('"stupid for hoping" is met as giving someone time, not as something said', () => {
    for (const reply of replies([
      'my ex keeps saying he will change',
      'am i stupid for hoping he means it this time?',
    ])) {
      expect(reply).not.toMatch(/how you say it/);
      expect(reply).toMatch(/^No, you're not stupid for hoping/);
    }
  });

  test('"is a X a bad idea" without a question mark is still a question', () => {
    expect(recogniseAct('is a weekend away a bad idea right now', { turnsBefore: 2 }).act).toBe(
      'question',
    );
  });
});

describe('a normalcy question gets a sentence about its own reason', () => {
  test.each([
    [
      'desire and exhaustion',
      ['we have a 4 month old', 'is it normal to have zero sex drive when im this exhausted'],
      /exhaustion/,
    ],
    [
      'fear after getting back together',
      [
        'we got back together in june and its honestly good',
        'is it normal to feel anxious it will go wrong again',
      ],
      /isn't a prediction/,
    ],
    [
      'loneliness years after a loss',
      ['my wife died in 2021', 'is it normal that i still feel so alone after 4 years'],
      /timetable|no deadline/,
    ],
  ])('%s', (_, turns, content) => {
    for (const reply of replies(turns)) {
      expect(reply).not.toMatch(/what matters more is whether it's okay for you/);
      expect(reply).toMatch(content);
    }
  });

  test('moving in or keeping a place of their own is weighed on its own terms', () => {
    for (const reply of replies([
      'my girlfriend is relocating to my city next month',
      'she could move in with me or get her own flat. how do people decide that',
    ]))
      expect(reply).toMatch(/base of their own|place of their own/);
  });
});

describe('common how-to questions get substance', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'splitting costs when incomes differ',
      [
        'we are getting our first place together next month',
        'how should we divide the bills if he earns twice what i do',
      ],
      /share of income|proportion/,
    ],
    [
      'a money conversation',
      [
        'my wife and i keep clashing over spending',
        'how do i bring up money without it blowing up',
      ],
      /before any numbers|one small (change|agreement)/,
    ],
    [
      'calls while one works away',
      [
        'my husband is at sea for 6 months and our calls always end in a fight',
        'how do we make the calls better',
      ],
      /first minutes|voice note/,
    ],
    [
      'seeing an ex at a work meeting',
      [
        'my ex just got moved onto my team',
        'how do i stay professional at the team meeting on monday',
      ],
      /exit line|keep to what the meeting is for/,
    ],
    [
      'holding a decision when they get in touch',
      [
        'i finally broke up with her last week',
        'how do i stop myself from going back when she texts me',
      ],
      /reasons|short, kind line/,
    ],
    [
      'talking to a teenager',
      [
        'my daughter is 14 and has started hiding her phone from me',
        'how do i talk to her, she just rolls her eyes at everything',
      ],
      /side by side|door open/,
    ],
  ];
  test.each(cases)('%s', (_, turns, substance) => {
    for (const reply of replies(turns)) {
      expect(reply).not.toMatch(STOCK_STEP);
      expect(reply).toMatch(substance);
    }
  });

  test('a generic how-to never says "next few days" when the person gave a time', () => {
    for (const reply of replies([
      'my flatmate moves out in 3 weeks',
      'how do i get used to living alone by then',
    ]))
      expect(reply).not.toMatch(/next few days|this week/);
  });

  test('"too soon to ask" is about asking, not about moving in', () => {
    for (const reply of replies([
      'my husband had an affair and we are trying again',
      'is it too soon to ask him to see a therapist with me?',
    ]))
      expect(reply).not.toMatch(/moving in/);
  });
});

describe('a report that hedges with a "?" is not a question', () => {
  test.each([
    ['update: the talk was... good? she listened the whole time'],
    ['it went... fine? we actually agreed on a plan'],
    ['i think i told him no?? and i feel lighter'],
    ['my boss keeps calling me at night. but who can i even talk to??'],
  ])('%s', (text) => {
    expect(recogniseAct(text, { turnsBefore: 2 }).act).not.toBe('question');
  });

  test('a real question with a question mark still is one', () => {
    expect(recogniseAct('should i text her?', { turnsBefore: 2 }).act).toBe('question');
    expect(recogniseAct('is that ok?', { turnsBefore: 2 }).act).toBe('question');
  });
});

describe('how to get through to someone', () => {
  test.each([
    [
      'my dad keeps making jokes about my girlfriend at dinner',
      'how do i even start that convo with him. he laughs everything off',
    ],
    [
      'my wife thinks me working weekends is no big deal',
      'how do i get her to see its actually wearing me down?',
    ],
    [
      'my boyfriend keeps cancelling on my friends last minute',
      'how can i make him understand it embarrasses me',
    ],
  ])('"%s" / "%s" gets words to use, not "a first small step"', (...turns) => {
    for (const reply of replies(turns)) {
      expect(reply).not.toMatch(STOCK_STEP);
      expect(reply).toMatch(/starts with I|calm|open with|say it/i);
    }
  });
});

describe('the question after an answer follows from it', () => {
  test('"is it normal ..." is not asked "what do you think you\'ll do?" or "which part feels doable"', () => {
    for (const reply of replies([
      'my ex and i broke up in june',
      'is it normal that i still check his instagram every day',
    ])) {
      expect(reply).not.toMatch(/What do you think you'll do\?|most doable/);
    }
  });

  test('a how-to is not asked "does that match your gut"', () => {
    for (const reply of replies([
      'my flatmate keeps eating my food',
      'how do i bring it up without it being awkward',
    ])) {
      expect(reply).not.toMatch(/your gut|What do you think you'll do\?/);
    }
  });
});

test('"what should I do" names no action: it is not answered "On whether to do: ..."', () => {
  for (const reply of replies([
    'my partner has been distant for weeks',
    'he says he is just tired from work',
    'what should I do',
  ])) {
    expect(reply).not.toMatch(/On whether to do\b|To do,/);
    expect(reply.length).toBeGreaterThan(60);
  }
});

test('"how do i tell tane i need him more" suggests words said to Tane: "I need you more"', () => {
  for (const reply of replies([
    'my partner tane moved to perth for work 5 months ago',
    'how do i tell tane i need him more right now without sounding needy',
  ])) {
    expect(reply).not.toMatch(/"I need him/);
    expect(reply).toMatch(/Tane/);
  }
});

test('"what do i even wear" before a date is answered about what to wear', () => {
  for (const reply of replies([
    'first date in 6 years on saturday, coffee then a walk',
    'what do i even wear lol',
  ])) {
    expect(reply).toMatch(/wear|outfit/i);
    expect(reply).not.toMatch(/if you'd be okay with any answer|worth waiting/);
  }
});

test('"what do i say to her" to a friend in tears asks for comfort, not a reply to a text', () => {
  for (const reply of replies([
    'me and my boyfriend are fine, this is about my flatmate',
    'she just found out her fiance has been cheating. shes sobbing on the sofa. what do i say to her',
  ])) {
    expect(reply).toMatch(/I'm so sorry|I'm here|listen/);
    expect(reply).not.toMatch(/reaching out|I need a day to think/);
  }
});

test('"can he really take the kids?" after a threat is answered plainly (usually not), with where to check', () => {
  for (const reply of replies([
    'we have two kids, 4 and 6',
    'my husband says if i leave he will take the kids and i will never see them',
    'can he really take the kids?',
  ])) {
    expect(reply).toMatch(/can't (simply|just) take|court decides/);
    expect(reply).not.toMatch(/can't know that for certain/);
  }
});
