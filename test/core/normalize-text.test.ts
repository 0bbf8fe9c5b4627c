/** Folding typed text and header cells (docs/domain.md §2 "match by meaning", §3). */
import { normalizeForNumbers, normalizeHeader, normalizeText } from '../../src/core/values/normalize-text';

describe('normalizeText', () => {
  it.each([
    ['２０００', '2000'],
    ['87.93％', '87.93%'],
    ['－5', '-5'],
    ['＞＝90％', '>=90%'],
    ['（万元）', '(万元)'],
    ['得分：', '得分:'],
    ['实际\n完成值', '实际完成值'],
    ['实际\r\n完成值', '实际完成值'],
    ['年度\u3000指标值', '年度指标值'],
    ['年度\u00a0指标值', '年度指标值'],
    ['\u200b得分\ufeff', '得分'],
    [' 2. 0 ', '2.0'],
    ['24, 028, 491. 84', '24,028,491.84'],
    ['ＡＢＣ／ａｂｃ', 'ABC/abc'],
    ['绩效自评表。', '绩效自评表。'], // Chinese punctuation outside U+FF01–FF5E is kept
    ['优秀', '优秀'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('normalizeForNumbers', () => {
  it.each([
    ['24, 028, 491. 84', '24,028,491.84'],
    ['2. 0', '2.0'],
    ['74.2 万份', '74.2万份'],
    ['5 000', '5 000'], // two digits apart stay apart: not silently 5000
    ['5  \n 000', '5 000'],
    ['−5', '-5'],
    ['2022 年 5 月 30 日', '2022年5月30日'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForNumbers(input)).toBe(expected);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['全年预算数（A）', '全年预算数'],
    ['全年执行数(B)', '全年执行数'],
    ['执行率（B/A）', '执行率'],
    ['执行率（B/A*100%）', '执行率'],
    ['年初预算数\n（万元）', '年初预算数'],
    ['预算数(元)', '预算数'],
    ['占比（%）', '占比'],
    ['金额（单位：万元）', '金额'],
    ['*实际完成值：', '实际完成值'],
    ['得分:', '得分'],
    ['实际 完成 值', '实际完成值'],
    ['年度指标值', '年度指标值'],
    ['得分/自评分', '得分/自评分'],
    ['指标实际完成值及相关说明', '指标实际完成值及相关说明'],
    ['产出指标（50分）', '产出指标(50分)'], // a weight, not decoration
    ['一级指标（产出）', '一级指标(产出)'], // words inside are kept
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});
