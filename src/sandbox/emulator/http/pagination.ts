import { ApiError, badRequest } from '../state/api-error';

/** Zendesk answers bad cursor parameters in the newer `errors` shape (OAS trigger_categories example). */
const invalidPagination = (parameter: string): ApiError =>
  new ApiError(400, { errors: [{ code: 'InvalidPaginationParameter', title: `${parameter} is not valid` }] });

export type Query = Record<string, string | undefined>;

export interface Page<T> {
  readonly items: T[];
  /** The pagination properties to spread into the response body. */
  readonly body: Record<string, unknown>;
}

/**
 * Zendesk's two pagination styles over items sorted by id:
 * - cursor (when `page[size]`, `page[after]` or `page[before]` is given): `meta {has_more, after_cursor,
 *   before_cursor}` and `links {next, prev}`; page[size] at most 100.
 * - offset (otherwise): `page`, `per_page` (at most 100) → `next_page`, `previous_page`, `count`.
 */
export function paginate<T extends { readonly id: number }>(items: readonly T[], query: Query, url: string): Page<T> {
  const cursorMode = ['page[size]', 'page[after]', 'page[before]'].some((key) => query[key] !== undefined);
  return cursorMode ? cursorPage(items, query, url) : offsetPage(items, query, url);
}

function cursorPage<T extends { readonly id: number }>(items: readonly T[], query: Query, url: string): Page<T> {
  const size = readCursorSize(query['page[size]']);
  const after = query['page[after]'] ? decodeCursor(query['page[after]'], 'page[after]') : undefined;
  const before = query['page[before]'] ? decodeCursor(query['page[before]'], 'page[before]') : undefined;
  let page: T[];
  let hasMore: boolean;
  if (before !== undefined) {
    const earlier = items.filter((item) => item.id < before);
    page = earlier.slice(-size);
    hasMore = earlier.length > size;
  } else {
    const later = items.filter((item) => after === undefined || item.id > after);
    page = later.slice(0, size);
    hasMore = later.length > size;
  }
  const first = page[0];
  const last = page.at(-1);
  const afterCursor = last ? encodeCursor(last.id) : null;
  const beforeCursor = first ? encodeCursor(first.id) : null;
  const link = (key: string, cursor: string | null): string | null =>
    cursor === null ? null : `${url}?page%5Bsize%5D=${size}&page%5B${key}%5D=${cursor}`;
  return {
    items: page,
    body: {
      meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
      links: { next: hasMore || before !== undefined ? link('after', afterCursor) : null, prev: link('before', beforeCursor) },
    },
  };
}

function offsetPage<T>(items: readonly T[], query: Query, url: string): Page<T> {
  const perPage = readSize(query.per_page, 100);
  const page = query.page === undefined ? 1 : Number(query.page);
  if (!Number.isInteger(page) || page < 1) throw badRequest('InvalidPaginationParameter', 'page must be a positive integer');
  const start = (page - 1) * perPage;
  const link = (n: number): string => `${url}?page=${n}&per_page=${perPage}`;
  return {
    items: items.slice(start, start + perPage),
    body: {
      next_page: start + perPage < items.length ? link(page + 1) : null,
      previous_page: page > 1 ? link(page - 1) : null,
      count: items.length,
    },
  };
}

function readSize(raw: string | undefined, max: number): number {
  if (raw === undefined) return max;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badRequest('InvalidPaginationParameter', `page size must be between 1 and ${max}`);
  }
  return size;
}

const encodeCursor = (id: number): string => Buffer.from(`id:${id}`).toString('base64url');

function readCursorSize(raw: string | undefined): number {
  if (raw === undefined) return 100;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 100) throw invalidPagination('page[size]');
  return size;
}

function decodeCursor(cursor: string, parameter: string): number {
  const match = /^id:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalidPagination(parameter);
  return Number(match[1]);
}
