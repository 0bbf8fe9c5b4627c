/**
 * Detection seen from the outside, for the layout tests: the indicator
 * tables a sheet yields, their trees as outlines, slots as "A1=value", and
 * the verdicts checkSheet gives.
 */
import { checkSheet } from '../../../src/core/engine';
import type { WorkbookResult } from '../../../src/core/findings/finding';
import { toA1 } from '../../../src/core/grid/grid';
import { SheetView } from '../../../src/core/grid/sheet-view';
import { detectTables } from '../../../src/core/layout/detect-tables';
import type { IndicatorNode, IndicatorTable, Slot } from '../../../src/core/layout/tables';
import { buildSheet, type CellInput } from '../checks/rule-tester';

export type Rows = CellInput[][];

export function run(rows: Rows, merges: readonly string[] = []): WorkbookResult {
  return checkSheet(buildSheet('表1', rows, merges));
}

/** Errors and warnings as "cell rule expected", sorted; infos are not verdicts. */
export function verdicts(result: WorkbookResult, severities: readonly string[] = ['error', 'warning']): string[] {
  return result.findings
    .filter((f) => severities.includes(f.severity))
    .map((f) => `${f.cell} ${f.rule}${f.expected !== undefined ? ` ${f.expected}` : ''}`)
    .sort();
}
export const errors = (result: WorkbookResult) => verdicts(result, ['error']);

export function indicatorTables(rows: Rows, merges: readonly string[] = []): IndicatorTable[] {
  return detectTables(new SheetView(buildSheet('表1', rows, merges))).filter((t): t is IndicatorTable => t.type === 'indicators');
}

export function only(rows: Rows, merges: readonly string[] = []): IndicatorTable {
  const tables = indicatorTables(rows, merges);
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** A slot as "A1=value": numbers in base units with their operator when it is not eq. */
export function shown(slot: Slot | undefined): string {
  if (!slot) return '-';
  const v = slot.value;
  const text =
    v.kind === 'number'
      ? `${v.op === 'eq' ? '' : `${v.op} `}${v.value.toString()}${v.percent ? '%' : ''}${v.unit && v.unit !== '%' ? ` ${v.unit}` : ''}`
      : v.kind;
  return `${slot.address}=${text}`;
}

/** The tree as indented "label weight score" lines. */
export function outline(table: IndicatorTable): string[] {
  const out: string[] = [];
  const visit = (n: IndicatorNode, depth: number) => {
    out.push(`${'  '.repeat(depth)}${n.label} w ${shown(n.weight)} s ${shown(n.score)}`);
    n.children.forEach((c) => visit(c, depth + 1));
  };
  table.roots.forEach((n) => visit(n, 0));
  return out;
}

export function leaves(table: IndicatorTable): IndicatorNode[] {
  const out: IndicatorNode[] = [];
  const visit = (n: IndicatorNode) => (n.children.length === 0 ? out.push(n) : n.children.forEach(visit));
  table.roots.forEach(visit);
  return out;
}

export function leaf(table: IndicatorTable, label: string): IndicatorNode {
  const found = leaves(table).find((n) => n.label === label);
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

export const totalOf = (t: IndicatorTable) =>
  `${t.total ? toA1(t.total.row, 0) : '-'} w ${shown(t.total?.weight)} s ${shown(t.total?.score)}`;
