/** The list with the item at `index` swapped one place up (-1) or down (+1); at either end nothing moves. */
export function moveItem<T>(items: T[], index: number, step: -1 | 1): T[] {
  const to = index + step;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items;
  const moved = [...items];
  [moved[index], moved[to]] = [moved[to], moved[index]];
  return moved;
}
