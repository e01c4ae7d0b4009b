/**
 * Validation that names the field and leaves wording to translations/.
 * `path` is a dotted/bracketed path into the input (`week.mon[1]`, `targets[2].targetMinutes`);
 * `code` is a stable machine code (`invalid_time`, `overlapping_intervals`); `message` is English for logs and
 * developers; the UI translates `code` with `params`.
 */
export interface FieldError {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T, E = FieldError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly E[] };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(errors: readonly E[]): Result<never, E> => ({ ok: false, errors });

/** Thrown by the `create*` convenience constructors; carries every problem found, not just the first. */
export class ValidationError extends Error {
  readonly problems: readonly FieldError[];
  constructor(what: string, problems: readonly FieldError[]) {
    super(`Invalid ${what}: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
    this.name = 'ValidationError';
    this.problems = problems;
  }
}
