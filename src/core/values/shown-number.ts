/**
 * The one implementation of TypedNumber. It keeps the shown digits as a
 * decimal literal and builds the exact `Decimal` only when something asks
 * for it: the float first looks (interval-fast.ts) settle nearly every
 * comparison, and building a Decimal for every number cell was a third of
 * the engine's time (bench/RESULTS.md).
 */
import Decimal from 'decimal.js';
import { ZERO } from '../arithmetic/interval';
import type { Comparator, TypedNumber } from './typed-value';

/** Powers of ten are asked for once per number read: made once each (Decimals are immutable). */
const POWERS_OF_TEN = new Map<number, Decimal>();
function pow10(exponent: number): Decimal {
  let p = POWERS_OF_TEN.get(exponent);
  if (!p) {
    p = new Decimal(`1e${exponent}`);
    POWERS_OF_TEN.set(exponent, p);
  }
  return p;
}

/** Everything of a TypedNumber but its Decimals, which come from `literal` and `stepExponent`. */
export interface ShownNumberFields {
  op: Comparator;
  /** The exact value in base units as a decimal literal: `13.02e4`, `-0.9572`, `1.20000000000000e-7`. */
  literal: string;
  /** The literal as a binary float (the nearest double, or the stored double it was cleaned from). */
  approx: number;
  /** At most 15 significant digits in the literal (see TypedNumber). */
  approxIsUnique: boolean;
  /** The step is 10^stepExponent in base units. */
  stepExponent: number;
  decimals: number;
  percent: boolean;
  scale: number;
  unit: string;
  fromText: boolean;
  formula?: boolean;
  pointsFromPercent?: boolean;
  points?: boolean;
}

class ShownNumber implements TypedNumber {
  readonly kind = 'number';
  readonly op: Comparator;
  readonly approx: number;
  readonly approxStep: number;
  readonly approxIsUnique: boolean;
  readonly decimals: number;
  readonly percent: boolean;
  readonly scale: number;
  readonly unit: string;
  readonly fromText: boolean;
  readonly formula?: boolean;
  readonly pointsFromPercent?: boolean;
  readonly points?: boolean;
  private readonly literal: string;
  private readonly stepExponent: number;
  private exact?: Decimal;

  constructor(private readonly source: ShownNumberFields) {
    const f = source;
    this.op = f.op;
    this.literal = f.literal;
    this.approx = f.approx;
    this.stepExponent = f.stepExponent;
    this.approxStep = 10 ** f.stepExponent;
    this.approxIsUnique = f.approxIsUnique;
    this.decimals = f.decimals;
    this.percent = f.percent;
    this.scale = f.scale;
    this.unit = f.unit;
    this.fromText = f.fromText;
    if (f.formula !== undefined) this.formula = f.formula;
    if (f.pointsFromPercent) this.pointsFromPercent = true;
    if (f.points) this.points = true;
  }

  get value(): Decimal {
    if (!this.exact) {
      const d = new Decimal(this.literal);
      this.exact = d.isZero() ? ZERO : d; // no −0
    }
    return this.exact;
  }

  get step(): Decimal {
    return pow10(this.stepExponent);
  }

  /** The fields it was made from, for a copy with some changed. */
  fields(): ShownNumberFields {
    return { ...this.source };
  }
}

export function shownNumber(fields: ShownNumberFields): TypedNumber {
  return new ShownNumber(fields);
}

/**
 * The same number with its op or formula flag changed. A spread would drop
 * the value and step, which are getters on the prototype.
 */
export function withFields(n: TypedNumber, changes: Partial<Pick<ShownNumberFields, 'op' | 'formula'>>): TypedNumber {
  return new ShownNumber({ ...(n as ShownNumber).fields(), ...changes });
}

/**
 * A plain number read as percentage points (variant J): 97.36 → 97.36 %,
 * shown with the same decimals of percent, so it stands for ±½ of its last digit.
 */
