/**
 * The national variants of amount, budget and funds tables (issue 15: D, F,
 * G, I, J, and M/K where they touch amount tables), built in code in other
 * positions, wordings and units than the fixtures: first what detection
 * reads (which table, which rows, which roles, which parents), then what the
 * checks say (valid: no error or warning; invalid: exactly the planted ones).
 */
import { SheetView } from '../../../src/core/grid/sheet-view';
import { detectTables } from '../../../src/core/layout/detect-tables';
import type { AmountTable } from '../../../src/core/layout/tables';
import { buildSheet, checkRows, pct, verdicts, type CellInput } from '../checks/rule-tester';

type Rows = CellInput[][];

function amountTables(rows: Rows, merges: readonly string[] = []): AmountTable[] {
  const view = new SheetView(buildSheet('表1', rows, merges));
  return detectTables(view).filter((t): t is AmountTable => t.type === 'amounts');
}

/** Each row as "label-cell parent-label-cell", the hierarchy a reviewer checks by eye. */
function parentsOf(table: AmountTable): string[] {
  return table.rows.map((r) => `${r.labelSlot.address}→${r.parent === undefined ? '-' : table.rows[r.parent].labelSlot.address}`);
}

function rolesAt(table: AmountTable, i: number): string[] {
  return Object.entries(table.rows[i].values).map(([role, s]) => `${role}:${s.address}`);
}

/** Sets one cell of a copy: rows[r][c] = v. */
function patched(rows: Rows, r: number, c: number, v: CellInput): Rows {
  const out = rows.map((row) => [...row]);
  out[r][c] = v;
  return out;
}

