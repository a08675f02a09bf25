import {
  followupPrompt,
  chooseStyle,
  createBlocksEngine,
  loadBlockLibrary,
  composeReply,
  detect,
  extractEcho,
  extractFacts,
  findPartnerName,
  initialState,
  mapRelationshipStatus,
  normalizeText,
  statusFromText,
  stem,
  summarize,
  titlePhrase,
  nextStage,
  stageForTurns,
  type ConversationState,
  type StyleInput,
} from '../../src/coach';

describe('normalisation', () => {
  test('contractions, curly quotes and chat spellings', () => {
    expect(normalizeText('I can’t, I’m, he won’t, idk, u r, gonna').text).toBe(
      'i can not . i am . he will not . i do not know . you r . going to',
    );
    expect(normalizeText("dont cant im Alex's").tokens).toEqual([
      'do',
      'not',
      'can',
      'not',
      'i',
      'am',
      'alex',
    ]);
  });
  test('stemming maps word forms together', () => {
    expect(stem('cheated')).toBe(stem('cheating'));
    expect(stem('cheats')).toBe(stem('cheat'));
    expect(stem('loved')).toBe(stem('love'));
    expect(stem('crying')).toBe(stem('cried'));
    expect(stem('missing')).toBe(stem('miss'));
  });
});

