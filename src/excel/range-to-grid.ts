/**
 * Turns what Office.js returns for a used range (parallel 2-D arrays) into the
 * engine's grid. Pure, so it is tested without Excel.
 */
import type { Cell, CellRange, CellValue, Sheet } from '../core';
import { parseRangeA1, rangeToA1 } from '../core';

export type Scalar = string | number | boolean | null;

export interface UsedRangeData {
  /** 0-based position of the used range's top-left cell on the sheet. */
  rowIndex: number;
  columnIndex: number;
  values: Scalar[][];
  formulas: Scalar[][];
  numberFormat: Scalar[][];
  text: Scalar[][];
  /** Excel.RangeValueType per cell: "Empty", "String", "Double", "Boolean", "Error"… */
  valueTypes: string[][];
}

/** One cell of Office.js's parallel arrays as the engine's cell; undefined where it is empty. */
export function cellFrom(value: Scalar, formula: Scalar, numFmt: Scalar, text: Scalar, type: string): Cell | undefined {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  if (type === 'Empty' && !hasFormula) return undefined;
  let v: CellValue;
  if (type === 'Error') v = { error: String(value) };
  else if (type === 'Empty' || value === '' || value === null || value === undefined) v = null;
  else v = value;
  const cell: Cell = { value: v };
  if (hasFormula) cell.formula = (formula as string).slice(1);
  if (typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General') cell.numFmt = numFmt;
  if (typeof text === 'string' && text !== '') cell.text = text;
  return cell;
}

export function gridFromUsedRange(name: string, data: UsedRangeData, merges: CellRange[]): Sheet {
  const rows: (Cell | undefined)[][] = [];
  for (let r = 0; r < data.rowIndex; r++) rows.push([]);
  for (let i = 0; i < data.values.length; i++) {
    const row: (Cell | undefined)[] = new Array(data.columnIndex).fill(undefined);
    const values = data.values[i];
    for (let j = 0; j < values.length; j++) {
      row.push(cellFrom(values[j], data.formulas[i][j], data.numberFormat[i][j], data.text[i][j], data.valueTypes[i][j]));
    }
    // Keep rows sparse at the right edge: the engine treats `undefined` as empty anyway.
    while (row.length > 0 && row[row.length - 1] === undefined) row.pop();
    rows.push(row);
  }
  return { name, rows, merges };
}

/**
 * Parses a RangeAreas address ("Sheet1!A1:B2, Sheet1!D4:E9" or
 * "'my sheet'!A1:B2,…"): the references after each `!`, so commas or spaces
 * inside a quoted sheet name do not matter.
 */
export function mergesFromAddress(address: string | undefined | null): CellRange[] {
  if (!address) return [];
  const out: CellRange[] = [];
  const ref = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = ref.exec(address)) !== null) {
    const range = parseRangeA1(m[1].replace(/\$/g, ''));
    if (range && (range.top !== range.bottom || range.left !== range.right)) out.push(range);
  }
  return out;
}

/** "Sheet1!$B$3" or "'a b'!C4:D5" → "B3" / "C4" (the top-left cell, no `$`). */
export function topLeftOf(address: string): string {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  return local.split(':')[0].toUpperCase();
}

/**
 * Excel refuses merged areas when a range holds more than 512 of them (and
 * fails the whole request). Distinct merged areas never share a cell, so a
 * tile of at most 512 cells can never hold more: ask tile by tile, all in the
 * same round trip. Returns A1 addresses of tiles covering the used range.
 */
const MERGE_TILE_CELLS = 512;

export function mergeTiles(rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): string[] {
  if (rowCount <= 0 || columnCount <= 0) return [];
  const width = Math.min(columnCount, MERGE_TILE_CELLS);
  const height = Math.max(1, Math.floor(MERGE_TILE_CELLS / width));
  const tiles: string[] = [];
  for (let r = 0; r < rowCount; r += height) {
    for (let c = 0; c < columnCount; c += width) {
      tiles.push(
        rangeToA1({
          top: rowIndex + r,
          left: columnIndex + c,
          bottom: rowIndex + Math.min(r + height, rowCount) - 1,
          right: columnIndex + Math.min(c + width, columnCount) - 1,
        }),
      );
    }
  }
  return tiles;
}

/**
 * Rows per read of a used range `columnCount` wide, so that one response
 * stays under Excel on the web's ~5 MB: its five arrays (values, formulas,
 * formats, text, types) cost about 50–120 bytes a cell in JSON, Chinese text
 * the most. Excel on Windows and Mac has no such limit; a slice is then just
 * one more local round trip.
 */
export const SLICE_CELLS = 40_000;

export function sliceRows(columnCount: number, sliceCells: number = SLICE_CELLS): number {
  return Math.max(1, Math.floor(sliceCells / Math.max(1, columnCount)));
}
