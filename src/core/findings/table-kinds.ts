/** What each kind of table is called, the same in the pane, the page, the CLI and the summary workbook. */
import type { Lang, TableKind } from './finding';

export const TABLE_KIND_WORDS: Record<Lang, Record<TableKind, string>> = {
  'zh-CN': {
    'overall-2021': '部门整体支出绩效自评表',
    'indicator-completion': '产出/效益指标完成情况表',
    'score-summary': '得分汇总表',
    'budget-execution': '预算执行表',
    'budget-block': '预算执行情况',
    'project-form': '项目支出绩效自评表',
    'project-funds': '项目资金情况',
    indicators: '绩效指标表',
  },
  'en-US': {
    'overall-2021': 'department overall form',
    'indicator-completion': 'indicator completion table',
    'score-summary': 'score summary',
    'budget-execution': 'budget execution table',
    'budget-block': 'budget block',
    'project-form': 'project form',
    'project-funds': 'project funds',
    indicators: 'indicator table',
  },
};
