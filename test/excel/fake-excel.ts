/**
 * A test double of the part of Excel's JavaScript API that ScoreCheck uses,
 * faithful where it matters for the adapter's promises:
 *
 * - commands are queued and run in order at `context.sync()`, which is
 *   counted (`fake.syncCount`); a loaded property read before its sync throws
 *   like Office.js's PropertyNotLoaded; a failing command stops the batch
 *   and leaves the earlier ones applied, as Excel does;
 * - requirement sets: an API above `excelApi` throws ApiNotFound when used,
 *   so a fallback that still calls it fails its test;
 * - a protected sheet refuses every write (AccessDenied); a note or comment
 *   on a cell that already has one is refused (InvalidArgument);
 * - `getMergedAreasOrNullObject` fails past 512 areas and names only merges
 *   whose top-left cell lies in the range (office-js #3611);
 * - Excel on the web's payload limit: one sync's response (the JSON of
 *   everything it loaded) over `responseByteLimit` fails with
 *   ResponsePayloadSizeLimitExceeded; `responseBytes` counts what was sent;
 * - cell-edit mode (`beginCellEdit`): a batch run without
 *   `delayForCellEdit` fails with InvalidOperationInCellEditMode, one with it
 *   waits until `endCellEdit`;
 * - the conditional-format bugs (office-js #6827, #6835): loading the rules
 *   of a range that meets an `unreadable` rule fails the whole sync;
 * - writes are parsed as typed: "16" becomes a number, "'16" the text 16,
 *   "=…" a formula, and a lone "-" is refused as a broken formula;
 * - change events: `userEdit` raises them; the add-in's own writes raise
 *   them too, with `triggerSource: 'ThisLocalAddin'` from ExcelApi 1.14.
 *
 * The benchmark reuses it: `new FakeExcel()`, add a sheet, build an
 * OfficeExcelHost with `fake.run` and `fake.isSetSupported`, read `syncCount`.
 */
import type { ExcelRun } from '../../src/excel/excel-host';
import type { CellRange, Sheet } from '../../src/core';
import type { WorkbookResult } from '../../src/core';
import { columnName, parseA1, parseRangeA1, toA1, rangeToA1 } from '../../src/core';

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeExtension.Error';
  }
}

export type FakeScalar = string | number | boolean | null;

export interface FakeCell {
  /** Stored value; an error is `{ error: '#DIV/0!' }`. */
  value: FakeScalar | { error: string };
  formula?: string;
  numberFormat?: string;
  /** The user's own formatting, opaque: the adapter must never change it. */
  format?: Record<string, unknown>;
}

export interface FakeConditionalFormat {
  uid: number;
  range: CellRange;
  type: string;
  formula?: string;
  fill?: string;
  /** Edge → colour, for rules that draw borders. */
  borders?: Record<string, string>;
  /** A rule of the kind Excel fails to read (two cellValue rules on one range, a duplicated rule: office-js #6827, #6835). */
  unreadable?: boolean;
}

export interface FakeSheetInit {
  /** Rows of cells from A1; a string starting with `=` is a formula (value unknown: null). */
  rows?: (FakeScalar | FakeCell | undefined)[][];
  merges?: string[];
  protected?: boolean;
  notes?: Record<string, string>;
  comments?: Record<string, string>;
  /** Replies under the comments above, by cell. */
  replies?: Record<string, string[]>;
  conditionalFormats?: { range: string; type: string; formula?: string; fill?: string; unreadable?: boolean }[];
}

const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: 1048575, right: 16383 };

