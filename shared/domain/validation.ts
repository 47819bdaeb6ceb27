import type * as z from 'zod';
import { type FieldProblem, ValidationFailedError } from '../errors';

/** Parses a value at an edge; failures name each field and the rule it broke. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix?: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    rule: issue.message,
  }));
  throw new ValidationFailedError(problems);
}

/** A rule of the law that the input breaks although its shape is right (422). */
export const ruleViolation = (field: string, rule: string): ValidationFailedError =>
  new ValidationFailedError([{ field, rule }], 422);

/**
 * An enum with the Vietnamese label of each value, published in its JSON Schema as
 * `x-enum-labels`, so that the forms built from the schema show words, not codes.
 */
export const labelled = <T extends z.ZodEnum>(schema: T, labels: Record<z.infer<T>, string>): T =>
  schema.meta({ 'x-enum-labels': labels });
