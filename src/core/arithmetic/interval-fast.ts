/**
 * A first look in binary floats at the comparisons every row makes, so that
 * the clear cases — nearly all of them — skip Decimal arithmetic. It answers
 * only when the answer cannot depend on float rounding: the gap between the
 * intervals must be farther from the noise allowance (interval.ts NOISE)
 * than any float error could reach. Otherwise it says "undecided" and the
 * caller does the exact Decimal comparison, so verdicts never change.
 */
import type { Precision } from './precision';
import type { TypedNumber } from '../values/typed-value';

export interface FloatInterval {
  lo: number;
  hi: number;
}

/** interval.ts forgives differences below this relative size (float noise in stored values). */
const NOISE = 1e-9;
/**
 * Float error allowed, relative to the magnitudes involved: a stored value's
 * float differs from its Decimal by under 1e-15, and a sum of up to
 * MAX_TERMS terms or a ratio adds a few more ulps — far below this.
 */
const FLOAT_ERROR = 1e-12;
export const MAX_TERMS = 1_000;

export function approxInterval(n: TypedNumber, precision: Precision): FloatInterval {
  if (precision === 'exact' || n.formula) return { lo: n.approx, hi: n.approx };
  const half = n.approxStep / 2;
  return { lo: n.approx - half, hi: n.approx + half };
}

/** a ÷ b for a ≥ 0 and b > 0 only; undefined otherwise (the caller goes exact). */
export function approxRatio(a: FloatInterval, b: FloatInterval): FloatInterval | undefined {
  if (!(a.lo >= 0 && b.lo > 0)) return undefined;
  return { lo: a.lo / b.hi, hi: a.hi / b.lo };
}

export function approxCap(iv: FloatInterval, cap: number): FloatInterval {
  return { lo: Math.min(iv.lo, cap), hi: Math.min(iv.hi, cap) };
}

function size(iv: FloatInterval): number {
  return Math.max(Math.abs(iv.lo), Math.abs(iv.hi));
}

/**
 * Whether the intervals meet, as interval.ts `overlaps` would say — or
 * undefined when floats cannot tell. `magnitude` is the largest absolute
 * value that went into either side (a sum's parts), which bounds its error.
 */
export function approxOverlaps(a: FloatInterval, b: FloatInterval, magnitude = 0): boolean | undefined {
  const gap = Math.max(a.lo, b.lo) - Math.min(a.hi, b.hi);
  const allowance = NOISE * (size(a) + size(b));
  const error = FLOAT_ERROR * Math.max(size(a), size(b), magnitude);
  if (!Number.isFinite(gap) || !Number.isFinite(error)) return undefined;
  if (gap + error <= allowance) return true;
  if (gap - error > allowance) return false;
  return undefined;
}

/**
 * a against b (−1 or 1), or undefined when they are too close for floats to
 * tell. `scale` is the largest magnitude that went into either (bounds the error).
 */
export function approxCompare(a: number, b: number, scale = Math.max(Math.abs(a), Math.abs(b))): -1 | 1 | undefined {
  const d = a - b;
  const error = FLOAT_ERROR * scale;
  if (!Number.isFinite(d) || !Number.isFinite(error)) return undefined;
  if (d > error) return 1;
  if (d < -error) return -1;
  return undefined;
}
