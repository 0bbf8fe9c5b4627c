/**
 * text-number (SPEC §4, warning): a number stored as text in a column of
 * numbers ('2. 0', 87.93％). It is still used; Excel would not add it up.
 * Targets and actuals are text by nature and are not named.
 */
import type { Finding } from '../finding';
import { formatFound, formatPlain } from '../format';
import { message } from '../messages';
import type { IndicatorNode, Slot, Table } from '../tables';
import type { Check } from './check';

function numericSlots(table: Table): (Slot | undefined)[] {
  if (table.type === 'amounts') return table.rows.flatMap((r) => Object.values(r.values));
  const out: (Slot | undefined)[] = [table.total?.weight, table.total?.score];
  const visit = (n: IndicatorNode) => {
    out.push(n.weight, n.score, n.scoreRate, n.rate);
    n.children.forEach(visit);
  };
  table.roots.forEach(visit);
  return out;
}

export const textNumber: Check = {
  id: 'text-number',
  severity: 'warning',
  run(table, ctx) {
    const out: Finding[] = [];
    for (const slot of numericSlots(table)) {
      if (!slot || slot.value.kind !== 'number' || !slot.value.fromText) continue;
      const found = formatFound(slot);
      const value = slot.value.percent ? `${formatPlain(slot.value.value.times(100))}%` : formatPlain(slot.value.value);
      out.push({
        sheet: ctx.view.name,
        cell: slot.address,
        rule: 'text-number',
        severity: 'warning',
        found,
        expected: value,
        fixValue: slot.value.value.toNumber(),
        message: message('text-number', { cell: slot.address, found, value }),
      });
    }
    return out;
  },
};
