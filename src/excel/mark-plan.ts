/**
 * What ScoreCheck writes for a validation, decided without Office: one mark
 * per cell (several findings on a cell share it), its fill, its note text, and
 * how a later run recognises its own marks.
 */
import type { Finding, Lang, Severity } from '../core';
import { compareCells, findingsByCell, mostSevere, noteText } from '../core';

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
  const marks: PlannedMark[] = [];
  for (const [cell, list] of findingsByCell(findings, sheet)) {
    const note = annotatedCells.has(cell) ? undefined : noteText(list, lang);
    marks.push({ cell, severity: mostSevere(list), note });
  }
  marks.sort((a, b) => compareCells(a.cell, b.cell));
  return marks;
}
