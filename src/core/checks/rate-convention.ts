/**
 * rate-convention (docs/domain.md §4, warning): a table either caps
 * completion rates at 100% or does not. When its own rows do both, the
 * minority rows are marked (a tie marks the capped ones: capping hides
 * over-achievement).
 */
import { midpoint } from '../arithmetic/interval';
import { formatPercent } from '../findings/format';
import type { Slot } from '../layout/tables';
import { defineRule } from './rule';
import { completionRows } from './shared/completion';

export default defineRule({
  meta: {
    id: 'rate-convention',
    severity: 'warning',
    determinesValue: false,
    docs: {
      description: {
        'zh-CN': '同一张表的完成率统一是否按 100% 封顶',
        'en-US': 'One table caps completion rates at 100% throughout, or nowhere',
      },
      url: 'docs/rules/rate-convention.md',
      source: 'docs/domain.md §4 (capping)',
    },
    messages: {
      capped: {
        'zh-CN': '{cell} 按 100% 封顶（实际 {ratio}），而本表其他完成率未封顶。',
        'en-US': '{cell} is capped at 100% (the ratio is {ratio}) while this table’s other rates are not.',
      },
      uncapped: {
        'zh-CN': '{cell} 未按 100% 封顶（{found}），而本表其他完成率封顶。',
        'en-US': '{cell} is not capped at 100% ({found}) while this table’s other rates are.',
      },
    },
  },
  check(table, ctx) {
    if (table.type !== 'indicators' || ctx.profile.capRates !== 'infer') return;
    const capped: { rate: Slot; ratio: string }[] = [];
    const uncapped: Slot[] = [];
    for (const { rate, result, fits } of completionRows(table)) {
      if (result.kind !== 'computed') continue;
      if (!fits.every((f) => f === fits[0])) continue;
      if (fits[0] === 'capped') capped.push({ rate, ratio: formatPercent(midpoint(result.candidates[0].ratio), 0) });
      if (fits[0] === 'uncapped') uncapped.push(rate);
    }
    if (capped.length === 0 || uncapped.length === 0) return;
    if (capped.length <= uncapped.length) for (const c of capped) ctx.report(c.rate, 'capped', { ratio: c.ratio });
    else for (const rate of uncapped) ctx.report(rate, 'uncapped');
  },
});
