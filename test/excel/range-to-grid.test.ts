/** The pure half of reading: Office.js arrays → grid, merged-area addresses, tiles. */
import { gridFromUsedRange, mergesFromAddress, mergeTiles, topLeftOf } from '../../src/excel/range-to-grid';
import { isMarkFormula, markFormula, planMarks } from '../../src/excel/mark-plan';
import type { Finding } from '../../src/core';

describe('mergesFromAddress', () => {
  it('reads each reference after its sheet name, whatever the name holds', () => {
    expect(mergesFromAddress('Sheet1!A1:B2, Sheet1!$D$4:$E$9')).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 8, right: 4 },
    ]);
    expect(mergesFromAddress("'自评表, 2021'!C3:C10,'自评表, 2021'!AA1:AB1")).toEqual([
      { top: 2, left: 2, bottom: 9, right: 2 },
      { top: 0, left: 26, bottom: 0, right: 27 },
    ]);
    expect(mergesFromAddress('')).toEqual([]);
    expect(mergesFromAddress(undefined)).toEqual([]);
  });
});

describe('mergeTiles', () => {
  it('covers the used range with tiles of at most 512 cells', () => {
    // 100 rows × 12 columns from B3: 42 rows a tile.
    const tiles = mergeTiles(2, 1, 100, 12);
    expect(tiles).toEqual(['B3:M44', 'B45:M86', 'B87:M102']);
    // Wider than 512 columns: split across too.
    expect(mergeTiles(0, 0, 1, 600)).toEqual(['A1:SR1', 'SS1:WB1']);
    expect(mergeTiles(0, 0, 0, 0)).toEqual([]);
  });
});

describe('gridFromUsedRange', () => {
  it('places cells where they are on the sheet, drops empty ones and General formats', () => {
    const sheet = gridFromUsedRange(
      'S',
      {
        rowIndex: 1,
        columnIndex: 2,
        values: [
          ['分值', ''],
          [10, 0.5],
        ],
        formulas: [
          ['分值', ''],
          ['=5+5', 0.5],
        ],
        numberFormat: [
          ['General', 'General'],
          ['0', '0.0%'],
        ],
        text: [
          ['分值', ''],
          ['10', '50.0%'],
        ],
        valueTypes: [
          ['String', 'Empty'],
          ['Double', 'Double'],
        ],
      },
      [],
    );
    expect(sheet.rows).toEqual([
      [],
      [undefined, undefined, { value: '分值', text: '分值' }],
      [
        undefined,
        undefined,
        { value: 10, formula: '5+5', numFmt: '0', text: '10' },
        { value: 0.5, numFmt: '0.0%', text: '50.0%' },
      ],
    ]);
  });

  it('keeps a formula whose result is empty', () => {
    const sheet = gridFromUsedRange(
      'S',
      {
        rowIndex: 0,
        columnIndex: 0,
        values: [['']],
        formulas: [['=IF(A2>0,"","x")']],
        numberFormat: [['General']],
        text: [['']],
        valueTypes: [['Empty']],
      },
      [],
    );
    expect(sheet.rows[0][0]).toEqual({ value: null, formula: 'IF(A2>0,"","x")' });
  });
});

describe('topLeftOf', () => {
  it('strips the sheet, the dollars and the far corner', () => {
    expect(topLeftOf('Sheet1!$B$3')).toBe('B3');
    expect(topLeftOf("'a!b'!c4:d5")).toBe('C4');
  });
});

describe('mark plan', () => {
  const f = (cell: string, severity: Finding['severity'], sheet = 'S'): Finding => ({
    sheet,
    cell,
    rule: 'rate',
    severity,
    message: { 'zh-CN': `${cell} 错`, 'en-US': `${cell} wrong` },
  });

  it('recognises only its own rules', () => {
    expect(isMarkFormula(markFormula('warning'))).toBe(true);
    expect(isMarkFormula('=ISTEXT("mine")')).toBe(false);
    expect(isMarkFormula(undefined)).toBe(false);
  });

  it('one mark per cell of the sheet, worst severity, in sheet order, no note where the user has one', () => {
    const plan = planMarks(
      [f('C2', 'info'), f('$B$9', 'warning'), f('C2', 'error'), f('A1', 'error', 'Other')],
      'S',
      'en-US',
      new Set(['B9']),
    );
    expect(plan).toEqual([
      { cell: 'C2', severity: 'error', note: '[ScoreCheck]\n[error] C2 wrong\n[info] C2 wrong' },
      { cell: 'B9', severity: 'warning', note: undefined },
    ]);
  });
});
