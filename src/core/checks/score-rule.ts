/**
 * score-rule (docs/domain.md §4): scores a rule fixes.
 * - The funds row of the project form: 得分 = 分值 × min(执行率, 100%).
 * - 财预〔2020〕10号: a met quantitative target earns full marks; a missed one
 *   does not (正向: actual/target × 分值; 反向: per the profile). Only full marks
 *   for a miss and deductions for a hit are judged: forms differ in how much
 *   they deduct, not in whether.
 */
import Decimal from 'decimal.js';
import { capAt, midpoint, ratio, times, type Interval } from '../arithmetic/interval';
import { amountPrecision, compareValues, intervalOf, numberOf, ONE, signOf } from '../arithmetic/precision';
import { formatFound, formatPercent, formatPlain } from '../findings/format';
import type { AmountTable, IndicatorNode, IndicatorTable, Slot } from '../layout/tables';
import type { Profile } from '../profile';
import { defineRule, type RuleContext } from './rule';
import { completionOf } from './shared/completion';

type Messages = 'funds' | 'missed-full' | 'met-deducted';
type Context = RuleContext<Messages>;

/**
 * A printed score may be rounded or truncated to its decimals (at least one
 * place), and may stray by the profile's scoreTolerance.
 */
function scoreReachable(printed: Decimal, decimals: number, computed: Interval, tolerance: Decimal): boolean {
  const unit = new Decimal(10).pow(-Math.max(decimals, 1));
  return computed.hi.plus(tolerance).gte(printed.minus(unit.div(2))) && computed.lo.minus(tolerance).lt(printed.plus(unit));
}

function reportScore(
  ctx: Context,
  slot: Slot,
  expected: Decimal,
  id: Messages,
  params: Record<string, string>,
  inputs: (Slot | undefined)[],
  followsFrom?: Slot,
): void {
  const shown = formatPlain(expected, 2);
  ctx.report(slot, id, params, { expected: shown, fix: Number(shown), inputs, followsFrom });
}

function reportFundsScores(table: Readonly<AmountTable>, ctx: Context): void {
  const precision = amountPrecision(table);
  for (const row of table.rows) {
    const { weight, score, spent, budget, rate } = row.values;
    const w = numberOf(weight);
    const s = numberOf(score);
    if (!w || !s || !score) continue;
    const spentIv = intervalOf(spent, precision);
    const budgetIv = intervalOf(budget, precision);
    const printedRate = intervalOf(rate, 'rounded');
    const r = (spentIv && budgetIv && ratio(spentIv, budgetIv)) || printedRate;
    if (!r) continue;
    const scoreAt = (rateIv: Interval) => times(capAt(rateIv, ONE), { lo: w.value, hi: w.value });
    const computed = scoreAt(r);
    const tolerance = new Decimal(ctx.profile.scoreTolerance);
    if (scoreReachable(s.value, s.decimals, computed, tolerance)) continue;
    // A score worked out from a wrong printed 执行率 follows from that rate: its echo, if the rate is wrong.
    // Full marks are no sign of that (any rate of 100% or more gives them), so a printed rate under 100% only.
    const followsRate =
      printedRate !== undefined && printedRate.hi.lt(ONE) && scoreReachable(s.value, s.decimals, scoreAt(printedRate), tolerance);
    const params = { weight: formatPlain(w.value), rate: formatPercent(Decimal.min(midpoint(r), ONE), 2) };
    reportScore(ctx, score, midpoint(computed), 'funds', params, [weight, spent, budget, rate], followsRate ? rate : undefined);
  }
}

function missedScore(weight: Decimal, target: Decimal, actual: Decimal, lowerIsBetter: boolean, profile: Profile): Decimal {
  if (!lowerIsBetter) return actual.div(target).times(weight);
  if (profile.reverseScoring === 'linear') {
    return Decimal.max(0, weight.times(ONE.minus(actual.minus(target).div(target))));
  }
  return target.div(actual).times(weight);
}

function reportIndicatorScores(table: Readonly<IndicatorTable>, ctx: Context): void {
  const visit = (node: IndicatorNode) => {
    node.children.forEach(visit);
    const target = numberOf(node.target);
    const actual = numberOf(node.actual);
    const w = numberOf(node.weight);
    const s = numberOf(node.score);
    if (!target || !actual || !w || !s || !node.score || node.bonus || node.children.length > 0) return;
    const c = completionOf(target, actual);
    // docs/domain.md §2 E: an actual typed as a bound cannot be recomputed. Where the row
    // has a rate column, the rate check already says so at the rate.
    if (c === 'bound' && !node.rate) {
      ctx.notChecked(node.actual!, 'bound', { actual: formatFound(node.actual!) });
      return;
    }
    if (typeof c === 'string' || c.met === undefined || signOf(target) === 0 || signOf(actual) === 0) return;
    const params = () => ({ actual: formatFound(node.actual!), target: formatFound(node.target!) });
    const scoreVsWeight = compareValues(s, w);
    const inputs = [node.target, node.actual, node.weight];
    const tolerance = ctx.profile.scoreTolerance;
    if (c.met && scoreVsWeight < 0 && w.value.minus(s.value).gt(tolerance)) {
      reportScore(ctx, node.score, w.value, 'met-deducted', params(), inputs);
    } else if (!c.met && scoreVsWeight === 0) {
      const expected = missedScore(w.value, target.value, actual.value, c.lowerIsBetter, ctx.profile);
      if (w.value.minus(expected).gt(tolerance)) reportScore(ctx, node.score, expected, 'missed-full', params(), inputs);
    }
  };
  table.roots.forEach(visit);
}

export default defineRule({
  meta: {
    id: 'score-rule',
    severity: 'error',
    determinesValue: true,
    docs: {
      description: {
        'zh-CN': '规则确定的得分：资金得分与指标满分规则',
        'en-US': 'Scores a rule fixes: the funds score, full marks for a met target',
      },
      url: 'docs/rules/score-rule.md',
      source: '财预〔2020〕10号 附件 项目支出绩效自评表; docs/domain.md §2 E, §4',
    },
    messages: {
      funds: {
        'zh-CN': '{cell} 为 {found}，但资金得分 = 分值 {weight} × 执行率 {rate} = {expected}。',
        'en-US': '{cell} = {found}, but the funds score = weight {weight} × execution rate {rate} = {expected}.',
      },
      'missed-full': {
        'zh-CN': '{cell} 给了满分 {found}，但实际 {actual} 未达到目标 {target}，按比例应为 {expected}。',
        'en-US':
          '{cell} gives full marks {found}, but the actual {actual} misses the target {target}; pro rata it is {expected}.',
      },
      'met-deducted': {
        'zh-CN': '{cell} 为 {found}，但实际 {actual} 已达到目标 {target}，应得满分 {expected}。',
        'en-US': '{cell} = {found}, but the actual {actual} meets the target {target}, so it earns full marks {expected}.',
      },
    },
  },
  check(table, ctx) {
    if (table.type === 'amounts') {
      if (table.kind === 'project-funds') reportFundsScores(table, ctx);
    } else reportIndicatorScores(table, ctx);
  },
});
