import { pct, ruleTester } from './rule-tester';
import { budgetD } from './sample-tables';

ruleTester('amount-sum', {
  valid: [
    budgetD('a child spent showing #REF! leaves its parent unchecked, never a zero', { C5: { error: '#REF!' } }),
    budgetD('支出合计 300 = 基本支出 100 + 项目支出 200; children by indentation and （1） numbering'),
    {
      name: 'three rounded 万元 parts 33.33 sum to 99.99 against a printed 100.00: within rounding',
      rows: [
        ['项目', '预算数（万元）', '支出数（万元）', '执行率'],
        ['支出合计', 100, 90, pct(0.9)],
        ['其中：甲项目', 33.33, 30, pct(0.9001)],
        ['　　　乙项目', 33.33, 30, pct(0.9001)],
        ['　　　丙项目', 33.33, 30, pct(0.9001)],
      ],
    },
    {
      name: '调整后 = 年初 + 年中调整 (signed)',
      rows: [
        ['项目', '年初预算数', '年中调整', '调整后预算', '支出数', '执行率'],
        ['支出合计', 100, -10, 90, 81, pct(0.9)],
        ['基本支出', 60, -5, 55, 50, pct(0.9091)],
        ['项目支出', 40, -5, 35, 31, pct(0.8857)],
      ],
    },
  ],
  invalid: [
    budgetD(
      '项目支出 210 whose children sum to 200 (and 支出合计 300 agrees with 200)',
      { B6: 210 },
      {
        findings: [{ cell: 'B6', expected: '200' }],
      },
    ),
    budgetD('支出合计 spent 290 though 95 + 175 = 270', { C2: 290 }, { findings: [{ cell: 'C2', expected: '270' }] }),
    budgetD(
      '工资福利支出 spent 68 + 37 under 基本支出 95: the parent row is reported',
      { C4: 68, D4: pct(1.1333) },
      {
        findings: [{ cell: 'C3', expected: '105', messageId: 'total', fix: 105, says: ['基本支出（C3）', '95', 'C4:C5', '105'] }],
      },
    ),
    budgetD(
      '工资福利支出 spent 68 while its own rate 96.67% says 58: the child is the root, its parent an echo',
      { C4: 68 },
      {
        findings: [
          { cell: 'C4', expected: '58', messageId: 'root', fix: 58, says: ['工资福利支出（C4）', '68', '58', 'C3, D4'] },
          { cell: 'C3', cause: 'C4', fix: null },
        ],
      },
    ),
    {
      name: 'amounts in 元 with cents are exact: 10000.01 + 20000.00 is not 30000.00',
      rows: [
        ['项目', '预算数（元）', '支出数（元）', '执行率'],
        ['支出合计', 30000, 27000, pct(0.9)],
        ['基本支出', 10000.01, 9000, pct(0.9)],
        ['项目支出', 20000, 18000, pct(0.9)],
      ],
      findings: [{ cell: 'B2', expected: '30000.01' }],
    },
    {
      name: '调整后 95 though 年初 100 and 年中调整 −10',
      rows: [
        ['项目', '年初预算数', '年中调整', '调整后预算', '支出数', '执行率'],
        ['支出合计', 100, -10, 95, 81, pct(0.9)],
        ['基本支出', 60, -5, 55, 50, pct(0.9091)],
        ['项目支出', 40, -5, 35, 31, pct(0.8857)],
      ],
      findings: [{ cell: 'D2', expected: '90' }],
    },
  ],
});
