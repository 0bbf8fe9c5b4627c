/** The sums scores must satisfy: a subtotal or total score is the sum of the scores under it. */
import type { Table } from '../../layout/tables';
import type { SumConstraint } from './sum-constraints';
import { exactTerm, treeSumConstraints } from './tree-sums';

export function scoreConstraints(table: Table): SumConstraint[] {
  if (table.type !== 'indicators') return [];
  return treeSumConstraints(
    table,
    (node) => exactTerm(node.score),
    table.total?.score,
    table.extraParts.map((p) => p.score),
  );
}
