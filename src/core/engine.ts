/**
 * The engine's one entry point: a grid in, tables and findings out.
 * Every front end (CLI, Excel, browser page) calls this and nothing deeper.
 */
import type { Sheet, Workbook } from './grid';
import type { WorkbookResult } from './finding';
import { DEFAULT_PROFILE, type Profile } from './profile';

export interface CheckOptions {
  profile?: Profile;
}

export function checkSheet(sheet: Sheet, options: CheckOptions = {}): WorkbookResult {
  return checkWorkbook({ sheets: [sheet] }, options);
}

export function checkWorkbook(workbook: Workbook, options: CheckOptions = {}): WorkbookResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  void profile;
  return {
    tables: [],
    findings: [],
    sheets: workbook.sheets.map((s) => ({ name: s.name, tables: 0 })),
  };
}
