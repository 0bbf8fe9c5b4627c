import { resolveProfile } from '../../../src/core/profile';
import { ruleTester } from './rule-tester';
import { summaryC } from './sample-tables';

ruleTester('weight-sum', {
  valid: [
    summaryC('layout C: 60 = 30 + 30, 30 = 10 + 20, 30 = 16 + 14, total 100 = 60 + 40'),
    summaryC('weights with decimals that add exactly (16.5 + 13.5 = 30)', { I4: 16.5, I5: 13.5 }),
    summaryC(
      '总分 weight 110 with profile total 110',
      { B6: 50, E6: 50, I6: 50, B7: 110 },
      {
        profile: resolveProfile({ totalWeight: 110 }),
      },
    ),
    {
      name: '加减分项 worth ±5 on top of a full mark of 100 (level-1 weights 60 + 40, bonus 5, 总分 100)',
      rows: [
        ['一级指标', '分值', '三级指标', '分值', '得分'],
        ['产出', 60, '甲', 60, 60],
        ['效益', 40, '乙', 40, 38],
        ['加减分项', 5, '表彰', 5, 0],
        ['总分', 100, '', '', 98],
      ],
    },
  ],
  invalid: [
    summaryC(
      'level-2 weight 31 whose children sum to 30 and whose parent needs 30: one finding, not two',
      { E4: 31 },
      {
        findings: [{ cell: 'E4', expected: '30' }],
      },
    ),
    summaryC(
      'level-3 weights 16 + 15 under a level-2 weight 30: the parent is reported',
      { I5: 15 },
      {
        findings: [{ cell: 'E4', expected: '31' }],
      },
    ),
    summaryC(
      'level-1 weight 65 whose level-2 children sum to 60 (and the total then 105)',
      { B2: 65 },
      {
        findings: [{ cell: 'B2', expected: '60' }],
      },
    ),
    summaryC(
      '总分 weight 97 with profile total 100',
      { B7: 97 },
      {
        findings: [{ cell: 'B7', expected: '100' }],
      },
    ),
    summaryC(
      'a level-3 weight 40.5 under a level-2 weight 40 is wrong: weights are exact, not rounded',
      { I6: 40.5 },
      {
        findings: [{ cell: 'E6', expected: '40.5' }],
      },
    ),
  ],
});
