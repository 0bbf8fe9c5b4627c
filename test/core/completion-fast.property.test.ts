/**
 * Completion (met or missed, the ratio, how a printed rate fits) and the
 * score comparisons look at floats first and go to Decimal only when floats
 * are too close to call (completion.ts, precision.ts). Whatever they decide
 * must be what the exact rules of docs/domain.md §4, written here in Decimal alone, say
 * — most of all where actual, target and rate sit on each other's edges.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { completionOf, rateFit, type RateFit } from '../../src/core/checks/shared/completion';
import { around, capAt, exactly, overlaps, ratio, type Interval } from '../../src/core/arithmetic/interval';
import { parseTypedText, readCellValue } from '../../src/core/values/parse-typed-value';
import { compareValues, signOf } from '../../src/core/arithmetic/precision';
import type { TypedNumber } from '../../src/core/values/typed-value';

const ONE = new Decimal(1);

function asNumber(n: ReturnType<typeof parseTypedText>): TypedNumber {
  if (n.kind !== 'number') throw new Error(`not a number: ${JSON.stringify(n)}`);
  return n;
}

/** Shown digits: an integer and how many of them are decimals. */
const digits = fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 4 }));
const shown = ([n, places]: [number, number]) => new Decimal(n).div(new Decimal(10).pow(places)).toFixed(places);

const OPS = ['', '≥', '>', '≤', '<', '不低于', '不超过'];
const UNITS = ['', '%', '万', '人'];

/** A target and an actual in the same unit, the actual often equal to the target or a digit or two away. */
const targetAndActual = fc
  .tuple(
    digits,
    fc.constantFrom(...OPS),
    fc.constantFrom(...UNITS),
    fc.constantFrom(-2, -1, 0, 0, 1, 2),
    fc.integer({ min: 0, max: 2 }),
    digits,
    fc.boolean(),
  )
  .map(([t, op, unit, delta, morePlaces, other, near]) => {
    const [n, places] = t;
    const a: [number, number] = near ? [Math.max(0, n * 10 ** morePlaces + delta), places + morePlaces] : other;
    return {
      target: asNumber(parseTypedText(`${op}${shown(t)}${unit}`)),
      actual: asNumber(parseTypedText(`${shown(a)}${unit}`)),
    };
  });

/** The precision rule of docs/domain.md §3 for targets and actuals (a bound is an exact threshold), and the exact intervals, written out again. */
const exactInterval = (n: TypedNumber): Interval =>
  n.op === 'eq' && (n.percent || n.scale > 1) ? around(n.value, n.step.div(2)) : exactly(n.value);

function exactMet(target: TypedNumber, actual: TypedNumber): boolean | undefined {
  const t = exactInterval(target);
  const a = exactInterval(actual);
  switch (target.op) {
    case 'gt':
      return a.lo.gt(t.hi) ? true : a.hi.lte(target.value) ? false : undefined;
    case 'lt':
      return a.hi.lt(t.lo) ? true : a.lo.gte(target.value) ? false : undefined;
    case 'le':
      return a.hi.lte(t.hi) ? true : a.lo.gt(t.hi) ? false : undefined;
    default:
      return a.lo.gte(t.lo) ? true : a.hi.lt(t.lo) ? false : undefined;
  }
}

function exactFit(reported: Interval, r: Interval, met: boolean | undefined, percentOrLower: boolean): RateFit {
  if (met && percentOrLower && overlaps(reported, exactly(ONE))) return 'ok';
  const plain = overlaps(reported, r);
  const capped = overlaps(reported, capAt(r, ONE));
  if (plain && capped) return 'ok';
  if (capped) return 'capped';
  if (plain) return r.lo.gt(ONE) ? 'uncapped' : 'ok';
  return 'wrong';
}

describe('float first looks agree with the exact rules', () => {
  it('met, missed or open; the ratio; and how a printed rate near the ratio fits', () => {
    let computed = 0;
    fc.assert(
      fc.property(
        targetAndActual,
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        ({ target, actual }, nudge, places) => {
          const c = completionOf(target, actual);
          if (typeof c === 'string') return;
          computed++;
          expect(c.met).toBe(exactMet(target, actual));
          const lower = !['ge', 'gt', 'eq'].includes(target.op);
          const [num, den] = lower ? [target, actual] : [actual, target];
          const r = ratio(exactInterval(num), exactInterval(den));
          if (!r) return; // the zero-base case completionOf answers without a ratio
          expect(c.ratio.lo.eq(r.lo) && c.ratio.hi.eq(r.hi)).toBe(true);
          // A printed rate at the ratio's midpoint (or at 100%), rounded to `places` and nudged by a digit or so.
          const base = nudge % 2 === 0 ? r.lo.plus(r.hi).div(2) : ONE;
          const printed = base
            .times(100)
            .toDecimalPlaces(places)
            .plus(new Decimal(nudge).times(new Decimal(10).pow(-places)));
          const rate = asNumber(parseTypedText(`${printed.toFixed(places)}%`));
          expect(rateFit(rate, c)).toBe(exactFit(exactInterval(rate), r, c.met, target.percent || lower));
        },
      ),
      { numRuns: 10_000, endOnFailure: true },
    );
    expect(computed).toBeGreaterThan(3000); // most draws reach a ratio, not a refusal
  });

  it('score against weight, and signs, for stored doubles and typed texts', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => readCellValue({ value: x })),
      fc.tuple(digits, fc.boolean()).map(([d, neg]) => parseTypedText(`${neg ? '-' : ''}${shown(d)}`)),
    );
    /** b made from a: the same float stored, the same float plus noise, or more digits than a float holds. */
    const SAME = [
      (a: TypedNumber, k: number) => readCellValue({ value: k * a.approx }),
      (a: TypedNumber, k: number) => readCellValue({ value: k * a.approx + 0.1 + 0.2 - 0.3 }),
      (a: TypedNumber, k: number) => parseTypedText(`${(k * a.approx).toFixed(2)}000000000000000001`),
    ];
    fc.assert(
      fc.property(value, value, fc.constantFrom(1 as const, -1 as const), fc.constantFrom(-1, 0, 1, 2), (x, y, k, same) => {
        const a = asNumber(x);
        const b = same >= 0 ? asNumber(SAME[same](a, k)) : asNumber(y);
        expect(compareValues(a, b, k)).toBe(a.value.comparedTo(k === 1 ? b.value : b.value.neg()));
        expect(signOf(a)).toBe(a.value.comparedTo(0));
      }),
      { numRuns: 10_000, endOnFailure: true },
    );
  });
});
