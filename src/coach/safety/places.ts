/**
 * Where the person lives, for help they can reach there: a deployment that leaves a safety
 * resource unconfigured names the international default ("988 in the US ... Samaritans in the UK
 * and Ireland"), which tells someone in Melbourne or Pune nothing they can dial. When the person
 * has said where they live, that country's own lines are named instead; a configured resource
 * always wins. The countries and their numbers are data (`data/places.json`).
 */
import { isRecord } from '../data-file';
import { DEFAULT_SAFETY_RESOURCES, type SafetyResources } from '../types';
import { readSafetyFile, stringList } from './load';

const FILE = 'places.json';

interface Country {
  code: string;
  resources: SafetyResources;
}

/** Checks places.json: each country has names or places and all three resources. */
export function validatePlaces(raw: unknown): {
  byPlace: Map<string, Country>;
  byCode: Map<string, Country>;
  pattern: RegExp;
  mentioned: RegExp;
  spokenOf: RegExp;
} {
  if (!isRecord(raw) || !isRecord(raw.countries))
    throw new Error(`Safety data ${FILE}: must hold a "countries" object`);
  const byPlace = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  for (const [code, c] of Object.entries(raw.countries)) {
    if (!isRecord(c) || !isRecord(c.resources))
      throw new Error(`Safety data ${FILE}: ${code} needs "resources"`);
    const r = c.resources;
    for (const key of ['emergencyNumber', 'crisisLine', 'domesticViolenceLine'] as const)
      if (typeof r[key] !== 'string' || r[key].trim() === '')
        throw new Error(`Safety data ${FILE}: ${code}.resources.${key} must be text`);
    const country: Country = { code, resources: r as unknown as SafetyResources };
    byCode.set(code, country);
    for (const name of [
      ...stringList(FILE, `${code}.names`, c.names),
      ...stringList(FILE, `${code}.places`, c.places),
    ]) {
      if (byPlace.has(name))
        throw new Error(`Safety data ${FILE}: "${name}" is listed for two countries`);
      byPlace.set(name, country);
    }
  }
  // Longest first, so "new south wales" is found before "wales" and "new york" before "york".
  const names = [...byPlace.keys()].sort((a, b) => b.length - a.length);
  const alternatives = names.map((n) => n.replace(/ /g, '\\s+')).join('|');
  const pattern = new RegExp(
    `\\b(?:(?:i|we) (?:live|lived|am living|m living|are living|re living|moved|have moved|just moved|am based|m based|are based)|(?:im|i am|were|we are) (?:living|based|staying|settled)|live|living|based|moved|here|im|i am|im from|we re|home is|back home is) (?:in|to)(?: the)? (${alternatives})(?![\\p{L}])`,
    'u',
  );
  // A place only mentioned ("a condo in makati", "she's coming over from pasig").
  const mentioned = new RegExp(
    `\\b(?:in|from|near|around) (?:the )?(${alternatives})(?![\\p{L}])`,
    'u',
  );
  // A place that is what a sentence is about ("lagos is not safe u know").
  const spokenOf = new RegExp(
    `(?:^|[.!?,;] )(${alternatives}) (?:is|isnt|is not|can be|has|gets|traffic|life)\\b`,
    'u',
  );
  return { byPlace, byCode, pattern, mentioned, spokenOf };
}

const PLACES = validatePlaces(readSafetyFile(FILE));

function lowered(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2019']/g, '')
    .replace(/\s+/g, ' ');
}

function codeOf(m: RegExpExecArray | null): string | null {
  return m ? (PLACES.byPlace.get(m[1].replace(/\s+/g, ' '))?.code ?? null) : null;
}

/** The country a message says the person lives in ("live in london", "here in melbourne"), or null. */
export function placeIn(text: string): string | null {
  return codeOf(PLACES.pattern.exec(lowered(text)));
}

/**
 * Where someone lives, or went, or is from, said of anyone: a place only mentioned is not taken
 * when the message says so ("my sister lives in london", "from poland but living in rotterdam",
 * "on holiday in cebu").
 */
const NOT_WHERE_I_AM =
  /\b(?:lives?|living|based|moved|moving|staying|stays|holiday|vacation|trip|visit\w*|travel\w*|flew|flying|flight|conference|born|grew up|masters?|university|uni|college|degree|leaves|leaving|job offer)\b/;

const ORIGIN = /\b(?:im|i am|we are|were|originally|i come|we come|came|comes?)\s*$/;

/**
 * The country of a place the message only mentions ("we already paid a deposit for a condo in
 * makati", "she's coming over from pasig"), or null: weaker than {@link placeIn}, so taken only
 * while the conversation knows nothing better. Someone mentioning a city in the Philippines
 * is far likelier to be there than in the US or the UK, whose lines are the default.
 */
export function placeMentioned(text: string): string | null {
  const t = lowered(text);
  const m = PLACES.mentioned.exec(t) ?? PLACES.spokenOf.exec(t);
  if (!m) return null;
  // The clause the place is in, before and after it.
  const start = Math.max(t.lastIndexOf('.', m.index), t.lastIndexOf(',', m.index), 0);
  const ends = [t.indexOf('.', m.index), t.indexOf(',', m.index)].filter((i) => i >= 0);
  const clause = t.slice(start, ends.length ? Math.min(...ends) : t.length).replace(m[0], ' ');
  // "im from poland" is where someone comes from, not always where they are.
  const origin = m[0].startsWith('from') && ORIGIN.test(t.slice(start, m.index));
  return origin || NOT_WHERE_I_AM.test(clause) ? null : codeOf(m);
}

/** The resources to name: configured ones as given, unconfigured ones for the person's country. */
export function resourcesFor(configured: SafetyResources, place: string | null): SafetyResources {
  if (!place) return configured;
  const local = PLACES.byCode.get(place)?.resources;
  if (!local) return configured;
  const pick = (k: keyof SafetyResources) =>
    configured[k] === DEFAULT_SAFETY_RESOURCES[k] ? local[k] : configured[k];
  return {
    emergencyNumber: pick('emergencyNumber'),
    crisisLine: pick('crisisLine'),
    domesticViolenceLine: pick('domesticViolenceLine'),
  };
}

/** Every country's own domestic-violence line (for measuring whether help was named). */
export function localDomesticViolenceLines(): string[] {
  return [...PLACES.byCode.values()].map((c) => c.resources.domesticViolenceLine);
}
