/**
 * The grid model: the one shape every adapter (exceljs, Office.js, tests)
 * produces and the engine reads. Rows and columns are 0-based inside the
 * engine; A1 addresses are only for people and reports.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | CellError | null;

export interface Cell {
  /** What the cell stores: a constant, or the cached result of its formula. */
  value: CellValue;
  /** The formula without its leading `=`, when the cell has one. */
  formula?: string;
  /** The number format code, e.g. `0.00%` or `#,##0.00`. */
  numFmt?: string;
  /** The text Excel displays, where the adapter knows it. */
  text?: string;
}

/** An inclusive rectangle of cells, 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Sparse rows of cells: `rows[r][c]`, `undefined` where empty. */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
}

export interface Workbook {
  sheets: Sheet[];
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  const r = sheet.rows[row];
  return r ? r[col] : undefined;
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length;
}

export function colCount(sheet: Sheet): number {
  let max = 0;
  for (const r of sheet.rows) if (r && r.length > max) max = r.length;
  return max;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(col: number): string {
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) → "A1". */
export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "B12" or "$B$12" → {row: 11, col: 1}; undefined for anything else. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const [, letters, digits] = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim()) ?? [];
  if (!letters || !digits) return undefined;
  return { row: Number(digits) - 1, col: columnIndex(letters) };
}

/** Reading order of two A1 addresses: by row, then column (addresses that are not A1 by code point, last resort). */
export function compareCells(a: string, b: string): number {
  const pa = parseA1(a);
  const pb = parseA1(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return pa.row - pb.row || pa.col - pb.col;
}

export function rangeToA1(range: CellRange): string {
  const a = toA1(range.top, range.left);
  const b = toA1(range.bottom, range.right);
  return a === b ? a : `${a}:${b}`;
}

/** "A1:C3", "A1" → a range; undefined when it is not one. */
export function parseRangeA1(text: string): CellRange | undefined {
  // split always gives a first piece ('' for '', which parseA1 refuses).
  const [first = '', second = first] = text.split(':');
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Builds a sheet from plain rows, for tests and simple adapters:
 * `null`/`undefined`/`''` are empty cells; a string starting with `=` is a
 * formula whose cached value is unknown.
 */
export function sheetFromValues(
  name: string,
  values: readonly (readonly (CellValue | undefined)[])[],
  merges: readonly string[] = [],
): Sheet {
  const rows: (Cell | undefined)[][] = values.map((row) =>
    row.map((v) => (v === null || v === undefined || v === '' ? undefined : { value: v })),
  );
  return {
    name,
    rows,
    merges: merges.map((m) => {
      const r = parseRangeA1(m);
      if (!r) throw new Error(`not a range: ${m}`);
      return r;
    }),
  };
}

/**
 * The most cells one sheet may hold for ScoreCheck to read it; every front
 * end refuses a larger one with a message. Measured with exceljs 4.4 on
 * Node 20: 1,000,000 cells take ~12 s and ~800 MB to load, too much for a
 * browser tab; 500,000 stay near 6 s / 400 MB. A real form has a few
 * thousand cells, a 20,000-row sheet about 250,000.
 */
export const MAX_SHEET_CELLS = 500_000;
