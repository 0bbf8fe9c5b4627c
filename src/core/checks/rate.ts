/**
 * rate (docs/domain.md §4): a completion rate, execution rate, 得分率 or share equals
 * the recomputed ratio, compared as intervals. Where the inputs cannot be
 * read the row is reported as not-checked, never as wrong.
 */
import Decimal from 'decimal.js';
import { capAt, midpoint, overlaps, ratio } from '../arithmetic/interval';
import { approxCap, approxInterval, approxOverlaps, approxRatio } from '../arithmetic/interval-fast';
import { amountPrecision, intervalOf, numberOf, ONE, type Precision } from '../arithmetic/precision';
import { formatFound, formatPercent, formatRate, groupDigits } from '../findings/format';
import type { AmountTable, IndicatorNode, IndicatorTable, Slot } from '../layout/tables';
import type { CapPolicy } from '../profile';
import { defineRule, type NotCheckedReason, type RuleContext } from './rule';
import { completionRows, type Completion, type RateFit, type Refusal } from './shared/completion';

type Messages = 'ratio' | 'capped' | 'percent-met';
type Context = RuleContext<Messages>;

function fixValueOf(slot: Slot, value: Decimal): number {
  const n = numberOf(slot);
  // A 执行率（%） cell holds points: the fix writes 93.76, not 0.9376 (variant J).
  if (n?.points) return value.times(100).toDecimalPlaces(n.decimals, Decimal.ROUND_HALF_UP).toNumber();
  const places = n ? n.decimals + (n.percent ? 2 : 0) : 4;
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

function reportRate(
  ctx: Context,
  slot: Slot,
  value: Decimal,
  id: Messages,
  params: Record<string, string>,
  inputs: (Slot | undefined)[],
): void {
  ctx.report(slot, id, params, { expected: formatRate(slot, value), fix: fixValueOf(slot, value), inputs });
}

/**
 * Whether a printed rate stands under the policy, given whether it fits the
 * plain ratio and the ratio capped at 100%: `infer` takes either reading,
 * a fixed policy only its own (both fitting is always right).
 */
function acceptable(plain: boolean, capped: boolean, policy: CapPolicy): boolean {
  return (plain && policy !== 'capped') || (capped && policy !== 'uncapped') || (plain && capped);
}

function isWrong(fit: RateFit, policy: CapPolicy): boolean {
  return !acceptable(fit === 'ok' || fit === 'uncapped', fit === 'ok' || fit === 'capped', policy);
}

/** Each refusal of the completion analysis is a not-checked reason of the same name. */
const REFUSAL_REASON: Record<Refusal, NotCheckedReason> = {
  bound: 'bound',
  'no-actual': 'no-actual',
  ambiguous: 'ambiguous',
  'zero-base': 'zero-base',
  value: 'value',
  units: 'units',
};

function describe(slot: Slot | undefined): string {
  return slot ? `${slot.address}（${groupDigits(formatFound(slot))}）` : '';
}

function reportCompletionRates(table: Readonly<IndicatorTable>, ctx: Context): void {
  for (const row of completionRows(table)) {
    const { node, rate, result, fits } = row;
    const actualSlot = node.actual ?? node.narrative;
    const params = {
      target: describe(node.target),
      actual: actualSlot ? formatFound(actualSlot) : '',
      den: describe(node.target),
    };
    if (result.kind === 'refused') {
      ctx.notChecked(rate, REFUSAL_REASON[result.reason], params);
      continue;
    }
    // Several numbers in the narrative could be the actual, and they lead to different verdicts.
    const ambiguous = () => {
      const candidates = result.candidates.map((c) => formatFound({ ...rate, value: c.actual })).join('、');
      ctx.notChecked(rate, 'ambiguous', { ...params, candidates });
    };
    const wrong = fits.map((f) => isWrong(f, ctx.profile.capRates));
    if (wrong.some((w) => w) && !wrong.every((w) => w)) {
      ambiguous();
      continue;
    }
    if (!wrong[0]) continue;
    const expectedValues = result.candidates.map((c) => expectedRate(c, ctx.profile.capRates));
    const shown = new Set(expectedValues.map((v) => formatRate(rate, v)));
    if (shown.size > 1) {
      ambiguous();
      continue;
    }
    const c = result.candidates[0];
    const num = c.lowerIsBetter ? describe(node.target) : formatFound({ ...rate, value: c.actual });
    const den = c.lowerIsBetter ? formatFound({ ...rate, value: c.actual }) : describe(node.target);
    const capped = ctx.profile.capRates === 'capped' && c.ratio.lo.gt(ONE);
    const id: Messages = c.met && c.target.percent ? 'percent-met' : capped ? 'capped' : 'ratio';
    const ratioText = formatPercent(midpoint(c.ratio), 2);
    const expected = expectedRate(c, ctx.profile.capRates);
    reportRate(ctx, rate, expected, id, { ...params, num, den, ratio: ratioText }, [node.target, actualSlot]);
  }
}

function expectedRate(c: Completion, policy: CapPolicy): Decimal {
  if (c.met && (c.target.percent || c.lowerIsBetter)) return ONE;
  const mid = midpoint(c.ratio);
  return policy === 'capped' ? Decimal.min(mid, ONE) : mid;
}

/**
 * 得分率 = score ÷ weight, both exact. A 得分率 that agrees with a corrected
 * weight or score is an echo of the sum finding there; the engine tells
 * which from the inputs (docs/domain.md §4 root cause).
 */
function reportScoreRates(table: Readonly<IndicatorTable>, ctx: Context): void {
  const judge = (node: IndicatorNode, rateSlot: Slot) => {
    const reported = intervalOf(rateSlot, 'rounded');
    const score = intervalOf(node.score, 'exact');
    const weight = intervalOf(node.weight, 'exact');
    const r = reported && score && weight && ratio(score, weight);
    if (!reported || !r || overlaps(reported, r)) return;
    reportRate(ctx, rateSlot, midpoint(r), 'ratio', { num: describe(node.score), den: describe(node.weight) }, [
      node.score,
      node.weight,
    ]);
  };
  const visit = (node: IndicatorNode) => {
    if (node.scoreRate) judge(node, node.scoreRate);
    node.children.forEach(visit);
  };
  table.roots.forEach(visit);
}

/** True when floats alone show the printed rate fits — the common case; false means "judge it exactly". */
function fitsInFloats(
  slot: Slot,
  num: Slot | undefined,
  den: Slot | undefined,
  precision: Precision,
  policy: CapPolicy,
): boolean {
  const r = numberOf(slot);
  const a = numberOf(num);
  const b = numberOf(den);
  if (!r || !a || !b) return false;
  const computed = approxRatio(approxInterval(a, precision), approxInterval(b, precision));
  if (!computed) return false;
  const reported = approxInterval(r, 'rounded');
  const plain = approxOverlaps(reported, computed) === true;
  const capped = approxOverlaps(reported, approxCap(computed, 1)) === true;
  return acceptable(plain, capped, policy);
}

/** A ratio of two amounts judged against the printed rate; capped readings allowed unless the profile forbids. */
function judgeAmountRatio(
  ctx: Context,
  slot: Slot | undefined,
  num: Slot | undefined,
  den: Slot | undefined,
  precision: Precision,
  policy: CapPolicy,
): void {
  if (!slot || fitsInFloats(slot, num, den, precision, policy)) return;
  const reported = intervalOf(slot, 'rounded');
  const a = intervalOf(num, precision);
  const b = intervalOf(den, precision);
  if (!reported || !a || !b) return;
  const r = ratio(a, b);
  if (!r) {
    // 0 ÷ 0 is never an error (docs/domain.md §4); x ÷ 0 cannot be recomputed.
    if (!numberOf(num)!.value.isZero()) ctx.notChecked(slot, 'zero-base', { den: describe(den) });
    return;
  }
  if (acceptable(overlaps(reported, r), overlaps(reported, capAt(r, ONE)), policy)) return;
  // The ratio of the numbers as printed, not the middle of the rounding interval: 100 ÷ 120 is 83.33%.
  const point = numberOf(num)!.value.div(numberOf(den)!.value);
  const value = policy === 'capped' ? Decimal.min(point, ONE) : point;
  reportRate(ctx, slot, value, 'ratio', { num: describe(num), den: describe(den) }, [num, den]);
}

function reportAmountRates(table: Readonly<AmountTable>, ctx: Context): void {
  const precision = amountPrecision(table);
  const total = table.rows.find((r) => r.depth === 0);
  for (const row of table.rows) {
    const v = row.values;
    judgeAmountRatio(ctx, v.rate, v.spent, v.budget, precision, ctx.profile.capRates);
    if (v.share && total) {
      const role = total.values.spent ? 'spent' : 'budget';
      judgeAmountRatio(ctx, v.share, v[role], total.values[role], precision, 'uncapped');
    }
  }
}

export default defineRule({
  meta: {
    id: 'rate',
    severity: 'error',
    determinesValue: true,
    docs: {
      description: {
        'zh-CN': '完成率、执行率、得分率与占比等于重新计算的比值',
        'en-US': 'A completion rate, execution rate, score rate or share equals the recomputed ratio',
      },
      url: 'docs/rules/rate.md',
      source: '财预〔2020〕10号; docs/domain.md §3 (precision), §4',
    },
    messages: {
      ratio: {
        'zh-CN': '{cell} 为 {found}，但 {num} ÷ {den} = {expected}。',
        'en-US': '{cell} = {found}, but {num} ÷ {den} = {expected}.',
      },
      capped: {
        'zh-CN': '{cell} 为 {found}，但 {num} ÷ {den} = {ratio}，按封顶 100% 应为 {expected}。',
        'en-US': '{cell} = {found}, but {num} ÷ {den} = {ratio}; capped at 100% it is {expected}.',
      },
      'percent-met': {
        'zh-CN': '{cell} 为 {found}，但实际值 {actual} 已达到百分比目标 {target}，完成率应为 100%。',
        'en-US': '{cell} = {found}, but the actual {actual} meets the percentage target {target}, so the rate is 100%.',
      },
    },
  },
  check(table, ctx) {
    if (table.type === 'amounts') {
      reportAmountRates(table, ctx);
    } else {
      reportCompletionRates(table, ctx);
      reportScoreRates(table, ctx);
    }
  },
});
