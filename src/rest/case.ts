/** `follow_up_time` → `followUpTime`. */
export const camel = (key: string): string =>
  key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** `followUpTime` → `follow_up_time`. */
export const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A JSON body's keys in camelCase, one level deep (nested objects handled by the caller). */
export function camelKeys(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [camel(key), value]));
}

/** A plain object's keys in snake_case, all the way down (arrays and dates pass through). */
export function snakeKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeysDeep);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [snake(key), snakeKeysDeep(inner)]),
  );
}
