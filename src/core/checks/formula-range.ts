/**
 * formula-range (docs/domain.md §4, warning): a SUM that leaves out a child row or
 * takes in a foreign one, even when today's value happens to agree — the
 * next edit will not. Only plain sums of cells are read (SUM(…)+SUM(…), A1+A2).
 */
import { formatCellList } from '../findings/format';
import { parseA1 } from '../grid/grid';
import { summedCells } from '../grid/sum-formula';
import type { SheetView } from '../grid/sheet-view';
import { numericSlots } from '../layout/numeric-slots';
import type { Slot } from '../layout/tables';
import { defineRule, type RuleContext } from './rule';
import { amountConstraints } from './shared/amount-constraints';
import { scoreConstraints } from './shared/score-constraints';
import type { SumConstraint } from './shared/sum-constraints';
import { weightConstraints } from './shared/weight-constraints';

function holdsNumber(view: SheetView, address: string): boolean {
  const p = parseA1(address)!;
  if (view.isHidden(p.row, p.col)) return false;
  return view.slot(p.row, p.col).value.kind === 'number';
}

/** Reports the constraint's total when its formula sums other cells than the constraint's parts; true if reported. */
function judge(c: SumConstraint, view: SheetView, ctx: RuleContext<'missing' | 'foreign'>): boolean {
  const total = c.total.slot;
  const formula = total.cell?.formula;
  if (!formula || c.parts.length === 0) return false;
  const summed = summedCells(formula);
  if (!summed) return false;
  const expected = new Set(c.parts.map((p) => p.slot.address));
  const missing: Slot[] = c.parts.map((p) => p.slot).filter((s) => !summed.has(s.address));
  const foreign = [...summed].filter((a) => !expected.has(a) && a !== total.address && holdsNumber(view, a));
  if (missing.length === 0 && foreign.length === 0) return false;
  const found = `=${formula}`;
  if (missing.length > 0) {
    ctx.report(total, 'missing', { formula, cells: formatCellList(missing) }, { found });
  } else {
    const cells = foreign.length <= 6 ? foreign.join(', ') : `${foreign.slice(0, 5).join(', ')} …`;
    ctx.report(total, 'foreign', { formula, cells }, { found });
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'formula-range',
    severity: 'warning',
    determinesValue: false,
    docs: {
      description: { 'zh-CN': '求和公式的范围与表格的层级一致', 'en-US': "A SUM's range matches the rows it should add" },
      url: 'docs/rules/formula-range.md',
      source: 'docs/domain.md §4',
    },
    messages: {
      missing: {
        'zh-CN': '{cell} 的公式 ={formula} 漏掉了 {cells}。',
        'en-US': 'The formula ={formula} in {cell} leaves out {cells}.',
      },
      foreign: {
        'zh-CN': '{cell} 的公式 ={formula} 多算了不属于它的 {cells}。',
        'en-US': 'The formula ={formula} in {cell} takes in {cells}, which do not belong to it.',
      },
    },
  },
  check(table, ctx) {
    // Most tables are typed values: without a formula there is no range to judge, nor sums to build.
    if (!numericSlots(table).some((s) => s.cell?.formula)) return;
    const constraints = [...weightConstraints(table, ctx.profile), ...scoreConstraints(table), ...amountConstraints(table)];
    const seen = new Set<string>();
    for (const c of constraints) {
      if (seen.has(c.total.slot.address)) continue;
      if (judge(c, ctx.view, ctx)) seen.add(c.total.slot.address);
    }
  },
});
