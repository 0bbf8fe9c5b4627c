/**
 * The Excel adapter against the Office.js double: round trips, marks that
 * leave the user's sheet as it was, Fix/Undo, live checking, fallbacks for
 * older Excel, protected sheets.
 */
import { OfficeExcelHost, SETTINGS_KEYS } from '../../src/excel/excel-host';
import { UI_STRINGS } from '../../src/host/ui-strings';
import { HostError } from '../../src/host';
import { noteFingerprint } from '../../src/excel/marks-record';
import { sliceRows } from '../../src/excel/range-to-grid';
import { FakeExcel, measureValidationSyncs, type FakeScalar } from './fake-excel';
import { finding, finds, formRows } from './scenarios';

function hostFor(fake: FakeExcel, lang: 'zh-CN' | 'en-US' = 'zh-CN'): OfficeExcelHost {
  return new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang });
}

describe('reading the active sheet', () => {
  it('turns values, formulas, formats, text, errors and merged areas into the grid', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', {
      rows: [
        [null, null, null],
        [null, '三级指标', '完成率'],
        [null, '服务人次', { value: 0.8273, numberFormat: '0.00%' }],
        [null, '合计', { value: 17, formula: 'SUM(C3:C3)' }],
        [null, { value: { error: '#DIV/0!' } }, null],
      ],
      merges: ['B2:B3'],
    });
    const sheet = await hostFor(fake).readActiveSheet();
    expect(sheet.name).toBe('Sheet1');
    expect(sheet.rows[0]).toEqual([]); // above the used range
    expect(sheet.rows[1]).toEqual([undefined, { value: '三级指标', text: '三级指标' }, { value: '完成率', text: '完成率' }]);
    expect(sheet.rows[2][2]).toEqual({ value: 0.8273, numFmt: '0.00%', text: '82.73%' });
    expect(sheet.rows[3][2]).toEqual({ value: 17, formula: 'SUM(C3:C3)', text: '17' });
    expect(sheet.rows[4][1]).toEqual({ value: { error: '#DIV/0!' }, text: '#DIV/0!' });
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
    // Cells first, then the merged areas of a used range whose size is now known.
    expect(fake.syncCount).toBe(2);
  });

  it('reads without merged areas below ExcelApi 1.13, never calling the missing API', async () => {
    const fake = new FakeExcel('1.12');
    fake.addSheet('Sheet1', { rows: [['a', 'b']], merges: ['A1:B1'] });
    const sheet = await hostFor(fake).readActiveSheet();
    expect(sheet.merges).toEqual([]);
    expect(hostFor(fake).features.mergedAreas).toBe(false);
  });

  it('reads more than 512 merged areas (Excel refuses them in one request) tile by tile, in the same round trip', async () => {
    const fake = new FakeExcel('1.20');
    const rows: FakeScalar[][] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 1040; r += 2) {
      rows[r - 1] = ['x', null];
      rows[r] = [null, null];
      merges.push(`A${r}:A${r + 1}`);
    }
    fake.addSheet('Sheet1', { rows, merges });
    const sheet = await hostFor(fake).readActiveSheet();
    expect(merges.length).toBe(520);
    expect(sheet.merges).toHaveLength(520);
    expect(sheet.merges).toContainEqual({ top: 1038, left: 0, bottom: 1039, right: 0 });
    expect(sheet.rows[0][0]).toEqual({ value: 'x', text: 'x' });
    expect(fake.syncCount).toBe(2);
  });
});

describe('round trips per validation', () => {
  it.each([60, 20000])('reads a %i-row form in 1 sync plus 1 per 40,000-cell slice and writes every mark in 1', async (n) => {
    const fake = new FakeExcel('1.20');
    const { rows, merges } = formRows(n);
    // A user's note forces the second read (its cell must be looked up).
    fake.addSheet('Sheet1', { rows, merges, notes: { L3: '请核对' } });
    const host = hostFor(fake);
    const check = finds(finding('B2'), finding('J3', 'warning'), finding(`J${n}`, 'info'));
    const syncs = await measureValidationSyncs(fake, (c) => host.validate(c), check);
    // 12 columns: 3,333 rows a slice, so the 60-row form is read in one and the 20,001 rows in 7.
    const read = 1 + Math.ceil((n + 1) / sliceRows(12));
    expect(read).toBe(n === 60 ? 2 : 8);
    expect(syncs).toEqual({ read, write: 1 });
    // Validating again replaces the marks: still one write.
    const again = await measureValidationSyncs(fake, (c) => host.validate(c), check);
    expect(again).toEqual({ read, write: 1 });
  });

  it('keeps the merged areas the form has, 4,000 of them at 20,000 rows', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', formRows(20000));
    const v = await hostFor(fake).validate(finds());
    expect(v.result.sheets).toEqual([{ name: 'Sheet1', tables: 0 }]);
    const sheet = await hostFor(fake).readActiveSheet();
    expect(sheet.merges).toHaveLength(4000);
    expect(sheet.merges[0]).toEqual({ top: 1, left: 0, bottom: 10, right: 0 });
  });

  it('reads in 2 syncs without merged areas (before ExcelApi 1.13) or notes of the user, and writes nothing when nothing is wrong', async () => {
    const fake = new FakeExcel('1.12');
    fake.addSheet('Sheet1', formRows(60));
    const host = hostFor(fake);
    // The used range's size is read before its cells, so that a huge one is never read.
    expect(await measureValidationSyncs(fake, (c) => host.validate(c), finds())).toEqual({ read: 2, write: 0 });
  });
});

