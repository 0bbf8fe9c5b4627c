import { DEFAULT_PROFILE } from '../../../src/core/profile';
import { pct, ruleTester } from './rule-tester';
import { projectE } from './sample-tables';

const ONE_POINT = { ...DEFAULT_PROFILE, scoreTolerance: 1 };

ruleTester('score-rule', {
  valid: [
    projectE('funds 9 for 90% execution; 19 of 20 for 95% against 100%; 反向 ≤10天 met by 8天'),
    projectE('funds score 10 for 105% execution (the rate counts at most 100%)', {
      E2: 105,
      E3: 105,
      G2: pct(1.05),
      G3: pct(1.05),
      H2: 10,
      G12: 99,
    }),
    projectE('qualitative target 有效提升 met with full marks is not recomputed', { D10: '有效提升', E10: '有效提升' }),
    projectE(
      'full marks 20 for 95% of 100% (pro rata 19) is within a scoreTolerance of 1',
      { G9: 20, G12: 99 },
      { profile: ONE_POINT },
    ),
    projectE('funds 9.5 for 90% execution (9) is within a scoreTolerance of 1', { H2: 9.5, G12: 98.5 }, { profile: ONE_POINT }),
  ],
  invalid: [
    projectE(
      'funds score 10 for 90% execution',
      { H2: 10, G12: 99 },
      {
        findings: [
          { cell: 'H2', expected: '9', messageId: 'funds', fix: 9, says: ['年度资金总额（H2）', '10', '分值 10', '90.00%', '9'] },
        ],
      },
    ),
    projectE(
      'full marks although 95% misses the target 100%',
      { G9: 20, G12: 99 },
      {
        findings: [{ cell: 'G9', expected: '19' }],
      },
    ),
    projectE(
      'marks deducted although 120人次 meets ≥100人次',
      { G8: 18, G12: 96 },
      {
        findings: [{ cell: 'G8', expected: '20' }],
      },
    ),
    projectE(
      '反向 target ≤10天 missed with 12天 but full marks: 10/12 × 30 = 25',
      { E10: '12天' },
      {
        findings: [{ cell: 'G10', expected: '25' }],
      },
    ),
  ],
});
