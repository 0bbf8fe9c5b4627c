/** Which rows of a sheet are table headers, and of which family. */
import type { ColumnRole } from './headers';
import type { SheetView } from '../grid/sheet-view';

export type HeaderFamily = 'indicators' | 'amounts';

export interface HeaderRow {
  row: number;
  family: HeaderFamily;
  /** col → role, for the cells of this row that are known headers. */
  roles: Map<number, ColumnRole>;
}

const LEVELS: ReadonlySet<ColumnRole> = new Set(['level1', 'level2', 'level3']);
const INDICATOR_MEASURES: ReadonlySet<ColumnRole> = new Set([
  'weight',
  'score',
  'target',
  'actual',
  'narrative',
  'rate',
  'scoreRate',
]);
const AMOUNTS: ReadonlySet<ColumnRole> = new Set(['initialBudget', 'budget', 'spent', 'adjust', 'adjustUp', 'adjustDown']);

export function rolesOfRow(view: SheetView, row: number): Map<number, ColumnRole> {
  const roles = new Map<number, ColumnRole>();
  const cells = view.sheet.rows[row];
  if (!cells) return roles;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || typeof cell.value !== 'string' || view.isHidden(row, c)) continue;
    const role = view.headerRole(row, c);
    if (role) roles.set(c, role);
  }
  return roles;
}

/** At least two header words in the row, found without building anything: most rows are data. */
function mayBeHeader(view: SheetView, row: number): boolean {
  const cells = view.sheet.rows[row];
  if (!cells) return false;
  let count = 0;
  for (let c = 0; c < cells.length && count < 2; c++) {
    if (typeof cells[c]?.value === 'string' && view.headerRole(row, c)) count++;
  }
  return count >= 2;
}

export function classifyHeaderRow(view: SheetView, row: number): HeaderRow | undefined {
  if (!mayBeHeader(view, row)) return undefined;
  const roles = rolesOfRow(view, row);
  if (roles.size < 2) return undefined;
  const present = new Set(roles.values());
  const has = (set: ReadonlySet<ColumnRole>) => [...present].some((r) => set.has(r));
  if (has(LEVELS) && has(INDICATOR_MEASURES)) return { row, family: 'indicators', roles };
  const amountCount = [...present].filter((r) => AMOUNTS.has(r)).length;
  if (amountCount >= 2 || (amountCount === 1 && present.has('rate'))) return { row, family: 'amounts', roles };
  return undefined;
}
