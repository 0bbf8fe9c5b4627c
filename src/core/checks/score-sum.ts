/** score-sum (SPEC §4): a subtotal or total score is the sum of the scores under it. */
import { resolveSums, type SumConstraint } from './shared/sum-constraints';
import type { Table } from '../layout/tables';
import { exactTerm, treeSumConstraints } from './shared/tree-sums';
import type { Check } from './check';

export function scoreConstraints(table: Table): SumConstraint[] {
  if (table.type !== 'indicators') return [];
  return treeSumConstraints(
    table,
    (node) => exactTerm(node.score),
    table.total?.score,
    table.extraParts.map((p) => p.score),
  );
}

export const scoreSum: Check = {
  id: 'score-sum',
  severity: 'error',
  run: (table, ctx) => resolveSums('score-sum', ctx.view.name, scoreConstraints(table)),
};
