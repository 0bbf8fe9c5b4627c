/**
 * score-range (docs/domain.md §4): a score lies between 0 and its weight; a
 * 加减分项 (bonus/penalty) score lies within ±weight.
 */
import { compareValues, numberOf, signOf } from '../arithmetic/precision';
import { formatPlain } from '../findings/format';
import type { IndicatorNode, Slot } from '../layout/tables';
import { defineRule, type RuleContext } from './rule';

type Messages = 'above' | 'negative' | 'bonus';

function judge(ctx: RuleContext<Messages>, score: Slot | undefined, weight: Slot | undefined, bonus: boolean): void {
  const s = numberOf(score);
  if (!s || !score) return;
  const w = numberOf(weight);
  const above = w && compareValues(s, w) > 0;
  if (w && weight && (above || (bonus && compareValues(s, w, -1) < 0))) {
    const limit = above ? w.value : w.value.neg();
    ctx.report(
      score,
      bonus ? 'bonus' : 'above',
      { weight: formatPlain(w.value), weightCell: weight.address },
      { expected: formatPlain(limit), fix: limit.toNumber(), inputs: [weight] },
    );
  } else if (!bonus && signOf(s) < 0) {
    ctx.report(score, 'negative', {}, { expected: '0', fix: 0 });
  }
}

export default defineRule({
  meta: {
    id: 'score-range',
    severity: 'error',
    determinesValue: false,
    docs: {
      description: {
        'zh-CN': '得分不超过分值且不为负（加减分项在 ±分值 内）',
        'en-US': 'A score stays within 0 and its weight (±weight for a bonus item)',
      },
      url: 'docs/rules/score-range.md',
      source: '财预〔2020〕10号; docs/domain.md §4',
    },
    messages: {
      above: {
        'zh-CN': '{cell} 得分 {found} 超过分值 {weight}（{weightCell}）。',
        'en-US': 'Score {cell} = {found} exceeds its weight {weight} ({weightCell}).',
      },
      negative: { 'zh-CN': '{cell} 得分 {found} 为负数。', 'en-US': 'Score {cell} = {found} is negative.' },
      bonus: {
        'zh-CN': '{cell} 加减分 {found} 超出 ±{weight}（{weightCell}）。',
        'en-US': 'Bonus/penalty {cell} = {found} is outside ±{weight} ({weightCell}).',
      },
    },
  },
  check(table, ctx) {
    if (table.type === 'indicators') {
      const visit = (n: IndicatorNode) => {
        judge(ctx, n.score, n.weight, n.bonus);
        n.children.forEach(visit);
      };
      table.roots.forEach(visit);
      if (table.total) judge(ctx, table.total.score, table.total.weight, false);
    } else {
      for (const row of table.rows) judge(ctx, row.values.score, row.values.weight, false);
    }
  },
});
