import { pct, ruleTester, type CellInput } from './rule-tester';

/** Layout B rows: 序号 | 二级 | 三级 | 年度指标值 | 完成率 | narrative. */
const completionB = (rows: CellInput[][]) => ({
  rows: [['序号', '二级指标', '三级指标', '年度指标值', '完成率', '指标实际完成值及相关说明'], ...rows],
});
const visits = (rate: number): CellInput[] => [1, '数量指标', '政务服务人次', '80000人次', pct(rate), '全年服务人次89460人次。'];
const sessions = (rate: number): CellInput[] => [2, '数量指标', '培训场次', '100场', pct(rate), '全年开展培训120场。'];
const windows = (rate: number): CellInput[] => [3, '数量指标', '开设服务窗口', '20个', pct(rate), '开设服务窗口25个。'];
const onTime: CellInput[] = [4, '质量指标', '按时办结率', '≥95%', pct(1), '按时办结率98%。'];

ruleTester('rate-convention', {
  valid: [
    {
      name: 'every over-achieved row uncapped (111.83%, 120%, 125%)',
      ...completionB([visits(1.1183), sessions(1.2), windows(1.25)]),
    },
    { name: 'every over-achieved row capped at 100%', ...completionB([visits(1), sessions(1), windows(1)]) },
    {
      name: 'percent target met shown as 100% in an uncapped table is no convention break',
      ...completionB([visits(1.1183), sessions(1.2), onTime]),
    },
  ],
  invalid: [
    {
      name: 'one row capped at 100% where the other two show 111.83% and 125%',
      ...completionB([visits(1.1183), sessions(1), windows(1.25)]),
      findings: [{ cell: 'E3' }],
    },
  ],
});
