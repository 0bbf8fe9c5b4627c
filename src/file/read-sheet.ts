/**
 * One worksheet part → the grid's rows and merges, read in one streaming
 * pass. Only `sheetData` and `mergeCells` are looked into; every other
 * element (column widths, validations, conditional formats, hyperlinks,
 * extensions, a vendor's own) is skipped as a whole without being expanded,
 * and an unknown element inside `sheetData` or a row is skipped by itself:
 * the rows and cells after it are still read.
 */
import type { Cell, CellRange, CellValue } from '../core';
import { MAX_SHEET_CELLS } from '../core';
import { displayedNumberText } from './cell-text';
import { boundMerges, honestMerges } from './merges';
import { readStringItem, unescapeExcelText } from './read-shared-strings';
import { slideFormula } from './shared-formula';
import { unreadable } from './unreadable';
import { LAST_COL, LAST_ROW, MIN_CELL_XML_BYTES } from './limits';
import { XmlScanner } from './xml-scanner';

/**
 * Cells that merges may cover once cut to the data (boundMerges): the
 * engine spends memory on each, so a sheet whose data lies far apart under
 * huge merges is refused like an oversized sheet rather than exhausting it.
 */
export const MAX_MERGED_CELLS = 10 * MAX_SHEET_CELLS;

export interface SheetContext {
  fileName: string;
  sheetName: string;
  strings: readonly string[];
  numFmts: readonly (string | undefined)[];
  date1904: boolean;
}

export interface SheetCells {
  rows: (Cell | undefined)[][];
  merges: CellRange[];
}

/** "B12" → [11, 1]; undefined for anything that is not a plain A1 address. */
function parseRef(ref: string): [number, number] | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    const upper = ch & ~0x20;
    if (upper < 0x41 || upper > 0x5a) break;
    col = col * 26 + (upper - 0x40);
    if (i >= 3) return undefined;
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 0x30;
    if (d < 0 || d > 9 || j - i >= 10) return undefined;
    row = row * 10 + d;
  }
  return [row - 1, col - 1];
}

function parseRange(text: string): CellRange | undefined {
  const [a, b = a] = text.replace(/\$/g, '').split(':');
  const from = parseRef(a);
  const to = parseRef(b);
  if (!from || !to) return undefined;
  return {
    top: Math.min(from[0], to[0]),
    left: Math.min(from[1], to[1]),
    bottom: Math.max(from[0], to[0]),
    right: Math.max(from[1], to[1]),
  };
}

/** A number cell's text as a value: NaN, ±Infinity and `1e999` are what Excel shows as #NUM!. */
function numberValue(text: string): CellValue {
  const n = parseFloat(text);
  return Number.isFinite(n) ? n : { error: '#NUM!' };
}

const DAY_MS = 86400000;

/** An ISO 8601 date cell (`t="d"`, written by some generators) as the serial number Excel stores. */
function isoDateValue(text: string, date1904: boolean): CellValue {
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const ms = Date.parse(zoned.includes('T') ? zoned : `${zoned}T00:00:00Z`);
  if (!Number.isFinite(ms)) return { error: '#VALUE!' };
  return ms / DAY_MS + 25569 - (date1904 ? 1462 : 0);
}

interface RawCell {
  type: string | undefined;
  style: number;
  v: string | undefined;
  inline: string | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

class SheetReader {
  private readonly rows: (Cell | undefined)[][] = [];
  private readonly merges: CellRange[] = [];
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();
  private cells = 0;

  constructor(
    private readonly x: XmlScanner,
    private readonly ctx: SheetContext,
  ) {}

