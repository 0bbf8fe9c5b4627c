/**
 * What an indicator row's cells mean beyond what they show alone: a weight
 * typed in percent is points (docs/domain.md §2 C), an actual says what was reached
 * (H), and a target split over operator | value | unit columns is one value
 * whose unit also applies to a bare actual (B).
 */
import type { Cell } from '../grid/grid';
import type { SheetView } from '../grid/sheet-view';
import type { SplitTarget } from './header-rows';
import { normalizeText } from '../values/normalize-text';
import { parseTypedText, readCellValue, type ValueReading } from '../values/parse-typed-value';
import { percentOfHundredAsPoints } from '../values/shown-number';
import type { TypedValue } from '../values/typed-value';
import type { Slot } from './tables';

function withValue(at: Slot, value: TypedValue): Slot {
  return { row: at.row, col: at.col, address: at.address, cell: at.cell, value };
}

/**
 * A weight shown in percent (`20%` typed, or 0.2 in a percent format; 总分
 * `100%`) is that share of the 100-point full mark, so the checks compare
 * scores with points: 5% is worth 5.
 */
export function weightInPoints(slot: Slot): Slot {
  const v = slot.value;
  return v.kind === 'number' && v.percent ? withValue(slot, percentOfHundredAsPoints(v)) : slot;
}

/** True when a number already says what it counts: a percentage, a unit or 万/亿. */
function carriesUnit(v: TypedValue): boolean {
  return v.kind === 'number' && (v.percent || v.unit !== '' || v.scale !== 1);
}

/** What a number cell shows, as text to join with an operator or a unit typed in other cells. */
function shownText(cell: Cell | undefined, v: TypedValue): string | undefined {
  if (typeof cell?.value === 'string') return cell.value.trim();
  if (v.kind !== 'number') return undefined;
  return v.percent ? `${v.value.times(100).toFixed(v.decimals)}%` : `${v.value.toFixed(v.decimals)}${v.unit}`;
}

/**
 * A value read with an operator and a unit typed beside it: `≥` `95` `%`
 * is ≥ 95 %, `92` in a `%` row is 92 %, `2.3` in a `万亩` row is 23,000 亩.
 * A number that carries its own unit keeps it.
 */
function withOperatorAndUnit(
  cell: Cell | undefined,
  own: TypedValue,
  prefix: string,
  unit: string,
  reading: ValueReading,
): TypedValue {
  const addUnit = unit !== '' && !carriesUnit(own);
  if (own.kind !== 'number' || (prefix === '' && !addUnit)) return own;
  const text = shownText(cell, own);
  return text === undefined ? own : parseTypedText(`${prefix}${text}${addUnit ? unit : ''}`, reading);
}

/** 达 / 達 in a text cell: the one case where reading as reached differs from reading as typed. */
function mayStateReached(cell: Cell | undefined): boolean {
  return typeof cell?.value === 'string' && (cell.value.includes('达') || cell.value.includes('達'));
}

/** An actual: 达/达到 N is N (docs/domain.md §2 H); a bare number takes the row's unit (B). */
export function actualSlot(slot: Slot, unit = ''): Slot {
  const own = mayStateReached(slot.cell) ? readCellValue(slot.cell, 'reached') : slot.value;
  const value = withOperatorAndUnit(slot.cell, own, '', unit, 'reached');
  return value === slot.value ? slot : withValue(slot, value);
}

/**
 * 指标性质 words that are not comparison operators: 定性 marks a
 * qualitative target; 正向 / 反向 (指标) say higher or lower is better.
 */
const DIRECTION_WORDS: Record<string, string | null> = { 定性: null, 定量: '', 正向: '≥', 反向: '≤' };
const DIRECTION = /^(定性|定量|正向|反向)(指标|类)?$/;

/**
 * The operator a 指标性质 / 符号 cell states, as text to put before the
 * value; null for a qualitative target or words that are no operator the
 * reader knows (递增, 持续): a guessed direction would cry wolf.
 */
function operatorText(typed: string): string | null {
  const [, direction] = DIRECTION.exec(typed) ?? [];
  const word = direction === undefined ? undefined : DIRECTION_WORDS[direction];
  if (word !== undefined) return word;
  if (typed === '') return '';
  const probe = parseTypedText(`${typed}1`);
  return probe.kind === 'number' && (probe.op !== 'eq' || typed === '=' || typed === '等于') ? typed : null;
}

/** The target of a row whose target is split over operator | value | unit (docs/domain.md §2 B). */
export function splitTargetSlot(view: SheetView, row: number, parts: SplitTarget): Slot | undefined {
  const at = view.slot(row, parts.value);
  if (at.row !== row || at.col !== parts.value || at.value.kind === 'blank') return undefined;
  const op = operatorText(parts.op === undefined ? '' : normalizeText(view.text(row, parts.op)));
  if (op === null) return withValue(at, { kind: 'qualitative', text: view.text(row, parts.value).trim() });
  return withValue(at, withOperatorAndUnit(at.cell, at.value, op, targetUnit(view, row, parts), 'target'));
}

/** The unit a split target's row states ('' when none). */
export function targetUnit(view: SheetView, row: number, parts: SplitTarget | undefined): string {
  return parts?.unit === undefined ? '' : normalizeText(view.text(row, parts.unit));
}
