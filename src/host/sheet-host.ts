/**
 * The port between the pane (or the ribbon command) and wherever the
 * workbook lives. Excel implements it with Office.js (src/excel); the pane's
 * components and validateActiveSheet never call Office themselves.
 */
import type { Finding, Profile, Sheet, WorkbookResult } from '../core';

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
  /** Fix: the cell holds a formula, and overwriting it was not confirmed. */
  | 'has-formula'
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

/** Why some marks were not written though there were findings; findings are still shown. */
export type MarksRefusal =
  | 'protected'
  /** Excel could not read the sheet's conditional formats (office-js #6827, #6835): old fills might double. */
  | 'formats-unreadable';

/** What a validation did. */
export interface Validation {
  sheet: string;
  /** The findings shown and marked: the engine's, less those the user ignored. */
  result: WorkbookResult;
  /** Findings the user chose to ignore (kept with the document): listed on request, never marked. */
  ignored?: Finding[];
  /** Cells marked (0 when the host cannot mark, or marks were refused). */
  marked: number;
  marksRefused?: MarksRefusal;
}

/** A cell's content exactly as it was, so that putting it back re-parses nothing. */
export type CellContent =
  | { kind: 'formula'; formula: string }
  | { kind: 'text'; text: string }
  | { kind: 'number'; number: number }
  | { kind: 'boolean'; boolean: boolean }
  /** An error typed as a constant (#N/A), not a formula's result. */
  | { kind: 'error'; text: string }
  | { kind: 'empty' };

/** Enough to put back what Fix replaced. */
export interface AppliedFix {
  sheet: string;
  cell: string;
  previous: CellContent;
  written: string | number;
}

/** A mark Clear left in place, and why: the user's words are never deleted. */
export interface KeptNote {
  sheet: string;
  cell: string;
  /** `edited`: a ScoreCheck note the user added to; `user-tag`: the user's own note that starts with the tag; `replies`: a comment with replies. */
  reason: 'edited' | 'user-tag' | 'replies';
}

export interface ClearReport {
  /** Cells whose marks were removed. */
  cleared: number;
  kept: KeptNote[];
  /** Sheets whose rules Excel could not read (office-js #6827, #6835): fills ScoreCheck added there may remain. */
  formatsUnreadable: string[];
}

/** Where the user edited: the change event's address, for a re-check that reads only what it must. */
export interface SheetChange {
  sheetId?: string;
  address: string;
}

export type Unsubscribe = () => Promise<void>;

export interface ValidateOptions {
  /** Edits since the last validation of this sheet; the host may read only these and what they affect. */
  changes?: readonly SheetChange[];
}

export interface SheetHost {
  readonly features: HostFeatures;
  /** Reads the active sheet as the engine's grid. */
  readActiveSheet(): Promise<Sheet>;
  /**
   * Reads the active sheet, runs `check` on it and replaces ScoreCheck's
   * marks on that sheet with marks for the findings `check` returns.
   */
  validate(check: (sheet: Sheet) => WorkbookResult, options?: ValidateOptions): Promise<Validation>;
  /** Removes every mark ScoreCheck added, on every sheet, and nothing of the user's. */
  clearMarks(): Promise<ClearReport>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes the finding's `fixValue` into its one cell; a formula there is overwritten only when `overwriteFormula`. */
  applyFix(finding: Finding, options?: { overwriteFormula?: boolean }): Promise<AppliedFix>;
  undoFix(fix: AppliedFix): Promise<void>;
  /** Calls `listener` once the user has stopped editing for a moment (debounced), with every edit since the last call. */
  onSheetChanged(listener: (changes: SheetChange[]) => void): Promise<Unsubscribe>;
  /** Live mode is remembered per document. */
  loadLiveMode(): Promise<boolean>;
  saveLiveMode(on: boolean): Promise<void>;
  /** The profile kept with the document (unchecked JSON), where the host can keep one. */
  loadProfile?(): Promise<unknown>;
  saveProfile?(profile: Profile): Promise<void>;
  /** Keys (findingKey) of the findings the user ignored, kept with the document. */
  loadIgnored?(): Promise<string[]>;
  saveIgnored?(keys: readonly string[]): Promise<void>;
}
