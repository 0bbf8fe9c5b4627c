/** The grid a live re-check works on: the last read, with what was read again written over it. */
import { formulaRuns, patchSheet } from '../../src/excel/live-patch';
import type { Sheet } from '../../src/core';

const sheet: Sheet = {
  name: 'S',
  rows: [
    [{ value: '分值' }, { value: '得分' }],
    [{ value: 10 }, { value: 9 }],
    [{ value: 5 }, { value: 4 }],
    [
      { value: 15, formula: 'SUM(A2:A3)' },
      { value: 13, formula: 'SUM(B2:B3)' },
    ],
    [undefined, { value: 0.9, formula: 'B4/A4', numFmt: '0.0%', text: '86.7%' }],
  ],
  merges: [],
};

describe('formulaRuns', () => {
  it('finds formula cells as runs down each column, inside the tables only', () => {
    expect(formulaRuns(sheet, [{ top: 0, left: 0, bottom: 4, right: 1 }])).toEqual([
      { top: 3, left: 0, bottom: 3, right: 0 },
      { top: 3, left: 1, bottom: 4, right: 1 },
    ]);
    expect(formulaRuns(sheet, [{ top: 0, left: 0, bottom: 2, right: 1 }])).toEqual([]);
  });
});

describe('patchSheet', () => {
  it('replaces an edited cell wholly and updates a formula cell’s result, keeping its formula and format', () => {
    const patched = patchSheet(sheet, [
      {
        top: 1,
        left: 0,
        values: [[11]],
        formulas: [[11]],
        numberFormat: [['General']],
        text: [['11']],
        valueTypes: [['Double']],
      },
      { top: 3, left: 1, values: [[13], [0.8667]], text: [['13'], ['86.7%']], valueTypes: [['Double'], ['Double']] },
    ]);
    expect(patched.rows[1][0]).toEqual({ value: 11, text: '11' });
    expect(patched.rows[4][1]).toEqual({ value: 0.8667, formula: 'B4/A4', numFmt: '0.0%', text: '86.7%' });
    // The original is left as it was: the next patch starts from what was really read.
    expect(sheet.rows[1][0]).toEqual({ value: 10 });
  });

  it('empties a cleared cell', () => {
    const patched = patchSheet(sheet, [
      { top: 2, left: 1, values: [['']], formulas: [['']], numberFormat: [['General']], text: [['']], valueTypes: [['Empty']] },
    ]);
    expect(patched.rows[2]).toEqual([{ value: 5 }]);
  });
});
