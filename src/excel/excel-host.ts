/**
 * The Office.js adapter: the only code that calls Excel. It reads the active
 * sheet into the engine's grid, writes and clears marks, selects cells,
 * applies and undoes fixes, and relays edits for live checking. It knows no
 * rule of the checker.
 *
 * Round trips (`context.sync`) are the cost that matters in Excel on the web:
 * a validation reads in two at most and writes every mark in one, at any size.
 */
import type { Profile } from '../core';
import type { CellRange, Sheet } from '../core';
import { MAX_SHEET_CELLS, rangeToA1 } from '../core';
import { MARK_FILL, type Finding, type Lang, type WorkbookResult } from '../core';
import type { AppliedFix, SheetHost, Unsubscribe, Validation } from '../taskpane/sheet-host';
import { HostError } from '../taskpane/sheet-host';
import { Debouncer } from './debounce';
import { detectCapabilities, type ExcelCapabilities, type IsSetSupported } from './features';
import { isMarkFormula, isMarkNote, markFormula, planMarks } from './mark-plan';
import { gridFromUsedRange, mergesFromAddress, mergeTiles, topLeftOf, type UsedRangeData } from './range-to-grid';

/** `Excel.run`, injected so tests can hand in the double. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const SETTINGS_KEYS = {
  /** Which cells of which sheets carry ScoreCheck's marks. */
  marks: 'scorecheck.marks',
  /** Live checking on or off, per document. */
  live: 'scorecheck.live',
  /** The profile the user picked in the pane, as JSON. */
  profile: 'scorecheck.profile',
} as const;

export interface MarksRecord {
  version: 1;
  sheets: { id: string; name: string; cells: string[] }[];
}

const EMPTY_RECORD: MarksRecord = { version: 1, sheets: [] };

export interface OfficeExcelHostOptions {
  run: ExcelRun;
  isSetSupported: IsSetSupported;
  /** Language of the notes ScoreCheck writes. */
  lang: Lang;
  /** Quiet time after the last edit before a live re-check. */
  debounceMs?: number;
}

/** How long a cell we wrote stays "ours" for change events that lack triggerSource (before ExcelApi 1.14). */
const OWN_WRITE_WINDOW_MS = 5000;

/** ScoreCheck's own marks on one sheet, recognised by their formula or note prefix. */
interface OwnMarks {
  formats: Excel.ConditionalFormat[];
  notes: Excel.Note[];
  comments: Excel.Comment[];
}

function markCount(own: OwnMarks): number {
  return own.formats.length + own.notes.length + own.comments.length;
}

function queueDeleteMarks(own: OwnMarks): void {
  for (const cf of own.formats) cf.delete();
  for (const n of own.notes) n.delete();
  for (const c of own.comments) c.delete();
}

interface Snapshot {
  worksheet: Excel.Worksheet;
  sheetId: string;
  sheet: Sheet;
  isProtected: boolean;
  own: OwnMarks;
  /** Cells holding the user's own note or comment: ScoreCheck adds only a fill there. */
  annotatedCells: Set<string>;
  record: MarksRecord;
}

function parseRecord(value: unknown): MarksRecord {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    if (parsed && parsed.version === 1 && Array.isArray(parsed.sheets)) return parsed as MarksRecord;
  } catch {
    // A damaged record only loses the list; the marks themselves are still recognised by their formula.
  }
  return { ...EMPTY_RECORD, sheets: [] };
}

function sameStoredValue(now: unknown, written: string | number): boolean {
  if (now === written) return true;
  if (typeof now === 'number' && typeof written === 'number') {
    return Math.abs(now - written) <= 1e-9 * Math.max(1, Math.abs(written));
  }
  return String(now) === String(written);
}

function officeErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function asHostError(error: unknown, sheet?: string): HostError {
  if (error instanceof HostError) return error;
  const code = officeErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'AccessDenied') return new HostError('protected', detail, sheet);
  if (code === 'ItemNotFound' || code === 'InvalidArgument') return new HostError('not-found', detail, sheet);
  // Excel on the web sends at most ~5 MB per request or response.
  if (code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded') {
    return new HostError('too-large', detail, sheet);
  }
  return new HostError('failed', detail, sheet);
}

export class OfficeExcelHost implements SheetHost {
  readonly features: ExcelCapabilities;
  private readonly run: ExcelRun;
  private readonly lang: Lang;
  private readonly debounceMs: number;
  /** Sheets where adding a comment failed (an old-style note Excel < 1.18 cannot see): fill only there. */
  private readonly fillOnlySheets = new Set<string>();
  /** Cells this add-in just wrote, for change events that cannot say who wrote. */
  private readonly ownWrites = new Map<string, number>();

