/**
 * How much a workbook may hold before we refuse it. A filled-in
 * self-evaluation form is a few hundred rows; these limits sit far above any
 * real form and far below what would exhaust a browser tab's memory.
 */

/** Bytes of the .xlsx file itself. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * Sum of the uncompressed sizes the zip's central directory declares. Read
 * before anything is inflated, so a zip bomb is refused without being opened.
 */
export const MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024;

/**
 * One entry inflating to more than this many times its compressed size is a
 * bomb (deflate cannot exceed ~1032:1; real sheet XML compresses 5–40:1, and
 * even a sheet of identical cells stays under ~300:1).
 */
export const MAX_ENTRY_RATIO = 500;

/** The ratio test applies only above this size: tiny parts may compress oddly. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/**
 * Cells in one worksheet (here `<c>` elements, styled blanks included): the
 * same limit the Excel add-in applies to a used range (core/grid.ts).
 */
export { MAX_SHEET_CELLS } from '../core';

/**
 * The shortest a `<c>` element can be (`<c r="A1"/>`): a sheet part smaller
 * than MAX_SHEET_CELLS × this cannot exceed the cell limit, so only larger
 * parts are inflated ahead of time to count their cells.
 */
export const MIN_CELL_XML_BYTES = 11;

/** Excel's last row and column (1,048,576 × 16,384, XFD): a cell beyond them is a damaged file. */
export const LAST_ROW = 1048576;
export const LAST_COL = 16384;
