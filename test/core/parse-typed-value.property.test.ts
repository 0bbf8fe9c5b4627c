/**
 * Properties of typed-value reading (docs/domain.md §3): it never throws, whatever a
 * sheet holds, and the ways people write a number (thousands separators,
 * full-width digits, a trailing %) never change its value or precision.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { Cell } from '../../src/core/grid/grid';
import { numbersInNarrative } from '../../src/core/values/narrative-numbers';
import { parseTypedText, readCellValue } from '../../src/core/values/parse-typed-value';

const RUNS = 10_000;

/** Fragments that reach every branch: digits, separators, scales, units, operator words. */
const typedFragment = fc.constantFrom(
  '0',
  '1',
  '5',
  '12',
  '2022',
  '.',
  ',',
  '，',
  ' ',
  '\u3000',
  '\n',
  '%',
  '％',
  '‰',
  '-',
  '－',
  '−',
  '+',
  '=',
  '万',
  '亿',
  '多',
  '余',
  '人次',
  '个',
  '个月',
  'M',
  'G',
  'Mbps',
  '天',
  '日',
  '年',
  '月',
  '内',
  '以上',
  '以下',
  '以内',
  '(含)',
  '（不含）',
  '不低于',
  '低于',
  '达',
  '达到',
  '超过',
  '不满',
  '≥',
  '>=',
  '＞＝',
  '<',
  '$',
  '\\geq',
  '\\le',
  '{',
  '}',
  '(',
  ')',
  '（',
  '）',
  '/',
  '*',
  '第',
  '前',
  '约',
  '无',
  '左右',
  '热线',
  'IPv',
  '优秀',
  '２',
  '９',
);
const typedText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(typedFragment, { maxLength: 12 }).map((parts) => parts.join('')),
);

const numberFormat = fc.oneof(
  fc.constantFrom(
    '0.00%',
    '0%',
    '#,##0.00',
    '0.0',
    'General',
    '@',
    'yyyy-mm-dd',
    '0"人"',
    '#,##0;[Red]-#,##0',
    '"a;b"0.00',
    '[$-804]0.00',
  ),
  fc.string({ maxLength: 20 }),
);
const arbitraryCell: fc.Arbitrary<Cell | undefined> = fc.option(
  fc.record(
    {
      value: fc.oneof(
        fc.double(),
        fc.integer(),
        typedText,
        fc.boolean(),
        fc.constant(null),
        fc.record({ error: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!') }),
      ),
      formula: fc.string({ maxLength: 10 }),
      numFmt: numberFormat,
      text: fc.string({ maxLength: 10 }),
    },
    { requiredKeys: ['value'] },
  ),
  { nil: undefined },
);

describe('never throws', () => {
  it('parseTypedText on arbitrary strings', () => {
    fc.assert(
      fc.property(typedText, (s) => {
        const v = parseTypedText(s);
        expect(['number', 'qualitative', 'blank']).toContain(v.kind);
      }),
      { numRuns: RUNS },
    );
  });

  it('readCellValue on arbitrary cells', () => {
    fc.assert(
      fc.property(arbitraryCell, (cell) => {
        const v = readCellValue(cell);
        expect(['number', 'qualitative', 'blank', 'error']).toContain(v.kind);
      }),
      { numRuns: RUNS },
    );
  });

  it('numbersInNarrative on arbitrary strings', () => {
    fc.assert(
      fc.property(typedText, (s) => {
        expect(Array.isArray(numbersInNarrative(s))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

/** A decimal number written plainly: sign, integer digits, d fraction digits. */
const decimalNumber = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.stringMatching(/^\d{0,8}$/))
  .map(([negative, integer, fraction]) => ({
    plain: `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`,
    decimals: fraction.length,
  }));

function withThousandsSeparators(plain: string): string {
  return plain.replace(/^(-?)(\d+)/, (_, sign: string, digits: string) => sign + digits.replace(/\B(?=(\d{3})+$)/g, ','));
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9.,%-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

describe('writing a number differently does not change it', () => {
  const writings: Array<readonly [string, (plain: string) => string, boolean]> = [
    ['as is', (p) => p, false],
    ['with thousands separators', withThousandsSeparators, false],
    ['in full-width digits', toFullWidth, false],
    ['with a trailing %', (p) => `${p}%`, true],
    ['with a trailing ％', (p) => `${p}％`, true],
    ['separated, full-width, with %', (p) => toFullWidth(`${withThousandsSeparators(p)}%`), true],
  ];

  it.each(writings)('%s', (_name, write, percent) => {
    fc.assert(
      fc.property(decimalNumber, ({ plain, decimals }) => {
        const v = parseTypedText(write(plain));
        expect(v.kind).toBe('number');
        if (v.kind !== 'number') return;
        // Built with an exponent, not div(100): Decimal rounds arithmetic to 20 digits.
        const expected = new Decimal(percent ? `${plain}e-2` : plain);
        expect(v.value.equals(expected)).toBe(true);
        expect(v.decimals).toBe(decimals);
        expect(v.step.equals(new Decimal(`1e${-decimals - (percent ? 2 : 0)}`))).toBe(true);
        expect(v.percent).toBe(percent);
        expect(v.op).toBe('eq');
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('stored numbers', () => {
  it('keep their value to 15 significant digits (binary noise only is cleaned)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const v = readCellValue({ value: x });
        expect(v.kind).toBe('number');
        if (v.kind !== 'number') return;
        expect(v.value.toNumber()).toBeCloseTo(x === 0 ? 0 : Number(x.toPrecision(15)), 10);
        expect(v.decimals).toBeGreaterThanOrEqual(v.value.decimalPlaces());
      }),
      { numRuns: RUNS },
    );
  });
});
