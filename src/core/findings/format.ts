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

/** A value as the slot shows it: percentages as percent (or as points), amounts with their decimals. */
export function formatLike(slot: Slot, value: Decimal): string {
  const v = slot.value;
  if (v.kind === 'number' && v.points) return formatPoints(value, v.decimals);
  if (v.kind === 'number' && v.percent) return formatPercent(value, v.decimals);
  if (v.kind === 'number') return value.toFixed(v.decimals, Decimal.ROUND_HALF_UP);
  return formatPlain(value);
}

/** What the slot shows now, for the `found` field. */
export function formatFound(slot: Slot): string {
  const v = slot.value;
  if (v.kind === 'number') {
    if (v.points) return formatPlain(v.value.times(100), Math.max(v.decimals, 0) + 6);
    if (v.percent) return formatPercent(v.value, v.decimals);
    if (v.fromText && slot.cell && typeof slot.cell.value === 'string') return slot.cell.value.trim();
    return formatPlain(v.value, Math.max(v.decimals, 0) + 6);
  }
  if (v.kind === 'qualitative') return v.text;
  if (v.kind === 'error') return v.code;
  return '';
}

/**
 * Cells named in a sentence: a run down one column becomes `F11:F17`, a run
 * along a row `C6:D6`; anything else a comma list, shortened past six.
 */
export function formatCellList(slots: readonly Slot[]): string {
  const addresses = slots.map((s) => s.address);
  if (addresses.length === 0) return '';
  if (addresses.length === 1) return addresses[0];
  const pos = addresses.map((a) => parseA1(a)!);
  const sameCol = pos.every((p) => p.col === pos[0].col);
  const sameRow = pos.every((p) => p.row === pos[0].row);
  const first = addresses[0];
  const last = addresses[addresses.length - 1];
  if (sameCol && isConsecutive(pos.map((p) => p.row))) return `${first}:${last}`;
  if (sameRow && isConsecutive(pos.map((p) => p.col))) return `${first}:${last}`;
  if (addresses.length <= 6) return addresses.join(', ');
  return `${addresses.slice(0, 5).join(', ')} … ${last}`;
}

function isConsecutive(xs: number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] !== xs[i - 1] + 1) return false;
  return true;
}
