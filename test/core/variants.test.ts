/**
 * Layouts nobody tuned the checker to, built in code: tables moved, headers
 * renamed and typed with full-width spaces and line breaks, tables typed
 * without merges, two tables on a sheet, label-only weights, columns in
 * another order, formula headers, and a sheet with no table at all.
 * Clean versions must yield no error or warning; planted ones exactly the planted findings.
 */
import { checkSheet } from '../../src/core/engine';
import type { WorkbookResult } from '../../src/core/findings/finding';
import { columnName, parseRangeA1, rangeToA1 } from '../../src/core/grid/grid';
import { buildSheet, pct, type CellInput } from './checks/rule-tester';
import { applyPatch, BUDGET_D_ROWS, SUMMARY_C_MERGES, SUMMARY_C_ROWS, type Patch } from './checks/sample-tables';

type Rows = CellInput[][];

/** Moves a block of rows (and its merges) so its top-left cell lands at `at` (e.g. "C40"). */
function place(rows: Rows, merges: readonly string[], at: string): { rows: Rows; merges: string[] } {
  const origin = parseRangeA1(at)!;
  const out: Rows = Array.from({ length: origin.top }, () => []);
  for (const r of rows) out.push([...Array<CellInput>(origin.left).fill(null), ...r]);
  const moved = merges.map((m) => {
    const r = parseRangeA1(m)!;
    return rangeToA1({
      top: r.top + origin.top,
      bottom: r.bottom + origin.top,
      left: r.left + origin.left,
      right: r.right + origin.left,
    });
  });
  return { rows: out, merges: moved };
}

function run(rows: Rows, merges: readonly string[] = []): WorkbookResult {
  return checkSheet(buildSheet('表1', rows, merges));
}

