/**
 * Recomputing an indicator's completion (actual ÷ target) the way docs/domain.md §4
 * judges it: rounding-aware, with the percent-target rule, the cap
 * convention left open for the table to settle, and honest refusals
 * (not-checked) where the actual cannot be known.
 */
import { capAt, overlaps, ratio, type Interval } from '../../arithmetic/interval';
import {
  approxCap,
  approxCompare,
  approxInterval,
  approxOverlaps,
  approxRatio,
  type FloatInterval,
} from '../../arithmetic/interval-fast';
import { numbersInNarrative } from '../../values/narrative-numbers';
import { indicatorPrecision, intervalOfNumber, numberOf, ONE } from '../../arithmetic/precision';
import type { IndicatorNode, IndicatorTable, Slot } from '../../layout/tables';
import { withFields } from '../../values/shown-number';
import type { Comparator, TypedNumber } from '../../values/typed-value';

/** How a printed rate relates to the recomputed one. */
export type RateFit =
  /** Right under either convention (or the percent-target rule). */
  | 'ok'
  /** Right only if the table caps at 100%. */
  | 'capped'
  /** Right only if the table does not cap (the ratio is above 100%). */
  | 'uncapped'
  | 'wrong';

export type Refusal = 'bound' | 'no-actual' | 'ambiguous' | 'zero-base' | 'value' | 'units';

export interface Completion {
  target: TypedNumber;
  actual: TypedNumber;
  /** actual ÷ target (target ÷ actual for lower-is-better), uncapped; built when first read. */
  readonly ratio: Interval;
  /** The same in floats, for the first look (undefined unless both sides are positive). */
  approxRatio: FloatInterval | undefined;
  /** Whether the target is met: true, false, or undefined when rounding leaves it open. */
  met: boolean | undefined;
  lowerIsBetter: boolean;
}

/** A computed result has a candidate at least: rate and rate-convention word their verdict from the first. */
export type CompletionResult =
  { kind: 'computed'; candidates: [Completion, ...Completion[]] } | { kind: 'refused'; reason: Refusal; detail?: string };

const HIGHER: ReadonlySet<Comparator> = new Set(['ge', 'gt', 'eq']);

function compatible(target: TypedNumber, actual: TypedNumber): boolean {
  if (target.percent !== actual.percent) return false;
  if (target.percent) return true;
  const tu = target.unit.replace(/^万|^亿/, '');
  const au = actual.unit.replace(/^万|^亿/, '');
  return tu === '' || au === '' || tu === au;
}

/** The numbers that decide whether a target is met: the target's interval and value, the actual's interval. */
interface MetEnds<T> {
  tLo: T;
  tHi: T;
  t: T;
  aLo: T;
  aHi: T;
}
type End = keyof MetEnds<unknown>;
type Test = readonly [End, '>' | '>=' | '<' | '<=', End];

/**
 * When a target counts as met and when as missed, by its operator (民法典
 * 第1259条 inclusiveness); between the two, rounding leaves it open.
 */
const MET_TESTS: Record<Comparator, { met: Test; missed: Test }> = {
  gt: { met: ['aLo', '>', 'tHi'], missed: ['aHi', '<=', 't'] },
  lt: { met: ['aHi', '<', 'tLo'], missed: ['aLo', '>=', 't'] },
  le: { met: ['aHi', '<=', 'tHi'], missed: ['aLo', '>', 'tHi'] },
  ge: { met: ['aLo', '>=', 'tLo'], missed: ['aHi', '<', 'tLo'] },
  eq: { met: ['aLo', '>=', 'tLo'], missed: ['aHi', '<', 'tLo'] },
};

/**
 * Met (true), missed (false), open (undefined), or null when `compare`
 * cannot order two of the numbers (floats too close to call).
 */
function targetMet<T>(op: Comparator, ends: MetEnds<T>, compare: (x: T, y: T) => number | undefined): boolean | undefined | null {
  const passes = ([x, relation, y]: Test): boolean | null => {
    const order = compare(ends[x], ends[y]);
    if (order === undefined) return null;
    return relation === '>' ? order > 0 : relation === '>=' ? order >= 0 : relation === '<' ? order < 0 : order <= 0;
  };
  const { met, missed } = MET_TESTS[op];
  const isMet = passes(met);
  if (isMet !== false) return isMet;
  const isMissed = passes(missed);
  return isMissed === null ? null : isMissed ? false : undefined;
}