describe('D. merged prose under a funds or budget table', () => {
  // Funds 1,000 → 950 (95%), score 10 × 95% = 9.5; then prose lines merged over the numeric columns.
  const FUNDS: Rows = [
    ['年度预算执行情况（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 900, 1000, 950, 10, pct(0.95), 9.5],
    [null, '按收入性质分：1,000.00', null, null, '按支出性质分：950.00', null, null, null],
    [null, '其中：一般公共预算：800.00', null, null, '其中：基本支出：600.00', null, null, null],
    [null, '　　　政府性基金预算：200.00', null, null, '　　　项目支出：350.00', null, null, null],
  ];
  const MERGES = ['A1:A5', 'B3:D3', 'E3:H3', 'B4:D4', 'E4:H4', 'B5:D5', 'E5:H5'];

  it('reads the funds row only: prose rows end the table', () => {
    const [t] = amountTables(FUNDS, MERGES);
    expect([t.kind, t.top, t.bottom]).toEqual(['project-funds', 0, 1]);
    expect(rolesAt(t, 0)).toEqual(['initialBudget:C2', 'budget:D2', 'spent:E2', 'weight:F2', 'rate:G2', 'score:H2']);
  });

  it('raises nothing for a consistent form, merged or not', () => {
    expect(verdicts(checkRows(FUNDS, MERGES))).toEqual([]);
    expect(verdicts(checkRows(FUNDS, ['A1:A5']))).toEqual([]);
  });

  it('reads a label：number line in the label column alone as prose, not a row', () => {
    const rows: Rows = [
      ['项目', '预算数', '执行数', '执行率'],
      ['合计', 500, 450, pct(0.9)],
      ['其中：基本支出：300', null, null, null],
    ];
    const [t] = amountTables(rows);
    expect(t.rows.map((r) => r.label)).toEqual(['合计']);
    expect(verdicts(checkRows(rows))).toEqual([]);
  });

  it('still reports the planted funds score under the prose', () => {
    const rows = patched(FUNDS, 1, 7, 9.9);
    expect(verdicts(checkRows(rows, MERGES))).toEqual(['H2 score-rule 9.5']);
  });

  it('gives a number merged across two amount columns to its top-left column only', () => {
    const rows: Rows = [
      ['项目', '预算数', '执行数', '执行率'],
      ['合计', 300, 290, pct(0.9667)],
      ['基本支出', 100, null, pct(1)],
      ['项目支出', 200, 190, pct(0.95)],
    ];
    const [t] = amountTables(rows, ['B3:C3']);
    expect(rolesAt(t, 1)).toEqual(['budget:B3', 'rate:D3']);
  });
});

describe('F. header words by meaning', () => {
  const ADJUSTED: Rows = [
    ['项目', '年初预算数', '年中调增', '年中调减', '调整后预算数', '预算执行数', '执行率'],
    ['合计', 500, 80, 30, 550, 506, pct(0.92)],
    ['一、基本支出', 300, 50, 0, 350, 336, pct(0.96)],
    ['二、项目支出', 200, 30, 30, 200, 170, pct(0.85)],
  ];

  it('reads 年中调增 / 年中调减 / 预算执行数 as adjustments and spending', () => {
    const [t] = amountTables(ADJUSTED);
    expect(t.roles).toEqual(['initialBudget', 'adjustUp', 'adjustDown', 'budget', 'spent', 'rate']);
    expect(verdicts(checkRows(ADJUSTED))).toEqual([]);
  });

  it('reports an adjusted budget that is not 年初 + 调增 − 调减 (the root cause of its parent and rate)', () => {
    // 二、项目支出 调整后 printed 220 (200 + 30 − 30 = 200); its rate 170 / 200 = 85% stays.
    const rows = patched(ADJUSTED, 3, 4, 220);
    expect(verdicts(checkRows(rows)).filter((v) => v.includes('amount-sum'))).toEqual(['E4 amount-sum 200']);
  });

  it('reads 追加 / 追减 and 本年 / 当年 / 全年 qualifiers the same way', () => {
    const rows: Rows = [
      ['科目名称', '本年年初预算数', '追加', '追减', '当年调整后预算', '全年执行数', '执行率'],
      ['合计', 100, 20, 10, 110, 99, pct(0.9)],
    ];
    const [t] = amountTables(rows);
    expect(t.roles).toEqual(['initialBudget', 'adjustUp', 'adjustDown', 'budget', 'spent', 'rate']);
    expect(verdicts(checkRows(patched(rows, 1, 4, 120)))).toContain('E2 amount-sum 110');
  });

  it('reads 预算金额 / 执行金额 / 预算执行率', () => {
    const rows: Rows = [
      ['项目名称', '预算金额', '执行金额', '预算执行率'],
      ['1.甲项目', 200, 150, pct(0.75)],
    ];
    expect(amountTables(rows)[0].roles).toEqual(['budget', 'spent', 'rate']);
    expect(verdicts(checkRows(patched(rows, 1, 3, pct(0.57))))).toEqual(['D2 rate 75.00%']);
  });

  it('reads a two-row header: 执行数 and 执行率（%） merged down beside 预算数 over 年初 | 调整 | 调整后', () => {
    const rows: Rows = [
      ['项目', '预算数', null, null, '执行数', '执行率（%）'],
      [null, '年初预算数', '年中调整', '调整后预算数', null, null],
      ['合计', 500, 20, 520, 468, 90],
      ['基本支出', 200, 0, 200, 190, 95],
      ['项目支出', 300, 20, 320, 278, 86.88],
    ];
    const merges = ['A1:A2', 'B1:D1', 'E1:E2', 'F1:F2'];
    const [t] = amountTables(rows, merges);
    expect([t.top, t.roles]).toEqual([1, ['initialBudget', 'adjust', 'budget', 'spent', 'rate']]);
    expect(verdicts(checkRows(rows, merges))).toEqual([]);
    // 项目支出 spent typed 288: its own 执行率 86.88 is 278 ÷ 320, so the child is the root and 合计 its echo.
    expect(verdicts(checkRows(patched(rows, 4, 4, 288), merges)).filter((v) => v.includes('amount-sum'))).toEqual([
      'E5 amount-sum 278',
    ]);
  });

  it("pairs the evaluated year when next year's budget stands beside it", () => {
    const rows: Rows = [
      ['项目', '2023年预算数', '2023年执行数', '执行率', '2024年预算数'],
      ['合计', 1000, 900, pct(0.9), 1200],
    ];
    expect(rolesAt(amountTables(rows)[0], 0)).toEqual(['budget:B2', 'spent:C2', 'rate:D2']);
    expect(verdicts(checkRows(patched(rows, 1, 3, pct(0.75))))).toEqual(['D2 rate 90.00%']);
  });

  describe('columns that differ only by year pair this year with this year', () => {
    // 2023: 1,000 → 900 (90%); 2022 spending 800 would give 80%.
    const byYear = (headers: string[], values: number[]): Rows => [
      ['项目', ...headers, '执行率'],
      ['合计', ...values, pct(0.9)],
    ];

    it.each([
      ['last year first', ['2022年决算数', '2023年预算数', '2023年决算数'], [800, 1000, 900]],
      ['last year last', ['2023年度预算数', '2023年度执行数', '2022年度执行数'], [1000, 900, 800]],
    ])('%s', (_name, headers, values) => {
      const rows = byYear(headers, values);
      const [t] = amountTables(rows);
      const thisYear = headers.map((h, i) => (h.startsWith('2023') ? String.fromCharCode(66 + i) : '')).filter(Boolean);
      expect(rolesAt(t, 0).slice(0, 2)).toEqual([`budget:${thisYear[0]}2`, `spent:${thisYear[1]}2`]);
      expect(verdicts(checkRows(rows))).toEqual([]);
      expect(verdicts(checkRows(patched(rows, 1, 4, pct(0.8))))).toEqual(['E2 rate 90.00%']);
    });
  });
});

describe('G. one amount column', () => {
  const SOURCES: Rows = [
    ['表1 项目资金来源情况'],
    [null, '单位：万元'],
    ['项目', '金额（万元）'],
    ['资金总额', 965.93],
    ['其中：中央补助资金', 523.46],
    ['　　　省级补助资金', 211.84],
    ['　　　市级补助资金', 80.64],
    ['　　　县级配套资金', { value: 150, numFmt: '#,##0.00' }],
    ['注：金额由元换算为万元，四舍五入保留两位小数。'],
  ];

  it('finds 项目 | 金额 tables and their parts', () => {
    const [t] = amountTables(SOURCES);
    expect([t.top, t.bottom, t.roles]).toEqual([2, 7, ['budget']]);
    expect(parentsOf(t)).toEqual(['A4→-', 'A5→A4', 'A6→A4', 'A7→A4', 'A8→A4']);
  });

  it('allows a rounding tail within (n+1)·½ unit: 4 parts off by 0.01 and by 0.02', () => {
    expect(verdicts(checkRows(SOURCES))).toEqual([]);
    expect(verdicts(checkRows(patched(SOURCES, 3, 1, 965.92)))).toEqual([]);
  });

  it('reports a total beyond the tail: 4 parts off by 0.03', () => {
    expect(verdicts(checkRows(patched(SOURCES, 3, 1, 965.97)))).toEqual(['B4 amount-sum 965.94']);
  });

  it('reads 项目 | 金额（万元） | 占比（%）: the shares against the total, in points', () => {
    const rows: Rows = [
      ['项目', '金额（万元）', '占比（%）'],
      ['合计', 250, 100],
      ['1.工程费', 150, 60],
      ['2.设备费', 100, 40],
    ];
    expect(amountTables(rows)[0].roles).toEqual(['budget', 'share']);
    expect(verdicts(checkRows(rows))).toEqual([]);
    expect(verdicts(checkRows(patched(rows, 3, 2, 45)))).toEqual(['C4 rate 40']);
  });

  it('adds up no lone 其中： row: it names one part of the total, not the breakdown', () => {
    const rows: Rows = [
      ['项目', '金额（万元）'],
      ['支出合计', 856.81],
      ['　其中：“三公”经费', 12.3],
    ];
    expect(parentsOf(amountTables(rows)[0])).toEqual(['A2→-', 'A3→-']);
    expect(verdicts(checkRows(rows))).toEqual([]);
  });

  it('holds 元 with cents exact: one cent off is an error', () => {
    const rows: Rows = [
      ['', '', '单位：元'],
      ['序号', '项目', '金额（元）'],
      [null, '合计', 186420.51],
      ['1', '公务接待费', 42318.0],
      ['2', '公务用车运行维护费', 144102.5],
    ];
    const [t] = amountTables(rows);
    expect([t.unit, parentsOf(t)]).toEqual(['yuan', ['B3→-', 'B4→B3', 'B5→B3']]);
    expect(verdicts(checkRows(rows))).toEqual(['C3 amount-sum 186420.5']);
  });

  it('reads a numbered and indented breakdown placed away from A1, and roots a planted child', () => {
    const rows: Rows = [
      [],
      [],
      [],
      [null, null, '资金来源', '金额'],
      [null, null, '支出合计', 856.81],
      [null, null, '一、工程建设支出', 784.69],
      [null, null, '　　1.土建工程', 601.23],
      [null, null, '　　2.设备购置及安装', 183.46],
      [null, null, '二、预备费', 72.12],
    ];
    const [t] = amountTables(rows);
    expect(parentsOf(t)).toEqual(['C5→-', 'C6→C5', 'C7→C6', 'C8→C6', 'C9→C5']);
    expect(verdicts(checkRows(rows))).toEqual([]);
    // 一、 printed 794.69: it disagrees with its children and with 支出合计; it alone explains both.
    expect(verdicts(checkRows(patched(rows, 5, 3, 794.69)))).toEqual(['D6 amount-sum 784.69']);
  });
});

describe('I. totals below their rows, and 小计', () => {
  const SECTIONS: Rows = [
    ['序号', '支出内容', '预算数', '实际支出', '执行率'],
    ['一、设备购置'],
    ['1', '检测仪', 48, 46.8, pct(0.975)],
    ['2', '检测车改装', 36, 35.28, pct(0.98)],
    [null, '小计', 84, 82.08, pct(0.9771)],
    ['二、运行维护'],
    ['3', '平台运维', 60, 58.5, pct(0.975)],
    ['4', '设备保养', 25, 20, pct(0.8)],
    [null, '小计', 85, 78.5, pct(0.9235)],
    [null, '合计', 169, 160.58, pct(0.9502)],
  ];
  const SECTION_MERGES = ['A2:B2', 'A6:B6'];

  it('reads section headings, 小计 over their sections and 合计 over the 小计', () => {
    const [t] = amountTables(SECTIONS, SECTION_MERGES);
    expect([t.top, t.bottom]).toEqual([0, 9]);
    expect(parentsOf(t)).toEqual(['A2→-', 'B3→B5', 'B4→B5', 'B5→B10', 'A6→-', 'B7→B9', 'B8→B9', 'B9→B10', 'B10→-']);
    expect(t.rows[t.rows.length - 1].depth).toBe(0);
  });

  it('raises nothing when the sections and the total agree, with or without merges', () => {
    expect(verdicts(checkRows(SECTIONS, SECTION_MERGES))).toEqual([]);
    expect(verdicts(checkRows(SECTIONS))).toEqual([]);
  });

  it('reports a 小计 not updated after its item changed, as the one root cause', () => {
    // 小计 实际支出 printed 88.50 while 58.50 + 20.00 = 78.50; 合计 160.58 agrees with the items.
    const rows = patched(SECTIONS, 8, 3, 88.5);
    expect(verdicts(checkRows(rows)).filter((v) => v.includes('amount-sum'))).toEqual(['D9 amount-sum 78.5']);
  });

  it('reports a 合计 last that is not the sum of the rows above it', () => {
    const rows: Rows = [
      ['项目', '预算数', '执行数', '执行率'],
      ['一、基本支出', 770.37, 763.21, pct(0.9907)],
      ['二、项目支出', 483.33, 449.64, pct(0.9303)],
      ['合计', 1235.7, 1212.85, pct(0.9815)],
    ];
    const [t] = amountTables(rows);
    expect(parentsOf(t)).toEqual(['A2→A4', 'A3→A4', 'A4→-']);
    expect(verdicts(checkRows(rows))).toEqual(['B4 amount-sum 1253.7']);
    expect(verdicts(checkRows(patched(patched(rows, 3, 1, 1253.7), 3, 3, pct(0.9674))))).toEqual([]);
  });

  it('takes a named 小计 over the rows that carry its name, and 合计 over items and 小计', () => {
    const rows: Rows = [
      ['项目', '预算数', '支出数', '执行率'],
      ['1.因公出国（境）费', 0, 0, '—'],
      ['2.公务接待费', 6, 4.82, pct(0.8033)],
      ['3.公务用车购置费', 0, 0, '—'],
      ['4.公务用车运行维护费', 18, 17.35, pct(0.9639)],
      ['　公务用车小计', 18, 17.35, pct(0.9639)],
      ['合计', 24, 22.17, pct(0.9238)],
    ];
    const [t] = amountTables(rows);
    expect(parentsOf(t)).toEqual(['A2→A7', 'A3→A7', 'A4→A6', 'A5→A6', 'A6→A7', 'A7→-']);
    expect(verdicts(checkRows(rows))).toEqual([]);
  });

  it('passes over an item left blank inside a 小计 run', () => {
    const rows: Rows = [['项目', '预算数', '执行数'], ['1.培训费', 10, 9], ['2.会议费'], ['3.印刷费', 5, 5], ['小计', 15, 14]];
    expect(verdicts(checkRows(rows))).toEqual([]);
    expect(verdicts(checkRows(patched(rows, 4, 2, 19)))).toEqual(['C5 amount-sum 14']);
  });

  it('sums the items of headings without 小计 into a 合计 last', () => {
    const rows: Rows = [
      ['项目', '预算数', '执行数'],
      ['一、基本支出'],
      ['（一）人员经费', 100, 90],
      ['（二）公用经费', 50, 45],
      ['二、项目支出'],
      ['（一）专项业务', 30, 30],
      ['合计', 180, 170],
    ];
    const [t] = amountTables(rows);
    expect(parentsOf(t)).toEqual(['A2→-', 'A3→A7', 'A4→A7', 'A5→-', 'A6→A7', 'A7→-']);
    // Whole 万元 stand for ±0.5 each: 170 is beyond 165 ± 2.
    expect(verdicts(checkRows(rows))).toEqual(['C7 amount-sum 165']);
  });

  it('keeps a 合计 first over sections closed by 小计', () => {
    const rows: Rows = [
      ['项目', '预算数', '执行数'],
      ['合计', 150, 140],
      ['一、甲类'],
      ['1.子项一', 40, 40],
      ['2.子项二', 60, 50],
      ['小计', 100, 90],
      ['二、乙类'],
      ['1.子项三', 50, 50],
      ['小计', 50, 50],
    ];
    const [t] = amountTables(rows);
    expect(parentsOf(t)).toEqual(['A2→-', 'A3→A2', 'A4→A6', 'A5→A6', 'A6→A2', 'A7→A2', 'A8→A9', 'A9→A2']);
    expect(verdicts(checkRows(rows))).toEqual([]);
    expect(verdicts(checkRows(patched(rows, 1, 2, 150)))).toEqual(['C2 amount-sum 140']);
  });
});

describe('J. rates in percentage points', () => {
  const POINTS: Rows = [
    ['项目', '全年预算数（万元）', '全年执行数（万元）', '执行率（%）'],
    ['合计', 2200, 2030, 92.27],
    ['基本支出', 1200, 1180, 98.33],
    ['项目支出', 1000, 850, 85],
    ['　　1.上年结转项目', 0, 0, 0],
    ['　　2.档案数字化', 1000, 850, 85],
  ];

  it('reads 90 under 执行率（%） as 90 %', () => {
    const [t] = amountTables(POINTS);
    const rate = t.rows[0].values.rate!.value;
    expect(rate.kind === 'number' && [rate.value.toString(), rate.percent]).toEqual(['0.9227', true]);
    expect(verdicts(checkRows(POINTS))).toEqual([]);
  });

  it.each(['执行率(%)', '执行率（单位：%）', '执行率%'])('reads %s the same way', (header) => {
    expect(verdicts(checkRows(patched(POINTS, 0, 3, header)))).toEqual([]);
  });

  it('gives the expected value and the fix in points', () => {
    const result = checkRows(patched(POINTS, 1, 3, 97.22));
    expect(verdicts(result)).toEqual(['D2 rate 92.27']);
    const f = result.findings.find((x) => x.cell === 'D2')!;
    expect([f.found, f.fixValue]).toEqual(['97.22', 92.27]);
  });

  it('keeps fractions typed under a (%) header as fractions', () => {
    const rows: Rows = [
      ['项目', '预算数', '执行数', '执行率（%）'],
      ['合计', 2200, 2030, 0.9227],
      ['基本支出', 1200, 1180, 0.9833],
      ['项目支出', 1000, 850, 0.85],
    ];
    expect(verdicts(checkRows(rows))).toEqual([]);
  });

  it('reads a bare 执行率 column as points when every nonzero value is beyond 150 %', () => {
    const rows = patched(POINTS, 0, 3, '执行率');
    expect(verdicts(checkRows(rows))).toEqual([]);
    expect(verdicts(checkRows(patched(rows, 2, 3, 89.33)))).toEqual(['D3 rate 98.33']);
  });

  it('keeps a bare 执行率 column of fractions and uncapped rates as fractions', () => {
    const rows: Rows = [
      ['项目', '预算数', '执行数', '执行率'],
      ['甲', 100, 95, 0.95],
      ['乙', 100, 120, 1.2],
    ];
    expect(verdicts(checkRows(rows))).toEqual([]);
    expect(verdicts(checkRows(patched(rows, 1, 3, 0.59)))).toEqual(['D2 rate 0.95']);
  });

  it('reads a 完成率（%） column of an indicator table in points', () => {
    const rows: Rows = [
      ['序号', '二级指标', '三级指标', '年度指标值', '完成率（%）', '实际完成情况'],
      [1, '数量指标', '扫描页数', '≥50万页', 120, '全年扫描60万页。'],
      [2, '数量指标', '开展培训', '6期', 100, '举办培训6期。'],
    ];
    expect(verdicts(checkRows(rows))).toEqual([]);
    expect(verdicts(checkRows(patched(rows, 1, 4, 112)))).toEqual(['E2 rate 120']);
  });
});

describe('M/K. blank separators and a 合计 first', () => {
  const SPLIT: Rows = [
    ['项目', '预算数', '执行数', '执行率'],
    ['合计', 300, 270, pct(0.9)],
    [],
    ['基本支出', 100, 95, pct(0.95)],
    [],
    ['项目支出', 200, 175, pct(0.875)],
  ];

  it('reads across blank rows: one table, 合计 over the rows below', () => {
    const [t] = amountTables(SPLIT);
    expect([t.top, t.bottom]).toEqual([0, 5]);
    expect(parentsOf(t)).toEqual(['A2→-', 'A4→A2', 'A6→A2']);
    expect(verdicts(checkRows(SPLIT))).toEqual([]);
    // 基本支出 spent 105 (rate 105% kept with it): 合计 270 no longer adds up across the blank rows.
    expect(verdicts(checkRows(patched(patched(SPLIT, 3, 2, 105), 3, 3, pct(1.05))))).toEqual(['C2 amount-sum 280']);
  });

  it('ends at three blank rows: what follows is not its rows', () => {
    const rows: Rows = [...SPLIT.slice(0, 4), [], [], [], ['其他', 5, 5, pct(1)]];
    const [t] = amountTables(rows);
    expect(t.bottom).toBe(3);
  });

  it('leaves a title after the last row to the next table', () => {
    const rows: Rows = [...SPLIT, ['项目资金来源'], ['资金来源', '金额'], ['合计', 300], ['财政资金', 300]];
    const tables = amountTables(rows);
    expect(tables.map((t) => [t.top, t.bottom])).toEqual([
      [0, 5],
      [7, 9],
    ]);
    expect(verdicts(checkRows(rows))).toEqual([]);
  });
});
