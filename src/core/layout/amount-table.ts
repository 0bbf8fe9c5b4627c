/**
 * Budget tables read row by row (layout D, E's funds block, the national
 * variants D, F, G, I, J): a label column, amount columns, parents and
 * children from row-depth.ts.
 */
import { headerYear, isFiller, isLabelledNumber, isNoteLine, type ColumnRole } from './headers';
import { classifyHeaderRow, rolesOfRow, type HeaderRow } from './header-rows';
import { normalizeText } from '../values/normalize-text';
import { rowHierarchy, withoutNumbering, type HierarchyRow } from './row-depth';
import { ratePointsColumn } from './rate-points';
import type { SheetView } from '../grid/sheet-view';
import { AMOUNT_ROLES, type AmountRole, type AmountRow, type AmountTable, type AmountUnit, type Slot } from './tables';

const AMOUNT_ROLE_SET: ReadonlySet<ColumnRole> = new Set(AMOUNT_ROLES);

function isAmountRole(role: ColumnRole): role is AmountRole {
  return AMOUNT_ROLE_SET.has(role);
}

/** The roles that state an amount, as opposed to a rate, weight or score over them. */
const STATED_AMOUNTS: ReadonlySet<ColumnRole> = new Set(['initialBudget', 'budget', 'spent', 'adjust', 'adjustUp', 'adjustDown']);

/**
 * 元 with cents are exact; 万元, 亿元 or no unit stated are rounded (docs/domain.md §3).
 * The unit is stated in a header, a 单位：万元 line above, or a label.
 */
export function amountUnitNear(view: SheetView, top: number, bottom: number, left: number, right: number): AmountUnit {
  let yuan = false;
  for (let r = Math.max(0, top); r <= bottom; r++) {
    for (let c = Math.max(0, left); c <= right; c++) {
      const t = normalizeText(view.text(r, c));
      if (/[万亿千]元/.test(t)) return 'scaled';
      if (/[(（:：]元[)）]?|单位[:：]?元/.test(t)) yuan = true;
    }
  }
  return yuan ? 'yuan' : 'scaled';
}

/** Two header words and no number on the row, found without building anything: most rows are data. */
function onlyTextWithRoles(view: SheetView, row: number): boolean {
  const cells = view.sheet.rows[row];
  if (!cells) return false;
  let words = 0;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c]?.value;
    if (typeof v === 'number') return false;
    if (typeof v === 'string' && view.headerRole(row, c)) words++;
  }
  return words >= 2;
}

/** Besides its item and its amount, a one-amount breakdown may number its rows and give each one's share. */
const BESIDE_ONE_AMOUNT: ReadonlySet<ColumnRole> = new Set(['item', 'seq', 'share']);

/**
 * A one-amount breakdown's header (variant G): an item column and a single
 * amount column (项目 | 金额（万元）, 资金来源 | 金额 | 占比), nothing else on
 * the row. classifyHeaderRow wants two amount columns, so these are found here.
 */
export function singleAmountHeader(view: SheetView, row: number): HeaderRow | undefined {
  if (!onlyTextWithRoles(view, row)) return undefined;
  const roles = rolesOfRow(view, row);
  const present = [...roles.values()];
  const amounts = present.filter((r) => STATED_AMOUNTS.has(r));
  if (amounts.length !== 1 || !present.includes('item')) return undefined;
  if (present.some((r) => !BESIDE_ONE_AMOUNT.has(r) && !STATED_AMOUNTS.has(r))) return undefined;
  const right = Math.max(...roles.keys());
  for (let c = Math.min(...roles.keys()); c <= right; c++) if (!view.isBlank(row, c) && !roles.has(c)) return undefined;
  return { row, family: 'amounts', roles };
}

/**
 * The header's roles, with those of cells merged down into it from the row
 * above: in a two-row header (预算数 over 年初 | 调整 | 调整后) 执行数 and
 * 执行率 span both rows and are named only in the upper one.
 */
