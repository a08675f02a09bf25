import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_SAFETY_RESOURCES,
  detectCrisis,
  safetyReply,
  type CrisisKind,
  type SafetyResources,
} from '../../src/coach';
import { crisisCanonical } from '../../src/coach/safety';
import { Gate, wordHeads } from '../../src/coach/safety/prefilter';

/** Messages that are a crisis, with the kind expected. Varied wording, direct and indirect. */
const CRISES: [string, CrisisKind][] = [
  // suicide and self-harm
  ['I want to kill myself', 'self_harm'],
  ['honestly kms', 'self_harm'],
  ["I don't want to be here anymore", 'self_harm'],
  ['everyone would be better off without me', 'self_harm'],
  ['I just want to end it all', 'self_harm'],
  ["I've been cutting myself again since she left", 'self_harm'],
  ['I keep thinking about taking all my pills at once', 'self_harm'],
  ['I wish I could go to sleep and never wake up', 'self_harm'],
  ["i'm thinking about suicide tbh", 'self_harm'],
  ["there's no reason to live without her", 'self_harm'],
  ['might just unalive myself lol', 'self_harm'],
  ["I don't want to live anymore", 'self_harm'],
  ['I am going to end my life tonight', 'self_harm'],
  ['Sometimes I think about hurting myself when it gets bad', 'self_harm'],
  ["what's even the point of living now", 'self_harm'],
  ["I'm not sure I want to be alive anymore", 'self_harm'],
  ["I can't stop thinking about killing myself", 'self_harm'],
  ["I'm not okay and I want to die", 'self_harm'],
  ['nobody would even notice if I disappeared', 'self_harm'],
  ['I wrote a goodbye letter to my family', 'self_harm'],
  // danger from a partner
  ['He hit me last night', 'partner_danger'],
  ['my boyfriend choked me during a fight', 'partner_danger'],
  ['she threatened to kill me if I leave', 'partner_danger'],
  ["he won't let me leave the house", 'partner_danger'],
  ["he took my phone and keys so I can't go anywhere", 'partner_danger'],
  ["I'm afraid he'll hurt me when he gets home", 'partner_danger'],
  ['he forced me to have sex with him', 'partner_danger'],
  ['my husband slapped me in front of the kids', 'partner_danger'],
  ['he threatened to kill himself if I break up with him', 'partner_danger'],
  ['he locks me in the apartment when he goes out', 'partner_danger'],
  ['I have bruises on my arms from where he grabbed me', 'partner_danger'],
  ['Alex hit me again and I told no one', 'partner_danger'],
  ["I'm scared of him", 'partner_danger'],
  ["I don't feel safe at home anymore", 'partner_danger'],
  ['my ex keeps showing up at my work and follows me home', 'partner_danger'],
  // harm to others
  ['I want to hurt him like he hurt me', 'harm_to_others'],
  ["I'm going to kill her when I see her", 'harm_to_others'],
  ['I keep having thoughts of hurting his new girlfriend', 'harm_to_others'],
  ["I'm scared I'll hurt my baby", 'harm_to_others'],
  ["I'm going to stab him", 'harm_to_others'],
  ["I swear I'm going to kill Jake", 'harm_to_others'],
  ['I slapped my girlfriend and I hate myself for it', 'harm_to_others'],
];

/** Negations and idioms: not a crisis. */
const NOT_CRISES = [
  'this traffic is killing me',
  'will it hurt me in custody if i move out first?',
  'would going to stay with my mum damage my case?',
  'my feet are killing me after that hike',
  'I could kill for a coffee right now',
  "I'm dying to see him again",
  'that joke killed me',
  "I'd die of embarrassment if he saw my texts",
  "she's killing it at work lately",
  "I'd never hurt myself, I just feel sad",
  "I'm not suicidal, just exhausted",
  'this commute is killing me',
  'my mom is going to kill me when she sees my hair',
  'he hit me up last night after months of silence',
  "it finally hit me that we're over",
  'that song hit me so hard',
  "I'd rather die than go to his sister's wedding",
  'I nearly died laughing at his message',
  "he's killing me with these mixed signals",
  "I'm not going to hurt myself, don't worry",
  'I have no thoughts of suicide, I just want advice about my ex',
  "he would never hit me, he's just distant",
  'she pushed me to apply for the job',
  'my boyfriend grabbed me a coffee on the way',
  'I want to end things with her',
  "I want to end it with him but I'm scared to be alone",
  'the suspense is killing me',
  "I don't want to die alone",
  'he really hurt me when he left',
  "I can't do this anymore, he never listens",
  'I feel trapped in this relationship',
  'he beat me at chess again',
  'I took my meds this morning like usual',
  "I'd kill to have a relationship like theirs",
  'he pushed me away emotionally',
  'killing time until he texts back',
];

