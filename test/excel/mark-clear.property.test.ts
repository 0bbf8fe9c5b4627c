/**
 * Mark then Clear restores every cell exactly (issue 6), as a property on
 * the Office.js double: random sheets (values, formulas, number formats, the
 * user's own formatting, notes or comments, conditional formats), random
 * findings of every severity, on ExcelApi with notes (1.18+) and with
 * comments only (1.10–1.17), with the user's own rules, some of the kind
 * Excel cannot read (office-js #6827, #6835). The example-based cases stay
 * in excel-host.test.ts and office-limits.test.ts.
 */
import fc from 'fast-check';
import type { Finding, Severity, WorkbookResult } from '../../src/core';
import type { Sheet } from '../../src/core';
import { rangeToA1, toA1 } from '../../src/core';
import { OfficeExcelHost } from '../../src/excel/excel-host';
import { FakeExcel, type FakeCell } from './fake-excel';

const cell: fc.Arbitrary<FakeCell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      value: fc.oneof(
        fc.integer({ min: -100, max: 100 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string({ maxLength: 6 }),
        fc.boolean(),
      ),
      numberFormat: fc.constantFrom('General', '0.00%', '#,##0.00', '@'),
      format: fc.record({ fill: fc.constantFrom('#FFFF00', '#C6EFCE', 'none'), bold: fc.boolean() }),
    },
    { requiredKeys: ['value'] },
  ),
);

const severity = fc.constantFrom<Severity>('error', 'warning', 'info');

const scenario = fc.record({
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
  notes: fc.uniqueArray(fc.tuple(fc.nat(7), fc.nat(5)), { maxLength: 4, selector: ([r, c]) => `${r},${c}` }),
  marks: fc.uniqueArray(fc.tuple(fc.nat(7), fc.nat(5), severity), {
    minLength: 1,
    maxLength: 10,
    selector: ([r, c]) => `${r},${c}`,
  }),
  api: fc.constantFrom('1.20', '1.12'),
  userRule: fc.boolean(),
  /** A rule Excel fails to read, over a random rectangle: [top, left, height, width]. */
  awkwardRule: fc.option(fc.tuple(fc.nat(7), fc.nat(5), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), {
    nil: undefined,
  }),
});

function finding(cell: string, severity: Severity): Finding {
  return {
    sheet: 'Sheet1',
    cell,
    rule: 'score-sum',
    severity,
    found: '1',
    expected: '2',
    message: { 'zh-CN': `${cell} 应为 2`, 'en-US': `${cell} should be 2` },
  };
}

describe('mark then Clear, property', () => {
  it('leaves every value, format, note, comment and conditional format as it was', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ rows, notes, marks, api, userRule, awkwardRule }) => {
        const fake = new FakeExcel(api);
        const awkward = awkwardRule && {
          top: awkwardRule[0],
          left: awkwardRule[1],
          bottom: awkwardRule[0] + awkwardRule[2] - 1,
          right: awkwardRule[1] + awkwardRule[3] - 1,
        };
        const userNotes = Object.fromEntries(notes.map(([r, c]) => [toA1(r, c), '用户的批注']));
        fake.addSheet('Sheet1', {
          rows,
          ...(api === '1.20' ? { notes: userNotes } : { comments: userNotes }),
          conditionalFormats: [
            ...(userRule ? [{ range: 'A1:C3', type: 'custom', formula: '=A1>0', fill: '#FFC7CE' }] : []),
            ...(awkward
              ? [{ range: rangeToA1(awkward), type: 'CellValue', formula: '>5', fill: '#FF0000', unreadable: true }]
              : []),
          ],
        });
        const before = fake.picture('Sheet1');
        const host = new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
        const found = marks.map(([r, c, s]) => finding(toA1(r, c), s));
        const check = (sheet: Sheet): WorkbookResult => ({
          tables: [],
          findings: found,
          sheets: [{ name: sheet.name, tables: 0 }],
        });
        const v = await host.validate(check);
        expect(v.marked).toBeGreaterThan(0);
        expect(fake.picture('Sheet1')).not.toEqual(before);
        const report = await host.clearMarks();
        // Excel cannot read ScoreCheck's rule where the user's unreadable one covers the cell too: then, and only then, the user is told.
        const blind =
          awkward !== undefined &&
          marks.some(([r, c]) => r >= awkward.top && r <= awkward.bottom && c >= awkward.left && c <= awkward.right);
        if (blind) {
          expect(report.formatsUnreadable).toEqual(['Sheet1']);
          const after = fake.picture('Sheet1');
          const theirs = (p: typeof after) => ({
            ...p,
            conditionalFormats: p.conditionalFormats.filter((cf) => !cf.formula?.includes('ScoreCheck')),
          });
          expect(theirs(after)).toEqual(theirs(before));
        } else {
          expect(report.formatsUnreadable).toEqual([]);
          expect(fake.picture('Sheet1')).toEqual(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});
