/**
 * The label words indicator detection reads rows by (layout/headers.ts):
 * template fillers, note rows, footnotes and the sub-headers of a split
 * target, as a table a domain expert can review.
 */
import { isFootnoteLabel, isNoteLabel, isPlaceholderLabel, targetPart } from '../../../src/core/layout/headers';

describe('isPlaceholderLabel: a template row left unfilled (variant A)', () => {
  it.each(['……', '...', '—', '－', '/', '无', '指标1：', '指标2:', '指标 3', '2.'])('%j is a placeholder', (label) => {
    expect(isPlaceholderLabel(label)).toBe(true);
  });
  it.each(['指标1：培训期数', '参训农民满意度', '无障碍设施覆盖率', '一级指标', '1.培训人次'])('%j is an indicator', (label) => {
    expect(isPlaceholderLabel(label)).toBe(false);
  });
});

describe('isNoteLabel: prose about the table inside it (variant A)', () => {
  it.each([
    '其他需要说明事项',
    '其他需说明事项',
    '其他需要说明的问题',
    '需要说明的事项',
    '备注',
    '说明',
    '说明：无',
    '其他需要说明事项：无',
    '備註',
    '其他需要說明事項',
  ])('%j is a note row', (label) => {
    expect(isNoteLabel(label)).toBe(true);
  });
  it.each(['说明书发放及时率', '备注栏填写规范率', '政策宣传说明会场次'])('%j is an indicator', (label) => {
    expect(isNoteLabel(label)).toBe(false);
  });
});

describe('isFootnoteLabel: the form ends here (variants A, M)', () => {
  it.each([
    '注：1.得分一档最高不能超过该指标分值上限。',
    '注1：',
    '注:',
    '註：',
    '填报人：张三',
    '联系电话：1234',
    '填报日期：2023年3月',
  ])('%j is a footnote', (label) => {
    expect(isFootnoteLabel(label)).toBe(true);
  });
  it.each(['注册企业数', '注销登记办结率', '填报及时率', '人员培训'])('%j is an indicator', (label) => {
    expect(isFootnoteLabel(label)).toBe(false);
  });
});

describe('targetPart: sub-headers of a split target (variant B)', () => {
  it.each([
    ['指标性质', 'op'],
    ['符号', 'op'],
    ['指标值', 'value'],
    ['数值', 'value'],
    ['度量单位', 'unit'],
    ['单位', 'unit'],
    ['计量单位', 'unit'],
    ['度量\n单位', 'unit'],
    ['指標值', 'value'],
    ['实际完成值', undefined],
  ])('%j → %s', (header, part) => {
    expect(targetPart(header)).toBe(part);
  });
});
