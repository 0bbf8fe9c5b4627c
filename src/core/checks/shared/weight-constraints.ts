/**
 * The sums weights must satisfy (docs/domain.md §4 weight-sum): a parent's
 * weight is the sum of its children's; the 总分 weight is the sum of the
 * level-1 weights and the profile's full mark. Shared by weight-sum, rate and
 * formula-range; owned by none.
 */
import Decimal from 'decimal.js';
import { exactly } from '../../arithmetic/interval';
import type { IndicatorNode, IndicatorTable, Table } from '../../layout/tables';
import type { Profile } from '../../profile';
import { holds, type SumConstraint } from './sum-constraints';
import { exactTerm, treeSumConstraints } from './tree-sums';

/** A level-1 weight stated in its label or the footnote stands in for a weight cell. */
function weightTerm(table: IndicatorTable, node: IndicatorNode) {
  return exactTerm(node.weight) ?? exactTerm(table.statedWeights.get(node));
}

function indicatorConstraints(table: IndicatorTable): SumConstraint[] {
  return treeSumConstraints(
    table,
    (node) => weightTerm(table, node),
    table.total?.weight,
    table.extraParts.map((p) => p.weight),
  );
}

/**
 * Forms differ on whether a 加减分项's weight is inside the full mark
 * (45 + 50 + 5 = 100) or on top of it (60 + 40 = 100, ±5 besides): the 总分
 * weight may match either way.
 */
function withBonusOnTop(table: IndicatorTable, constraints: SumConstraint[]): SumConstraint[] {
  const totalSlot = table.total?.weight;
  const i = constraints.findIndex((c) => c.total.slot === totalSlot);
  const onTotal = constraints[i];
  if (!onTotal || holds(onTotal) || !table.roots.some((r) => r.bonus)) return constraints;
  const withoutBonus = indicatorConstraints({ ...table, roots: table.roots.filter((r) => !r.bonus) });
  const alternative = withoutBonus.find((c) => c.total.slot === totalSlot);
  if (!alternative || !holds(alternative)) return constraints;
  return constraints.map((c, j) => (j === i ? alternative : c));
}

export function weightConstraints(table: Table, profile: Profile): SumConstraint[] {
  if (table.type !== 'indicators') return [];
  const out = withBonusOnTop(table, indicatorConstraints(table));
  const total = exactTerm(table.total?.weight);
  if (total) out.push({ total, fixed: exactly(new Decimal(profile.totalWeight)), parts: [], wording: 'profile' });
  return out;
}