describe('topics and emotions', () => {
  test('most salient first, emotions with neutral only when none', () => {
    const d = detect('My girlfriend cheated on me and I feel so betrayed and angry');
    expect(d.topics[0]).toBe('cheating');
    expect(d.emotions).toEqual(expect.arrayContaining(['betrayed', 'angry']));
    expect(detect('hello there').emotions).toEqual(['neutral']);
  });
  test('negation: "not angry", "never cheated"', () => {
    expect(detect("I'm not angry, just tired").emotions).not.toContain('angry');
    expect(detect('I never cheated on him').topics).not.toContain('cheating_self');
    expect(detect('I never cheated on him').topics).not.toContain('cheating');
    expect(detect("I can't stop crying").emotions).toContain('sad');
  });
  test('a flat to live in is not feeling flat', () => {
    const home = detect('we want to get a flat together near her work next year').emotions;
    const feeling = detect('since the breakup i just feel flat all the time').emotions;
    expect(feeling.filter((e) => !home.includes(e)).length).toBeGreaterThan(0);
    expect(home).toEqual(['neutral']);
  });
  test('who cheated decides cheating vs cheating_self', () => {
    expect(detect('I cheated on my boyfriend last month').topics[0]).toBe('cheating_self');
    expect(detect('He cheated on me last month').topics[0]).toBe('cheating');
    expect(detect('she has been cheating for a year').topics[0]).toBe('cheating');
    expect(detect('I had an affair and I regret it').topics).toContain('cheating_self');
    expect(detect('I had an affair and I regret it').topics).not.toContain('cheating');
  });
  test('guardrail: a situationship or dating has no divorce unless marriage is mentioned', () => {
    const d = detect(
      "we're in a situationship and honestly I want a divorce from this whole thing",
    );
    expect(d.topics).toContain('situationship');
    expect(d.topics).not.toContain('divorce_separation');
    expect(detect('My husband wants a divorce').topics).toContain('divorce_separation');
    expect(detect('he moved out', { status: 'in_relationship' }).topics).not.toContain(
      'divorce_separation',
    );
  });
  test('client hints boost, add at low salience, never override, unknown ids ignored', () => {
    const plain = detect('He cheated on me');
    const hinted = detect('He cheated on me', { hintTopics: ['trust', 'not_a_topic', 'cheating'] });
    expect(hinted.topics[0]).toBe('cheating');
    expect(hinted.topics).toContain('trust');
    expect(hinted.topics.indexOf('trust')).toBeGreaterThan(hinted.topics.indexOf('cheating'));
    expect(hinted.topics).not.toContain('not_a_topic');
    expect(hinted.topicScores.cheating!).toBeGreaterThan(plain.topicScores.cheating!);
    const silent = detect('ok', { hintTopics: ['loneliness'] });
    expect(silent.topics).toEqual(['loneliness']);
    expect(silent.topicFromText).toBe(false);
    expect(silent.topicCertainty).toBeLessThan(0.3);
    // A hint that the guardrails rule out stays out.
    expect(
      detect('we are in the talking stage', { hintTopics: ['divorce_separation'] }).topics,
    ).not.toContain('divorce_separation');
  });
  test('chat spellings and typos of known words are mended for detection only', () => {
    expect(detect('my gf is so jelous of my coworkers').topics[0]).toBe('jealousy');
    expect(detect('I feel so lonley').emotions).toContain('lonely');
    expect(detect('im so exausted and frustated').emotions).toEqual(
      expect.arrayContaining(['overwhelmed', 'frustrated']),
    );
    expect(detect('I cannot sleep, my mind keeps racing').topics[0]).toBe('anxiety_distress');
    expect(detect('cant stop thinkin about him').topics).toContain('heartbreak');
    // Real words are never "corrected" into others ("cared" is not "scared").
    expect(detect('I cared about him so much').emotions).not.toContain('scared');
    // The text safety reads is untouched.
    expect(normalizeText('I cannot do this').text).toBe('i cannot do this');
  });
  test('negation scope: raising verbs, clause openers, idioms of degree and disbelief', () => {
    expect(detect("I don't think I'm jealous, just tired").emotions).not.toContain('jealous');
    expect(detect("I don't think I'm worth anyone's time").topics).toContain('self_worth');
    expect(detect("I've never felt so alone").emotions).toContain('lonely');
    expect(detect('I cannot sleep since he left').topics).toContain('heartbreak');
    expect(detect("I still can't believe it's over between us").topics[0]).toBe('heartbreak');
    expect(detect("he didn't leave me").topics).not.toContain('heartbreak');
  });
  test('word families together point at a topic however it is worded', () => {
    expect(detect('Finally deleted all our photos today').topics[0]).toBe('moving_on');
    expect(
      detect('its been a year since we split and I still compare every guy to him').topics[0],
    ).toBe('moving_on');
    expect(detect('she keeps deleting her texts before I can see her phone').topics[0]).toBe(
      'trust',
    );
    expect(detect('my mum keeps asking when I will settle down').topics[0]).toBe('family_pressure');
    expect(detect('he never wants to be touched anymore').topics[0]).toBe('intimacy');
    expect(detect('I keep thinking if I was prettier he would have stayed').topics[0]).toBe(
      'self_worth',
    );
    expect(detect('She calls me stupid in front of our friends').topics[0]).toBe(
      'toxic_or_abusive',
    );
  });
  test('who did it decides cheating vs cheating_self, also with no subject written', () => {
    expect(detect("he's been sleeping with his coworker").topics[0]).toBe('cheating');
    expect(detect("I've been sleeping with my coworker").topics[0]).toBe('cheating_self');
    expect(detect('Kissed my coworker at the party last night').topics[0]).toBe('cheating_self');
    expect(detect('my boyfriend kissed my coworker').topics[0]).toBe('cheating');
    expect(detect("I can't believe he cheated on me").topics).not.toContain('cheating_self');
    expect(detect('I kissed him goodbye at the airport').topics).not.toContain('cheating_self');
  });
  test('hedged events count half and lend the rest to what the message is about', () => {
    const d = detect('what if he cheats on me');
    expect(d.topics).toEqual(expect.arrayContaining(['anxiety_distress', 'trust']));
    expect(d.emotions[0]).toBe('anxious');
    expect(detect("I'm scared she'll leave me").topics[0]).toBe('anxiety_distress');
  });
  test('sentence patterns carry feelings the words do not name', () => {
    expect(detect('why does he always cancel on me').emotions).toContain('frustrated');
    expect(detect('nobody texts me unless they need something').emotions).toContain('lonely');
    expect(detect('how could she do this to me').emotions).toEqual(
      expect.arrayContaining(['betrayed', 'angry']),
    );
    expect(
      detect('I blocked him everywhere and for the first time in ages I can breathe').emotions,
    ).toContain('relieved');
  });
  test('the one-word wildcard in lexicon phrases works', () => {
    expect(detect("I've been texting my ex behind my partner's back").topics).toContain(
      'cheating_self',
    );
    expect(detect('he went behind my back').topics).not.toContain('cheating_self');
  });
  test('a long phrase holding a heavier one of the same label keeps one of them', () => {
    expect(detect('I have people around me but I feel completely alone').topics).toContain(
      'loneliness',
    );
  });
  test('asking what to do', () => {
    expect(detect('What should I do?').asksAdvice).toBe(true);
    expect(detect('should I text him').asksAdvice).toBe(true);
    expect(detect('any advice?').asksAdvice).toBe(true);
    expect(detect('I miss him so much').asksAdvice).toBe(false);
  });
});

