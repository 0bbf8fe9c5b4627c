/**
 * The engine's one entry point: a grid in, tables and findings out. Every
 * front end (CLI, Excel, browser page) calls this and nothing deeper.
 *
 * Tables → rules → findings: each rule reports through a context, and the
 * engine stamps sheet, rule and severity from the rule's meta, names the
 * cell by its row label, and tells root causes from their echoes (echoes.ts).
 */
import { notCheckedRule, RULES } from './checks';
import type { NotCheckedReason, Rule, RuleContext } from './checks/rule';
import type { Finding, TableInfo, WorkbookResult } from './findings/finding';
import { rangeToA1, toA1, type Sheet, type Workbook } from './grid/grid';
import { SheetView } from './grid/sheet-view';
import { detectTables } from './layout/detect-tables';
import { slotLabels } from './layout/slot-labels';
import type { Slot, Table } from './layout/tables';
import { DEFAULT_PROFILE, type Profile } from './profile';
import { draftFinding, type Draft, type TableRun } from './drafts';
import { markEchoes } from './echoes';

export interface CheckOptions {
  profile?: Profile;
}

export function checkSheet(sheet: Sheet, options: CheckOptions = {}): WorkbookResult {
  return checkWorkbook({ sheets: [sheet] }, options);
}

export function checkWorkbook(workbook: Workbook, options: CheckOptions = {}): WorkbookResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const tables: TableInfo[] = [];
  const drafts: Draft[] = [];
  // Findings in the order they arose; a table or sheet that failed has its not-checked among them.
  const ordered: (Draft | Finding)[] = [];
  const sheets: WorkbookResult['sheets'] = [];
  for (const sheet of workbook.sheets) {
    const view = new SheetView(sheet);
    let found: Table[] = [];
    try {
      found = detectTables(view);
    } catch (err) {
      ordered.push(tableFailed(sheet.name, 'A1', err));
    }
    sheets.push({ name: sheet.name, tables: found.length });
    for (const table of found) {
      let labels: Map<Slot, string> | undefined;
      const run: TableRun = { table, index: tables.length, view, labels: () => (labels ??= slotLabels(table)) };
      tables.push({ sheet: sheet.name, range: rangeToA1(table), kind: table.kind });
      for (const rule of RULES) {
        try {
          const found = runRule(rule as Rule, run, profile);
          drafts.push(...found);
          ordered.push(...found);
        } catch (err) {
          // One broken table must not end the validation: say so at its first cell.
          ordered.push({ ...tableFailed(sheet.name, toA1(table.top, table.left), err), table: run.index });
        }
      }
    }
  }
  const roots = markEchoes(drafts, (rule, run) => runRule(rule, { ...run, table: { ...run.table } }, profile));
  const findings = ordered.flatMap((d) => {
    if (!('finding' in d)) return [d];
    const root = roots.get(d);
    return root ? [root.finding, d.finding] : [d.finding];
  });
  return { tables, findings: dedupe(findings), sheets };
}

/** The rule's findings on one table, stamped with its meta. */
function runRule(rule: Rule, run: TableRun, profile: Profile): Draft[] {
  const out: Draft[] = [];
  const ctx: RuleContext<string> = {
    profile,
    view: run.view,
    report: (slot, messageId, params = {}, options = {}) =>
      out.push(draftFinding(rule, rule, run, slot, messageId, params, options)),
    notChecked: (slot, reason: NotCheckedReason, params = {}) =>
      out.push(draftFinding(notCheckedRule as Rule, rule, run, slot, reason, params, {})),
  };
  rule.check(run.table, ctx);
  return out;
}

function tableFailed(sheet: string, cell: string, err: unknown): Finding {
  const reason = err instanceof Error ? err.message : String(err);
  const template = notCheckedRule.meta.messages.failed;
  const fillIn = (t: string) => t.replace('{cell}', cell).replace('{reason}', reason);
  return {
    sheet,
    cell,
    rule: 'not-checked',
    severity: 'info',
    messageId: 'failed',
    message: { 'zh-CN': fillIn(template['zh-CN']), 'en-US': fillIn(template['en-US']) },
  };
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
