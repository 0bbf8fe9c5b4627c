import { formula, pct, ruleTester } from './rule-tester';
import { budgetD, summaryC } from './sample-tables';

/** 项目支出 with a third child row worth 0, so a SUM that leaves it out still agrees today. */
const withZeroChild = {
  A9: '（3）其他项目',
  B9: 0,
  C9: 0,
};

ruleTester('formula-range', {
  valid: [
    summaryC('subtotals and total summed over exactly their children', {
      F2: formula(30, 'SUM(J2:J3)'),
      F4: formula(27, 'SUM(J4:J5)'),
      C2: formula(57, 'SUM(F2:F5)'),
      C7: formula(95, 'SUM(C2:C6)'),
    }),
    budgetD('项目支出 = SUM over all three child rows', { ...withZeroChild, B6: formula(200, 'SUM(B7:B9)') }),
    budgetD('a rate formula is not a SUM range', { D6: formula(0.875, 'C6/B6', '0.00%') }),
  ],
  invalid: [
    budgetD(
      'SUM leaving out the last child row (worth 0, so the value agrees today)',
      {
        ...withZeroChild,
        B6: formula(200, 'SUM(B7:B8)'),
      },
      { findings: [{ cell: 'B6' }] },
    ),
    summaryC(
      'subtotal SUM taking in a row of the next group',
      { F2: formula(45, 'SUM(J2:J4)') },
      {
        findings: [{ cell: 'F2' }],
      },
    ),
    summaryC(
      'total SUM over level-1 rows that leaves out 满意度指标',
      { C7: formula(57, 'SUM(C2:C5)'), G4: pct(0.9, '0%') },
      {
        findings: [{ cell: 'C7' }],
      },
    ),
  ],
});
