/**
 * The page's files as the reviewer's summary sees them, and the names the
 * marked copies get in the one zip. Pure: the hook keeps the state, these
 * say what it means.
 */
import type { Lang, LocalizedText, Workbook, WorkbookResult } from '../core';
import { markedCopyName } from '../file/marked-copy-name';
import type { FormFacts } from '../file/summary-facts';
import { fileTable, summaryStatus, type SummaryCell, type SummaryFile, type SummaryStatus } from '../file/summary-rows';
import type { CheckStage } from './worker-protocol';

export type FileState =
  | { status: 'queued' }
  | { status: 'checking'; stage?: CheckStage }
  | { status: 'checked'; workbook: Workbook; result: WorkbookResult; facts: FormFacts }
  | { status: 'unreadable'; reason: LocalizedText }
  /** Over its time budget, cancelled, or a fault inside ScoreCheck: not checked, and why. */
  | { status: 'stopped'; reason: LocalizedText };

export interface OpenFile {
  key: number;
  name: string;
  state: FileState;
}

export function isFinished(f: OpenFile): boolean {
  return f.state.status !== 'queued' && f.state.status !== 'checking';
}

/**
 * Marked-copy names for the files with findings, unique within the zip
 * (two 自评表.xlsx from two folders become 自评表.checked.xlsx and
 * 自评表.checked-1.xlsx), by key.
 */
export function markedCopyNames(files: readonly OpenFile[]): Map<number, string> {
  const taken = new Set<string>();
  const names = new Map<number, string>();
  for (const f of files) {
    if (f.state.status !== 'checked' || f.state.result.findings.length === 0) continue;
    let n = 0;
    while (taken.has(markedCopyName(f.name, n).toLowerCase())) n++;
    const name = markedCopyName(f.name, n);
    taken.add(name.toLowerCase());
    names.set(f.key, name);
  }
  return names;
}

/** The finished files as summary entries; links point at the marked copies beside the summary in the zip. */
export function summaryFiles(files: readonly OpenFile[]): SummaryFile[] {
  const copies = markedCopyNames(files);
  return files.filter(isFinished).map((f): SummaryFile => {
    const s = f.state;
    if (s.status === 'checked') return { file: f.name, result: s.result, facts: s.facts, markedCopy: copies.get(f.key) };
    return { file: f.name, reason: (s as { reason: LocalizedText }).reason };
  });
}

export interface DeskRow {
  key: number;
  /** 'pending' while queued or being checked. */
  status: SummaryStatus | 'pending';
  /** The summary workbook's cells for this file (the same writer's rows); undefined while pending. */
  cells?: SummaryCell[];
}

/** One row per file for the page's summary table, the same cells the exported summary holds. */
export function deskRows(files: readonly OpenFile[], lang: Lang): DeskRow[] {
  const finished = files.filter(isFinished);
  const table = fileTable(summaryFiles(files), lang);
  const cellsByKey = new Map(finished.map((f, i) => [f.key, table.rows[i]]));
  return files.map((f) => {
    if (!isFinished(f)) return { key: f.key, status: 'pending' };
    return {
      key: f.key,
      status: summaryStatus(f.state.status === 'checked' ? f.state.result : undefined),
      cells: cellsByKey.get(f.key),
    };
  });
}
