/**
 * Sums that must hold (a parent weight and its children, a subtotal and its
 * rows, a budget total and its parts) and the root-cause rule of docs/domain.md §4:
 * when changing one cell would make every disagreeing sum agree, that cell
 * alone is reported; otherwise each disagreeing total is.
 */
import Decimal from 'decimal.js';
import { formatCellList, formatLike, formatPlain } from '../../findings/format';
import { intersect, midpoint, minus, negate, overlaps, sumIntervals, type Interval } from '../../arithmetic/interval';
import type { RuleContext } from '../rule';
import type { Slot } from '../../layout/tables';
import { approxInterval, approxOverlaps, MAX_TERMS, type FloatInterval } from '../../arithmetic/interval-fast';
import { intervalOfNumber, numberOf, type Precision } from '../../arithmetic/precision';
import type { TypedNumber } from '../../values/typed-value';

/** One number in a sum. Its exact interval is built only when floats cannot decide (interval-fast.ts). */
export class SumTerm {
  /** The interval in floats, for the quick first test. */
  readonly approx: FloatInterval;

  constructor(
    readonly slot: Slot,
    private readonly number: TypedNumber,
    private readonly precision: Precision,
    /** −1 for a term that is subtracted (调减). */
    readonly sign: 1 | -1,
  ) {
    this.approx = approxInterval(number, precision);
  }

  get value(): Interval {
    return intervalOfNumber(this.number, this.precision);
  }
}

/** The slot's number as a term of a sum, or undefined when it holds none. */
export function sumTerm(slot: Slot | undefined, precision: Precision, sign: 1 | -1 = 1): SumTerm | undefined {
  const n = numberOf(slot);
  return slot && n ? new SumTerm(slot, n, precision, sign) : undefined;
}

export interface SumConstraint {
  /** The cell that should equal the sum of the parts (or the fixed value). */
  total: SumTerm;
  /** A fixed value the total must equal instead of a sum (the profile's full mark, 100). */
  fixed?: Interval;
  parts: SumTerm[];
  /** How to say it when reported on its own. */
  wording: 'sum' | 'profile' | 'adjusted';
  /** How far the total may stray from the sum and still hold (the profile's scoreTolerance, for scores). */
  tolerance?: Decimal;
}

function partsSum(c: SumConstraint, skip?: Slot): Interval {
  return sumIntervals(c.parts.filter((p) => p.slot !== skip).map((p) => (p.sign === 1 ? p.value : negate(p.value))));
}

function expectedTotal(c: SumConstraint): Interval {
  return c.fixed ?? partsSum(c);
}

/** The float first look: decided, or undefined when it must be done exactly. */
function holdsInFloats(c: SumConstraint): boolean | undefined {
  if (c.fixed || c.tolerance || c.parts.length > MAX_TERMS) return undefined;
  let lo = 0;
  let hi = 0;
  let magnitude = 0;
  for (const p of c.parts) {
    if (p.sign === 1) {
      lo += p.approx.lo;
      hi += p.approx.hi;
    } else {
      lo -= p.approx.hi;
      hi -= p.approx.lo;
    }
    magnitude += Math.max(Math.abs(p.approx.lo), Math.abs(p.approx.hi));
  }
  return approxOverlaps(c.total.approx, { lo, hi }, magnitude);
}

export function holds(c: SumConstraint): boolean {
  const total = c.total.value;
  const allowed = c.tolerance ? { lo: total.lo.minus(c.tolerance), hi: total.hi.plus(c.tolerance) } : total;
  return holdsInFloats(c) ?? overlaps(allowed, expectedTotal(c));
}

/** Values the slot could take for this constraint to hold, others unchanged. */
function neededValue(c: SumConstraint, slot: Slot): Interval | undefined {
  if (c.total.slot === slot) return expectedTotal(c);
  const part = c.parts.find((p) => p.slot === slot);
  if (!part) return undefined;
  const rest = minus(c.total.value, partsSum(c, slot));
  return part.sign === 1 ? rest : negate(rest);
}

function slotsOf(c: SumConstraint): Slot[] {
  return [c.total.slot, ...c.parts.map((p) => p.slot)];
}