describe('a sheet too large to read', () => {
  it('is refused from its size alone: a used range of 1,000,000 cells (a stray value at ALL1000) is never read', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [['分值', 5]], notes: { A1: '请核对' } });
    fake.sheets[0].setCell('ALL1000', 'x');
    // Reading the cells would fail the test: the double refuses any range load of more cells than this.
    fake.responseByteLimit = 200_000;
    const before = fake.picture('Sheet1');
    let checked = 0;
    const error = await hostFor(fake)
      .validate((sheet) => {
        checked++;
        return finds()(sheet);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'too-large', sheet: 'Sheet1' });
    expect(checked).toBe(0);
    expect(fake.syncCount).toBe(1);
    expect(fake.picture('Sheet1')).toEqual(before); // nothing written, the user's note kept
  });

  it('is refused when Excel on the web cannot send even one row of it in one response', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', formRows(60));
    fake.responseByteLimit = 300;
    const error = await hostFor(fake)
      .validate(finds())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too-large' });
  });

  it('tells the user what to do, in both languages', () => {
    expect(UI_STRINGS['zh-CN'].errors['too-large']).toContain('复制到一张新工作表');
    expect(UI_STRINGS['en-US'].errors['too-large']).toContain('Copy the self-evaluation table to a new sheet');
  });
});

