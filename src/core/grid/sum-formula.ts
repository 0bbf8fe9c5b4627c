/**
 * Plain sum formulas (SUM(…)+SUM(…), A1+A2): the cells they add. Only these
 * are read — formula-range judges their ranges, and the engine follows them
 * when it asks what a corrected cell would change.
 */
import { parseRangeA1, toA1 } from './grid';

/** The most cells one formula is expanded to; a bigger range is not judged. */
const MAX_CELLS = 5000;
const REF = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/;
const SUM_CALL = /^SUM\((.*)\)$/;

/** Addresses a plain sum formula adds, or undefined when it is anything else. */
export function summedCells(formula: string): Set<string> | undefined {
  const text = formula.replace(/\s+/g, '').toUpperCase();
  const refs: string[] = [];
  for (const term of text.split('+')) {
    const [, inner] = SUM_CALL.exec(term) ?? [];
    const args = inner === undefined ? [term] : inner.split(',');
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
