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
  const pattern = new RegExp(
    `\\b(?:(?:i|we) (?:live|lived|am living|m living|are living|re living|moved|have moved|just moved|am based|m based|are based)|(?:im|i am|were|we are) (?:living|based|staying|settled)|live|living|based|moved|here|im|i am|im from|we re|home is|back home is) (?:in|to)(?: the)? (${names.map((n) => n.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`,
    'u',
  );
  return { byPlace, byCode, pattern };
}

const PLACES = validatePlaces(readSafetyFile(FILE));

/** The country a message says the person lives in ("live in london", "here in melbourne"), or null. */
export function placeIn(text: string): string | null {
  const t = text
    .toLowerCase()
    .replace(/[\u2019']/g, '')
    .replace(/\s+/g, ' ');
  const m = PLACES.pattern.exec(t);
  return m ? (PLACES.byPlace.get(m[1].replace(/\s+/g, ' '))?.code ?? null) : null;
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
