/** What checking one file came to, and the exit status all files add up to. */
import type { LocalizedText, WorkbookResult } from '../core';
import type { FormFacts } from '../file/summary-facts';
import { summaryStatus, type SummaryFile, type SummaryStatus } from '../file/summary-rows';

export interface CheckedFile {
  file: string;
  ok: true;
  result: WorkbookResult;
  /** Non-empty cells read per sheet, shown when no table was recognised. */
  cellsRead: Record<string, number>;
  /** Name, scores and grade for the summary (--report). */
  facts?: FormFacts;
  /** Where the marked copy went, with --annotate. */
  markedCopy?: string;
  /** Why the marked copy could not be written; the findings still count. */
  copyProblem?: LocalizedText;
}

export interface UnusableFile {
  file: string;
  ok: false;
  /** One line naming the file. */
  reason: LocalizedText;
}

export type FileOutcome = CheckedFile | UnusableFile;

export const EXIT_CLEAN = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

export function statusOf(o: FileOutcome): SummaryStatus {
  return summaryStatus(o.ok ? o.result : undefined);
}

/**
 * 2 if any input was unusable, held no table or lost its marked copy (it wins:
 * something asked for was not done), else 1 if any finding is an error, else 0.
 */
export function exitCodeFor(outcomes: readonly FileOutcome[]): number {
  if (outcomes.some((o) => !o.ok || o.copyProblem || statusOf(o) === 'no-table')) return EXIT_UNUSABLE;
  return outcomes.some((o) => statusOf(o) === 'errors') ? EXIT_ERRORS : EXIT_CLEAN;
}

export function summaryFileOf(o: FileOutcome, markedCopy?: string): SummaryFile {
  return o.ok ? { file: o.file, result: o.result, facts: o.facts, markedCopy } : { file: o.file, reason: o.reason };
}
