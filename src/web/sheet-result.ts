/** What the page shows of one file: one sheet's share of the engine's answer, and how to name a marked copy. */
import type { Finding, Severity, WorkbookResult } from '../core/finding';
import { SEVERITY_ORDER } from '../core/finding';

/**
 * The findings and tables of one sheet, with `table` indexes renumbered
 * into the smaller `tables` list (the pane groups findings by them).
 */
export function resultForSheet(result: WorkbookResult, sheet: string): WorkbookResult {
  const renumber = new Map<number, number>();
  const tables = result.tables.filter((t, i) => {
    if (t.sheet !== sheet) return false;
    renumber.set(i, renumber.size);
    return true;
  });
  const findings = result.findings
    .filter((f) => f.sheet === sheet)
    .map((f) => (f.table === undefined ? f : { ...f, table: renumber.get(f.table) }));
  return { tables, findings, sheets: result.sheets.filter((s) => s.name === sheet) };
}

/** Findings by cell ("D11"), for the grid's fills and notes. */
export function findingsByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCell.get(f.cell);
    if (list) list.push(f);
    else byCell.set(f.cell, [f]);
  }
  return byCell;
}

export function worstSeverity(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst), 'info');
}

/** "自评表.xlsx" → "自评表.checked.xlsx", as the CLI's --annotate names its copies. */
export function markedCopyName(fileName: string): string {
  const ext = /\.xlsm$/i.test(fileName) ? '.xlsm' : '.xlsx';
  return `${fileName.replace(/\.(xlsx|xlsm|xls)$/i, '')}.checked${ext}`;
}