function versionAtLeast(have: string, want: string): boolean {
  const [ha, hb] = have.split('.').map(Number);
  const [wa, wb] = want.split('.').map(Number);
  return ha > wa || (ha === wa && hb >= wb);
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** parseA1 remembered: the double re-reads the same 240,000 keys on every load of a 20,000-row sheet. */
const positions = new Map<string, { row: number; col: number }>();
function positionOf(a1: string): { row: number; col: number } {
  let p = positions.get(a1);
  if (!p) {
    p = parseA1(a1)!;
    positions.set(a1, p);
  }
  return p;
}

/**
 * Bytes of `text` in UTF-8, counted by hand: Buffer is Node's, TextEncoder is
 * missing from jest's jsdom, and the double runs in both and in Chromium
 * (test/browser/office-double.ts).
 */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

function isCellObject(v: unknown): v is FakeCell {
  return typeof v === 'object' && v !== null && 'value' in v;
}

function deepCopy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly notes = new Map<string, string>();
  readonly comments = new Map<string, { id: string; content: string; replies: string[] }>();
  merges: CellRange[] = [];
  protected = false;
  readonly handlers = new Set<(args: unknown) => unknown>();

  constructor(
    readonly fake: FakeExcel,
    public name: string,
    readonly id: string,
  ) {}

  cell(a1: string): FakeCell | undefined {
    return this.cells.get(a1.toUpperCase());
  }

  setCell(a1: string, cell: FakeCell | FakeScalar | undefined): void {
    const key = a1.toUpperCase();
    if (cell === undefined || cell === null || cell === '') {
      this.cells.delete(key);
      return;
    }
    if (isCellObject(cell)) this.cells.set(key, cell);
    else if (typeof cell === 'string' && cell.startsWith('=')) this.cells.set(key, { value: null, formula: cell.slice(1) });
    else this.cells.set(key, { value: cell });
  }

  /** Bounding box of cells holding a value or formula; A1 when there are none (as Excel answers). */
  usedRange(): CellRange {
    let box: CellRange | undefined;
    for (const key of this.cells.keys()) {
      const p = positionOf(key);
      if (!box) box = { top: p.row, left: p.col, bottom: p.row, right: p.col };
      else {
        box.top = Math.min(box.top, p.row);
        box.left = Math.min(box.left, p.col);
        box.bottom = Math.max(box.bottom, p.row);
        box.right = Math.max(box.right, p.col);
      }
    }
    return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }

  address(range: CellRange): string {
    return `${quoteSheet(this.name)}!${rangeToA1(range)}`;
  }

  requireWritable(): void {
    if (this.protected) throw new FakeOfficeError('AccessDenied', `sheet ${this.name} is protected`);
  }
}

/** Everything a user could see of a sheet, for before/after comparisons. */
export interface SheetPicture {
  cells: [string, FakeCell][];
  conditionalFormats: Omit<FakeConditionalFormat, 'uid'>[];
  notes: [string, string][];
  comments: [string, string][];
}

export class FakeExcel {
  /** `context.sync()` calls since creation (or the last `resetSyncCount`). */
  syncCount = 0;
  readonly sheets: FakeSheet[] = [];
  activeSheet = 0;
  readonly settings = new Map<string, unknown>();
  selection: { sheet: string; cell: string } | undefined;
  readonly workbookHandlers = new Set<(args: unknown) => unknown>();
  /**
   * Excel on the web refuses a response over ~5 MB; set this (EXCEL_WEB_RESPONSE_LIMIT)
   * to model it: a sync whose loads add up to more bytes of JSON fails with
   * ResponsePayloadSizeLimitExceeded.
   */
  responseByteLimit = Infinity;
  /** Bytes of JSON every sync since creation (or `resetSyncCount`) sent back. */
  responseBytes = 0;
  /** The largest response one sync sent back since creation: what must stay under Excel on the web's ~5 MB. */
  maxSyncResponseBytes = 0;
  /** Batches run, and how many of them asked to wait for cell edit. */
  readonly runs = { total: 0, delayForCellEdit: 0 };
  private cellEdit: { done: Promise<void>; end: () => void } | undefined;
  private nextUid = 1;

  constructor(readonly excelApi: string = '1.20') {}

  supports(version: string): boolean {
    return versionAtLeast(this.excelApi, version);
  }

  require(version: string, what: string): void {
    if (!this.supports(version)) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }

  readonly isSetSupported = (name: string, version: string): boolean => name === 'ExcelApi' && this.supports(version);