describe('relationship status', () => {
  test.each([
    ['single', 'single'],
    ['Married', 'married'],
    ['in a relationship', 'in_relationship'],
    ["it's complicated", 'situationship'],
    ['Engaged', 'engaged'],
    ['divorced', 'divorced'],
    ['separated', 'separated'],
    ['in_relationship', 'in_relationship'],
    ['Dating', 'dating'],
    ['prefer not to say', null],
    ['', null],
    [null, null],
  ])('context %p -> %p', (raw, id) => {
    expect(mapRelationshipStatus(raw)).toBe(id);
  });
  test('from the text', () => {
    expect(statusFromText(normalizeText('my husband never listens'))).toBe('married');
    expect(statusFromText(normalizeText('my ex keeps texting me'))).toBe('single');
    expect(statusFromText(normalizeText('my boyfriend is jealous of my ex'))).toBe(
      'in_relationship',
    );
    expect(statusFromText(normalizeText("we're separated now"))).toBe('separated');
    expect(statusFromText(normalizeText("we're not married"))).toBeNull();
  });
});

describe('partner name', () => {
  test.each([
    ['My boyfriend Alex broke up with me', 'Alex', 'boyfriend'],
    ['my ex, Sam, keeps texting me', 'Sam', 'ex'],
    ['My ex-husband Daniel wants the house', 'Daniel', 'ex-husband'],
    ['Alex and I were together for years', 'Alex', null],
    ['Jordan left me last week', 'Jordan', null],
    ['it was me and Priya against the world', 'Priya', null],
    ['I really miss Taylor', 'Taylor', null],
  ])('%s', (text, name, role) => {
    expect(findPartnerName(text)).toMatchObject({ name, role });
  });
  test.each([
    'My sister Anna said I should move on',
    'Today I feel awful',
    'I went to Tinder again',
    'Monday was hard',
    'He and I argue',
    'My boyfriend and I fight',
  ])('no partner name in: %s', (text) => {
    expect(findPartnerName(text)).toBeNull();
  });
});

describe('key facts', () => {
  const facts = (text: string, name: string | null = null) =>
    extractFacts(normalizeText(text), name, 1).map((f) => f.text);
  test('durations', () => {
    expect(facts('we were together for 3 years')).toContain('you were together for 3 years');
    expect(facts("we've been married for twelve years")).toContain(
      'you have been married for twelve years',
    );
    expect(facts('he left after six months of dating')).toContain(
      'you had been dating for six months',
    );
    expect(facts('it was a 5 year relationship')).toContain('it was a 5-year relationship');
  });
  test('events, with the partner named', () => {
    expect(facts('He moved out last month', 'Alex')).toContain('Alex moved out last month');
    expect(facts('we got engaged in June')).toContain('you got engaged in June');
    expect(facts('she cheated on me')).toContain('your partner cheated on you');
    expect(facts("it's been two weeks since we broke up")).toContain('you broke up two weeks ago');
  });
});

