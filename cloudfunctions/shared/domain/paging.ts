import type { Page } from '../contract/common';

/** The rows to ask for: one more than the page holds, so the extra row tells whether there is more. */
export interface PageWindow {
  offset: number;
  limit: number;
}

export function pageWindow(page: number, pageSize: number): PageWindow {
  return { offset: (page - 1) * pageSize, limit: pageSize + 1 };
}

export function toPage<Row, Item>(rows: Row[], page: number, pageSize: number, toItem: (row: Row) => Item): Page<Item> {
  return { items: rows.slice(0, pageSize).map(toItem), page, pageSize, hasMore: rows.length > pageSize };
}
