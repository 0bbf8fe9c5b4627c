/**
 * The sums scores must satisfy: a subtotal or total score is the sum of the
 * scores under it, within the profile's scoreTolerance where one is given.
 */
import Decimal from 'decimal.js';
import type { Table } from '../../layout/tables';
import type { SumConstraint } from './sum-constraints';
import { exactTerm, treeSumConstraints } from './tree-sums';

export function scoreConstraints(table: Table, tolerance = 0): SumConstraint[] {
  if (table.type !== 'indicators') return [];
  const constraints = treeSumConstraints(
    table,
    (node) => exactTerm(node.score),
    table.total?.score,
    table.extraParts.map((p) => p.score),
  );
  return tolerance > 0 ? constraints.map((c) => ({ ...c, tolerance: new Decimal(tolerance) })) : constraints;
}
