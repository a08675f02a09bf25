import { validate, type ValidationError } from 'class-validator';
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

/** Copies `raw` into a fresh instance of `Input`, trimming strings; undefined stays undefined. */
export function toInput<T extends object>(Input: new () => T, raw: Record<string, unknown>): T {
  const input = new Input() as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    input[key] = typeof value === 'string' ? value.trim() : value;
  }
  return input as T;
}
