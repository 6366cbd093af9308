import type { z } from 'zod';
import { toFieldIssues } from '../../shared/validation.js';
import { AppError } from './app-error.js';

/** Services validate their own input too (scripts and jobs call them without HTTP in front). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, pathPrefix = ''): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = toFieldIssues(result.error.issues).map((f) => ({
    ...f,
    path: pathPrefix ? `${pathPrefix}.${f.path}` : f.path,
  }));
  throw new AppError('validation_failed', { fields });
}
