import { IANAZone } from 'luxon';
import { REPORT_DIMENSIONS, type ReportDimension, type ReportFilters } from '../../../core/report';
import { toEpochMillis } from '../../../core/time/instant';
import { rejected } from '../http-errors';
import type { RecordSlice } from '../../store/report-queries';

/** Query strings as Fastify parses them: a repeated key becomes an array. */
export type ReportQueryString = Readonly<Record<string, string | string[] | undefined>>;

/** A year and a bit: enough for annual reports, bounded so one request cannot ask for all history. */
const MAX_SPAN_MS = 367 * 24 * 3_600_000;
/** The filter value that means "tickets with none" (no group, no organization, ...). */
export const NONE = 'none';

function badQuery(path: string, code: string, message: string) {
  return rejected.invalid('invalid_query', message, [{ path, code, message }]);
}

function single(query: ReportQueryString, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw badQuery(name, 'repeated', `${name} may be given once`);
  return value === '' ? undefined : value;
}

function instant(query: ReportQueryString, name: 'from' | 'to'): number {
  const value = single(query, name);
  if (value === undefined) throw badQuery(name, 'required', `${name} is required (an ISO-8601 instant with an offset)`);
  try {
    return toEpochMillis(value);
  } catch {
    throw badQuery(name, 'invalid_instant', `${name} must be an ISO-8601 instant with an offset or Z`);
  }
}

/** `from`, `to` and one optional filter per dimension (`group=123`, `priority=urgent`, `organization=none`). */
export function parseSlice(accountId: string, query: ReportQueryString): RecordSlice {
  const from = instant(query, 'from');
  const to = instant(query, 'to');
  if (to <= from) throw badQuery('to', 'before_from', 'to must be after from');
  if (to - from > MAX_SPAN_MS) throw badQuery('to', 'span_too_long', 'A report spans at most 367 days');
  const filters: { -readonly [D in ReportDimension]?: string | null } = {};
  for (const dimension of REPORT_DIMENSIONS) {
    const value = single(query, dimension);
    if (value !== undefined) filters[dimension] = value === NONE ? null : value;
  }
  return { accountId, from, to, filters: filters as ReportFilters };
}

/** `groupBy=group,priority` (comma-separated, in order, no repeats). */
export function parseGroupBy(query: ReportQueryString): ReportDimension[] {
  const value = single(query, 'groupBy');
  if (value === undefined) return [];
  const names = value.split(',').map((s) => s.trim());
  const unknown = names.find((n) => !(REPORT_DIMENSIONS as readonly string[]).includes(n));
  if (unknown !== undefined) throw badQuery('groupBy', 'unknown_dimension', `groupBy: unknown dimension "${unknown}"; use ${REPORT_DIMENSIONS.join(', ')}`);
  if (new Set(names).size !== names.length) throw badQuery('groupBy', 'repeated', 'groupBy names a dimension twice');
  return names as ReportDimension[];
}

/** The viewer's IANA zone (`tz`), for trend buckets and CSV times; UTC when not given. */
export function parseZone(query: ReportQueryString): string {
  const zone = single(query, 'tz') ?? 'Etc/UTC';
  if (!IANAZone.isValidZone(zone)) throw badQuery('tz', 'invalid_zone', `tz: "${zone}" is not an IANA time zone`);
  return zone;
}

export function parseChoice<T extends string>(query: ReportQueryString, name: string, choices: readonly T[], fallback: T): T {
  const value = single(query, name) ?? fallback;
  if (!(choices as readonly string[]).includes(value)) throw badQuery(name, 'invalid_choice', `${name} must be one of ${choices.join(', ')}`);
  return value as T;
}

export function parseCount(query: ReportQueryString, name: string, fallback: number, max: number, min = 0): number {
  const value = single(query, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw badQuery(name, 'out_of_range', `${name} must be an integer from ${min} to ${max}`);
  return n;
}
