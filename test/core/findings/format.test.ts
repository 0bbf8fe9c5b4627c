/** How numbers and cells are written back to people (issue 15: messages a clerk reads at a glance). */
import Decimal from 'decimal.js';
import { formatCellList, formatRate, groupDigits } from '../../../src/core/findings/format';
import { SheetView } from '../../../src/core/grid/sheet-view';
import { buildSheet, pct } from '../checks/rule-tester';

const view = new SheetView(buildSheet('表', [[1, pct(0.2), pct(0.2, '0%'), 0.95]]));
const slots = (...addresses: string[]) =>
  addresses.map((a) => ({ row: 0, col: 0, address: a, value: { kind: 'blank' as const } }));

describe('groupDigits', () => {
  it.each([
    ['33339674.47', '33,339,674.47'],
    ['4196.28', '4,196.28'],
    ['-1234567', '-1,234,567'],
    ['999.99', '999.99'],
    ['97.38', '97.38'],
    ['82.73%', '82.73%'],
    ['2022年', '2022年'],
  ])('%s → %s', (text, shown) => expect(groupDigits(text)).toBe(shown));
});

describe('formatCellList names every cell a reader must find', () => {
  it.each([
    [['D11'], 'D11'],
    [['F11', 'F12', 'F13'], 'F11:F13'],
    [['C6', 'D6', 'E6'], 'C6:E6'],
    [['H11', 'H12', 'I20', 'I21'], 'H11:H12, I20:I21'],
    [['B3', 'B5', 'B9'], 'B3, B5, B9'],
    [['A1', 'A3', 'A5', 'A7', 'A9', 'A11'], 'A1, A3, A5 … A11 (6)'],
  ])('%j → %s', (addresses, shown) => expect(formatCellList(slots(...addresses))).toBe(shown));
});

describe('formatRate', () => {
  it('a rate cell shown as a percentage keeps its decimals', () => {
    expect(formatRate(view.slot(0, 1), new Decimal('0.8045'))).toBe('80.45%');
    expect(formatRate(view.slot(0, 2), new Decimal('1.0622'))).toBe('106%');
  });

  it('a rate typed as a bare 1 is told its percentage, never “1” or “0”', () => {
    expect(formatRate(view.slot(0, 0), new Decimal('0.80450'))).toBe('80.45%');
  });

  it('a rate typed as a fraction with two decimals keeps that style', () => {
    expect(formatRate(view.slot(0, 3), new Decimal('0.8045'))).toBe('0.80');
  });
});
