import { rowHierarchy } from '../../src/core/layout/row-depth';

describe('rowHierarchy', () => {
  it('reads layout D: a total, two parents, indented and numbered children', () => {
    const rows = rowHierarchy([
      '支出合计',
      '基本支出',
      '\u3000\u3000工资福利支出',
      '\u3000\u3000商品和服务支出',
      '项目支出',
      '（1）信息化运维类项目',
      '（2）部门职能类项目',
    ]);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 2, 1, 2, 2]);
    expect(rows.map((r) => r.parent)).toEqual([undefined, 0, 1, 1, 0, 4, 4]);
  });

  it('reads layout E: 其中 rows and the rows after them are parts of the total', () => {
    const rows = rowHierarchy(['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']);
    expect(rows.map((r) => r.parent)).toEqual([undefined, 0, 0, 0]);
  });

  it('nests the second numbering style inside the first', () => {
    const rows = rowHierarchy(['合计', '一、基本支出', '（一）人员经费', '1.工资', '2.福利', '（二）公用经费', '二、项目支出']);
    expect(rows.map((r) => r.depth)).toEqual([0, 2, 3, 4, 4, 3, 2]);
    expect(rows.map((r) => r.parent)).toEqual([undefined, 0, 1, 2, 2, 1, 0]);
  });

  it('has no parents without a total or marks', () => {
    expect(rowHierarchy(['甲', '乙']).map((r) => r.parent)).toEqual([undefined, undefined]);
  });
});
