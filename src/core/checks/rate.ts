/**
 * rate (SPEC §4): a completion rate, execution rate, 得分率 or share equals
 * the recomputed ratio, compared as intervals. Where the inputs cannot be
 * read the row is reported as not-checked, never as wrong.
 */
import Decimal from 'decimal.js';
import { completionRows, type Completion, type RateFit, type Refusal } from './shared/completion';
import type { Finding } from '../findings/finding';
import { formatFound, formatLike, formatPercent } from '../findings/format';
import { capAt, midpoint, overlaps, ratio, type Interval } from '../arithmetic/interval';
import { approxCap, approxInterval, approxOverlaps, approxRatio } from '../arithmetic/interval-fast';
import type { MessageId } from '../findings/messages';
import { amountPrecision, intervalOf, numberOf, ONE, type Precision } from '../arithmetic/precision';
import type { CapPolicy, Profile } from '../profile';
import { resolveSums } from './shared/sum-constraints';
import type { AmountTable, IndicatorNode, IndicatorTable, Slot } from '../layout/tables';
import type { Check, CheckContext } from './check';
import { findingAt } from './shared/finding-at';
import { notChecked } from './not-checked';
import { scoreConstraints } from './score-sum';
import { weightConstraints } from './weight-sum';

function fixValueOf(slot: Slot, value: Decimal): number {
  const n = numberOf(slot);
  // A 执行率（%） cell holds points: the fix writes 93.76, not 0.9376 (variant J).
  if (n?.points) return value.times(100).toDecimalPlaces(n.decimals, Decimal.ROUND_HALF_UP).toNumber();
  const places = n ? n.decimals + (n.percent ? 2 : 0) : 4;
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

function rateFinding(sheet: string, slot: Slot, value: Decimal, id: MessageId, params: Record<string, string>): Finding {
  return findingAt(sheet, slot, {
    rule: 'rate',
    severity: 'error',
    id,
    params,
    expected: formatLike(slot, value),
    fixValue: fixValueOf(slot, value),
  });
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

const REFUSAL_MESSAGE: Record<Refusal, MessageId> = {
  bound: 'not-checked.bound',
  'no-actual': 'not-checked.no-actual',
  ambiguous: 'not-checked.ambiguous',
  'zero-base': 'not-checked.zero-base',
  value: 'not-checked.value',
  units: 'not-checked.units',
};

function describe(slot: Slot | undefined): string {
  return slot ? `${slot.address}（${formatFound(slot)}）` : '';
}

function completionFindings(table: IndicatorTable, ctx: CheckContext): Finding[] {
  const sheet = ctx.view.name;
  const out: Finding[] = [];
  for (const row of completionRows(table)) {
    const { node, rate, result, fits } = row;
    const actualSlot = node.actual ?? node.narrative;
    const params = { target: describe(node.target), actual: actualSlot ? formatFound(actualSlot) : '', den: describe(node.target) };
    if (result.kind === 'refused') {
      out.push(notChecked(sheet, rate, REFUSAL_MESSAGE[result.reason], params));
      continue;
    }
    // Several numbers in the narrative could be the actual, and they lead to different verdicts.
    const ambiguous = () => {
      const candidates = result.candidates.map((c) => formatFound({ ...rate, value: c.actual })).join('、');
      out.push(notChecked(sheet, rate, 'not-checked.ambiguous', { ...params, candidates }));
    };
    const wrong = fits.map((f) => isWrong(f, ctx.profile.capRates));
    if (wrong.some((w) => w) && !wrong.every((w) => w)) {
      ambiguous();
      continue;
    }
    if (!wrong[0]) continue;
    const expectedValues = result.candidates.map((c) => expectedRate(c, ctx.profile.capRates));
    const shown = new Set(expectedValues.map((v) => formatLike(rate, v)));
    if (shown.size > 1) {
      ambiguous();
      continue;
    }
    const c = result.candidates[0];
    const num = c.lowerIsBetter ? describe(node.target) : formatFound({ ...rate, value: c.actual });
    const den = c.lowerIsBetter ? formatFound({ ...rate, value: c.actual }) : describe(node.target);
    const capped = ctx.profile.capRates === 'capped' && c.ratio.lo.gt(ONE);
    const id: MessageId = c.met && c.target.percent ? 'rate.percent-met' : capped ? 'rate.capped' : 'rate.ratio';
    out.push(
      rateFinding(sheet, rate, expectedValues[0], id, {
        ...params,
        num,
        den,
        ratio: formatPercent(midpoint(c.ratio), 2),
      }),
    );
  }
  return out;
}

function expectedRate(c: Completion, policy: CapPolicy): Decimal {
  if (c.met && (c.target.percent || c.lowerIsBetter)) return ONE;
  const mid = midpoint(c.ratio);
  return policy === 'capped' ? Decimal.min(mid, ONE) : mid;
}

/**
 * The value weight-sum and score-sum say a cell should hold, by address: a
 * 得分率 that agrees with the corrected weight or score is right, and the sum
 * finding already names the one wrong cell (SPEC §4 root cause, not echoes).
 */
function sumCorrections(table: IndicatorTable, sheet: string, profile: Profile): Map<string, number> {
  const out = new Map<string, number>();
  const findings = [
    ...resolveSums('weight-sum', sheet, weightConstraints(table, profile)),
    ...resolveSums('score-sum', sheet, scoreConstraints(table)),
  ];
  for (const f of findings) if (typeof f.fixValue === 'number') out.set(f.cell, f.fixValue);
  return out;
}

function corrected(slot: Slot | undefined, corrections: Map<string, number>): Interval | undefined {
  const fix = slot && corrections.get(slot.address);
  return fix === undefined ? undefined : { lo: new Decimal(fix), hi: new Decimal(fix) };
}

/** 得分率 = score ÷ weight, both exact. */
function scoreRateFindings(table: IndicatorTable, sheet: string, profile: Profile): Finding[] {
  const out: Finding[] = [];
  let corrections: Map<string, number> | undefined; // only when a 得分率 disagrees
  const judge = (node: IndicatorNode, rateSlot: Slot) => {
    const reported = intervalOf(rateSlot, 'rounded');
    const score = intervalOf(node.score, 'exact');
    const weight = intervalOf(node.weight, 'exact');
    const r = reported && score && weight && ratio(score, weight);
    if (!reported || !score || !weight || !r || overlaps(reported, r)) return;
    corrections ??= sumCorrections(table, sheet, profile);
    const fixedScore = corrected(node.score, corrections);
    const fixedWeight = corrected(node.weight, corrections);
    const rFixed = fixedScore || fixedWeight ? ratio(fixedScore ?? score, fixedWeight ?? weight) : undefined;
    if (rFixed && overlaps(reported, rFixed)) return;
    out.push(rateFinding(sheet, rateSlot, midpoint(r), 'rate.ratio', { num: describe(node.score), den: describe(node.weight) }));
  };
  const visit = (node: IndicatorNode) => {
    if (node.scoreRate) judge(node, node.scoreRate);
    node.children.forEach(visit);
  };
  table.roots.forEach(visit);
  return out;
}

/** True when floats alone show the printed rate fits — the common case; false means "judge it exactly". */
function fitsInFloats(slot: Slot, num: Slot | undefined, den: Slot | undefined, precision: Precision, policy: CapPolicy): boolean {
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
  sheet: string,
  slot: Slot | undefined,
  num: Slot | undefined,
  den: Slot | undefined,
  precision: Precision,
  policy: CapPolicy,
): Finding | undefined {
  if (!slot || fitsInFloats(slot, num, den, precision, policy)) return undefined;
  const reported = intervalOf(slot, 'rounded');
  const a = intervalOf(num, precision);
  const b = intervalOf(den, precision);
  if (!reported || !a || !b) return undefined;
  const r = ratio(a, b);
  if (!r) {
    // 0 ÷ 0 is never an error (SPEC §4); x ÷ 0 cannot be recomputed.
    if (numberOf(num)!.value.isZero()) return undefined;
    return notChecked(sheet, slot, 'not-checked.zero-base', { den: describe(den) });
  }
  if (acceptable(overlaps(reported, r), overlaps(reported, capAt(r, ONE)), policy)) return undefined;
  const value = policy === 'capped' ? Decimal.min(midpoint(r), ONE) : midpoint(r);
  return rateFinding(sheet, slot, value, 'rate.ratio', { num: describe(num), den: describe(den) });
}

function amountFindings(table: AmountTable, ctx: CheckContext): Finding[] {
  const sheet = ctx.view.name;
  const precision = amountPrecision(table);
  const policy = ctx.profile.capRates;
  const out: Finding[] = [];
  const total = table.rows.find((r) => r.depth === 0);
  for (const row of table.rows) {
    const v = row.values;
    const f = judgeAmountRatio(sheet, v.rate, v.spent, v.budget, precision, policy);
    if (f) out.push(f);
    if (v.share && total) {
      const role = total.values.spent ? 'spent' : 'budget';
      const s = judgeAmountRatio(sheet, v.share, v[role], total.values[role], precision, 'uncapped');
      if (s) out.push(s);
    }
  }
  return out;
}

export const rate: Check = {
  id: 'rate',
  severity: 'error',
  run(table, ctx) {
    if (table.type === 'amounts') return amountFindings(table, ctx);
    return [...completionFindings(table, ctx), ...scoreRateFindings(table, ctx.view.name, ctx.profile)];
  },
};
