/**
 * The float first look (interval-fast.ts) may say "undecided", but whenever
 * it decides it must agree with the exact Decimal comparison (interval.ts) —
 * in particular next to the boundary, where binary floats round.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { approxOverlaps, approxRatio, type FloatInterval } from '../../src/core/arithmetic/interval-fast';
import { around, overlaps, ratio, type Interval } from '../../src/core/arithmetic/interval';

/** A decimal with up to 15 significant digits, as cells hold them, and its half-step. */
const decimal = fc
  .tuple(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }))
  .map(([digits, places, halfStepPlaces]) => {
    const value = new Decimal(digits).div(new Decimal(10).pow(places));
    const half = halfStepPlaces === 0 ? new Decimal(0) : new Decimal(10).pow(-(places + halfStepPlaces - 1)).div(2);
    return { value, half };
  });

function both(x: { value: Decimal; half: Decimal }): [Interval, FloatInterval] {
  const exact = around(x.value, x.half);
  return [exact, { lo: exact.lo.toNumber(), hi: exact.hi.toNumber() }];
}

/** A second value at or right next to the first one's edge: where floats could mislead. */
const nearEdge = fc.tuple(decimal, fc.constantFrom(-2, -1, 0, 1, 2), fc.integer({ min: 5, max: 16 })).map(([x, dir, exp]) => {
  const edge = x.value.plus(x.half);
  const nudge = new Decimal(dir).times(edge.abs().plus(1)).times(new Decimal(10).pow(-exp));
  return [x, { value: edge.plus(nudge), half: new Decimal(0) }] as const;
});

describe('the float first look agrees with Decimal whenever it decides', () => {
  it('for arbitrary intervals', () => {
    fc.assert(
      fc.property(decimal, decimal, (x, y) => {
        const [ex, fx] = both(x);
        const [ey, fy] = both(y);
        const quick = approxOverlaps(fx, fy);
        return quick === undefined || quick === overlaps(ex, ey);
      }),
      { numRuns: 10_000, endOnFailure: true },
    );
  });

  it('for values at the edge of an interval, nudged by 1e-5 down to 1e-16 of their size', () => {
    let decided = 0;
    fc.assert(
      fc.property(nearEdge, ([x, y]) => {
        const [ex, fx] = both(x);
        const [ey, fy] = both(y);
        const quick = approxOverlaps(fx, fy);
        if (quick !== undefined) decided++;
        return quick === undefined || quick === overlaps(ex, ey);
      }),
      { numRuns: 10_000, endOnFailure: true },
    );
    expect(decided).toBeGreaterThan(1000); // it does decide most of them, not only dodge
  });

  it('for ratios of positive amounts against a printed rate', () => {
    fc.assert(
      fc.property(decimal, decimal, decimal, (a, b, r) => {
        const [ea, fa] = both({ value: a.value.abs(), half: a.half });
        const [eb, fb] = both({ value: b.value.abs().plus(1), half: b.half });
        const [er, fr] = both({ value: r.value.abs().div(1e6), half: r.half });
        const quickRatio = approxRatio(fa, fb);
        const exactRatio = ratio(ea, eb);
        if (!quickRatio || !exactRatio) return true;
        const quick = approxOverlaps(fr, quickRatio);
        return quick === undefined || quick === overlaps(er, exactRatio);
      }),
      { numRuns: 10_000, endOnFailure: true },
    );
  });
});
