/**
 * The Office.js adapter: the only code that calls Excel. It reads the active
 * sheet into the engine's grid, writes and clears marks, selects cells,
 * applies and undoes fixes, and relays edits for live checking. It knows no
 * rule of the checker.
 *
 * Round trips (`context.sync`) are the cost that matters in Excel on the web:
 * a validation reads in two (plus one per further 40,000-cell slice of a
 * large sheet, each under the web's 5 MB response limit) and writes every
 * mark in one; a live re-check after an edit reads only the edited cells,
 * the tables' formula cells and the marks, in one, and writes in one.
 */
import type { CellRange, Finding, Lang, Profile, Sheet, WorkbookResult } from '../core';
import { MARK_BORDER, MARK_FILL, MAX_SHEET_CELLS, parseRangeA1, rangeToA1 } from '../core';
import type {
  AppliedFix,
  ClearReport,
  KeptNote,
  MarkStyle,
  SheetChange,
  SheetHost,
  Unsubscribe,
  ValidateOptions,
  Validation,
} from '../host';
import { HostError } from '../host';
import { cellContentOf, holdsWritten, queueWriteContent } from './cell-content';
import { Debouncer } from './debounce';
import { detectCapabilities, type ExcelCapabilities, type IsSetSupported } from './features';
import { contains, formulaRuns, patchSheet, type RangeRead } from './live-patch';
import { isMarkFormula, markFormula, planMarks, type PlannedMark } from './mark-plan';
import { noteAuthor, noteFingerprint, parseRecord, type MarksRecord } from './marks-record';
import { gridFromUsedRange, mergesFromAddress, mergeTiles, sliceRows, topLeftOf, type UsedRangeData } from './range-to-grid';

/** `Excel.run` with its options, injected so tests can hand in the double. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Every batch waits while the user is typing in a cell: without this a live
 * re-check that fires as the user starts typing in the next cell fails.
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export const SETTINGS_KEYS = {
  /** Which cells of which sheets carry ScoreCheck's marks, and what their notes said. */
  marks: 'scorecheck.marks',
  /** Live checking on or off, per document. */
  live: 'scorecheck.live',
  /** The profile the user picked in the pane, as JSON. */
  profile: 'scorecheck.profile',
  /** Findings the user chose to ignore, as a JSON list of keys. */
  ignored: 'scorecheck.ignored',
} as const;

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

/**
 * The error code with which Excel refuses a comment on a cell that holds an
 * old-style note, which it cannot see before ExcelApi 1.18
 * (docs/verify-in-excel.md checks it). Only this failure turns a sheet's
 * marks to fills only; any other failed write is reported as it is.
 */
const COMMENT_REFUSED = 'InvalidArgument';

const CF_PROPS = 'items/type,items/customOrNullObject/rule/formula';
const CELL_PROPS = 'values,formulas,numberFormat,text,valueTypes';

type Annotation = Excel.Note | Excel.Comment;

interface Snapshot {
  worksheet: Excel.Worksheet;
  sheetId: string;
  sheet: Sheet;
  bounds: CellRange;
  isProtected: boolean;
  /** ScoreCheck's own rules; undefined where Excel could not read the sheet's rules (office-js #6827, #6835). */
  ownFormats: Excel.ConditionalFormat[] | undefined;
  /** Notes and comments ScoreCheck wrote and the user left as they were. */
  ownNotes: Annotation[];
  /** Cells holding the user's own note or comment: ScoreCheck adds only a fill there. */
  annotatedCells: Set<string>;
  record: MarksRecord;
}

/** What the last validation of a sheet saw and wrote, so that a live re-check reads only what changed. */
interface LiveCache {
  sheetId: string;
  sheet: Sheet;
  bounds: CellRange;
  tables: CellRange[];
  annotatedCells: Set<string>;
  style: MarkStyle;
  marks: Map<string, PlannedMark>;
}

function officeErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function isPayloadError(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

function asHostError(error: unknown, sheet?: string): HostError {
  if (error instanceof HostError) return error;
  const code = officeErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'AccessDenied') return new HostError('protected', detail, sheet);
  if (code === 'ItemNotFound' || code === 'InvalidArgument') return new HostError('not-found', detail, sheet);
  // Excel on the web sends at most ~5 MB per request or response.
  if (isPayloadError(error)) return new HostError('too-large', detail, sheet);
  return new HostError('failed', detail, sheet);
}

