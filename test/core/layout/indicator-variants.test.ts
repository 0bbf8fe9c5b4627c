/**
 * Indicator tables in the shapes other provinces fill them (issue 15,
 * variants A B C E H K M N; L in evaluation-summary.test.ts), built in code
 * with other positions, words, units, with and without merges. Each variant
 * has direct detection tests (which table, which rows, which roles) and
 * verdicts through checkSheet: clean versions yield no error, planted ones
 * exactly the planted findings.
 */
import { pct } from '../checks/rule-tester';
import { applyPatch, SUMMARY_C_MERGES, SUMMARY_C_ROWS, type Patch } from '../checks/sample-tables';
import { errors, indicatorTables, leaf, leaves, only, outline, run, shown, totalOf, verdicts, type Rows } from './layout-helpers';

// ---------------------------------------------------------------------------
// A. Placeholder rows

/**
 * National project form as fillers leave it: 指标1：/指标2： numbering, `……`
 * rows, an empty 经济效益指标, a `—` under 生态效益指标, an empty 指标2：
 * and a 其他需要说明事项 | 无 row above 总分. Weights 20 + 20 + 20 + 30 + 10 = 100;
 * scores 20 + 20 + 20 + 28 (qualitative) + 10 = 98.
 */
const PLACEHOLDER_ROWS: Rows = [
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
  ['产出指标', '数量指标', '指标1：培训期数', '≥30期', '32期', 20, 20],
  [null, null, '指标2：培训人数', '≥1500人', '1620人', 20, 20],
  [null, null, '……'],
  [null, '质量指标', '指标1：培训合格率', '≥90%', '96%', 20, 20],
  [null, null, '……'],
  ['效益指标', '经济效益指标', '指标1：'],
  [null, '社会效益指标', '指标1：农民技能水平', '明显提升', '有所提升', 30, 28],
  [null, '生态效益指标', '—'],
  ['满意度指标', '服务对象满意度指标', '指标1：参训农民满意度', '≥90%', '93%', 10, 10],
  [null, null, '指标2：'],
  ['其他需要说明事项', null, '无'],
  ['总分', null, null, null, null, 100, 98],
];
const PLACEHOLDER_MERGES = ['A2:A6', 'B2:B4', 'B5:B6', 'A7:A9', 'A10:A11', 'B10:B11', 'A12:B12', 'C12:G12', 'A13:E13'];

