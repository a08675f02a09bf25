import { createBlocksEngine, DEFAULT_SAFETY_RESOURCES, initialState } from '../../src/coach';
import type { ConversationState, TurnResult } from '../../src/coach';
import {
  placeIn,
  placeMentioned,
  resourcesFor,
  validatePlaces,
} from '../../src/coach/safety/places';
import { realLibrary } from './helpers';

/**
 * Help the person can reach where they live: with the default (unconfigured) resources, someone
 * who said they live in Melbourne is given Lifeline and 000, not 988 and Samaritans (a blind
 * reader of set 11: "US/UK numbers everywhere, even Pune, Melbourne, Johannesburg"). A resource
 * the deployment configured is never replaced.
 */
function talk(messages: string[], safety = DEFAULT_SAFETY_RESOURCES): TurnResult[] {
  const engine = createBlocksEngine({ library: realLibrary(), warmUp: false, safety });
  let state: ConversationState = initialState();
  return messages.map((text, i) => {
    const r = engine.respond({ text, state, seed: 7 + i });
    state = r.state;
    return r;
  });
}

describe('help named for where the person lives', () => {
  test('someone in Melbourne in crisis is given Lifeline and 000', () => {
    const out = talk([
      'hi, im 35, live in melbourne with my partner',
      'we have been fighting a lot',
      'some nights i think everyone would be better off without me',
    ]);
    const crisis = out[2];
    expect(crisis.safety).toBe('CRISIS');
    expect(crisis.reply).toContain('13 11 14');
    expect(crisis.reply).toContain('000');
    expect(crisis.reply).not.toMatch(/988|Samaritans/);
  });

  test('danger at home in Johannesburg names the GBV Command Centre', () => {
    const out = talk([
      'im in johannesburg, married 6 years',
      'he hit me last night and said next time he will kill me',
    ]);
    expect(out[1].reply).toContain('0800 428 428');
  });

  test('someone else living there changes nothing', () => {
    const out = talk([
      'my sister lives in london',
      'some nights i think everyone would be better off without me',
    ]);
    expect(out[1].reply).toContain(DEFAULT_SAFETY_RESOURCES.crisisLine);
  });

  test('a configured line is never replaced', () => {
    const configured = { ...DEFAULT_SAFETY_RESOURCES, crisisLine: 'CONFIGURED LINE' };
    const out = talk(
      ['hi, live in melbourne', 'some nights i think everyone would be better off without me'],
      configured,
    );
    expect(out[1].reply).toContain('CONFIGURED LINE');
    expect(out[1].reply).not.toContain('13 11 14');
    // The unconfigured emergency number is still the local one.
    expect(out[1].reply).toContain('000');
  });

  test.each([
    ['im 29, live in london, my parents keep introducing me to guys', 'GB'],
    ['we just moved to auckland last year', 'NZ'],
    ['here in pune its so hot', 'IN'],
    ['i live in new south wales', 'AU'],
    ['im in love with him', null],
    ['from poland but living in rotterdam', null],
    ['i live in osaka alone since the divorce', 'JP'],
    ['i live in new mexico', 'US'],
  ])('"%s" -> %s', (text, code) => {
    expect(placeIn(text)).toBe(code);
  });

  test('without a place, the resources are as configured', () => {
    expect(resourcesFor(DEFAULT_SAFETY_RESOURCES, null)).toBe(DEFAULT_SAFETY_RESOURCES);
  });

  test('places.json is checked at load: a place listed for two countries is refused', () => {
    const r = { emergencyNumber: '1', crisisLine: '2', domesticViolenceLine: '3' };
    expect(() =>
      validatePlaces({
        countries: {
          A: { names: ['x'], places: ['perth'], resources: r },
          B: { names: ['y'], places: ['perth'], resources: r },
        },
      }),
    ).toThrow(/"perth" is listed for two countries/);
    expect(() =>
      validatePlaces({ countries: { A: { names: ['x'], places: [], resources: {} } } }),
    ).toThrow(/A\.resources\.emergencyNumber/);
  });

  describe('a place only mentioned, while nothing says where the person lives (set 14)', () => {
    test('a condo in makati, then a crisis: the Philippine lines, not 988', () => {
      const out = talk([
        'we were together 3 years. we already paid a deposit for a condo in makati',
        'honestly sometimes i think everyone would be less burdened if i just wasnt here anymore',
      ]);
      expect(out[1].safety).toBe('CRISIS');
      expect(out[1].reply).toContain('1553');
      expect(out[1].reply).not.toMatch(/988|Samaritans/);
    });

    test('danger at home in Poland names the Blue Line and 112', () => {
      const out = talk([
        'we live in krakow, married 14 years',
        'yesterday he pushed me into the wardrobe and my arm is bruised. i am scared of him',
      ]);
      expect(out[1].reply).toContain('800 120 002');
      expect(out[1].reply).toContain('112');
    });

    test('a place the person said they live in is never replaced by one mentioned', () => {
      const out = talk([
        'i live in london with my boyfriend',
        'his family is in lagos and they hate me',
        'some nights i think everyone would be better off without me',
      ]);
      expect(out[2].reply).toContain('116 123');
      expect(out[2].reply).not.toContain('findahelpline');
    });

    test.each([
      ['we already paid a deposit for a condo in makati', 'PH'],
      ["she's coming over from pasig, 30 mins", 'PH'],
      ['im in lagos, 19, final year', 'NG'],
      ['eu moro em curitiba, i work in curitiba', 'BR'],
      ['my sister lives in wieliczka', null],
      ['from poland but living in rotterdam', null],
      ['im from poland', null],
      ['we were on holiday in cebu', null],
      ['i grew up in manila', null],
      ["he got into a master's in manchester, leaves in january", null],
      ['he wants to know where i am. lagos is not safe u know', 'NG'],
      ['we are in guadalajara, at my cousins', 'MX'],
    ])('"%s" -> %s', (text, code) => {
      expect(placeMentioned(text)).toBe(code);
    });
  });
});
