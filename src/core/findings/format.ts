/** How numbers and cell lists are written back to people, in the cell's own style. */
import Decimal from 'decimal.js';
import type { Slot } from '../layout/tables';
import { parseA1 } from '../grid/grid';

/** A plain number with at most `decimals` places, trailing zeros dropped: 89.80 → "89.8". */
export function formatPlain(value: Decimal, decimals = 4): string {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toString();
}

/** A fraction as a percentage with fixed decimals: 0.8273, 2 → "82.73%". */
export function formatPercent(fraction: Decimal, decimals: number): string {
  return `${fraction.times(100).toFixed(Math.max(0, decimals), Decimal.ROUND_HALF_UP)}%`;
}

/** A fraction as percentage points, as a `执行率（%）` column shows it: 0.9376, 2 → "93.76". */
function formatPoints(fraction: Decimal, decimals: number): string {
  return fraction.times(100).toFixed(Math.max(0, decimals), Decimal.ROUND_HALF_UP);
}

/**
 * A value as the slot shows it: percentages as percent (or as the points of
 * a `执行率（%）` column), amounts with their decimals, weights typed as a
 * percent of the full mark as `N%`.
 */
export function formatLike(slot: Slot, value: Decimal): string {
  const v = slot.value;
  if (v.kind === 'number' && v.pointsFromPercent) return `${formatPlain(value)}%`;
  if (v.kind === 'number' && v.points) return formatPoints(value, v.decimals);
  if (v.kind === 'number' && v.percent) return formatPercent(value, v.decimals);
  if (v.kind === 'number') return value.toFixed(v.decimals, Decimal.ROUND_HALF_UP);
  return formatPlain(value);
}

/**
 * A ratio as a rate cell should show it: like the cell where it shows a
 * percentage, points or a fraction with two decimals or more; else as a
 * percentage — a rate typed as a bare 0 or 1 must never be told "应为 0".
 */
export function formatRate(slot: Slot, ratio: Decimal): string {
  const v = slot.value;
  const shownWell = v.kind === 'number' && (v.percent || v.points || v.decimals >= 2);
  return shownWell ? formatLike(slot, ratio) : formatPercent(ratio, 2);
}

/** What the slot shows now, for the `found` field. */
export function formatFound(slot: Slot): string {
  const v = slot.value;
  if (v.kind === 'number') {
    if (v.pointsFromPercent && !v.fromText) return `${formatPlain(v.value)}%`;
    if (v.points) return formatPlain(v.value.times(100), Math.max(v.decimals, 0) + 6);
    // What was typed, as typed: `≥90%` keeps its operator, `87.93％` its full-width sign.
    if (v.fromText && slot.cell && typeof slot.cell.value === 'string') return slot.cell.value.trim();
    if (v.percent) return formatPercent(v.value, v.decimals);
    return formatPlain(v.value, Math.max(v.decimals, 0) + 6);
  }
  if (v.kind === 'qualitative') return v.text;
  if (v.kind === 'error') return v.code;
  return '';
}

/** Runs of more than this many are named by their ends and a count. */
const MAX_RUNS_NAMED = 4;

/**
 * Cells named in a sentence, so a reader can find every one: consecutive
 * cells down a column become `F11:F17`, along a row `C6:D6`; runs are listed
 * in order, and past four the sentence names the first three, the last and
 * how many cells there are in all.
 */
export function formatCellList(slots: readonly Slot[]): string {
  const runs: { first: string; last: string; row: number; col: number; across: boolean | undefined }[] = [];
  for (const s of slots) {
    const at = parseA1(s.address)!;
    const run = runs[runs.length - 1];
    const down = run && run.across !== true && at.col === run.col && at.row === run.row + 1;
    const along = run && run.across !== false && at.row === run.row && at.col === run.col + 1;
    if (run && (down || along)) {
      run.last = s.address;
      run.row = at.row;
      run.col = at.col;
      run.across = along;
    } else runs.push({ first: s.address, last: s.address, row: at.row, col: at.col, across: undefined });
  }
  const named = runs.map((r) => (r.first === r.last ? r.first : `${r.first}:${r.last}`));
  if (named.length <= MAX_RUNS_NAMED) return named.join(', ');
  return `${named.slice(0, 3).join(', ')} … ${named[named.length - 1]} (${slots.length})`;
}

/** Thousands separators for a plain number of four or more integer digits: 33339674.47 → 33,339,674.47. */
export function groupDigits(text: string): string {
  const [, sign = '', digits, fraction = ''] = /^(-?)(\d{4,})(\.\d+)?$/.exec(text) ?? [];
  if (!digits) return text;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}
