/** The profile editor's words (docs/domain.md §4 profiles), Chinese first. */
import type { Lang } from '../core';
import type { CapPolicy, ReverseScoring } from '../core';

export interface ProfileStrings {
  heading: string;
  capRates: string;
  cap: Record<CapPolicy, string>;
  totalWeight: string;
  reverseScoring: string;
  reverse: Record<ReverseScoring, string>;
  gradeBands: string;
  bandMin: (label: string) => string;
  reset: string;
}

export const PROFILE_STRINGS: Record<Lang, ProfileStrings> = {
  'zh-CN': {
    heading: '检查规则',
    capRates: '完成率封顶',
    cap: { infer: '按本表自行判断', capped: '封顶 100%', uncapped: '不封顶' },
    totalWeight: '总分满分',
    reverseScoring: '反向指标未达标的得分',
    reverse: { 'target-over-actual': '目标值 ÷ 实际值 × 分值', linear: '按超出比例线性扣分' },
    gradeBands: '绩效等级下限（分）',
    bandMin: (label) => `“${label}”的最低分`,
    reset: '恢复默认',
  },
  'en-US': {
    heading: 'Check rules',
    capRates: 'Capping of completion rates',
    cap: { infer: 'Infer from the table', capped: 'Capped at 100%', uncapped: 'Not capped' },
    totalWeight: 'Full mark of the total',
    reverseScoring: 'Score of a missed lower-is-better target',
    reverse: { 'target-over-actual': 'target ÷ actual × weight', linear: 'linear deduction by the excess' },
    gradeBands: 'Lowest score of each grade',
    bandMin: (label) => `Lowest score for “${label}”`,
    reset: 'Reset to defaults',
  },
};
