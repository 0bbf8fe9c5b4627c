/**
 * not-checked (SPEC §4, info): a value could not be understood, so its row
 * was not recomputed. The other checks call this instead of guessing.
 */
import type { Finding } from '../finding';
import { message, type MessageId } from '../messages';
import type { Slot } from '../tables';
import { findingAt } from './finding-at';

export function notChecked(sheet: string, slot: Slot, id: MessageId, params: Record<string, string>): Finding {
  return findingAt(sheet, slot, { rule: 'not-checked', severity: 'info', id, params });
}

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
