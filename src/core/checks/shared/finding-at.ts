/** The one way a check turns a cell and a sentence into a Finding. */
import type { Finding, RuleId, Severity } from '../../findings/finding';
import { formatFound } from '../../findings/format';
import { message, type MessageId } from '../../findings/messages';
import type { Slot } from '../../layout/tables';

export interface FindingDraft {
  rule: RuleId;
  severity: Severity;
  id: MessageId;
  params?: Record<string, string>;
  /** What the cell shows, when it is not what formatFound would say (a formula). */
  found?: string;
  expected?: string;
  fixValue?: number | string;
}

/** A finding on `slot`; the message gets {cell}, {found} and {expected} filled in besides the params. */
export function findingAt(sheet: string, slot: Slot, draft: FindingDraft): Finding {
  const found = draft.found ?? formatFound(slot);
  const f: Finding = {
    sheet,
    cell: slot.address,
    rule: draft.rule,
    severity: draft.severity,
    found,
    message: message(draft.id, { cell: slot.address, found, expected: draft.expected ?? '', ...draft.params }),
  };
  if (draft.expected !== undefined) f.expected = draft.expected;
  if (draft.fixValue !== undefined) f.fixValue = draft.fixValue;
  return f;
}