  read(): SheetCells {
    const x = this.x;
    for (let t = x.next(); t !== 'eof'; t = x.next()) {
      if (t !== 'start' || x.depth !== 2) continue;
      if (x.isMain() && x.local === 'sheetData') this.readSheetData();
      else if (x.isMain() && x.local === 'mergeCells') this.readMerges();
      else x.skipCurrent();
    }
    const { merges, area } = boundMerges(honestMerges(this.merges, this.rows), this.rows);
    if (area > MAX_MERGED_CELLS) {
      throw unreadable('too-large', this.ctx.fileName, { sheet: this.ctx.sheetName, cells: area, limit: MAX_MERGED_CELLS });
    }
    // Fill holes so every row index is an array: the engine iterates rows densely.
    for (let r = 0; r < this.rows.length; r++) if (!this.rows[r]) this.rows[r] = [];
    return { rows: this.rows, merges };
  }

  private corrupt(cause: string): Error {
    return unreadable('corrupt', this.ctx.fileName, { cause: `${this.ctx.sheetName}: ${cause}` });
  }

  private readMerges(): void {
    const x = this.x;
    const depth = x.depth;
    for (let t = x.next(); !(t === 'end' && x.depth < depth); t = x.next()) {
      if (t !== 'start') continue;
      if (x.local === 'mergeCell' && x.depth === depth + 1) {
        const range = parseRange(x.attr('ref') ?? '');
        if (range && range.bottom < LAST_ROW && range.right < LAST_COL) this.merges.push(range);
      }
      x.skipCurrent();
    }
  }

  private readSheetData(): void {
    const x = this.x;
    const depth = x.depth;
    let row = -1;
    for (let t = x.next(); !(t === 'end' && x.depth < depth); t = x.next()) {
      if (t !== 'start') continue;
      if (x.depth === depth + 1 && x.isMain() && x.local === 'row') {
        const r = x.attr('r');
        row = r === undefined ? row + 1 : parseInt(r, 10) - 1;
        if (!(row >= 0 && row < LAST_ROW)) throw this.corrupt(`row ${r} lies outside Excel's 1–${LAST_ROW}`);
        this.readRow(row);
      } else x.skipCurrent();
    }
  }

  private readRow(row: number): void {
    const x = this.x;
    if (x.selfClosing) {
      x.skipCurrent();
      return;
    }
    const depth = x.depth;
    let col = -1;
    for (let t = x.next(); !(t === 'end' && x.depth < depth); t = x.next()) {
      if (t !== 'start') continue;
      if (x.depth === depth + 1 && x.isMain() && x.local === 'c') {
        const r = x.attr('r');
        let at: [number, number] | undefined = [row, col + 1];
        if (r !== undefined) {
          at = parseRef(r);
          if (!at) throw this.corrupt(`cell reference "${r.slice(0, 20)}" is not an address`);
        }
        if (!(at[0] >= 0 && at[0] < LAST_ROW && at[1] >= 0 && at[1] < LAST_COL)) {
          throw this.corrupt(
            `cell ${r ?? `in row ${at[0] + 1}, column ${at[1] + 1}`} lies outside Excel's sheet (XFD${LAST_ROW})`,
          );
        }
        col = at[1];
        this.countCell();
        this.place(at[0], at[1], this.readCell());
      } else x.skipCurrent();
    }
  }

  private countCell(): void {
    if (++this.cells <= MAX_SHEET_CELLS) return;
    // Over the limit: count the rest without reading it, for the message.
    const x = this.x;
    for (let t = x.next(); t !== 'eof'; t = x.next()) if (t === 'start' && x.local === 'c') this.cells++;
    throw unreadable('too-large', this.ctx.fileName, { sheet: this.ctx.sheetName, cells: this.cells, limit: MAX_SHEET_CELLS });
  }

