/**
 * score-rule (SPEC §4): scores a rule fixes.
 * - The funds row of the project form: 得分 = 分值 × min(执行率, 100%).
 * - 财预〔2020〕10号: a met quantitative target earns full marks; a missed one
 *   does not (正向: actual/target × 分值; 反向: per the profile). Only full marks
 *   for a miss and deductions for a hit are judged: forms differ in how much
 *   they deduct, not in whether.
 */
import Decimal from 'decimal.js';
import { completionOf } from './shared/completion';
import type { Finding } from '../findings/finding';
import { formatFound, formatPercent, formatPlain } from '../findings/format';
import { capAt, midpoint, ratio, times, type Interval } from '../arithmetic/interval';
import type { MessageId } from '../findings/messages';
import { amountPrecision, compareValues, intervalOf, numberOf, ONE, signOf } from '../arithmetic/precision';
import type { Profile } from '../profile';
import type { AmountTable, IndicatorNode, IndicatorTable, Slot } from '../layout/tables';
import type { Check } from './check';
import { findingAt } from './shared/finding-at';
import { notChecked } from './not-checked';

/** A printed score may be rounded or truncated to its decimals (at least one place). */
function scoreReachable(printed: Decimal, decimals: number, computed: Interval): boolean {
  const unit = new Decimal(10).pow(-Math.max(decimals, 1));
  return computed.hi.gte(printed.minus(unit.div(2))) && computed.lo.lt(printed.plus(unit));
}

function scoreFinding(sheet: string, slot: Slot, expected: Decimal, id: MessageId, params: Record<string, string>): Finding {
  const shown = formatPlain(expected, 2);
  return findingAt(sheet, slot, { rule: 'score-rule', severity: 'error', id, params, expected: shown, fixValue: Number(shown) });
}

function fundsFindings(table: AmountTable, sheet: string): Finding[] {
  const precision = amountPrecision(table);
  const out: Finding[] = [];
  for (const row of table.rows) {
    const { weight, score, spent, budget, rate } = row.values;
    const w = numberOf(weight);
    const s = numberOf(score);
    if (!w || !s || !score) continue;
    const spentIv = intervalOf(spent, precision);
    const budgetIv = intervalOf(budget, precision);
    const r = (spentIv && budgetIv && ratio(spentIv, budgetIv)) || intervalOf(rate, 'rounded');
    if (!r) continue;
    const computed = times(capAt(r, ONE), { lo: w.value, hi: w.value });
    if (scoreReachable(s.value, s.decimals, computed)) continue;
    out.push(
      scoreFinding(sheet, score, midpoint(computed), 'rule.funds', {
        weight: formatPlain(w.value),
        rate: formatPercent(Decimal.min(midpoint(r), ONE), 2),
      }),
    );
  }
  return out;
}

function missedScore(weight: Decimal, target: Decimal, actual: Decimal, lowerIsBetter: boolean, profile: Profile): Decimal {
  if (!lowerIsBetter) return actual.div(target).times(weight);
  if (profile.reverseScoring === 'linear') {
    return Decimal.max(0, weight.times(ONE.minus(actual.minus(target).div(target))));
  }
  return target.div(actual).times(weight);
}

function indicatorFindings(table: IndicatorTable, sheet: string, profile: Profile): Finding[] {
  const out: Finding[] = [];
  const visit = (node: IndicatorNode) => {
    node.children.forEach(visit);
    const target = numberOf(node.target);
    const actual = numberOf(node.actual);
    const w = numberOf(node.weight);
    const s = numberOf(node.score);
    if (!target || !actual || !w || !s || !node.score || node.bonus || node.children.length > 0) return;
    const c = completionOf(target, actual);
    // SPEC §2 E: an actual typed as a bound cannot be recomputed. Where the row
    // has a rate column, the rate check already says so at the rate.
    if (c === 'bound' && !node.rate) {
      out.push(notChecked(sheet, node.actual!, 'not-checked.bound', { actual: formatFound(node.actual!) }));
      return;
    }
    if (typeof c === 'string' || c.met === undefined || signOf(target) === 0 || signOf(actual) === 0) return;
    const params = () => ({ actual: formatFound(node.actual!), target: formatFound(node.target!) });
    const scoreVsWeight = compareValues(s, w);
    if (c.met && scoreVsWeight < 0) {
      out.push(scoreFinding(sheet, node.score, w.value, 'rule.met-deducted', params()));
    } else if (!c.met && scoreVsWeight === 0) {
      const expected = missedScore(w.value, target.value, actual.value, c.lowerIsBetter, profile);
      out.push(scoreFinding(sheet, node.score, expected, 'rule.missed-full', params()));
    }
  };
  table.roots.forEach(visit);
  return out;
}

export const scoreRule: Check = {
  id: 'score-rule',
  severity: 'error',
  run(table, ctx) {
    if (table.type === 'amounts') return table.kind === 'project-funds' ? fundsFindings(table, ctx.view.name) : [];
    return indicatorFindings(table, ctx.view.name, ctx.profile);
  },
};
