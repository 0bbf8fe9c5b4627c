/**
 * Which ExcelApi requirement sets this Excel has, asked at run time (the
 * manifest demands none, so Office 2019/2021 still load the add-in) and
 * turned into the few switches the adapter needs.
 * Office 2019 ≈ 1.7, 2021 LTSC ≈ 1.14, 2024 ≈ 1.17, Microsoft 365 ≥ 1.18.
 */
import type { HostFeatures, MarkStyle } from '../host';

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export interface ExcelCapabilities extends HostFeatures {
  /** Reading needs only ExcelApi 1.1; below that nothing works. */
  read: boolean;
  /** getUsedRange(valuesOnly) and worksheet protection state, 1.2. */
  api12: boolean;
  /** Workbook settings, 1.4: live mode and the record of marks. */
  settings: boolean;
  /** worksheets.onChanged for every sheet, 1.9 (below: the active sheet's, 1.7). */
  workbookChangedEvent: boolean;
  /** Event args say when a change came from this add-in, 1.14. */
  triggerSource: boolean;
  notes: boolean;
  comments: boolean;
}

export function detectCapabilities(isSetSupported: IsSetSupported): ExcelCapabilities {
  const has = (v: string) => {
    try {
      return isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  const notes = has('1.18');
  const comments = has('1.10');
  const conditionalFormats = has('1.6');
  let marks: MarkStyle = 'none';
  if (conditionalFormats) marks = notes ? 'fill+note' : comments ? 'fill+comment' : 'fill';
  const settings = has('1.4');
  return {
    read: has('1.1'),
    api12: has('1.2'),
    settings,
    marks,
    live: has('1.7') && settings,
    workbookChangedEvent: has('1.9'),
    triggerSource: has('1.14'),
    mergedAreas: has('1.13'),
    undoKeptOnWrite: has('1.20'),
    notes,
    comments,
  };
}

/** The real host's answer, when Office.js is loaded. */
export function officeIsSetSupported(name: string, minVersion: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name, minVersion) === true;
}