describe('marks', () => {
  function markedSheet(api = '1.20') {
    const fake = new FakeExcel(api);
    fake.addSheet('Sheet1', {
      rows: [
        ['二级指标', '分值'],
        ['产出', { value: 17, format: { fill: '#00FF00', bold: true } }],
        ['效益', { value: 30, numberFormat: '0.00' }],
        ['合计', { value: 47, formula: 'SUM(B2:B3)', format: { border: 'thin' } }],
      ],
      notes: { B3: '用户自己的批注' },
      conditionalFormats: [{ range: 'B2:B4', type: 'CellValue', formula: '>100', fill: '#FF0000' }],
    });
    return fake;
  }

  it('adds a custom conditional format and a note per wrong cell, and keeps the user note where there is one', async () => {
    const fake = markedSheet();
    const v = await hostFor(fake).validate(
      finds(finding('B2'), finding('B3', 'warning'), finding('B2', 'info', { rule: 'text-number' })),
    );
    expect(v.marked).toBe(2);
    const s = fake.sheet('Sheet1');
    const ours = s.conditionalFormats.filter((cf) => cf.formula?.includes('ScoreCheck'));
    expect(ours.map((cf) => [cf.range, cf.type, cf.formula, cf.fill])).toEqual([
      [{ top: 2, left: 1, bottom: 2, right: 1 }, 'Custom', '=ISTEXT("ScoreCheck:warning")', '#FFEB9C'],
      [{ top: 1, left: 1, bottom: 1, right: 1 }, 'Custom', '=ISTEXT("ScoreCheck:error")', '#FFC7CE'],
    ]);
    // Not by colour alone: each mark also draws a border all round, darker than its fill.
    const edges = (color: string) => ({ EdgeTop: color, EdgeBottom: color, EdgeLeft: color, EdgeRight: color });
    expect(ours.map((cf) => cf.borders)).toEqual([edges('#9C5700'), edges('#9C0006')]);
    // Both findings on B2 share one note, worst first; B3 keeps the user's note alone.
    expect(s.notes.get('B2')).toBe('[ScoreCheck]\n[错误] B2 应为 16\n[提示] B2 应为 16');
    expect(s.notes.get('B3')).toBe('用户自己的批注');
    // B3 got a fill only: no note of ScoreCheck's to recognise there.
    expect(JSON.parse(fake.settings.get(SETTINGS_KEYS.marks) as string)).toEqual({
      version: 2,
      sheets: [{ id: '{sheet-1}', name: 'Sheet1', cells: ['B2', 'B3'], notes: { B2: noteFingerprint(s.notes.get('B2')!) } }],
    });
  });

  it('writes the note in the pane language', async () => {
    const fake = markedSheet();
    await hostFor(fake, 'en-US').validate(finds(finding('B4')));
    expect(fake.sheet('Sheet1').notes.get('B4')).toBe('[ScoreCheck]\n[error] B4 should be 16');
  });

  it('mark then Clear leaves values, formats, rules and the user note exactly as before', async () => {
    const fake = markedSheet();
    const before = fake.picture('Sheet1');
    const host = hostFor(fake);
    await host.validate(finds(finding('B2'), finding('B3'), finding('B4')));
    expect(fake.picture('Sheet1')).not.toEqual(before);
    await host.clearMarks();
    expect(fake.picture('Sheet1')).toEqual(before);
    // The document keeps no trace of the marks either.
    expect(fake.settings.has(SETTINGS_KEYS.marks)).toBe(false);
  });

  it('Clear also finds marks on other sheets, even after the record was lost', async () => {
    const fake = markedSheet();
    fake.addSheet('Sheet2', { rows: [['x']] });
    const before = [fake.picture('Sheet1'), fake.picture('Sheet2')];
    const host = hostFor(fake);
    await host.validate(finds(finding('B2')));
    fake.activeSheet = 1;
    await host.validate(finds(finding('A1', 'error', { sheet: 'Sheet2' })));
    fake.settings.clear();
    await host.clearMarks();
    expect([fake.picture('Sheet1'), fake.picture('Sheet2')]).toEqual(before);
  });

  it('re-validating replaces old marks: a fixed cell loses its mark, no mark is doubled', async () => {
    const fake = markedSheet();
    const host = hostFor(fake);
    await host.validate(finds(finding('B2'), finding('B4')));
    await host.validate(finds(finding('B4')));
    const s = fake.sheet('Sheet1');
    expect(s.conditionalFormats.filter((cf) => cf.formula?.includes('ScoreCheck')).map((cf) => cf.range.top)).toEqual([3]);
    expect([...s.notes.keys()].sort()).toEqual(['B3', 'B4']);
  });

  it('uses comments below ExcelApi 1.18 and fills alone below 1.10', async () => {
    const withComments = markedSheet('1.17');
    const h1 = hostFor(withComments);
    expect(h1.features.marks).toBe('fill+comment');
    await h1.validate(finds(finding('B2')));
    expect([...withComments.sheet('Sheet1').comments.values()].map((c) => c.content)).toEqual([
      '[ScoreCheck]\n[错误] B2 应为 16',
    ]);
    await h1.validate(finds());
    expect(withComments.sheet('Sheet1').comments.size).toBe(0);

    const fillOnly = markedSheet('1.9');
    const h2 = hostFor(fillOnly);
    expect(h2.features.marks).toBe('fill');
    await h2.validate(finds(finding('B2')));
    expect(fillOnly.sheet('Sheet1').conditionalFormats.filter((cf) => cf.formula?.includes('ScoreCheck'))).toHaveLength(1);
    expect(fillOnly.sheet('Sheet1').comments.size).toBe(0);
  });

  it('keeps an old-style note Excel 2021 cannot see: the comment is refused, the sheet is marked with fills only', async () => {
    const fake = markedSheet('1.14'); // B3 holds a note, invisible below 1.18
    const before = fake.picture('Sheet1');
    const host = hostFor(fake);
    const v = await host.validate(finds(finding('B2'), finding('B3')));
    expect(v.marked).toBe(2);
    const s = fake.sheet('Sheet1');
    expect(s.notes.get('B3')).toBe('用户自己的批注');
    expect(s.comments.size).toBe(0);
    expect(s.conditionalFormats.filter((cf) => cf.formula?.includes('ScoreCheck'))).toHaveLength(2);
    await host.clearMarks();
    expect(fake.picture('Sheet1')).toEqual(before);
  });

  it('shows findings but marks nothing below ExcelApi 1.6', async () => {
    const fake = markedSheet('1.5');
    const before = fake.picture('Sheet1');
    const host = hostFor(fake);
    expect(host.features.marks).toBe('none');
    const v = await host.validate(finds(finding('B2')));
    expect(v.result.findings).toHaveLength(1);
    expect(v.marked).toBe(0);
    expect(fake.picture('Sheet1')).toEqual(before);
  });
});

