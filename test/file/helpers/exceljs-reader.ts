/**
 * The reader ScoreCheck used before it read packages itself (issue 11),
 * kept as an independent second opinion: the two-readers test requires the
 * same grid from both on every fixture, and the bench times the new reader
 * against it. exceljs is a devDependency only; nothing in src/ imports this.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, CellRange, CellValue, Sheet, Workbook } from '../../../src/core';
import { displayedNumberText } from '../../../src/file/cell-text';
import { inspectWorkbookBytes, toBytes } from '../../../src/file/inspect-package';
import { MAX_SHEET_CELLS } from '../../../src/file/limits';
import { parseRelationships } from '../../../src/file/package-parts';
import { unreadable, UnreadableWorkbookError } from '../../../src/file/unreadable';
import { REL_TYPE } from '../../../src/file/xml-text';

/**
 * exceljs 4.4 crashes in `reconcile` ("reading 'comments'", issue #2797) when
 * a sheet's notes live at a path it does not expect (openpyxl writes
 * `/xl/comments/comment1.xml`). The grid holds no notes, so the retry hides
 * the notes' relationships from exceljs by retyping them; nothing else changes.
 */
async function withoutNotes(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!/_rels\/[^/]+\.xml\.rels$/.test(name) || !/worksheets\//.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    const rels = parseRelationships(xml);
    if (!rels.some((r) => r.type === REL_TYPE.comments || r.type === REL_TYPE.vmlDrawing)) continue;
    const patched = xml
      .split(REL_TYPE.comments)
      .join('urn:scorecheck:ignored-comments')
      .split(REL_TYPE.vmlDrawing)
      .join('urn:scorecheck:ignored-vmlDrawing');
    zip.file(name, patched);
    changed = true;
  }
  if (!changed) return undefined;
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

async function loadWithExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings want a Node Buffer; it hands the data to JSZip, which takes any Uint8Array.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function loadGuarded(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  try {
    return await loadWithExcelJS(bytes);
  } catch (first) {
    let retry: Uint8Array | undefined;
    try {
      retry = await withoutNotes(bytes);
    } catch {
      retry = undefined;
    }
    if (retry) {
      try {
        return await loadWithExcelJS(retry);
      } catch {
        // fall through: report the original failure, it names the real cause
      }
    }
    const cause = first instanceof Error ? first.message : String(first);
    throw unreadable('corrupt', fileName, { cause: cause.slice(0, 200) });
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Inverse of exceljs's `excelToDate`: the serial number the cell stores. */
function dateToSerial(d: Date, date1904: boolean): number {
  const serial = 25569 + d.getTime() / DAY_MS - (date1904 ? 1462 : 0);
  // exceljs rounded to whole milliseconds; undo the binary noise that leaves.
  return Math.round(serial * 1e10) / 1e10;
}

function richTextToString(value: { richText: { text: string }[] }): string {
  return value.richText.map((r) => r.text ?? '').join('');
}

/** Any exceljs value (constant or formula result) as a grid value. */
function gridValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return richTextToString(o as { richText: { text: string }[] });
    // A hyperlink cell: {text, hyperlink}; its text may itself be rich text.
    if ('text' in o) return gridValue(o.text, date1904);
    if ('formula' in o || 'sharedFormula' in o) return gridValue(o.result, date1904);
  }
  return String(v);
}

function readCell(cell: ExcelJS.Cell, date1904: boolean): Cell | undefined {
  const type = cell.type;
  if (type === ExcelJS.ValueType.Merge || type === ExcelJS.ValueType.Null) return undefined;
  const out: Cell = { value: null };
  if (type === ExcelJS.ValueType.Formula) {
    const formula = cell.formula;
    if (formula) out.formula = formula.replace(/^=/, '');
    out.value = gridValue(cell.result, date1904);
  } else {
    out.value = gridValue(cell.value, date1904);
  }
  const numFmt = cell.numFmt;
  if (numFmt) out.numFmt = numFmt;
  if (typeof out.value === 'number') {
    const text = displayedNumberText(out.value, numFmt);
    if (text !== undefined) out.text = text;
  }
  return out;
}

interface MergeRange {
  model: { top: number; left: number; bottom: number; right: number };
}

function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  // `_merges` holds the ranges exceljs parsed; `ws.model.merges` would
  // serialise every row to compute the same list.
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return Object.values(merges)
    .filter(Boolean)
    .map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

function readSheet(ws: ExcelJS.Worksheet, date1904: boolean, fileName: string): Sheet {
  const rows: (Cell | undefined)[][] = [];
  let cells = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A hidden cell of a merge points at its master; only the master holds the value.
      if (cell.master !== cell) return;
      const c = readCell(cell, date1904);
      if (!c) return;
      out[colNumber - 1] = c;
      cells++;
    });
    if (out.length > 0) rows[rowNumber - 1] = out;
  });
  if (cells > MAX_SHEET_CELLS) {
    throw unreadable('too-large', fileName, { sheet: ws.name, cells, limit: MAX_SHEET_CELLS });
  }
  // Fill holes so every row index is an array: the engine iterates rows densely.
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { name: ws.name, rows, merges: readMerges(ws) };
}

/** The grid as the exceljs reader (ScoreCheck's reader until issue 11) made it. */
export async function readWithExcelJS(data: Uint8Array | ArrayBuffer, fileName: string): Promise<Workbook> {
  const bytes = toBytes(data);
  inspectWorkbookBytes(bytes, fileName);
  const wb = await loadGuarded(bytes, fileName);
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets: Sheet[] = [];
  try {
    wb.eachSheet((ws) => {
      sheets.push(readSheet(ws, date1904, fileName));
    });
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    throw unreadable('corrupt', fileName, { cause: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
  if (sheets.length === 0) throw unreadable('empty', fileName, { cause: 'no worksheets' });
  return { sheets };
}
