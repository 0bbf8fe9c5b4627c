import { readFileSync } from 'fs';
import { join } from 'path';
import { readWorkbook, UnreadableWorkbookError, type UnreadableCode } from '../../src/file/read-workbook';
import { MAX_SHEET_CELLS } from '../../src/file/limits';
import { buildZip, minimalXlsx, sheetXml } from './helpers/raw-zip';

const FIXTURE = readFileSync(join(__dirname, '..', 'fixtures', 'budget-execution.xlsx'));

async function refusal(bytes: Uint8Array, name = 'input.xlsx'): Promise<UnreadableWorkbookError> {
  try {
    await readWorkbook(bytes, name);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return e;
    throw e;
  }
  throw new Error('read without complaint');
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function ole2(...streams: string[]): Uint8Array {
  const head = Buffer.alloc(1024);
  Buffer.from(OLE2).copy(head);
  const names = streams.map((s) => Buffer.from(s, 'utf16le'));
  return Buffer.concat([head, ...names, Buffer.alloc(512)]);
}

const cases: [string, () => Uint8Array | Promise<Uint8Array>, UnreadableCode][] = [
  ['a zero-byte file', () => new Uint8Array(0), 'empty'],
  ['an old .xls (OLE2 compound file)', () => ole2('Workbook', 'SummaryInformation'), 'xls'],
  ['a password-protected .xlsx (OLE2 with EncryptedPackage)', () => ole2('EncryptionInfo', 'EncryptedPackage'), 'encrypted'],
  ['comma-separated text', () => Buffer.from('序号,指标,分值\n1,产出指标,50\n2,效益指标,30\n'), 'csv'],
  ['CSV with a UTF-8 BOM and CRLF', () => Buffer.from('\ufeff项目,预算数,执行数\r\n合计,100,90\r\n'), 'csv'],
  ['tab-separated UTF-16 text (Excel "Unicode text")', () => Buffer.from('\ufeff项目\t分值\r\n产出\t50\r\n', 'utf16le'), 'csv'],
  [
    'an HTML table saved as .xls',
    () => Buffer.from('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><table></table></html>'),
    'xls',
  ],
  ['plain prose', () => Buffer.from('这不是表格，只是一段文字。'), 'not-xlsx'],
  ['random binary', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251), 'corrupt'],
  ['an .xlsx cut off half-way', () => FIXTURE.subarray(0, Math.floor(FIXTURE.length / 2)), 'corrupt'],
  ['a zip that is a Word document', () => buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]), 'not-xlsx'],
  ['an empty zip', () => buildZip([]), 'empty'],
  [
    'a workbook with no worksheets',
    () =>
      buildZip([
        { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
        {
          name: 'xl/workbook.xml',
          data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
        },
      ]),
    'empty',
  ],
  [
    'a zip bomb by ratio: 8 MB of blanks in 8 KB',
    () =>
      buildZip([
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) },
      ]),
    'zip-bomb',
  ],
  [
    'a zip bomb by declared size: 3 × 200 MB in the directory',
    () =>
      buildZip([
        { name: 'xl/workbook.xml', data: '<workbook/>', declaredSize: 200 * 1024 * 1024 },
        { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', declaredSize: 200 * 1024 * 1024 },
        { name: 'xl/worksheets/sheet2.xml', data: '<worksheet/>', declaredSize: 200 * 1024 * 1024 },
      ]),
    'zip-bomb',
  ],
];

describe('readWorkbook refuses what it cannot read, by content', () => {
  test.each(cases)('%s', async (_, make, code) => {
    const e = await refusal(await make(), '上报/单位A.xlsx');
    expect(e.code).toBe(code);
    // One line each, naming the file, in both languages.
    expect(e.reason['zh-CN']).toContain('上报/单位A.xlsx');
    expect(e.reason['en-US']).toContain('上报/单位A.xlsx');
    expect(e.reason['zh-CN']).not.toContain('\n');
    expect(e.reason['en-US']).not.toContain('\n');
  });

  test('the name does not matter: a real workbook called .csv reads', async () => {
    const wb = await readWorkbook(FIXTURE, 'budget.csv');
    expect(wb.sheets).toHaveLength(1);
  });

  test('a sheet past the cell limit is refused with its name and size, before exceljs loads it', async () => {
    const cols = 10;
    const rows: string[] = [];
    for (let r = 1; r <= MAX_SHEET_CELLS / cols + 1; r++) {
      let row = `<row r="${r}">`;
      for (let c = 0; c < cols; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r % 97}</v></c>`;
      rows.push(`${row}</row>`);
    }
    const e = await refusal(minimalXlsx(sheetXml(rows.join(''))), 'big.xlsx');
    expect(e.code).toBe('too-large');
    expect(e.reason['en-US']).toBe(
      `big.xlsx: sheet "Sheet1" has about ${MAX_SHEET_CELLS + cols} cells, over the limit of ${MAX_SHEET_CELLS}; not checked`,
    );
    expect(e.reason['zh-CN']).toContain('工作表“Sheet1”');
  });
});