describe('A. placeholder rows', () => {
  const merged = (patch?: Patch) => applyPatch(PLACEHOLDER_ROWS, patch);

  it('detection: fillers, empty numbering and the empty category are not indicators; 总分 is read', () => {
    const t = only(merged(), PLACEHOLDER_MERGES);
    expect(outline(t)).toEqual([
      '产出指标 w - s -',
      '  数量指标 w - s -',
      '    指标1：培训期数 w F2=20 s G2=20',
      '    指标2：培训人数 w F3=20 s G3=20',
      '  质量指标 w - s -',
      '    指标1：培训合格率 w F5=20 s G5=20',
      '效益指标 w - s -',
      '  社会效益指标 w - s -',
      '    指标1：农民技能水平 w F8=30 s G8=28',
      '满意度指标 w - s -',
      '  服务对象满意度指标 w - s -',
      '    指标1：参训农民满意度 w F10=10 s G10=10',
    ]);
    expect(totalOf(t)).toBe('A13 w F13=100 s G13=98');
  });

  it('clean, merged: no error', () => {
    expect(errors(run(merged(), PLACEHOLDER_MERGES))).toEqual([]);
  });

  it('a 总分 not updated: 100 printed over rows summing to 98', () => {
    expect(errors(run(merged({ G13: 100 }), PLACEHOLDER_MERGES))).toEqual(['G13 score-sum 98']);
  });

  it('without merges, a 备注 row and / and ... fillers: same verdicts', () => {
    const rows = merged({ A12: '备注', C12: '无', C4: '/', C6: '...', C9: '－' });
    expect(errors(run(rows))).toEqual([]);
    expect(errors(run(applyPatch(rows, { F13: 99 })))).toEqual(['F13 weight-sum 100']);
  });

  it('a note with its text in the same merged cell (其他需要说明事项：无) is a note; 说明书… stays an indicator', () => {
    const rows = merged({ A12: '其他需要说明事项：无', C12: null });
    const merges = [...PLACEHOLDER_MERGES.filter((m) => !['A12:B12', 'C12:G12'].includes(m)), 'A12:G12'];
    expect(totalOf(only(rows, merges))).toBe('A13 w F13=100 s G13=98');
    expect(errors(run(applyPatch(rows, { G13: 99 }), merges))).toEqual(['G13 score-sum 98']);
    const named = merged({ C11: '说明书发放及时率', D11: '100%', E11: '100%', F10: 5, F11: 5, G11: 5, G10: 5, G13: 98 });
    expect(leaves(only(named, PLACEHOLDER_MERGES)).map((n) => n.label)).toContain('说明书发放及时率');
  });

  it('a filler row with — in its weight and score is a placeholder too', () => {
    const rows = merged({ F4: '—', G4: '—', D4: '—', E4: '/' });
    expect(leaves(only(rows, PLACEHOLDER_MERGES)).map((n) => n.label)).not.toContain('……');
    expect(errors(run(applyPatch(rows, { G13: 97 }), PLACEHOLDER_MERGES))).toEqual(['G13 score-sum 98']);
  });

  it('a footnote right under the rows ends the table (no 总分 row)', () => {
    const rows = [...merged().slice(0, 11), ['注：1.得分一档最高不能超过该指标分值上限。'], ['填报人：张三　联系电话：1234567']];
    const t = only(rows, PLACEHOLDER_MERGES.slice(0, 6));
    expect(t.bottom).toBe(10);
    expect(leaves(t).map((n) => n.label)).not.toContain('注：1.得分一档最高不能超过该指标分值上限。');
  });

  it('a weight with a blank score is incomplete: the score sum stays unchecked', () => {
    const rows = merged({ G8: null, G13: 50 });
    expect(errors(run(rows, PLACEHOLDER_MERGES))).toEqual([]);
    expect(leaf(only(rows, PLACEHOLDER_MERGES), '指标1：农民技能水平').weight?.address).toBe('F8');
  });
});

// ---------------------------------------------------------------------------
// B. Two-row headers and split targets

/**
 * 年度指标值 merged over 指标性质 | 指标值 | 度量单位; the other headers merged
 * over both rows. 92 of ≥95% scores 92/95 × 20 = 19.37; total 100 / 99.37.
 */
const SPLIT_ROWS: Rows = [
  ['一级指标', '二级指标', '三级指标', '年度指标值', null, null, '实际完成值', '分值', '得分'],
  [null, null, null, '指标性质', '指标值', '度量单位'],
  ['产出指标', '数量指标', '新建机耕路', '≧', 18, '公里', '18', 20, 20],
  [null, '质量指标', '项目验收合格率', '＝', 100, '%', '100', 20, 20],
  [null, '时效指标', '项目完工及时率', '≥', 95, '%', '92', 20, 19.37],
  [null, '成本指标', '亩均财政补助标准', '≦', 1500, '元/亩', 1500, 20, 20],
  ['效益指标', '可持续影响指标', '工程设施管护机制', '定性', '健全', null, '健全', 20, 20],
  ['总分', null, null, null, null, null, null, 100, 99.37],
];
const SPLIT_MERGES = ['D1:F1', 'A1:A2', 'B1:B2', 'C1:C2', 'G1:G2', 'H1:H2', 'I1:I2', 'A3:A6'];

