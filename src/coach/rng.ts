/**
 * Seeded randomness. The engine must be deterministic under a seed (same input, state and seed,
 * same answer), so nothing here touches Math.random.
 */

/** A function returning floats in [0, 1), deterministic for its seed. */
export type Rng = () => number;

/**
 * mulberry32: tiny, fast and good enough to spread a jitter over candidate blocks.
 * @param seed any integer (it is reduced to 32 bits)
 */
export function createRng(seed: number): Rng {
  let a = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a hash of a string to 32 bits: lets a seed be mixed with text (e.g. a session title) so
 * two different inputs under the same seed still vary.
 */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Picks one element of a non-empty array with the given rng. */
export function pick<T>(items: readonly T[], rng: Rng): T {
  return items[Math.floor(rng() * items.length) % items.length];
}
