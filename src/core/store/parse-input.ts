// Validates a repository argument with its zod schema, turning a failure into an `invalid_input` AppError.
import type { z } from 'zod';
import { AppError } from '../../shared/errors';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  throw new AppError(
    'invalid_input',
    `Invalid ${what}${first ? `: ${first.path || '(root)'} ${first.message}` : ''}.`,
    {
      details: { issues },
    },
  );
}
