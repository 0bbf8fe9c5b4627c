/**
 * A finding as the engine holds it before it is final: stamped from its
 * rule's meta, its sentence filled in, with the cells it was worked out from
 * (echoes.ts judges root causes and echoes with them).
 */
import type { ReportOptions, Rule } from './checks/rule';
import type { Finding, Lang, LocalizedText } from './findings/finding';
import { formatFound, groupDigits } from './findings/format';
import type { SheetView } from './grid/sheet-view';
import type { Slot, Table } from './layout/tables';

/** One table with what its rules are run with. */
export interface TableRun {
  table: Table;
  index: number;
  view: SheetView;
  /** The row label of each cell, worked out the first time a finding asks (most tables have none). */
  labels: () => Map<Slot, string>;
}

export interface Draft {
  finding: Finding;
  slot: Slot;
  inputs: readonly Slot[];
  /** The input this finding's cell agrees with as printed (ReportOptions.followsFrom). */
  followsFrom?: Slot;
  /** Other cells whose correction would satisfy this finding as well (ReportOptions.alternatives). */
  alternatives: NonNullable<ReportOptions['alternatives']>;
  /** The rule that ran (a not-checked finding's is the rule that refused). */
  rule: Rule;
  run: TableRun;
}

/** A finding of `owner` (the rule whose sentence it says) on `slot`, reported while `rule` ran. */
export function draftFinding(
  owner: Rule,
  rule: Rule,
  run: TableRun,
  slot: Slot,
  messageId: string,
  params: Record<string, string>,
  options: ReportOptions,
): Draft {
  const found = options.found ?? formatFound(slot);
  const template = owner.meta.messages[messageId];
  // A rule reporting a sentence its meta lacks is a bug: the engine turns the throw into a not-checked table.
  if (!template) throw new Error(`${owner.meta.id} has no message ${messageId}`);
  const finding: Finding = {
    sheet: run.view.name,
    cell: slot.address,
    rule: owner.meta.id as Finding['rule'],
    severity: owner.meta.severity,
    found,
    message: fill(template, { ...params, found, expected: options.expected ?? '' }, slot, run.labels()),
    messageId,
    table: run.index,
  };
  if (options.expected !== undefined) finding.expected = options.expected;
  if (options.fix !== undefined) finding.fixValue = options.fix;
  const inputs = (options.inputs ?? []).filter((s): s is Slot => s !== undefined);
  return { finding, slot, inputs, followsFrom: options.followsFrom, alternatives: options.alternatives ?? [], rule, run };
}

const CELL_NAME: Record<Lang, (label: string, address: string) => string> = {
  'zh-CN': (label, address) => `${label}（${address}）`,
  'en-US': (label, address) => `${label} (${address})`,
};

/**
 * A template with its {placeholders} filled: {cell} names the cell by its row
 * label where it has one, amounts get thousands separators (33,339,674.47).
 */
function fill(template: LocalizedText, params: Record<string, string>, slot: Slot, labels: Map<Slot, string>): LocalizedText {
  const label = labels.get(slot);
  const one = (lang: Lang) => {
    const cell = label ? CELL_NAME[lang](label, slot.address) : slot.address;
    const text = template[lang].replace(/\{(\w+)\}/g, (_, k: string) => (k === 'cell' ? cell : groupDigits(params[k] ?? '')));
    // Chinese sets no space after a full-width bracket: “资金管理（D11）为 16”.
    return lang === 'zh-CN' ? text.replace(/） /g, '）') : text;
  };
  return { 'zh-CN': one('zh-CN'), 'en-US': one('en-US') };
}