export function asPercentPoints(n: TypedNumber): TypedNumber {
  const f = (n as ShownNumber).fields();
  const literal = n.value.div(100).toString();
  return new ShownNumber({
    ...f,
    literal,
    approx: Number(literal),
    stepExponent: f.stepExponent - 2,
    percent: true,
    unit: '%',
    points: true,
  });
}

/**
 * Decimal places of a decimal literal with an optional exponent (`e`), as
 * `new Decimal(literal).decimalPlaces()` counts them (trailing zeros do
 * not count): `0.957200` → 4, `1.5e-7` → 8, `1.2e3` → 0, `100e-2` → 0.
 */
export function decimalPlacesOf(literal: string): number {
  const e = literal.indexOf('e'); // String() and toPrecision() write a lower-case e
  const mantissa = e < 0 ? literal : literal.slice(0, e);
  const exponent = e < 0 ? 0 : Number(literal.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const fractionLength = dot < 0 ? 0 : mantissa.length - dot - 1;
  let end = mantissa.length;
  let trailingZeros = 0;
  for (; end > 0; end--) {
    const ch = mantissa[end - 1];
    if (ch === '0') trailingZeros++;
    else if (ch !== '.') break;
  }
  if (!/[1-9]/.test(mantissa)) return 0;
  return Math.max(0, fractionLength - exponent - trailingZeros);
}

/** Below this a double may be subnormal, and its shortest form no longer the 15-digit decimal. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * The decimal a stored double stands for, as Excel shows it: 15 significant
 * digits, so 0.9572000000000001 → 0.9572 (docs/domain.md §3). When the shortest form
 * that reads back as the same double has at most 15 significant digits it is
 * that decimal (DBL_DIG), and it is much cheaper than `toPrecision(15)`.
 */
export function storedLiteral(n: number): string {
  if (n !== 0 && Math.abs(n) < SMALLEST_NORMAL) return n.toPrecision(15);
  const shortest = String(n);
  let digits = 0;
  let leading = true;
  for (let i = 0; i < shortest.length; i++) {
    const ch = shortest.charCodeAt(i);
    if (ch === 101) break; // e: the exponent follows
    if (ch < 48 || ch > 57) continue; // sign, dot
    if (leading && ch === 48) continue;
    leading = false;
    digits++;
  }
  return digits <= 15 ? shortest : n.toPrecision(15);
}

/**
 * The same number holding another value, shown as the cell shows it: the
 * engine asks "what if this cell held its expected value?" to tell a root
 * cause from its echoes.
 */
export function withValue(n: TypedNumber, value: Decimal): TypedNumber {
  const literal = value.toString();
  const digits = literal.replace(/^-|e.*$|\./g, '').replace(/^0+/, '').length;
  return new ShownNumber({ ...(n as ShownNumber).fields(), literal, approx: value.toNumber(), approxIsUnique: digits <= 15 });
}

/** A decimal literal times 10^shift, still exact: `0.05` → `0.05e2`, `1.2e-3` → `1.2e-1`. */
function shiftLiteral(literal: string, shift: number): string {
  const e = literal.indexOf('e');
  const mantissa = e < 0 ? literal : literal.slice(0, e);
  const exponent = (e < 0 ? 0 : Number(literal.slice(e + 1))) + shift;
  return `${mantissa}e${exponent}`;
}

/**
 * A percentage of a 100-point full mark as points (docs/domain.md §2 C, weights in
 * percent): `5%` (0.05) → 5 points, `2.5%` → 2.5, with the shown decimals
 * and the step scaled alike. Not a percentage any more, so no unit; marked
 * pointsFromPercent so findings show it as typed.
 */
export function percentOfHundredAsPoints(n: TypedNumber): TypedNumber {
  const f = (n as ShownNumber).fields();
  const literal = shiftLiteral(f.literal, 2);
  return new ShownNumber({
    ...f,
    literal,
    approx: Number(literal) || 0,
    stepExponent: f.stepExponent + 2,
    percent: false,
    unit: '',
    pointsFromPercent: true,
  });
}
