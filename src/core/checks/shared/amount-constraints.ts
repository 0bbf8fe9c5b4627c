/**
 * The sums a budget table must satisfy (docs/domain.md §4 amount-sum): a
 * parent row is the sum of its child rows; every grouping of a budget block
 * adds up to the same total; 调整后 = 年初 ± 调整. 元 with cents are exact,
 * 万元 and unstated units rounded (§3). Shared by amount-sum and formula-range.
 */
import { amountPrecision, type Precision } from '../../arithmetic/precision';
import type { AmountRole, AmountRow, AmountTable, Table } from '../../layout/tables';
import { sumTerm, type SumConstraint, type SumTerm } from './sum-constraints';

export const SUMMED: AmountRole[] = ['initialBudget', 'budget', 'adjust', 'adjustUp', 'adjustDown', 'spent'];

function termOf(row: AmountRow, role: AmountRole, precision: Precision, sign: 1 | -1 = 1): SumTerm | undefined {
  return sumTerm(row.values[role], precision, sign);
}

export function groupingRows(table: AmountTable, grouping: AmountTable['groupings'][number]): AmountRow[] {
  // budget-block.ts numbers a grouping's members by their place in table.rows, so each is one of its rows.
  return grouping.rows.map((i) => table.rows[i]!);
}

function childConstraints(table: AmountTable, precision: Precision): SumConstraint[] {
  const out: SumConstraint[] = [];
  // Children grouped in one pass: filtering all rows per parent was quadratic (20,000 rows: 1.4 s).
  const childrenOf = new Map<number, AmountRow[]>();
  for (const r of table.rows) {
    if (r.parent === undefined) continue;
    const list = childrenOf.get(r.parent);
    if (list) list.push(r);
    else childrenOf.set(r.parent, [r]);
  }
  table.rows.forEach((row, i) => {
    const children = childrenOf.get(i);
    if (!children) return;
    for (const role of SUMMED) {
      const total = termOf(row, role, precision);
      // A blank or 一 child is a zero; a column no child fills is not broken down at all;
      // a child showing #REF! leaves the sum unknown (not-checked names it), never a zero.
      if (children.some((c) => c.values[role]?.value.kind === 'error')) continue;
      const parts = children.map((c) => termOf(c, role, precision)).filter((t): t is SumTerm => t !== undefined);
      if (total && parts.length > 0) out.push({ total, parts, wording: 'sum' });
    }
  });
  return out;
}

function groupingConstraints(table: AmountTable, precision: Precision): SumConstraint[] {
  const totalRow = table.rows.find((r) => r.depth === 0);
  if (!totalRow) return [];
  const out: SumConstraint[] = [];
  for (const g of table.groupings) {
    for (const role of SUMMED) {
      const total = termOf(totalRow, role, precision);
      const parts = groupingRows(table, g)
        .map((row) => termOf(row, role, precision))
        .filter((t): t is SumTerm => t !== undefined);
      if (total && parts.length === g.rows.length) out.push({ total, parts, wording: 'sum' });
    }
  }
  return out;
}

function adjustmentConstraints(table: AmountTable, precision: Precision): SumConstraint[] {
  const out: SumConstraint[] = [];
  for (const row of table.rows) {
    const adjusted = termOf(row, 'budget', precision);
    const initial = termOf(row, 'initialBudget', precision);
    const changes = [
      termOf(row, 'adjust', precision),
      termOf(row, 'adjustUp', precision),
      termOf(row, 'adjustDown', precision, -1),
    ];
    if (!adjusted || !initial || changes.every((c) => c === undefined)) continue;
    const parts = [initial, ...changes.filter((c): c is SumTerm => c !== undefined)];
    out.push({ total: adjusted, parts, wording: 'adjusted' });
  }
  return out;
}

export function amountConstraints(table: Table): SumConstraint[] {
  if (table.type !== 'amounts') return [];
  const precision = amountPrecision(table);
  return [
    ...childConstraints(table, precision),
    ...groupingConstraints(table, precision),
    ...adjustmentConstraints(table, precision),
  ];
}
