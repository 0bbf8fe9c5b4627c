/**
 * not-checked (docs/domain.md §4, info): a value could not be understood, so
 * its row was not recomputed. Other rules say so through `ctx.notChecked`
 * with one of these reasons; this rule itself names the cells that show an
 * error value (#REF!, #DIV/0!, #VALUE! …), whose sums and ratios cannot be
 * recomputed — the user should hear that rather than "no problems found".
 */
import { numericSlots } from '../layout/numeric-slots';
import { defineRule, type NotCheckedReason } from './rule';
import type { LocalizedText } from '../findings/finding';

const REASONS: Record<NotCheckedReason, LocalizedText> = {
  bound: {
    'zh-CN': '{cell} 未复核：实际值“{actual}”是一个范围，无法计算完成率。',
    'en-US': '{cell} not checked: the actual “{actual}” is a bound, so no rate can be recomputed.',
  },
  'no-actual': {
    'zh-CN': '{cell} 未复核：在“{actual}”中找不到与目标 {target} 对应的实际值。',
    'en-US': '{cell} not checked: no actual value matching the target {target} was found in “{actual}”.',
  },
  ambiguous: {
    'zh-CN': '{cell} 未复核：“{actual}”中有多个可能的实际值（{candidates}），结论不一致。',
    'en-US': '{cell} not checked: “{actual}” holds several possible actuals ({candidates}) that disagree.',
  },
  error: {
    'zh-CN': '{cell} 未复核：单元格显示错误值 {found}，经过它的合计与比率无法重算。',
    'en-US': '{cell} not checked: it shows the error {found}, so the sums and ratios through it cannot be recomputed.',
  },
  'zero-base': {
    'zh-CN': '{cell} 未复核：{den} 为 0，无法计算比率。',
    'en-US': '{cell} not checked: {den} is 0, so the ratio cannot be computed.',
  },
  value: {
    'zh-CN': '{cell} 未复核：无法识别“{found}”的数值。',
    'en-US': '{cell} not checked: “{found}” could not be read as a number.',
  },
  units: {
    'zh-CN': '{cell} 未复核：目标 {target} 与实际 {actual} 的单位不一致。',
    'en-US': '{cell} not checked: the target {target} and the actual {actual} are in different units.',
  },
  'blank-score': {
    'zh-CN': '{cell} 未复核：该指标有分值 {weight}，得分却为空，它所在的得分合计无法核对。',
    'en-US':
      '{cell} not checked: the indicator has a weight of {weight} but no score, so the score sums it belongs to cannot be checked.',
  },
  failed: {
    'zh-CN': '{cell} 起的表格未能完成复核（{reason}），请人工核对。',
    'en-US': 'The table at {cell} could not be fully checked ({reason}); please review it by hand.',
  },
};

export default defineRule({
  meta: {
    id: 'not-checked',
    severity: 'info',
    determinesValue: false,
    docs: {
      description: {
        'zh-CN': '无法识别的数值：该行未复核，并说明原因',
        'en-US': 'A value that could not be understood: its row was not recomputed, and why',
      },
      url: 'docs/rules/not-checked.md',
      source: 'docs/domain.md §4',
    },
    messages: REASONS,
  },
  check(table, ctx) {
    for (const slot of numericSlots(table)) if (slot.value.kind === 'error') ctx.report(slot, 'error');
  },
});
