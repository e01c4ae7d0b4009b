import { badRequest } from './api-error';

/** JSON request bodies arrive as unknown; these readers narrow them without trusting the sender. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object under `key` of a request body, e.g. `{"ticket": {...}}`; 400 when absent, as Zendesk does. */
export function requireWrapped(body: unknown, key: string): JsonObject {
  const inner = isJsonObject(body) ? body[key] : undefined;
  if (!isJsonObject(inner)) throw badRequest('InvalidParameter', `Parameter ${key} is required`);
  return inner;
}

/** Zendesk accepts ids as integers or as numeric strings. */
export function toId(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Parses `ids=1,2,3` lists; undefined when any item is not an id. */
export function parseIdList(value: unknown): number[] | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ids = value.split(',').map((part) => toId(part.trim()));
  return ids.every((id): id is number => id !== undefined) ? ids : undefined;
}

/** Tags are lower-cased and split on whitespace, as Zendesk stores them. */
export function normalizeTags(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  const tags = raw
    .filter((tag): tag is string | number => typeof tag === 'string' || typeof tag === 'number')
    .flatMap((tag) => String(tag).toLowerCase().split(/\s+/))
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}
