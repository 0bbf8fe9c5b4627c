/**
 * A number's exact value is built lazily from its literal (shown-number.ts);
 * counting a stored double's decimals without Decimal must count them as
 * Decimal does, or precision and every rounding interval would change.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { readCellValue } from '../../src/core/values/parse-typed-value';
import { decimalPlacesOf, storedLiteral, withFields } from '../../src/core/values/shown-number';

describe('decimalPlacesOf', () => {
  it.each([
    ['0.957200000000000', 4],
    ['1.50000000000000e-7', 8],
    ['1.2e3', 0],
    ['100e-2', 0],
    ['120e-2', 1],
    ['10.0', 0],
    ['-0.05', 2],
    ['0.00000000000000', 0],
    ['-0e-4', 0],
    ['123456789012345', 0],
    ['1.23456789012346e+21', 0],
  ])('%s has %i decimal places', (literal, places) => {
    expect(decimalPlacesOf(literal)).toBe(places);
    expect(new Decimal(literal).decimalPlaces()).toBe(places);
  });

  it("agrees with Decimal's count for every stored double as read (15 significant digits)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const literal = n.toPrecision(15);
        expect(decimalPlacesOf(literal)).toBe(new Decimal(literal).decimalPlaces());
      }),
      { numRuns: 10_000, endOnFailure: true },
    );
  });
});

describe('storedLiteral', () => {
  it.each([
    [0.9572000000000001, '0.9572'],
    [0.1 + 0.2, '0.3'],
    [100, '100'],
    [1e21, '1e+21'],
    [-1.5e-7, '-1.5e-7'],
    [5e-324, '4.94065645841247e-324'],
  ])('reads %p as %s', (n, literal) => {
    expect(new Decimal(storedLiteral(n)).eq(literal)).toBe(true);
  });

  it('is the 15-significant-digit decimal for every double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(new Decimal(storedLiteral(n)).eq(new Decimal(n.toPrecision(15)))).toBe(true);
        expect(decimalPlacesOf(storedLiteral(n))).toBe(new Decimal(n.toPrecision(15)).decimalPlaces());
      }),
      { numRuns: 10_000, endOnFailure: true },
    );
  });
});

describe('a number read from a cell', () => {
  it('builds its exact value from the cleaned digits, and −0 is 0', () => {
    const v = readCellValue({ value: 0.1 + 0.2 });
    expect(v.kind === 'number' && v.value.toString()).toBe('0.3');
    const z = readCellValue({ value: -0 });
    expect(z.kind === 'number' && Object.is(z.value.toNumber(), 0) && z.approx).toBe(0);
  });

  it('keeps value and step when its op or formula flag is changed', () => {
    const v = readCellValue({ value: '13.02万' });
    if (v.kind !== 'number') throw new Error('not a number');
    const eq = withFields(v, { op: 'eq', formula: true });
    expect([eq.op, eq.formula, eq.value.toString(), eq.step.toString(), eq.decimals, eq.unit]).toEqual([
      'eq',
      true,
      '130200',
      '100',
      2,
      '',
    ]);
    expect(v.formula).toBeUndefined();
  });
});
