/**
 * What Excel does to an add-in that the happy path never meets, on the
 * double that models it (test/excel/fake-excel.ts; docs/verify-in-excel.md
 * checks each behaviour on a real Excel): typing in a cell while a batch
 * runs, Excel on the web's 5 MB response, merged areas named by their
 * top-left cell, rules Excel cannot read, writes parsed as typed, notes the
 * user wrote or added to, replies under a comment.
 */
import { checkSheet, type Sheet, type WorkbookResult } from '../../src/core';
import { OfficeExcelHost, SETTINGS_KEYS } from '../../src/excel/excel-host';
import { FakeExcel, type FakeScalar } from './fake-excel';
import { finding, finds, formRows } from './scenarios';

/** Excel on the web's limit on one response (STACK-NOTES: ~5 MB). */
const EXCEL_WEB_RESPONSE_LIMIT = 5 * 1024 * 1024;

function hostFor(fake: FakeExcel): OfficeExcelHost {
  return new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
}

const ours = (fake: FakeExcel, sheet = 'Sheet1') =>
  fake.sheet(sheet).conditionalFormats.filter((cf) => cf.formula?.includes('ScoreCheck'));

describe('cell-edit mode', () => {
  it('asks every batch to wait while the user types, and a validation started then finishes after', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[17]] });
    const host = hostFor(fake);
    fake.beginCellEdit();
    let done = false;
    const pending = host.validate(finds(finding('A1'))).then(() => (done = true));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(done).toBe(false);
    expect(ours(fake)).toHaveLength(0);
    fake.endCellEdit();
    await pending;
    expect(ours(fake)).toHaveLength(1);
    await host.selectCell('Sheet1', 'A1');
    const fix = await host.applyFix(finding('A1'));
    await host.undoFix(fix);
    await host.saveLiveMode(true);
    await host.clearMarks();
    await (
      await host.onSheetChanged(() => undefined)
    )();
    expect(fake.runs.total).toBeGreaterThanOrEqual(7);
    expect(fake.runs.delayForCellEdit).toBe(fake.runs.total);
  });

  it('fails a batch that does not ask to wait, as Excel does', async () => {
    const fake = new FakeExcel('1.20');
    fake.beginCellEdit();
    await expect(fake.run({}, async () => 1)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });
});

describe('fill-only marks', () => {
  it('follow only a refused comment: a write refused for another reason is reported and comments stay in use', async () => {
    const fake = new FakeExcel('1.17');
    fake.addSheet('Sheet1', { rows: [[17]] });
    const host = hostFor(fake);
    // Protected between the read and the write: Excel refuses the write with AccessDenied.
    const protectingCheck = (sheet: Sheet) => {
      fake.sheet('Sheet1').protected = true;
      return finds(finding('A1'))(sheet);
    };
    await expect(host.validate(protectingCheck)).rejects.toMatchObject({ code: 'protected' });
    fake.sheet('Sheet1').protected = false;
    await host.validate(finds(finding('A1')));
    expect([...fake.sheet('Sheet1').comments.keys()]).toEqual(['A1']);
  });
});

describe('Undo fix puts back exactly what was there', () => {
  it.each<[string, FakeScalar | { value: FakeScalar; numberFormat: string }, unknown]>([
    ['text "16" stays text', '16', '16'],
    ['a lone "-" stays text, not a broken formula', '-', '-'],
    ['text "=A1" stays text', "'=A1", '=A1'],
    ['TRUE stays a boolean', true, true],
    ['a number keeps every digit', 16.000000001, 16.000000001],
  ])('%s', async (_what, initial, expected) => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[typeof initial === 'string' && initial.startsWith("'") ? null : initial]] });
    // Text that Excel would parse (a number, a sign, an =) can only be there because it was typed as text.
    if (typeof initial === 'string') fake.sheet('Sheet1').setCell('A1', { value: initial.replace(/^'/, '') });
    const before = fake.picture('Sheet1');
    const host = hostFor(fake);
    const fix = await host.applyFix(finding('A1', 'error', { fixValue: 15 }));
    expect(fake.sheet('Sheet1').cell('A1')?.value).toBe(15);
    await host.undoFix(fix);
    expect(fake.sheet('Sheet1').cell('A1')?.value).toEqual(expected);
    expect(fake.picture('Sheet1')).toEqual(before);
  });

  it('empties a cell that was empty', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[1, null]] });
    const host = hostFor(fake);
    const fix = await host.applyFix(finding('B1', 'error', { fixValue: 3 }));
    await host.undoFix(fix);
    expect(fake.sheet('Sheet1').cell('B1')).toBeUndefined();
  });
});

