/**
 * Bad inputs, with what the user sees (issue 6). Most refusals are tested
 * where they are made; this file holds only the cases nobody covered yet.
 * Where each item of the issue is tested:
 *
 * - empty workbook, sheet with no table, a table whose values are all blank,
 *   #REF!/#DIV/0!/#VALUE! cells, a circular formula, a 1,000,000-cell sheet:
 *   here, through the CLI's `main()` (what a reviewer reads) and readWorkbook;
 * - a zero-byte file, an empty zip, a workbook without worksheets, a corrupt
 *   or truncated zip, a zip bomb (by ratio and by declared size), a
 *   password-protected workbook, an .xls, a .csv/.txt given by mistake, a
 *   sheet past the cell limit (500,010 cells): test/file/unreadable-input.test.ts;
 * - a 1,000,000-cell used range in Excel (refused from its size before any
 *   cell is read) and one Excel on the web cannot send: test/excel/excel-host.test.ts
 *   "a sheet too large to read";
 * - a protected sheet in Excel (marks refused, nothing written; Fix and
 *   Clear refused): test/excel/excel-host.test.ts "protected sheet";
 * - a cell that already has a user's note (kept): test/file/write-marked-copy.test.ts
 *   "a user's note is kept" and test/excel/excel-host.test.ts "keeps the user note";
 * - Mark then Clear restores every cell: test/excel/mark-clear.property.test.ts
 *   and test/file/write-marked-copy.test.ts (property).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main, type CliIO } from '../../src/cli/main';
import type { Report } from '../../src/core/findings/report';
import { readWorkbook, UnreadableWorkbookError } from '../../src/file/read-workbook';
import { MAX_SHEET_CELLS } from '../../src/file/limits';
import { minimalXlsx, sheetXml } from '../file/helpers/raw-zip';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sc-bad-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function save(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function check(file: string, json = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    env: { LANG: 'en_US.UTF-8' },
  };
  const code = await main(json ? ['check', '--json', file] : ['check', file], io);
  return { code, stdout, stderr };
}

const INDICATOR_HEADER = ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'];

describe('workbooks that hold nothing to check', () => {
  // No table recognised is not clean (issue 13): exit 2, never "no problems found".
  test('an empty workbook (one sheet, no cell): exit 2, not recognised, not checked', async () => {
    const file = await save('empty.xlsx', (wb) => void wb.addWorksheet('Sheet1'));
    const run = await check(file);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('no self-evaluation table recognised; not checked (0 cells read)');
    const report = JSON.parse((await check(file, true)).stdout) as Report;
    expect(report.files[0]).toMatchObject({ tables: [], findings: [], status: 'no-table' });
  });

  test('a sheet with text and numbers but no table: exit 2, said so with the cells read', async () => {
    const file = await save('notable.xlsx', (wb) => {
      const ws = wb.addWorksheet('说明');
      ws.getCell('A1').value = '填表说明：分值合计100分';
      ws.getCell('B2').value = 12;
      ws.getCell('C3').value = '合计';
    });
    const run = await check(file);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('no self-evaluation table recognised; not checked (3 cells read)');
  });

  test('a table whose values are all blank: the table is found, nothing is reported, exit 0', async () => {
    const file = await save('blank.xlsx', (wb) => {
      const ws = wb.addWorksheet('表');
      ws.addRow(INDICATOR_HEADER);
      ws.addRow(['产出指标', null, '数量指标', null, '服务人次', null, null]);
      ws.addRow([null, null, null, null, '覆盖率', null, null]);
      ws.addRow(['总分', null, null, null, null, null, null]);
    });
    const report = JSON.parse((await check(file, true)).stdout) as Report;
    expect(report.files[0].tables).toEqual([{ sheet: '表', range: 'A1:G4', kind: 'overall-2021' }]);
    expect(report.files[0].findings).toEqual([]);
    expect((await check(file)).code).toBe(0);
  });
});

describe('error values and a circular formula', () => {
  let file: string;
  beforeAll(async () => {
    file = await save('errors.xlsx', (wb) => {
      const ws = wb.addWorksheet('表');
      ws.addRow(INDICATOR_HEADER);
      ws.addRow(['产出指标', 50, '数量指标', 30, '服务人次', 20, { formula: '1/0', result: { error: '#DIV/0!' } }]);
      ws.addRow([null, null, null, null, '覆盖率', 10, { formula: 'XFD1048577', result: { error: '#REF!' } }]);
      ws.addRow([null, null, '质量指标', 20, '达标率', 20, { error: '#VALUE!' }]);
      // G5 refers to itself: Excel keeps 0 as its cached value and warns about the circle.
      ws.addRow(['效益指标', 50, '社会效益', 50, '满意度', 50, { formula: 'G5', result: 0 }]);
      ws.addRow(['总分', 100, null, null, null, null, { formula: 'SUM(G2:G5)', result: 0 }]);
      ws.mergeCells('A2:A4');
      ws.mergeCells('B2:B4');
      ws.mergeCells('C2:C3');
      ws.mergeCells('D2:D3');
    });
  });

  test('the cells read as errors and the circular cell as its cached 0, with its formula', async () => {
    const wb = await readWorkbook(new Uint8Array(readFileSync(file)), 'errors.xlsx');
    const g = (r: number) => wb.sheets[0].rows[r][6];
    expect([g(1)?.value, g(2)?.value, g(3)?.value]).toEqual([{ error: '#DIV/0!' }, { error: '#REF!' }, { error: '#VALUE!' }]);
    expect(g(4)).toMatchObject({ value: 0, formula: 'G5' });
  });

  test('no error is blamed on a cell that holds an error value or on its neighbours; the run ends, exit 0', async () => {
    // Scores that are errors are not numbers: their rows are not recomputed,
    // so the 总分 (0, a sum over errors) is not called wrong either.
    const run = await check(file, true);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files[0].tables).toHaveLength(1);
    expect(report.files[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('a 1,000,000-cell sheet', () => {
  test('is refused before exceljs loads it, with a message naming the sheet and its size', async () => {
    const cols = 10;
    const rows = 1_000_000 / cols;
    const parts: string[] = [];
    for (let r = 1; r <= rows; r++) {
      let row = `<row r="${r}">`;
      for (let c = 0; c < cols; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r % 97}</v></c>`;
      parts.push(`${row}</row>`);
    }
    const xlsx = minimalXlsx(sheetXml(parts.join('')));
    const file = join(dir, 'huge.xlsx');
    writeFileSync(file, xlsx);
    const error = await readWorkbook(xlsx, 'huge.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).code).toBe('too-large');
    expect((error as UnreadableWorkbookError).reason['en-US']).toBe(
      `huge.xlsx: sheet "Sheet1" has about 1000000 cells, over the limit of ${MAX_SHEET_CELLS}; not checked`,
    );
    // What the reviewer sees: one line for the file, exit 2 (unusable input).
    const run = await check(file, true);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files[0].error).toBe(
      `${file}: sheet "Sheet1" has about 1000000 cells, over the limit of ${MAX_SHEET_CELLS}; not checked`,
    );
    expect(run.stderr.trim().split('\n')).toEqual([report.files[0].error]);
  });
});
