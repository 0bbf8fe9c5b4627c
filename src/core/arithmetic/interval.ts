/**
 * Rounding-aware arithmetic (docs/domain.md §4 "Compare intervals, not points"):
 * a printed value stands for every true value that rounds to it, so sums and
 * ratios are pushed through as closed intervals and a reported value is
 * wrong only when its own interval cannot meet the recomputed one.
 */
import Decimal from 'decimal.js';

export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

export const ZERO = new Decimal(0);

/** Binary floating point noise below this relative size is not a difference (docs/domain.md §3). */
export const NOISE = new Decimal('1e-9');

export function exactly(value: Decimal): Interval {
  return { lo: value, hi: value };
}

/** `value ± halfWidth`. */
export function around(value: Decimal, halfWidth: Decimal): Interval {
  return { lo: value.minus(halfWidth), hi: value.plus(halfWidth) };
}

export function midpoint(iv: Interval): Decimal {
  return iv.lo.plus(iv.hi).div(2);
}

export function sumIntervals(parts: readonly Interval[]): Interval {
  let lo = ZERO;
  let hi = ZERO;
  for (const p of parts) {
    lo = lo.plus(p.lo);
    hi = hi.plus(p.hi);
  }
  return { lo, hi };
}

export function negate(iv: Interval): Interval {
  return { lo: iv.hi.neg(), hi: iv.lo.neg() };
}

export function minus(a: Interval, b: Interval): Interval {
  return sumIntervals([a, negate(b)]);
}

function hull(values: Decimal[]): Interval {
  return { lo: Decimal.min(...values), hi: Decimal.max(...values) };
}

export function times(a: Interval, b: Interval): Interval {
  return hull([a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)]);
}

/** a ÷ b; undefined when b's interval touches zero (no finite answer). */
export function ratio(a: Interval, b: Interval): Interval | undefined {
  if (b.lo.lte(0) && b.hi.gte(0)) return undefined;
  return hull([a.lo.div(b.lo), a.lo.div(b.hi), a.hi.div(b.lo), a.hi.div(b.hi)]);
}

/** min(x, cap) for every x in the interval. */
export function capAt(iv: Interval, cap: Decimal): Interval {
  return { lo: Decimal.min(iv.lo, cap), hi: Decimal.min(iv.hi, cap) };
}

/** Widened by float noise relative to its size. */
function withNoise(iv: Interval): Interval {
  const size = Decimal.max(iv.lo.abs(), iv.hi.abs());
  const eps = size.times(NOISE);
  return { lo: iv.lo.minus(eps), hi: iv.hi.plus(eps) };
}

/** True when some value lies in both intervals (float noise forgiven). */
export function overlaps(a: Interval, b: Interval): boolean {
  const x = withNoise(a);
  const y = withNoise(b);
  return x.lo.lte(y.hi) && y.lo.lte(x.hi);
}

export function contains(iv: Interval, value: Decimal): boolean {
  return overlaps(iv, exactly(value));
}

/** The part of `a` that also lies in `b`, or undefined when they do not meet. */
export function intersect(a: Interval, b: Interval): Interval | undefined {
  if (!overlaps(a, b)) return undefined;
  const lo = Decimal.max(a.lo, b.lo);
  const hi = Decimal.min(a.hi, b.hi);
  return lo.lte(hi) ? { lo, hi } : { lo: hi, hi: lo };
}
