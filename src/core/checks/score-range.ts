/**
 * score-range (SPEC §4): a score lies between 0 and its weight; a 加减分项
 * (bonus/penalty) score lies within ±weight.
 */
import type { Finding } from '../findings/finding';
import { formatPlain } from '../findings/format';
import { compareValues, numberOf, signOf } from '../arithmetic/precision';
import type { IndicatorNode, Slot } from '../layout/tables';
import type { Check } from './check';
import { findingAt } from './shared/finding-at';

function judge(sheet: string, score: Slot | undefined, weight: Slot | undefined, bonus: boolean): Finding | undefined {
  const s = numberOf(score);
  if (!s || !score) return undefined;
  const w = numberOf(weight);
  const above = w && compareValues(s, w) > 0;
  if (w && weight && (above || (bonus && compareValues(s, w, -1) < 0))) {
    const limit = above ? w.value : w.value.neg();
    return findingAt(sheet, score, {
      rule: 'score-range',
      severity: 'error',
      id: bonus ? 'range.bonus' : 'range.above',
      params: { weight: formatPlain(w.value), weightCell: weight.address },
      expected: formatPlain(limit),
      fixValue: limit.toNumber(),
    });
  }
  if (!bonus && signOf(s) < 0) {
    return findingAt(sheet, score, { rule: 'score-range', severity: 'error', id: 'range.negative', expected: '0', fixValue: 0 });
  }
  return undefined;
}

export const scoreRange: Check = {
  id: 'score-range',
  severity: 'error',
  run(table, ctx) {
    const sheet = ctx.view.name;
    const out: Finding[] = [];
    if (table.type === 'indicators') {
      const visit = (n: IndicatorNode) => {
        const f = judge(sheet, n.score, n.weight, n.bonus);
        if (f) out.push(f);
        n.children.forEach(visit);
      };
      table.roots.forEach(visit);
      const total = table.total && judge(sheet, table.total.score, table.total.weight, false);
      if (total) out.push(total);
    } else {
      for (const row of table.rows) {
        const f = judge(sheet, row.values.score, row.values.weight, false);
        if (f) out.push(f);
      }
    }
    return out;
  },
};
