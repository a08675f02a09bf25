import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBlockLibrary } from '../../src/coach';
import {
  assumptionsInText,
  expectedAssumptions,
  supports,
} from '../../src/coach/conversation/assumptions';
import { emptyFacts } from '../../src/coach/conversation/facts';
import { loadSituations } from '../../src/coach/situations';
import { realLibrary } from './helpers';

/**
 * Issue 11: blocks declare what they assume about the person's life, and are only chosen when the
 * remembered facts support it. These tests read every text the engine can say and fail on one
 * whose wording assumes more than its declaration (a lexical check: "your kids" needs
 * `children`, "{partner}" in a block about a breakup needs `ex`).
 */
describe('every block declares what its text assumes', () => {
  const library = realLibrary();

  test('no block text assumes something its "assumes" list does not declare', () => {
    const missing = library.blocks
      .map((b) => ({
        id: b.id,
        undeclared: expectedAssumptions(b.text, b.topics).filter(
          (a) => !(b.assumes ?? []).includes(a),
        ),
      }))
      .filter((x) => x.undeclared.length > 0);
    expect(missing).toEqual([]);
  });

  test('the check catches an undeclared assumption in a block', () => {
    const lib = buildBlockLibrary([
      {
        file: 'x.json',
        blocks: [
          {
            id: 'x.insight.1.01',
            type: 'insight',
            topics: ['communication'],
            emotions: [],
            stages: [1],
            statuses: [],
            priority: 1,
            text: 'Talking in front of the kids can make {partner} defensive.',
          },
        ],
      },
    ]);
    const b = lib.blocks[0];
    expect(expectedAssumptions(b.text, b.topics)).toEqual(['children', 'partner']);
    expect(b.assumes).toEqual([]);
  });

  test('"{partner}" in a block about a breakup is the ex, elsewhere a partner still there', () => {
    expect(assumptionsInText('Being left by {partner} hurts.', ['heartbreak'])).toEqual(['ex']);
    expect(assumptionsInText('Ask {partner} for one small thing.', ['communication'])).toEqual([
      'partner',
    ]);
  });

  test('nothing is supported before the person has said it', () => {
    const facts = emptyFacts();
    for (const a of ['partner', 'ex', 'children', 'in_laws', 'affair_partner'] as const)
      expect(supports(facts, a)).toBe(false);
  });
});

describe('situations and act replies assume only what they declare', () => {
  test('every situation text stays within its declared assumptions', () => {
    const catalogue = loadSituations();
    const problems: string[] = [];
    for (const s of catalogue.situations) {
      const texts = [...Object.values(s.answers), s.reflection, s.step, s.question];
      for (const t of texts)
        for (const a of assumptionsInText(t, s.topics))
          if (!s.assumes.includes(a)) problems.push(`${s.id}: "${a}" in: ${t}`);
    }
    expect(problems).toEqual([]);
  });

  test('greetings, closes, openings and general answers assume nothing at all', () => {
    const dir = path.join(__dirname, '../../src/coach/conversation');
    const problems: string[] = [];
    for (const file of ['act-replies.json', 'answers.json']) {
      const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<
        string,
        unknown
      >;
      for (const [group, list] of Object.entries(data)) {
        if (!Array.isArray(list)) continue;
        for (const e of list as { id: string; text: string }[])
          for (const a of assumptionsInText(e.text, []))
            problems.push(`${file} ${group} ${e.id}: "${a}"`);
      }
    }
    // The sentences about a feeling follow whatever the person said: they assume nothing either.
    const felt = JSON.parse(fs.readFileSync(path.join(dir, 'felt-shapes.json'), 'utf8')) as {
      shapes: { id: string; insight: string[]; ask: string[] }[];
    };
    for (const shape of felt.shapes)
      for (const t of [...shape.insight, ...shape.ask])
        for (const a of assumptionsInText(t, []))
          problems.push(`felt-shapes.json ${shape.id}: "${a}"`);
    expect(problems).toEqual([]);
  });
});