function headerRoles(view: SheetView, header: HeaderRow): Map<number, { role: ColumnRole; row: number }> {
  const roles = new Map([...header.roles].map(([c, role]) => [c, { role, row: header.row }]));
  const last = view.sheet.rows[header.row]?.length ?? 0;
  for (let c = 0; c < Math.max(last, view.cols); c++) {
    const m = view.merge(header.row, c);
    if (roles.has(c) || !m || m.top >= header.row || m.left !== c) continue;
    const role = view.headerRole(m.top, c);
    if (role) roles.set(c, { role, row: m.top });
  }
  return roles;
}

/** The latest year a spending column names: the year evaluated (a 2024年预算数 beside it is next year's plan). */
function evaluatedYear(
  yearOf: ReadonlyMap<number, number | undefined>,
  roles: ReadonlyMap<number, { role: ColumnRole }>,
): number | undefined {
  const years = [...yearOf].filter(([, y]) => y !== undefined) as [number, number][];
  const spending = years.filter(([c]) => roles.get(c)?.role === 'spent').map(([, y]) => y);
  const pool = spending.length > 0 ? spending : years.map(([, y]) => y);
  return pool.length > 0 ? Math.max(...pool) : undefined;
}

/**
 * The columns the table reads, one per role. Where columns differ only by
 * year (2022年决算数 | 2023年预算数 | 2023年决算数, variant F) the evaluated
 * year's are paired and the others left out: a rate over last year's
 * spending is never computed.
 */
function amountColumns(view: SheetView, header: HeaderRow): [number, AmountRole][] {
  const roles = headerRoles(view, header);
  const entries = [...roles].map(([c, { role }]) => [c, role] as const).sort((a, b) => a[0] - b[0]);
  const yearOf = new Map([...roles].map(([c, { row }]) => [c, headerYear(view.text(row, c))]));
  const thisYear = evaluatedYear(yearOf, roles);
  const columns: [number, AmountRole][] = [];
  const seen = new Set<AmountRole>();
  for (const [col, role] of entries) {
    const year = yearOf.get(col);
    if (!isAmountRole(role) || seen.has(role) || (year !== undefined && year !== thisYear)) continue;
    seen.add(role);
    columns.push([col, role]);
  }
  return columns;
}

/** The cell's number when it is one of this column's own (not a merge from the left, not prose). */
export function ownNumber(view: SheetView, r: number, c: number): Slot | undefined {
  const s = view.slot(r, c);
  // A merged cell belongs to its top-left column only (variant D).
  if (s.row !== r || s.col !== c || s.value.kind !== 'number') return undefined;
  return s.value.fromText && isLabelledNumber(view.text(r, c)) ? undefined : s;
}

type RowKind = 'data' | 'blank' | 'heading' | 'end';

/** Blank rows a table may run across (variant M); more than this and it has ended. */
const MAX_BLANK_RUN = 2;
/** A heading is a short label: a longer line is prose. */
const MAX_HEADING_LENGTH = 30;

interface RowReader {
  view: SheetView;
  columns: [number, AmountRole][];
  firstAmount: number;
  left: number;
  right: number;
}

function labelColumn(t: RowReader, r: number): number {
  for (let c = t.firstAmount - 1; c >= 0; c--) if (!t.view.isBlank(r, c)) return c;
  return -1;
}

/**
 * What a row is to the table: a data row (an amount in one of its columns,
 * or a — filler there), a blank separator, a heading without amounts
 * (一、检测设备购置), or the table's end (a header, a note, prose such as a
 * merged `其中：基本支出：40` line, variant D).
 */
function rowKind(t: RowReader, r: number): RowKind {
  const { view } = t;
  if (classifyHeaderRow(view, r) || singleAmountHeader(view, r)) return 'end';
  if (view.isBlankRow(r, t.left, t.right)) return 'blank';
  const labelCol = labelColumn(t, r);
  const label = labelCol >= 0 ? normalizeText(view.text(r, labelCol)) : '';
  if (isNoteLine(label) || isLabelledNumber(label)) return 'end';
  if (t.columns.some(([c]) => ownNumber(view, r, c))) return 'data';
  const roleCells = t.columns.map(([c]) => c).filter((c) => !view.isBlank(r, c));
  if (label !== '' && roleCells.length > 0 && roleCells.every((c) => isFiller(view.text(r, c)))) return 'data';
  for (let c = t.firstAmount; c <= t.right; c++) if (!view.isBlank(r, c)) return 'end';
  const digitsBeyondNumbering = /\d/.test(withoutNumbering(label));
  return label !== '' && label.length <= MAX_HEADING_LENGTH && !digitsBeyondNumbering ? 'heading' : 'end';
}

