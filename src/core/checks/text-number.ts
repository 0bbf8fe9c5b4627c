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
      const v = slot.value;
      // A weight typed 20% is read as 20 points (docs/domain.md §2 C); the cell still holds 20%, a fraction.
      const fraction = v.pointsFromPercent ? v.value.div(100) : v.value;
      const value = v.percent || v.pointsFromPercent ? `${formatPlain(fraction.times(100))}%` : formatPlain(fraction);
      ctx.report(slot, 'stored', { value }, { expected: value, fix: fraction.toNumber() });
    }
  },
});
