import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/file/read-workbook';
import { buildRichXlsx, moveNotesLikeOpenpyxl } from './helpers/build-workbooks';
import { minimalXlsx, sheetXml } from './helpers/raw-zip';

const FIXTURES = join(__dirname, '..', 'fixtures');

// numFmtId 14 is Excel's built-in short date, 10 its built-in 0.00%.
const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** Hand-written sheet XML: every cell below is worked out from this text. */
const CELLS = sheetXml(
  '<row r="1"><c r="A1" t="inlineStr"><is><t>部门整体</t></is></c>' +
    '<c r="B1" t="inlineStr"><is><r><t>绩效</t></r><r><rPr><b/></rPr><t>自评</t></r></is></c></row>' +
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c>' +
    '<c r="C2" t="str"><f>IF(A2&gt;0,"达标","未达标")</f><v>达标</v></c><c r="D2" t="b"><v>1</v></c></row>' +
    '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c>' +
    '<c r="C3" t="e"><v>#REF!</v></c><c r="D3" s="1"><v>44927</v></c></row>' +
    '<row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>6</v></c>' +
    '<c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4" s="2"><v>0.8793</v></c></row>' +
    '<row r="5"><c r="A5"><f>SUM(A2:A4)</f></c><c r="B5" t="inlineStr"><is><t>2. 0</t></is></c></row>' +
    '<row r="6"><c r="A6" t="inlineStr"><is><t>合并</t></is></c><c r="B6"/></row>' +
    '<row r="7"><c r="A7"/><c r="B7"/></row>',
).replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A6:B7"/></mergeCells>');

describe('readWorkbook: values as stored', () => {
  let sheet: Awaited<ReturnType<typeof readWorkbook>>['sheets'][0];
  beforeAll(async () => {
    const wb = await readWorkbook(minimalXlsx(CELLS, [{ name: 'xl/styles.xml', data: STYLES }]), 'cells.xlsx');
    sheet = wb.sheets[0];
  });
  const at = (a1: string) => {
    const col = a1.charCodeAt(0) - 65;
    const row = Number(a1.slice(1)) - 1;
    return sheet.rows[row]?.[col];
  };

  test('inline strings and inline rich text', () => {
    expect(at('A1')?.value).toBe('部门整体');
    expect(at('B1')?.value).toBe('绩效自评');
  });
  test('shared formulas: every cell of the group gets its own formula and cached result', () => {
    expect(at('B2')).toMatchObject({ value: 2, formula: 'A2*2' });
    expect(at('B3')).toMatchObject({ value: 4, formula: 'A3*2' });
    expect(at('B4')).toMatchObject({ value: 6, formula: 'A4*2' });
  });
  test('a formula whose cached result is a string keeps the string', () => {
    expect(at('C2')).toMatchObject({ value: '达标', formula: 'IF(A2>0,"达标","未达标")' });
  });
  test('error values, constant or computed', () => {
    expect(at('C3')?.value).toEqual({ error: '#REF!' });
    expect(at('C4')).toMatchObject({ value: { error: '#DIV/0!' }, formula: '1/0' });
  });
  test('booleans; dates as serial numbers with their format; percent text as shown', () => {
    expect(at('D2')?.value).toBe(true);
    expect(at('D3')).toMatchObject({ value: 44927, numFmt: 'mm-dd-yy' });
    expect(at('D4')).toMatchObject({ value: 0.8793, numFmt: '0.00%', text: '87.93%' });
  });
  test('a formula without a cached value has a null value', () => {
    expect(at('A5')).toMatchObject({ value: null, formula: 'SUM(A2:A4)' });
  });
  test('a number typed as text stays text', () => {
    expect(at('B5')?.value).toBe('2. 0');
  });
  test('merges are listed, their hidden cells left out', () => {
    expect(sheet.merges).toEqual([{ top: 5, left: 0, bottom: 6, right: 1 }]);
    expect(at('A6')?.value).toBe('合并');
    expect(at('B6')).toBeUndefined();
    expect(at('A7')).toBeUndefined();
  });
});

describe('readWorkbook on the fixtures', () => {
  test('LibreOffice-written formulas: cached value, formula, format and shown text', async () => {
    const wb = await readWorkbook(readFileSync(join(FIXTURES, 'gz2021-overall-formulas.xlsx')), 'f.xlsx');
    const sheet = wb.sheets[0];
    expect(sheet.name).toBe('自评表');
    // D11 is the 资金管理 weight: =SUM(F11:F16), cached 13, format 0.00.
    expect(sheet.rows[10][3]).toEqual({ value: 13, formula: 'SUM(F11:F16)', numFmt: '0.00', text: '13.00' });
    // C7 is 全年执行数 of the budget block: 57,368,166.31 under #,##0.00.
    expect(sheet.rows[6][2]).toEqual({ value: 57368166.31, numFmt: '#,##0.00', text: '57,368,166.31' });
    expect(sheet.merges).toHaveLength(38);
  });

  test('every fixture reads, with at least one sheet of cells', async () => {
    const { readdirSync } = await import('fs');
    for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx'))) {
      const wb = await readWorkbook(readFileSync(join(FIXTURES, name)), name);
      expect(wb.sheets.length).toBeGreaterThan(0);
      expect(wb.sheets[0].rows.length).toBeGreaterThan(5);
    }
  });

  test('an ArrayBuffer works as well as a Uint8Array', async () => {
    const bytes = readFileSync(join(FIXTURES, 'budget-execution.xlsx'));
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const a = await readWorkbook(ab, 'b.xlsx');
    const b = await readWorkbook(new Uint8Array(bytes), 'b.xlsx');
    expect(a).toEqual(b);
  });
});

describe('readWorkbook on notes at a non-default part path (exceljs #2797)', () => {
  test('exceljs alone crashes on the openpyxl layout; readWorkbook still reads every value', async () => {
    const plain = await buildRichXlsx();
    const moved = await moveNotesLikeOpenpyxl(plain);
    await expect(new ExcelJS.Workbook().xlsx.load(Buffer.from(moved) as unknown as ArrayBuffer)).rejects.toThrow(/comments/);
    const expected = await readWorkbook(plain, 'plain.xlsx');
    const actual = await readWorkbook(moved, 'moved.xlsx');
    expect(actual).toEqual(expected);
    expect(actual.sheets[0].rows[2][1]?.value).toBe(50);
  });
});
