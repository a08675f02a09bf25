import { createBlocksEngine } from '../../src/coach';
import actReplies from '../../src/coach/conversation/act-replies.json';
import { realLibrary, lastTurns } from './helpers';

/**
 * Turns that are not questions answered as what they are (issue 11): news met with a tone that
 * fits its weight, good news as good news, a plan affirmed and helped rather than treated as a
 * question, a correction said back, a short reply given an easy way in that follows the turn
 * before, a hesitant hello welcomed. Each conversation runs under several seeds, since the
 * wording is chosen at random within what fits.
 */
const engine = createBlocksEngine({ library: realLibrary(), warmUp: false });
interface Reply {
  text: string;
  act: string;
}

/** The last reply of a conversation, under every seed. */
function last(turns: readonly string[]): Reply[] {
  return lastTurns(engine, turns).map((r) => ({ text: r.reply, act: r.act ?? 'sharing' }));
}

const questions = (s: string) => (s.match(/\?/g) ?? []).length;
/** Words that meet a message as pain. */
const PAIN = /\b(hard|painful|hurts?|sorry|heavy|costing you|weighing on you|tough)\b/i;

describe('news is met by its weight', () => {
  const opening = ['hey', 'been seeing leo for 5 months, we never put a label on it'];

  test('a discovery is a shock, said in their words, never "good to understand"', () => {
    for (const r of last([
      ...opening,
      'omg. my friend just sent me a screenshot, leo is active on grindr. like 20 min ago',
    ])) {
      expect(r.act).toBe('event');
      expect(r.text).not.toMatch(/good to understand|glad|lovely/i);
      expect(r.text).toMatch(/shock|hit you hard|horrible thing/i);
      expect(r.text).toMatch(/Leo is active on grindr/);
      expect(questions(r.text)).toBe(1);
    }
  });

  test('a message from someone is something that stirs things up', () => {
    for (const r of last([
      'hi',
      'i ended things with daniel a month ago, we work together',
      'daniel messaged me tonight asking if we can just talk',
    ])) {
      expect(r.act).toBe('event');
      expect(r.text).toMatch(/stir|pull you right back|land in your phone/i);
      expect(questions(r.text)).toBe(1);
    }
  });

  test("a friend's joke told laughing is a laugh shared, not a message that stirs things up", () => {
    for (const r of last([
      'hey',
      'my gf dumped me over snap today',
      'my mate tom just sent me a meme about it im dead 💀💀',
    ])) {
      expect(r.act).toBe('event');
      expect(r.text).not.toMatch(/stir|pull you right back|land in your phone|answering/i);
      expect(r.text).toMatch(/laugh/i);
    }
    // From the ex, the same words are still contact that stirs things up.
    for (const r of last([
      'hey',
      'my gf dumped me over snap today',
      'she just sent me a meme like nothing happened lol',
    ]))
      expect(r.text).not.toMatch(/laugh/i);
  });

  test('an invitation from someone else, to someone married, is weighed, not "sounds really good"', () => {
    for (const r of last([
      "I'm married, 18 years, to Stefan. And I have feelings for a colleague, Leon.",
      "Leon asked me to stay after the Christmas party next week, 'for a drink, just us'.",
    ])) {
      expect(r.text).not.toMatch(/really good|lovely|nice/i);
      expect(r.text).toMatch(/invitation|to be asked|saying yes|holding back/i);
    }
    // From the one they are dating, an invitation is simply good news.
    for (const r of last([
      'been talking to this guy from my class for a few weeks',
      'he just texted asking if i want to come to his friends bbq saturday!!',
    ]))
      expect(r.text).not.toMatch(/holding back|unsure together/i);
  });

  test("someone else's pregnancy is news to take in, not a nice thing; an affair admitted is not good news", () => {
    for (const r of last([
      'we have been doing ivf for two years. third round failed in march',
      'and then last week my sister announced she is pregnant. at dinner. in front of everyone',
    ]))
      expect(r.text).not.toMatch(/nice thing|lovely|congrat|really good/i);
    for (const r of last([
      'i told my best friend i saw her boyfriend on a dating app',
      "she just called. she confronted him and he admitted he'd been talking to someone. she's staying at her mum's for now. and she said thank you for telling me 😭",
    ]))
      expect(r.text).not.toMatch(/really good|lovely news|looking forward/i);
  });

  test('an invitation is a question to weigh, not hard news', () => {
    for (const r of last([
      'my husband died in 2019. i met lionel at the library last spring',
      'Lionel asked whether I would like to go to Niagara for a weekend. Separate rooms, he said. I am not sure what I want.',
    ])) {
      expect(r.act).toBe('event');
      expect(r.text).not.toMatch(/hard piece of news|hard news|sorry/i);
      expect(r.text).toMatch(/invitation|to be asked|saying yes/i);
    }
  });

  test('"we\'re exclusive now" after being scared to ask is progress, whatever fear it mentions', () => {
    for (const r of last([
      "been seeing jess for 3 months, we're not official",
      "UPDATE. asked her. she said shes been scared to ask ME. we're exclusive now!!! 🥹",
    ])) {
      expect(r.act).toBe('progress');
      expect(r.text).not.toMatch(/struggling|a lot to deal with|hard/i);
    }
  });

  test('a step taken as planned ("ok i said something, calmly") is progress', () => {
    for (const r of last([
      'my bf gets jealous of my ex felipe',
      'ok i said something, calmly. he said he didnt even think about it and sent me 40 heart emojis lmao',
    ]))
      expect(r.act).toBe('progress');
  });

  test('a hurtful text stings, and the quoted words count', () => {
    for (const r of last([
      'hey',
      'my gf zoe gets jealous of my sister',
      "zoe just texted 'have fun with your real girlfriend' bc im at my sisters tonight",
    ])) {
      expect(r.text).toMatch(/stung|hurtful|under your skin|hurt anyone/i);
    }
  });

  test("someone else's temper is frightening; the person's own act is not", () => {
    // A plate thrown at the wall is also named as a warning sign (safety-mode.test.ts).
    for (const r of last([
      'hi',
      'my husband and i keep fighting about money',
      'i tried talking to him last night. he got really angry. he slammed the door so hard the frame cracked',
    ]))
      expect(r.text).toMatch(/frightening|scary/i);
    for (const r of last([
      'hi',
      'my girlfriend cheated on me',
      'i threw her out. her stuff is in bin bags on the drive',
    ]))
      expect(r.text).not.toMatch(/frightening|scary/i);
  });

  test('an invitation is good news, not pain', () => {
    for (const r of last([
      'hi',
      'so ive been seeing this guy for a month and i really like him',
      'omg he just texted asking if i want to come to his friends bbq saturday',
    ])) {
      expect(r.text).toMatch(/lovely|good|glad|enjoying|nice/i);
      expect(r.text).not.toMatch(PAIN);
    }
  });

  test('every weight frame for hard news stays serious', () => {
    const groups = actReplies as unknown as Record<string, { text: string }[]>;
    const heavy = ['event_shock', 'event_new_partner', 'event_hurt', 'event_bad_news'];
    for (const g of heavy)
      for (const e of groups[g])
        expect(e.text).not.toMatch(/good to understand|lovely|glad|good news/i);
  });
});

