import { pct, ruleTester } from './rule-tester';
import { budgetD, projectE, summaryC } from './sample-tables';

ruleTester('not-checked', {
  valid: [
    summaryC('a clean score summary has nothing left unchecked'),
    budgetD('a clean budget table has nothing left unchecked'),
    budgetD('0 ÷ 0 is simply nothing to check', { A9: '（3）其他项目', B9: 0, C9: 0, D9: pct(0) }),
  ],
  invalid: [
    projectE(
      'an actual typed as a bound (≥93%) cannot be recomputed',
      { E11: '≥93%' },
      {
        findings: [{ cell: 'E11' }],
      },
    ),
    projectE(
      'an actual typed as a bound (≥90%) against a 100% target with marks deducted',
      { E9: '≥90%' },
      {
        findings: [{ cell: 'E9' }],
      },
    ),
    budgetD(
      'a rate over a zero budget (5 spent of 0) has no ratio',
      {
        A9: '（3）其他项目',
        B9: 0,
        C9: 5,
        D9: pct(0),
        C6: 180,
        C2: 275,
        D2: pct(0.9167),
        D6: pct(0.9),
      },
      { findings: [{ cell: 'D9' }] },
    ),
    summaryC(
      'a level-3 score showing #REF! leaves its subtotal unchecked, and says so',
      { J4: { error: '#REF!' } },
      {
        findings: [{ cell: 'J4' }],
      },
    ),
    summaryC(
      'a level-3 indicator with a weight of 14 and no score keeps its subtotal unchecked, and says so',
      { J5: null },
      { findings: [{ cell: 'I5', messageId: 'blank-score', says: ['课程覆盖率（I5）', '分值 14', '得分却为空'] }] },
    ),
    budgetD(
      'a budget amount showing #VALUE! is named, not silently skipped',
      { B4: { error: '#VALUE!' } },
      {
        findings: [{ cell: 'B4' }],
      },
    ),
  ],
});
