/**
 * What the pane needs from wherever the workbook lives. Excel implements it
 * with Office.js (src/excel); the browser page implements it over a parsed
 * .xlsx file. The pane's components never call Office themselves.
 */
import type { Sheet } from '../core';
import type { Finding, WorkbookResult } from '../core';
import type { Profile } from '../core';

/** How wrong cells are marked in this host, from richest to none (pane only). */
export type MarkStyle = 'fill+note' | 'fill+comment' | 'fill' | 'none';

export interface HostFeatures {
  marks: MarkStyle;
  /** Re-check on edit is possible here. */
  live: boolean;
  /** The host keeps the user's undo history when the add-in writes (ExcelApi 1.20). */
  undoKeptOnWrite: boolean;
  /** Merged areas are read (ExcelApi 1.13); without them the detector relies on blank continuation. */
  mergedAreas: boolean;
}

export type HostErrorCode =
  /** The sheet is protected: nothing was written. */
  | 'protected'
  /** This Excel is too old for what was asked. */
  | 'unsupported'
  /** Undo fix: the cell no longer holds what Fix wrote, so it was left alone. */
  | 'changed-since-fix'
  /** The finding names a sheet or cell that is not there any more. */
  | 'not-found'
  /** The sheet's used range is more than ScoreCheck (or Excel on the web, in one request) can read. */
  | 'too-large'
  | 'failed';

/** An error the pane can explain; `detail` is for the log, not for people. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly detail: string = code,
    /** The sheet concerned, where there is one. */
    readonly sheet?: string,
  ) {
    super(detail);
    this.name = 'HostError';
  }
}

/** What a validation did. */
export interface Validation {
  sheet: string;
  result: WorkbookResult;
  /** Cells marked (0 when the host cannot mark, or marks were refused). */
  marked: number;
  /** Why marks were not written though there were findings; findings are still shown. */
  marksRefused?: HostErrorCode;
}

/** Enough to put back what Fix replaced. */
export interface AppliedFix {
  sheet: string;
  cell: string;
  /** The cell's formula or constant before the fix, as Excel's `formulas` gives it. */
  previous: string | number | boolean;
  written: string | number;
}

export type Unsubscribe = () => Promise<void>;

export interface SheetHost {
  readonly features: HostFeatures;
  /** Reads the active sheet as the engine's grid. */
  readActiveSheet(): Promise<Sheet>;
  /**
   * Reads the active sheet, runs `check` on it and replaces ScoreCheck's
   * marks on that sheet with marks for the findings.
   */
  validate(check: (sheet: Sheet) => WorkbookResult): Promise<Validation>;
  /** Removes every mark ScoreCheck added, on every sheet, and nothing else. */
  clearMarks(): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes the finding's `fixValue` into its one cell. */
  applyFix(finding: Finding): Promise<AppliedFix>;
  undoFix(fix: AppliedFix): Promise<void>;
  /** Calls `listener` once the user has stopped editing for a moment (debounced). */
  onSheetChanged(listener: () => void): Promise<Unsubscribe>;
  /** Live mode is remembered per document. */
  loadLiveMode(): Promise<boolean>;
  saveLiveMode(on: boolean): Promise<void>;
  /** The profile kept with the document (unchecked JSON), where the host can keep one. */
  loadProfile?(): Promise<unknown>;
  saveProfile?(profile: Profile): Promise<void>;
}
