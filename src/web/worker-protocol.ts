/**
 * Messages between the page and its checking worker. The worker does all the
 * heavy work (unzip, parse, check, write the marked copy) so a large workbook
 * never freezes the page; the page only draws.
 */
import type { Finding, Lang, LocalizedText, WorkbookResult } from '../core';
import type { Workbook } from '../core';
import type { Profile } from '../core';

export type ToWorker =
  | { type: 'check'; id: number; fileName: string; bytes: ArrayBuffer; profile: Profile }
  | { type: 'mark'; id: number; bytes: ArrayBuffer; findings: Finding[]; lang: Lang };

/** Where a check is: reading the package, then checking sheet `sheet` of `sheets`. */
export type CheckStage = { stage: 'reading' } | { stage: 'checking'; sheet: number; sheets: number; name: string };

export type FromWorker =
  | ({ type: 'progress'; id: number } & CheckStage)
  | { type: 'checked'; id: number; workbook: Workbook; result: WorkbookResult }
  | { type: 'marked'; id: number; bytes: ArrayBuffer }
  /** The adapter's own reason: the file is not a readable .xlsx. */
  | { type: 'unreadable'; id: number; reason: LocalizedText }
  /** Anything else that went wrong (a bug): `message` is for the console. */
  | { type: 'failed'; id: number; message: string };
