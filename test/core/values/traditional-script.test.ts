/**
 * Traditional script folds to simplified in the one text folding (docs/domain.md §2 N),
 * so every header word, row label, grade and unit matches alike.
 */
import { headerRole, isTotalLabel } from '../../../src/core/layout/headers';
import { normalizeHeader, normalizeText } from '../../../src/core/values/normalize-text';
import { parseTypedText } from '../../../src/core/values/parse-typed-value';

describe('traditional script', () => {
  it.each([
    ['預算數', '预算数'],
    ['執行數', '执行数'],
    ['執行率', '执行率'],
    ['合計', '合计'],
    ['總分', '总分'],
    ['權重', '权重'],
    ['實際完成值', '实际完成值'],
    ['績效等級', '绩效等级'],
    ['優', '优'],
    ['調整後預算數', '调整后预算数'],
  ])('%s folds to %s', (traditional, simplified) => {
    expect(normalizeText(traditional)).toBe(simplified);
  });

  it.each([
    ['預算數（萬元）', 'budget'],
    ['全年執行數', 'spent'],
    ['預算執行率', 'rate'],
    ['權重', 'weight'],
    ['自評得分', 'score'],
    ['年度指標值', 'target'],
    ['一級指標', 'level1'],
    ['三級指標', 'level3'],
  ])('header %s has the role %s', (header, role) => {
    expect(headerRole(header)).toBe(role);
  });

  it('total labels in traditional script are total labels', () => {
    expect(isTotalLabel('合計')).toBe(true);
    expect(isTotalLabel('總分')).toBe(true);
    expect(isTotalLabel('總計')).toBe(true);
    expect(isTotalLabel('預算執行')).toBe(false);
  });

  it('numbers keep their scale and bounds: 1.2萬人以上, 不低於95%', () => {
    const wan = parseTypedText('1.2萬人以上');
    const floor = parseTypedText('不低於95%');
    expect(wan.kind === 'number' && `${wan.op} ${wan.value.toString()} ${wan.unit}`).toBe('ge 12000 人');
    expect(floor.kind === 'number' && `${floor.op} ${floor.value.toString()}`).toBe('ge 0.95');
  });

  it('simplified text and text without Chinese are left as they are', () => {
    expect(normalizeHeader('全年预算数（万元）')).toBe('全年预算数');
    expect(normalizeText('≥95%')).toBe('≥95%');
  });
});
