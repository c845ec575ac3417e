import type { z } from 'zod';
import { errorMessages } from '../contract/errors';
import { AppError } from '../domain/app-error';

const chinese = /[\u3400-\u9fff]/;

/**
 * Turns the first zod issue into a VALIDATION_FAILED naming the field. Schema messages written for
 * users are Chinese; zod's own English defaults are replaced by the generic message.
 */
export function validationError(error: z.ZodError, fieldPrefix: string[] = []): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError('VALIDATION_FAILED');
  const path = [...fieldPrefix, ...issue.path.map(String)];
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path.push(issue.keys[0]);
  const message = chinese.test(issue.message) ? issue.message : errorMessages.VALIDATION_FAILED;
  return new AppError('VALIDATION_FAILED', message, path.length > 0 ? path.join('.') : undefined);
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