describe('echo', () => {
  test('a 3-8 word clause of the user, preferring the salient one, without braces', () => {
    const salient = new Set(normalizeText('crying').stems);
    expect(extractEcho('My boyfriend left me last week and I cannot stop crying', salient)).toBe(
      'I cannot stop crying',
    );
    expect(extractEcho('ok', new Set())).toBeNull();
    expect(extractEcho('he said {partner} was {echo} lol whatever man', new Set())).not.toMatch(
      /[{}]/,
    );
  });
});

describe('compose', () => {
  test('fills placeholders, capitalises, joins cleanly', () => {
    const out = composeReply(
      [
        '{partner} matters to you',
        'When you say {echo}, I hear it.',
        '{partner_possessive} words stayed with you .',
        'What happened next?',
      ],
      { partnerName: null, echo: 'I miss him' },
    );
    expect(out).toBe(
      'Your partner matters to you. When you say "I miss him", I hear it. Your partner\'s words stayed with you. What happened next?',
    );
    const named = composeReply(['{partner} left.', 'It hurts,,  a lot..'], {
      partnerName: 'Alex',
      echo: null,
    });
    expect(named).toBe('Alex left. It hurts, a lot.');
    expect(composeReply(['Stray {brace'], { partnerName: null, echo: null })).not.toMatch(/[{}]/);
  });
});

describe('style', () => {
  const base: StyleInput = {
    asksAdvice: false,
    heavyTopic: false,
    strongEmotion: false,
    stage: 1,
    turn: 1,
    words: 20,
    hasTopic: true,
    recentStyles: [],
  };
  test('rules', () => {
    expect(chooseStyle({ ...base, asksAdvice: true })).toBe('GUIDANCE_SESSION');
    expect(chooseStyle({ ...base, heavyTopic: true })).toBe('GROUNDING');
    expect(chooseStyle({ ...base, strongEmotion: true })).toBe('GROUNDING');
    expect(chooseStyle({ ...base, stage: 2, turn: 5 })).toBe('DEEPENING');
    expect(chooseStyle({ ...base, stage: 3, turn: 9 })).toBe('DEEPENING');
    expect(chooseStyle({ ...base, stage: 2, turn: 6, words: 3 })).toBe('LIGHT_TOUCH');
  });
  test('never three in a row: the next-best one instead', () => {
    const s = chooseStyle({ ...base, heavyTopic: true, recentStyles: ['GROUNDING', 'GROUNDING'] });
    expect(s).not.toBe('GROUNDING');
    expect(
      chooseStyle({ ...base, heavyTopic: true, recentStyles: ['GROUNDING', 'DEEPENING'] }),
    ).toBe('GROUNDING');
    expect(
      chooseStyle({
        ...base,
        asksAdvice: true,
        recentStyles: ['GUIDANCE_SESSION', 'GUIDANCE_SESSION'],
      }),
    ).not.toBe('GUIDANCE_SESSION');
  });
});

