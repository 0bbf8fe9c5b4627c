/** What the checks produce and every front end shows. */
import type { RuleId } from '../checks';

export type Severity = 'error' | 'warning' | 'info';

/** A rule's id, as the rules list defines them (checks/index.ts). */
export type { RuleId } from '../checks';

export type Lang = 'zh-CN' | 'en-US';

/** A sentence in both languages; front ends pick one. */
export interface LocalizedText {
  'zh-CN': string;
  'en-US': string;
}

export interface Finding {
  sheet: string;
  /** One cell in A1 form without `$`; a merged cell by its top-left cell. */
  cell: string;
  rule: RuleId;
  severity: Severity;
  /** The value found, as the user would read it ("17", "82.37%"). */
  found?: string;
  /** The value the cell should hold, where one exists, in the cell's own style. */
  expected?: string;
  /**
   * What *Fix* writes into the cell, in the cell's stored form (0.8273 for a
   * percent-formatted cell showing 82.73%); absent where no single value is right.
   */
  fixValue?: number | string;
  message: LocalizedText;
  /** Which of the rule's sentences this is (its key in the rule's meta.messages). */
  messageId?: string;
  /**
   * For an echo: the cell whose own finding explains this one ("随 B9 而错");
   * an echo is `info`, never an error, and has no Fix (docs/domain.md §4).
   */
  cause?: string;
  /** Index into the result's `tables` of the table this finding belongs to. */
  table?: number;
}

export type TableKind =
  | 'overall-2021'
  | 'indicator-completion'
  | 'score-summary'
  | 'budget-execution'
  | 'budget-block'
  | 'project-form'
  | 'project-funds'
  | 'indicators';

export interface TableInfo {
  sheet: string;
  /** A1 range, e.g. "A10:K64". */
  range: string;
  kind: TableKind;
}

/** The engine's answer for one workbook. */
export interface WorkbookResult {
  tables: TableInfo[];
  findings: Finding[];
  /** Sheets read, with how many tables each held (0: nothing to check there). */
  sheets: { name: string; tables: number }[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The fill a marked cell gets, the same in Excel, the marked copy and the
 * browser page: Office's own red, amber and blue for bad, neutral and info,
 * which readers of either language recognise.
 */
export const MARK_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

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

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The most severe of the findings ('info' for none). */
export function mostSevere(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>(
    (worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst),
    'info',
  );
}
