/** The browser page's pure parts: one sheet's share of a result, the copy's name, the grid's layout. */
import type { Finding, WorkbookResult } from '../../src/core/findings/finding';
import { sheetFromValues } from '../../src/core/grid/grid';
import { cellBox, cellText, layoutSheet, ROW_HEIGHT, textWidth } from '../../src/web/grid-layout';
import { mostSevere } from '../../src/core/findings/finding';
import { markedCopyName } from '../../src/file/marked-copy-name';
import { findingsByCell } from '../../src/core';
import { resultForSheet } from '../../src/web/sheet-result';

function finding(sheet: string, cell: string, severity: Finding['severity'], table?: number): Finding {
  return { sheet, cell, rule: 'weight-sum', severity, table, message: { 'zh-CN': cell, 'en-US': cell } };
}

const RESULT: WorkbookResult = {
  tables: [
    { sheet: 'A', range: 'A1:D9', kind: 'overall-2021' },
    { sheet: 'B', range: 'A1:E9', kind: 'budget-execution' },
    { sheet: 'B', range: 'A20:E29', kind: 'indicators' },
  ],
  findings: [
    finding('A', 'D3', 'error', 0),
    finding('B', 'E25', 'warning', 2),
    finding('B', 'C4', 'error', 1),
    finding('B', 'A1', 'info'),
  ],
  sheets: [
    { name: 'A', tables: 1 },
    { name: 'B', tables: 2 },
  ],
};

describe('resultForSheet', () => {
  it('keeps one sheet’s tables and findings and renumbers the findings’ tables', () => {
    const b = resultForSheet(RESULT, 'B');
    expect(b.tables.map((t) => t.range)).toEqual(['A1:E9', 'A20:E29']);
    expect(b.findings.map((f) => [f.cell, f.table])).toEqual([
      ['E25', 1],
      ['C4', 0],
      ['A1', undefined],
    ]);
    expect(b.sheets).toEqual([{ name: 'B', tables: 2 }]);
  });

  it('gives an empty result for a sheet without tables', () => {
    expect(resultForSheet(RESULT, 'C')).toEqual({ tables: [], findings: [], sheets: [] });
  });
});

describe('findingsByCell and mostSevere', () => {
  it('groups a cell’s findings and names the most severe', () => {
    const byCell = findingsByCell([finding('A', 'D3', 'info'), finding('A', 'D3', 'error'), finding('A', 'E3', 'warning')]);
    expect(mostSevere(byCell.get('D3')!)).toBe('error');
    expect(mostSevere(byCell.get('E3')!)).toBe('warning');
  });
});

describe('markedCopyName', () => {
  it.each([
    ['自评表.xlsx', '自评表.checked.xlsx'],
    ['a.b.XLSX', 'a.b.checked.xlsx'],
    ['宏.xlsm', '宏.checked.xlsm'],
    ['no-extension', 'no-extension.checked.xlsx'],
  ])('%s → %s', (name, copy) => expect(markedCopyName(name)).toBe(copy));
});

describe('grid layout', () => {
  const sheet = sheetFromValues(
    'S',
    [
      ['部门整体支出绩效自评表', null, null],
      ['一级指标', '分值', 'note'],
      ['产出', 50, 0.8273],
    ],
    ['A1:C1'],
  );

  it('lays a merge out as one box over its cells and hides the cells under it', () => {
    const layout = layoutSheet(sheet);
    expect(layout.rows).toBe(3);
    expect(layout.cols).toBe(3);
    expect(layout.covered).toEqual(new Set([1, 2]));
    const box = cellBox(layout, 0, 0);
    expect(box.width).toBe(layout.totalWidth);
    expect(box.height).toBe(ROW_HEIGHT);
  });

  it('sizes columns by their text, a merged title aside, Chinese characters about twice as wide', () => {
    const layout = layoutSheet(sheet);
    expect(layout.colWidth[0]).toBe(textWidth('一级指标'));
    expect(textWidth('一级指标')).toBeGreaterThan(textWidth('abcd'));
  });

  it('shows the displayed text, else the value without binary noise', () => {
    expect(cellText({ value: 0.8273, text: '82.73%' })).toBe('82.73%');
    expect(cellText({ value: 0.1 + 0.2 })).toBe('0.3');
    expect(cellText({ value: { error: '#REF!' } })).toBe('#REF!');
    expect(cellText({ value: true })).toBe('TRUE');
    expect(cellText(undefined)).toBe('');
  });
});
