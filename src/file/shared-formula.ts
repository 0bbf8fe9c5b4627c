/**
 * A shared formula (`<f t="shared" si="0" ref="B2:B9">A2*2</f>`) is written
 * once, on its first cell; every other cell of the group holds only
 * `si="0"` and means the same formula moved by its offset: relative
 * references slide, `$`-anchored parts stay. One linear scan: string
 * literals, quoted sheet names and bracketed (structured, external)
 * references are copied untouched, function names are not references.
 */
import { columnIndex, columnName } from '../core';
import { LAST_COL, LAST_ROW } from './limits';

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_.$\\]/.test(ch);
}

/** Copies a quoted run (`"…"` or `'…'`, the quote doubled inside) from `at`; returns the index after it. */
function skipQuoted(formula: string, at: number): number {
  const q = formula[at];
  let i = at + 1;
  for (;;) {
    const close = formula.indexOf(q, i);
    if (close < 0) return formula.length;
    if (formula[close + 1] !== q) return close + 1;
    i = close + 2;
  }
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;

function slideRef(word: string, dRow: number, dCol: number): string {
  const m = CELL_REF.exec(word);
  if (!m) return word;
  const col = columnIndex(m[2]) + 1;
  const row = Number(m[4]);
  if (col > LAST_COL || row < 1 || row > LAST_ROW) return word; // a name such as LOG10 or ABC1234567
  const newCol = m[1] ? col : col + dCol;
  const newRow = m[3] ? row : row + dRow;
  if (newCol < 1 || newCol > LAST_COL || newRow < 1 || newRow > LAST_ROW) return '#REF!';
  return `${m[1]}${columnName(newCol - 1)}${m[3]}${newRow}`;
}

/** The master's formula as it reads `dRow` rows and `dCol` columns away. */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === '[') {
      const close = formula.indexOf(']', i);
      const end = close < 0 ? formula.length : close + 1;
      out += formula.slice(i, end);
      i = end;
    } else if (isWordChar(ch)) {
      let end = i + 1;
      while (end < formula.length && isWordChar(formula[end])) end++;
      const word = formula.slice(i, end);
      // A word followed by `(` is a function; one starting with a digit is a number.
      out += formula[end] === '(' || /^[0-9.]/.test(word) ? word : slideRef(word, dRow, dCol);
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
