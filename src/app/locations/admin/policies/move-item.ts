/** The list with the item at `from` moved to index `to` (the others keep their order); out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const result = [...list];
  const [item] = result.splice(from, 1) as [T];
  result.splice(to, 0, item);
  return result;
}
