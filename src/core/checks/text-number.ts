/**
 * text-number (docs/domain.md §4, warning): a number stored as text in a
 * column of numbers ('2. 0', 87.93％). It is still used; Excel would not add
 * it up. Targets and actuals are text by nature and are not named.
 */
import { formatPlain } from '../findings/format';
import { numericSlots } from '../layout/numeric-slots';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'text-number',
    severity: 'warning',
    determinesValue: false,
    docs: {
      description: { 'zh-CN': '数字不应以文本形式存储', 'en-US': 'A number is not stored as text' },
      url: 'docs/rules/text-number.md',
      source: 'docs/domain.md §3, §4',
    },
    messages: {
      stored: {
        'zh-CN': '{cell} 的数字 {found} 以文本形式存储，已按 {value} 参与计算。',
        'en-US': '{cell} holds the number {found} as text; it was used as {value}.',
      },
    },
  },
  check(table, ctx) {
    for (const slot of numericSlots(table)) {
      if (slot.value.kind !== 'number' || !slot.value.fromText) continue;
      const value = slot.value.percent ? `${formatPlain(slot.value.value.times(100))}%` : formatPlain(slot.value.value);
      ctx.report(slot, 'stored', { value }, { expected: value, fix: slot.value.value.toNumber() });
    }
  },
});
