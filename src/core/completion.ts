/**
 * Recomputing an indicator's completion (actual ÷ target) the way SPEC §4
 * judges it: rounding-aware, with the percent-target rule, the cap
 * convention left open for the table to settle, and honest refusals
 * (not-checked) where the actual cannot be known.
 */
import { capAt, entirelyAbove, overlaps, ratio, type Interval } from './interval';
import { numbersInNarrative } from './narrative-numbers';
import { indicatorPrecision, intervalOf, intervalOfNumber, numberOf, ONE } from './precision';
import type { IndicatorNode, IndicatorTable, Slot } from './tables';
import type { Comparator, TypedNumber } from './typed-value';

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
  /** actual ÷ target (target ÷ actual for lower-is-better), uncapped. */
  ratio: Interval;
  /** Whether the target is met: true, false, or undefined when rounding leaves it open. */
  met: boolean | undefined;
  lowerIsBetter: boolean;
}

export type CompletionResult = { kind: 'computed'; candidates: Completion[] } | { kind: 'refused'; reason: Refusal; detail?: string };

const HIGHER: ReadonlySet<Comparator> = new Set(['ge', 'gt', 'eq']);

function compatible(target: TypedNumber, actual: TypedNumber): boolean {
  if (target.percent !== actual.percent) return false;
  if (target.percent) return true;
  const tu = target.unit.replace(/^万|^亿/, '');
  const au = actual.unit.replace(/^万|^亿/, '');
  return tu === '' || au === '' || tu === au;
}

/** Met, missed, or open under rounding, by the target's operator (民法典 第1259条 inclusiveness). */
function targetMet(target: TypedNumber, actualIv: Interval, targetIv: Interval): boolean | undefined {
  const t = target.value;
  switch (target.op) {
    case 'gt':
      return actualIv.lo.gt(targetIv.hi) ? true : actualIv.hi.lte(t) ? false : undefined;
    case 'lt':
      return actualIv.hi.lt(targetIv.lo) ? true : actualIv.lo.gte(t) ? false : undefined;
    case 'le':
      return actualIv.hi.lte(targetIv.hi) ? true : actualIv.lo.gt(targetIv.hi) ? false : undefined;
    default:
      return actualIv.lo.gte(targetIv.lo) ? true : actualIv.hi.lt(targetIv.lo) ? false : undefined;
  }
}

export function completionOf(target: TypedNumber, actual: TypedNumber): Completion | Refusal {
  if (!compatible(target, actual)) return 'units';
  if (actual.op !== 'eq') return 'bound';
  const t = intervalOfNumber(target, indicatorPrecision(target));
  const a = intervalOfNumber(actual, indicatorPrecision(actual));
  const lowerIsBetter = !HIGHER.has(target.op);
  const r = lowerIsBetter ? ratio(t, a) : ratio(a, t);
  const met = targetMet(target, a, t);
  if (!r) {
    // 0 ÷ 0 is never an error; a met lower-is-better target with a zero actual is complete.
    if (lowerIsBetter && met) return { target, actual, ratio: { lo: ONE, hi: ONE }, met, lowerIsBetter };
    return 'zero-base';
  }
  return { target, actual, ratio: r, met, lowerIsBetter };
}

/**
 * In a target 达200人 means "at least"; in an actual 跟进率达100% says what was
 * reached, so there it is the value itself.
 */
const REACHED = /^达到?/;
function asReached<T extends TypedNumber>(n: T, source: string): T {
  return n.op === 'ge' && REACHED.test(source.trim()) ? { ...n, op: 'eq' } : n;
}

/** The narrative's numbers that can be the actual of this target (unit and magnitude fit). */
function narrativeCandidates(target: TypedNumber, text: string): TypedNumber[] {
  const all = numbersInNarrative(text)
    .map((n) => asReached(n, n.source))
    .filter((n) => !n.partOfName && compatible(target, n));
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
    actuals = [asReached(a, node.actual.value.kind === 'number' && typeof node.actual.cell?.value === 'string' ? node.actual.cell.value : '')];
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
  if (candidates.length === 0) return { kind: 'refused', reason: 'bound' };
  return { kind: 'computed', candidates };
}

/**
 * How the printed rate fits one candidate. A met target shown as 100% is
 * right whatever the convention when the target is a percentage or lower is
 * better (SPEC §4 "Percent targets").
 */
export function rateFit(reported: Interval, c: Completion): RateFit {
  const hundred = { lo: ONE, hi: ONE };
  if (c.met && (c.target.percent || c.lowerIsBetter) && overlaps(reported, hundred)) return 'ok';
  const plain = overlaps(reported, c.ratio);
  const capped = overlaps(reported, capAt(c.ratio, ONE));
  if (plain && capped) return 'ok';
  if (capped) return 'capped';
  if (plain) return entirelyAbove(c.ratio, ONE) ? 'uncapped' : 'ok';
  return 'wrong';
}


export interface CompletionRow {
  node: IndicatorNode;
  rate: Slot;
  reported: Interval;
  result: CompletionResult;
}

const rowsCache = new WeakMap<IndicatorTable, CompletionRow[]>();

/** Every leaf with a printed rate, analysed once per table (rate and rate-convention both read it). */
export function completionRows(table: IndicatorTable): CompletionRow[] {
  const cached = rowsCache.get(table);
  if (cached) return cached;
  const rows: CompletionRow[] = [];
  const visit = (node: IndicatorNode) => {
    const reported = intervalOf(node.rate, 'rounded');
    if (node.rate && reported) {
      const result = analyseCompletion(node);
      if (result) rows.push({ node, rate: node.rate, reported, result });
    }
    node.children.forEach(visit);
  };
  table.roots.forEach(visit);
  rowsCache.set(table, rows);
  return rows;
}
