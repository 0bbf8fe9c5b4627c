/**
 * What a typed cell means (docs/domain.md §3): an operator, a number, a unit and the
 * precision it was shown with — or qualitative text, a blank, an error.
 * The parsing lives in parse-typed-value.ts; these are the shapes the checks use.
 */
import type Decimal from 'decimal.js';

/**
 * ge/gt: at least (higher is better); le/lt: at most (lower is better);
 * eq: exactly, or a plain number.
 */
export type Comparator = 'ge' | 'gt' | 'le' | 'lt' | 'eq';

export interface TypedNumber {
  kind: 'number';
  op: Comparator;
  /** In base units: `13.02万` → 130200, `87.93%` → 0.8793, `2200M` → 2200. */
  value: Decimal;
  /** Decimals as shown, in the shown unit: `13.02万` → 2, `87.93%` → 2, `2200M` → 0. */
  decimals: number;
  /**
   * One unit of the last shown digit, in base units: `13.02万` → 100,
   * `87.93%` → 0.0001, `2200M` → 1. A rounded value stands for ±step/2.
   */
  step: Decimal;
  /**
   * `value` and `step` as binary floats, for a quick first test that is
   * trusted only far from any boundary (interval-fast.ts); judgement stays Decimal.
   */
  approx: number;
  approxStep: number;
  /**
   * True when the value has at most 15 significant digits: no two such
   * values share a float (DBL_DIG), so equal floats mean equal values.
   */
  approxIsUnique: boolean;
  /** True when shown as a percentage (`%`, `％`, or a `0.00%` number format). */
  percent: boolean;
  /** 1, 1e4 (万) or 1e8 (亿). */
  scale: number;
  /** The unit kept from the text: '%', 'M', 'G', '项', '人次', '万元', '元', '' … */
  unit: string;
  /** True when the number came from a text cell (a number stored as text, or a phrase). */
  fromText: boolean;
  /** True when the cell holds a formula; its stored result is compared as stored. */
  formula?: boolean;
  /**
   * A weight typed in percent of the full mark (`20%`) and read as points
   * (20, docs/domain.md §2 C): compared as points, shown back to people as `20%`.
   */
  pointsFromPercent?: boolean;
  /**
   * True for a plain number under a `执行率（%）` header: 90 stands for 90 %
   * (variant J). `value` is then the fraction and `percent` is set; the cell
   * shows, and a fix writes, the points.
   */
  points?: boolean;
}

export interface QualitativeValue {
  kind: 'qualitative';
  text: string;
}

export interface BlankValue {
  kind: 'blank';
}

export interface ErrorValue {
  kind: 'error';
  /** `#REF!`, `#DIV/0!` … */
  code: string;
}

export type TypedValue = TypedNumber | QualitativeValue | BlankValue | ErrorValue;
