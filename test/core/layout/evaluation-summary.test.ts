/**
 * Evaluation summaries (issue 15, variant L): label | 分值 | 自评分值 | 得分率
 * rows with no level header, 总分, and 自评分值 → 自评等级 graded in the
 * form's own words (优秀 / 良好 / 合格 / 不合格), with or without a cover
 * page above.
 */
import { pct } from '../checks/rule-tester';
import { applyPatch } from '../checks/sample-tables';
import { errors, indicatorTables, only, outline, run, shown, totalOf, type Rows } from './layout-helpers';

// ---------------------------------------------------------------------------
// L. Evaluation summaries, cover pages, grade aliases

describe('L. evaluation summaries and grade aliases', () => {
  /** 评价维度 | 分值 | 自评分值 | 得分率 with no level column, 总分, then 自评等级 in 优秀/良好/合格/不合格. */
  const SUMMARY: Rows = [
    ['评价维度', '分值', '自评分值', '得分率'],
    ['预算执行', 10, 9.8, pct(0.98)],
    ['产出指标', 50, 48.7, pct(0.974)],
    ['效益指标', 30, 29.25, pct(0.975)],
    ['满意度指标', 10, 10, pct(1)],
    ['总分', 100, 97.75, pct(0.9775)],
    ['自评等级', '优秀'],
  ];
  it('detection: the label column without a level header reads as the indicators; 总分 and grade found', () => {
    const t = only(SUMMARY);
    expect(outline(t)).toEqual([
      '预算执行 w B2=10 s C2=9.8',
      '产出指标 w B3=50 s C3=48.7',
      '效益指标 w B4=30 s C4=29.25',
      '满意度指标 w B5=10 s C5=10',
    ]);
    expect(totalOf(t)).toBe('A6 w B6=100 s C6=97.75');
    expect(shown(t.grade)).toBe('B7=qualitative');
  });
  it('clean: no error', () => {
    expect(errors(run(SUMMARY))).toEqual([]);
  });
  it('a 得分率 with swapped digits: 94.70% for 48.7 ÷ 50 → rate 97.40%', () => {
    expect(errors(run(applyPatch(SUMMARY, { D3: pct(0.947) })))).toEqual(['D3 rate 97.40%']);
  });
  it('a grade typed 良好 for 79.6 expects 合格; 优 scheme expects 中', () => {
    const low = { C2: 7.6, C3: 38.4, C4: 23.6, C5: 10, C6: 79.6, D2: pct(0.76), D3: pct(0.768), D4: pct(0.7867), D6: pct(0.796) };
    expect(errors(run(applyPatch(SUMMARY, { ...low, B7: '良好' })))).toEqual(['B7 grade 合格']);
    expect(errors(run(applyPatch(SUMMARY, { ...low, B7: '良' })))).toEqual(['B7 grade 中']);
    expect(errors(run(applyPatch(SUMMARY, { ...low, B7: '中等' })))).toEqual([]);
  });
  it('a cover page above the table does not stop detection', () => {
    const cover: Rows = [
      [null, null, '附件2'],
      [],
      ['2022年度项目支出绩效自评报告'],
      [],
      [null, null, '项 目 名 称：某项目'],
      [null, null, '自 评 得 分：97.75分'],
      [null, null, '填 报 日 期：2023年3月20日'],
      [],
    ];
    const t = indicatorTables([...cover, ...SUMMARY]);
    expect(t.map((x) => x.top)).toEqual([cover.length]);
    expect(errors(run([...cover, ...applyPatch(SUMMARY, { C6: 98.75, D6: pct(0.9875) })]))).toEqual(['C14 score-sum 97.75']);
  });
});