describe('the double writes as Excel parses what is typed', () => {
  it('turns number-like text into numbers, keeps apostrophe text, refuses a lone sign', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[null]] });
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:D1').values = [['16', "'16", '=B1', '50%']];
      await context.sync();
    });
    const s = fake.sheet('Sheet1');
    expect([s.cell('A1')?.value, s.cell('B1')?.value, s.cell('C1')?.formula, s.cell('D1')?.value]).toEqual([16, '16', 'B1', 0.5]);
    await expect(
      fake.run({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A2').formulas = [['-']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('merged areas (office-js #3611)', () => {
  it('the double names a merge only from a range holding its top-left cell', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [['a'], [null], [null]], merges: ['A1:A3'] });
    const addresses = await fake.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      const lower = ws.getRange('A2:A3').getMergedAreasOrNullObject().load('address');
      const upper = ws.getRange('A1:A1').getMergedAreasOrNullObject().load('address');
      await context.sync();
      return [lower.isNullObject, upper.address];
    });
    expect(addresses).toEqual([true, 'Sheet1!A1:A3']);
  });

  it('the reader keeps a merge that crosses the edge between two tiles, whole and once', async () => {
    const fake = new FakeExcel('1.20');
    // 512-cell tiles of a 600-row, 1-column range: rows 1–512 and 513–600; the merge spans both.
    const rows: FakeScalar[][] = Array.from({ length: 600 }, (_, i) => [i === 509 ? '跨页' : i % 7 === 0 ? 'x' : null]);
    fake.addSheet('Sheet1', { rows, merges: ['A510:A515'] });
    const sheet = await hostFor(fake).readActiveSheet();
    expect(sheet.merges).toEqual([{ top: 509, left: 0, bottom: 514, right: 0 }]);
  });
});

describe("Excel on the web's 5 MB response", () => {
  it('reads a sheet far over the limit in slices, each response under it', async () => {
    const fake = new FakeExcel('1.20');
    const rows: FakeScalar[][] = Array.from({ length: 30_000 }, (_, i) => [
      `指标名称很长的三级指标第${i}项（含说明文字）`,
      `年度指标值：不低于${i}人次，实际完成情况见附表`,
      i,
      i * 2,
      0.98,
      '良好',
      `备注：第${i}行由各科室填报`,
      i % 3,
    ]);
    fake.addSheet('Sheet1', { rows });
    fake.responseByteLimit = EXCEL_WEB_RESPONSE_LIMIT;
    const sheet = await hostFor(fake).readActiveSheet();
    expect(fake.responseBytes).toBeGreaterThan(EXCEL_WEB_RESPONSE_LIMIT);
    expect(sheet.rows).toHaveLength(30_000);
    expect(sheet.rows[29_999][2]).toEqual({ value: 29_999, text: '29999' });
  });
});

describe("the user's conditional formats Excel cannot read (office-js #6827, #6835)", () => {
  function sheetWithAwkwardRule(range: string) {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', {
      rows: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      notes: { C3: '我的批注' },
      conditionalFormats: [
        { range, type: 'CellValue', formula: '>5', fill: '#FF0000', unreadable: true },
        { range: 'A1:C3', type: 'Custom', formula: '=A1>8', fill: '#00FF00' },
      ],
    });
    return fake;
  }

  it('do not stop Validate or Clear: the marks record names ScoreCheck’s cells', async () => {
    const fake = sheetWithAwkwardRule('C1:C3');
    const before = fake.picture('Sheet1');
    const host = hostFor(fake);
    const first = await host.validate(finds(finding('A1'), finding('B2', 'warning')));
    expect(first).toMatchObject({ marked: 2 });
    // Again: the old marks are found through the record and replaced, not doubled.
    await host.validate(finds(finding('A1')));
    expect(ours(fake).map((cf) => cf.range.top)).toEqual([0]);
    const report = await host.clearMarks();
    expect(report.formatsUnreadable).toEqual([]);
    expect(fake.picture('Sheet1')).toEqual(before);
  });

  it('over a marked cell: nothing more is added (a fill might double), and the user is told', async () => {
    const fake = sheetWithAwkwardRule('A1:C3');
    const host = hostFor(fake);
    // No record yet: ScoreCheck has never marked this sheet, so there is nothing of its own to find.
    expect(await host.validate(finds(finding('A1')))).toMatchObject({ marked: 1 });
    const marked = fake.picture('Sheet1');
    const v = await host.validate(finds(finding('A1'), finding('B1')));
    expect(v).toMatchObject({ marked: 0, marksRefused: 'formats-unreadable' });
    expect(v.result.findings).toHaveLength(2);
    expect(fake.picture('Sheet1')).toEqual(marked);
    const report = await host.clearMarks();
    expect(report.formatsUnreadable).toEqual(['Sheet1']);
    // The note is ScoreCheck's and readable: it goes; the rule stays, and the user was told where.
    expect(fake.sheet('Sheet1').notes.has('A1')).toBe(false);
    expect(ours(fake)).toHaveLength(1);
  });
});

