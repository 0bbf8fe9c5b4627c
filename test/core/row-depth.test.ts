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

  it('adds up no 其中： list of one row: it names one part, not all of them', () => {
    const rows = rowHierarchy(['支出合计', '基本支出', '　其中：三公经费', '项目支出']);
    expect(rows.map((r) => r.parent)).toEqual([undefined, 0, undefined, 0]);
  });

  it('has no parents without a total or marks', () => {
    expect(rowHierarchy(['甲', '乙']).map((r) => r.parent)).toEqual([undefined, undefined]);
  });

  describe('totals below their rows (variant I)', () => {
    it('closes the rows above with a 合计 as the last row', () => {
      const rows = rowHierarchy(['一、基本支出', '　　（一）人员经费', '二、项目支出', '合计']);
      expect(rows.map((r) => r.parent)).toEqual([3, 0, 3, undefined]);
      expect(rows[3].depth).toBe(0);
    });

    it('closes each section with its 小计, and the 合计 with the 小计 rows', () => {
      const rows = rowHierarchy([
        { label: '一、设备购置', heading: true },
        { label: '检测仪', seq: '1' },
        { label: '检测车', seq: '2' },
        { label: '小计' },
        { label: '二、运行维护', heading: true },
        { label: '平台运维', seq: '3' },
        { label: '小计' },
        { label: '合计' },
      ]);
      expect(rows.map((r) => r.parent)).toEqual([undefined, 3, 3, 7, undefined, 6, 7, undefined]);
    });

    it('passes over an item without amounts inside a section closed by 小计', () => {
      const rows = rowHierarchy([{ label: '1.甲' }, { label: '2.乙', heading: true }, { label: '3.丙' }, { label: '小计' }]);
      expect(rows.map((r) => r.parent)).toEqual([3, undefined, 3, undefined]);
    });

    it('takes a named 小计 over the rows right above it that carry its name', () => {
      const rows = rowHierarchy(['1.公务接待费', '2.公务用车购置费', '3.公务用车运行维护费', '公务用车小计', '合计']);
      expect(rows.map((r) => r.parent)).toEqual([4, 3, 3, 4, undefined]);
    });

    it('passes a heading without amounts over: its rows count towards the total', () => {
      const rows = rowHierarchy([
        { label: '合计' },
        { label: '一、基本支出', heading: true },
        { label: '（一）人员经费' },
        { label: '（二）公用经费' },
      ]);
      expect(rows.map((r) => r.parent)).toEqual([undefined, 0, 0, 0]);
    });
  });

  describe('totals above their rows (variant K)', () => {
    it('opens with a 合计 followed by its 其中： parts, even after other rows', () => {
      const rows = rowHierarchy(['甲', '乙', '合计', '其中：丙', '　　　丁']);
      expect(rows.map((r) => r.parent)).toEqual([undefined, undefined, undefined, 2, 2]);
    });

    it('opens a second total once the first has its rows (收入合计 … 支出合计 …)', () => {
      const rows = rowHierarchy(['收入合计', '其中：财政拨款', '　　　事业收入', '支出合计', '基本支出', '项目支出']);
      expect(rows.map((r) => r.parent)).toEqual([undefined, 0, 0, undefined, 3, 3]);
    });
  });
});
