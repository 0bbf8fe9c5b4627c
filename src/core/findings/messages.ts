/**
 * Every sentence a finding can say, in zh-CN and en-US. One sentence naming
 * the cells and the numbers (SPEC §4): "D13 为 16，但 F14:F20 合计 17".
 */
import type { LocalizedText } from './finding';

const TEMPLATES = {
  'sum.total': {
    'zh-CN': '{cell} 为 {found}，但 {parts} 合计 {sum}。',
    'en-US': '{cell} = {found}, but {parts} sum to {sum}.',
  },
  'sum.root': {
    'zh-CN': '{cell} 为 {found}，应为 {expected}：这样 {totals} 处的合计都能对上。',
    'en-US': '{cell} = {found} but should be {expected}: then the sums at {totals} all agree.',
  },
  'sum.profile': {
    'zh-CN': '总分分值 {cell} 为 {found}，但满分应为 {expected}。',
    'en-US': 'The total weight {cell} = {found}, but the full mark is {expected}.',
  },
  'sum.groupings': {
    'zh-CN': '{cell} 分组 {parts} 合计 {found}，与其他分组的合计 {expected} 不一致。',
    'en-US': 'The grouping {cell} ({parts}) sums to {found}, unlike the other groupings ({expected}).',
  },
  'sum.adjusted': {
    'zh-CN': '{cell} 为 {found}，但 {parts} 按调整计算应为 {expected}。',
    'en-US': '{cell} = {found}, but {parts} with the adjustment give {expected}.',
  },
  'range.above': {
    'zh-CN': '{cell} 得分 {found} 超过分值 {weight}（{weightCell}）。',
    'en-US': 'Score {cell} = {found} exceeds its weight {weight} ({weightCell}).',
  },
  'range.negative': {
    'zh-CN': '{cell} 得分 {found} 为负数。',
    'en-US': 'Score {cell} = {found} is negative.',
  },
  'range.bonus': {
    'zh-CN': '{cell} 加减分 {found} 超出 ±{weight}（{weightCell}）。',
    'en-US': 'Bonus/penalty {cell} = {found} is outside ±{weight} ({weightCell}).',
  },
  'rate.ratio': {
    'zh-CN': '{cell} 为 {found}，但 {num} ÷ {den} = {expected}。',
    'en-US': '{cell} = {found}, but {num} ÷ {den} = {expected}.',
  },
  'rate.capped': {
    'zh-CN': '{cell} 为 {found}，但 {num} ÷ {den} = {ratio}，按封顶 100% 应为 {expected}。',
    'en-US': '{cell} = {found}, but {num} ÷ {den} = {ratio}; capped at 100% it is {expected}.',
  },
  'rate.percent-met': {
    'zh-CN': '{cell} 为 {found}，但实际值 {actual} 已达到百分比目标 {target}，完成率应为 100%。',
    'en-US': '{cell} = {found}, but the actual {actual} meets the percentage target {target}, so the rate is 100%.',
  },
  'convention.capped': {
    'zh-CN': '{cell} 按 100% 封顶（实际 {ratio}），而本表其他完成率未封顶。',
    'en-US': '{cell} is capped at 100% (the ratio is {ratio}) while this table’s other rates are not.',
  },
  'convention.uncapped': {
    'zh-CN': '{cell} 未按 100% 封顶（{found}），而本表其他完成率封顶。',
    'en-US': '{cell} is not capped at 100% ({found}) while this table’s other rates are.',
  },
  'grade.band': {
    'zh-CN': '{cell} 为“{found}”，但总分 {score}（{scoreCell}）对应等级“{expected}”。',
    'en-US': '{cell} says “{found}”, but the total score {score} ({scoreCell}) earns “{expected}”.',
  },
  'rule.funds': {
    'zh-CN': '{cell} 为 {found}，但资金得分 = 分值 {weight} × 执行率 {rate} = {expected}。',
    'en-US': '{cell} = {found}, but the funds score = weight {weight} × execution rate {rate} = {expected}.',
  },
  'rule.missed-full': {
    'zh-CN': '{cell} 给了满分 {found}，但实际 {actual} 未达到目标 {target}，按比例应为 {expected}。',
    'en-US': '{cell} gives full marks {found}, but the actual {actual} misses the target {target}; pro rata it is {expected}.',
  },
  'rule.met-deducted': {
    'zh-CN': '{cell} 为 {found}，但实际 {actual} 已达到目标 {target}，应得满分 {expected}。',
    'en-US': '{cell} = {found}, but the actual {actual} meets the target {target}, so it earns full marks {expected}.',
  },
  'text-number': {
    'zh-CN': '{cell} 的数字 {found} 以文本形式存储，已按 {value} 参与计算。',
    'en-US': '{cell} holds the number {found} as text; it was used as {value}.',
  },
  'formula.missing': {
    'zh-CN': '{cell} 的公式 ={formula} 漏掉了 {cells}。',
    'en-US': 'The formula ={formula} in {cell} leaves out {cells}.',
  },
  'formula.foreign': {
    'zh-CN': '{cell} 的公式 ={formula} 多算了不属于它的 {cells}。',
    'en-US': 'The formula ={formula} in {cell} takes in {cells}, which do not belong to it.',
  },
  'not-checked.bound': {
    'zh-CN': '{cell} 未复核：实际值“{actual}”是一个范围，无法计算完成率。',
    'en-US': '{cell} not checked: the actual “{actual}” is a bound, so no rate can be recomputed.',
  },
  'not-checked.no-actual': {
    'zh-CN': '{cell} 未复核：在“{actual}”中找不到与目标 {target} 对应的实际值。',
    'en-US': '{cell} not checked: no actual value matching the target {target} was found in “{actual}”.',
  },
  'not-checked.ambiguous': {
    'zh-CN': '{cell} 未复核：“{actual}”中有多个可能的实际值（{candidates}），结论不一致。',
    'en-US': '{cell} not checked: “{actual}” holds several possible actuals ({candidates}) that disagree.',
  },
  'not-checked.error': {
    'zh-CN': '{cell} 未复核：单元格显示错误值 {found}，经过它的合计与比率无法重算。',
    'en-US': '{cell} not checked: it shows the error {found}, so the sums and ratios through it cannot be recomputed.',
  },
  'not-checked.zero-base': {
    'zh-CN': '{cell} 未复核：{den} 为 0，无法计算比率。',
    'en-US': '{cell} not checked: {den} is 0, so the ratio cannot be computed.',
  },
  'not-checked.value': {
    'zh-CN': '{cell} 未复核：无法识别“{found}”的数值。',
    'en-US': '{cell} not checked: “{found}” could not be read as a number.',
  },
  'not-checked.units': {
    'zh-CN': '{cell} 未复核：目标 {target} 与实际 {actual} 的单位不一致。',
    'en-US': '{cell} not checked: the target {target} and the actual {actual} are in different units.',
  },
  'not-checked.failed': {
    'zh-CN': '{cell} 起的表格未能完成复核（{reason}），请人工核对。',
    'en-US': 'The table at {cell} could not be fully checked ({reason}); please review it by hand.',
  },
} as const;

export type MessageId = keyof typeof TEMPLATES;

export function message(id: MessageId, params: Record<string, string | number>): LocalizedText {
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  const t = TEMPLATES[id];
  return { 'zh-CN': fill(t['zh-CN']), 'en-US': fill(t['en-US']) };
}
