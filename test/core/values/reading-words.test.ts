/**
 * How people write the operator and the reached value (docs/domain.md §2 B, H): the
 * glyphs and words of a 指标性质 column, and 达/达到 N read as a target
 * (at least N) and as an actual or narrative (N itself).
 */
import { numbersInNarrative } from '../../../src/core/values/narrative-numbers';
import { parseTypedText } from '../../../src/core/values/parse-typed-value';
import type { TypedValue } from '../../../src/core/values/typed-value';

function described(v: TypedValue): string {
  return v.kind === 'number' ? `${v.op} ${v.value.toString()}${v.unit ? ` ${v.unit}` : ''}` : v.kind;
}

describe('operator glyphs and words (variant B)', () => {
  it.each([
    ['≥95%', 'ge 0.95 %'],
    ['≧18公里', 'ge 18 公里'],
    ['⩾0.58', 'ge 0.58'],
    ['≤1500元', 'le 1500 元'],
    ['≦1500元', 'le 1500 元'],
    ['⩽3天', 'le 3 天'],
    ['＝100%', 'eq 1 %'],
    ['﹦100%', 'eq 1 %'],
    ['═100%', 'eq 1 %'],
    ['﹥98%', 'gt 0.98 %'],
    ['﹤5%', 'lt 0.05 %'],
    ['大于等于90%', 'ge 0.9 %'],
    ['小于等于2天', 'le 2 天'],
    ['等于100%', 'eq 1 %'],
    ['定性', 'qualitative'],
  ])('%s → %s', (typed, meaning) => {
    expect(described(parseTypedText(typed))).toBe(meaning);
  });
});

describe('达 / 达到 N (variant H)', () => {
  it.each([
    // In a target it sets a floor.
    ['达200人', 'target', 'ge 200 人'],
    ['覆盖率达到95%', 'target', 'ge 0.95 %'],
    // In an actual it says what was reached, wherever it sits.
    ['培训人次达到800人次', 'reached', 'eq 800 人次'],
    ['满意度达98%', 'reached', 'eq 0.98 %'],
    ['达到100%', 'reached', 'eq 1 %'],
    ['服务人次达到2.6万人次', 'reached', 'eq 26000 人次'],
    // Only an explicit bound keeps an actual a bound.
    ['取证率达90%以上', 'reached', 'ge 0.9 %'],
    ['不低于95%', 'reached', 'ge 0.95 %'],
    ['≥5个', 'reached', 'ge 5 个'],
  ] as const)('%s read as %s → %s', (typed, reading, meaning) => {
    expect(described(parseTypedText(typed, reading))).toBe(meaning);
  });

  it('a narrative reports what was reached: 达到 N is N, 以上 stays a bound', () => {
    const found = numbersInNarrative('全年培训人次达到2.6万人次，满意度达98%，合格率95%以上。');
    expect(found.map((n) => `${n.op} ${n.value.toString()}`)).toEqual(['eq 26000', 'eq 0.98', 'ge 0.95']);
  });
});
