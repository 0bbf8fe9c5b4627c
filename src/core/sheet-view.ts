/**
 * Read-only access to a sheet as detection needs it: merged cells resolved
 * to their top-left cell, texts folded once, typed values parsed once.
 */
import { cellAt, colCount, toA1, type Cell, type CellRange, type Sheet } from './grid';
import { headerRole, type ColumnRole } from './headers';
import { readCellValue } from './parse-typed-value';
import type { Slot } from './tables';
import type { TypedValue } from './typed-value';

/**
 * A slot whose typed value is parsed when first read: most label cells are
 * named in findings but never read as numbers.
 */
class CellSlot implements Slot {
  readonly address: string;
  private typed?: TypedValue;

  constructor(
    readonly row: number,
    readonly col: number,
    readonly cell: Cell | undefined,
  ) {
    this.address = toA1(row, col);
  }

  get value(): TypedValue {
    return (this.typed ??= readCellValue(this.cell));
  }
}

export class SheetView {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** key(row, col) → the merge that covers it, for every covered cell. */
  private readonly mergeAt = new Map<number, CellRange>();
  private readonly slots = new Map<number, Slot>();
  private readonly headerRoles = new Map<number, ColumnRole | null>();

  constructor(readonly sheet: Sheet) {
    this.name = sheet.name;
    this.rows = sheet.rows.length;
    this.cols = colCount(sheet);
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeAt.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  cell(row: number, col: number): Cell | undefined {
    return cellAt(this.sheet, row, col);
  }

  merge(row: number, col: number): CellRange | undefined {
    return this.mergeAt.get(this.key(row, col));
  }

  /** True for a cell inside a merge that is not its top-left cell (it shows nothing). */
  isHidden(row: number, col: number): boolean {
    const m = this.mergeAt.get(this.key(row, col));
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** The text a cell shows, '' for blank, hidden or error cells. */
  text(row: number, col: number): string {
    if (this.isHidden(row, col)) return '';
    const c = this.cell(row, col);
    if (!c || c.value === null) return '';
    if (typeof c.value === 'string') return c.value;
    if (typeof c.value === 'number' || typeof c.value === 'boolean') return String(c.value);
    return ''; // an error value shows no words to match
  }

  isBlank(row: number, col: number): boolean {
    if (this.isHidden(row, col)) return true;
    const c = this.cell(row, col);
    if (!c || c.value === null) return true;
    return typeof c.value === 'string' && c.value.trim() === '';
  }

  /** True when no visible cell of the row between left and right holds anything. */
  isBlankRow(row: number, left = 0, right = this.cols - 1): boolean {
    const cells = this.sheet.rows[row];
    if (!cells) return true;
    const end = Math.min(right, cells.length - 1);
    for (let c = left; c <= end; c++) if (!this.isBlank(row, c)) return false;
    return true;
  }

  /**
   * The header role of the text a cell shows, worked out once per cell:
   * detection asks for each cell from several scans (budget blocks, header
   * rows, the rows of each table), and normalising the text dominated it.
   * Only text cells can be headers.
   */
  headerRole(row: number, col: number): ColumnRole | undefined {
    const c = this.cell(row, col);
    if (!c || typeof c.value !== 'string') return undefined;
    const k = this.key(row, col);
    let role = this.headerRoles.get(k);
    if (role === undefined) {
      role = headerRole(this.text(row, col)) ?? null;
      this.headerRoles.set(k, role);
    }
    return role ?? undefined;
  }

  /** The typed value of a cell (parsed once) as a slot the checks can name. */
  slot(row: number, col: number): Slot {
    const k = this.key(row, col);
    let s = this.slots.get(k);
    if (!s) {
      const m = this.mergeAt.get(k);
      const r = m ? m.top : row;
      const c = m ? m.left : col;
      s = new CellSlot(r, c, this.cell(r, c));
      this.slots.set(k, s);
    }
    return s;
  }

  /** The slot unless the cell is blank. */
  filledSlot(row: number, col: number): Slot | undefined {
    const s = this.slot(row, col);
    return s.value.kind === 'blank' ? undefined : s;
  }
}
