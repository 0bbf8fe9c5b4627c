/**
 * Where each cell of a sheet goes in the page's read-only grid: column
 * widths guessed from the text (Chinese characters count double), merges as
 * one box over the cells they cover. Pure, so it can be tested without a DOM.
 */
import type { Cell, CellRange, Sheet } from '../core';
import { colCount, isCellError, rowCount } from '../core';

export const ROW_HEIGHT = 26;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 52;
/** Wider sheets show their first columns only: a self-evaluation table is a dozen columns. */
export const MAX_GRID_COLUMNS = 200;
const MIN_COL_WIDTH = 56;
const MAX_COL_WIDTH = 240;
/** Rows read to guess column widths: enough for a header and a screenful. */
const WIDTH_SAMPLE_ROWS = 400;

export interface GridLayout {
  rows: number;
  cols: number;
  /** Columns the sheet has, before MAX_GRID_COLUMNS. */
  sheetCols: number;
  colLeft: number[];
  colWidth: number[];
  totalWidth: number;
  /** Merges by their top-left cell, `row * cols + col`. */
  mergeAt: Map<number, CellRange>;
  /** Cells hidden under a merge (not its top-left), `row * cols + col`. */
  covered: Set<number>;
}

/** What the cell shows: Excel's displayed text where the reader knew it, else the value. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return v;
}

/** Pixels a line of text needs at 13px: wide (CJK, full-width) characters about twice a Latin one. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text.split('\n')[0]) w += /[\u2e80-\uffef]/.test(ch) ? 13 : 7.5;
  return Math.ceil(w) + 12;
}

export function layoutSheet(sheet: Sheet): GridLayout {
  let rows = rowCount(sheet);
  const sheetCols = Math.max(colCount(sheet), ...sheet.merges.map((m) => m.right + 1), 1);
  for (const m of sheet.merges) rows = Math.max(rows, m.bottom + 1);
  const cols = Math.min(sheetCols, MAX_GRID_COLUMNS);

  const mergeAt = new Map<number, CellRange>();
  const covered = new Set<number>();
  for (const m of sheet.merges) {
    if (m.left >= cols) continue;
    mergeAt.set(m.top * cols + m.left, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= Math.min(m.right, cols - 1); c++) if (r !== m.top || c !== m.left) covered.add(r * cols + c);
  }

  const colWidth = new Array<number>(cols).fill(MIN_COL_WIDTH);
  for (let r = 0; r < Math.min(rows, WIDTH_SAMPLE_ROWS); r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, cols); c++) {
      // A merged cell's text spreads over its columns: it says nothing about one column's width.
      if (!row[c] || mergeAt.has(r * cols + c)) continue;
      colWidth[c] = Math.max(colWidth[c], Math.min(MAX_COL_WIDTH, textWidth(cellText(row[c]))));
    }
  }
  const colLeft: number[] = [];
  let x = 0;
  for (const w of colWidth) {
    colLeft.push(x);
    x += w;
  }
  return { rows: Math.max(rows, 1), cols, sheetCols, colLeft, colWidth, totalWidth: x, mergeAt, covered };
}

/** The rectangle, in grid pixels below the header and right of the row numbers, that a cell (or its merge) covers. */
export function cellBox(
  layout: GridLayout,
  row: number,
  col: number,
): { left: number; top: number; width: number; height: number } {
  const m = layout.mergeAt.get(row * layout.cols + col);
  const right = m ? Math.min(m.right, layout.cols - 1) : col;
  const bottom = m ? m.bottom : row;
  return {
    left: layout.colLeft[col],
    top: row * ROW_HEIGHT,
    width: layout.colLeft[right] + layout.colWidth[right] - layout.colLeft[col],
    height: (bottom - row + 1) * ROW_HEIGHT,
  };
}
