import type { z } from 'zod';
import { formatPath, type FieldError } from '../../core';
import { rejected } from './http-errors';

/**
 * Parses a request body with a zod schema, or refuses it with 422 naming every problem by its path in the body
 * (`policy.targets[2].targetMinutes`), each with zod's code as the stable `code` the app translates.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, code: string): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw rejected.unprocessable(code, 'Request body is invalid', zodProblems(parsed.error));
}

export function zodProblems(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    code: issue.code === 'custom' ? String((issue as { params?: { code?: unknown } }).params?.code ?? 'invalid') : issue.code,
    message: issue.message,
  }));
}

/** `schedule` + `week.mon[1]` = `schedule.week.mon[1]`; `policies` + `[0].title` = `policies[0].title`. */
export function prefixPath(prefix: string, path: string): string {
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

export function prefixProblems(prefix: string, problems: readonly FieldError[]): FieldError[] {
  return problems.map((p) => ({ ...p, path: prefixPath(prefix, p.path) }));
}

/** A key as a path segment: `.emea` when it reads as a name, `["3f2a-…"]` otherwise (as validateSchedule writes dates). */
export function keySegment(key: string): string {
  return /^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