describe('a plan is affirmed and helped', () => {
  test('a plan with the question it will put to someone is not answered as a question', () => {
    for (const r of last([
      'hey',
      'been seeing leo for 5 months, no labels',
      'how do i ask what we are without sounding needy',
      'ok im gonna text him to come over tmrw and ask him straight, what are we and are we exclusive',
    ])) {
      expect(r.act).toBe('plan');
      expect(r.text).not.toMatch(/my honest view|keep it casual/i);
      expect(r.text).toMatch(/ask him straight/);
      expect(questions(r.text)).toBe(1);
    }
  });

  test('holding off an urge gets a way through the urge', () => {
    for (const r of last([
      'hi',
      'my ex and i broke up 2 weeks ago and i keep wanting to text him',
      'ok ill try not to text him this week',
    ])) {
      expect(r.act).toBe('plan');
      expect(r.text).toMatch(/You'll try not to text him this week/);
      expect(r.text).toMatch(/urge/i);
    }
  });

  test('getting support of their own is met as such', () => {
    for (const r of last([
      'hi',
      'my husband had an affair and im trying to decide what to do',
      'ok. im going to look for a therapist just for me',
    ]))
      expect(r.text).toMatch(/support|on your side/i);
  });
});

describe('news is what was said after "they rang"', () => {
  test('"the clinic rang this morning. the embryo transfer didnt work" says back the news, as hard news', () => {
    for (const r of last([
      'my wife and i have been doing ivf for two years now',
      'the clinic rang this morning. the embryo transfer didnt work',
    ])) {
      expect(r.text).toMatch(/transfer didn't work/i);
      expect(r.text).not.toMatch(/^The clinic rang/);
      expect(r.text).not.toMatch(/I'm following you/);
    }
  });
});

describe('news told laughing at itself is not hard news', () => {
  test('"accidentally liked her post from 2019 💀 dying" is not met as worrying news', () => {
    for (const r of last([
      'my ex and i broke up two months ago, her name is sara',
      'ok so last night i was scrolling her insta and accidentally liked a post from 2019 by accident 💀💀 dying',
    ])) {
      expect(r.text).not.toMatch(/a lot to take in|worry|hard piece of news/i);
    }
  });

  test('"i was so proud of myself" is not what is said back when what they did is there', () => {
    for (const r of last([
      'my ex and i broke up two months ago, her name is sara',
      'UPDATE went to the pub quiz with my mates and didnt text her once all night!!! i was so proud of myself',
    ])) {
      expect(r.text).toMatch(/pub quiz/i);
    }
  });
});

describe('progress is named and celebrated', () => {
  test("the person's own step is said back and credited, without probing pain", () => {
    for (const r of last([
      'hi',
      'my ex and i broke up 2 weeks ago and i keep wanting to text him',
      'ok ill try not to text him this week',
      'update: i didnt text him!! its been 5 days',
    ])) {
      expect(r.act).toBe('progress');
      expect(r.text).toMatch(/^You didn't text him/);
      expect(r.text).not.toMatch(PAIN);
    }
  });

  test('what happened is said back, not only how good it was', () => {
    for (const r of last([
      'hi',
      'asking tess to the formal tomorrow and im so nervous',
      'UPDATE!! she said yes and she even made me a little card with a drawing of us. im literally so happy rn',
    ])) {
      expect(r.act).toBe('progress');
      expect(r.text).toMatch(/she said yes/i);
      expect(r.text).not.toMatch(/^You're (?:literally )?so happy/);
    }
    for (const r of last([
      'hi',
      'first date with sam tonight and im so nervous',
      'IM HOME. it was so good. we walked along the river for hours and he held my hand the whole way',
    ])) {
      expect(r.text).toMatch(/walked along the river/i);
      expect(r.text).not.toMatch(/that took something|How did you manage/);
    }
  });

  test('good news a situation knows is met in its words, not as a step that took effort', () => {
    for (const r of last([
      'my boyfriend theo and i have been together 4 years',
      'HE PROPOSED last night on the beach!!! im engaged omg',
    ])) {
      expect(r.text).toMatch(/congratulations/i);
      expect(r.text).not.toMatch(/real step|took something/);
    }
  });

  test("someone else's tears do not turn a step into pain", () => {
    for (const r of last([
      'hey',
      'my best friend amy is being cheated on and i know about it',
      'ok im meeting her for coffee tomorrow. ill tell her in person',
      'i told her. she cried a lot but she thanked me',
    ])) {
      expect(r.act).toBe('progress');
      expect(r.text).not.toMatch(/of course that hurts|painful|that stays with you/i);
    }
  });
});

describe('corrections, short replies and greetings', () => {
  test('openings, agreements and news of set 13 read by what they are', () => {
    for (const r of last(['Evening. Quick one about my son'])) {
      expect(r.act).toBe('greeting');
      expect(r.text).not.toMatch(/heavy|getting to you/i);
    }
    for (const r of last(['right so this is a weird one'])) expect(r.act).toBe('greeting');
    for (const r of last([
      'my ex and i share the kids, week on week off',
      'he wants to take me to galveston this weekend. his mom gloria can watch the kids',
    ]))
      expect(r.text).not.toMatch(/tough thing to sit with|hardest moment/i);
    for (const r of last([
      'told my ex about my new girlfriend',
      'she was surprisingly cool, only asked that she not sleep over on my weeks for now. fair',
    ]))
      expect(r.text).not.toMatch(/hard place to be|keep coming back/i);
  });

  test('advice that landed is met as that, not as news or a change of subject', () => {
    for (const r of last([
      'my sister just got engaged and now everyone asks when its my turn',
      "how do i handle the 'so when is it your turn' comments at the party",
      'omg those are good. esp changing the subject to food, my aunties LOVE talking about food',
    ])) {
      expect(r.act).toBe('progress');
      expect(r.text).toMatch(/glad/i);
      expect(r.text).not.toMatch(/struggling|switch to that|lovely news/i);
      expect(r.text).not.toMatch(/\besp\b/i);
    }
  });

  test('six suitors turned down is the story, not a step to praise; deciding to wait is a plan', () => {
    for (const r of last([
      'hi',
      'my parents keep introducing me to guys from families they know. ive said no to like 6 of them',
    ])) {
      expect(r.act).not.toBe('progress');
      expect(r.text).not.toMatch(/well done|step forward/i);
    }
    for (const r of last([
      'seeing someone my parents dont know about',
      'should i tell my mum now or wait',
      'ya i think waiting makes sense. i want to know if its real first',
    ]))
      expect(r.act).toBe('plan');
  });

  test('a number put right without the word "correction" is a correction, said back', () => {
    const cases: [string[], RegExp][] = [
      [
        ['seeing tom from hinge, 4 dates so far', 'sorry 5 dates not 4, forgot the museum one 😅'],
        /5 dates, not 4/,
      ],
      [
        [
          'me and kane have 2 kids, maia 7 and tai 4',
          'sorry maias 8 now not 7, her bday was last week lol',
        ],
        /Maia's 8 now, not 7/,
      ],
      [
        ['my husband died three years ago', 'Sorry, four years. It will be four years in March.'],
        /four years/,
      ],
    ];
    for (const [turns, said] of cases)
      for (const r of last(turns)) {
        expect(r.act).toBe('correction');
        expect(r.text).toMatch(said);
        expect(r.text).not.toMatch(/forgotten|forgot/i);
      }
  });

  test('a corrected detail is said back', () => {
    for (const r of last([
      'hi',
      'i found a receipt in my husbands jacket, a restaurant, two people',
      'sorry i said restaurant, it was a hotel bar actually',
    ])) {
      expect(r.act).toBe('correction');
      expect(r.text).toMatch(/it was a hotel bar, not a restaurant/);
    }
  });

  test('"X, not Y" and "it wasn\'t X, it was Y" are said back as the person put them right', () => {
    for (const r of last([
      'we moved in together 2 years ago and it feels like we are flatmates now',
      'sorry one correction, its more like 3 years not 2',
    ])) {
      expect(r.act).toBe('correction');
      expect(r.text).toMatch(/3 years, not 2/);
    }
    for (const r of last([
      'my boyfriend lent his car to his mum for a month without asking me',
      "I need to correct something. It wasn't his mum's car trip, it was his cousin's",
    ])) {
      expect(r.act).toBe('correction');
      expect(r.text).toMatch(/it was his cousin's, not his mum's car trip/);
    }
  });

  test('a correction that asks something gets its answer', () => {
    for (const r of last([
      'hi',
      'my ex has a new girlfriend and my son max who is 5 keeps asking about her',
      'oh wait max is 6 not 5 sorry lol, does that change anything',
    ])) {
      expect(r.act).toBe('correction');
      expect(r.text).toMatch(/6, not 5/);
      expect(r.text).toMatch(/still|not really|no\b/i);
    }
  });

  test('"idk what to feel" after news gets feelings named, not a probe', () => {
    for (const r of last([
      'hey',
      'been seeing leo for 5 months, no labels',
      'omg my friend just sent me a screenshot, leo is active on grindr',
      'idk what to even feel',
    ])) {
      expect(r.act).toBe('short');
      expect(r.text).toMatch(/numb|angry|shock/i);
    }
  });

  test('"ok" after an answer gets an offer to work on it together', () => {
    for (const r of last([
      'hi',
      'me and my gf had a fight and i said some stuff i regret',
      'how do i apologise without taking all the blame',
      'ok',
    ])) {
      expect(r.act).toBe('short');
      expect(r.text).toMatch(/together|leave it there|feels stuck/i);
    }
  });

  test('a hello that does not know where to start is welcomed, not met as pain', () => {
    for (const r of last(['hi, i dont really know where to start'])) {
      expect(r.act).toBe('greeting');
      expect(r.text).toMatch(/welcome|glad/i);
      expect(r.text).not.toMatch(PAIN);
    }
  });
});

describe('a death or a frightening illness told is met first with sympathy', () => {
  test('a pet that died, a father who had a stroke', () => {
    for (const r of last([
      'hi',
      "also my little dog pepper died last week, she was 15. she was really my late husband's dog",
    ]))
      expect(r.text).toMatch(/^I'm (so|really) sorry/);
    for (const r of last([
      'hi',
      'we have been arguing about money',
      'anyway another thing. my dad had a small stroke on wednesday. hes in hospital, they say he will recover',
    ]))
      expect(r.text).toMatch(/I'm sorry|sorry you're facing it/);
    for (const r of last(['hi', 'my grandad died when i was a kid, but that is not why i am here']))
      expect(r.text).not.toMatch(/^I'm (so|really) sorry/);
  });
});

describe('after an affair of their own, telling the other person to stop is not a confession', () => {
  test('"how do i tell him to stop without opening it all again" gets no confession script', () => {
    for (const r of last([
      'i had an affair with a coworker, it ended in march. my husband doesnt know',
      'he texted me yesterday, just how are you. i didnt answer',
      'how do i tell him to stop without opening it all again',
    ]))
      expect(r.text).not.toMatch(/something I've done|what happened plainly/i);
  });
});

describe('an idiom of shock is not shocking news', () => {
  test('"my son nearly had a heart attack when i told him 😂" is not met as frightening news', () => {
    for (const r of last([
      'im 70 and ive started seeing a lovely man from my bowls club, his name is frank',
      'my son nearly had a heart attack when i told him 😂',
    ]))
      expect(r.text).not.toMatch(/frightening|sorry|hard piece of news/i);
  });
});