  readonly run: ExcelRun = async (options, batch) => {
    this.runs.total++;
    if (options.delayForCellEdit) this.runs.delayForCellEdit++;
    if (this.cellEdit) {
      if (!options.delayForCellEdit) {
        throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode');
      }
      await this.cellEdit.done;
    }
    return batch(new FakeContext(this) as unknown as Excel.RequestContext);
  };

  /** The user starts typing in a cell: batches wait (or fail) until `endCellEdit`. */
  beginCellEdit(): void {
    let end = () => undefined as void;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { done, end };
  }

  endCellEdit(): void {
    const edit = this.cellEdit;
    this.cellEdit = undefined;
    edit?.end();
  }

  resetSyncCount(): void {
    this.syncCount = 0;
    this.responseBytes = 0;
  }

  addSheet(name: string, init: FakeSheetInit = {}): FakeSheet {
    const sheet = new FakeSheet(this, name, `{sheet-${this.sheets.length + 1}}`);
    (init.rows ?? []).forEach((row, r) => row.forEach((v, c) => sheet.setCell(toA1(r, c), v)));
    sheet.merges = (init.merges ?? []).map((m) => parseRangeA1(m)!);
    sheet.protected = init.protected ?? false;
    for (const [cell, text] of Object.entries(init.notes ?? {})) sheet.notes.set(cell, text);
    for (const [cell, text] of Object.entries(init.comments ?? {})) {
      sheet.comments.set(cell, { id: `c${this.nextUid++}`, content: text, replies: [...(init.replies?.[cell] ?? [])] });
    }
    for (const cf of init.conditionalFormats ?? []) {
      sheet.conditionalFormats.push({
        uid: this.nextUid++,
        range: parseRangeA1(cf.range)!,
        type: cf.type,
        formula: cf.formula,
        fill: cf.fill,
        ...(cf.unreadable ? { unreadable: true } : {}),
      });
    }
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `no sheet ${name}`);
    return s;
  }

  newUid(): number {
    return this.nextUid++;
  }

  /** A sheet as the user sees it (formats, rules, notes, comments), to compare before and after. */
  picture(name: string): SheetPicture {
    const s = this.sheet(name);
    return deepCopy({
      cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
      conditionalFormats: s.conditionalFormats.map(({ uid: _uid, ...rest }) => rest),
      notes: [...s.notes.entries()].sort(([a], [b]) => a.localeCompare(b)),
      comments: [...s.comments.entries()]
        .map(([k, v]) => [k, v.replies.length > 0 ? `${v.content}\n${v.replies.join('\n')}` : v.content] as [string, string])
        .sort(([a], [b]) => a.localeCompare(b)),
    });
  }

  /** The user types into a cell: the value changes and change events fire. */
  async userEdit(sheetName: string, a1: string, value: FakeScalar): Promise<void> {
    const s = this.sheet(sheetName);
    s.setCell(a1, value);
    await this.raiseChanged(s, a1, 'Unknown');
  }

  /** Raises onChanged on the sheet's and the workbook's handlers. */
  async raiseChanged(sheet: FakeSheet, address: string, source: 'Unknown' | 'ThisLocalAddin'): Promise<void> {
    const args: Record<string, unknown> = {
      address,
      worksheetId: sheet.id,
      changeType: 'RangeEdited',
      source: 'Local',
      type: 'WorksheetChanged',
    };
    // triggerSource exists only from ExcelApi 1.14; before that the args cannot say who wrote.
    if (this.supports('1.14')) args.triggerSource = source;
    const handlers = [...sheet.handlers, ...(this.supports('1.9') ? this.workbookHandlers : [])];
    for (const h of handlers) await h(args);
  }
}

type Op = () => void;

