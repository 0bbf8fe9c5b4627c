import Decimal from 'decimal.js';
import fc from 'fast-check';
import { around, capAt, exactly, intersect, overlaps, ratio, sumIntervals, times } from '../../src/core/arithmetic/interval';

const d = (x: string | number) => new Decimal(x);
const shown = (value: string, step: string) => around(d(value), d(step).div(2));

describe('known cases from the fixtures', () => {
  it('75.27% is reachable from 3.51 ÷ 4.66 (inputs 3.505–3.515 over 4.655–4.665)', () => {
    const computed = ratio(shown('3.51', '0.01'), shown('4.66', '0.01'))!;
    expect(overlaps(computed, shown('0.7527', '0.0001'))).toBe(true);
  });

  it('82.37% is not reachable from 33,339,674.47 ÷ 40,297,999.76 (cent amounts are exact)', () => {
    const computed = ratio(exactly(d('33339674.47')), exactly(d('40297999.76')))!;
    expect(overlaps(computed, shown('0.8237', '0.0001'))).toBe(false);
    expect(overlaps(computed, shown('0.8273', '0.0001'))).toBe(true);
  });

  it('97.55% is reachable from 1,498.64 ÷ 1,536.20 万元 (97.5550%)', () => {
    const computed = ratio(shown('1498.64', '0.01'), shown('1536.20', '0.01'))!;
    expect(overlaps(computed, shown('0.9755', '0.0001'))).toBe(true);
  });

  it('98.85% is not reachable from 898.66 ÷ 1,000.22 万元 (89.85%)', () => {
    const computed = ratio(shown('898.66', '0.01'), shown('1000.22', '0.01'))!;
    expect(overlaps(computed, shown('0.9885', '0.0001'))).toBe(false);
  });

  it('a sum of n rounded amounts may miss the printed total by (n+1)·½ unit', () => {
    const parts = ['1.01', '2.01', '3.01'].map((x) => shown(x, '0.01'));
    const total = sumIntervals(parts);
    expect(overlaps(total, shown('6.05', '0.01'))).toBe(true); // 6.03 + 4 half-units
    expect(overlaps(total, shown('6.06', '0.01'))).toBe(false);
  });

  it('48 is not 47, whatever the decimals, when both are exact', () => {
    expect(overlaps(exactly(d(48)), sumIntervals([exactly(d(40)), exactly(d(7))]))).toBe(false);
  });

  it('forgives binary floating point noise', () => {
    expect(overlaps(exactly(d('0.9572000000000001')), exactly(d('0.9572')))).toBe(true);
  });
});

describe('edge cases', () => {
  it('has no ratio over a base that may be zero', () => {
    expect(ratio(exactly(d(0)), exactly(d(0)))).toBeUndefined();
    expect(ratio(exactly(d(1)), shown('0', '0.01'))).toBeUndefined();
  });

  it('divides by negative bases and caps', () => {
    const r = ratio(exactly(d(-2)), exactly(d(-4)))!;
    expect(r.lo.toString()).toBe('0.5');
    expect(capAt(exactly(d('1.4')), d(1)).hi.toString()).toBe('1');
    expect(capAt(exactly(d('0.4')), d(1)).hi.toString()).toBe('0.4');
  });

  it('multiplies signed intervals', () => {
    const p = times({ lo: d(-1), hi: d(2) }, { lo: d(3), hi: d(4) });
    expect([p.lo.toNumber(), p.hi.toNumber()]).toEqual([-4, 8]);
  });

  it('intersects', () => {
    expect(intersect(exactly(d(1)), exactly(d(2)))).toBeUndefined();
    const i = intersect({ lo: d(1), hi: d(3) }, { lo: d(2), hi: d(5) })!;
    expect([i.lo.toNumber(), i.hi.toNumber()]).toEqual([2, 3]);
  });
});

describe('properties', () => {
  const amount = fc.integer({ min: 1, max: 10_000_000 }).map((cents) => d(cents).div(100));

  it('the exact ratio of the unrounded inputs lies in the ratio of their rounded intervals', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 2 }), (a, b, decimals) => {
        const step = d(10).pow(-decimals);
        const ra = a.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
        const rb = b.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
        const iv = ratio(around(ra, step.div(2)), around(rb, step.div(2)));
        if (!iv) return rb.isZero() || rb.minus(step.div(2)).lte(0);
        const exact = a.div(b);
        return exact.gte(iv.lo.minus(1e-12)) && exact.lte(iv.hi.plus(1e-12));
      }),
      { numRuns: 2000 },
    );
  });

  it('the exact sum of unrounded parts lies in the sum of their rounded intervals', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), (parts) => {
        const rounded = parts.map((p) => around(p.toDecimalPlaces(0, Decimal.ROUND_HALF_UP), d('0.5')));
        const iv = sumIntervals(rounded);
        const exact = parts.reduce((s, p) => s.plus(p), d(0));
        return exact.gte(iv.lo) && exact.lte(iv.hi);
      }),
      { numRuns: 2000 },
    );
  });
});