  private readCell(): RawCell {
    const x = this.x;
    const cell: RawCell = {
      type: x.attr('t'),
      style: parseInt(x.attr('s') ?? '0', 10) || 0,
      v: undefined,
      inline: undefined,
      formula: undefined,
      shareType: undefined,
      si: undefined,
      ref: undefined,
    };
    if (x.selfClosing) {
      x.skipCurrent();
      return cell;
    }
    const depth = x.depth;
    let into: 'v' | 'f' | undefined;
    for (let t = x.next(); !(t === 'end' && x.depth < depth); t = x.next()) {
      if (t === 'text') {
        if (into === 'v') cell.v = (cell.v ?? '') + x.text();
        else if (into === 'f') cell.formula = (cell.formula ?? '') + x.text();
        continue;
      }
      if (t === 'end') {
        into = undefined;
        continue;
      }
      if (x.depth !== depth + 1 || !x.isMain()) {
        x.skipCurrent();
        continue;
      }
      if (x.local === 'v') {
        into = 'v';
        cell.v ??= '';
      } else if (x.local === 'f') {
        into = 'f';
        cell.shareType = x.attr('t');
        cell.si = x.attr('si');
        cell.ref = x.attr('ref');
      } else if (x.local === 'is') {
        cell.inline = readStringItem(x);
        continue;
      } else {
        x.skipCurrent();
        continue;
      }
      if (x.selfClosing) {
        x.skipCurrent();
        into = undefined;
      }
    }
    return cell;
  }

  private formulaOf(raw: RawCell, row: number, col: number): string | undefined {
    const own = raw.formula?.replace(/^=/, '') || undefined;
    if (raw.shareType !== 'shared' || raw.si === undefined) return own;
    if (raw.ref !== undefined && own !== undefined) {
      this.masters.set(raw.si, { formula: own, row, col });
      return own;
    }
    if (own !== undefined) return own;
    const master = this.masters.get(raw.si);
    return master ? slideFormula(master.formula, row - master.row, col - master.col) : undefined;
  }

  private valueOf(raw: RawCell, hasFormula: boolean): CellValue | undefined {
    const v = raw.v;
    if (raw.type === 'inlineStr' && !hasFormula) return raw.inline || v || undefined;
    // No cached value: a formula not yet computed, or a styled blank.
    if (v === undefined || v === '') return hasFormula ? null : undefined;
    switch (raw.type) {
      case 's': {
        if (hasFormula) return numberValue(v);
        const s = this.ctx.strings[parseInt(v, 10)];
        if (s === undefined) throw this.corrupt(`shared string ${v.slice(0, 12)} does not exist`);
        return s;
      }
      case 'str':
        return unescapeExcelText(v);
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'e':
        return { error: v };
      case 'd':
        return isoDateValue(v.trim(), this.ctx.date1904);
      default:
        return numberValue(v);
    }
  }

  private place(row: number, col: number, raw: RawCell): void {
    const formula = this.formulaOf(raw, row, col);
    const value = this.valueOf(raw, formula !== undefined);
    if (value === undefined && formula === undefined) return;
    const out: Cell = { value: value ?? null };
    if (formula !== undefined) out.formula = formula;
    // Format 0 is the workbook's default (General in every writer seen), which the grid leaves unset.
    const numFmt = raw.style === 0 ? undefined : this.ctx.numFmts[raw.style];
    if (numFmt) out.numFmt = numFmt;
    if (typeof out.value === 'number') {
      const text = displayedNumberText(out.value, numFmt);
      if (text !== undefined) out.text = text;
    }
    // A second cell at the same address replaces the first, as the last write wins in Excel's repair.
    (this.rows[row] ??= [])[col] = out;
  }
}

/** `<c>` start tags, counted without parsing: an upper bound on the cells a part holds. */
function countCellTags(xml: string): number {
  let n = 0;
  const re = /<(?:[\w.-]+:)?c[\s>/]/g;
  while (re.exec(xml)) n++;
  return n;
}

/** Reads a worksheet part's XML. */
export function readSheetCells(xml: string, ctx: SheetContext): SheetCells {
  // A part too big to possibly fit is counted first, so an oversized sheet is refused in a fraction of its reading time.
  if (xml.length > MAX_SHEET_CELLS * MIN_CELL_XML_BYTES) {
    const cells = countCellTags(xml);
    if (cells > MAX_SHEET_CELLS) {
      throw unreadable('too-large', ctx.fileName, { sheet: ctx.sheetName, cells, limit: MAX_SHEET_CELLS });
    }
  }
  return new SheetReader(new XmlScanner(xml), ctx).read();
}
