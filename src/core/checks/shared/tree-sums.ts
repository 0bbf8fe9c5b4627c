/**
 * The sums an indicator tree implies, for any per-node quantity (weights,
 * scores): each node equals its children, the 总分 row equals the top level.
 * A node without its own value passes its children's values up (layout A
 * prints scores on level 3 only; layout E prints weights on level 3 only).
 */
import { sumTerm, type SumConstraint, type SumTerm } from './sum-constraints';
import type { IndicatorNode, IndicatorTable, Slot } from '../../layout/tables';

export function exactTerm(slot: Slot | undefined): SumTerm | undefined {
  return sumTerm(slot, 'exact');
}

type TermOf = (node: IndicatorNode) => SumTerm | undefined;

export function treeSumConstraints(
  table: IndicatorTable,
  termOf: TermOf,
  totalSlot: Slot | undefined,
  extraSlots: (Slot | undefined)[],
): SumConstraint[] {
  // Constraints in pre-order (a parent before its children), as findings are listed.
  const out: (SumConstraint | undefined)[] = [];

  /** The terms of all the nodes (each its own, or its children's when it has none); undefined when one has none. */
  const termsOf = (nodes: IndicatorNode[]): SumTerm[] | undefined => {
    let parts: SumTerm[] | undefined = [];
    // Every node is visited even after a gap, for the sums below it.
    for (const node of nodes) {
      const t = effectiveTerms(node);
      if (!t) parts = undefined;
      else if (parts) for (const term of t) parts.push(term);
    }
    return parts;
  };

  /** One walk: each level-3 term is built once, however many ancestors sum it. */
  const effectiveTerms = (node: IndicatorNode): SumTerm[] | undefined => {
    const own = termOf(node);
    const at = out.push(undefined) - 1;
    const parts = node.children.length > 0 ? termsOf(node.children) : undefined;
    if (own && parts) out[at] = { total: own, parts, wording: 'sum' };
    return own ? [own] : parts;
  };

  const parts = termsOf(table.roots);
  const total = exactTerm(totalSlot);
  const constraints = out.filter((c): c is SumConstraint => c !== undefined);
  if (total && parts) {
    const extra = extraSlots.map(exactTerm).filter((t): t is SumTerm => t !== undefined);
    // A 总分 with nothing under it (a summary of one row) is not a sum of nothing (docs/domain.md §2 K).
    if (parts.length + extra.length > 0) constraints.push({ total, parts: [...parts, ...extra], wording: 'sum' });
  }
  return constraints;
}