describe('B. two-row headers and split targets', () => {
  it('detection: target = operator + value + unit; the unit applies to the bare actual', () => {
    const t = only(SPLIT_ROWS, SPLIT_MERGES);
    const row = (label: string) => `${shown(leaf(t, label).target)} | ${shown(leaf(t, label).actual)}`;
    expect(row('新建机耕路')).toBe('E3=ge 18 公里 | G3=18 公里');
    expect(row('项目验收合格率')).toBe('E4=1% | G4=1%');
    expect(row('项目完工及时率')).toBe('E5=ge 0.95% | G5=0.92%');
    expect(row('亩均财政补助标准')).toBe('E6=le 1500 元 | G6=1500 元');
    expect(row('工程设施管护机制')).toBe('E7=qualitative | G7=qualitative');
    expect(totalOf(t)).toBe('A8 w H8=100 s I8=99.37');
  });

  it('clean: no error', () => {
    expect(errors(run(SPLIT_ROWS, SPLIT_MERGES))).toEqual([]);
  });

  it('a missed ≥ 95 % (92) given full marks: score-rule 19.37', () => {
    expect(errors(run(applyPatch(SPLIT_ROWS, { I5: 20, I8: 100 }), SPLIT_MERGES))).toEqual(['I5 score-rule 19.37']);
  });

  it('a met ≧ 18 公里 scored 16 of 20: score-rule 20', () => {
    expect(errors(run(applyPatch(SPLIT_ROWS, { I3: 16, I8: 95.37 }), SPLIT_MERGES))).toEqual(['I3 score-rule 20']);
  });

  it('指标性质 as 正向指标 / 反向指标 gives the direction; an unknown word makes the target qualitative', () => {
    const rows = applyPatch(SPLIT_ROWS, { D3: '正向指标', D6: '反向指标', D5: '递增' });
    const t = only(rows, SPLIT_MERGES);
    expect(shown(leaf(t, '新建机耕路').target)).toBe('E3=ge 18 公里');
    expect(shown(leaf(t, '亩均财政补助标准').target)).toBe('E6=le 1500 元');
    expect(shown(leaf(t, '项目完工及时率').target)).toBe('E5=qualitative');
    // 反向 ≤ 1500 met by 1400, full marks: right; read as 正向 it would be "missed".
    expect(errors(run(applyPatch(rows, { G6: '1400' }), SPLIT_MERGES))).toEqual([]);
  });

  it('headers that sit on the sub-header row (实际完成值 under nothing) are read too', () => {
    const rows = applyPatch(SPLIT_ROWS, { G1: null, G2: '实际完成值' });
    const merges = SPLIT_MERGES.filter((m) => m !== 'G1:G2');
    expect(shown(leaf(only(rows, merges), '项目完工及时率').actual)).toBe('G5=0.92%');
    expect(errors(run(applyPatch(rows, { I5: 20, I8: 100 }), merges))).toEqual(['I5 score-rule 19.37']);
  });

  it('level headers on the second row under a merged 绩效指标 / 指标 cell', () => {
    const rows: Rows = [
      ['指标', null, null, '分值', '得分'],
      ['一级指标', '二级指标', '三级指标'],
      ['产出指标', '数量指标', '培训人次', 60, 60],
      ['效益指标', '社会效益指标', '就业率', 40, 38],
      ['总分', null, null, 100, 98],
    ];
    const merges = ['A1:C1', 'D1:D2', 'E1:E2'];
    const t = only(rows, merges);
    expect(outline(t)).toEqual([
      '产出指标 w - s -',
      '  数量指标 w - s -',
      '    培训人次 w D3=60 s E3=60',
      '效益指标 w - s -',
      '  社会效益指标 w - s -',
      '    就业率 w D4=40 s E4=38',
    ]);
    expect(errors(run(applyPatch(rows, { E5: 100 }), merges))).toEqual(['E5 score-sum 98']);
  });

  it('a row of column numbers (栏次 1 2 3 …) under the header is not data', () => {
    const rows: Rows = [
      ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
      ['栏次', '1', '2', '3', '4', '5', '6'],
      ['产出指标', 60, '数量指标', 60, '培训场次', 60, 60],
      ['效益指标', 40, '社会效益指标', 40, '群众满意度', 40, 38],
      ['总分', 100, null, null, null, null, 98],
    ];
    expect(leaves(only(rows)).map((n) => n.label)).toEqual(['培训场次', '群众满意度']);
    expect(errors(run(rows))).toEqual([]);
    expect(errors(run(applyPatch(rows, { A2: null, B2: 1, C2: 2, D2: 3, E2: 4, F2: 5, G2: 6 })))).toEqual([]);
  });

  /** 符号 | 数值 | 单位 under an unmerged 目标值, operators as words, no merges anywhere; 反向 missed: 2/3 × 30 = 20; 96% of 100%: 38.4. */
  const WORD_ROWS: Rows = [
    ['序号', '一级指标', '二级指标', '三级指标', '目标值', null, null, '全年实际值', '权重', '自评得分'],
    [null, null, null, null, '符号', '数值', '单位'],
    ['1', '产出指标', '数量指标', '受益农户数', '大于等于', 3200, '户', 3418, 30, 30],
    ['2', null, '时效指标', '办结时限', '小于等于', 2, '天', 3, 30, 20],
    ['3', '满意度指标', '满意度指标', '群众满意度', '等于', 100, '%', pct(0.96, '0%'), 40, 38.4],
    ['合计', null, null, null, null, null, null, null, 100, 88.4],
  ];

  it('符号 | 数值 | 单位 with 大于等于 / 小于等于 / 等于, unmerged: read and clean', () => {
    const t = only(WORD_ROWS);
    expect(shown(leaf(t, '受益农户数').target)).toBe('F3=ge 3200 户');
    expect(shown(leaf(t, '办结时限').target)).toBe('F4=le 2 天');
    expect(shown(leaf(t, '办结时限').actual)).toBe('H4=3 天');
    expect(shown(leaf(t, '群众满意度').actual)).toBe('H5=0.96%');
    expect(errors(run(WORD_ROWS))).toEqual([]);
  });

  it('符号 | 数值 | 单位: a missed 小于等于 2 天 (3 天) with full marks: score-rule 20', () => {
    expect(errors(run(applyPatch(WORD_ROWS, { J4: 30, J6: 98.4 })))).toEqual(['J4 score-rule 20']);
  });
});