describe('detectCrisis', () => {
  test.each(CRISES)('crisis: %s', (text, kind) => {
    expect(detectCrisis(text)).toBe(kind);
  });

  test.each(NOT_CRISES.map((t) => [t]))('not a crisis: %s', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });

  test('the lists are broad enough', () => {
    expect(CRISES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CRISES.map(([, k]) => k)).size).toBe(3);
    expect(NOT_CRISES.length).toBeGreaterThanOrEqual(20);
  });

  test('curly apostrophes and shouting do not hide a crisis', () => {
    expect(detectCrisis('I DON’T WANT TO LIVE ANYMORE')).toBe('self_harm');
    expect(detectCrisis('He’s been hitting me')).toBe('partner_danger');
    expect(detectCrisis('i’m NOT suicidal')).toBeNull();
  });
});

/**
 * More crisis and non-crisis messages (tests/fixtures/crisis-regressions.json): indirect wording,
 * plans and means, control and threats, and idioms that borrow the same words. Written in rounds
 * as unseen phrasings to find gaps; every one found was fixed and stays here as a regression.
 */
const MORE: { text: string; crisis: CrisisKind | null }[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'crisis-regressions.json'), 'utf8'),
);

describe('detectCrisis on the wider fixture', () => {
  test.each(MORE.map((m) => [m.text, m.crisis]))('%s -> %s', (text, kind) => {
    expect(detectCrisis(text)).toBe(kind);
  });
});

/**
 * Holdout batches (tests/fixtures/crisis-batch-*.json): crisis messages in varied, realistic
 * wording and close non-crisis calls (idioms, negations, other people's news, ordinary heartbreak),
 * each batch written before the rules it was first measured on. Rules keyed on exact phrases do
 * not generalise, so the number that matters is recall on a batch the rules were never tuned on.
 *
 * Measured when each batch was fresh (recall on crisis items, false positives on the others):
 *
 * | batch | written                         | old detector      | new detector, fresh | then       |
 * |-------|---------------------------------|-------------------|---------------------|------------|
 * | 1     | before any change (72 + 66)     | 36/72, FP 7/66    | (dev set for cues)  | tuned      |
 * | 2     | after the cue layer (47 + 43)   | 12/47, FP 4/43    | 18/47, FP 4/43      | tuned      |
 * | 3     | after fixing batch 2 (25 + 25)  | 11/25, FP 2/25    | 14/25, FP 1/25      | tuned      |
 * | 4     | after fixing batch 3 (25 + 25)  | 10/25, FP 0/25    | 13/25, FP 1/25      | tuned      |
 * | 5     | after fixing batch 4 (25 + 25)  | 4/25, FP 0/25     | 9/25, FP 1/25       | tuned      |
 * | 6     | after fixing batch 5 (30 + 30)  | 11/30, FP 4/30    | 14/30, FP 3/30      | tuned (net)|
 * | 7     | before the safety net (33 + 33) | -                 | 19/33, FP 4/33      | tuned (net)|
 * | 8     | after the safety net (30 + 30)  | -                 | 9/30, FP 6/30       | FP only    |
 *
 * Pooled over the fresh batches 2-6: recall 68/152 = 0.45 (old detector 48/152 = 0.32), false
 * positives 10/148 = 0.07 (old 10/148). Batches 1-5 now pass fully but were used to generalise the
 * cues, so they are regression sets, not estimates. Batch 6 is the honest estimate for the current
 * detector: its floor sits just under what it measured, and a new batch, not this one, is where a
 * fix for its misses should be measured. *
 * Safety net (the concept cues in src/coach/safety/data/): means plus secrecy or readiness, finality and
 * farewell, injuring one's own body, a partner restraining, arming against or besieging the user,
 * "pay with his life". Batch 7 was written before it and measured on the detector of the time
 * (19/33, FP 4/33: the honest fresh number for that detector). The net was then built from batch 6's
 * misses and batch 7's misses and false alarms, so both are now regression sets: 30/30 FP 2/30 and
 * 33/33 FP 0/33. Neither estimates recall on unseen wording any more. Batch 8, written after the
 * net, is the honest estimate: 9/30 = 0.30, and the net itself caught none of the 9 (the same
 * detector without SAFETY_NET_CUES also finds 9/30). The net fixes the shapes it was written for;
 * it does not carry to new ones. Batch 8's six false alarms (all from older layers) were fixed with
 * idiom spans, leaving 1/30; its misses were deliberately left alone, so its recall stays fresh.
 */