/** Errors and warnings as "cell rule expected", sorted; infos are not verdicts. */
function verdicts(result: WorkbookResult): string[] {
  return result.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.cell} ${f.rule}${f.expected !== undefined ? ` ${f.expected}` : ''}`)
    .sort();
}

/**
 * Layout A indicator table: 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 年度指标值 | 实际完成指标值 | 得分.
 * 产出 60 = 数量 30 (10 + 20) + 质量 30 (16 + 14); 效益 40; scores 10 + 20 + 16 + 12.6 + 40 = 98.6.
 */
const HEADER_A = ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '年度指标值', '实际完成指标值', '得分'];
const BODY_A: Rows = [
  ['产出指标', 60, '数量指标', 30, '培训场次', 10, '≥10场', '12场', 10],
  [null, null, null, null, '培训人次', 20, '≥500人次', '620人次', 20],
  [null, null, '质量指标', 30, '培训合格率', 16, '≥95%', '97%', 16],
  [null, null, null, null, '课程覆盖率', 14, '100%', '90%', 12.6],
  ['效益指标', 40, '社会效益指标', 40, '群众满意度', 40, '≥90%', '95%', 40],
  ['总分', 100, null, null, null, null, null, '得分', 98.6],
];
const MERGES_A = ['A2:A5', 'B2:B5', 'C2:C3', 'D2:D3', 'C4:C5', 'D4:D5'];
const layoutA = (patch?: Patch) => applyPatch([HEADER_A, ...BODY_A], patch);

describe('layout A moved to C40 under a title', () => {
  const build = (patch?: Patch) => {
    const { rows, merges } = place(layoutA(patch), MERGES_A, 'C40');
    rows[37] = [null, null, '2023年度部门整体支出绩效自评表'];
    rows[38] = [null, null, '单位名称：某区某局', null, null, null, null, null, '单位：分'];
    return run(rows, merges);
  };
  it('clean: found at C40:K46, nothing wrong', () => {
    const result = build();
    expect(result.tables.map((t) => t.range)).toEqual(['C40:K46']);
    expect(verdicts(result)).toEqual([]);
  });
  it('level-1 weight 65 over 30 + 30 is reported at its moved cell D41', () => {
    expect(verdicts(build({ B2: 65 }))).toEqual(['D41 weight-sum 60']);
  });
  it('level-3 score 12 for a weight of 10 is reported at K41 (and the total 100.6 then exceeds 100)', () => {
    expect(verdicts(build({ I2: 12, I7: 100.6 }))).toEqual(['K41 score-range 10', 'K46 score-range 100']);
  });
});

describe('layout A with renamed, full-width and line-broken headers and a 指标完成率 column', () => {
  // 12/10 = 120%, 620/500 = 124%, 97% meets ≥95% (100%), 90/100 = 90%, 95% meets ≥90% (100%).
  const header = [
    '一级\n指标',
    '权　重',
    '二级\n指标',
    '分　值',
    '三级\n指标',
    '指标\n分值',
    '年度\n目标值',
    '实际\n完成值',
    '指标\n完成率',
    '自评\n得分',
  ];
  const body: Rows = [
    ['产出指标', 60, '数量指标', 30, '培训场次', 10, '≥10场', '12场', pct(1.2), 10],
    [null, null, null, null, '培训人次', 20, '≥500人次', '620人次', pct(1.24), 20],
    [null, null, '质量指标', 30, '培训合格率', 16, '≥95%', '97%', pct(1), 16],
    [null, null, null, null, '课程覆盖率', 14, '100%', '90%', pct(0.9), 12.6],
    ['效益指标', 40, '社会效益指标', 40, '群众满意度', 40, '≥90%', '95%', pct(1), 40],
    ['总　分', 100, null, null, null, null, null, null, null, 98.6],
  ];
  const build = (patch?: Patch) => run(applyPatch([header, ...body], patch), MERGES_A);
  it('clean: one table, nothing wrong', () => {
    const result = build();
    expect(result.tables).toHaveLength(1);
    expect(verdicts(result)).toEqual([]);
  });
  it('completion 125% for 620 of 500 (124.00%) and a level-2 score-less weight slip', () => {
    expect(verdicts(build({ I3: pct(1.25), D4: 29 }))).toEqual(['D4 weight-sum 30', 'I3 rate 124.00%']);
  });
});

describe('layout C typed without merges', () => {
  const blanksBelow = (patch?: Patch) => run(applyPatch(SUMMARY_C_ROWS, patch));
  /** Level-1 and level-2 names, weights, scores and rates repeated on every row of their group. */
  const repeated = (patch?: Patch) => {
    const rows = applyPatch(SUMMARY_C_ROWS, patch);
    for (const [from, to] of [
      [1, 2],
      [1, 3],
      [1, 4],
      [3, 4],
    ] as const) {
      const cols = from === 1 && to !== 2 && to !== 4 ? [0, 1, 2] : from === 3 ? [3, 4, 5, 6] : [0, 1, 2, 3, 4, 5, 6];
      for (const c of cols) rows[to][c] = rows[from][c];
    }
    return run(rows);
  };
  it('names only on their first row, blanks below: clean', () => {
    expect(verdicts(blanksBelow())).toEqual([]);
  });
  it('names only on their first row: level-2 weight 31 over 16 + 14', () => {
    expect(verdicts(blanksBelow({ E4: 31 }))).toEqual(['E4 weight-sum 30']);
  });
  it('names repeated on every row: clean (repeats are not summed twice)', () => {
    expect(verdicts(repeated())).toEqual([]);
  });
  it('names repeated on every row: total score 96 for 57 + 38', () => {
    expect(verdicts(repeated({ C7: 96 }))).toEqual(['C7 score-sum 95']);
  });
  it('same as the merged version: the sheets give the same verdicts', () => {
    expect(verdicts(run(applyPatch(SUMMARY_C_ROWS, { F4: 28, G4: pct(28 / 30, '0%') }), SUMMARY_C_MERGES))).toEqual([
      'F4 score-sum 27',
    ]);
    expect(verdicts(blanksBelow({ F4: 28, G4: pct(28 / 30, '0%') }))).toEqual(['F4 score-sum 27']);
  });
});

describe('two tables on one sheet: a layout C summary at A1 and a layout D budget table at A12', () => {
  const build = (c?: Patch, d?: Patch) => {
    const rows: Rows = [...applyPatch(SUMMARY_C_ROWS, c), [], [], ...place(applyPatch(BUDGET_D_ROWS, d), [], 'A1').rows];
    return run(rows, SUMMARY_C_MERGES);
  };
  it('clean: both found, nothing wrong', () => {
    const result = build();
    expect(result.tables.map((t) => `${t.kind} ${t.range}`)).toEqual(['score-summary A1:J8', 'budget-execution A11:D18']);
    expect(verdicts(result)).toEqual([]);
  });
  it('one slip in each table is reported in each', () => {
    // 项目支出 210 (children 120 + 80) with its rate typed from it: 175 / 210 = 83.33%.
    expect(verdicts(build({ C7: 96 }, { B6: 210, D6: pct(0.8333) }))).toEqual(['B16 amount-sum 200', 'C7 score-sum 95']);
  });
});

describe('layout C at B5 under a title, with 总分 and 绩效等级', () => {
  const build = (patch?: Patch) => {
    const { rows, merges } = place(applyPatch(SUMMARY_C_ROWS, patch), SUMMARY_C_MERGES, 'B5');
    rows[1] = [null, '2023年度部门整体支出绩效自评表（评分汇总）'];
    return run(rows, merges);
  };
  it('clean', () => {
    expect(verdicts(build())).toEqual([]);
  });
  it('grade 良 for 95 is reported at the grade cell C12', () => {
    expect(verdicts(build({ B8: '良' }))).toEqual(['C12 grade 优']);
  });
});

describe('layout D with 年初 / 调整 / 调整后, 其中： and ① numbering', () => {
  const rows: Rows = [
    ['项目', '年初预算（万元）', '年中调整', '调整后预算', '实际支出', '执行率'],
    ['支出合计', 500, 20, 520, 468, pct(0.9)],
    ['一、基本支出', 200, 0, 200, 190, pct(0.95)],
    ['　其中：工资福利支出', 150, 0, 150, 145, pct(0.9667)],
    ['　　　　商品和服务支出', 50, 0, 50, 45, pct(0.9)],
    ['二、项目支出', 300, 20, 320, 278, pct(0.8688)],
    ['　①信息化项目', 180, 20, 200, 170, pct(0.85)],
    ['　②运维项目', 120, 0, 120, 108, pct(0.9)],
  ];
  it('clean', () => {
    expect(verdicts(run(rows))).toEqual([]);
  });
  it('支出合计 spent 478 (its rate typed from it, 91.92%) and ① rate 58.00% for 170 / 200', () => {
    expect(verdicts(run(applyPatch(rows, { E2: 478, F2: pct(0.9192), F7: pct(0.58) })))).toEqual([
      'E2 amount-sum 468',
      'F7 rate 85.00%',
    ]);
  });
  it('调整后 330 though 年初 300 + 调整 20 and its children 200 + 120 say 320 (rate typed from 330)', () => {
    expect(verdicts(run(applyPatch(rows, { D6: 330, F6: pct(0.8424) })))).toEqual(['D6 amount-sum 320']);
  });
});

describe('layout E: label-only level-1 weights, 分值 before 年度指标值, formula headers', () => {
  const rows: Rows = [
    ['项目支出绩效自评表'],
    ['（2023年度）'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
    [null, '年度资金总额', 200, 200, 190, 10, pct(0.95), 9.5],
    [null, '其中：当年财政拨款', 200, 200, 190, '—', pct(0.95), '—'],
    [null, '上年结转资金', 0, 0, 0, '—', '—', '—'],
    [null, '其他资金', 0, 0, 0, '—', '—', '—'],
    [],
    ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '偏差原因分析及改进措施'],
    ['产出指标（50分）', '数量指标', '培训场次', 20, '≥10场', '12场', 20],
    [null, '质量指标', '培训合格率', 15, '≥95%', '97%', 15],
    [null, '时效指标', '按时完成率', 15, '100%', '100%', 15],
    ['效益指标（30分）', '社会效益指标', '群众满意度提升', 30, '有效提升', '有效提升', 30],
    ['满意度指标（10分）', '服务对象满意度指标', '学员满意度', 10, '≥90%', '95%', 10],
    ['总分', null, null, 100, null, null, 99.5],
  ];
  const merges = ['A3:A7', 'A10:A12'];
  it('clean: funds block and indicator table both found', () => {
    const result = run(rows, merges);
    expect(result.tables.map((t) => t.kind).sort()).toEqual(['project-form', 'project-funds']);
    expect(verdicts(result)).toEqual([]);
  });
  it('funds score 10 for 95% execution: 9.5 was due', () => {
    expect(verdicts(run(applyPatch(rows, { H4: 10, G15: 100 }), merges))).toEqual(['H4 score-rule 9.5']);
  });
  it('full marks 15 although 按时完成率 90% misses its 100% target: 13.5 was due', () => {
    expect(verdicts(run(applyPatch(rows, { F12: '90%' }), merges))).toEqual(['G12 score-rule 13.5']);
  });
  it('产出指标（55分） over 20 + 15 + 15: the label is the weight, reported at A10', () => {
    expect(verdicts(run(applyPatch(rows, { A10: '产出指标（55分）' }), merges))).toEqual(['A10 weight-sum 50']);
  });
});

describe('a sheet with no table', () => {
  const rows: Rows = [
    ['填报说明'],
    ['1. 本表由项目单位填报，金额单位为万元。'],
    ['2. 请于3月31日前报送。'],
    [],
    ['联系人', '张三', '联系电话', 12345678],
    ['填报日期', '2023年3月1日'],
  ];
  it('no findings, and the sheet says it held no table', () => {
    const result = run(rows);
    expect(result.findings).toEqual([]);
    expect(result.sheets).toEqual([{ name: '表1', tables: 0 }]);
  });
});

it('place() moves merges with the block', () => {
  expect(place([[1]], ['A1:B2'], 'C40').merges).toEqual(['C40:D41']);
  expect(columnName(2)).toBe('C');
});
