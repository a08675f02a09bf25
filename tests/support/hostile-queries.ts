/** Hostile GraphQL documents shared by the limits tests and the hardening benchmark. */

/** `levels` fragments, each spreading the next twice: 2^levels fields once expanded, 1.4 KB as text at 30. */
export function doublingQuery(levels = 30): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Session { id title }`
      : `fragment F${i} on Session { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query { sessions { ...F0 } } ${fragments.join(' ')}`;
}
