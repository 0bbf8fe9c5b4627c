/**
 * amount-sum (docs/domain.md §4): a parent row is the sum of its child rows;
 * every grouping of a budget block adds up to the same total; 调整后 = 年初 ± 调整.
 */
import { midpoint, overlaps, sumIntervals, type Interval } from '../arithmetic/interval';
import { amountPrecision, intervalOf } from '../arithmetic/precision';
import { formatCellList, formatLike } from '../findings/format';
import type { AmountTable } from '../layout/tables';
import { defineRule, type RuleContext } from './rule';
import { amountConstraints, groupingRows, SUMMED } from './shared/amount-constraints';
import { reportSums } from './shared/sum-constraints';
import { SUM_MESSAGES } from './shared/sum-messages';

/**
 * Without a total column the groupings can only be compared with each other:
 * a grouping that disagrees with all the others (which agree) is reported.
 */
function reportDisagreeingGroupings(table: Readonly<AmountTable>, ctx: RuleContext<'groupings'>): void {
  if (table.rows.some((r) => r.depth === 0) || table.groupings.length < 3) return;
  const precision = amountPrecision(table);
  for (const role of SUMMED) {
    const sums = table.groupings.map((g) => {
      const parts = groupingRows(table, g).map((row) => intervalOf(row.values[role], precision));
      return parts.every((p) => p !== undefined) ? sumIntervals(parts as Interval[]) : undefined;
    });
    table.groupings.forEach((g, i) => {
      const sum = sums[i];
      if (!sum) return;
      const others = sums.filter((s, j) => j !== i && s !== undefined) as Interval[];
      const [reference] = others;
      if (!reference || others.length < 2 || others.some((o) => overlaps(o, sum))) return;
      if (!others.every((o) => overlaps(o, reference))) return;
      const slots = groupingRows(table, g).map((row) => row.values[role]!);
      const [firstSlot] = slots;
      if (!firstSlot) return;
      const found = formatLike(firstSlot, midpoint(sum));
      const expected = formatLike(firstSlot, midpoint(reference));
      ctx.report(g.label, 'groupings', { parts: formatCellList(slots) }, { found, expected, inputs: slots });
    });
  }
}

export default defineRule({
  meta: {
    id: 'amount-sum',
    severity: 'error',
    determinesValue: true,
    docs: {
      description: { 'zh-CN': '合计金额等于各组成部分之和', 'en-US': 'A total amount is the sum of its parts' },
      url: 'docs/rules/amount-sum.md',
      source: 'docs/domain.md §3, §4',
    },
    messages: {
      total: SUM_MESSAGES.total,
      root: SUM_MESSAGES.root,
      adjusted: SUM_MESSAGES.adjusted,
      groupings: {
        'zh-CN': '{cell} 分组 {parts} 合计 {found}，与其他分组的合计 {expected} 不一致。',
        'en-US': 'The grouping {cell} ({parts}) sums to {found}, unlike the other groupings ({expected}).',
      },
    },
  },
  check(table, ctx) {
    if (table.type !== 'amounts') return;
    reportSums(ctx, amountConstraints(table));
    reportDisagreeingGroupings(table, ctx);
  },
});
