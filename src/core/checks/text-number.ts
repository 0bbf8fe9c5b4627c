/**
 * text-number (SPEC §4, warning): a number stored as text in a column of
 * numbers ('2. 0', 87.93％). It is still used; Excel would not add it up.
 * Targets and actuals are text by nature and are not named.
 */
import type { Finding } from '../findings/finding';
import { formatPlain } from '../findings/format';
import { numericSlots } from '../layout/numeric-slots';
import type { Check } from './check';
import { findingAt } from './shared/finding-at';

export const textNumber: Check = {
  id: 'text-number',
  severity: 'warning',
  run(table, ctx) {
    const out: Finding[] = [];
    for (const slot of numericSlots(table)) {
      if (slot.value.kind !== 'number' || !slot.value.fromText) continue;
      const v = slot.value;
      // A weight typed 20% is read as 20 points (SPEC §2 C); the cell still holds 20%, a fraction.
      const fraction = v.pointsFromPercent ? v.value.div(100) : v.value;
      const value = v.percent || v.pointsFromPercent ? `${formatPlain(fraction.times(100))}%` : formatPlain(fraction);
      out.push(
        findingAt(ctx.view.name, slot, {
          rule: 'text-number',
          severity: 'warning',
          id: 'text-number',
          params: { value },
          expected: value,
          fixValue: fraction.toNumber(),
        }),
      );
    }
    return out;
  },
};
