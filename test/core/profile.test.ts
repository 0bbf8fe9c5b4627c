/**
 * The profile changes verdicts exactly where docs/domain.md §4 leaves a choice:
 * capping, grade bands, the total weight, the 反向 scoring formula.
 */
import type { RuleId } from '../../src/core/findings/finding';
import { DEFAULT_PROFILE, ProfileError, resolveProfile, type Profile } from '../../src/core/profile';
import { findingsOf, pct, type CellInput } from './checks/rule-tester';
import { projectE, summaryC } from './checks/sample-tables';

const cellsOf = (
  rule: RuleId,
  rows: CellInput[][] | readonly (readonly CellInput[])[],
  profile?: Profile,
  merges?: readonly string[],
) => findingsOf(rule, { name: '', rows, merges, profile }).map((f) => `${f.cell} ${f.expected ?? ''}`.trim());

/** Layout B; 89460 / 80000 = 111.83%, 120 / 100 = 120%. */
const completion = (visits: number, sessions: number): CellInput[][] => [
  ['序号', '二级指标', '三级指标', '年度指标值', '完成率', '指标实际完成值及相关说明'],
  [1, '数量指标', '政务服务人次', '80000人次', pct(visits), '全年服务人次89460人次。'],
  [2, '数量指标', '培训场次', '100场', pct(sessions), '全年开展培训120场。'],
];

describe('capRates', () => {
  const allCapped = completion(1, 1);
  it('infer: a table whose over-achieved rows all show 100% is read as capped — no rate error', () => {
    expect(cellsOf('rate', allCapped)).toEqual([]);
  });
  it('capped: the same table is right', () => {
    expect(cellsOf('rate', allCapped, resolveProfile({ capRates: 'capped' }))).toEqual([]);
  });
  it('uncapped: the same table is wrong twice — 111.83% and 120.00% were due', () => {
    expect(cellsOf('rate', allCapped, resolveProfile({ capRates: 'uncapped' })).sort()).toEqual(['E2 111.83%', 'E3 120.00%']);
  });
  it('capped: an uncapped table (111.83%, 120%) is wrong twice — 100.00% was due', () => {
    const uncapped = completion(1.1183, 1.2);
    expect(cellsOf('rate', uncapped)).toEqual([]);
    expect(cellsOf('rate', uncapped, resolveProfile({ capRates: 'capped' })).sort()).toEqual(['E2 100.00%', 'E3 100.00%']);
  });
});

describe('gradeBands', () => {
  const rows = summaryC('', { C7: 92, B8: '优' }).rows;
  const merges = summaryC('').merges;
  it('92 is 优 under the default bands (优 ≥ 90)', () => {
    expect(cellsOf('grade', rows, undefined, merges)).toEqual([]);
  });
  it('92 is 良 under bands 优 ≥ 95, 良 ≥ 85, 中 ≥ 60, 差', () => {
    const profile = resolveProfile({
      gradeBands: [
        { label: '差', min: 0 },
        { label: '中', min: 60 },
        { label: '良', min: 85 },
        { label: '优', min: 95 },
      ],
    });
    expect(cellsOf('grade', rows, profile, merges)).toEqual(['B8 良']);
  });
});

describe('totalWeight', () => {
  const { rows, merges } = summaryC('');
  it('总分 weight 100 is right under the default total 100', () => {
    expect(cellsOf('weight-sum', rows, undefined, merges)).toEqual([]);
  });
  it('总分 weight 100 is wrong under a profile total of 110', () => {
    expect(cellsOf('weight-sum', rows, resolveProfile({ totalWeight: 110 }), merges)).toEqual(['B7 110']);
  });
});

describe('reverseScoring', () => {
  // ≤10天 missed with 12天, full marks 30 given.
  const { rows, merges } = projectE('', { E10: '12天' });
  it('default target/actual: 10 / 12 × 30 = 25', () => {
    expect(cellsOf('score-rule', rows, undefined, merges)).toEqual(['G10 25']);
  });
  it('linear: 30 × (1 − (12 − 10) / 10) = 24', () => {
    expect(cellsOf('score-rule', rows, resolveProfile({ reverseScoring: 'linear' }), merges)).toEqual(['G10 24']);
  });
});

describe('resolveProfile', () => {
  it('an empty profile is the default', () => {
    expect(resolveProfile({})).toEqual(DEFAULT_PROFILE);
  });
  it('keeps the defaults for fields not given', () => {
    const p = resolveProfile({ totalWeight: 110 });
    expect([p.totalWeight, p.capRates, p.reverseScoring, p.gradeBands.length]).toEqual([110, 'infer', 'target-over-actual', 4]);
  });
  it.each([
    ['not an object', 'strict', /JSON object/],
    ['a list', [1, 2], /JSON object/],
    ['capRates "sometimes"', { capRates: 'sometimes' }, /capRates/],
    ['totalWeight −5', { totalWeight: -5 }, /totalWeight/],
    ['totalWeight "100" as text', { totalWeight: '100' }, /totalWeight/],
    ['reverseScoring "quadratic"', { reverseScoring: 'quadratic' }, /reverseScoring/],
    ['scoreTolerance −1', { scoreTolerance: -1 }, /scoreTolerance/],
    ['gradeBands empty', { gradeBands: [] }, /gradeBands/],
    ['a grade band without a min', { gradeBands: [{ label: '优' }] }, /gradeBands\[0\]/],
  ])('rejects %s with a message naming the field', (_name, input, message) => {
    expect(() => resolveProfile(input)).toThrow(ProfileError);
    expect(() => resolveProfile(input)).toThrow(message);
  });
});