/** Groups of violated constraints that share a cell: one root cause may explain each group. */
function components(violated: SumConstraint[]): SumConstraint[][] {
  const groups: SumConstraint[][] = [];
  const groupOf = new Map<Slot, SumConstraint[]>();
  for (const c of violated) {
    const touching = new Set<SumConstraint[]>();
    for (const s of slotsOf(c)) {
      const g = groupOf.get(s);
      if (g) touching.add(g);
    }
    const merged: SumConstraint[] = [c];
    for (const g of touching) {
      merged.push(...g);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
    for (const m of merged) for (const s of slotsOf(m)) groupOf.set(s, merged);
  }
  return groups;
}

interface RootCause {
  slot: Slot;
  value: Interval;
}

/**
 * The one cell whose change satisfies every violated constraint of the group
 * and breaks none of the constraints that hold; undefined unless exactly one.
 */
function rootCause(group: SumConstraint[], all: SumConstraint[]): RootCause | undefined {
  const [first] = group;
  if (!first) return undefined;
  let candidates: RootCause[] = [];
  for (const slot of slotsOf(first)) {
    if (!group.every((c) => slotsOf(c).includes(slot))) continue;
    let value: Interval | undefined;
    for (const c of all) {
      const need = neededValue(c, slot);
      if (!need) continue;
      value = value ? intersect(value, need) : need;
      if (!value) break;
    }
    if (value) candidates.push({ slot, value });
  }
  candidates = candidates.filter((c, i) => candidates.findIndex((d) => d.slot === c.slot) === i);
  return candidates.length === 1 ? candidates[0] : undefined;
}

function roundedFix(slot: Slot, value: Interval): Decimal {
  const mid = midpoint(value);
  const v = slot.value;
  return v.kind === 'number' && !v.percent ? mid.toDecimalPlaces(Math.max(v.decimals, 0) + 4, Decimal.ROUND_HALF_UP) : mid;
}

function expectedText(slot: Slot, value: Interval): string {
  const v = slot.value;
  const mid = midpoint(value);
  // Exact families (weights, scores) show the exact sum; rounded amounts show the total's own decimals.
  if (v.kind === 'number' && value.lo.eq(value.hi) && !v.pointsFromPercent) return formatPlain(mid, Math.max(v.decimals, 6));
  return formatLike(slot, mid);
}

/** What the sum rules say about one cell: the engine turns it into a finding of the calling rule. */
export interface SumReport {
  slot: Slot;
  messageId: SumWording;
  params: Record<string, string>;
  expected: string;
  fix: number;
  inputs: Slot[];
  /** For a total reported alone: each part, with the value that would make the sum hold instead. */
  alternatives: { slot: Slot; expected: string; fix: number }[];
}

export type SumWording = 'total' | 'root' | 'profile' | 'adjusted';

function correction(slot: Slot, value: Interval): { slot: Slot; expected: string; fix: number } {
  return { slot, expected: expectedText(slot, value), fix: Number(roundedFix(slot, value).toDecimalPlaces(10).toString()) };
}

function sumReport(
  slot: Slot,
  value: Interval,
  messageId: SumWording,
  params: Record<string, string>,
  inputs: Slot[],
): SumReport {
  const { expected, fix } = correction(slot, value);
  return { slot, messageId, params: { sum: expected, ...params }, expected, fix, inputs, alternatives: [] };
}

/** Each part of a lone disagreeing sum at the value that would make it hold. */
function partCorrections(c: SumConstraint): SumReport['alternatives'] {
  return c.parts.flatMap((p) => {
    const need = neededValue(c, p.slot);
    return need ? [correction(p.slot, need)] : [];
  });
}

/** The reports for the constraints of one rule family on one table. */
export function resolveSums(constraints: SumConstraint[]): SumReport[] {
  const violated = constraints.filter((c) => !holds(c));
  const reports: SumReport[] = [];
  for (const group of components(violated)) {
    const cause = group.length > 1 ? rootCause(group, constraints) : undefined;
    if (cause) {
      const totals = group.map((c) => c.total.slot.address).join(', ');
      reports.push(sumReport(cause.slot, cause.value, 'root', { totals }, group.flatMap(slotsOf)));
      continue;
    }
    for (const c of group) {
      const parts = formatCellList(c.parts.map((p) => p.slot));
      const wording = c.wording === 'sum' ? 'total' : c.wording;
      const report = sumReport(c.total.slot, expectedTotal(c), wording, { parts }, slotsOf(c));
      if (!c.fixed) report.alternatives = partCorrections(c);
      reports.push(report);
    }
  }
  return reports;
}

/**
 * Reports every disagreeing sum through the rule's context. The rule's meta
 * lists the sum sentences its constraints can produce (SUM_MESSAGES).
 */
export function reportSums<M extends string>(ctx: RuleContext<M>, constraints: SumConstraint[]): void {
  for (const r of resolveSums(constraints)) {
    ctx.report(r.slot, r.messageId as M, r.params, {
      expected: r.expected,
      fix: r.fix,
      inputs: r.inputs,
      alternatives: r.alternatives,
    });
  }
}
