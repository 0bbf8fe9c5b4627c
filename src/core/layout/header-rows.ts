/** Which rows of a sheet are table headers, and of which family. */
import { targetPart, type ColumnRole, type TargetPart } from './headers';
import type { SheetView } from '../grid/sheet-view';
import { normalizeText } from '../values/normalize-text';

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

/**
 * An evaluation summary names its rows in a column of its own words
 * (评价维度, 评价内容, 项目 …) left of 分值 | 得分: that column is its
 * indicators (docs/domain.md §2 L). The leftmost text cell before the first measure,
 * other than a 序号 column.
 */
function summaryLabelColumn(view: SheetView, row: number, roles: Map<number, ColumnRole>): number | undefined {
  const firstMeasure = Math.min(...[...roles].filter(([, r]) => INDICATOR_MEASURES.has(r)).map(([c]) => c));
  for (let c = 0; c < firstMeasure; c++) {
    if (view.isBlank(row, c) || roles.get(c) === 'seq') continue;
    return c;
  }
  return undefined;
}

export function classifyHeaderRow(view: SheetView, row: number): HeaderRow | undefined {
  if (!mayBeHeader(view, row)) return undefined;
  const roles = rolesOfRow(view, row);
  if (roles.size < 2) return undefined;
  const present = new Set(roles.values());
  const has = (set: ReadonlySet<ColumnRole>) => [...present].some((r) => set.has(r));
  if (has(LEVELS) && has(INDICATOR_MEASURES)) return { row, family: 'indicators', roles };
  const amountCount = [...present].filter((r) => AMOUNTS.has(r)).length;
  if (amountCount === 0 && present.has('weight') && present.has('score')) {
    const label = summaryLabelColumn(view, row, roles);
    if (label !== undefined) return { row, family: 'indicators', roles: new Map([...roles, [label, 'level1']]) };
  }
  if (amountCount >= 2 || (amountCount === 1 && present.has('rate'))) return { row, family: 'amounts', roles };
  return undefined;
}

/**
 * A header row repeated at a page break may name only the finer columns
 * (三级指标 … 评分依据, docs/domain.md §2 E): it updates the columns it spans and
 * leaves the coarser columns to its left as they were. A role it names
 * also drops that role's old column to its right (the column moved).
 */
export function repeatedHeaderRoles(old: Map<number, ColumnRole>, again: Map<number, ColumnRole>): Map<number, ColumnRole> {
  const cols = [...again.keys()];
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  const named = new Set(again.values());
  const kept = [...old].filter(([c, role]) => c < left || (c > right && !named.has(role)));
  return new Map([...kept, ...again].sort((a, b) => a[0] - b[0]));
}

/** Columns of a target split over sub-headers (docs/domain.md §2 B), and the sub-header row. */
export type SplitTarget = { subRow: number; value: number } & Partial<Record<Exclude<TargetPart, 'value'>, number>>;

/** How far right of an unmerged target header its sub-headers may reach (符号 | 数值 | 单位). */
const UNMERGED_PARTS = 3;

/**
 * A target header over operator | value | unit sub-headers on the row
 * below: 年度指标值 merged over 指标性质 | 指标值 | 度量单位, or unmerged
 * above 符号 | 数值 | 单位 with blank header cells to its right.
 */
export function findSplitTarget(view: SheetView, header: HeaderRow): SplitTarget | undefined {
  const subRow = header.row + 1;
  for (const [col, role] of header.roles) {
    if (role !== 'target') continue;
    const m = view.merge(header.row, col);
    const merged = m !== undefined && m.bottom === header.row && m.right > col;
    const right = merged ? m.right : col + UNMERGED_PARTS - 1;
    const parts: Partial<Record<TargetPart, number>> = {};
    for (let c = col; c <= right; c++) {
      if (!merged && c > col && !view.isBlank(header.row, c)) break;
      const part = targetPart(view.text(subRow, c));
      if (part && parts[part] === undefined) parts[part] = c;
    }
    const { value, op, unit } = parts;
    if (value !== undefined && (op !== undefined || unit !== undefined)) return { subRow, value, op, unit };
  }
  return undefined;
}

/** True when every filled cell of the row is a header word: the second row of a two-row header. */
function isSubHeaderRow(view: SheetView, row: number, roles: Map<number, ColumnRole>): boolean {
  const cells = view.sheet.rows[row];
  if (!cells || roles.size === 0) return false;
  for (let c = 0; c < cells.length; c++) {
    if (!view.isBlank(row, c) && !roles.has(c) && targetPart(view.text(row, c)) === undefined) return false;
  }
  return true;
}

/** A 栏次 cell: 甲, 乙, 栏次, or a column number (3, （3）). */
const COLUMN_MARK = /^(?:[甲乙丙丁]|栏次|[(]?(\d+)[)]?)$/;

/**
 * The row of column numbers forms print under the header (栏次 | 1 | 2 | 3 …,
 * docs/domain.md §2 header rows): numbers counting up by one, at least three. Read
 * as data it would be a row of weights 2, 4, 6.
 */
function isColumnNumberRow(view: SheetView, row: number): boolean {
  const cells = view.sheet.rows[row];
  if (!cells) return false;
  let last: number | undefined;
  let count = 0;
  for (let c = 0; c < cells.length; c++) {
    if (view.isBlank(row, c)) continue;
    const m = COLUMN_MARK.exec(normalizeText(view.text(row, c)));
    if (!m) return false;
    if (m[1] === undefined) continue;
    const n = Number(m[1]);
    if (last !== undefined && n !== last + 1) return false;
    last = n;
    count++;
  }
  return count >= 3;
}

/**
 * The roles of a two-row header and the row it ends on (docs/domain.md §2 B): the
 * top row's, and those the row below names in columns the top row left
 * blank or merged over (实际完成值 under a blank cell; 一级 | 二级 | 三级
 * under 指标), outside a split target's own columns. A row of column
 * numbers under the header is skipped. No second row: the top row alone.
 */
export function twoRowHeader(
  view: SheetView,
  header: HeaderRow,
  split: SplitTarget | undefined,
): { roles: Map<number, ColumnRole>; lastRow: number } {
  const subRow = header.row + 1;
  if (!split && isColumnNumberRow(view, subRow)) return { roles: header.roles, lastRow: subRow };
  const sub = rolesOfRow(view, subRow);
  if (!split && !isSubHeaderRow(view, subRow, sub)) return { roles: header.roles, lastRow: header.row };
  const parts = new Set(split ? [split.op, split.value, split.unit] : []);
  const added = [...sub].filter(([c]) => !header.roles.has(c) && !parts.has(c));
  return { roles: new Map([...header.roles, ...added].sort((a, b) => a[0] - b[0])), lastRow: subRow };
}
