/**
 * Whether a database error is a unique-constraint violation: SQLite's extended code (better-sqlite3) or
 * PostgreSQL's SQLSTATE 23505 (pg). Optionally only for one named constraint (PostgreSQL names it; SQLite names
 * the columns in its message instead, so `columns` is matched there).
 */
export function isUniqueViolation(error: unknown, where: { readonly constraint: string; readonly columns: string }): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (e?.code === '23505') return e.constraint === where.constraint;
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE') return typeof e.message === 'string' && e.message.includes(where.columns);
  return false;
}
