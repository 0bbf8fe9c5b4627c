/**
 * The engine's one entry point: a grid in, tables and findings out.
 * Every front end (CLI, Excel, browser page) calls this and nothing deeper.
 */
import { CHECKS } from './checks';
import { tableNotChecked } from './checks/not-checked';
import { detectTables } from './layout/detect-tables';
import type { Finding, TableInfo, WorkbookResult } from './findings/finding';
import { rangeToA1, toA1, type Sheet, type Workbook } from './grid/grid';
import { DEFAULT_PROFILE, type Profile } from './profile';
import { SheetView } from './grid/sheet-view';

export interface CheckOptions {
  profile?: Profile;
}

export function checkSheet(sheet: Sheet, options: CheckOptions = {}): WorkbookResult {
  return checkWorkbook({ sheets: [sheet] }, options);
}

export function checkWorkbook(workbook: Workbook, options: CheckOptions = {}): WorkbookResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const tables: TableInfo[] = [];
  const findings: Finding[] = [];
  const sheets: WorkbookResult['sheets'] = [];
  for (const sheet of workbook.sheets) {
    const view = new SheetView(sheet);
    let found: ReturnType<typeof detectTables> = [];
    try {
      found = detectTables(view);
    } catch (err) {
      findings.push(tableNotChecked(sheet.name, 'A1', errorText(err)));
    }
    sheets.push({ name: sheet.name, tables: found.length });
    for (const table of found) {
      const index = tables.length;
      tables.push({ sheet: sheet.name, range: rangeToA1(table), kind: table.kind });
      for (const check of CHECKS) {
        try {
          for (const f of check.run(table, { profile, view })) findings.push({ ...f, table: index });
        } catch (err) {
          // One broken table must not end the validation (SPEC: never a crashed validation).
          findings.push({ ...tableNotChecked(sheet.name, toA1(table.top, table.left), errorText(err)), table: index });
        }
      }
    }
  }
  return { tables, findings: dedupe(findings), sheets };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One cell, one rule, one finding: a cell reached by two tables is reported once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.sheet}!${f.cell}!${f.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
