import { pct, ruleTester, type CellInput } from './rule-tester';
import { budgetD, summaryC } from './sample-tables';

const BUDGET_SMALL = (rate: CellInput) => ({
  rows: [
    ['项目', '预算数（万元）', '支出数（万元）', '执行率'],
    ['支出合计', 9.32, 7.02, pct(0.7532)],
    ['基本支出', 4.66, 3.51, rate],
    ['项目支出', 4.66, 3.51, pct(0.7532)],
  ],
});

/** Layout B: the actual is inside the narrative; 89460 / 80000 = 111.83% (uncapped). */
const COMPLETION_B = (patch: { rate1?: CellInput; rate2?: CellInput } = {}) => ({
  rows: [
    ['序号', '二级指标', '三级指标', '年度指标值', '完成率', '指标实际完成值及相关说明'],
    [1, '数量指标', '政务服务人次', '80000人次', patch.rate1 ?? pct(1.1183), '全年服务人次89460人次。'],
    [2, '质量指标', '按时办结率', '≥95%', patch.rate2 ?? pct(1), '按时办结率98%。'],
  ],
});

ruleTester('rate', {
  valid: [
    summaryC('得分率 100%, 90%, 95% for 30/30, 27/30, 38/40'),
    budgetD('execution rates of every row, 96.67% for 58/60 rounded'),
    { name: '75.27% from 3.51/4.66 万元 is within rounding (3.505–3.515 ÷ 4.655–4.665)', ...BUDGET_SMALL(pct(0.7527)) },
    budgetD('0 ÷ 0 is not an error', { A9: '（3）其他项目', B9: 0, C9: 0, D9: pct(0) }),
    { name: 'percent target met shown as 100% in an uncapped table', ...COMPLETION_B() },
  ],
  invalid: [
    summaryC(
      '得分率 90% for 27 of a level-2 weight mistyped 31 (its children say 30): an echo of the weight, the one wrong cell',
      { E4: 31 },
      {
        findings: [{ cell: 'G4', cause: 'E4', fix: null }],
      },
    ),
    summaryC(
      '得分率 90% for a level-2 score mistyped 28 (its children say 27): an echo of the score, the one wrong cell',
      { F4: 28 },
      {
        findings: [{ cell: 'G4', cause: 'F4', fix: null }],
      },
    ),
    budgetD(
      'execution rate 90.00% where 175 / 200 = 87.50%',
      { D6: pct(0.9) },
      {
        findings: [{ cell: 'D6', expected: '87.50%' }],
      },
    ),
    summaryC('得分率 100% for a score of 27 of 30', { G4: pct(1, '0%') }, { findings: [{ cell: 'G4', expected: '90%' }] }),
    {
      name: '75.60% from 3.51/4.66 万元 is beyond rounding (at most 75.51%)',
      ...BUDGET_SMALL(pct(0.756)),
      findings: [{ cell: 'D3', expected: '75.32%' }],
    },
    {
      name: 'completion 110% where the narrative says 89460 of 80000 (111.83%)',
      ...COMPLETION_B({ rate1: pct(1.1) }),
      findings: [{ cell: 'E2', expected: '111.83%' }],
    },
  ],
});
