/**
 * Live checking after an edit, without reading the whole sheet again: the
 * grid of the last validation is kept, the edited range is read afresh and
 * so are the formula cells of the tables (a formula recalculates without a
 * change event for its own cell). Pure, so it is tested without Excel.
 */
import type { Cell, CellRange, Sheet } from '../core';
import { cellFrom, type Scalar } from './range-to-grid';

/** What was read of one range: Office.js's parallel arrays from its top-left cell. */
export interface RangeRead {
  top: number;
  left: number;
  values: Scalar[][];
  formulas?: Scalar[][];
  numberFormat?: Scalar[][];
  text: Scalar[][];
  valueTypes: string[][];
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The formula cells inside `areas`, as runs down each column (one range to load per run). */
export function formulaRuns(sheet: Sheet, areas: readonly CellRange[]): CellRange[] {
  const runs: CellRange[] = [];
  const seen = new Set<string>();
  for (const area of areas) {
    for (let c = area.left; c <= area.right; c++) {
      let start = -1;
      for (let r = area.top; r <= area.bottom + 1; r++) {
        const isFormula = r <= area.bottom && sheet.rows[r]?.[c]?.formula !== undefined && !seen.has(`${r},${c}`);
        if (isFormula) {
          seen.add(`${r},${c}`);
          if (start < 0) start = r;
        } else if (start >= 0) {
          runs.push({ top: start, left: c, bottom: r - 1, right: c });
          start = -1;
        }
      }
    }
  }
  return runs;
}

/**
 * A copy of `sheet` with each read range written over it: a full read
 * (formulas and formats present) replaces the cells, a values-only read of
 * formula cells updates their result and shown text and keeps the rest.
 */
export function patchSheet(sheet: Sheet, reads: readonly RangeRead[]): Sheet {
  const rows = sheet.rows.slice();
  const copied = new Set<number>();
  const rowFor = (r: number): (Cell | undefined)[] => {
    if (!copied.has(r)) {
      rows[r] = (rows[r] ?? []).slice();
      copied.add(r);
    }
    return rows[r];
  };
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  for (const read of reads) {
    for (let i = 0; i < read.values.length; i++) {
      const r = read.top + i;
      while (rows.length <= r) rows.push([]);
      const row = rowFor(r);
      for (let j = 0; j < read.values[i].length; j++) {
        const c = read.left + j;
        const old = row[c];
        const formula = read.formulas ? read.formulas[i][j] : old?.formula !== undefined ? `=${old.formula}` : null;
        const numFmt = read.numberFormat ? read.numberFormat[i][j] : (old?.numFmt ?? null);
        while (row.length < c) row.push(undefined);
        row[c] = cellFrom(read.values[i][j], formula, numFmt, read.text[i][j], read.valueTypes[i][j]);
      }
      while (row.length > 0 && row[row.length - 1] === undefined) row.pop();
    }
  }
  return { name: sheet.name, rows, merges: sheet.merges };
}
