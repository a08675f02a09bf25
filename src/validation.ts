import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { InputError, type FieldProblem } from './errors';

/**
 * Checks an input object against its class-validator rules and throws {@link InputError} naming
 * every bad field. Both faces call services with input classes, so GraphQL and REST share one
 * set of rules (type-graphql's own validation is off for that reason).
 */
export async function validateInput<T extends object>(input: T): Promise<T> {
  const errors = await validate(input, {
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  if (errors.length) throw new InputError(flatten(errors));
  return input;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {})
      .slice(0, 1)
      .map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** An input class, as class-validator's metadata knows it. */
type InputClass = abstract new (...args: never[]) => object;

const declared = new Map<InputClass, ReadonlySet<string>>();

/** The fields `Input` declares rules for: the only keys an input of that class may carry. */
function declaredFields(Input: InputClass): ReadonlySet<string> {
  let fields = declared.get(Input);
  if (!fields) {
    fields = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(Input, '', true, false)
        .map((rule) => rule.propertyName),
    );
    declared.set(Input, fields);
  }
  return fields;
}

/** True for `{...}` from JSON or a class instance: an object that is not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** PostgreSQL cannot store NUL in text; it is never part of what a person wrote. */
const hasNul = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : Array.isArray(value) &&
      value.some((item) => typeof item === 'string' && item.includes('\u0000'));

/**
 * Builds a fresh instance of `Input` from the fields it declares, trimming strings; undefined stays
 * undefined. Anything else is refused with {@link InputError} naming it: keys the class does not
 * declare (so `constructor` or `__proto__` can never replace what class-validator finds its rules
 * through), a value that is not an object, and text containing NUL. `field` names the input in
 * errors when it is nested (`context`).
 */
export function toInput<T extends object>(Input: new () => T, raw: unknown, field?: string): T {
  const name = (key: string) => (field ? `${field}.${key}` : key);
  if (!isRecord(raw)) throw InputError.field(field ?? 'input', 'must be an object');
  const fields = declaredFields(Input);
  const problems: FieldProblem[] = [];
  const input = new Input() as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (!fields.has(key)) {
      problems.push({ field: name(key), message: 'is not a field of this input' });
      continue;
    }
    if (value === undefined) continue;
    if (hasNul(value)) {
      problems.push({ field: name(key), message: 'must not contain NUL characters' });
      continue;
    }
    input[key] = typeof value === 'string' ? value.trim() : value;
  }
  if (problems.length) throw new InputError(problems);
  return input as T;
}
