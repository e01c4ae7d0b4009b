import type { ZendeskApi } from './zendesk-api';

/** Every item of a cursor-paginated list (`page[size]=100`, following `meta.after_cursor` while `has_more`). */
export async function listAll<T>(api: ZendeskApi, path: string, key: string): Promise<T[]> {
  const items: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  let after: string | null = null;
  do {
    const cursor: string = after === null ? '' : `&page[after]=${encodeURIComponent(after)}`;
    const page = await api.get<Record<string, unknown> & { meta: { has_more: boolean; after_cursor: string | null } }>(
      `${path}${separator}page[size]=100${cursor}`,
    );
    items.push(...((page[key] ?? []) as T[]));
    after = page.meta.has_more ? page.meta.after_cursor : null;
  } while (after !== null);
  return items;
}