function ownFormatsIn(collections: Excel.ConditionalFormatCollection[]): Excel.ConditionalFormat[] {
  return collections
    .flatMap((c) => c.items)
    .filter(
      (cf) => cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isMarkFormula(cf.customOrNullObject.rule.formula),
    );
}

function tablesOn(result: WorkbookResult, sheet: string): CellRange[] {
  return result.tables.filter((t) => t.sheet === sheet).flatMap((t) => parseRangeA1(t.range) ?? []);
}

function sameMark(a: PlannedMark | undefined, b: PlannedMark | undefined): boolean {
  return a !== undefined && b !== undefined && a.severity === b.severity && a.note === b.note;
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
  private cache: LiveCache | undefined;

  constructor(options: OfficeExcelHostOptions) {
    this.run = options.run;
    this.lang = options.lang;
    this.debounceMs = options.debounceMs ?? 400;
    this.features = detectCapabilities(options.isSetSupported);
  }

  /** Every batch of this adapter, with the same options. */
  private batch<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.run(RUN_OPTIONS, fn);
  }

  async readActiveSheet(): Promise<Sheet> {
    this.requireRead();
    try {
      return await this.batch(async (context) => (await this.readSnapshot(context, false)).sheet);
    } catch (error) {
      throw asHostError(error);
    }
  }

  async validate(check: (sheet: Sheet) => WorkbookResult, options: ValidateOptions = {}): Promise<Validation> {
    this.requireRead();
    if (options.changes && options.changes.length > 0 && this.cache) {
      let patched: Validation | undefined;
      try {
        patched = await this.batch((context) => this.validateChanges(context, check, options.changes!));
      } catch (error) {
        // A check that throws is the engine's failure, not a stale cache's: report it.
        if (!(error instanceof HostError) && officeErrorCode(error) === undefined) throw asHostError(error);
        // Anything Excel refused on the short path (a note the user added since, a sheet protected since…): read it all.
      }
      if (patched) return patched;
    }
    this.cache = undefined;
    /** Set once the marks are queued: only a failed write (not a failed read or check) is retried. */
    let failedWriteOn: string | undefined;
    const attempt = () =>
      this.batch(async (context): Promise<Validation> => {
        failedWriteOn = undefined;
        const snap = await this.readSnapshot(context, this.features.marks !== 'none');
        const result = check(snap.sheet);
        const name = snap.sheet.name;
        const findings = result.findings.filter((f) => f.sheet === name);
        const style = this.fillOnlySheets.has(snap.sheetId) ? 'fill' : this.features.marks;
        const cacheOf = (marks: PlannedMark[]): LiveCache => ({
          sheetId: snap.sheetId,
          sheet: snap.sheet,
          bounds: snap.bounds,
          tables: tablesOn(result, name),
          annotatedCells: snap.annotatedCells,
          style,
          marks: new Map(marks.map((m) => [m.cell, m])),
        });
        const hadMarks = (snap.ownFormats?.length ?? 0) + snap.ownNotes.length > 0;
        if (this.features.marks === 'none' || (findings.length === 0 && !hadMarks)) {
          this.cache = cacheOf([]);
          return { sheet: name, result, marked: 0 };
        }
        // Checked before anything is queued: a protected sheet gets no write at all.
        if (snap.isProtected) return { sheet: name, result, marked: 0, marksRefused: 'protected' };
        // Our old fills cannot be told from the user's rules: adding more would double them.
        if (!snap.ownFormats) return { sheet: name, result, marked: 0, marksRefused: 'formats-unreadable' };
        const plan = planMarks(findings, name, this.lang, snap.annotatedCells);
        this.queueRecord(context, snap.record, snap.sheetId, name, plan);
        for (const cf of snap.ownFormats) cf.delete();
        for (const n of snap.ownNotes) n.delete();
        this.queueAddMarks(snap.worksheet, plan, style);
        failedWriteOn = snap.sheetId;
        await context.sync();
        this.cache = cacheOf(plan);
        return { sheet: name, result, marked: plan.length };
      });
    try {
      return await attempt();
    } catch (error) {
      const sheetId = failedWriteOn;
      if (
        this.features.marks === 'fill+comment' &&
        sheetId &&
        !this.fillOnlySheets.has(sheetId) &&
        officeErrorCode(error) === COMMENT_REFUSED
      ) {
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

  /**
   * A re-check after edits, from the grid the last validation read: one
   * round trip reads the edited ranges, the formula cells of the sheet's
   * tables and ScoreCheck's rules on the marked cells; one writes the marks
   * that changed. Undefined where the cache cannot answer (another sheet, an
   * edit outside the range read): the caller reads the whole sheet.
   */
  private async validateChanges(
    context: Excel.RequestContext,
    check: (sheet: Sheet) => WorkbookResult,
    changes: readonly SheetChange[],
  ): Promise<Validation | undefined> {
    const cache = this.cache!;
    const ranges: CellRange[] = [];
    for (const change of changes) {
      const range = parseRangeA1(change.address.slice(change.address.lastIndexOf('!') + 1).replace(/\$/g, ''));
      if (!range || (change.sheetId !== undefined && change.sheetId !== cache.sheetId) || !contains(cache.bounds, range)) {
        return undefined;
      }
      ranges.push(range);
    }
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load('id,name');
    if (this.features.api12) ws.protection.load('protected');
    const edited = ranges.map((r) => ({ r, range: ws.getRange(rangeToA1(r)).load(CELL_PROPS) }));
    const runs = formulaRuns(cache.sheet, cache.tables)
      .filter((run) => !ranges.some((r) => contains(r, run)))
      .map((r) => ({ r, range: ws.getRange(rangeToA1(r)).load('values,text,valueTypes') }));
    const marking = this.features.marks !== 'none';
    const formatsByCell = marking
      ? [...cache.marks.keys()].map((cell) => ({ cell, formats: ws.getRange(cell).conditionalFormats.load(CF_PROPS) }))
      : [];
    const record = this.features.settings
      ? context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.marks).load('value')
      : undefined;
    await context.sync();
    if (ws.id !== cache.sheetId) return undefined;

    const reads: RangeRead[] = [
      ...runs.map(({ r, range }) => ({
        top: r.top,
        left: r.left,
        values: range.values,
        text: range.text,
        valueTypes: range.valueTypes as string[][],
      })),
      ...edited.map(({ r, range }) => ({
        top: r.top,
        left: r.left,
        values: range.values,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
        text: range.text,
        valueTypes: range.valueTypes as string[][],
      })),
    ];
    const sheet = patchSheet(cache.sheet, reads);
    const result = check(sheet);
    const name = ws.name;
    const findings = result.findings.filter((f) => f.sheet === name);
    const next = { ...cache, sheet, tables: tablesOn(result, name) };
    if (!marking) {
      this.cache = next;
      return { sheet: name, result, marked: 0 };
    }
    if (this.features.api12 && ws.protection.protected) {
      this.cache = undefined;
      return { sheet: name, result, marked: 0, marksRefused: 'protected' };
    }
    const plan = planMarks(findings, name, this.lang, cache.annotatedCells);
    const planned = new Map(plan.map((m) => [m.cell, m]));
    const gone = [...cache.marks.keys()].filter((cell) => !sameMark(cache.marks.get(cell), planned.get(cell)));
    const added = plan.filter((m) => !sameMark(cache.marks.get(m.cell), m));
    if (gone.length > 0 || added.length > 0) {
      this.queueRecord(
        context,
        parseRecord(record && !record.isNullObject ? record.value : undefined),
        cache.sheetId,
        name,
        plan,
      );
      const goneSet = new Set(gone);
      for (const { cell, formats } of formatsByCell) if (goneSet.has(cell)) for (const cf of ownFormatsIn([formats])) cf.delete();
      for (const cell of gone) {
        if (cache.marks.get(cell)?.note === undefined) continue;
        if (cache.style === 'fill+note') ws.notes.getItem(cell).delete();
        else if (cache.style === 'fill+comment') ws.comments.getItemByCell(cell).delete();
      }
      this.queueAddMarks(ws, added, cache.style);
      await context.sync();
    }
    this.cache = { ...next, marks: planned };
    return { sheet: name, result, marked: plan.length };
  }

  async clearMarks(): Promise<ClearReport> {
    if (this.features.marks === 'none') return { cleared: 0, kept: [], formatsUnreadable: [] };
    this.cache = undefined;
    try {
      return await this.batch(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/id');
        const recordItem = this.features.settings
          ? context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.marks).load('value')
          : undefined;
        await context.sync();
        const record = parseRecord(recordItem && !recordItem.isNullObject ? recordItem.value : undefined);
        const { formats, rest } = await this.loadOwnFormatsGuarded(
          context,
          sheets.items.map((ws) => ({ ws, recorded: record.sheets.find((s) => s.id === ws.id)?.cells ?? [] })),
          () => sheets.items.map((ws) => this.queueAnnotationsLoad(ws)),
        );
        const notes = await this.classifyAnnotations(
          context,
          sheets.items.map((ws, i) => ({ ws, loaded: rest[i] })),
          record,
        );
        const toClear = sheets.items.map((ws, i) => ({
          ws,
          isProtected: rest[i].protection?.protected === true,
          formats: formats[i] ?? [],
          notes: notes[i].own,
          kept: notes[i].kept,
        }));
        // All or nothing: one protected sheet with marks stops the whole Clear.
        const blocked = toClear.find((s) => s.isProtected && s.formats.length + s.notes.length > 0);
        if (blocked) throw new HostError('protected', 'marks on a protected sheet', blocked.ws.name);
        for (const s of toClear) {
          for (const cf of s.formats) cf.delete();
          for (const n of s.notes) n.delete();
        }
        // The document keeps nothing of ScoreCheck's marks afterwards.
        recordItem?.delete();
        await context.sync();
        return {
          // One rule per marked cell, and a note on most: the rules count the cells.
          cleared: toClear.reduce((n, s) => n + Math.max(s.formats.length, s.notes.length), 0),
          kept: toClear.flatMap((s) => s.kept),
          formatsUnreadable: toClear.filter((_, i) => formats[i] === undefined).map((s) => s.ws.name),
        };
      });
    } catch (error) {
      throw asHostError(error);
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    try {
      await this.batch(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      throw asHostError(error, sheet);
    }
  }

  async applyFix(finding: Finding, options: { overwriteFormula?: boolean } = {}): Promise<AppliedFix> {
    const written = finding.fixValue;
    if (written === undefined) throw new HostError('failed', 'this finding has no value to write', finding.sheet);
    try {
      return await this.batch(async (context) => {
        const range = await this.readCellBeforeWrite(context, finding.sheet, finding.cell);
        const previous = cellContentOf(range.formulas[0][0], range.values[0][0], String(range.valueTypes[0][0]));
        if (previous.kind === 'formula' && !options.overwriteFormula) {
          throw new HostError('has-formula', previous.formula, finding.sheet);
        }
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
      await this.batch(async (context) => {
        const range = await this.readCellBeforeWrite(context, fix.sheet, fix.cell);
        // The user may have typed over the fix since: their value wins.
        if (!holdsWritten(range.values[0][0], fix.written)) {
          throw new HostError('changed-since-fix', `${fix.cell} no longer holds ${fix.written}`, fix.sheet);
        }
        this.rememberOwnWrite(fix.cell);
        queueWriteContent(range, fix.previous);
        await context.sync();
      });
    } catch (error) {
      throw asHostError(error, fix.sheet);
    }
  }

  async onSheetChanged(listener: (changes: SheetChange[]) => void): Promise<Unsubscribe> {
    if (!this.features.live) throw new HostError('unsupported', 'change events need ExcelApi 1.7');
    let pending: SheetChange[] = [];
    const debouncer = new Debouncer(this.debounceMs, () => {
      const changes = pending;
      pending = [];
      listener(changes);
    });
    const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (this.isOwnWrite(args)) return;
      // Inserted or deleted rows and columns move every cell: only a full read is right then.
      if (args.changeType !== undefined && args.changeType !== 'RangeEdited') this.cache = undefined;
      pending.push({ sheetId: args.worksheetId, address: args.address ?? '' });
      debouncer.trigger();
    };
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    try {
      registration = await this.batch(async (context) => {
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
    return this.loadJsonSetting(SETTINGS_KEYS.profile);
  }

  async saveProfile(profile: Profile): Promise<void> {
    await this.saveSetting(SETTINGS_KEYS.profile, JSON.stringify(profile));
  }

  async loadIgnored(): Promise<string[]> {
    const stored = await this.loadJsonSetting(SETTINGS_KEYS.ignored);
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
  }

  async saveIgnored(keys: readonly string[]): Promise<void> {
    await this.saveSetting(SETTINGS_KEYS.ignored, JSON.stringify(keys));
  }

  private async loadJsonSetting(key: string): Promise<unknown> {
    const stored = await this.loadSetting(key);
    if (typeof stored !== 'string') return undefined;
    try {
      return JSON.parse(stored) as unknown;
    } catch {
      return undefined;
    }
  }

  /** One document setting read in one round trip; undefined where it or settings are missing. */
  private async loadSetting(key: string): Promise<unknown> {
    if (!this.features.settings) return undefined;
    return this.batch(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load('value');
      await context.sync();
      return item.isNullObject ? undefined : (item.value as unknown);
    });
  }

  /** One document setting written in one round trip; nothing where settings are missing. */
  private async saveSetting(key: string, value: string | boolean): Promise<void> {
    if (!this.features.settings) return;
    await this.batch(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  /**
   * One cell's content, read in the round trip that also tells whether its
   * sheet is protected: refused before anything is written.
   */
  private async readCellBeforeWrite(context: Excel.RequestContext, sheet: string, cell: string): Promise<Excel.Range> {
    const ws = context.workbook.worksheets.getItem(sheet);
    if (this.features.api12) ws.protection.load('protected');
    const range = ws.getRange(cell);
    range.load('formulas,values,valueTypes');
    await context.sync();
    if (this.features.api12 && ws.protection.protected) throw new HostError('protected', 'sheet is protected', sheet);
    return range;
  }

  private requireRead(): void {
    if (!this.features.read) throw new HostError('unsupported', 'ExcelApi 1.1 is missing');
  }

  /**
   * Everything a validation needs: first the used range's size, the
   * protection, the marks record and the sheet's rules, notes and comments;
   * then, unless the range is too large to read, its cells (in slices under
   * Excel on the web's response limit), the merged areas (tiled by the
   * size, now known), and where each note sits.
   */
  private async readSnapshot(context: Excel.RequestContext, forMarks: boolean): Promise<Snapshot> {
    const f = this.features;
    const ws = context.workbook.worksheets.getActiveWorksheet();
    const queueFirst = () => {
      ws.load('name,id');
      if (f.api12) ws.protection.load('protected');
      // valuesOnly: a sheet formatted down to row 1,048,576 must not be read as data.
      const used = f.api12 ? ws.getUsedRange(true) : ws.getUsedRange();
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const annotations = forMarks ? this.queueAnnotationsLoad(ws) : undefined;
      const record =
        forMarks && f.settings ? context.workbook.settings.getItemOrNullObject(SETTINGS_KEYS.marks).load('value') : undefined;
      return { used, annotations, record };
    };
    // The record's cells are known only after the first round trip; the fallback needs them only when the rules are unreadable.
    let recordedCells: string[] = [];
    const { formats, rest } = forMarks
      ? await this.loadOwnFormatsGuarded(context, [{ ws, recorded: () => recordedCells }], queueFirst, (first) => {
          const stored = parseRecord(first.record && !first.record.isNullObject ? first.record.value : undefined);
          recordedCells = stored.sheets.find((s) => s.id === ws.id)?.cells ?? [];
        })
      : { formats: [undefined], rest: await this.syncReturning(context, queueFirst) };
    const { used } = rest;
    const record = parseRecord(rest.record && !rest.record.isNullObject ? rest.record.value : undefined);

    const cellCount = used.rowCount * used.columnCount;
    if (cellCount > MAX_SHEET_CELLS) {
      throw new HostError('too-large', `used range of ${cellCount} cells, over ${MAX_SHEET_CELLS}`, ws.name);
    }
    const bounds: CellRange = {
      top: used.rowIndex,
      left: used.columnIndex,
      bottom: used.rowIndex + used.rowCount - 1,
      right: used.columnIndex + used.columnCount - 1,
    };
    const mergedTiles = () =>
      f.mergedAreas
        ? mergeTiles(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount).map((tile) =>
            ws.getRange(tile).getMergedAreasOrNullObject().load('address'),
          )
        : [];
    const loaded = await this.readCellsInSlices(context, ws, bounds, () => ({
      merges: mergedTiles(),
      notes: rest.annotations ? this.queueNoteCells(rest.annotations) : undefined,
    }));

    const merges = new Map<string, CellRange>();
    for (const areas of loaded.first.merges) {
      if (areas.isNullObject) continue;
      // Excel names each merge once, in the tile holding its top-left cell (office-js #3611).
      for (const m of mergesFromAddress(areas.address)) merges.set(rangeToA1(m), m);
    }
    const notes = loaded.first.notes
      ? loaded.first.notes(record, ws.id)
      : { own: [], kept: [], annotatedCells: new Set<string>() };
    return {
      worksheet: ws,
      sheetId: ws.id,
      sheet: gridFromUsedRange(ws.name, loaded.data, [...merges.values()]),
      bounds,
      isProtected: f.api12 && ws.protection.protected,
      ownFormats: formats[0],
      ownNotes: notes.own,
      annotatedCells: notes.annotatedCells,
      record,
    };
  }

  private async syncReturning<R>(context: Excel.RequestContext, queue: () => R): Promise<R> {
    const r = queue();
    await context.sync();
    return r;
  }

  /**
   * The cells of `bounds`, in slices of rows each under the response limit;
   * `withFirst` is queued with the first slice (what needs the size, not the
   * cells). A slice Excel still refuses as too large is read in halves.
   */
  private async readCellsInSlices<R>(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    bounds: CellRange,
    withFirst: () => R,
  ): Promise<{ data: UsedRangeData; first: R }> {
    const columns = bounds.right - bounds.left + 1;
    const data: UsedRangeData = {
      rowIndex: bounds.top,
      columnIndex: bounds.left,
      values: [],
      formulas: [],
      numberFormat: [],
      text: [],
      valueTypes: [],
    };
    let first: R | undefined;
    let rows = sliceRows(columns);
    for (let top = bounds.top; top <= bounds.bottom;) {
      const bottom = Math.min(bounds.bottom, top + rows - 1);
      const range = ws.getRange(rangeToA1({ top, left: bounds.left, bottom, right: bounds.right })).load(CELL_PROPS);
      const extra = first === undefined ? withFirst() : undefined;
      try {
        await context.sync();
      } catch (error) {
        if (isPayloadError(error) && rows > 1) {
          rows = Math.ceil(rows / 2);
          continue;
        }
        throw error;
      }
      if (first === undefined) first = extra;
      data.values.push(...range.values);
      data.formulas.push(...range.formulas);
      data.numberFormat.push(...range.numberFormat);
      data.text.push(...range.text);
      data.valueTypes.push(...(range.valueTypes as string[][]));
      top = bottom + 1;
    }
    return { data, first: first ?? withFirst() };
  }

  /**
   * ScoreCheck's own rules on each target, loaded in the round trip that
   * `queueRest` fills. Excel fails a whole request that reads some rules
   * users make (office-js #6827, #6835, #5222), so where that round trip
   * fails it is made again without them, and each target's rules are then
   * tried on their own: the whole sheet, else only the cells the marks
   * record names. Undefined for a target whose rules stay unreadable.
   */
  private async loadOwnFormatsGuarded<R>(
    context: Excel.RequestContext,
    targets: { ws: Excel.Worksheet; recorded: string[] | (() => string[]) }[],
    queueRest: () => R,
    afterRest?: (rest: R) => void,
  ): Promise<{ formats: (Excel.ConditionalFormat[] | undefined)[]; rest: R }> {
    const sheetWide = (ws: Excel.Worksheet) => [ws.getRange().conditionalFormats.load(CF_PROPS)];
    let collections = targets.map((t) => sheetWide(t.ws));
    let rest = queueRest();
    try {
      await context.sync();
      afterRest?.(rest);
      return { formats: collections.map(ownFormatsIn), rest };
    } catch {
      // Made again without the rules: should it fail now, the failure is not theirs and is reported.
      rest = queueRest();
      await context.sync();
      afterRest?.(rest);
    }
    const formats: (Excel.ConditionalFormat[] | undefined)[] = [];
    for (const t of targets) {
      const recorded = typeof t.recorded === 'function' ? t.recorded() : t.recorded;
      const cellWise = (ws: Excel.Worksheet) => recorded.map((cell) => ws.getRange(cell).conditionalFormats.load(CF_PROPS));
      let found: Excel.ConditionalFormat[] | undefined;
      for (const queue of [sheetWide, cellWise]) {
        collections = [queue(t.ws)];
        try {
          await context.sync();
          found = ownFormatsIn(collections[0]);
          break;
        } catch {
          // try the narrower read
        }
      }
      formats.push(found);
    }
    return { formats, rest };
  }

  /** Queues loading the sheet's notes and comments (with their replies) and its protection. */
  private queueAnnotationsLoad(ws: Excel.Worksheet) {
    const f = this.features;
    if (f.api12) ws.protection.load('protected');
    const notes = f.notes ? ws.notes.load('items/content') : undefined;
    const comments = f.comments ? ws.comments.load('items/content') : undefined;
    return { protection: f.api12 ? ws.protection : undefined, notes, comments };
  }

  /**
   * Queues where each note and comment sits (and how many replies each
   * comment has); the returned function then tells, once synced, which
   * ScoreCheck wrote and may delete, and which cells hold the user's words.
   */
  private queueNoteCells(loaded: ReturnType<OfficeExcelHost['queueAnnotationsLoad']>) {
    const items: { item: Annotation; location: Excel.Range; replies?: OfficeExtension.ClientResult<number> }[] = [
      ...(loaded.notes?.items ?? []).map((item) => ({ item, location: item.getLocation().load('address') })),
      ...(loaded.comments?.items ?? []).map((item) => ({
        item,
        location: item.getLocation().load('address'),
        replies: item.replies.getCount(),
      })),
    ];
    return (record: MarksRecord, sheetId: string) => {
      const recorded = record.sheets.find((s) => s.id === sheetId)?.notes ?? {};
      const own: Annotation[] = [];
      const kept: { cell: string; reason: KeptNote['reason'] }[] = [];
      const annotatedCells = new Set<string>();
      for (const { item, location, replies } of items) {
        const cell = topLeftOf(location.address);
        const author = noteAuthor(item.content, recorded[cell]);
        if (author === 'ours' && !(replies && replies.value > 0)) {
          own.push(item);
          continue;
        }
        annotatedCells.add(cell);
        if (author === 'ours') kept.push({ cell, reason: 'replies' });
        else if (author === 'edited' || author === 'user-tag') kept.push({ cell, reason: author });
      }
      return { own, kept, annotatedCells };
    };
  }

  /** For Clear: each sheet's own notes and the ScoreCheck-looking notes kept, in one round trip for all sheets. */
  private async classifyAnnotations(
    context: Excel.RequestContext,
    sheets: { ws: Excel.Worksheet; loaded: ReturnType<OfficeExcelHost['queueAnnotationsLoad']> }[],
    record: MarksRecord,
  ): Promise<{ own: Annotation[]; kept: KeptNote[] }[]> {
    const pending = sheets.map((s) => this.queueNoteCells(s.loaded));
    await context.sync();
    return sheets.map((s, i) => {
      const r = pending[i](record, s.ws.id);
      return { own: r.own, kept: r.kept.map((k) => ({ sheet: s.ws.name, ...k })) };
    });
  }

  /** The record goes first in the batch: should a later command fail, Clear still knows every cell. */
  private queueRecord(context: Excel.RequestContext, old: MarksRecord, sheetId: string, name: string, plan: PlannedMark[]): void {
    if (!this.features.settings) return;
    const record: MarksRecord = { version: 2, sheets: old.sheets.filter((s) => s.id !== sheetId) };
    if (plan.length > 0) {
      const notes: Record<string, string> = {};
      for (const m of plan) if (m.note !== undefined) notes[m.cell] = noteFingerprint(m.note);
      record.sheets.push({ id: sheetId, name, cells: plan.map((m) => m.cell), notes });
    }
    context.workbook.settings.add(SETTINGS_KEYS.marks, JSON.stringify(record));
  }

  /** Queues a rule (fill and border) per planned cell, then the notes, so a refused note cannot leave a cell without its fill. */
  private queueAddMarks(ws: Excel.Worksheet, plan: readonly PlannedMark[], style: MarkStyle): void {
    for (const mark of plan) {
      const cf = ws.getRange(mark.cell).conditionalFormats.add('Custom');
      cf.custom.rule.formula = markFormula(mark.severity);
      cf.custom.format.fill.color = MARK_FILL[mark.severity];
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
        const border = cf.custom.format.borders.getItem(edge);
        border.style = 'Continuous';
        border.color = MARK_BORDER[mark.severity];
      }
    }
    for (const mark of plan) {
      if (mark.note === undefined) continue;
      if (style === 'fill+note') ws.notes.add(ws.getRange(mark.cell), mark.note);
      else if (style === 'fill+comment') ws.comments.add(ws.getRange(mark.cell), mark.note);
    }
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
