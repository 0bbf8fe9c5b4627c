/**
 * Re-points chosen cells of a worksheet part at new cell formats (`s="…"`),
 * editing only those cells' start tags — and creating a cell, or a row, in
 * its proper place when the sheet XML has none there yet. Everything else in
 * the part stays byte-for-byte as it was.
 */
import { columnName, parseA1, parseRangeA1, rangeToA1 } from '../core';
import { findStartTag, getAttr, setAttr, tagEndAt } from './xml-text';

export interface CellPosition {
  row: number;
  col: number;
}

/** Gives the new style index for a cell whose current style index is `current`. */
export type Restyle = (current: number, at: CellPosition) => number;

interface ElementSpan {
  start: number;
  /** Index just past the start tag. */
  tagEnd: number;
  /** Index just past the whole element. */
  end: number;
  tag: string;
  selfClosing: boolean;
}

/** The next `<p:name …>` element from `from` (not nested in itself, as rows and cells are not). */
function nextElement(xml: string, qname: string, from: number, limit: number): ElementSpan | undefined {
  const open = `<${qname}`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < limit) {
    const next = xml[at + open.length];
    if (next === ' ' || next === '>' || next === '/' || next === '\t' || next === '\n' || next === '\r') break;
    at = xml.indexOf(open, at + 1);
  }
  if (at < 0 || at >= limit) return undefined;
  const tagEnd = tagEndAt(xml, at);
  if (tagEnd < 0) return undefined;
  const tag = xml.slice(at, tagEnd);
  const selfClosing = tag.endsWith('/>');
  let end = tagEnd;
  if (!selfClosing) {
    const close = xml.indexOf(`</${qname}>`, tagEnd);
    end = close < 0 ? limit : close + qname.length + 3;
  }
  return { start: at, tagEnd, end, tag, selfClosing };
}

interface ColumnStyle {
  min: number;
  max: number;
  style: number;
}

function readColumnStyles(xml: string, p: string): ColumnStyle[] {
  const out: ColumnStyle[] = [];
  for (let col = findStartTag(xml, `${p}col`); col; col = findStartTag(xml, `${p}col`, col.index + col.tag.length)) {
    const style = Number(getAttr(col.tag, 'style') ?? 0);
    if (style) out.push({ min: Number(getAttr(col.tag, 'min')), max: Number(getAttr(col.tag, 'max')), style });
  }
  return out;
}

function extendSpans(rowTag: string, col: number): string {
  const spans = getAttr(rowTag, 'spans');
  if (!spans) return rowTag;
  const nums = spans
    .split(/[\s:]+/)
    .map(Number)
    .filter(Number.isFinite);
  const lo = Math.min(col + 1, ...nums);
  const hi = Math.max(col + 1, ...nums);
  return setAttr(rowTag, 'spans', `${lo}:${hi}`);
}

/**
 * Applies `restyle` to every target cell of the worksheet XML `xml`, whose
 * SpreadsheetML elements carry prefix `p` ('' or 'x:').
 */
