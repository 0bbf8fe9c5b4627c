/** What the page shows of one file: one sheet's share of the engine's answer, and the findings by cell. */
import type { Sheet, Workbook, WorkbookResult } from '../core';

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

/** The sheet to show: the one picked, else the first with findings, else the first with a table, else the first. */
export function sheetToShow(workbook: Workbook, result: WorkbookResult, picked: string | undefined): Sheet | undefined {
  const sheets = workbook.sheets;
  const fallback = result.findings[0]?.sheet ?? result.sheets.find((s) => s.tables > 0)?.name ?? sheets[0]?.name;
  return sheets.find((s) => s.name === picked) ?? sheets.find((s) => s.name === fallback);
}
