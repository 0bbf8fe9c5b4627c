/** The machine-readable report of SPEC §5: stable, versioned. */
import type { Finding, Lang, TableInfo, WorkbookResult } from './finding';

export interface ReportFinding {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
  found?: string;
  expected?: string;
  message: string;
}

export interface ReportFile {
  file: string;
  tables: TableInfo[];
  findings: ReportFinding[];
  /** Set when the file could not be read; then tables and findings are empty. */
  error?: string;
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
  return out;
}

export function reportFile(file: string, result: WorkbookResult, lang: Lang): ReportFile {
  return { file, tables: result.tables, findings: result.findings.map((f) => reportFinding(f, lang)) };
}

export function unreadableFile(file: string, reason: string): ReportFile {
  return { file, tables: [], findings: [], error: reason };
}

export function buildReport(files: ReportFile[]): Report {
  return { version: 1, files };
}
