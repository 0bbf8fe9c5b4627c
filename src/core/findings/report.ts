/** The machine-readable report of docs/domain.md §5: stable, versioned. */
import type { Finding, Lang, TableInfo, WorkbookResult } from './finding';

export interface ReportFinding {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
  found?: string;
  expected?: string;
  message: string;
  /** For an echo: the cell whose finding explains it. */
  cause?: string;
}

/**
 * What was done with a file: checked; read but no self-evaluation table
 * recognised in it — not clean, not checked; or not readable at all.
 */
export type FileStatus = 'checked' | 'no-table' | 'unreadable';

export interface ReportFile {
  file: string;
  status: FileStatus;
  tables: TableInfo[];
  findings: ReportFinding[];
  /** Set when the file could not be read; then tables and findings are empty. */
  error?: string;
  /** With --annotate: the marked copy written. */
  markedCopy?: string;
  /** With --annotate: why the marked copy could not be written (the findings still count). */
  markedCopyError?: string;
}

export interface Report {
  version: 1;
  files: ReportFile[];
}

export function reportFinding(f: Finding, lang: Lang): ReportFinding {
  const out: ReportFinding = { sheet: f.sheet, cell: f.cell, rule: f.rule, severity: f.severity, message: '' };
  if (f.found !== undefined) out.found = f.found;
  if (f.expected !== undefined) out.expected = f.expected;
  out.message = f.message[lang];
  if (f.cause !== undefined) out.cause = f.cause;
  return out;
}

export function reportFile(file: string, result: WorkbookResult, lang: Lang): ReportFile {
  const status: FileStatus = result.tables.length > 0 ? 'checked' : 'no-table';
  return { file, status, tables: result.tables, findings: result.findings.map((f) => reportFinding(f, lang)) };
}

export function unreadableFile(file: string, reason: string): ReportFile {
  return { file, status: 'unreadable', tables: [], findings: [], error: reason };
}

export function buildReport(files: ReportFile[]): Report {
  return { version: 1, files };
}
