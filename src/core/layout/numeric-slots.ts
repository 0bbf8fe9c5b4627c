/** Every cell of a table that should hold a number: weights, scores, rates, amounts (not targets or actuals). */
import type { IndicatorNode, Slot, Table } from './tables';

export function numericSlots(table: Table): Slot[] {
  const out: (Slot | undefined)[] = [];
  if (table.type === 'amounts') {
    for (const r of table.rows) out.push(...Object.values(r.values));
  } else {
    out.push(table.total?.weight, table.total?.score);
    const visit = (n: IndicatorNode) => {
      out.push(n.weight, n.score, n.scoreRate, n.rate);
      n.children.forEach(visit);
    };
    table.roots.forEach(visit);
  }
  return out.filter((s): s is Slot => s !== undefined);
}
