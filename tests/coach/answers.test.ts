import { createBlocksEngine } from '../../src/coach';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { optionsIn, subjectsOf, SUBJECTS } from '../../src/coach/conversation/asked';
import { assumptionsInText } from '../../src/coach/conversation/assumptions';
import { quoteFor, splitAction, worryKind } from '../../src/coach/conversation/wording';
import { loadSituations } from '../../src/coach/situations';
import { questionMarks, realLibrary, lastTurns, leadsWithSubject, subjectById } from './helpers';

/**
 * Direct questions get a real answer to what was asked (issue 11): an either/or is answered by
 * weighing the two options the person named, a worry after "or" is answered too, a question whose
 * subject the catalogue knows gets that subject's answer, and a question about something else
 * never gets a situation's stock answer to a different question. Each conversation runs under
 * several seeds, since the choice among fitting answers is random.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
const lastReplies = (turns: readonly string[]): string[] =>
  lastTurns(engine, turns).map((r) => r.reply);

/** The reply with its closing question, if any, left off. */
function answerPart(reply: string): string {
  return reply.replace(/[^.!"]*\?\s*$/, '').trim();
}

describe('an either/or is answered by weighing the options named', () => {
  test('even inside a situation the engine knows well, the options asked about lead', () => {
    for (const reply of lastReplies([
      'theres this girl nadia from bumble, we see each other most weekends but she never says what we are',
      'should i ask her what we are or will that scare her off',
    ])) {
      const answer = answerPart(reply);
      expect(answer).toMatch(/ask/i);
      expect(answer).toMatch(/scare (her )?off/i);
      expect(answer).not.toMatch(/keep it casual/i);
    }
  });

  test('both options are named in the person words, and one is chosen with a reason', () => {
    for (const reply of lastReplies([
      'hey',
      'my boyfriend forgot my birthday and acted like it was nothing',
      'should i bring it up or just let it go',
    ])) {
      expect(reply).toMatch(
        /^On whether to bring it up or let it go: if it were me, I'd bring it up\./,
      );
      // Not a bare "yes" to a question that offered two things.
      expect(reply).not.toMatch(/^(Yes|No)\b/);
      expect(reply).toMatch(/keeps the peace for now/);
    }
  });

  test('"is it normal to feel this guilty" is about guilt, not the loneliness talked of before', () => {
    // Set 12's p01 (a development set), where a loneliness answer came back.
    for (const reply of lastReplies([
      'hi. ok so idk if this is the right app for this but here goes',
      "im 29, live in london, my parents keep 'introducing' me to guys from families they know. arranged-ish. ive said no to like 6 of them",
      "meanwhile i've secretly been seeing someone from hinge lol. tom. 4 dates so far and honestly hes lovely",
      'my mum is literally going to kill me if she finds out 😭',
      'should i tell her now or wait till its more serious',
      'sorry 5 dates not 4, forgot the museum one 😅',
      'ya i think waiting makes sense. i want to know if its real first',
      'is it normal to feel this guilty tho?? im an adult its my life',
    ])) {
      expect(reply).toMatch(/guilt/i);
      expect(reply).not.toMatch(/loneliness/i);
    }
  });

  test('"should i just ask her what we are" is answered about asking', () => {
    for (const reply of lastReplies([
      'been seeing noor for 2 months, no label yet',
      'should i just ask her what we are',
    ])) {
      expect(reply).toMatch(/\bask\b/i);
      expect(reply).not.toMatch(/^My honest view: only keep it casual/);
    }
  });

  test('telling now or waiting for a milestone is about readiness, not about calming down', () => {
    for (const reply of lastReplies([
      'been seeing tom for a month, my mum doesnt know yet',
      'should i tell her now or wait till its more serious',
    ])) {
      expect(reply).toMatch(/^On whether to tell her now or wait till its more serious:/);
      expect(reply).not.toMatch(/calm|in the heat|blame/i);
      expect(reply).toMatch(/surer|where things stand|tell sooner/i);
    }
    // Waiting after a row is still waiting to be calm.
    for (const reply of lastReplies([
      'we had a huge fight last night about his mum',
      'should i bring it up now or wait till things settle',
    ]))
      expect(reply).toMatch(/calm/i);
  });

  test('messaging him or waiting for him to message is no cooling-down after a row', () => {
    for (const reply of lastReplies([
      'we kissed at a party on saturday and now he acts like i dont exist',
      'should i message him or just wait for him',
    ])) {
      expect(reply).not.toMatch(/in the heat|blame|until you're calm/i);
      expect(reply).toMatch(/short, easy message|wait and guess/i);
    }
  });

  test('a pair with a better order gets both in that order', () => {
    for (const reply of lastReplies([
      'my daughter is getting married and they want the wedding abroad',
      'should i say something to her or let her decide?',
    ]))
      expect(reply).toMatch(/^On whether to say something to her or let her decide: I'd do both/);
  });

  test("someone else's family is left to the person it belongs to", () => {
    for (const reply of lastReplies([
      'my fiance sam has a mother who keeps planning our wedding for us',
      'should i talk to her myself or let sam handle it',
    ]))
      expect(reply).toMatch(
        /^On whether to talk to her yourself or let Sam handle it: I'd lean towards the second/,
      );
  });

  test('two options Amora has no view between are both restated, with a way to weigh them', () => {
    for (const reply of lastReplies([
      'hi',
      'should i get my girlfriend a necklace or tickets to a show for our anniversary',
    ])) {
      expect(reply).toMatch(/get your girlfriend a necklace/);
      expect(reply).toMatch(/tickets to a show/);
    }
  });

  test('"or will that scare him off" is a worry: the option is answered, then the worry', () => {
    for (const reply of lastReplies([
      'been seeing someone for two months',
      'should i ask him where this is going or will that scare him off',
    ])) {
      expect(reply).toMatch(
        /^On whether to ask him where this is going: (I'd do it, yes|yes, I think you should)\./,
      );
      expect(reply).toMatch(/might scare him off/);
    }
  });

  test('"am i overreacting or was that rude" gets a view on both halves', () => {
    for (const reply of lastReplies([
      'my best friend had a birthday dinner and didnt invite me',
      'am i overreacting or was that actually rude',
    ]))
      expect(reply).toMatch(/^I don't think you're overreacting.*actually rude/);
  });
});

describe('a question is answered about its own subject, not another', () => {
  test('a yes/no about what words mean does not get advice about ultimatums', () => {
    const commit = loadSituations().get('partner_wont_commit');
    expect(commit).toBeDefined();
    for (const reply of lastReplies([
      'my boyfriend of 7 years keeps saying someday about marriage and kids',
      'im 36, i dont have forever',
      "he says he's just not ready. is 'not ready' a polite way of saying no?",
    ])) {
      expect(reply).not.toContain(commit!.answers.advice!);
      expect(reply).toMatch(/not ready/i);
    }
  });

  test('a yes/no with no answer of its own does not borrow a carried situation’s advice', () => {
    const commit = loadSituations().get('partner_wont_commit')!;
    for (const reply of lastReplies([
      'my boyfriend of 7 years keeps saying someday about marriage and kids',
      'i feel like ive been waiting forever',
      'is it my fault for never pushing harder?',
    ]))
      expect(reply).not.toContain(commit.answers.advice!);
  });

  test('"does it count as cheating" is answered about cheating', () => {
    for (const reply of lastReplies([
      'ive been messaging an old friend every night and my wife doesnt know',
      'does it really count as cheating if we never met up?',
    ]))
      expect(answerPart(reply)).toMatch(/^Honestly, for many people it would count/);
  });

  test('"should i check his phone" is answered about checking, with a view', () => {
    for (const reply of lastReplies([
      'my husband has been secretive lately and guards his phone',
      'should i go through his phone while he sleeps?',
    ]))
      expect(reply).toMatch(/I'd ask rather than look|I wouldn't/);
  });

  test('"do i have to go" is answered as a choice that is theirs', () => {
    for (const reply of lastReplies([
      'my dad is remarrying in june',
      'do i have to go to the wedding?',
    ]))
      expect(reply).toMatch(/^No, you don't have to go to the wedding; it's your choice\./);
  });

  test('a how-to about saying something gets words to use and meets the worry named', () => {
    for (const reply of lastReplies([
      'we keep arguing about chores',
      'how do i tell him i need more help with the house without him feeling attacked',
    ])) {
      expect(reply).toMatch(/"I need more help with the house\."/);
      expect(reply).toMatch(/keeps him from feeling attacked/);
    }
  });

  test('an answer asks at most one question, after the answer', () => {
    for (const reply of lastReplies(['should i confront him or pretend i didnt see the texts'])) {
      expect(questionMarks(reply)).toBeLessThanOrEqual(1);
      // Any question comes after the answer, never before it.
      if (reply.includes('?')) expect(reply.indexOf('?')).toBeGreaterThan(reply.indexOf('.'));
    }
  });
});

describe('question reading', () => {
  test('either/or options are split, a worry is told from an option', () => {
    expect(optionsIn('should i confront him or pretend i didnt see')).toEqual({
      a: 'confront him',
      b: 'pretend i didnt see',
      worry: false,
    });
    expect(optionsIn('should i unfollow her or is that petty')?.worry).toBe(true);
    expect(optionsIn('do you think i should call her or will that push her away')).toMatchObject({
      a: 'call her',
      worry: true,
    });
    // "or not" is a plain yes/no, not two options.
    expect(optionsIn('should i text him or not')).toBeNull();
    expect(optionsIn('how do i tell him')).toBeNull();
  });

  test('words to use come from how the person asked', () => {
    expect(quoteFor('tell him i need him to back me up')).toBe('I need you to back me up');
    expect(quoteFor('ask what we are')).toBe("I'd like to know what we are");
    expect(quoteFor('find out what she wants')).toBe("I'd like to know what you want");
    expect(quoteFor('tell her im lonely')).toBe(
      "I've been feeling lonely lately, and I wanted you to know",
    );
    expect(quoteFor('get him to see a doctor')).toBeNull();
    const parts = splitAction('talk to rob about it without it becoming another fight');
    expect(parts).toMatchObject({
      main: 'talk to rob about it',
      worry: 'it becoming another fight',
    });
    expect(worryKind(parts.worry!)).toBe('fight');
    expect(worryKind('sounding needy')).toBe('sound');
    expect(worryKind('him getting defensive')).toBe('defensive');
  });

  test('subject answers say only what they declare or the question raises', () => {
    const problems: string[] = [];
    for (const s of SUBJECTS)
      for (const t of [...Object.values(s.answers), s.question ?? ''])
        for (const a of assumptionsInText(t, []))
          if (!s.assumes.includes(a) && !s.raises.includes(a)) problems.push(`${s.id}: "${a}"`);
    expect(problems).toEqual([]);
  });
});

describe('common questions are answered on their own subject (issue 11)', () => {
  const subject = subjectById;
  const leadsWith = leadsWithSubject;

  /** How people type these questions: lower case, no apostrophes, typos, no question mark. */
  const ASKED: Record<string, string[]> = {
    partner_ex_jealousy: [
      'is it normal to be jealous of my wifes ex at my age?',
      'my bf still talks to his ex every week, should i be worried',
      'is it bad that im jelous of her ex',
      "is it normal to be jealous of your wife's ex at my age? feel like a bloody teenager",
    ],
    passwords: [
      'my bf wants all my passwords is that normal?',
      'should couples share passwords',
      'she keeps asking for my phone passcode, should i give it to her',
    ],
    first_date_nerves: [
      'is it normal to be this nervous before a first date?',
      'so nervous for my first date tmrw, is that normal lol',
      'should i cancel the date, im so anxious about it',
    ],
    meeting_the_parents: [
      'how do i prepare for meeting his parents',
      'im meeting my gfs parents on sunday, any tips for meeting the parents?',
      'is it normal to be scared of meeting her family',
    ],
    still_missing_ex: [
      'is it normal to still miss my ex after 8 months?',
      'how do i stop thinking about my ex',
      'will i ever get over my ex?',
    ],
    different_sex_drives: [
      'is it normal to have different sex drives?',
      'is it normal to not want to have sex with my husband',
      'my gf wants sex way more than me, is that normal',
    ],
    fighting_all_the_time: [
      'is it normal to fight every day?',
      'we argue all the time is that normal',
      'is it normal for couples to argue?',
    ],
    numb_after_breakup: [
      'is it normal to feel nothing after a breakup?',
      'i havent cried since we broke up, is that weird',
      'why do i feel so numb after the breakup',
    ],
    need_alone_time: [
      'is it bad that i need time alone?',
      'is it normal to want alone time when ur in a relationship',
      'how do i tell my boyfriend i need alone time',
    ],
    cold_feet: [
      'is it normal to have cold feet before the wedding?',
      'should i move in with him even though i have doubts',
      'im having second thoughts about getting married, is that normal',
    ],
    happy_after_a_death: [
      'is it wrong to be happy again after my husband died?',
      'is it too soon to start dating after my wife passed away',
      'i feel guilty for laughing since she died, is that normal',
    ],
    first_year_with_baby: [
      'is it normal for the first year with a baby to be this hard on our marriage?',
      'weve been fighting so much since the baby was born, is this normal?',
      'does having a baby ruin your relationship?',
    ],
    saying_i_love_you: [
      'should i say i love you first?',
      'he hasnt said i love you yet, is that normal',
      'is it too soon to say i love you after 3 months',
    ],
    attracted_to_someone_else: [
      'is it normal to be attracted to someone else when youre in a relationship?',
      'is it normal to have a crush on my coworker when im married',
      'how do i stop having feelings for someone else',
    ],
    parents_approval: [
      'is it normal to still want my parents approval at 30?',
      'my parents dont approve of my boyfriend, should i listen to them',
      'is it normal for my parents to not approve of my girlfriend',
    ],
    grateful_for_paying: [
      'should i feel grateful that he pays for everything?',
      'she pays for everything, should i be more grateful?',
      'do i owe her because she pays all the bills',
    ],
    trip_with_new_partner: [
      'should i go on holiday with him?',
      'is it too soon to go on holiday together after 2 months',
      'should we go on a trip together this summer, its only been a few months',
    ],
    compared_to_their_ex: [
      'he keeps comparing me to his ex, is that normal?',
      'is it normal to compare myself to my boyfriends ex',
      'she talks about her ex all the time, should i say something',
    ],
    close_friendship_at_work: [
      'is it normal for my husband to text his female coworker every day?',
      'is it ok that my gf has a work husband',
      'should i be worried that my wife has lunch with her male colleague every day',
    ],
    how_often_in_touch: [
      'how often should couples text?',
      'how often should we see each other when dating?',
      'he doesnt text me all day, is that normal',
    ],
    forgive_a_lie: [
      'should i forgive him for lying?',
      'she lied about where she was, can i ever trust her again after she lied',
      'should i forgive my bf for lying to me about money',
    ],
    second_chance: [
      'should i give my ex a second chance?',
      'is it normal to want to get back together with my ex',
      'should i take her back',
    ],
    tell_friend_partner_cheating: [
      'should i tell my friend her boyfriend is cheating?',
      'i saw my best friends husband on tinder, do i tell her',
      'how do i tell my sister that her husband is cheating',
    ],
    stay_for_the_kids: [
      'should we stay together for the kids?',
      'is it wrong to stay married just for the children',
      'should i stay for the sake of the kids',
    ],
    adult_age_gap: [
      'is a 15 year age gap too much?',
      'my gf is 5 years older than me, is that weird',
      'is it wrong to date an older man',
    ],
    open_relationship: [
      'should we open the relationship since were long distance?',
      'is it normal to want an open relationship',
      'how do i bring up an open relationship with my partner',
    ],
    wont_talk_about_future: [
      'he wont talk about the future, is that a bad sign?',
      'my girlfriend refuses to talk about the future, what should i do',
      'how do i deal with my partner not wanting to talk about the future',
    ],
    meeting_from_an_app: [
      'is it safe to meet someone from tinder?',
      'should i meet a guy i met on hinge',
      'how do i stay safe meeting someone from a dating app',
    ],
    separate_beds: [
      'is it normal for couples to sleep in separate beds?',
      'is it bad if we sleep in separate rooms',
      'should we get separate beds because of his snoring',
    ],
    partner_drinking: [
      'is my boyfriends drinking a problem?',
      'my husband drinks every night, should i say something',
      'how do i talk to my wife about her drinking',
    ],
    break_up_or_stay: [
      'should i break up with him?',
      'how do i break up with my girlfriend nicely',
      'should i leave my husband',
    ],
    past_partners: [
      'should i tell him my body count?',
      'is it normal that he keeps asking about my sexual past',
      'do i have to tell my boyfriend about my past relationships',
    ],
    fallen_out_of_love: [
      'is it normal to fall out of love?',
      'i dont love my husband anymore, is that normal',
      'the spark is gone, is it over',
    ],
  };
  test.each(Object.entries(ASKED))('%s: the answer leads with its view', (id, wordings) => {
    for (const wording of wordings)
      for (const reply of lastReplies([wording]))
        expect([wording, leadsWith(reply, id)]).toEqual([wording, true]);
  });

  /** Questions close to each subject that ask something else, and must not get its answer. */
  const NOT_ASKED: Record<string, string[]> = {
    partner_ex_jealousy: [
      'is it normal to be jealous of my exs new girlfriend',
      'should i text my ex',
      'is it normal that my ex still texts me',
    ],
    passwords: ['he changed his password, should i be worried', 'i forgot my password lol'],
    first_date_nerves: [
      'what should i wear on a first date',
      'im nervous about the wedding speech, any tips?',
    ],
    meeting_the_parents: ['should my boyfriend meet my friends', 'how do i tell my parents im gay'],
    still_missing_ex: ['should i text my ex', 'my ex is getting married, is it weird to go'],
    different_sex_drives: [
      'is it normal to want to have a baby at 25',
      'how often should couples text?',
    ],
    fighting_all_the_time: [
      'how do we stop fighting',
      'we had a fight last night, should i apologise first',
      'is it normal to argue about chores',
    ],
    numb_after_breakup: [
      'is it normal to cry after a breakup',
      'should i feel guilty for breaking up with him',
    ],
    need_alone_time: ['he says he needs space, what does that mean', 'should i give her space'],
    cold_feet: ['do i have to go to the wedding?', 'is it too soon to move in after 6 months'],
    happy_after_a_death: [
      'i feel guilty that he died, could i have done something',
      'he passed his driving test and im happy should i tell my ex',
      'is it normal to still miss him 3 years after he died',
    ],
    first_year_with_baby: ['how do we tell the kids about the divorce', 'should we have a baby'],
    saying_i_love_you: ['does he love me', 'how do i tell her im sorry'],
    attracted_to_someone_else: [
      'my boyfriend is attracted to someone else, is that normal',
      'does my husband still have feelings for me after 10 years married?',
      'should i tell my crush i like him',
    ],
    parents_approval: [
      'how do i set boundaries with my mum',
      'should i introduce him to my parents',
    ],
    grateful_for_paying: ['should we split the rent 50 50', 'who should pay on the first date'],
    trip_with_new_partner: [
      'should i go on holiday with my friends',
      'where should we go on holiday this year',
    ],
    compared_to_their_ex: [
      'how do i stop comparing myself to other people',
      'is it normal to compare my new partner to my ex',
    ],
    close_friendship_at_work: [
      'my boyfriend is talking to a friend about our problems, is that ok',
      'should i tell my coworker i like him',
    ],
    how_often_in_touch: ['should i double text him', 'what should we talk about on the phone'],
    forgive_a_lie: ['should i forgive him for cheating', 'how do i stop lying to myself'],
    second_chance: ['does he want to get back together', 'is going back to an ex always a mistake'],
    tell_friend_partner_cheating: [
      'should i tell my friend that i cheated',
      'should i tell my husband about the affair',
    ],
    stay_for_the_kids: ['how do i tell the kids were getting divorced', 'should we have kids'],
    adult_age_gap: [
      'im 16 and my boyfriend is 20, is that age gap ok',
      'my daughter is 15 and her boyfriend is 3 years older, is that ok',
      'is 30 too old to start dating',
    ],
    open_relationship: ['how do i get him to open up', 'should i be more open with my feelings'],
    wont_talk_about_future: [
      'i cant think about the future right now, is that normal',
      'how do i plan for the future after divorce',
    ],
    meeting_from_an_app: ['where can i meet people', 'should i delete the dating apps'],
    separate_beds: [
      'should my son have his own room',
      'should we move in together or keep separate flats',
    ],
    partner_drinking: [
      'my dad was an alcoholic. should i tell my boyfriend about my childhood?',
      'am i drinking too much since the breakup',
    ],
    break_up_or_stay: [
      'should i leave him alone for a few days',
      'should i leave the party early',
      'he broke up with me, how do i cope',
    ],
    past_partners: ['should i give him my number', 'should i tell him about my past'],
    fallen_out_of_love: ['how do i know if im in love', 'do you think he still loves me'],
  };
  test.each(Object.entries(NOT_ASKED))('%s: near misses do not get its answer', (id, wordings) => {
    subject(id);
    for (const wording of wordings)
      for (const reply of lastReplies([wording]))
        expect([wording, leadsWith(reply, id)]).toEqual([wording, false]);
  });

  test('a partner demanding passwords or gratitude for money is never called normal', () => {
    for (const id of ['passwords', 'grateful_for_paying'])
      for (const [form, text] of Object.entries(subject(id).answers))
        expect([id, form, /\bcontrol\b/.test(text)]).toEqual([id, form, true]);
  });
});

describe('question subjects behind the prefilter', () => {
  test('the prefilter never changes which subjects a sentence meets (every development message)', () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'conversations');
    const texts = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) =>
        (
          JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { turns: { user: string }[] }[]
        ).flatMap((c) => c.turns.map((t) => t.user.toLowerCase())),
      );
    expect(texts.length).toBeGreaterThan(1000);
    const sentences = texts.flatMap((t) => [t, ...t.split(/[.!?]+/)]);
    const differ = sentences.filter(
      (t) =>
        subjectsOf(t)
          .map((s) => s.id)
          .join() !==
        SUBJECTS.filter((s) => s.cue.test(t))
          .map((s) => s.id)
          .join(),
    );
    expect(differ).toEqual([]);
    // Not vacuous: many of them meet a subject.
    expect(sentences.filter((t) => subjectsOf(t).length > 0).length).toBeGreaterThan(100);
  });
});

describe('"is it bad that ..." is answered about what it is', () => {
  const asked = (q: string) =>
    lastTurns(createBlocksEngine({ library: realLibrary(), warmUp: false }), [
      'me and my girlfriend have been together two years',
      q,
    ]).map((r) => r.reply);

  test('something kept hidden is weighed, not called fair to want', () => {
    for (const reply of asked("is it bad that i haven't told my parents about her yet?")) {
      expect(reply).not.toMatch(/Wanting something for yourself/);
      expect(reply).toMatch(/understandable|kept out of sight|heavier/);
    }
  });

  test('a feeling is not right or wrong in itself', () => {
    for (const reply of asked("is it bad that i feel relieved when she's away for the weekend?")) {
      expect(reply).not.toMatch(/Wanting something for yourself/);
      expect(reply).toMatch(/feeling/i);
    }
  });
});

describe('"is it normal ..." says why, for the feeling named', () => {
  test('nerves and insecurity are each given their reason', () => {
    const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
    for (const r of lastTurns(engine, [
      'meeting his parents for the first time on sunday',
      'is it normal to be this nervous about it?',
    ]))
      expect(r.reply).toMatch(/matters to you/);
    for (const r of lastTurns(engine, [
      'my girlfriend has a close friend from work she texts a lot',
      'is it normal that i feel a bit insecure about it?',
    ]))
      expect(r.reply).toMatch(/value and are afraid of losing/);
  });
});
