/**
 * The engine's one entry point: a grid in, tables and findings out. Every
 * front end (CLI, Excel, browser page) calls this and nothing deeper.
 *
 * Tables → rules → findings: each rule reports through a context, and the
 * engine stamps sheet, rule and severity from the rule's meta, names the
 * cell by its row label, and tells root causes from their echoes (echoes.ts).
 */
import { notCheckedRule, RULES } from './checks';
import type { NotCheckedReason, ReportOptions, Rule, RuleContext } from './checks/rule';
import type { Finding, Lang, LocalizedText, TableInfo, WorkbookResult } from './findings/finding';
import { rangeToA1, toA1, type Sheet, type Workbook } from './grid/grid';
import { SheetView } from './grid/sheet-view';
import { detectTables } from './layout/detect-tables';
import { slotLabels } from './layout/slot-labels';
import type { Slot, Table } from './layout/tables';
import { DEFAULT_PROFILE, type Profile } from './profile';
import { markEchoes, type Draft, type TableRun } from './echoes';
import { formatFound } from './findings/format';

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
  const ordered: Finding[] = [];
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
      const run: TableRun = { table, index: tables.length, view, labels: slotLabels(table) };
      tables.push({ sheet: sheet.name, range: rangeToA1(table), kind: table.kind });
      for (const rule of RULES) {
        try {
          const found = runRule(rule as Rule, run, profile);
          drafts.push(...found);
          ordered.push(...found.map((d) => d.finding));
        } catch (err) {
          // One broken table must not end the validation: say so at its first cell.
          ordered.push({ ...tableFailed(sheet.name, toA1(table.top, table.left), err), table: run.index });
        }
      }
    }
  }
  markEchoes(drafts, (rule, run) => runRule(rule, { ...run, table: { ...run.table } }, profile));
  return { tables, findings: dedupe(ordered), sheets };
}

/** The rule's findings on one table, stamped with its meta. */
function runRule(rule: Rule, run: TableRun, profile: Profile): Draft[] {
  const out: Draft[] = [];
  const sheet = run.view.name;
  const push = (owner: Rule, slot: Slot, messageId: string, params: Record<string, string>, options: ReportOptions) => {
    const found = options.found ?? formatFound(slot);
    const finding: Finding = {
      sheet,
      cell: slot.address,
      rule: owner.meta.id as Finding['rule'],
      severity: owner.meta.severity,
      found,
      message: fill(owner.meta.messages[messageId], { ...params, found, expected: options.expected ?? '' }, slot, run.labels),
      messageId,
      table: run.index,
    };
    if (options.expected !== undefined) finding.expected = options.expected;
    if (options.fix !== undefined) finding.fixValue = options.fix;
    const inputs = (options.inputs ?? []).filter((s): s is Slot => s !== undefined);
    out.push({ finding, slot, inputs, rule, run });
  };
  const ctx: RuleContext<string> = {
    profile,
    view: run.view,
    report: (slot, messageId, params = {}, options = {}) => push(rule, slot, messageId, params, options),
    notChecked: (slot, reason: NotCheckedReason, params = {}) => push(notCheckedRule as Rule, slot, reason, params, {}),
  };
  rule.check(run.table, ctx);
  return out;
}

const CELL_NAME: Record<Lang, (label: string, address: string) => string> = {
  'zh-CN': (label, address) => `${label}（${address}）`,
  'en-US': (label, address) => `${label} (${address})`,
};

/** A template with its {placeholders} filled; {cell} names the cell by its row label where it has one. */
function fill(template: LocalizedText, params: Record<string, string>, slot: Slot, labels: Map<Slot, string>): LocalizedText {
  const label = labels.get(slot);
  const one = (lang: Lang) => {
    const cell = label ? CELL_NAME[lang](label, slot.address) : slot.address;
    const text = template[lang].replace(/\{(\w+)\}/g, (_, k: string) => (k === 'cell' ? cell : (params[k] ?? '')));
    // Chinese sets no space after a full-width bracket: “资金管理（D11）为 16”.
    return lang === 'zh-CN' ? text.replace(/） /g, '）') : text;
  };
  return { 'zh-CN': one('zh-CN'), 'en-US': one('en-US') };
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
