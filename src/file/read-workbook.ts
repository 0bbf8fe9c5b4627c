/**
 * .xlsx/.xlsm bytes → the grid every check reads. Runs in Node and in a
 * browser Web Worker: no `fs` here, the caller brings the bytes.
 *
 * Choices:
 * - a formula cell's value is its cached result (what Excel last showed), and
 *   its formula is kept without `=`, shared formulas translated per cell;
 * - dates are Excel serial numbers as stored, like Office.js `range.values`,
 *   so both adapters give the engine the same value for the same cell; the
 *   number format says it is a date;
 * - a merge's hidden cells are empty; a merge that would hide a value, or
 *   that overlaps another, is dropped so every value is read (merges.ts);
 * - a number Excel could not hold (NaN, Infinity, 1e999) reads as the #NUM!
 *   error it would show, which the engine reports as not checked;
 * - every worksheet is read, hidden ones too: a hidden sheet's arithmetic
 *   is as wrong as a visible one's.
 *
 * The zip is inflated part by part with fflate and every byte counted
 * (zip-package.ts); the XML is read by a streaming scanner that refuses DTDs
 * and expands no entity (xml-scanner.ts).
 */
import type { Sheet, Workbook } from '../core';
import { inspectWorkbookBytes, toBytes } from './inspect-package';
import { isRelType, listWorksheetParts, readRelationships, resolveTarget } from './package-parts';
import { readSharedStrings } from './read-shared-strings';
import { readSheetCells } from './read-sheet';
import { readNumberFormats } from './read-styles';
import { isUnreadableWorkbookError, unreadable } from './unreadable';
import { XmlFormatError, XmlRefusedError } from './xml-scanner';
import { ZipPackage, type InflateRaw } from './zip-package';

export { UnreadableWorkbookError } from './unreadable';
export type { UnreadableCode } from './unreadable';

/**
 * The workbook part's related part of `kind` (styles, sharedStrings). A
 * generator that forgot the relationship still put the part at its usual
 * name beside the workbook, where exceljs looked for it too.
 */
function relatedText(pkg: ZipPackage, workbookPath: string, kind: string): string | undefined {
  const rel = readRelationships(pkg, workbookPath).find((r) => isRelType(r.type, kind) && !r.external);
  return pkg.text(resolveTarget(workbookPath, rel ? rel.target : `${kind}.xml`));
}

function readAll(pkg: ZipPackage, fileName: string): Workbook {
  const { workbookPath, sheets: parts, date1904 } = listWorksheetParts(pkg);
  const strings = readSharedStrings(relatedText(pkg, workbookPath, 'sharedStrings'));
  const numFmts = readNumberFormats(relatedText(pkg, workbookPath, 'styles'));
  const sheets: Sheet[] = [];
  for (const part of parts) {
    const xml = pkg.text(part.path);
    if (xml === undefined) {
      throw unreadable('corrupt', fileName, { cause: `sheet "${part.name}" (${part.path}) is missing` });
    }
    const ctx = { fileName, sheetName: part.name, strings, numFmts, date1904 };
    try {
      const { rows, merges } = readSheetCells(xml, ctx);
      sheets.push({ name: part.name, rows, merges });
    } catch (e) {
      if (e instanceof XmlFormatError || e instanceof XmlRefusedError) throw new PartError(part.path, e);
      throw e;
    }
  }
  return { sheets };
}

/** An XML fault, with the part it was found in. */
class PartError extends Error {
  constructor(
    readonly part: string,
    readonly fault: Error,
  ) {
    super(`${part}: ${fault.message}`);
  }
}

/**
 * Reads every worksheet of an .xlsx into the grid (`inflateRaw`: Node's
 * zlib where there is one, fflate's otherwise). Throws
 * UnreadableWorkbookError (with a code and a bilingual reason naming
 * `fileName`) for anything that is not a readable, reasonably sized .xlsx.
 */
export async function readWorkbook(data: Uint8Array | ArrayBuffer, fileName: string, inflateRaw?: InflateRaw): Promise<Workbook> {
  return readWorkbookSync(data, fileName, inflateRaw);
}

/** readWorkbook without the promise, for callers that read many files in a loop. */
export function readWorkbookSync(data: Uint8Array | ArrayBuffer, fileName: string, inflateRaw?: InflateRaw): Workbook {
  const bytes = toBytes(data);
  const entries = inspectWorkbookBytes(bytes, fileName);
  let workbook: Workbook;
  try {
    workbook = readAll(new ZipPackage(bytes, entries, fileName, inflateRaw), fileName);
  } catch (e) {
    if (isUnreadableWorkbookError(e)) throw e;
    const cause =
      e instanceof PartError ? e.message : e instanceof XmlFormatError || e instanceof XmlRefusedError ? e.message : undefined;
    if (cause === undefined) throw e;
    throw unreadable('corrupt', fileName, { cause: cause.slice(0, 200) });
  }
  if (workbook.sheets.length === 0) throw unreadable('empty', fileName, { cause: 'no worksheets' });
  return workbook;
}
