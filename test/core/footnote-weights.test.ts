/**
 * Layout E variants state the level-1 weights only in the form's footnote
 * (docs/domain.md §2 E): "注：产出指标50分、效益指标40分、满意度指标10分". Those stated
 * weights are checked against the level-3 weights under each level-1 group.
 */
import { checkSheet } from '../../src/core/engine';
import { sheetFromValues } from '../../src/core/grid/grid';

function form(footnote: string, outputWeights: [number, number]) {
  return sheetFromValues('项目', [
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '场景数量', '≥5个', '10个', outputWeights[0], outputWeights[0]],
    [null, '质量指标', '验收通过率', '100%', '100%', outputWeights[1], outputWeights[1]],
    ['效益指标', '社会效益指标', '处置效率', '有效提升', '有效提升', 40, 40],
    ['满意度指标', '满意度', '满意度', '≥90%', '93%', 10, 10],
    ['总分', null, null, null, null, 100, 50 + outputWeights[0] + outputWeights[1]],
    [footnote],
  ]);
}

describe('level-1 weights stated in the footnote', () => {
  it('accepts a table whose groups add up to the footnote’s weights', () => {
    const r = checkSheet(form('注：产出指标50分、效益指标40分、满意度指标10分。', [30, 20]));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('names the footnote when a group’s weights do not add up to what it states', () => {
    const r = checkSheet(form('注：产出指标50分、效益指标40分、满意度指标10分。', [30, 25]));
    const errors = r.findings.filter((f) => f.severity === 'error').map((f) => [f.cell, f.rule, f.found, f.expected]);
    expect(errors).toContainEqual(['A7', 'weight-sum', '50', '55']);
  });
});
