/**
 * Texts derived from texts, remembered: one turn reads its message (and its sentences and
 * clauses) through several modules, each deriving the same lower-cased or respelled text again.
 */

/**
 * `derive`, remembering its answers for the last `kept` texts (the oldest forgotten first).
 * Only for pure functions of the text: a remembered answer is returned as is.
 */
export function rememberRecent(
  derive: (text: string) => string,
  kept = 32,
): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const out = derive(text);
    if (known.size >= kept) known.delete(known.keys().next().value as string);
    known.set(text, out);
    return out;
  };
}