describe('stages', () => {
  test('1 for 3 turns, 2 for the next 4, 3 for the next 5, then 4; one step at a time', () => {
    expect([1, 3, 4, 7, 8, 12, 13, 40].map(stageForTurns)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(nextStage(1, 13)).toBe(2);
    expect(nextStage(3, 2)).toBe(3);
  });
});

describe('summary and check-in', () => {
  const state: ConversationState = {
    ...initialState(),
    turnCount: 5,
    mainTopic: 'heartbreak',
    partnerName: 'Alex',
    topics: {
      heartbreak: { turns: 5, stage: 2, lastTurn: 5 },
      loneliness: { turns: 2, stage: 1, lastTurn: 3 },
    },
    facts: [
      { kind: 'name', text: 'Alex, your partner', turn: 1 },
      { kind: 'duration', text: 'you were together for 3 years', turn: 1 },
      { kind: 'event', text: 'Alex moved out last month', turn: 2 },
    ],
    emotionCounts: { sad: 4, hurt: 2, lonely: 1 },
    explored: ['what happened and how it ended', 'what you miss most'],
  };

  test('summary: topics, facts, feelings, what was explored, the next stage', () => {
    const { summaryText, nextPlanText } = summarize(state);
    expect(summaryText).toBe(
      "So far we've talked about your breakup with Alex and loneliness. You told me about Alex, your partner, that you were together for 3 years, and that Alex moved out last month. The feelings that came up most were sadness and hurt. We looked at what happened and how it ended and what you miss most.",
    );
    // Loneliness came up once (emotionCounts.lonely 1): not one of the feelings that came up most.
    expect(nextPlanText).toBe(
      "Next, for your breakup with Alex, we'll turn to what you needed and what keeps repeating, so you can see more clearly what you need.",
    );
  });

  test('a topic guessed from one message is not listed as something we talked about', () => {
    const once = {
      ...state,
      topics: { ...state.topics, loneliness: { turns: 1, stage: 1 as const, lastTurn: 3 } },
    };
    expect(summarize(once).summaryText).toMatch(
      /^So far we've talked about your breakup with Alex\. /,
    );
  });

  test('check-in: title or topic, last thing explored, an open question', () => {
    const p = followupPrompt({ title: 'Breakup with Alex', primaryTopic: 'heartbreak' }, state);
    expect(p).toMatch(
      /^Last time we talked about your breakup with Alex and what you miss most\. .+\?$/,
    );
    expect(followupPrompt({ title: 'New session', primaryTopic: null }, null)).toMatch(/\?$/);
    expect(followupPrompt({ title: 'New session', primaryTopic: 'loneliness' }, null)).toMatch(
      /^Last time we talked about loneliness\./,
    );
  });

  test.each([
    ['Breakup with Alex', 'your breakup with Alex'],
    ['Work stuff', 'your work stuff'],
    ['me & Sam', 'you and Sam'],
    ['Moving on from Jo', 'moving on from Jo'],
    ['The fights', 'the fights'],
    ['Sam', 'Sam'],
    ['my marriage', 'your marriage'],
    ['Why does he ignore me?', 'what you called "Why does he ignore me?"'],
    ['New session', null],
    ['Help', null],
  ])('title %p reads as %p', (title, phrase) => {
    expect(titlePhrase(title)).toBe(phrase);
  });
});

describe('words that are also JavaScript property names', () => {
  // Lookup tables keyed by user words must not answer with Object.prototype's members.
  const WORDS = [
    ...Object.getOwnPropertyNames(Object.prototype),
    'prototype',
    'constructor',
    '__proto__',
  ];
  const engine = createBlocksEngine({ library: loadBlockLibrary() });
  it.each(WORDS)('answers a message containing "%s" like any other', (word) => {
    let state = initialState();
    for (const text of [
      `my ${word} broke up with me and I feel ${word}`,
      `${word[0].toUpperCase()}${word.slice(1)} and I were together for ${word} years, ${word} cheated on me`,
      `i ${word} want to ${word} and I can't ${word} anymore`,
    ]) {
      const result = engine.respond({
        text,
        state,
        seed: 7,
        context: { topics: [word], relationshipStatus: word },
      });
      expect(typeof result.reply).toBe('string');
      expect(result.reply).not.toMatch(/[{}]|function|undefined|\[object/);
      state = result.state;
    }
    expect(typeof summarize(state).summaryText).toBe('string');
    expect(followupPrompt({ title: word, primaryTopic: word }, state)).not.toMatch(
      /function|undefined|\[object/,
    );
  });
});

describe('facts for summaries', () => {
  it('takes a partner name given as "her name is ..." and writes months as names', () => {
    expect(findPartnerName('Her name is Maria and we were together for two years.')?.name).toBe(
      'Maria',
    );
    expect(findPartnerName('her name is really hard for me to say')).toBeNull();
    const facts = extractFacts(normalizeText('My girlfriend left me in march.'), null, 1);
    expect(facts.map((f) => f.text).join(' ')).toContain('March');
  });
});
