/**
 * The row label each cell of a table belongs to, so a sentence can name a
 * cell as a clerk finds it ("资金管理（D11）") rather than by its address alone.
 */
import type { IndicatorNode, Slot, Table } from './tables';

export function slotLabels(table: Readonly<Table>): Map<Slot, string> {
  const out = new Map<Slot, string>();
  const name = (slot: Slot | undefined, label: string) => {
    const text = label.replace(/\s+/g, '').trim();
    if (slot && text && !out.has(slot)) out.set(slot, text);
  };
  if (table.type === 'amounts') {
    for (const row of table.rows) for (const slot of Object.values(row.values)) name(slot, row.label);
    return out;
  }
  const visit = (n: IndicatorNode) => {
    for (const slot of [n.weight, n.score, n.scoreRate, n.rate, n.target, n.actual, n.narrative]) name(slot, n.label);
    n.children.forEach(visit);
  };
  table.roots.forEach(visit);
  if (table.total) {
    const label = table.total.labelSlot.value.kind === 'qualitative' ? table.total.labelSlot.value.text : '';
    name(table.total.weight, label);
    name(table.total.score, label);
  }
  return out;
}
