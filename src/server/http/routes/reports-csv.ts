import { DateTime } from 'luxon';

/** RFC 4180: quote a field when it holds a comma, quote or line break; double the quotes inside. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading = + - @ makes spreadsheets run the cell as a formula: prefix a quote (OWASP "CSV injection").
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, with its CRLF. */
export function csvLine(row: readonly (string | number | null)[]): string {
  return row.map(csvField).join(',') + '\r\n';
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}

/** An instant in the viewer's zone with its offset, as spreadsheets read it (`2026-03-02T10:00:00+01:00`). */
export function localTime(ms: number | null, zone: string): string | null {
  return ms === null ? null : DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
}
