/**
 * What ScoreCheck writes for a validation, decided without Office: one mark
 * per cell (several findings on a cell share it), its fill, its note text, and
 * how a later run recognises its own marks.
 */
import type { Finding, Lang, Severity } from '../core';
import { compareCells, mostSevere, noteText, parseA1, toA1 } from '../core';

/**
 * Custom conditional-format rule ScoreCheck adds: always true, and carrying
 * its own name. A rule's `id` is only its priority in the collection (it
 * shifts when rules are added or removed), so the formula is what identifies
 * ours; the cells are also kept in document settings.
 */
export function markFormula(severity: Severity): string {
  return `=ISTEXT("ScoreCheck:${severity}")`;
}

const MARK_FORMULA = /^=ISTEXT\("ScoreCheck:(error|warning|info)"\)$/i;

export function isMarkFormula(formula: string | undefined | null): boolean {
  return typeof formula === 'string' && MARK_FORMULA.test(formula.trim());
}

/**
 * A border in a darker shade of the fill, so a mark does not rest on colour
 * alone (a reader who cannot tell red from amber still sees which cells are
 * marked; the note says how severe): Excel's own text colours for its
 * Bad / Neutral / Note cell styles.
 */
export const MARK_BORDER: Record<Severity, string> = {
  error: '#9C0006',
  warning: '#9C5700',
  info: '#1F4E79',
};

export interface PlannedMark {
  /** A1, no `$`. */
  cell: string;
  severity: Severity;
  /** The note/comment text, or undefined where the cell already carries the user's own. */
  note?: string;
}

/**
 * One mark per cell of `sheet`, worst severity first, in sheet order.
 * `annotatedCells` holds cells that already have a note or comment: they get
 * the fill only, so the user's text is never touched.
 */
export function planMarks(
  findings: readonly Finding[],
  sheet: string,
  lang: Lang,
  annotatedCells: ReadonlySet<string>,
): PlannedMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet) continue;
    const pos = parseA1(f.cell);
    if (!pos) continue;
    const cell = toA1(pos.row, pos.col);
    const list = byCell.get(cell);
    if (list) list.push(f);
    else byCell.set(cell, [f]);
  }
  const marks: PlannedMark[] = [];
  for (const [cell, list] of byCell) {
    const note = annotatedCells.has(cell) ? undefined : noteText(list, lang);
    marks.push({ cell, severity: mostSevere(list), note });
  }
  marks.sort((a, b) => compareCells(a.cell, b.cell));
  return marks;
}
