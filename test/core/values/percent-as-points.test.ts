/** A weight in percent of a 100-point full mark as points (docs/domain.md §2 C), exact and with its precision. */
import { parseTypedText, readCellValue } from '../../../src/core/values/parse-typed-value';
import { percentOfHundredAsPoints } from '../../../src/core/values/shown-number';
import type { TypedNumber, TypedValue } from '../../../src/core/values/typed-value';

function asNumber(v: TypedValue): TypedNumber {
  if (v.kind !== 'number') throw new Error(`not a number: ${v.kind}`);
  return v;
}

describe('percentOfHundredAsPoints', () => {
  it.each([
    ['5%', '5', 0, '1'],
    ['2.5%', '2.5', 1, '0.1'],
    ['100%', '100', 0, '1'],
    ['12.25%', '12.25', 2, '0.01'],
  ])('typed %s → %s points, %i decimals, step %s', (typed, points, decimals, step) => {
    const p = percentOfHundredAsPoints(asNumber(parseTypedText(typed)));
    expect([p.value.toString(), p.decimals, p.step.toString(), p.percent, p.unit]).toEqual([points, decimals, step, false, '']);
    expect(p.approx).toBe(Number(points));
  });

  it('a stored fraction in a percent format: 0.025 shown 2.5% is 2.5 points', () => {
    const p = percentOfHundredAsPoints(asNumber(readCellValue({ value: 0.025, numFmt: '0.0%' })));
    expect([p.value.toString(), p.decimals, p.fromText]).toEqual(['2.5', 1, false]);
  });

  it('keeps the other fields: a text weight stays a text weight (its text-number warning)', () => {
    const p = percentOfHundredAsPoints(asNumber(parseTypedText('10%')));
    expect([p.op, p.fromText, p.scale]).toEqual(['eq', true, 1]);
  });
});