export function restyleCells(xml: string, p: string, targets: CellPosition[], restyle: Restyle): string {
  if (targets.length === 0) return xml;
  const wanted = new Map<number, Set<number>>();
  for (const t of targets) {
    if (!wanted.has(t.row)) wanted.set(t.row, new Set());
    wanted.get(t.row)!.add(t.col);
  }

  let sheetData = nextElement(xml, `${p}sheetData`, 0, xml.length);
  if (!sheetData) throw new Error('worksheet has no sheetData');
  if (sheetData.selfClosing) {
    const opened = `${sheetData.tag.slice(0, -2)}></${p}sheetData>`;
    xml = xml.slice(0, sheetData.start) + opened + xml.slice(sheetData.end);
    sheetData = nextElement(xml, `${p}sheetData`, 0, xml.length)!;
  }
  const colStyles = readColumnStyles(xml.slice(0, sheetData.start), p);
  const dataEnd = sheetData.end - `</${p}sheetData>`.length;

  // Edits are collected as (position, removeLength, insert) and applied in one pass at the end.
  const edits: { at: number; remove: number; insert: string; order?: number }[] = [];
  const touched: CellPosition[] = [];
  const done = new Set<number>();

  const newCell = (row: number, col: number, base: number): string => {
    const s = restyle(base, { row, col });
    touched.push({ row, col });
    return `<${p}c r="${columnName(col)}${row + 1}" s="${s}"/>`;
  };
  const columnStyleAt = (col: number, rowTag?: string): number => {
    // A new cell looks like its row (when the row is formatted) or else its column.
    if (rowTag && getAttr(rowTag, 'customFormat') && /^(1|true)$/.test(getAttr(rowTag, 'customFormat')!)) {
      return Number(getAttr(rowTag, 's') ?? 0);
    }
    return colStyles.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style ?? 0;
  };
  const newRow = (row: number): string => {
    const cols = [...wanted.get(row)!].sort((a, b) => a - b);
    return `<${p}row r="${row + 1}">${cols.map((c) => newCell(row, c, columnStyleAt(c))).join('')}</${p}row>`;
  };

  const wantedRows = [...wanted.keys()].sort((a, b) => a - b);
  let nextWanted = 0; // wantedRows before this index are written or found in the sheet
  let rowIndex = -1;
  let pos = sheetData.tagEnd;
  for (let row = nextElement(xml, `${p}row`, pos, dataEnd); row; row = nextElement(xml, `${p}row`, pos, dataEnd)) {
    const r = getAttr(row.tag, 'r');
    const thisRow = r ? Number(r) - 1 : rowIndex + 1;
    // Rows the sheet lacks, that sort before this one, go right here.
    for (; nextWanted < wantedRows.length && wantedRows[nextWanted] < thisRow; nextWanted++) {
      const missing = wantedRows[nextWanted];
      if (done.has(missing)) continue;
      edits.push({ at: row.start, remove: 0, insert: newRow(missing) });
      done.add(missing);
    }
    rowIndex = thisRow;
    pos = row.end;
    const cols = wanted.get(thisRow);
    if (!cols || done.has(thisRow)) continue;
    done.add(thisRow);

    const pending = [...cols].sort((a, b) => a - b);
    let rowTag = row.tag;
    for (const c of pending) rowTag = extendSpans(rowTag, c);
    const contentEnd = row.selfClosing ? row.tagEnd : row.end - `</${p}row>`.length;
    let colIndex = -1;
    let cpos = row.tagEnd;
    const rowEdits: { at: number; remove: number; insert: string }[] = [];
    for (let cell = nextElement(xml, `${p}c`, cpos, contentEnd); cell; cell = nextElement(xml, `${p}c`, cpos, contentEnd)) {
      const ref = getAttr(cell.tag, 'r');
      const thisCol = ref ? (parseA1(ref)?.col ?? colIndex + 1) : colIndex + 1;
      while (pending.length > 0 && pending[0] < thisCol) {
        const c = pending.shift()!;
        rowEdits.push({ at: cell.start, remove: 0, insert: newCell(thisRow, c, columnStyleAt(c, row.tag)) });
      }
      if (pending[0] === thisCol) {
        pending.shift();
        const s = restyle(Number(getAttr(cell.tag, 's') ?? 0), { row: thisRow, col: thisCol });
        touched.push({ row: thisRow, col: thisCol });
        rowEdits.push({ at: cell.start, remove: cell.tag.length, insert: setAttr(cell.tag, 's', String(s)) });
      }
      colIndex = thisCol;
      cpos = cell.end;
    }
    if (pending.length > 0) {
      // After the last cell, but before a row-level extLst if there is one.
      const ext = xml.indexOf(`<${p}extLst`, cpos);
      const at = ext >= 0 && ext < contentEnd ? ext : contentEnd;
      rowEdits.push({ at, remove: 0, insert: pending.map((c) => newCell(thisRow, c, columnStyleAt(c, row.tag))).join('') });
    }
    if (row.selfClosing) {
      // `<row …/>` becomes `<row …>cells</row>`.
      const opened = `${rowTag.slice(0, -2).replace(/\s+$/, '')}>`;
      edits.push({
        at: row.start,
        remove: row.tag.length,
        insert: opened + rowEdits.map((e) => e.insert).join('') + `</${p}row>`,
      });
    } else {
      if (rowTag !== row.tag) edits.push({ at: row.start, remove: row.tag.length, insert: rowTag });
      edits.push(...rowEdits);
    }
  }
  const trailing = wantedRows.filter((k) => !done.has(k));
  if (trailing.length > 0) edits.push({ at: dataEnd, remove: 0, insert: trailing.map(newRow).join('') });

  // One pass from the start: re-slicing the whole sheet per edit was
  // quadratic in marked cells. At one position the insertions come first, in
  // the order they were pushed, then the replaced tag's new text.
  edits.forEach((e, i) => (e.order = i));
  edits.sort((a, b) => a.at - b.at || a.remove - b.remove || a.order! - b.order!);
  const pieces: string[] = [];
  let copied = 0;
  for (const e of edits) {
    pieces.push(xml.slice(copied, e.at), e.insert);
    copied = e.at + e.remove;
  }
  pieces.push(xml.slice(copied));
  return extendDimension(pieces.join(''), p, touched);
}

/** Keeps `<dimension ref>` covering new cells (Excel tolerates a stale one, other readers may not). */
function extendDimension(xml: string, p: string, cells: CellPosition[]): string {
  const dim = findStartTag(xml, `${p}dimension`);
  if (!dim || cells.length === 0) return xml;
  const range = parseRangeA1(getAttr(dim.tag, 'ref') ?? '');
  if (!range) return xml;
  const grown = { ...range };
  for (const c of cells) {
    grown.top = Math.min(grown.top, c.row);
    grown.bottom = Math.max(grown.bottom, c.row);
    grown.left = Math.min(grown.left, c.col);
    grown.right = Math.max(grown.right, c.col);
  }
  if (rangeToA1(grown) === rangeToA1(range)) return xml;
  const tag = setAttr(dim.tag, 'ref', rangeToA1(grown));
  return xml.slice(0, dim.index) + tag + xml.slice(dim.index + dim.tag.length);
}
