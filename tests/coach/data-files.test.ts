import { TOPICS } from '../../src/coach';
import { TOPIC_LEXICON, validateCues, validateLexicon } from '../../src/coach/lexicons';
import { expandSource, RULES } from '../../src/coach/safety/load';

/**
 * The lexicons and safety rules are data files validated at load: a mistake in one stops the
 * engine at start with the file and the phrase named, instead of being merged or skipped.
 */
describe('lexicon files', () => {
  const labels = new Set(['heartbreak', 'trust']);

  test('the shipped lexicons load, every topic has phrases, and every weight is explicit', () => {
    for (const t of TOPICS) expect(TOPIC_LEXICON[t]?.length ?? 0).toBeGreaterThan(10);
    for (const list of Object.values(TOPIC_LEXICON))
      for (const e of list ?? []) expect(typeof e.weight).toBe('number');
  });

  test('an empty phrase fails, naming the file and the label', () => {
    expect(() =>
      validateLexicon('topics.json', { heartbreak: [{ phrase: '  ', weight: 2 }] }, labels),
    ).toThrow(/topics\.json.*"heartbreak".*empty phrase/);
  });

  test('the same phrase twice under one label fails, naming the file and the phrase', () => {
    expect(() =>
      validateLexicon(
        'topics.json',
        {
          heartbreak: [
            { phrase: 'dumped me', weight: 3 },
            { phrase: 'Dumped  me', weight: 2 },
          ],
        },
        labels,
      ),
    ).toThrow(/topics\.json.*"heartbreak".*"Dumped {2}me" twice/);
    // The same phrase under two labels is fine: each label weighs it on its own.
    expect(() =>
      validateLexicon(
        'topics.json',
        {
          heartbreak: [{ phrase: 'he left', weight: 1 }],
          trust: [{ phrase: 'he left', weight: 1 }],
        },
        labels,
      ),
    ).not.toThrow();
  });

  test('a weight hidden in the phrase, a missing weight or an unknown label fails', () => {
    expect(() =>
      validateLexicon(
        'emotions.json',
        { heartbreak: [{ phrase: 'dumped me:3', weight: 3 }] },
        labels,
      ),
    ).toThrow(/emotions\.json.*"dumped me:3".*the weight goes in "weight"/);
    expect(() =>
      validateLexicon('topics.json', { heartbreak: [{ phrase: 'dumped me' }] }, labels),
    ).toThrow(/topics\.json.*"dumped me".*weight/);
    expect(() =>
      validateLexicon('topics.json', { romance: [{ phrase: 'x', weight: 1 }] }, labels),
    ).toThrow(/topics\.json.*unknown label "romance"/);
  });

  test('a cue rule with an unknown family or a repeated phrase fails, naming the rule', () => {
    const families = new Map([['partner', ['he', 'she']]]);
    expect(() =>
      validateCues(
        'cues.json',
        'topics',
        [{ name: 'left', label: 'heartbreak', weight: 1, families: ['@nobody', ['left']] }],
        families,
        labels,
      ),
    ).toThrow(/cues\.json.*"left".*unknown family "@nobody"/);
    expect(() =>
      validateCues(
        'cues.json',
        'topics',
        [
          {
            name: 'left',
            label: 'heartbreak',
            weight: 1,
            families: ['@partner', ['left', 'left']],
          },
        ],
        families,
        labels,
      ),
    ).toThrow(/cues\.json.*"left".*"left" twice/);
  });
});

describe('safety rule files', () => {
  test('every rule compiled from the data files, with its file recorded', () => {
    expect(RULES.length).toBeGreaterThan(200);
    for (const r of RULES) expect(r.file).toMatch(/\.json$/);
  });

  test('word classes expand; an unknown class or a broken pattern fails, naming the file', () => {
    expect(expandSource('x.json', 'rule 1', '\\b{MEDS}\\b')).toContain(
      'sleeping (?:pills|tablets)',
    );
    expect(() => expandSource('x.json', 'rule 1', '\\b{NOPE}\\b')).toThrow(
      /x\.json: rule 1: unknown macro \{NOPE\}/,
    );
    expect(() => expandSource('x.json', 'rule 2', '\\b(?:open')).toThrow(/x\.json: rule 2/);
    expect(() => expandSource('x.json', 'rule 3', ' ')).toThrow(/x\.json: rule 3.*empty/);
  });
});