class FakeContext {
  private queue: Op[] = [];
  private responseSoFar = 0;
  readonly workbook: WorkbookProxy;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** A load's answer joins this sync's response; past the limit the whole sync fails. */
  respond(value: unknown): void {
    const bytes = utf8Length(JSON.stringify(value ?? null));
    this.responseSoFar += bytes;
    this.fake.responseBytes += bytes;
    this.fake.maxSyncResponseBytes = Math.max(this.fake.maxSyncResponseBytes, this.responseSoFar);
    if (this.responseSoFar > this.fake.responseByteLimit) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `a response of more than ${this.fake.responseByteLimit} bytes`,
      );
    }
  }

  async sync(): Promise<void> {
    this.fake.syncCount++;
    const ops = this.queue;
    this.queue = [];
    this.responseSoFar = 0;
    // Let the caller's promise chain settle first, as a real round trip would.
    await Promise.resolve();
    for (const op of ops) op();
  }
}

/** Properties readable only after a load and a sync. */
class Loadable {
  protected readonly loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: FakeContext) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError('PropertyNotLoaded', `${this.constructor.name}.${name} was not loaded`);
    }
    return this.loaded.get(name) as T;
  }

  /** Names asked for, with `items/` stripped (collections pass it to their items). */
  protected static paths(spec: string | string[]): string[] {
    const list = Array.isArray(spec) ? spec : spec.split(',');
    return list.map((p) => p.trim()).filter(Boolean);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }

  get settings(): SettingCollectionProxy {
    this.ctx.fake.require('1.4', 'workbook.settings');
    return new SettingCollectionProxy(this.ctx);
  }
}

class SettingCollectionProxy {
  constructor(private readonly ctx: FakeContext) {}

  add(key: string, value: unknown): void {
    this.ctx.enqueue(() => this.ctx.fake.settings.set(key, deepCopy(value)));
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key);
  }
}

class SettingProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }

  load(_spec?: string): this {
    this.ctx.enqueue(() => {
      const settings = this.ctx.fake.settings;
      this.loaded.set('isNullObject', !settings.has(this.key));
      this.loaded.set('value', deepCopy(settings.get(this.key)));
      this.ctx.respond(settings.get(this.key));
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  get value(): unknown {
    return this.read('value');
  }

  delete(): void {
    this.ctx.enqueue(() => this.ctx.fake.settings.delete(this.key));
  }
}

class EventSource {
  constructor(
    private readonly ctx: FakeContext,
    private readonly handlers: () => Set<(args: unknown) => unknown>,
  ) {}

  add(handler: (args: unknown) => unknown) {
    const ctx = this.ctx;
    ctx.enqueue(() => this.handlers().add(handler));
    return {
      context: ctx,
      remove: () => ctx.enqueue(() => this.handlers().delete(handler)),
    };
  }
}

class WorksheetCollectionProxy extends Loadable {
  getActiveWorksheet(): WorksheetProxy {
    const fake = this.ctx.fake;
    return new WorksheetProxy(this.ctx, () => fake.sheets[fake.activeSheet]);
  }

  getItem(nameOrId: string): WorksheetProxy {
    const fake = this.ctx.fake;
    return new WorksheetProxy(this.ctx, () => {
      const s = fake.sheets.find((x) => x.name === nameOrId || x.id === nameOrId);
      if (!s) throw new FakeOfficeError('ItemNotFound', `no sheet ${nameOrId}`);
      return s;
    });
  }

  load(_spec: string): this {
    this.ctx.enqueue(() => {
      this.loaded.set(
        'items',
        this.ctx.fake.sheets.map((s) => {
          const ws = new WorksheetProxy(this.ctx, () => s);
          ws.markLoaded(s);
          return ws;
        }),
      );
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    return this.read('items');
  }

  get onChanged(): EventSource {
    this.ctx.fake.require('1.9', 'worksheets.onChanged');
    return new EventSource(this.ctx, () => this.ctx.fake.workbookHandlers);
  }
}

class WorksheetProxy extends Loadable {
  readonly protection: ProtectionProxy;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
    this.protection = new ProtectionProxy(ctx, resolve);
  }

  markLoaded(s: FakeSheet): void {
    this.loaded.set('name', s.name);
    this.loaded.set('id', s.id);
  }

  load(_spec: string): this {
    this.ctx.enqueue(() => this.markLoaded(this.resolve()));
    return this;
  }

  get name(): string {
    return this.read('name');
  }

  get id(): string {
    return this.read('id');
  }

  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.fake.activeSheet = this.ctx.fake.sheets.indexOf(this.resolve());
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.ctx.fake.require('1.2', 'getUsedRange(valuesOnly)');
    return new RangeProxy(this.ctx, this.resolve, () => this.resolve().usedRange());
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this.resolve, () => {
      if (address === undefined) return WHOLE_SHEET;
      const r = parseRangeA1(address.replace(/\$/g, ''));
      if (!r) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
      return r;
    });
  }

  get notes(): NoteCollectionProxy {
    this.ctx.fake.require('1.18', 'worksheet.notes');
    return new NoteCollectionProxy(this.ctx, this.resolve);
  }

  get comments(): CommentCollectionProxy {
    this.ctx.fake.require('1.10', 'worksheet.comments');
    return new CommentCollectionProxy(this.ctx, this.resolve);
  }

  get onChanged(): EventSource {
    this.ctx.fake.require('1.7', 'worksheet.onChanged');
    return new EventSource(this.ctx, () => this.resolve().handlers);
  }
}

class ProtectionProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
  }

  load(_spec: string): this {
    this.ctx.fake.require('1.2', 'worksheet.protection');
    this.ctx.enqueue(() => this.loaded.set('protected', this.resolve().protected));
    return this;
  }

  get protected(): boolean {
    return this.read('protected');
  }
}

