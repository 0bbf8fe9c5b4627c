/**
 * Merged areas, in time and memory proportional to the merges and the cells
 * that hold data, never to the area a merge declares (a merge over
 * J1:XFD1048576 costs what one over J1:K2 costs). One sweep down the rows
 * keeps the merges that cover the current row, sorted by column: accepted
 * merges covering one row cannot overlap, so one binary search finds the
 * merge a column falls in.
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

  /** The active merges sharing a column with `m`. */
  overlapping(m: CellRange): CellRange[] {
    const out: CellRange[] = [];
    for (let i = this.indexAtOrBefore(m.right); i >= 0 && this.byLeft[i].right >= m.left; i--) out.push(this.byLeft[i]);
    return out;
  }

  add(m: CellRange): void {
    this.byLeft.splice(this.indexAtOrBefore(m.left) + 1, 0, m);
    this.heap.push(m);
    for (let i = this.heap.length - 1; i > 0;) {
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
      for (let i = 0; ;) {
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
 * The merges that hide nothing: two that overlap (a damaged or hand-made
 * file) are both dropped, and so is a merge over a cell that holds a value
 * or formula (Excel clears those when it merges, so only another writer
 * leaves one there), so that every cell holding something is read and
 * checked. Document order is kept.
 */
export function honestMerges(merges: readonly CellRange[], rows: readonly (Cell | undefined)[][]): CellRange[] {
  const dropped = new Set<CellRange>();
  const sorted = [...merges].sort(byTopThenLeft);
  const active = new ActiveMerges();
  for (const m of sorted) {
    active.advanceTo(m.top);
    const hit = active.overlapping(m);
    if (hit.length > 0) {
      // The ones hit stay in the sweep, so later merges over them are dropped too.
      for (const h of hit) dropped.add(h);
      dropped.add(m);
      continue;
    }
    active.add(m);
  }
  const disjoint = sorted.filter((m) => !dropped.has(m));
  const sweep = new ActiveMerges();
  let next = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    sweep.advanceTo(r);
    // Only merges covering row r join, so the active ones never share a column.
    for (; next < disjoint.length && disjoint[next].top <= r; next++) if (disjoint[next].bottom >= r) sweep.add(disjoint[next]);
    if (sweep.size === 0) continue;
    row.forEach((_, c) => {
      const m = sweep.at(c);
      if (m && (m.top !== r || m.left !== c)) dropped.add(m);
    });
  }
  return merges.filter((m) => !dropped.has(m));
}

/** A merge larger than this is cut to the cells that hold data; no form merges anything near it. */
export const LARGE_MERGE_CELLS = 10_000;

/**
 * Cuts large merges to the rectangle of cells that hold data: beyond it a
 * merge covers only empty cells, which nothing reads. The engine indexes
 * merges cell by cell (core/sheet-view.ts), so one merge over
 * J1:XFD1048576 would otherwise cost it 17 billion entries. Returns the
 * merges and the cells they still cover, for the caller's bound.
 */
export function boundMerges(
  merges: readonly CellRange[],
  rows: readonly (Cell | undefined)[][],
): { merges: CellRange[]; area: number } {
  const lastRow = rows.length - 1;
  let lastCol = -1;
  for (const r of rows) if (r && r.length - 1 > lastCol) lastCol = r.length - 1;
  const out: CellRange[] = [];
  let area = 0;
  for (const m of merges) {
    const size = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (size <= LARGE_MERGE_CELLS) {
      out.push(m);
      area += size;
      continue;
    }
    // Its top-left beyond the data: it covers no cell that holds anything.
    if (m.top > lastRow || m.left > lastCol) continue;
    const cut = { top: m.top, left: m.left, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) };
    out.push(cut);
    area += (cut.bottom - cut.top + 1) * (cut.right - cut.left + 1);
  }
  return { merges: out, area };
}
