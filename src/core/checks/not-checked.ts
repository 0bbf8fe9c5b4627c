/**
 * not-checked (SPEC §4, info): a value could not be understood, so its row
 * was not recomputed. The other checks call this instead of guessing.
 */
import type { Finding } from '../findings/finding';
import { message, type MessageId } from '../findings/messages';
import { numericSlots } from '../layout/numeric-slots';
import type { Slot } from '../layout/tables';
import type { Check } from './check';
import { findingAt } from './shared/finding-at';

export function notChecked(sheet: string, slot: Slot, id: MessageId, params: Record<string, string>): Finding {
  return findingAt(sheet, slot, { rule: 'not-checked', severity: 'info', id, params });
}

/**
 * A weight, score, rate or amount showing #REF!, #DIV/0!, #VALUE! … : the
 * sums and ratios through it cannot be recomputed, and the user should hear
 * that rather than "no problems found".
 */
export const errorValues: Check = {
  id: 'not-checked',
  severity: 'info',
  run: (table, ctx) =>
    numericSlots(table)
      .filter((s) => s.value.kind === 'error')
      .map((s) => notChecked(ctx.view.name, s, 'not-checked.error', {})),
};

/** A table whose checks threw: reported at its first cell, the validation goes on. */
export function tableNotChecked(sheet: string, cell: string, reason: string): Finding {
  return {
    sheet,
    cell,
    rule: 'not-checked',
    severity: 'info',
    message: message('not-checked.failed', { cell, reason }),
  };
}
