import { ruleTester, type CellInput } from './rule-tester';
import { applyPatch, summaryC, type Patch } from './sample-tables';

/** Layout C with a 加减分项 (bonus/penalty) row worth ±5: 满意度 35, bonus −3; total 57 + 33 − 3 = 87. */
const BONUS_ROWS: CellInput[][] = [
  ['一级指标', '分值', '得分', '二级指标', '分值', '得分', '得分率', '三级指标', '分值', '得分'],
  ['产出指标', 60, 57, '数量指标', 30, 30, null, '培训场次', 10, 10],
  [null, null, null, null, null, null, null, '培训人次', 20, 20],
  [null, null, null, '质量指标', 30, 27, null, '培训合格率', 16, 15],
  [null, null, null, null, null, null, null, '课程覆盖率', 14, 12],
  ['满意度指标', 35, 33, '服务对象满意度', 35, 33, null, '学员满意度', 35, 33],
  ['加减分项', 5, -3, '工作表现加减分', 5, -3, null, '工作受表彰或批评', 5, -3],
  ['总分', 100, 87],
  ['绩效等级', '良'],
];
const BONUS_MERGES = ['A2:A5', 'B2:B5', 'C2:C5', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5'];
const bonus = (name: string, patch?: Patch, findings?: { cell: string; expected?: string }[]) => ({
  name,
  rows: applyPatch(BONUS_ROWS, patch),
  merges: BONUS_MERGES,
  findings: findings ?? [],
});

ruleTester('score-range', {
  valid: [
    summaryC('every score between 0 and its weight'),
    summaryC('a score of 0 is in range', { J5: 0, F4: 15, C2: 45, C7: 83 }),
    bonus('bonus item scored −3 of ±5 is fine'),
    bonus('bonus item scored −5 of ±5 (the bound itself) is fine', { J7: -5, F7: -5, C7: -5, C8: 85 }),
  ],
  invalid: [
    summaryC('score 12 for a weight-10 item', { J2: 12 }, { findings: [{ cell: 'J2', expected: '10' }] }),
    summaryC('negative score −1 on an ordinary item', { J5: -1 }, { findings: [{ cell: 'J5', expected: '0' }] }),
    bonus('bonus item scored −6 of ±5', { J7: -6 }, [{ cell: 'J7', expected: '-5' }]),
  ],
});
