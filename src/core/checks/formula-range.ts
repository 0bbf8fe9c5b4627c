/**
 * formula-range (SPEC §4, warning): a SUM that leaves out a child row or
 * takes in a foreign one, even when today's value happens to agree — the
 * next edit will not. Only plain sums of cells are read (SUM(…)+SUM(…), A1+A2).
 */
import type { Finding } from '../findings/finding';
import { formatCellList } from '../findings/format';
import { parseA1, parseRangeA1, toA1 } from '../grid/grid';
import { message } from '../findings/messages';
import type { SheetView } from '../grid/sheet-view';
import type { SumConstraint } from './shared/sum-constraints';
import type { Slot } from '../layout/tables';
import { amountConstraints } from './amount-sum';
import type { Check } from './check';
import { scoreConstraints } from './score-sum';
import { weightConstraints } from './weight-sum';

/** The most cells one formula is expanded to; a bigger range is not judged. */
const MAX_CELLS = 5000;
const REF = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/;
const SUM_CALL = /^SUM\((.*)\)$/;

/** Addresses a plain sum formula adds, or undefined when it is anything else. */
export function summedCells(formula: string): Set<string> | undefined {
  const text = formula.replace(/\s+/g, '').toUpperCase();
  const refs: string[] = [];
  for (const term of text.split('+')) {
    const call = SUM_CALL.exec(term);
    const args = call ? call[1].split(',') : [term];
    for (const a of args) {
      if (!REF.test(a)) return undefined;
      refs.push(a);
    }
  }
  const out = new Set<string>();
  for (const ref of refs) {
    const range = parseRangeA1(ref.replace(/\$/g, ''));
    if (!range) return undefined;
    if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > MAX_CELLS) return undefined;
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) out.add(toA1(r, c));
  }
  return out;
}

function holdsNumber(view: SheetView, address: string): boolean {
  const p = parseA1(address)!;
  if (view.isHidden(p.row, p.col)) return false;
  return view.slot(p.row, p.col).value.kind === 'number';
}

function judge(c: SumConstraint, view: SheetView): Finding | undefined {
  const total = c.total.slot;
  const formula = total.cell?.formula;
  if (!formula || c.parts.length === 0) return undefined;
  const summed = summedCells(formula);
  if (!summed) return undefined;
  const expected = new Set(c.parts.map((p) => p.slot.address));
  const missing: Slot[] = c.parts.map((p) => p.slot).filter((s) => !summed.has(s.address));
  const foreign = [...summed].filter((a) => !expected.has(a) && a !== total.address && holdsNumber(view, a));
  if (missing.length === 0 && foreign.length === 0) return undefined;
  const base = { sheet: view.name, cell: total.address, rule: 'formula-range' as const, severity: 'warning' as const, found: `=${formula}` };
  if (missing.length > 0) {
    return { ...base, message: message('formula.missing', { cell: total.address, formula, cells: formatCellList(missing) }) };
  }
  const cells = foreign.length <= 6 ? foreign.join(', ') : `${foreign.slice(0, 5).join(', ')} …`;
  return { ...base, message: message('formula.foreign', { cell: total.address, formula, cells }) };
}

export const formulaRange: Check = {
  id: 'formula-range',
  severity: 'warning',
  run(table, ctx) {
    const constraints = [...weightConstraints(table, ctx.profile), ...scoreConstraints(table), ...amountConstraints(table)];
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const c of constraints) {
      const f = judge(c, ctx.view);
      if (f && !seen.has(f.cell)) {
        seen.add(f.cell);
        out.push(f);
      }
    }
    return out;
  },
};