interface HoldoutItem {
  text: string;
  crisis: CrisisKind | null;
}

/** Batches the rules were tuned on: every crisis in them must be caught, as its kind. */
const REGRESSION_SETS = [
  'crisis-batch-1-before-cue-layer.json',
  'crisis-batch-2-after-cue-layer.json',
  'crisis-batch-3-after-batch-2-fixes.json',
  'crisis-batch-4-after-batch-3-fixes.json',
  'crisis-batch-5-after-batch-4-fixes.json',
  'crisis-batch-6-after-batch-5-fixes.json',
  'crisis-batch-7-before-safety-net.json',
];

/**
 * Close non-crises of the tuned batches that still raise an alarm (a joke the "lol" rule does not
 * reach). Known and listed so that any new false alarm fails; a false alarm is a small failure, a
 * missed crisis the worst one.
 */
const KNOWN_FALSE_ALARMS = new Set([
  "my friend said she'd kill me if I didn't come to her party lol",
  "I told him I'd strangle him if he posted that photo, joking obviously",
]);

function loadHoldout(file: string): HoldoutItem[] {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', file), 'utf8'));
}

describe('regression sets: the batches rules were tuned on, item by item', () => {
  for (const file of REGRESSION_SETS) {
    const items = loadHoldout(file);
    test.each(items.filter((i) => i.crisis).map((i) => [i.text, i.crisis]))(
      `${file}: crisis "%s" is caught as %s`,
      (text, kind) => {
        expect(detectCrisis(text)).toBe(kind);
      },
    );
    test(`${file}: no close non-crisis raises an alarm beyond the known ones`, () => {
      const alarms = items
        .filter((i) => !i.crisis && detectCrisis(i.text) !== null)
        .map((i) => i.text)
        .filter((t) => !KNOWN_FALSE_ALARMS.has(t));
      expect(alarms).toEqual([]);
    });
  }
});

/**
 * Batch 8 was tuned for false alarms only; its crises were never looked at, so its recall is
 * still a fresh number for the rules of its day (9/30). It must not fall.
 */
describe('crisis-batch-8-after-safety-net.json', () => {
  test('recall does not fall below its fresh measure and no false alarm returns', () => {
    const items = loadHoldout('crisis-batch-8-after-safety-net.json');
    const crises = items.filter((i) => i.crisis);
    const caught = crises.filter((i) => detectCrisis(i.text) === i.crisis).length;
    const alarms = items.filter((i) => !i.crisis && detectCrisis(i.text) !== null).length;
    console.log(
      `crisis-batch-8-after-safety-net.json: ${caught}/${crises.length} caught, ${alarms} false alarms`,
    );
    expect(caught).toBeGreaterThanOrEqual(9);
    expect(alarms).toBeLessThanOrEqual(1);
  });
});

