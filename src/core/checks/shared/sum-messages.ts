/** The sentences every sum rule (weight-sum, score-sum, amount-sum) says, each rule taking those it needs. */
export const SUM_MESSAGES = {
  total: {
    'zh-CN': '{cell} 为 {found}，但 {parts} 合计 {sum}。',
    'en-US': '{cell} = {found}, but {parts} sum to {sum}.',
  },
  root: {
    'zh-CN': '{cell} 为 {found}，应为 {expected}：这样 {totals} 处的合计都能对上。',
    'en-US': '{cell} = {found} but should be {expected}: then the sums at {totals} all agree.',
  },
  profile: {
    'zh-CN': '{cell} 的分值为 {found}，但满分应为 {expected}。',
    'en-US': 'The total weight {cell} = {found}, but the full mark is {expected}.',
  },
  adjusted: {
    'zh-CN': '{cell} 为 {found}，但 {parts} 按调整计算应为 {expected}。',
    'en-US': '{cell} = {found}, but {parts} with the adjustment give {expected}.',
  },
} as const;
