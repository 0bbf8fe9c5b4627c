/**
 * Rates typed as percentage points (variant J): under a `执行率（%）` or
 * `完成率（%）` header a plain 90 means 90 %, not 9,000 %. The header's unit
 * says so, or the numbers do; a column whose plain numbers are all fractions
 * (0.95) was typed as fractions whatever its header says.
 */
import { numberOf } from '../arithmetic/precision';
import { normalizeText } from '../values/normalize-text';
import { asPercentPoints } from '../values/shown-number';
import type { ColumnRole } from './headers';
import type { SheetView } from '../grid/sheet-view';
import type { IndicatorNode, IndicatorTable, Slot } from './tables';
import type { TypedNumber } from '../values/typed-value';

const RATE_ROLES: ReadonlySet<ColumnRole> = new Set(['rate', 'share']);
/** （%）, (%), （单位：%）, or a trailing %: the column is in percent. */
const PERCENT_UNIT = /[(（](?:单位[:：]?)?[%％][)）]|[%％]$/;

export function headerInPercent(text: string): boolean {
  return PERCENT_UNIT.test(normalizeText(text));
}

/** The slot read as points: a new slot at the same cell; percent-formatted or typed `%` values stay. */
export function asPointsSlot(slot: Slot): Slot {
  if (slot.value.kind !== 'number' || slot.value.percent) return slot;
  return { row: slot.row, col: slot.col, address: slot.address, value: asPercentPoints(slot.value), cell: slot.cell };
}

/** Above this a plain rate cannot be a fraction: 1.5 would be 150 %, 92.27 would be 9,227 %. */
const SURELY_POINTS = 1.5;

/**
 * For the rate column at `col` under the header at `headerRow`: the reading
 * of its cells as points, or undefined when they are fractions. A header in
 * percent makes plain numbers points unless all are fractions (≤ 1); without
 * one they are points only when every nonzero one is beyond SURELY_POINTS
 * (执行率 typed 95.48 with no unit stated), so a rate of 9,548 % is never
 * reported.
 */
export function ratePointsColumn(
  view: SheetView,
  headerRow: number,
  col: number,
  rows: readonly number[],
): ((s: Slot) => Slot) | undefined {
  const role = view.headerRole(headerRow, col);
  if (!role || !RATE_ROLES.has(role)) return undefined;
  const plain = rows
    .map((r) => numberOf(view.slot(r, col)))
    .filter((n): n is TypedNumber => n !== undefined && !n.percent)
    .map((n) => n.value.abs());
  if (plain.length === 0) return undefined;
  const points = headerInPercent(view.text(headerRow, col))
    ? plain.some((v) => v.gt(1))
    : plain.every((v) => v.isZero() || v.gt(SURELY_POINTS)) && plain.some((v) => !v.isZero());
  return points ? asPointsSlot : undefined;
}

/** The header cell above a node's rate: the nearest cell up its column that names a rate. */
function rateHeaderRow(view: SheetView, slot: Slot, top: number): number | undefined {
  for (let r = slot.row - 1; r >= Math.max(0, top); r--) if (view.headerRole(r, slot.col) === 'rate') return r;
  return undefined;
}

/** An indicator table's 完成率（%） column in points: each node's rate read as points. */
export function readIndicatorRatesAsPoints(view: SheetView, table: IndicatorTable): void {
  const nodes: IndicatorNode[] = [];
  const visit = (n: IndicatorNode) => {
    if (n.rate) nodes.push(n);
    n.children.forEach(visit);
  };
  table.roots.forEach(visit);
  const converters = new Map<string, ((s: Slot) => Slot) | undefined>();
  for (const n of nodes) {
    const slot = n.rate!;
    const headerRow = rateHeaderRow(view, slot, table.top);
    if (headerRow === undefined) continue;
    const key = `${headerRow}:${slot.col}`;
    if (!converters.has(key)) {
      const rows = nodes.filter((m) => m.rate!.col === slot.col && m.rate!.row > headerRow).map((m) => m.rate!.row);
      converters.set(key, ratePointsColumn(view, headerRow, slot.col, rows));
    }
    const toPoints = converters.get(key);
    if (toPoints) n.rate = toPoints(slot);
  }
}