/** A target's or actual's interval (indicatorPrecision), exact and in floats. */
const exactInterval = (n: TypedNumber): Interval => intervalOfNumber(n, indicatorPrecision(n));
const floatInterval = (n: TypedNumber): FloatInterval => approxInterval(n, indicatorPrecision(n));

function metOf(target: TypedNumber, actual: TypedNumber): boolean | undefined {
  const tf = floatInterval(target);
  const af = floatInterval(actual);
  const scale = Math.max(
    Math.abs(tf.lo),
    Math.abs(tf.hi),
    Math.abs(af.lo),
    Math.abs(af.hi),
    target.approxStep,
    actual.approxStep,
  );
  const inFloats = targetMet(target.op, { tLo: tf.lo, tHi: tf.hi, t: target.approx, aLo: af.lo, aHi: af.hi }, (x, y) =>
    approxCompare(x, y, scale),
  );
  if (inFloats !== null) return inFloats;
  const t = exactInterval(target);
  const a = exactInterval(actual);
  const exact = targetMet(target.op, { tLo: t.lo, tHi: t.hi, t: target.value, aLo: a.lo, aHi: a.hi }, (x, y) => x.comparedTo(y));
  return exact ?? undefined; // Decimals always compare
}

/** True when the interval holds zero, floats first. */
function touchesZero(n: TypedNumber): boolean {
  const f = floatInterval(n);
  const scale = Math.max(Math.abs(n.approx), n.approxStep);
  if (approxCompare(f.lo, 0, scale) === 1 || approxCompare(f.hi, 0, scale) === -1) return false;
  const iv = exactInterval(n);
  return iv.lo.lte(0) && iv.hi.gte(0);
}

class RatioCompletion implements Completion {
  readonly approxRatio: FloatInterval | undefined;
  private exactRatio?: Interval;

  constructor(
    readonly target: TypedNumber,
    readonly actual: TypedNumber,
    readonly met: boolean | undefined,
    readonly lowerIsBetter: boolean,
    private readonly numerator: TypedNumber,
    private readonly denominator: TypedNumber,
  ) {
    this.approxRatio = approxRatio(floatInterval(numerator), floatInterval(denominator));
  }

  get ratio(): Interval {
    // The denominator does not touch zero (completionOf made sure), so there is a ratio.
    this.exactRatio ??= ratio(exactInterval(this.numerator), exactInterval(this.denominator))!;
    return this.exactRatio;
  }
}

export function completionOf(target: TypedNumber, actual: TypedNumber): Completion | Refusal {
  if (!compatible(target, actual)) return 'units';
  if (actual.op !== 'eq') return 'bound';
  const lowerIsBetter = !HIGHER.has(target.op);
  const met = metOf(target, actual);
  const [numerator, denominator] = lowerIsBetter ? [target, actual] : [actual, target];
  if (touchesZero(denominator)) {
    // 0 ÷ 0 is never an error; a met lower-is-better target with a zero actual is complete.
    if (lowerIsBetter && met)
      return { target, actual, ratio: { lo: ONE, hi: ONE }, approxRatio: { lo: 1, hi: 1 }, met, lowerIsBetter };
    return 'zero-base';
  }
  return new RatioCompletion(target, actual, met, lowerIsBetter, numerator, denominator);
}

/**
 * In a target 达200人 means "at least"; in an actual 跟进率达100% says what was
 * reached, so there it is the value itself.
 */
const REACHED = /^达到?/;
function asReached(n: TypedNumber, source: string): TypedNumber {
  return n.op === 'ge' && REACHED.test(source.trim()) ? withFields(n, { op: 'eq' }) : n;
}

