/**
 * Layout A's budget block, read transposed: the groupings 按资金来源,
 * 按资金结构 and 按预算级次 must each add up to the same total (docs/domain.md §4
 * amount-sum), with or without a 合计 column.
 */
import { checkSheet } from '../../src/core/engine';
import { sheetFromValues } from '../../src/core/grid/grid';

const MERGES = ['A1:A5', 'B1:B2', 'C1:D1', 'E1:F1', 'G1:H1'];

function block(budget: number[], spent: number[], rate: (number | null)[]) {
  return sheetFromValues(
    '整体',
    [
      ['年度部门整体支出规模（元）', '项目', '按资金来源', null, '按资金结构', null, '按预算级次', null],
      [null, null, '财政拨款', '其他资金', '基本支出', '项目支出', '上级资金', '区级资金'],
      [null, '全年预算数', ...budget],
      [null, '全年执行数', ...spent],
      [null, '完成率', ...rate],
    ],
    MERGES,
  );
}

const BUDGET = [1000.5, 0, 400.25, 600.25, 0, 1000.5];
const SPENT = [900, 0, 380, 520, 0, 900];
const RATE = [0.8996, 0, 0.9494, 0.8663, null, 0.8996];

describe('budget block groupings', () => {
  it('finds the block and no fault in a consistent one (0 ÷ 0 included)', () => {
    const r = checkSheet(block(BUDGET, SPENT, RATE));
    expect(r.tables.map((t) => [t.kind, t.range])).toEqual([['budget-block', 'B1:H5']]);
    expect(r.findings).toEqual([]);
  });

  it('reports the grouping whose parts no longer add up to what the other two agree on', () => {
    const budget = [...BUDGET];
    budget[3] = 700.25; // 项目支出 100 too high: 按资金结构 now sums to 1,100.50
    const rate = [...RATE];
    rate[3] = 0.7426; // kept consistent with the changed budget so only the sum is wrong
    const r = checkSheet(block(budget, SPENT, rate)).findings.filter((f) => f.severity === 'error');
    expect(r.map((f) => [f.cell, f.rule, f.found, f.expected])).toEqual([['E1', 'amount-sum', '1100.50', '1000.50']]);
  });

  it('checks each grouping against a 合计 column when there is one', () => {
    const sheet = sheetFromValues(
      '整体',
      [
        ['项目', '合计', '按资金来源', null],
        [null, null, '财政拨款', '其他资金'],
        ['全年预算数', 1000, 800, 300],
        ['全年执行数', 900, 700, 200],
      ],
      ['A1:A2', 'B1:B2', 'C1:D1'],
    );
    const errors = checkSheet(sheet).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.cell, f.rule, f.expected])).toEqual([['B3', 'amount-sum', '1100']]);
  });

  it('reads a number merged across two categories in the first one only (variant D)', () => {
    // 其他资金 has nothing of its own: 财政拨款's 1,000.50 merged over it is not counted twice.
    const sheet = block(BUDGET, SPENT, RATE);
    sheet.merges.push({ top: 2, bottom: 2, left: 2, right: 3 });
    const r = checkSheet(sheet);
    expect(r.tables.map((t) => t.kind)).toEqual(['budget-block']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
