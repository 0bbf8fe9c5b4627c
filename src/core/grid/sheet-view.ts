/**
 * Read-only access to a sheet as detection needs it: merged cells resolved
 * to their top-left cell, texts folded once, typed values parsed once.
 */
import { cellAt, colCount, toA1, type Cell, type CellRange, type Sheet } from './grid';
import { headerRole, type ColumnRole } from '../layout/headers';
import { readCellValue } from '../values/parse-typed-value';
import type { Slot } from '../layout/tables';
import type { TypedValue } from '../values/typed-value';

/**
 * A slot whose typed value is parsed when first read: most label cells are
 * named in findings but never read as numbers.
 */
class CellSlot implements Slot {
  private typed?: TypedValue;

  constructor(
    readonly row: number,
    readonly col: number,
    readonly cell: Cell | undefined,
  ) {}

  get address(): string {
    return toA1(this.row, this.col);
  }

  get value(): TypedValue {
    return (this.typed ??= readCellValue(this.cell));
  }

  /** Only the engine sets a value, to ask what the rules say were the cell corrected (engine.ts). */
  set value(v: TypedValue) {
    this.typed = v;
  }
}

/**
 * Lookups by row, then column: detection asks for every cell several times,
 * and arrays indexed by row and column beat one Map keyed by both (fewer
 * hashes, less garbage) on sheets of 20,000 rows.
 */
type ByCell<T> = (T[] | undefined)[];

export class SheetView {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** The merge that covers each covered cell. */
  private readonly mergeAt: ByCell<CellRange> = [];
  private readonly slots: ByCell<Slot> = [];
  /** Header roles by the text shown: the same words recur down a sheet (labels typed again, 100%). */
  private readonly headerRoles = new Map<string, ColumnRole | null>();

  constructor(readonly sheet: Sheet) {
    this.name = sheet.name;
    this.rows = sheet.rows.length;
    this.cols = colCount(sheet);
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const row = (this.mergeAt[r] ??= []);
        for (let c = m.left; c <= m.right; c++) row[c] = m;
      }
    }
  }

  cell(row: number, col: number): Cell | undefined {
    return cellAt(this.sheet, row, col);
  }

  merge(row: number, col: number): CellRange | undefined {
    return this.mergeAt[row]?.[col];
  }

  /** True for a cell inside a merge that is not its top-left cell (it shows nothing). */
  isHidden(row: number, col: number): boolean {
    const m = this.mergeAt[row]?.[col];
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
   * The header role of the text a cell shows, worked out once per text:
   * detection asks for each cell from several scans (budget blocks, header
   * rows, the rows of each table), and normalising the text dominated it.
   * Only text cells can be headers.
   */
  headerRole(row: number, col: number): ColumnRole | undefined {
    const c = this.cell(row, col);
    if (!c || typeof c.value !== 'string') return undefined;
    const text = this.text(row, col);
    let role = this.headerRoles.get(text);
    if (role === undefined) {
      role = headerRole(text) ?? null;
      this.headerRoles.set(text, role);
    }
    return role ?? undefined;
  }

  /** The typed value of a cell (parsed once) as a slot the checks can name. */
  slot(row: number, col: number): Slot {
    const slots = (this.slots[row] ??= []);
    let s = slots[col];
    if (!s) {
      const m = this.mergeAt[row]?.[col];
      const r = m ? m.top : row;
      const c = m ? m.left : col;
      // A merged cell's slots are one slot, whichever of its cells is asked for.
      s = m && (r !== row || c !== col) ? this.slot(r, c) : new CellSlot(r, c, this.cell(r, c));
      slots[col] = s;
    }
    return s;
  }

  /** The slot unless the cell is blank. */
  filledSlot(row: number, col: number): Slot | undefined {
    const s = this.slot(row, col);
    return s.value.kind === 'blank' ? undefined : s;
  }
}
