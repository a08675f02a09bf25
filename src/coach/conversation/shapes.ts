/**
 * What a sharing turn says it feels, when that feeling is common enough to answer specifically
 * ("dying of embarrassment rn", "this commute is killing me", "my mum will kill me if she finds
 * out"): a sentence about that feeling and a question that follows it, in place of a stock frame
 * and a stock question. The shapes and their words are data (`felt-shapes.json`).
 */
import { isRecord, stringList } from '../data-file';
import { actText } from './acts';
import shapes from './felt-shapes.json';

/** One shape of feeling, with what is said about it and what is asked. */
export interface FeltShape {
  id: string;
  cue: RegExp;
  unless: RegExp | null;
  insight: readonly { id: string; text: string }[];
  ask: readonly { id: string; text: string }[];
}

const FILE = 'felt-shapes.json';

function pattern(where: string, source: unknown): RegExp {
  if (typeof source !== 'string' || source.trim() === '')
    throw new Error(`Felt shapes ${FILE}: ${where} must be a pattern`);
  try {
    return new RegExp(source, 'u');
  } catch (err) {
    throw new Error(
      `Felt shapes ${FILE}: ${where} is not a valid pattern: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/** Checks and compiles the shapes of `felt-shapes.json`; throws naming the entry at fault. */
export function validateFeltShapes(raw: unknown): FeltShape[] {
  if (!isRecord(raw) || !Array.isArray(raw.shapes))
    throw new Error(`Felt shapes ${FILE}: must hold a "shapes" list`);
  const ids = new Set<string>();
  const texts = new Set<string>();
  return raw.shapes.map((s: unknown, i) => {
    if (!isRecord(s) || typeof s.id !== 'string' || !/^[a-z_]+$/.test(s.id))
      throw new Error(`Felt shapes ${FILE}: shape ${i + 1} needs an id of lower-case words`);
    if (ids.has(s.id)) throw new Error(`Felt shapes ${FILE}: "${s.id}" appears twice`);
    const id = s.id;
    ids.add(id);
    const words = (part: 'insight' | 'ask') => {
      const list = stringList('Felt shapes', FILE, `${id}.${part}`, s[part]);
      if (list.length === 0) throw new Error(`Felt shapes ${FILE}: ${id}.${part} is empty`);
      return list.map((text, k) => {
        // A sentence heard twice in one conversation is a repeat, whichever shape it came from.
        if (texts.has(text)) throw new Error(`Felt shapes ${FILE}: "${text}" appears twice`);
        texts.add(text);
        if (part === 'ask' ? !text.endsWith('?') : text.includes('?'))
          throw new Error(
            `Felt shapes ${FILE}: ${id}.${part} "${text}" must ${part === 'ask' ? '' : 'not '}ask`,
          );
        return { id: `act.felt.${id}.${part}.${k + 1}`, text };
      });
    };
    return {
      id: s.id,
      cue: pattern(`${s.id}.cue`, s.cue),
      unless: s.unless === undefined ? null : pattern(`${s.id}.unless`, s.unless),
      insight: words('insight'),
      ask: words('ask'),
    };
  });
}

const SHAPES = validateFeltShapes(shapes);

/** The first shape of feeling the message says, or null. */
export function feltShapeOf(text: string): FeltShape | null {
  const t = actText(text);
  for (const s of SHAPES) if (s.cue.test(t) && !s.unless?.test(t)) return s;
  return null;
}

/**
 * The shape's sentence and question for this turn, by rotation, neither said lately; null when
 * its sentences were all used (the shape has been answered enough in this conversation).
 */
export function feltPieces(
  shape: FeltShape,
  turn: number,
  recent: ReadonlySet<string>,
): { insight: { id: string; text: string }; ask: { id: string; text: string } | null } | null {
  const fresh = <T extends { id: string }>(list: readonly T[]) => {
    for (let k = 0; k < list.length; k++) {
      const e = list[(turn + k) % list.length];
      if (!recent.has(e.id)) return e;
    }
    return null;
  };
  const insight = fresh(shape.insight);
  return insight ? { insight, ask: fresh(shape.ask) } : null;
}
