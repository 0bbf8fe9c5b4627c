/**
 * What ScoreCheck writes for a validation, decided without Office: one mark
 * per cell (several findings on a cell share it), its fill, its note text, and
 * how a later run recognises its own marks.
 */
import type { Finding, Lang, Severity } from '../core';
import { SEVERITY_ORDER } from '../core';
import { compareCells, parseA1, toA1 } from '../core';

/**
 * Every note or comment ScoreCheck writes starts with this, so Clear can tell
 * them from the user's own without relying on stored ids alone.
 */
export const NOTE_PREFIX = '[ScoreCheck]';

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

export function isMarkNote(content: string | undefined | null): boolean {
  return typeof content === 'string' && content.startsWith(NOTE_PREFIX);
}

export interface PlannedMark {
  /** A1, no `$`. */
  cell: string;
  severity: Severity;
  /** The note/comment text, or undefined where the cell already carries the user's own. */
  note?: string;
}

const EXPECTED_LABEL: Record<Lang, string> = { 'zh-CN': '应为', 'en-US': 'Expected' };

function noteLine(finding: Finding, lang: Lang): string {
  const expected = finding.expected !== undefined ? ` ${EXPECTED_LABEL[lang]}: ${finding.expected}` : '';
  return `${finding.message[lang]}${expected}`;
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
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    const note = annotatedCells.has(cell)
      ? undefined
      : [NOTE_PREFIX, ...list.map((f) => noteLine(f, lang))].join('\n');
    marks.push({ cell, severity: list[0].severity, note });
  }
  marks.sort((a, b) => compareCells(a.cell, b.cell));
  return marks;
}
