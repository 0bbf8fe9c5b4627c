/** What checking one file came to, and the exit status all files add up to. */
import type { LocalizedText, WorkbookResult } from '../core';

export interface CheckedFile {
  file: string;
  ok: true;
  result: WorkbookResult;
  /** Non-empty cells read per sheet, shown while a sheet has no table. */
  cellsRead: Record<string, number>;
  /** Where the marked copy went, with --annotate. */
  markedCopy?: string;
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

/** 2 if any input was unusable (it wins), else 1 if any finding is an error, else 0. */
export function exitCodeFor(outcomes: readonly FileOutcome[]): number {
  if (outcomes.some((o) => !o.ok)) return EXIT_UNUSABLE;
  const errors = outcomes.some((o) => o.ok && o.result.findings.some((f) => f.severity === 'error'));
  return errors ? EXIT_ERRORS : EXIT_CLEAN;
}
