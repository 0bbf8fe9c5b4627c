/**
 * weight-sum (SPEC §4): a parent's weight is the sum of its children's; the
 * 总分 weight is the sum of the level-1 weights and the profile's full mark.
 */
import Decimal from 'decimal.js';
import { exactly } from '../interval';
import type { Profile } from '../profile';
import { resolveSums, type SumConstraint } from '../sum-constraints';
import type { IndicatorNode, IndicatorTable, Table } from '../tables';
import { exactTerm, treeSumConstraints } from '../tree-sums';
import type { Check } from './check';

/** A level-1 weight printed only in its label (产出指标（50分）) stands in for a weight cell. */
function weightTerm(table: IndicatorTable, node: IndicatorNode) {
  const own = exactTerm(node.weight);
  if (own) return own;
  const stated = table.labelWeights.get(node);
  return stated === undefined ? undefined : { slot: node.labelSlot, value: exactly(new Decimal(stated)), sign: 1 as const };
}

export function weightConstraints(table: Table, profile: Profile): SumConstraint[] {
  if (table.type !== 'indicators') return [];
  const out = treeSumConstraints(
    table,
    (node) => weightTerm(table, node),
    table.total?.weight,
    table.extraParts.map((p) => p.weight),
  );
  const total = exactTerm(table.total?.weight);
  if (total) out.push({ total, fixed: exactly(new Decimal(profile.totalWeight)), parts: [], wording: 'profile' });
  return out;
}

export const weightSum: Check = {
  id: 'weight-sum',
  severity: 'error',
  run: (table, ctx) => resolveSums('weight-sum', ctx.view.name, weightConstraints(table, ctx.profile)),
};
