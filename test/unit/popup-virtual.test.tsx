import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceGroup } from '../../src/shared/messages.ts';
import { groupOf, itemTop, listHeight, rowsBetween, type VirtualRow } from '../../src/popup/virtual.ts';

const heights = { header: 30, row: 100 };

function groupsOf(counts: readonly number[]): SourceGroup[] {
  let start = 0;
  return counts.map((count, index) => {
    const group = { label: `g${index}`, start, count };
    start += count;
    return group;
  });
}

/** Every row laid out one after the other: what the arithmetic must agree with. */
function allRows(groups: readonly SourceGroup[]): VirtualRow[] {
  const rows: VirtualRow[] = [];
  let top = 0;
  for (const group of groups) {
    rows.push({ kind: 'header', group, top });
    top += heights.header;
    for (let index = group.start; index < group.start + group.count; index++) {
      rows.push({ kind: 'item', index, group, top });
      top += heights.row;
    }
  }
  return rows;
}

describe('virtual list layout', () => {
  it('renders exactly the rows that intersect the window, however the groups fall', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 12 }), fc.nat(6000), fc.integer({ min: 1, max: 900 }), (counts, from, span) => {
        const groups = groupsOf(counts);
        const expected = allRows(groups).filter((row) => row.top < from + span && row.top + (row.kind === 'header' ? heights.header : heights.row) > from);
        expect(rowsBetween(groups, heights, from, from + span)).toEqual(expected);
      }),
    );
  });

  it('agrees with the full layout on each record position, the group of each record and the total height', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 12 }), (counts) => {
        const groups = groupsOf(counts);
        const rows = allRows(groups);
        for (const row of rows) {
          if (row.kind !== 'item') continue;
          expect(itemTop(groups, row.index, heights)).toBe(row.top);
          expect(groups[groupOf(groups, row.index)]).toBe(row.group);
        }
        const last = rows[rows.length - 1] as VirtualRow;
        expect(listHeight(groups, heights)).toBe(last.top + (last.kind === 'header' ? heights.header : heights.row));
      }),
    );
  });

  it('renders a few dozen rows of 10,000', () => {
    const groups = groupsOf([4000, 3000, 3000]);
    const rows = rowsBetween(groups, heights, 500_000, 500_600);
    expect(rows.length).toBeLessThan(10);
    expect(rows.every((row) => row.top + heights.row > 500_000 && row.top < 500_600)).toBe(true);
  });
});
