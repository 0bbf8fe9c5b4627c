import { DEFAULT_PROFILE } from '../../../src/core/profile';
import { pct, ruleTester } from './rule-tester';
import { summaryC } from './sample-tables';

/** A profile that lets a score stray by half a point (scoreTolerance 0.5). */
const HALF_POINT = { ...DEFAULT_PROFILE, scoreTolerance: 0.5 };

ruleTester('score-sum', {
  valid: [
    summaryC('layout C: 57 = 30 + 27, 27 = 15 + 12, total 95 = 57 + 38'),
    summaryC('half points add exactly: 15 + 11.5 = 26.5, 30 + 26.5 = 56.5, total 94.5', {
      J5: 11.5,
      F4: 26.5,
      G4: pct(0.8833),
      C2: 56.5,
      C7: 94.5,
    }),
    summaryC('total 95.5 for a sum of 95 is within a scoreTolerance of 0.5', { C7: 95.5 }, { profile: HALF_POINT }),
  ],
  invalid: [
    summaryC(
      'level-2 score 28 whose children score 15 + 12 = 27 (and the parent 57 agrees with 27)',
      { F4: 28 },
      {
        findings: [{ cell: 'F4', expected: '27' }],
      },
    ),
    summaryC(
      'total score 96 but level-1 scores sum to 95',
      { C7: 96 },
      {
        findings: [{ cell: 'C7', expected: '95', messageId: 'total', fix: 95, says: ['总分（C7）', '96', 'C2, C6', '95'] }],
      },
    ),
    summaryC(
      'total 96 for a sum of 95 is beyond a scoreTolerance of 0.5',
      { C7: 96 },
      {
        profile: HALF_POINT,
        findings: [{ cell: 'C7', expected: '95' }],
      },
    ),
    summaryC(
      'level-1 score 58 whose level-2 scores sum to 57 and the total agrees with 57',
      { C2: 58 },
      {
        findings: [{ cell: 'C2', expected: '57' }],
      },
    ),
    summaryC(
      'two unrelated slips are two findings: 数量 30 for 10 + 19, total 94 for 57 + 38',
      { J3: 19, F2: 30, C7: 94 },
      {
        findings: [
          { cell: 'F2', expected: '29' },
          { cell: 'C7', expected: '95' },
        ],
      },
    ),
  ],
});