describe('protected sheet', () => {
  function protectedSheet() {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [['分值'], [17]], protected: true, notes: { A1: 'mine' } });
    return fake;
  }

  it('lists the findings, refuses the marks and writes nothing', async () => {
    const fake = protectedSheet();
    const before = fake.picture('Sheet1');
    const v = await hostFor(fake).validate(finds(finding('A2')));
    expect(v.marksRefused).toBe('protected');
    expect(v.marked).toBe(0);
    expect(v.result.findings).toHaveLength(1);
    expect(fake.picture('Sheet1')).toEqual(before);
    expect(fake.settings.has(SETTINGS_KEYS.marks)).toBe(false);
  });

  it('refuses Fix with a protected error, the cell untouched', async () => {
    const fake = protectedSheet();
    await expect(hostFor(fake).applyFix(finding('A2'))).rejects.toMatchObject({ code: 'protected', sheet: 'Sheet1' });
    expect(fake.sheet('Sheet1').cell('A2')).toEqual({ value: 17 });
  });

  it('refuses Clear as a whole when marks sit on a sheet protected since', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[17]] });
    fake.addSheet('Sheet2', { rows: [[17]] });
    const host = hostFor(fake);
    await host.validate(finds(finding('A1')));
    fake.activeSheet = 1;
    await host.validate(finds(finding('A1', 'error', { sheet: 'Sheet2' })));
    fake.sheet('Sheet2').protected = true;
    const marked = [fake.picture('Sheet1'), fake.picture('Sheet2')];
    const error = await host.clearMarks().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'protected', sheet: 'Sheet2' });
    expect([fake.picture('Sheet1'), fake.picture('Sheet2')]).toEqual(marked);
  });
});

describe('Fix and Undo fix', () => {
  it('writes fixValue into the one cell and puts the old constant back', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[{ value: 0.8, numberFormat: '0.00%' }, 5]] });
    const host = hostFor(fake);
    const fix = await host.applyFix(finding('A1', 'error', { fixValue: 0.8273 }));
    expect(fix).toEqual({ sheet: 'Sheet1', cell: 'A1', previous: { kind: 'number', number: 0.8 }, written: 0.8273 });
    expect(fake.sheet('Sheet1').cell('A1')).toEqual({ value: 0.8273, numberFormat: '0.00%' });
    expect(fake.sheet('Sheet1').cell('B1')).toEqual({ value: 5 });
    await host.undoFix(fix);
    expect(fake.sheet('Sheet1').cell('A1')).toEqual({ value: 0.8, numberFormat: '0.00%' });
  });

  it('overwrites a formula only when confirmed, and puts it back as a formula', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[1], [2], [{ value: 4, formula: 'SUM(A1:A2)+1' }]] });
    const host = hostFor(fake);
    await expect(host.applyFix(finding('A3', 'error', { fixValue: 3 }))).rejects.toMatchObject({
      code: 'has-formula',
      detail: '=SUM(A1:A2)+1',
    });
    expect(fake.sheet('Sheet1').cell('A3')?.formula).toBe('SUM(A1:A2)+1');
    const fix = await host.applyFix(finding('A3', 'error', { fixValue: 3 }), { overwriteFormula: true });
    expect(fix.previous).toEqual({ kind: 'formula', formula: '=SUM(A1:A2)+1' });
    expect(fake.sheet('Sheet1').cell('A3')).toEqual({ value: 3 });
    await host.undoFix(fix);
    expect(fake.sheet('Sheet1').cell('A3')?.formula).toBe('SUM(A1:A2)+1');
  });

  it('leaves the cell alone when the user typed over the fix', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[17]] });
    const host = hostFor(fake);
    const fix = await host.applyFix(finding('A1'));
    await fake.userEdit('Sheet1', 'A1', 18);
    await expect(host.undoFix(fix)).rejects.toMatchObject({ code: 'changed-since-fix' });
    expect(fake.sheet('Sheet1').cell('A1')).toEqual({ value: 18 });
  });

  it('refuses a finding without a value to write', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[17]] });
    await expect(hostFor(fake).applyFix(finding('A1', 'error', { fixValue: undefined }))).rejects.toMatchObject({
      code: 'failed',
    });
  });

  it('selects the cell on its sheet', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[1]] });
    fake.addSheet('Sheet2', { rows: [[1]] });
    await hostFor(fake).selectCell('Sheet2', 'C7');
    expect(fake.selection).toEqual({ sheet: 'Sheet2', cell: 'C7' });
    expect(fake.activeSheet).toBe(1);
    await expect(hostFor(fake).selectCell('Gone', 'A1')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('live checking', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }

  it.each(['1.20', '1.13', '1.8'])('debounces a burst of edits into one re-check (ExcelApi %s)', async (api) => {
    const fake = new FakeExcel(api);
    fake.addSheet('Sheet1', { rows: [[1, 2, 3]] });
    const host = hostFor(fake);
    const listener = jest.fn();
    const stop = await host.onSheetChanged(listener);
    await fake.userEdit('Sheet1', 'A1', 10);
    jest.advanceTimersByTime(300);
    await fake.userEdit('Sheet1', 'B1', 20);
    jest.advanceTimersByTime(300);
    await fake.userEdit('Sheet1', 'C1', 30);
    jest.advanceTimersByTime(399);
    expect(listener).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(1);
    await stop();
    await fake.userEdit('Sheet1', 'A1', 11);
    jest.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it.each(['1.20', '1.13'])('ignores its own Fix and Undo but not the next user edit (ExcelApi %s)', async (api) => {
    const fake = new FakeExcel(api);
    fake.addSheet('Sheet1', { rows: [[17, 1]] });
    const host = hostFor(fake);
    const listener = jest.fn();
    await host.onSheetChanged(listener);
    const fix = await host.applyFix(finding('A1'));
    await host.undoFix(fix);
    await settle();
    jest.advanceTimersByTime(1000);
    expect(listener).not.toHaveBeenCalled();
    await fake.userEdit('Sheet1', 'A1', 5);
    jest.advanceTimersByTime(400);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('marks raise no change event, so live checking cannot loop', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[17]] });
    const host = hostFor(fake);
    const listener = jest.fn();
    await host.onSheetChanged(listener);
    await host.validate(finds(finding('A1')));
    await settle();
    jest.advanceTimersByTime(1000);
    expect(listener).not.toHaveBeenCalled();
  });

  it('is unavailable before ExcelApi 1.7', async () => {
    const fake = new FakeExcel('1.6');
    fake.addSheet('Sheet1', { rows: [[1]] });
    const host = hostFor(fake);
    expect(host.features.live).toBe(false);
    await expect(host.onSheetChanged(() => undefined)).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('remembers the switch in the document', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[1]] });
    expect(await hostFor(fake).loadLiveMode()).toBe(false);
    await hostFor(fake).saveLiveMode(true);
    expect(await hostFor(fake).loadLiveMode()).toBe(true);
    expect(fake.settings.get(SETTINGS_KEYS.live)).toBe(true);
  });
});