// ---------------------------------------------------------------------------
// C. Weights in percent

/** Layout C's summary with every weight in percent: 60% is 60 points, 得分率 is score ÷ points. */
function summaryInPercent(as: 'format' | 'text', patch?: Patch): Rows {
  const rows = applyPatch(SUMMARY_C_ROWS, patch);
  for (const r of rows.slice(1, 7)) {
    for (const c of [1, 4, 8]) {
      const w = r[c];
      if (typeof w === 'number') r[c] = as === 'format' ? pct(w / 100, '0%') : `${w}%`;
    }
  }
  return rows;
}

describe('C. weights in percent', () => {
  it('detection: percent weights are points of the full mark; the 总分 100% is 100', () => {
    const t = only(summaryInPercent('format'), SUMMARY_C_MERGES);
    expect(outline(t).slice(0, 3)).toEqual([
      '产出指标 w B2=60 s C2=57',
      '  数量指标 w E2=30 s F2=30',
      '    培训场次 w I2=10 s J2=10',
    ]);
    expect(totalOf(t)).toBe('A7 w B7=100 s C7=95');
  });

  it.each(['format', 'text'] as const)('clean, weights as a percent %s: no error', (as) => {
    expect(errors(run(summaryInPercent(as), SUMMARY_C_MERGES))).toEqual([]);
  });

  it('weights typed as text are still numbers stored as text (warnings), and only that', () => {
    const found = verdicts(run(summaryInPercent('text'), SUMMARY_C_MERGES));
    expect(found.every((v) => v.includes('text-number'))).toBe(true);
    expect(found).toContain('B2 text-number 60%');
  });

  it('a score above its percent weight: 12 of 10% is above 10 points', () => {
    expect(errors(run(summaryInPercent('format', { J2: 12, J3: 18 }), SUMMARY_C_MERGES))).toEqual(['J2 score-range 10']);
  });

  it('a level-2 weight of 35% over 16% + 14%: one root cause at E4', () => {
    const found = errors(run(summaryInPercent('text', { E4: '35%' }), SUMMARY_C_MERGES));
    expect(found.map((v) => v.split(' ').slice(0, 2).join(' '))).toEqual(['E4 weight-sum']);
  });
});

// ---------------------------------------------------------------------------
// E. Partial repeated headers at page breaks

