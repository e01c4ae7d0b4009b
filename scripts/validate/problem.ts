/** One thing wrong with the package, located by file and by a dotted path inside it. */
export interface Problem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  /** Dotted/bracketed path inside the file (`parameters[1].scopes`), or '' for the file itself. */
  readonly path: string;
  readonly message: string;
}

export const error = (file: string, path: string, message: string): Problem => ({ severity: 'error', file, path, message });
export const warning = (file: string, path: string, message: string): Problem => ({ severity: 'warning', file, path, message });

export const formatProblem = (p: Problem): string => `${p.severity.padEnd(7)} ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