  constructor(options: OfficeExcelHostOptions) {
    this.run = options.run;
    this.lang = options.lang;
    this.debounceMs = options.debounceMs ?? 400;
    this.features = detectCapabilities(options.isSetSupported);
  }

  async readActiveSheet(): Promise<Sheet> {
    this.requireRead();
    try {
      return await this.run(async (context) => (await this.readSnapshot(context, false)).sheet);
    } catch (error) {
      throw asHostError(error);
    }
  }

  async validate(check: (sheet: Sheet) => WorkbookResult): Promise<Validation> {
    this.requireRead();
    /** Set once the marks are queued: only a failed write (not a failed read or check) is retried. */
    let failedWriteOn: string | undefined;
    const attempt = () =>
      this.run(async (context): Promise<Validation> => {
        const snap = await this.readSnapshot(context, this.features.marks !== 'none');
        const result = check(snap.sheet);
        const name = snap.sheet.name;
        const findings = result.findings.filter((f) => f.sheet === name);
        const hadMarks = markCount(snap.own) > 0;
        if (this.features.marks === 'none' || (findings.length === 0 && !hadMarks)) {
          return { sheet: name, result, marked: 0 };
        }
        if (snap.isProtected) {
          // Checked before anything is queued: a protected sheet gets no write at all.
          return { sheet: name, result, marked: 0, marksRefused: 'protected' };
        }
        const marked = this.queueMarks(context, snap, findings);
        failedWriteOn = snap.sheetId;
        await context.sync();
        failedWriteOn = undefined;
        return { sheet: name, result, marked };
      });
    try {
      return await attempt();
    } catch (error) {
      const sheetId = failedWriteOn;
      if (this.features.marks === 'fill+comment' && sheetId && !this.fillOnlySheets.has(sheetId)) {
        // Excel refuses a comment on a cell holding an old-style note, and
        // before ExcelApi 1.18 those notes cannot be seen: mark that sheet with
        // fills only. The retry removes whatever the failed write left.
        this.fillOnlySheets.add(sheetId);
        try {
          return await attempt();
        } catch (retryError) {
          throw asHostError(retryError);
        }
      }
      throw asHostError(error);
    }
  }