/**
 * 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 年度指标值 | 实际完成值 | 得分, with the
 * finer half of the header repeated at two page breaks: on the first row of
 * 质量指标 (its label and weight to the left) and inside 社会效益指标.
 */
const PAGED_ROWS: Rows = [
  ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
  ['产出指标', 60, '数量指标', 30, '培训场次', 10, '≥10场', '12场', 10],
  [null, null, null, null, '培训人次', 20, '≥500人次', '620人次', 20],
  [null, null, '质量指标', 30, '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
  [null, null, null, null, '培训合格率', 16, '≥95%', '97%', 16],
  [null, null, null, null, '课程覆盖率', 14, '100%', '100%', 14],
  ['效益指标', 40, '社会效益指标', 40, '群众满意度', 20, '≥90%', '95%', 20],
  [null, null, null, null, '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
  [null, null, null, null, '服务覆盖率', 20, '≥80%', '85%', 20],
  ['总分', 100, null, null, null, null, null, null, 100],
];
const PAGED_MERGES = ['A2:A6', 'B2:B6', 'C2:C3', 'D2:D3', 'C4:C6', 'D4:D6', 'A7:A9', 'B7:B9', 'C7:C9', 'D7:D9'];

describe('E. partial repeated headers', () => {
  it('detection: the label to the left of a partial header starts its node; rows nest; 总分 found', () => {
    const t = only(PAGED_ROWS, PAGED_MERGES);
    expect(outline(t)).toEqual([
      '产出指标 w B2=60 s -',
      '  数量指标 w D2=30 s -',
      '    培训场次 w F2=10 s I2=10',
      '    培训人次 w F3=20 s I3=20',
      '  质量指标 w D4=30 s -',
      '    培训合格率 w F5=16 s I5=16',
      '    课程覆盖率 w F6=14 s I6=14',
      '效益指标 w B7=40 s -',
      '  社会效益指标 w D7=40 s -',
      '    群众满意度 w F7=20 s I7=20',
      '    服务覆盖率 w F9=20 s I9=20',
    ]);
    expect(totalOf(t)).toBe('A10 w B10=100 s I10=100');
  });

  it('clean, merged and unmerged: no error', () => {
    expect(errors(run(PAGED_ROWS, PAGED_MERGES))).toEqual([]);
    expect(errors(run(PAGED_ROWS))).toEqual([]);
  });

  it('a blank row before a repeated header (the page break) does not split the table', () => {
    const rows = [...PAGED_ROWS.slice(0, 7), [], ...PAGED_ROWS.slice(7)];
    const merges = ['A2:A6', 'B2:B6', 'C2:C3', 'D2:D3', 'C4:C6', 'D4:D6'];
    const t = only(rows, merges);
    expect(leaves(t).map((n) => n.label)).toEqual([
      '培训场次',
      '培训人次',
      '培训合格率',
      '课程覆盖率',
      '群众满意度',
      '服务覆盖率',
    ]);
    expect(errors(run(applyPatch(rows, { I11: 99 }), merges))).toEqual(['I11 score-sum 100']);
  });

  it('the level-2 weight on the header row is wrong: one root cause, D4 weight-sum 30', () => {
    expect(errors(run(applyPatch(PAGED_ROWS, { D4: 32 }), PAGED_MERGES))).toEqual(['D4 weight-sum 30']);
  });

  it('a score above its weight after the second break: I9 score-range, and the total follows', () => {
    expect(errors(run(applyPatch(PAGED_ROWS, { I9: 22, I10: 102 }), PAGED_MERGES))).toContain('I9 score-range 20');
  });
});

// ---------------------------------------------------------------------------
// H. Reached wording in actuals

describe('H. 达 / 达到 N in an actual', () => {
  const rows: Rows = [
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '技能培训人次', '≥1000人次', '培训人次达到800人次', 25, 20],
    [null, '质量指标', '培训合格率', '≥90%', '合格率达93%', 25, 25],
    [null, null, '取证率', '≥85%', '取证率达90%以上', 25, 25],
    ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥95%', '满意度达98%', 25, 25],
    ['总分', null, null, null, null, 100, 95],
  ];
  it('detection: 达/达到 N is N; 达90%以上 stays a bound', () => {
    const t = only(rows);
    expect(leaves(t).map((n) => shown(n.actual))).toEqual(['E2=800 人次', 'E3=0.93%', 'E4=ge 0.9%', 'E5=0.98%']);
  });
  it('clean: no error', () => {
    expect(errors(run(rows))).toEqual([]);
  });
  it('达到800人次 of ≥1000 with full marks: score-rule 20; 达98% of ≥95% scored 24: score-rule 25', () => {
    expect(errors(run(applyPatch(rows, { G2: 25, G5: 24, G6: 99 })))).toEqual(['G2 score-rule 20', 'G5 score-rule 25']);
  });
});

// ---------------------------------------------------------------------------
// K. A total right under the header; a summary with only a total

/** 合计 first, then the rows it totals: weights 30 + 30 + 40 = 100, scores 28 + 29.5 + 37.5 = 95. */
const TOTAL_FIRST_ROWS: Rows = [
  ['一级指标', '二级指标', '三级指标', '分值', '自评得分', '扣分原因'],
  ['合计', null, null, 100, 95],
  ['投入', '预算编制', '绩效目标合理性', 30, 28, '部分指标未细化。'],
  ['过程', '预算执行', '预算执行率', 30, 29.5, '支付进度滞后5%。'],
  ['产出', '职责履行', '任务完成率', 40, 37.5],
  ['评价等级', null, null, '优'],
];

describe('K. no empty sums', () => {
  it('detection: the 合计 under the header is the total of the rows below it', () => {
    const t = only(TOTAL_FIRST_ROWS);
    expect(totalOf(t)).toBe('A2 w D2=100 s E2=95');
    expect(leaves(t).map((n) => n.label)).toEqual(['绩效目标合理性', '预算执行率', '任务完成率']);
    expect(shown(t.grade)).toBe('D6=qualitative');
  });
  it('clean: no error', () => {
    expect(errors(run(TOTAL_FIRST_ROWS))).toEqual([]);
  });
  it('合计 97 over rows summing to 95: score-sum 95, never "合计 0"', () => {
    expect(errors(run(applyPatch(TOTAL_FIRST_ROWS, { E2: 97 })))).toEqual(['E2 score-sum 95']);
  });
  it('merged labels and the total moved to C10 give the same verdict', () => {
    const rows: Rows = [
      ...Array.from({ length: 9 }, () => []),
      ...applyPatch(TOTAL_FIRST_ROWS, { E2: 97 }).map((r) => [null, null, ...r]),
    ];
    expect(errors(run(rows, ['C11:E11']))).toEqual(['G11 score-sum 95']);
  });
  it('a summary with only a 总分 row builds no sum', () => {
    const rows: Rows = [
      ['一级指标', '分值', '得分', '等级'],
      ['总分', 100, 92, '优'],
    ];
    expect(errors(run(rows))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// M. Blank separator rows

describe('M. blank separator rows', () => {
  /** The project form with a blank row before 效益 and two before 总分. */
  const rows: Rows = [
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '培训人次', '≥100人次', '120人次', 30, 30],
    [null, '质量指标', '培训合格率', '≥95%', '97%', 30, 30],
    [],
    ['效益指标', '社会效益指标', '就业率', '≥60%', '65%', 40, 40],
    [],
    [],
    ['总分', null, null, null, null, 100, 100],
    [],
    ['注：得分一档最高不能超过该指标分值上限，2023年3月填报。'],
  ];
  it('detection: one table through the blank rows, ending at 总分', () => {
    const t = only(rows);
    expect(leaves(t).map((n) => n.label)).toEqual(['培训人次', '培训合格率', '就业率']);
    expect(totalOf(t)).toBe('A8 w F8=100 s G8=100');
    expect(t.bottom).toBe(7);
  });
  it('clean: no error', () => {
    expect(errors(run(rows))).toEqual([]);
  });
  it('the total below the blank rows is still checked: G8 99 → score-sum 100', () => {
    expect(errors(run(applyPatch(rows, { G8: 99 })))).toEqual(['G8 score-sum 100']);
  });
  it('a blank row then prose ends the table; a blank row then a new header starts another', () => {
    const two: Rows = [...rows.slice(0, 3), [], ['说明：以上为产出指标。'], [], ...rows.slice(0, 3)];
    expect(indicatorTables(two).map((t) => `${t.top}-${t.bottom}`)).toEqual(['0-2', '6-8']);
  });
});

// ---------------------------------------------------------------------------
// N. Traditional script

describe('N. traditional script', () => {
  const rows: Rows = [
    ['一級指標', '權重', '二級指標', '權重', '三級指標', '權重', '年度指標值', '實際完成值', '自評得分'],
    ['產出指標', 60, '數量指標', 30, '培訓場次', 10, '≥10場', '12場', 10],
    [null, null, null, null, '培訓人次', 20, '≥500人次', '620人次', 20],
    [null, null, '質量指標', 30, '培訓合格率', 30, '≥95%', '97%', 30],
    ['效益指標', 40, '社會效益指標', 40, '群眾滿意度', 40, '≥90%', '95%', 40],
    ['總分', 100, null, null, null, null, null, null, 100],
    ['績效等級', '優'],
  ];
  const merges = ['A2:A4', 'B2:B4', 'C2:C3', 'D2:D3'];
  it('detection: headers, 總分 and 績效等級 read as their simplified forms', () => {
    const t = only(rows, merges);
    expect(outline(t)[0]).toBe('產出指標 w B2=60 s -');
    expect(totalOf(t)).toBe('A6 w B6=100 s I6=100');
    expect(shown(t.grade)).toBe('B7=qualitative');
  });
  it('clean: no error', () => {
    expect(errors(run(rows, merges))).toEqual([]);
  });
  it('總分 99 over rows summing to 100: score-sum 100', () => {
    expect(errors(run(applyPatch(rows, { I6: 99 }), merges))).toEqual(['I6 score-sum 100']);
  });
  it('a grade 良 for 100 is reported: grade 优', () => {
    expect(errors(run(applyPatch(rows, { B7: '良' }), merges))).toEqual(['B7 grade 优']);
  });
});

// ---------------------------------------------------------------------------
// Variants combined, in other positions

describe('variants combined, in other positions', () => {
  it('N + funds block: a project form in traditional script, funds linked, 總分 checked', () => {
    const rows: Rows = [
      [],
      [null, '項目資金（萬元）', null, '年初預算數', '全年預算數', '全年執行數', '分值', '執行率', '得分'],
      [null, null, '年度資金總額', 100, 100, 90, 10, pct(0.9), 9],
      [null, null, '其中：當年財政撥款', 100, 100, 90, '—', pct(0.9), '—'],
      [],
      [null, '一級指標', '二級指標', '三級指標', '年度指標值', '實際完成值', '分值', '得分'],
      [null, '產出指標', '數量指標', '培訓人次', '≥100人次', '120人次', 45, 45],
      [null, '效益指標', '社會效益指標', '就業率', '≥60%', '達到65%', 45, 45],
      [null, '總分', null, null, null, null, 100, 99],
    ];
    const result = run(rows, ['B3:B4']);
    expect(result.tables.map((t) => `${t.kind} ${t.range}`)).toEqual(['project-funds B2:I4', 'project-form B6:H9']);
    expect(errors(result)).toEqual([]);
    expect(errors(run(applyPatch(rows, { H9: 100 }), ['B3:B4']))).toEqual(['H9 score-sum 99']);
  });

  it('B-layout narrative merged down over two indicators serves both rows', () => {
    const rows: Rows = [
      ['序号', '二级指标', '三级指标', '年度指标值', '完成率', '指标实际完成值及相关说明'],
      ['1', '数量指标', '培训人次', '≥1000人次', pct(1.2), '全年培训1200人次，培训合格率96%。'],
      ['2', '质量指标', '培训合格率', '≥95%', pct(1)],
    ];
    const merges = ['F2:F3'];
    const t = only(rows, merges);
    expect(leaves(t).map((n) => n.narrative?.address)).toEqual(['F2', 'F2']);
    expect(errors(run(rows, merges))).toEqual([]);
    expect(errors(run(applyPatch(rows, { E2: pct(1.1) }), merges))).toEqual(['E2 rate 120.00%']);
  });

  it('C in a project form: weights typed 45%, a 总分 of 110% is not the full mark', () => {
    const rows: Rows = [
      ['一级指标', '二级指标', '三级指标', '权重', '年度指标值', '实际完成值', '得分'],
      ['产出指标', '数量指标', '培训人次', '50%', '≥100人次', '120人次', 50],
      ['效益指标', '社会效益指标', '就业率', '50%', '≥60%', '65%', 50],
      ['总分', null, null, '110%', null, null, 100],
    ];
    expect(errors(run(rows))).toEqual(['D4 weight-sum 100%']);
    expect(errors(run(applyPatch(rows, { D4: '100%' })))).toEqual([]);
  });

  it('E without merges: labels on their first row only, a partial header naming 三级指标 | 分值 | 得分 only', () => {
    const rows: Rows = [
      ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
      ['产出指标', 60, '数量指标', 30, '培训场次', 30, 30],
      [null, null, '质量指标', 30, '三级指标', '分值', '得分'],
      [null, null, null, null, '培训合格率', 30, 29],
      ['效益指标', 40, '社会效益指标', 40, '群众满意度', 40, 40],
      ['总分', 100, null, null, null, null, 99],
    ];
    expect(errors(run(rows))).toEqual([]);
    expect(errors(run(applyPatch(rows, { D3: 35 })))).toEqual(['D3 weight-sum 30']);
  });

  it('K with level weights: 总分 first in a layout-A table', () => {
    const rows: Rows = [
      ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
      ['总分', 100, null, null, null, null, 96],
      ['产出指标', 60, '数量指标', 60, '培训场次', 60, 58],
      ['效益指标', 40, '社会效益指标', 40, '群众满意度', 40, 38],
    ];
    expect(errors(run(rows))).toEqual([]);
    expect(errors(run(applyPatch(rows, { D3: 50 })))).toEqual(['D3 weight-sum 60']);
  });

  it('小计 rows close their level-1 block: its weight and score, never another indicator', () => {
    const rows: Rows = [
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['产出指标', '数量指标', '培训场次', 30, 30],
      [null, '质量指标', '培训合格率', 30, 28],
      [null, '小计', null, 60, 58],
      ['效益指标', '社会效益指标', '群众满意度', 40, 40],
      [null, '小计', null, 40, 40],
      ['总分', null, null, 100, 98],
    ];
    const merges = ['A2:A4', 'A5:A6'];
    const t = only(rows, merges);
    expect(outline(t)).toEqual([
      '产出指标 w D4=60 s E4=58',
      '  数量指标 w - s -',
      '    培训场次 w D2=30 s E2=30',
      '  质量指标 w - s -',
      '    培训合格率 w D3=30 s E3=28',
      '效益指标 w D6=40 s E6=40',
      '  社会效益指标 w - s -',
      '    群众满意度 w D5=40 s E5=40',
    ]);
    expect(errors(run(rows, merges))).toEqual([]);
    expect(errors(run(applyPatch(rows, { E4: 59 }), merges))).toEqual(['E4 score-sum 58']);
  });

  it('M: a blank row inside a merged level-1 cell', () => {
    const rows: Rows = [
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['产出指标', '数量指标', '培训场次', 30, 30],
      [],
      [null, '质量指标', '培训合格率', 30, 28],
      ['效益指标', '社会效益指标', '群众满意度', 40, 40],
      ['总分', null, null, 100, 98],
    ];
    const t = only(rows, ['A2:A4']);
    expect(outline(t)[0]).toBe('产出指标 w - s -');
    expect(t.roots[0].children.map((n) => n.label)).toEqual(['数量指标', '质量指标']);
    expect(errors(run(applyPatch(rows, { E6: 100 }), ['A2:A4']))).toEqual(['E6 score-sum 98']);
  });
});