describe('requirement sets', () => {
  it.each([
    ['1.20', { marks: 'fill+note', live: true, mergedAreas: true, undoKeptOnWrite: true }],
    ['1.17', { marks: 'fill+comment', live: true, mergedAreas: true, undoKeptOnWrite: false }],
    ['1.14', { marks: 'fill+comment', live: true, mergedAreas: true, undoKeptOnWrite: false }],
    ['1.7', { marks: 'fill', live: true, mergedAreas: false, undoKeptOnWrite: false }],
    ['1.1', { marks: 'none', live: false, mergedAreas: false, undoKeptOnWrite: false }],
  ])('ExcelApi %s → %o', (api, expected) => {
    const { marks, live, mergedAreas, undoKeptOnWrite } = hostFor(new FakeExcel(api)).features;
    expect({ marks, live, mergedAreas, undoKeptOnWrite }).toEqual(expected);
  });

  it('reads a sheet on ExcelApi 1.1 without calling anything newer', async () => {
    const fake = new FakeExcel('1.1');
    fake.addSheet('Sheet1', { rows: [['分值', 5]] });
    const v = await hostFor(fake).validate(finds(finding('B1')));
    expect(v.marked).toBe(0);
    expect(fake.syncCount).toBe(2);
  });
});

describe('a check that throws', () => {
  it('is reported as a failure with nothing written, and comments stay in use afterwards', async () => {
    const fake = new FakeExcel('1.17');
    fake.addSheet('Sheet1', { rows: [[17]] });
    const before = fake.picture('Sheet1');
    const host = hostFor(fake);
    await expect(
      host.validate(() => {
        throw new Error('engine bug');
      }),
    ).rejects.toMatchObject({ code: 'failed' });
    expect(fake.picture('Sheet1')).toEqual(before);
    await host.validate(finds(finding('A1')));
    expect(fake.sheet('Sheet1').comments.size).toBe(1);
  });
});