  async clearMarks(): Promise<void> {
    if (this.features.marks === 'none') return;
    try {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/id');
        await context.sync();
        const perSheet = sheets.items.map((ws) => ({ ws, ...this.queueOwnMarksLoad(ws) }));
        await context.sync();
        const toClear = perSheet.map((p) => ({
          ws: p.ws,
          isProtected: p.protection?.protected === true,
          ...this.ownMarksOf(p),
        }));
        const blocked = toClear.find((s) => s.isProtected && markCount(s) > 0);
        // All or nothing: one protected sheet with marks stops the whole Clear.
        if (blocked) throw new HostError('protected', 'marks on a protected sheet', blocked.ws.name);
        for (const s of toClear) queueDeleteMarks(s);
        if (this.features.settings) context.workbook.settings.add(SETTINGS_KEYS.marks, JSON.stringify(EMPTY_RECORD));
        await context.sync();
      });
    } catch (error) {
      throw asHostError(error);
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      throw asHostError(error, sheet);
    }
  }

  async applyFix(finding: Finding): Promise<AppliedFix> {
    const written = finding.fixValue;
    if (written === undefined) throw new HostError('failed', 'this finding has no value to write', finding.sheet);
    try {
      return await this.run(async (context) => {
        const range = await this.readCellBeforeWrite(context, finding.sheet, finding.cell, 'formulas');
        const previous = range.formulas[0][0] as string | number | boolean;
        this.rememberOwnWrite(finding.cell);
        range.values = [[written]];
        await context.sync();
        return { sheet: finding.sheet, cell: finding.cell, previous, written };
      });
    } catch (error) {
      throw asHostError(error, finding.sheet);
    }
  }

  async undoFix(fix: AppliedFix): Promise<void> {
    try {
      await this.run(async (context) => {
        const range = await this.readCellBeforeWrite(context, fix.sheet, fix.cell, 'values');
        // The user may have typed over the fix since: their value wins.
        if (!sameStoredValue(range.values[0][0], fix.written)) {
          throw new HostError('changed-since-fix', `${fix.cell} no longer holds ${fix.written}`, fix.sheet);
        }
        this.rememberOwnWrite(fix.cell);
        range.formulas = [[fix.previous]];
        await context.sync();
      });
    } catch (error) {
      throw asHostError(error, fix.sheet);
    }
  }

  async onSheetChanged(listener: () => void): Promise<Unsubscribe> {
    if (!this.features.live) throw new HostError('unsupported', 'change events need ExcelApi 1.7');
    const debouncer = new Debouncer(this.debounceMs, listener);
    const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (this.isOwnWrite(args)) return;
      debouncer.trigger();
    };
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    try {
      registration = await this.run(async (context) => {
        const source = this.features.workbookChangedEvent
          ? context.workbook.worksheets
          : context.workbook.worksheets.getActiveWorksheet();
        const result = source.onChanged.add(handler);
        await context.sync();
        return result;
      });
    } catch (error) {
      throw asHostError(error);
    }
    return async () => {
      debouncer.cancel();
      registration.remove();
      await registration.context.sync();
    };
  }

  async loadLiveMode(): Promise<boolean> {
    return (await this.loadSetting(SETTINGS_KEYS.live)) === true;
  }

  async saveLiveMode(on: boolean): Promise<void> {
    await this.saveSetting(SETTINGS_KEYS.live, on);
  }

  async loadProfile(): Promise<unknown> {
    const stored = await this.loadSetting(SETTINGS_KEYS.profile);
    if (typeof stored !== 'string') return undefined;
    try {
      return JSON.parse(stored) as unknown;
    } catch {
      return undefined;
    }
  }

  async saveProfile(profile: Profile): Promise<void> {
    await this.saveSetting(SETTINGS_KEYS.profile, JSON.stringify(profile));
  }

  /** One document setting read in one round trip; undefined where it or settings are missing. */
  private async loadSetting(key: string): Promise<unknown> {
    if (!this.features.settings) return undefined;
    return this.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load('value');
      await context.sync();
      return item.isNullObject ? undefined : (item.value as unknown);
    });
  }

  /** One document setting written in one round trip; nothing where settings are missing. */
  private async saveSetting(key: string, value: string | boolean): Promise<void> {
    if (!this.features.settings) return;
    await this.run(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  /**
   * One cell's current content, read in the round trip that also tells
   * whether its sheet is protected: refused before anything is written.
   */
  private async readCellBeforeWrite(
    context: Excel.RequestContext,
    sheet: string,
    cell: string,
    property: 'formulas' | 'values',
  ): Promise<Excel.Range> {
    const ws = context.workbook.worksheets.getItem(sheet);
    if (this.features.api12) ws.protection.load('protected');
    const range = ws.getRange(cell);
    range.load(property);
    await context.sync();
    if (this.features.api12 && ws.protection.protected) throw new HostError('protected', 'sheet is protected', sheet);
    return range;
  }

  private requireRead(): void {
    if (!this.features.read) throw new HostError('unsupported', 'ExcelApi 1.1 is missing');
  }

  /**
   * Everything a validation needs in two round trips at any size: first the
   * used range's size, the protection, our marks and the user's notes; then,
   * unless the range is too large to read, its cells, the merged areas
   * (tiled by the size, now known) and the cells of those notes.
   */
  private async readSnapshot(context: Excel.RequestContext, forMarks: boolean): Promise<Snapshot> {
    const f = this.features;
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load('name,id');
    if (f.api12) ws.protection.load('protected');
    // valuesOnly: a sheet formatted down to row 1,048,576 must not be read as data.
    const used = f.api12 ? ws.getUsedRange(true) : ws.getUsedRange();
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const marks = forMarks ? this.queueOwnMarksLoad(ws) : undefined;
    const record =
      forMarks && f.settings ? context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.marks) : undefined;
    record?.load('value');
    await context.sync();

    const cellCount = used.rowCount * used.columnCount;
    if (cellCount > MAX_SHEET_CELLS) {
      throw new HostError('too-large', `used range of ${cellCount} cells, over ${MAX_SHEET_CELLS}`, ws.name);
    }
    used.load('values,formulas,numberFormat,text,valueTypes');
    const rowCount = used.rowCount;
    const columnCount = used.columnCount;
    const mergedTiles = f.mergedAreas
      ? mergeTiles(used.rowIndex, used.columnIndex, rowCount, columnCount).map((tile) => {
          const areas = ws.getRange(tile).getMergedAreasOrNullObject();
          areas.load('address');
          return areas;
        })
      : [];
    const userItems: (Excel.Note | Excel.Comment)[] = marks
      ? [
          ...(marks.notes?.items.filter((n) => !isMarkNote(n.content)) ?? []),
          ...(marks.comments?.items.filter((c) => !isMarkNote(c.content)) ?? []),
        ]
      : [];
    const locations = userItems.map((item) => item.getLocation().load('address'));
    await context.sync();

    const data: UsedRangeData = {
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      values: used.values,
      formulas: used.formulas,
      numberFormat: used.numberFormat,
      text: used.text,
      valueTypes: used.valueTypes as string[][],
    };

    const merges = new Map<string, CellRange>();
    for (const areas of mergedTiles) {
      if (areas.isNullObject) continue;
      // A merge crossing tiles comes back from each of them.
      for (const m of mergesFromAddress(areas.address)) merges.set(rangeToA1(m), m);
    }
    const own = marks ? this.ownMarksOf(marks) : { formats: [], notes: [], comments: [] };
    return {
      worksheet: ws,
      sheetId: ws.id,
      sheet: gridFromUsedRange(ws.name, data, [...merges.values()]),
      isProtected: f.api12 && ws.protection.protected,
      own,
      annotatedCells: new Set(locations.map((l) => topLeftOf(l.address))),
      record: parseRecord(record && !record.isNullObject ? record.value : undefined),
    };
  }

  /** Queues loading what is needed to recognise ScoreCheck's marks on `ws`. */
  private queueOwnMarksLoad(ws: Excel.Worksheet) {
    const f = this.features;
    if (f.api12) ws.protection.load('protected');
    const formats = f.marks !== 'none' ? ws.getRange().conditionalFormats : undefined;
    formats?.load('items/type,items/customOrNullObject/rule/formula');
    const notes = f.notes ? ws.notes : undefined;
    notes?.load('items/content');
    const comments = f.comments ? ws.comments : undefined;
    comments?.load('items/content');
    return { protection: f.api12 ? ws.protection : undefined, formats, notes, comments };
  }

  private ownMarksOf(loaded: {
    formats?: Excel.ConditionalFormatCollection;
    notes?: Excel.NoteCollection;
    comments?: Excel.CommentCollection;
  }): OwnMarks {
    return {
      formats: (loaded.formats?.items ?? []).filter(
        (cf) => cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isMarkFormula(cf.customOrNullObject.rule.formula),
      ),
      notes: (loaded.notes?.items ?? []).filter((n) => isMarkNote(n.content)),
      comments: (loaded.comments?.items ?? []).filter((c) => isMarkNote(c.content)),
    };
  }

  /** Queues removing the sheet's old marks and adding the new ones; returns how many cells get a mark. */
  private queueMarks(context: Excel.RequestContext, snap: Snapshot, findings: readonly Finding[]): number {
    const ws = snap.worksheet;
    const style = this.fillOnlySheets.has(snap.sheetId) ? 'fill' : this.features.marks;
    const plan = planMarks(findings, snap.sheet.name, this.lang, snap.annotatedCells);

    // The record goes first: should a later command fail, Clear still knows every cell.
    if (this.features.settings) {
      const record: MarksRecord = {
        version: 1,
        sheets: snap.record.sheets.filter((s) => s.id !== snap.sheetId),
      };
      if (plan.length > 0) record.sheets.push({ id: snap.sheetId, name: snap.sheet.name, cells: plan.map((m) => m.cell) });
      context.workbook.settings.add(SETTINGS_KEYS.marks, JSON.stringify(record));
    }
    queueDeleteMarks(snap.own);

    for (const mark of plan) {
      const range = ws.getRange(mark.cell);
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = markFormula(mark.severity);
      cf.custom.format.fill.color = MARK_FILL[mark.severity];
    }
    // Notes last, so a refused note cannot leave a cell without its fill.
    for (const mark of plan) {
      if (mark.note === undefined) continue;
      if (style === 'fill+note') ws.notes.add(ws.getRange(mark.cell), mark.note);
      else if (style === 'fill+comment') ws.comments.add(ws.getRange(mark.cell), mark.note);
    }
    return plan.length;
  }

  private rememberOwnWrite(cell: string): void {
    // With triggerSource Excel says who wrote; a remembered cell would only hide the user's next edit.
    if (this.features.triggerSource) return;
    this.ownWrites.set(topLeftOf(cell), Date.now() + OWN_WRITE_WINDOW_MS);
  }

  private isOwnWrite(args: Excel.WorksheetChangedEventArgs): boolean {
    if (this.features.triggerSource && args.triggerSource === 'ThisLocalAddin') return true;
    const cell = topLeftOf(args.address ?? '');
    const until = this.ownWrites.get(cell);
    if (until === undefined) return false;
    this.ownWrites.delete(cell);
    return Date.now() <= until;
  }
}
