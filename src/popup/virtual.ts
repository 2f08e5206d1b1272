import type { SourceGroup } from '../shared/messages.ts';

/**
 * Where each row of the grouped list sits, without rendering it: every group has a header row of
 * one height and record rows of another, so any position is arithmetic, and only the rows in view
 * (plus a margin) are rendered however long the ledger is.
 */

export interface RowHeights {
  readonly header: number;
  readonly row: number;
}

export type VirtualRow =
  | { readonly kind: 'header'; readonly group: SourceGroup; readonly top: number }
  | { readonly kind: 'item'; readonly index: number; readonly group: SourceGroup; readonly top: number };

export function listHeight(groups: readonly SourceGroup[], heights: RowHeights): number {
  const items = groups.reduce((sum, group) => sum + group.count, 0);
  return groups.length * heights.header + items * heights.row;
}

/** Index in `groups` of the group holding record `index` of the grouped order. */
export function groupOf(groups: readonly SourceGroup[], index: number): number {
  let low = 0;
  let high = groups.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((groups[mid] as SourceGroup).start <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function itemTop(groups: readonly SourceGroup[], index: number, heights: RowHeights): number {
  return (groupOf(groups, index) + 1) * heights.header + index * heights.row;
}

const groupTop = (group: SourceGroup, position: number, heights: RowHeights): number => position * heights.header + group.start * heights.row;

/** The rows that intersect [from, to), in order. */
export function rowsBetween(groups: readonly SourceGroup[], heights: RowHeights, from: number, to: number): VirtualRow[] {
  const rows: VirtualRow[] = [];
  // The first group whose bottom is below `from`.
  let low = 0;
  let high = groups.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const group = groups[mid] as SourceGroup;
    if (groupTop(group, mid + 1, heights) + group.count * heights.row <= from) low = mid + 1;
    else high = mid;
  }
  for (let position = low; position < groups.length; position++) {
    const group = groups[position] as SourceGroup;
    const top = groupTop(group, position, heights);
    if (top >= to) break;
    if (top + heights.header > from) rows.push({ kind: 'header', group, top });
    const itemsTop = top + heights.header - group.start * heights.row;
    const first = Math.max(group.start, Math.floor((from - itemsTop) / heights.row));
    const last = Math.min(group.start + group.count - 1, Math.ceil((to - itemsTop) / heights.row) - 1);
    for (let index = first; index <= last; index++) rows.push({ kind: 'item', index, group, top: itemsTop + index * heights.row });
  }
  return rows;
}