describe('Clear removes only what ScoreCheck wrote, in every note format', () => {
  it('removes the marked copy’s notes (both tags), keeps the user’s words and says which', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', {
      rows: [[1, 2, 3, 4, 5]],
      notes: {
        A1: '[ScoreCheck]\n[错误] A1 为 17，但 A2:A3 合计 16。（应为 16）',
        B1: 'ScoreCheck: [warning] B1 is a number stored as text.',
        C1: 'ScoreCheck:\n• [错误] C1 不对\n• [提示] C1 未检查',
        D1: '[ScoreCheck] 已与财务科核对，无误。',
        E1: '普通批注',
      },
    });
    const report = await hostFor(fake).clearMarks();
    expect([...fake.sheet('Sheet1').notes.keys()].sort()).toEqual(['D1', 'E1']);
    expect(report.kept).toEqual([{ sheet: 'Sheet1', cell: 'D1', reason: 'user-tag' }]);
  });

  it('keeps a ScoreCheck note the user added to, even when every line still looks like ScoreCheck’s', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[17, 18]] });
    const host = hostFor(fake);
    await host.validate(finds(finding('A1'), finding('B1')));
    const s = fake.sheet('Sheet1');
    s.notes.set('A1', `${s.notes.get('A1')}（已核对）`);
    const report = await host.clearMarks();
    expect([...s.notes.keys()]).toEqual(['A1']);
    expect(report.kept).toEqual([{ sheet: 'Sheet1', cell: 'A1', reason: 'edited' }]);
    expect(ours(fake)).toHaveLength(0);
    expect(fake.settings.has(SETTINGS_KEYS.marks)).toBe(false);
  });

  it('never deletes a comment with replies under it (Excel 2021/2024), on Clear or on Validate', async () => {
    const fake = new FakeExcel('1.17');
    fake.addSheet('Sheet1', { rows: [[17]] });
    const host = hostFor(fake);
    await host.validate(finds(finding('A1')));
    fake.sheet('Sheet1').comments.get('A1')!.replies.push('财务：这里我确认过');
    await host.validate(finds(finding('A1')));
    expect(fake.sheet('Sheet1').comments.get('A1')!.replies).toEqual(['财务：这里我确认过']);
    const report = await host.clearMarks();
    expect(report.kept).toEqual([{ sheet: 'Sheet1', cell: 'A1', reason: 'replies' }]);
    expect(fake.sheet('Sheet1').comments.get('A1')?.replies).toEqual(['财务：这里我确认过']);
  });
});

describe('live re-check after one edit on the 300-row form', () => {
  /** formRows with level-2 weights that add up: a clean form, as most are. */
  function cleanForm(): { rows: FakeScalar[][]; merges: string[] } {
    const form = formRows(300);
    form.rows.slice(1).forEach((row, i) => {
      row[3] = 5;
      // Each level-1 block its own name: a repeated one reads as the same block continued.
      if (row[0]) row[0] = `产出指标${i / 10 + 1}`;
    });
    return form;
  }

  it('reads at most 64 KiB in at most 2 round trips, and finds what a full validation finds', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', cleanForm());
    const host = hostFor(fake);
    const check = (sheet: Sheet) => checkSheet(sheet);
    const full = await host.validate(check);
    expect(full.result.tables).toHaveLength(1);
    expect(full.result.findings).toEqual([]);
    const fullBytes = fake.responseBytes;

    await fake.userEdit('Sheet1', 'J40', 6); // a score above its weight of 5
    fake.resetSyncCount();
    const live = await host.validate(check, { changes: [{ address: 'J40', sheetId: fake.sheet('Sheet1').id }] });
    const liveBytes = fake.responseBytes;
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(liveBytes).toBeLessThanOrEqual(64 * 1024);
    expect(liveBytes * 20).toBeLessThan(fullBytes);
    expect(live.result.findings.map((f) => [f.cell, f.rule])).toEqual([['J40', 'score-range']]);
    expect(ours(fake).map((cf) => cf.range.top)).toEqual([39]);

    // The same sheet read afresh by another pane gives the same findings.
    const fresh = await hostFor(fake).validate(check);
    expect(fresh.result.findings).toEqual(live.result.findings);
  });

  it('re-reads the tables’ formula cells: a total Excel recalculated raises no event of its own', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', {
      rows: [
        ['二级指标', '分值'],
        ['产出', 30],
        ['效益', 20],
        ['合计', { value: 50, formula: 'SUM(B2:B3)' }],
      ],
    });
    const host = hostFor(fake);
    const check = (sheet: Sheet): WorkbookResult => ({
      tables: [{ sheet: sheet.name, range: 'A1:B4', kind: 'indicators' }],
      findings: [],
      sheets: [{ name: sheet.name, tables: 1 }],
    });
    const seen: Sheet[] = [];
    await host.validate((s) => (seen.push(s), check(s)));
    await fake.userEdit('Sheet1', 'B2', 31);
    fake.sheet('Sheet1').setCell('B4', { value: 51, formula: 'SUM(B2:B3)' }); // Excel's recalculation
    await host.validate((s) => (seen.push(s), check(s)), { changes: [{ address: 'B2' }] });
    expect(seen[1].rows[3][1]).toMatchObject({ value: 51, formula: 'SUM(B2:B3)' });
    expect(seen[1].rows[1][1]).toMatchObject({ value: 31 });
  });
});
