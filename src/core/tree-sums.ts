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

/**
 * Each node's own term, and its effective terms (its own, or its children's
 * when it has none), worked out once per node: every ancestor asks for the
 * same level-3 terms.
 */
class NodeTerms {
  private readonly owns = new Map<IndicatorNode, SumTerm | undefined>();
  private readonly effectives = new Map<IndicatorNode, SumTerm[] | undefined>();

  constructor(private readonly termOf: TermOf) {}

  own(node: IndicatorNode): SumTerm | undefined {
    if (!this.owns.has(node)) this.owns.set(node, this.termOf(node));
    return this.owns.get(node);
  }

  effective(node: IndicatorNode): SumTerm[] | undefined {
    if (!this.effectives.has(node)) {
      const own = this.own(node);
      this.effectives.set(node, own ? [own] : node.children.length > 0 ? this.ofChildren(node.children) : undefined);
    }
    return this.effectives.get(node);
  }

  /** The effective terms of all the nodes, or undefined when one has none. */
  ofChildren(nodes: IndicatorNode[]): SumTerm[] | undefined {
    const parts: SumTerm[] = [];
    for (const n of nodes) {
      const t = this.effective(n);
      if (!t) return undefined;
      for (const term of t) parts.push(term);
    }
    return parts;
  }
}

export function treeSumConstraints(
  table: IndicatorTable,
  termOf: TermOf,
  totalSlot: Slot | undefined,
  extraSlots: (Slot | undefined)[],
): SumConstraint[] {
  const out: SumConstraint[] = [];
  const terms = new NodeTerms(termOf);
  const visit = (node: IndicatorNode) => {
    const total = terms.own(node);
    const parts = node.children.length > 0 ? terms.ofChildren(node.children) : undefined;
    if (total && parts) out.push({ total, parts, wording: 'sum' });
    node.children.forEach(visit);
  };
  table.roots.forEach(visit);

  const total = exactTerm(totalSlot);
  const parts = terms.ofChildren(table.roots);
  if (total && parts) {
    const extra = extraSlots.map(exactTerm).filter((t): t is SumTerm => t !== undefined);
    out.push({ total, parts: [...parts, ...extra], wording: 'sum' });
  }
  return out;
}
