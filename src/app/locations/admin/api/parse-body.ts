/** Small shape checks for our server's answers, by hand: the admin chunk trusts the server's types, not its bytes. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `body[key]` as an array of objects, each checked by `item`; the body itself may be the array. */
export function parseList<T>(body: unknown, key: string, item: (value: Record<string, unknown>) => T | null): Parsed<T[]> {
  const list = Array.isArray(body) ? body : isObject(body) ? body[key] : undefined;
  if (!Array.isArray(list)) return { ok: false, detail: `no "${key}" list in the body` };
  const items: T[] = [];
  for (const [i, value] of list.entries()) {
    const parsed = isObject(value) ? item(value) : null;
    if (parsed === null) return { ok: false, detail: `${key}[${i}] is not what the app expects` };
    items.push(parsed);
  }
  return { ok: true, value: items };
}

/** `body[key]` (or the body itself when it has no such key) checked by `item`. */
export function parseOne<T>(body: unknown, key: string, item: (value: Record<string, unknown>) => T | null): Parsed<T> {
  const value = isObject(body) && isObject(body[key]) ? body[key] : body;
  const parsed = isObject(value) ? item(value) : null;
  return parsed === null ? { ok: false, detail: `no "${key}" in the body` } : { ok: true, value: parsed };
}

export const noBody = (): Parsed<null> => ({ ok: true, value: null });