function cellText(cell: FakeCell | undefined): string {
  if (!cell || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && cell.numberFormat?.endsWith('%')) {
    const decimals = (cell.numberFormat.split('.')[1] ?? '').replace('%', '').length;
    return `${(v * 100).toFixed(decimals)}%`;
  }
  return String(v);
}

function valueType(cell: FakeCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined || v === '') return 'Empty';
  if (typeof v === 'object') return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

const ERROR_CONSTANT = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!)$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/**
 * A string written into `values` or `formulas`, read as Excel reads what is
 * typed: a leading apostrophe keeps text (and is not stored), a Text-format
 * cell keeps text, "=" starts a formula, number-like text becomes a number,
 * and "+" or "-" not followed by a number starts a formula too, which a lone
 * sign is not: Excel refuses it.
 */
function parseAsTyped(x: string, numberFormat: string | undefined): { value: FakeCell['value']; formula?: string } {
  if (x.startsWith("'")) return { value: x.slice(1) };
  if (numberFormat === '@') return { value: x };
  if (x.startsWith('=')) return { value: null, formula: x.slice(1) };
  if (NUMBER.test(x.trim())) {
    const n = Number(x.trim().replace(/%$/, ''));
    return { value: x.trim().endsWith('%') ? n / 100 : n };
  }
  if (/^(TRUE|FALSE)$/i.test(x)) return { value: x.toUpperCase() === 'TRUE' };
  if (ERROR_CONSTANT.test(x)) return { value: { error: x } };
  if (x === '+' || x === '-') throw new FakeOfficeError('InvalidArgument', `"${x}": there's a problem with this formula`);
  if (x.startsWith('+') || x.startsWith('-')) return { value: null, formula: x };
  return { value: x };
}

class RangeProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetOf: () => FakeSheet,
    readonly bounds: () => CellRange,
  ) {
    super(ctx);
  }

  load(spec: string | string[]): this {
    const names = Loadable.paths(spec);
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      const b = this.bounds();
      // The cells of the range, looked up once for all the properties asked.
      const letters: string[] = [];
      const wantsCells = names.some((n) => !['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'].includes(n));
      for (let c = b.left; wantsCells && c <= b.right; c++) letters.push(columnName(c));
      let cells: (FakeCell | undefined)[][] | undefined;
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] => {
        if (!cells) {
          cells = [];
          for (let r = b.top; r <= b.bottom; r++) cells.push(letters.map((l) => sheet.cells.get(`${l}${r + 1}`)));
        }
        return cells.map((row) => row.map(f));
      };
      for (const name of names) {
        switch (name) {
          case 'address':
            this.loaded.set(name, sheet.address(b));
            break;
          case 'rowIndex':
            this.loaded.set(name, b.top);
            break;
          case 'columnIndex':
            this.loaded.set(name, b.left);
            break;
          case 'rowCount':
            this.loaded.set(name, b.bottom - b.top + 1);
            break;
          case 'columnCount':
            this.loaded.set(name, b.right - b.left + 1);
            break;
          case 'values':
            this.loaded.set(
              name,
              grid((c) => (c?.value && typeof c.value === 'object' ? c.value.error : (c?.value ?? ''))),
            );
            break;
          case 'formulas':
            this.loaded.set(
              name,
              grid((c) =>
                c?.formula !== undefined
                  ? `=${c.formula}`
                  : c?.value && typeof c.value === 'object'
                    ? c.value.error
                    : (c?.value ?? ''),
              ),
            );
            break;
          case 'numberFormat':
            this.loaded.set(
              name,
              grid((c) => c?.numberFormat ?? 'General'),
            );
            break;
          case 'text':
            this.loaded.set(name, grid(cellText));
            break;
          case 'valueTypes':
            this.loaded.set(name, grid(valueType));
            break;
          default:
            throw new FakeOfficeError('InvalidArgument', `the double does not model Range.${name}`);
        }
        this.ctx.respond(this.loaded.get(name));
      }
    });
    return this;
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): FakeScalar[][] {
    return this.read('values');
  }
  set values(v: FakeScalar[][]) {
    this.write(v, false);
  }
  get formulas(): FakeScalar[][] {
    return this.read('formulas');
  }
  set formulas(v: FakeScalar[][]) {
    this.write(v, true);
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  get text(): string[][] {
    return this.read('text');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }

  private write(v: FakeScalar[][], _asFormulas: boolean): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      sheet.requireWritable();
      const b = this.bounds();
      for (let r = 0; r < v.length; r++) {
        for (let c = 0; c < v[r].length; c++) {
          const a1 = toA1(b.top + r, b.left + c);
          const old = sheet.cell(a1);
          const x = v[r][c];
          const keep = { numberFormat: old?.numberFormat, format: old?.format };
          let next: FakeCell | undefined;
          const typed = typeof x === 'string' ? parseAsTyped(x, old?.numberFormat) : { value: x };
          if (typed.formula !== undefined) next = { value: null, formula: typed.formula, ...keep };
          else if (typed.value === null || typed.value === '')
            next = old?.format || old?.numberFormat ? { value: null, ...keep } : undefined;
          else next = { value: typed.value, ...keep };
          if (next) {
            for (const k of Object.keys(next) as (keyof FakeCell)[]) if (next[k] === undefined) delete next[k];
            sheet.cells.set(a1, next);
          } else sheet.cells.delete(a1);
        }
      }
      const address = rangeToA1(b);
      void Promise.resolve().then(() => this.ctx.fake.raiseChanged(sheet, address, 'ThisLocalAddin'));
    });
  }

  select(): void {
    this.ctx.enqueue(() => {
      this.ctx.fake.selection = { sheet: this.sheetOf().name, cell: rangeToA1(this.bounds()) };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.fake.require('1.13', 'getMergedAreasOrNullObject');
    return new RangeAreasProxy(this.ctx, this.sheetOf, this.bounds);
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.ctx.fake.require('1.6', 'range.conditionalFormats');
    return new ConditionalFormatCollectionProxy(this.ctx, this.sheetOf, this.bounds);
  }
}

class RangeAreasProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetOf: () => FakeSheet,
    private readonly bounds: () => CellRange,
  ) {
    super(ctx);
  }

  load(_spec: string): this {
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      const bounds = this.bounds();
      const areas = sheet.merges.filter((m) => intersects(m, bounds));
      if (areas.length > 512) throw new FakeOfficeError('GeneralException', 'more than 512 merged areas');
      // office-js #3611: a merge is named only by a range holding its top-left cell, whole even where it crosses the edge.
      const named = areas.filter(
        (m) => m.top >= bounds.top && m.top <= bounds.bottom && m.left >= bounds.left && m.left <= bounds.right,
      );
      this.loaded.set('isNullObject', named.length === 0);
      this.loaded.set('address', named.map((a) => sheet.address(a)).join(', '));
      this.ctx.respond(this.loaded.get('address'));
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get address(): string {
    return this.read('address');
  }
}

class ConditionalFormatCollectionProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetOf: () => FakeSheet,
    private readonly bounds: () => CellRange,
  ) {
    super(ctx);
  }

  add(type: string): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(this.ctx, this.sheetOf);
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      sheet.requireWritable();
      const cf: FakeConditionalFormat = { uid: this.ctx.fake.newUid(), range: this.bounds(), type };
      sheet.conditionalFormats.unshift(cf);
      proxy.target = cf;
    });
    return proxy;
  }

  load(spec: string): this {
    const wanted = Loadable.paths(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      const bounds = this.bounds();
      const meeting = sheet.conditionalFormats.filter((cf) => intersects(cf.range, bounds));
      if (meeting.some((cf) => cf.unreadable)) {
        throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
      }
      const items = meeting.map((cf) => {
        const p = new ConditionalFormatProxy(this.ctx, this.sheetOf);
        p.target = cf;
        p.snapshot(wanted);
        return p;
      });
      this.loaded.set('items', items);
      this.ctx.respond(meeting.map((cf) => ({ type: cf.type, formula: cf.formula })));
    });
    return this;
  }

  get items(): ConditionalFormatProxy[] {
    return this.read('items');
  }
}

class ConditionalFormatProxy extends Loadable {
  target: FakeConditionalFormat | undefined;

  constructor(
    ctx: FakeContext,
    private readonly sheetOf: () => FakeSheet,
  ) {
    super(ctx);
  }

  snapshot(wanted: string[]): void {
    const cf = this.target!;
    for (const w of wanted) {
      if (w === 'type') this.loaded.set('type', cf.type);
      else if (w === 'customOrNullObject/rule/formula') {
        this.loaded.set('custom', cf.type === 'Custom' ? { formula: cf.formula } : null);
      } else throw new FakeOfficeError('InvalidArgument', `the double does not model ConditionalFormat.${w}`);
    }
  }

  get type(): string {
    return this.read('type');
  }

  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    const c = this.read<{ formula: string } | null>('custom');
    return { isNullObject: c === null, rule: { formula: c?.formula ?? '' } };
  }

  /** Setters queue their change, like any Office.js property write. */
  get custom() {
    const set = (f: (cf: FakeConditionalFormat) => void) => this.ctx.enqueue(() => f(this.target!));
    return {
      rule: {
        set formula(v: string) {
          set((cf) => (cf.formula = v));
        },
      },
      format: {
        fill: {
          set color(v: string) {
            set((cf) => (cf.fill = v));
          },
        },
        borders: {
          getItem: (edge: string) => ({
            set style(v: string) {
              set((cf) => (cf.borders = { ...cf.borders, [edge]: cf.borders?.[edge] ?? v }));
            },
            set color(v: string) {
              set((cf) => (cf.borders = { ...cf.borders, [edge]: v }));
            },
          }),
        },
      },
    };
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      sheet.requireWritable();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf !== this.target);
    });
  }
}

/** add() takes an address or a Range; either way its top-left cell, resolved when the command runs. */
function cellOf(target: unknown): string {
  if (target instanceof RangeProxy) {
    const b = target.bounds();
    return toA1(b.top, b.left);
  }
  return String(target).replace(/\$/g, '').toUpperCase();
}

class AnnotationProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetOf: () => FakeSheet,
    readonly cell: string,
    content: string,
    private readonly remove: (sheet: FakeSheet, cell: string) => void,
  ) {
    super(ctx);
    this.loaded.set('content', content);
  }

  get content(): string {
    return this.read('content');
  }

  getLocation(): RangeProxy {
    const p = parseA1(this.cell)!;
    return new RangeProxy(this.ctx, this.sheetOf, () => ({ top: p.row, left: p.col, bottom: p.row, right: p.col }));
  }

  /** A comment's replies (comments only: notes have none). */
  get replies() {
    const ctx = this.ctx;
    return {
      getCount: () => {
        const result = { loaded: false, count: 0 };
        ctx.enqueue(() => {
          result.count = this.sheetOf().comments.get(this.cell)?.replies.length ?? 0;
          result.loaded = true;
        });
        return {
          get value(): number {
            if (!result.loaded) throw new FakeOfficeError('PropertyNotLoaded', 'replies.getCount() read before sync');
            return result.count;
          },
        };
      },
    };
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      sheet.requireWritable();
      this.remove(sheet, this.cell);
    });
  }
}

