/**
 * A cell's content as Undo fix must put it back. Writing a string into
 * `values` or `formulas` makes Excel parse it as if typed: text "16" would
 * come back a number, "-" or "=x" a formula. So the kind is kept, and text is
 * written behind Excel's text prefix (a leading apostrophe, not stored).
 */
import type { CellContent } from '../host';

export function cellContentOf(formula: unknown, value: unknown, valueType: string): CellContent {
  // Text typed as '=A1 comes back from `formulas` as "=A1" too, equal to its value; a formula's differs.
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return { kind: 'formula', formula };
  switch (valueType) {
    case 'Empty':
      return { kind: 'empty' };
    case 'Double':
      return { kind: 'number', number: Number(value) };
    case 'Boolean':
      return { kind: 'boolean', boolean: value === true };
    case 'Error':
      // An error typed as a constant (#N/A): Excel parses it back into the same error.
      return { kind: 'error', text: String(value) };
    default:
      return { kind: 'text', text: String(value ?? '') };
  }
}

/** Queues writing `content` into the one-cell `range`, exactly as it was. */
export function queueWriteContent(range: Excel.Range, content: CellContent): void {
  switch (content.kind) {
    case 'formula':
      range.formulas = [[content.formula]];
      return;
    case 'text':
      range.values = [[`'${content.text}`]];
      return;
    case 'number':
      range.values = [[content.number]];
      return;
    case 'boolean':
      range.values = [[content.boolean]];
      return;
    case 'error':
      range.values = [[content.text]];
      return;
    case 'empty':
      range.values = [['']];
  }
}

/** Whether the cell still holds what Fix wrote (a number within floating-point noise). */
export function holdsWritten(now: unknown, written: string | number): boolean {
  if (now === written) return true;
  if (typeof now === 'number' && typeof written === 'number') {
    return Math.abs(now - written) <= 1e-9 * Math.max(1, Math.abs(written));
  }
  return String(now) === String(written);
}
