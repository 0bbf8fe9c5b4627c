/**
 * Which printed numbers are rounded results and which are exact (docs/domain.md §3):
 * rates, percentages and amounts in a scaled unit stand for ±½ of their last
 * shown digit; weights, scores and 元 amounts with cents are exact; a formula
 * result is compared by what it stores.
 */
import Decimal from 'decimal.js';
import { around, exactly, type Interval } from './interval';
import { approxCompare } from './interval-fast';
import type { AmountTable, Slot } from '../layout/tables';
import type { TypedNumber } from '../values/typed-value';

export type Precision = 'exact' | 'rounded';

export function numberOf(slot: Slot | undefined): TypedNumber | undefined {
  return slot && slot.value.kind === 'number' ? slot.value : undefined;
}

/**
 * A number's rounding interval, made once: every check reads the same cells
 * as intervals, and three Decimal operations per read showed in profiles.
 * (Intervals are never mutated; numbers are parsed once per SheetView.)
 */
const roundedIntervals = new WeakMap<TypedNumber, Interval>();

export function intervalOfNumber(n: TypedNumber, precision: Precision): Interval {
  if (precision === 'exact' || n.formula) return exactly(n.value);
  let iv = roundedIntervals.get(n);
  if (!iv) {
    iv = around(n.value, n.step.div(2));
    roundedIntervals.set(n, iv);
  }
  return iv;
}

/** The slot's value as an interval, or undefined when it holds no number. */
export function intervalOf(slot: Slot | undefined, precision: Precision): Interval | undefined {
  const n = numberOf(slot);
  return n ? intervalOfNumber(n, precision) : undefined;
}

/** 元 with cents are exact; 万元 and unstated units are rounded to their shown decimals (docs/domain.md §3). */
export function amountPrecision(table: AmountTable): Precision {
  return table.unit === 'yuan' ? 'exact' : 'rounded';
}

/**
 * A target or actual: counts are exact unless scaled (13.02万) or a
 * percentage. A bound (≥92%, 不低于1.8万人) is a threshold someone set, not
 * a rounded result: 91.5% misses ≥92% even at 91.55%.
 */
export function indicatorPrecision(n: TypedNumber): Precision {
  return n.op === 'eq' && (n.percent || n.scale > 1) ? 'rounded' : 'exact';
}

/** The sign of a − k·b (k = 1 or −1): floats first, Decimal only when they are too close to tell. */
export function compareValues(a: TypedNumber, b: TypedNumber, k: 1 | -1 = 1): number {
  if (a.approx === k * b.approx && a.approxIsUnique && b.approxIsUnique) return 0; // a full score: score = weight
  return approxCompare(a.approx, k * b.approx) ?? a.value.comparedTo(k === 1 ? b.value : b.value.neg());
}

/** −1, 0 or 1; a nonzero float is never a zero value, so only a float zero is looked at exactly. */
export function signOf(n: TypedNumber): number {
  return n.approx !== 0 ? Math.sign(n.approx) : n.value.comparedTo(0);
}

export const ONE = new Decimal(1);