abstract class AnnotationCollectionProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    protected readonly sheetOf: () => FakeSheet,
  ) {
    super(ctx);
  }

  protected abstract entries(sheet: FakeSheet): [string, string][];
  protected abstract put(sheet: FakeSheet, cell: string, content: string): void;
  protected abstract removeFrom(sheet: FakeSheet, cell: string): void;

  add(target: unknown, content: string): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      sheet.requireWritable();
      const cell = cellOf(target);
      // Excel keeps one note or one threaded comment per cell, never both.
      if (sheet.notes.has(cell) || sheet.comments.has(cell)) {
        throw new FakeOfficeError('InvalidArgument', `${cell} already has a note or comment`);
      }
      this.put(sheet, cell, content);
    });
  }

  load(_spec: string): this {
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      const entries = this.entries(sheet);
      this.loaded.set(
        'items',
        entries.map(
          ([cell, content]) => new AnnotationProxy(this.ctx, this.sheetOf, cell, content, (s, c) => this.removeFrom(s, c)),
        ),
      );
      this.ctx.respond(entries);
    });
    return this;
  }

  /** The note or comment on one cell; ItemNotFound when the command runs and there is none. */
  protected itemOnCell(target: unknown): AnnotationProxy {
    const cell = cellOf(target);
    return new AnnotationProxy(this.ctx, this.sheetOf, cell, '', (s, c) => {
      if (!this.entries(s).some(([k]) => k === c)) throw new FakeOfficeError('ItemNotFound', `no note or comment on ${c}`);
      this.removeFrom(s, c);
    });
  }

  get items(): AnnotationProxy[] {
    return this.read('items');
  }
}

class NoteCollectionProxy extends AnnotationCollectionProxy {
  /** NoteCollection.getItem takes the cell's address (ExcelApi 1.18). */
  getItem(cell: string): AnnotationProxy {
    return this.itemOnCell(cell);
  }

  protected entries(sheet: FakeSheet): [string, string][] {
    return [...sheet.notes.entries()];
  }
  protected put(sheet: FakeSheet, cell: string, content: string): void {
    sheet.notes.set(cell, content);
  }
  protected removeFrom(sheet: FakeSheet, cell: string): void {
    sheet.notes.delete(cell);
  }
}

class CommentCollectionProxy extends AnnotationCollectionProxy {
  getItemByCell(cell: unknown): AnnotationProxy {
    return this.itemOnCell(cell);
  }

  protected entries(sheet: FakeSheet): [string, string][] {
    return [...sheet.comments.entries()].map(([cell, c]) => [cell, c.content]);
  }
  protected put(sheet: FakeSheet, cell: string, content: string): void {
    sheet.comments.set(cell, { id: `c${this.ctx.fake.newUid()}`, content, replies: [] });
  }
  protected removeFrom(sheet: FakeSheet, cell: string): void {
    sheet.comments.delete(cell);
  }
}

/**
 * Counts the round trips of one validation, split where the engine runs:
 * syncs before `check` are the read, the rest the write.
 */
export async function measureValidationSyncs(
  fake: FakeExcel,
  validate: (check: (sheet: Sheet) => WorkbookResult) => Promise<unknown>,
  check: (sheet: Sheet) => WorkbookResult,
): Promise<{ read: number; write: number }> {
  const start = fake.syncCount;
  let read = -1;
  await validate((sheet) => {
    read = fake.syncCount - start;
    return check(sheet);
  });
  return { read, write: fake.syncCount - start - read };
}
