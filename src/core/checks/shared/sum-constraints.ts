/**
 * Sums that must hold (a parent weight and its children, a subtotal and its
 * rows, a budget total and its parts) and the root-cause rule of SPEC §4:
 * when changing one cell would make every disagreeing sum agree, that cell
 * alone is reported; otherwise each disagreeing total is.
 */
import Decimal from 'decimal.js';
import type { Finding, RuleId } from '../../findings/finding';
import { formatCellList, formatFound, formatLike, formatPlain } from '../../findings/format';
import { intersect, midpoint, minus, negate, overlaps, sumIntervals, type Interval } from '../../arithmetic/interval';
import { message } from '../../findings/messages';
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
}

function partsSum(c: SumConstraint, skip?: Slot): Interval {
  return sumIntervals(c.parts.filter((p) => p.slot !== skip).map((p) => (p.sign === 1 ? p.value : negate(p.value))));
}

function expectedTotal(c: SumConstraint): Interval {
  return c.fixed ?? partsSum(c);
}

/** The float first look: decided, or undefined when it must be done exactly. */
function holdsInFloats(c: SumConstraint): boolean | undefined {
  if (c.fixed || c.parts.length > MAX_TERMS) return undefined;
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
  return holdsInFloats(c) ?? overlaps(c.total.value, expectedTotal(c));
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
  let candidates: RootCause[] = [];
  const first = group[0];
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

function finding(rule: RuleId, sheet: string, slot: Slot, value: Interval): Finding {
  const expected = expectedText(slot, value);
  return {
    sheet,
    cell: slot.address,
    rule,
    severity: 'error',
    found: formatFound(slot),
    expected,
    fixValue: Number(roundedFix(slot, value).toDecimalPlaces(10).toString()),
    message: { 'zh-CN': '', 'en-US': '' },
  };
}

/** Findings for the constraints of one rule family on one table. */
export function resolveSums(rule: RuleId, sheet: string, constraints: SumConstraint[]): Finding[] {
  const violated = constraints.filter((c) => !holds(c));
  const findings: Finding[] = [];
  for (const group of components(violated)) {
    const cause = group.length > 1 ? rootCause(group, constraints) : undefined;
    if (cause) {
      const totals = group.map((c) => c.total.slot.address).join(', ');
      const f = finding(rule, sheet, cause.slot, cause.value);
      f.message = message('sum.root', { cell: cause.slot.address, found: f.found!, expected: f.expected!, totals });
      findings.push(f);
      continue;
    }
    for (const c of group) findings.push(reportAlone(rule, sheet, c));
  }
  return findings;
}

function reportAlone(rule: RuleId, sheet: string, c: SumConstraint): Finding {
  const slot = c.total.slot;
  const f = finding(rule, sheet, slot, expectedTotal(c));
  const params = { cell: slot.address, found: f.found!, expected: f.expected!, sum: f.expected!, parts: formatCellList(c.parts.map((p) => p.slot)) };
  f.message = message(c.wording === 'profile' ? 'sum.profile' : c.wording === 'adjusted' ? 'sum.adjusted' : 'sum.total', params);
  return f;
}