/** The narrative's numbers that can be the actual of this target (unit and magnitude fit). */
function narrativeCandidates(target: TypedNumber, text: string): TypedNumber[] {
  const all = numbersInNarrative(text)
    .filter((n) => !n.partOfName)
    .map((n) => asReached(n, n.source))
    .filter((n) => compatible(target, n));
  const fit = all.filter((n) => {
    if (target.value.isZero() || n.value.isZero()) return true;
    const q = n.value.div(target.value).abs();
    return q.gte(0.01) && q.lte(100);
  });
  const sameUnit = fit.filter((n) => n.unit !== '' && n.unit === target.unit);
  return sameUnit.length > 0 ? sameUnit : fit;
}

export function analyseCompletion(node: IndicatorNode): CompletionResult | undefined {
  const target = numberOf(node.target);
  if (!target) return node.target ? { kind: 'refused', reason: 'value', detail: 'target' } : undefined;
  let actuals: TypedNumber[];
  if (node.actual) {
    const a = numberOf(node.actual);
    if (!a) return { kind: 'refused', reason: 'value', detail: 'actual' };
    actuals = [
      asReached(
        a,
        node.actual.value.kind === 'number' && typeof node.actual.cell?.value === 'string' ? node.actual.cell.value : '',
      ),
    ];
  } else if (node.narrative && node.narrative.value.kind === 'qualitative') {
    actuals = narrativeCandidates(target, node.narrative.value.text);
    if (actuals.length === 0) return { kind: 'refused', reason: 'no-actual' };
  } else if (node.narrative) {
    const a = numberOf(node.narrative);
    if (!a) return undefined;
    actuals = [a];
  } else return undefined;

  const candidates: Completion[] = [];
  for (const a of actuals) {
    const c = completionOf(target, a);
    if (typeof c === 'string') {
      if (actuals.length === 1) return { kind: 'refused', reason: c };
      continue;
    }
    candidates.push(c);
  }
  const [first, ...rest] = candidates;
  if (!first) return { kind: 'refused', reason: 'bound' };
  return { kind: 'computed', candidates: [first, ...rest] };
}

const HUNDRED: Interval = { lo: ONE, hi: ONE };

/**
 * How the printed rate fits one candidate. A met target shown as 100% is
 * right whatever the convention when the target is a percentage or lower is
 * better (docs/domain.md §4 "Percent targets"). Each comparison is looked at in
 * floats first; Decimal decides what floats cannot.
 */
export function rateFit(rate: TypedNumber, c: Completion): RateFit {
  const printed = approxInterval(rate, 'rounded');
  const meets = (fast: FloatInterval | undefined, exact: () => Interval): boolean =>
    (fast && approxOverlaps(printed, fast)) ?? overlaps(intervalOfNumber(rate, 'rounded'), exact());
  const r = c.approxRatio;
  if (c.met && (c.target.percent || c.lowerIsBetter) && meets({ lo: 1, hi: 1 }, () => HUNDRED)) return 'ok';
  const plain = meets(r, () => c.ratio);
  const capped = meets(r && approxCap(r, 1), () => capAt(c.ratio, ONE));
  if (plain && capped) return 'ok';
  if (capped) return 'capped';
  if (plain) return ((r && approxCompare(r.lo, 1)) ?? c.ratio.lo.comparedTo(ONE)) > 0 ? 'uncapped' : 'ok';
  return 'wrong';
}

export interface CompletionRow {
  node: IndicatorNode;
  rate: Slot;
  result: CompletionResult;
  /** How the printed rate fits each candidate (empty when refused). */
  fits: RateFit[];
}

const rowsCache = new WeakMap<IndicatorTable, CompletionRow[]>();

/** Every leaf with a printed rate, analysed once per table (rate and rate-convention both read it). */
export function completionRows(table: IndicatorTable): CompletionRow[] {
  const cached = rowsCache.get(table);
  if (cached) return cached;
  const rows: CompletionRow[] = [];
  const visit = (node: IndicatorNode) => {
    const printed = numberOf(node.rate);
    if (node.rate && printed) {
      const result = analyseCompletion(node);
      const fits = result?.kind === 'computed' ? result.candidates.map((c) => rateFit(printed, c)) : [];
      if (result) rows.push({ node, rate: node.rate, result, fits });
    }
    node.children.forEach(visit);
  };
  table.roots.forEach(visit);
  rowsCache.set(table, rows);
  return rows;
}