describe('crisis text repair and prefilter', () => {
  test.each([
    ['i want to kil myself', 'self_harm'],
    ['suicidial thoughts again', 'self_harm'],
    ['sucicidal tonight', 'self_harm'],
    ['k m s', 'self_harm'],
    ['i want to d1e', 'self_harm'],
    ['i wanna diiie', 'self_harm'],
    ['thinking about the sewer slide', 'self_harm'],
    ['i want to un-alive myself', 'self_harm'],
    ['he choaked me', 'partner_danger'],
  ] as [string, CrisisKind][])('typos and slang: %s', (text, kind) => {
    expect(detectCrisis(text)).toBe(kind);
  });

  test('words that are real words are not "repaired" into crisis words', () => {
    expect(crisisCanonical('he wore a kilt and i could strangle him')).toBe(
      'he wore a kilt and i could strangle him',
    );
    // Object keys must not leak in as replacements.
    expect(crisisCanonical('the constructor of tostring valueof')).toBe(
      'the constructor of tostring valueof',
    );
  });

  test('the prefilter never changes a result (every fixture message, with and without it)', () => {
    const dir = path.join(__dirname, '..', 'fixtures');
    const texts = fs
      .readdirSync(dir)
      .filter((f) => /^(crisis|labelled)-.*\.json$/.test(f))
      .flatMap((f) =>
        (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { text: string }[]).map(
          (i) => i.text,
        ),
      );
    texts.push(...CRISES.map(([t]) => t), ...NOT_CRISES);
    expect(texts.length).toBeGreaterThan(800);
    const differ = texts.filter((t) => detectCrisis(t) !== detectCrisis(t, { prefilter: false }));
    expect(differ).toEqual([]);
  });
});

describe('the prefilter gate', () => {
  const passes = (source: string, text: string) =>
    new Gate([source]).candidates(wordHeads(text))[0];

  test('a rule starting with an optional group is gated by the group and by what follows it', () => {
    const knife = String.raw`\b(?:a |his |her )?(?:gun|knife)\b`;
    expect(passes(knife, 'he has a knife')).toBe(1);
    expect(passes(knife, 'his gun')).toBe(1);
    expect(passes(knife, 'knife')).toBe(1);
    // Once always run: none of its words is in the message.
    expect(passes(knife, 'we spent the day at the beach')).toBe(0);
  });

  test('every later word of a rule must be there, not only the first and the last', () => {
    const rule = String.raw`\bi (?:really )?want to (?:die|disappear)\b`;
    expect(passes(rule, 'i really want to die')).toBe(1);
    // "i" and "die" are there (the first and last words), "want" and "to" are not.
    expect(passes(rule, 'i think the plant will die')).toBe(0);
  });
});

describe('safetyReply', () => {
  const custom: SafetyResources = {
    emergencyNumber: 'EMERGENCY-111',
    crisisLine: 'CRISIS-222',
    domesticViolenceLine: 'DV-333',
  };

  test.each(['self_harm', 'partner_danger', 'harm_to_others'] as CrisisKind[])(
    '%s: names the help, invites to keep talking',
    (kind) => {
      const replies = new Set<string>();
      for (let seed = 0; seed < 30; seed++) {
        const reply = safetyReply(kind, custom, seed);
        replies.add(reply);
        expect(reply).toContain('EMERGENCY-111');
        if (kind === 'partner_danger') expect(reply).toContain('DV-333');
        else expect(reply).toContain('CRISIS-222');
        expect(reply).not.toMatch(/[{}]|undefined/);
        // Ends by inviting them to keep talking.
        expect(reply.slice(-200)).toMatch(/keep talking|staying|here/i);
        expect(reply.trim()).toMatch(/[?.]$/);
      }
      // Several variants, chosen by seed, and deterministic.
      expect(replies.size).toBeGreaterThanOrEqual(3);
      expect(safetyReply(kind, custom, 7)).toBe(safetyReply(kind, custom, 7));
    },
  );

  test('the default resources are country-neutral and complete', () => {
    expect(DEFAULT_SAFETY_RESOURCES.emergencyNumber).toMatch(/911.*112.*999/);
    expect(DEFAULT_SAFETY_RESOURCES.crisisLine).toMatch(/988/);
    expect(DEFAULT_SAFETY_RESOURCES.domesticViolenceLine.length).toBeGreaterThan(10);
  });
});

describe('order independence', () => {
  test('what the classifier read before does not change what the rules read next', () => {
    // The idiom regexps are shared by the rules and the classifier's vetoes; a call that left
    // one mid-text once made the rules miss the idiom in the next message.
    const text = 'my razor is so dull, i keep cutting myself shaving';
    const first = detectCrisis(text);
    detectCrisis(text, { prefilter: false });
    detectCrisis('this breakup is killing me lol');
    expect(detectCrisis(text)).toBe(first);
    expect(first).toBeNull();
  });
});
