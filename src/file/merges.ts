/**
 * Merged areas, in time and memory proportional to the merges and the cells
 * that hold data, never to the area a merge declares (a merge over
 * J1:XFD1048576 costs what one over J1:K2 costs). One sweep down the rows
 * keeps the merges that cover the current row, sorted by column: merges
 * covering one row cannot overlap, so one binary search finds the merge a
 * column falls in.
 */
import type { Cell, CellRange } from '../core';

/** The merges covering the sweep's current row, by left column. */
class ActiveMerges {
  private readonly byLeft: CellRange[] = [];
  /** A binary min-heap by bottom row: which merge leaves the sweep first. */
  private readonly heap: CellRange[] = [];

  get size(): number {
    return this.byLeft.length;
  }

  /** Drops the merges that end above `row`. */
  advanceTo(row: number): void {
    while (this.heap.length > 0 && this.heap[0].bottom < row) {
      const gone = this.popHeap();
      this.byLeft.splice(this.indexAtOrBefore(gone.left), 1);
    }
  }

  /** The active merge whose columns contain `col`, if any. */
  at(col: number): CellRange | undefined {
    const i = this.indexAtOrBefore(col);
    const m = i >= 0 ? this.byLeft[i] : undefined;
    return m && m.right >= col ? m : undefined;
  }

  /** Whether `m` shares a column with an active merge. */
  overlaps(m: CellRange): boolean {
    const i = this.indexAtOrBefore(m.right);
    return i >= 0 && this.byLeft[i].right >= m.left;
  }

  add(m: CellRange): void {
    this.byLeft.splice(this.indexAtOrBefore(m.left) + 1, 0, m);
    this.heap.push(m);
    for (let i = this.heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.heap[parent].bottom <= this.heap[i].bottom) break;
      [this.heap[parent], this.heap[i]] = [this.heap[i], this.heap[parent]];
      i = parent;
    }
  }

  /** The index of the last merge whose left column is ≤ `col`, or -1. */
  private indexAtOrBefore(col: number): number {
    let lo = 0;
    let hi = this.byLeft.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.byLeft[mid].left <= col) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private popHeap(): CellRange {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && heap[l].bottom < heap[min].bottom) min = l;
        if (r < heap.length && heap[r].bottom < heap[min].bottom) min = r;
        if (min === i) break;
        [heap[min], heap[i]] = [heap[i], heap[min]];
        i = min;
      }
    }
    return top;
  }
}

function byTopThenLeft(a: CellRange, b: CellRange): number {
  return a.top - b.top || a.left - b.left;
}

/**
 * The merges Excel can honour: of two that overlap (a damaged or
 * hand-made file), the one whose top-left comes first in reading order is
 * kept and the other dropped, so the cells it would have hidden are read
 * and checked like any others. Document order is kept for the rest.
 */
export function acceptMerges(merges: readonly CellRange[]): CellRange[] {
  const sorted = [...merges].sort(byTopThenLeft);
  const active = new ActiveMerges();
  const kept = new Set<CellRange>();
  for (const m of sorted) {
    active.advanceTo(m.top);
    if (active.overlaps(m)) continue;
    active.add(m);
    kept.add(m);
  }
  return merges.filter((m) => kept.has(m));
}

/**
 * Removes the cells a merge hides (all but its top-left): Excel shows only
 * the top-left's value, and a reader repeating it there would count it
 * twice in any sum. `merges` must not overlap (acceptMerges).
 */
export function dropHiddenCells(rows: (Cell | undefined)[][], merges: readonly CellRange[]): void {
  if (merges.length === 0) return;
  const sorted = [...merges].sort(byTopThenLeft);
  const active = new ActiveMerges();
  let next = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    active.advanceTo(r);
    // Only merges covering row r join, so the active ones never share a column.
    for (; next < sorted.length && sorted[next].top <= r; next++) if (sorted[next].bottom >= r) active.add(sorted[next]);
    if (active.size === 0) continue;
    row.forEach((_, c) => {
      const m = active.at(c);
      if (m && (m.top !== r || m.left !== c)) delete row[c];
    });
    // A row whose every cell was hidden reads as empty, as it would in Excel.
    let last = row.length - 1;
    while (last >= 0 && row[last] === undefined) last--;
    row.length = last + 1;
  }
}