/** The rows of the table under its header: data and heading rows, up to its last data row. */
function tableRows(t: RowReader, headerRow: number): { row: number; heading: boolean }[] {
  const rows: { row: number; heading: boolean }[] = [];
  let kept = 0;
  let blanks = 0;
  for (let r = headerRow + 1; r < t.view.rows; r++) {
    const kind = rowKind(t, r);
    if (kind === 'end') break;
    blanks = kind === 'blank' ? blanks + 1 : 0;
    if (blanks > MAX_BLANK_RUN) break;
    if (kind === 'blank') continue;
    rows.push({ row: r, heading: kind === 'heading' });
    if (kind === 'data') kept = rows.length;
  }
  // Headings after the last data row are the next table's title, not this table's.
  return rows.slice(0, kept);
}

/** The 序号 of a row numbered in a column left of its label (序号 | 支出内容). */
function seqText(view: SheetView, r: number, left: number, labelCol: number): string {
  for (let c = labelCol - 1; c >= left; c--) if (!view.isBlank(r, c)) return view.text(r, c);
  return '';
}

export function readAmountTable(view: SheetView, header: HeaderRow): { table: AmountTable; lastRow: number } {
  const columns = amountColumns(view, header);
  const firstAmount = Math.min(...columns.map(([c]) => c));
  const right = Math.max(...header.roles.keys(), ...columns.map(([c]) => c));
  const left = Math.min(...header.roles.keys(), firstAmount);
  const reader: RowReader = { view, columns, firstAmount, left, right };

  const found = tableRows(reader, header.row).map(({ row, heading }) => {
    const labelCol = labelColumn(reader, row);
    const label = labelCol >= 0 ? view.text(row, labelCol) : '';
    return { row, heading, label, labelCol, seq: labelCol > left ? seqText(view, row, left, labelCol) : '' };
  });
  const lastRow = found[found.length - 1]?.row ?? header.row;

  // A column named in the upper row of a two-row header has its header cell there.
  const headerRowOf = (c: number) => view.merge(header.row, c)?.top ?? header.row;
  const dataRows = found.map((f) => f.row);
  const points = new Map(columns.map(([c]) => [c, ratePointsColumn(view, headerRowOf(c), c, dataRows)]));
  const hierarchy = rowHierarchy(found.map((f): HierarchyRow => ({ label: f.label, seq: f.seq, heading: f.heading })));
  const rows: AmountRow[] = found.map((f, i) => {
    // rowHierarchy places each row it is given, in order.
    const { depth, parent } = hierarchy[i]!;
    const values: AmountRow['values'] = {};
    for (const [c, role] of columns) {
      const s = view.slot(f.row, c);
      if (s.value.kind === 'blank' || s.row !== f.row || s.col !== c) continue;
      if (s.value.kind === 'number' && !ownNumber(view, f.row, c)) continue;
      values[role] = points.get(c)?.(s) ?? s;
    }
    return {
      label: f.label,
      labelSlot: view.slot(f.row, Math.max(0, f.labelCol)),
      depth,
      parent,
      values,
    };
  });

  const roles = columns.map(([, r]) => r);
  const isFunds = roles.includes('score') || roles.includes('weight');
  const table: AmountTable = {
    type: 'amounts',
    kind: isFunds ? 'project-funds' : 'budget-execution',
    sheet: view.name,
    top: header.row,
    left: Math.min(left, ...found.map((f) => Math.max(0, f.labelCol))),
    bottom: lastRow,
    right,
    unit: amountUnitNear(view, header.row - 3, lastRow, 0, right),
    rows,
    groupings: [],
    roles,
  };
  return { table, lastRow };
}
