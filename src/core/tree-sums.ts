/**
 * The sums an indicator tree implies, for any per-node quantity (weights,
 * scores): each node equals its children, the 总分 row equals the top level.
 * A node without its own value passes its children's values up (layout A
 * prints scores on level 3 only; layout E prints weights on level 3 only).
 */
import { sumTerm, type SumConstraint, type SumTerm } from './sum-constraints';
import type { IndicatorNode, IndicatorTable, Slot } from './tables';

export function exactTerm(slot: Slot | undefined): SumTerm | undefined {
  return sumTerm(slot, 'exact');
}

type TermOf = (node: IndicatorNode) => SumTerm | undefined;

function effectiveTerms(node: IndicatorNode, termOf: TermOf): SumTerm[] | undefined {
  const own = termOf(node);
  if (own) return [own];
  if (node.children.length === 0) return undefined;
  const parts: SumTerm[] = [];
  for (const child of node.children) {
    const t = effectiveTerms(child, termOf);
    if (!t) return undefined;
    parts.push(...t);
  }
  return parts;
}

function childTerms(nodes: IndicatorNode[], termOf: TermOf): SumTerm[] | undefined {
  const parts: SumTerm[] = [];
  for (const n of nodes) {
    const t = effectiveTerms(n, termOf);
    if (!t) return undefined;
    parts.push(...t);
  }
  return parts;
}

export function treeSumConstraints(
  table: IndicatorTable,
  termOf: TermOf,
  totalSlot: Slot | undefined,
  extraSlots: (Slot | undefined)[],
): SumConstraint[] {
  const out: SumConstraint[] = [];
  const visit = (node: IndicatorNode) => {
    const total = termOf(node);
    const parts = node.children.length > 0 ? childTerms(node.children, termOf) : undefined;
    if (total && parts) out.push({ total, parts, wording: 'sum' });
    node.children.forEach(visit);
  };
  table.roots.forEach(visit);

  const total = exactTerm(totalSlot);
  const parts = childTerms(table.roots, termOf);
  if (total && parts) {
    const extra = extraSlots.map(exactTerm).filter((t): t is SumTerm => t !== undefined);
    out.push({ total, parts: [...parts, ...extra], wording: 'sum' });
  }
  return out;
}
