/** Test sheets shaped like the forms fillers keep, for the adapter's tests over the double. */
import type { Finding, Severity, Sheet, WorkbookResult } from '../../src/core';
import type { FakeScalar } from './fake-excel';

/** A finding on Sheet1 that Fix would set to 16. */
export function finding(cell: string, severity: Severity = 'error', extra: Partial<Finding> = {}): Finding {
  return {
    sheet: 'Sheet1',
    cell,
    rule: 'weight-sum',
    severity,
    found: '17',
    expected: '16',
    fixValue: 16,
    message: { 'zh-CN': `${cell} 应为 16`, 'en-US': `${cell} should be 16` },
    ...extra,
  };
}

/** A check that "finds" what the test says, whatever the sheet holds. */
export function finds(...findings: Finding[]): (sheet: Sheet) => WorkbookResult {
  return (sheet) => ({ tables: [], findings, sheets: [{ name: sheet.name, tables: 0 }] });
}

/** An indicator table of `rows` data rows under a two-row header with merged level-1 cells. */
export function formRows(rows: number): { rows: FakeScalar[][]; merges: string[] } {
  const out: FakeScalar[][] = [
    [
      '一级指标',
      '分值',
      '二级指标',
      '分值',
      '三级指标',
      '分值',
      '年度指标值',
      '实际完成值',
      '完成率',
      '得分',
      '偏差原因',
      '备注',
    ],
  ];
  for (let i = 0; i < rows; i++) {
    out.push([
      i % 10 === 0 ? '产出指标' : null,
      i % 10 === 0 ? 50 : null,
      `二级${i}`,
      10,
      `三级${i}`,
      5,
      100,
      98,
      0.98,
      4.9,
      '',
      i,
    ]);
  }
  const merges: string[] = [];
  for (let r = 2; r + 9 <= rows + 1; r += 10) merges.push(`A${r}:A${r + 9}`, `B${r}:B${r + 9}`);
  return { rows: out, merges };
}
