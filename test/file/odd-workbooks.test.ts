/**
 * The package reader on the odd and hostile inputs of issue 14, case by
 * case, with the values worked out from the XML written here. The same
 * classes run through the CLI in the hostile suite (npm run test:hostile).
 */
import { boundMerges, honestMerges, LARGE_MERGE_CELLS } from '../../src/file/merges';
import { readWorkbook, UnreadableWorkbookError } from '../../src/file/read-workbook';
import { slideFormula } from '../../src/file/shared-formula';
import { XmlRefusedError, XmlScanner } from '../../src/file/xml-scanner';
import { buildZip, minimalXlsx, sheetXml, SHEET_NS } from './helpers/raw-zip';

const sheetOf = async (xml: string) => (await readWorkbook(minimalXlsx(xml), 'odd.xlsx')).sheets[0];
const values = (rows: ({ value: unknown } | undefined)[][]) => rows.map((r) => Array.from(r, (c) => c?.value));
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as UnreadableWorkbookError,
  );

describe('the XML scanner', () => {
  test('a DTD is refused before any entity can be defined', () => {
    const x = new XmlScanner('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>');
    expect(() => x.next()).toThrow(XmlRefusedError);
  });
  test('only the five XML entities and character references are decoded; others stay as written', () => {
    const x = new XmlScanner('<a>&lt;&amp;&#x4E00;&#20108;&nbsp;&#x110000;</a>');
    x.next();
    x.next();
    expect(x.text()).toBe('<&一二&nbsp;&#x110000;');
  });
  test('a `>` inside an attribute value is part of the value', () => {
    const x = new XmlScanner('<a t="1 > 0" u=\'<\'/>');
    expect(x.next()).toBe('start');
    expect([x.attr('t'), x.attr('u'), x.selfClosing]).toEqual(['1 > 0', '<', true]);
  });
  test('mismatched and unclosed tags are errors', () => {
    const walk = (xml: string) => () => {
      const x = new XmlScanner(xml);
      while (x.next() !== 'eof');
    };
    expect(walk('<a><b></a>')).toThrow(/closes/);
    expect(walk('<a><b>')).toThrow(/not closed/);
    expect(walk('junk')).toThrow(/outside the root|no root/);
  });
});

describe('shared formulas slide like Excel moves them', () => {
  test.each([
    ['A2*2', 1, 0, 'A3*2'],
    ['SUM($A$1:A2)+B$1', 2, 1, 'SUM($A$1:B4)+C$1'],
    ['IF(A2>0,"A2",Sheet2!B2)', 1, 0, 'IF(A3>0,"A2",Sheet2!B3)'],
    ["'第 1 表'!C5*LOG10(A2)", 0, 1, "'第 1 表'!D5*LOG10(B2)"],
    ['A1-1', -1, 0, '#REF!-1'],
  ])('%s moved by (%d, %d) is %s', (formula, dRow, dCol, expected) => {
    expect(slideFormula(formula, dRow, dCol)).toBe(expected);
  });
});

describe('merges', () => {
  const r = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
  const cell = { value: 1 };
  test('two that overlap are both dropped, and so is one that would hide a value; the rest keep their order', () => {
    const rows = [[cell, undefined, cell]];
    const merges = [r(5, 0, 6, 1), r(0, 3, 3, 4), r(2, 4, 4, 5), r(0, 0, 0, 2), r(8, 0, 8, 1)];
    // r(0,3,3,4) and r(2,4,4,5) overlap at (2,4)–(3,4); r(0,0,0,2) hides the value at (0,2).
    expect(honestMerges(merges, rows)).toEqual([r(5, 0, 6, 1), r(8, 0, 8, 1)]);
  });
  test('100,000 merges: linear, whatever their layout', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => r(2 * i, 0, 2 * i + 1, 1));
    expect(honestMerges(many, [])).toHaveLength(100_000);
  });
  test('a merge over J1:XFD1048576 is cut to the cells that hold data; small ones are kept whole', () => {
    const rows = [[cell, cell, cell], [cell]];
    const { merges, area } = boundMerges([r(0, 1, 1048575, 16383), r(5, 5, 6, 6), r(9, 9, 9999, 9999)], rows);
    expect(merges).toEqual([r(0, 1, 1, 2), r(5, 5, 6, 6)]);
    expect(area).toBe(4 + 4);
    expect(LARGE_MERGE_CELLS).toBeLessThan(1048576);
  });
});

describe('readWorkbook on files other writers make', () => {
  test('a prefixed SpreadsheetML sheet (x:, as the .NET SDK writes), cells and rows without r', async () => {
    const xml =
      `<x:worksheet xmlns:x="${SHEET_NS}"><x:sheetData>` +
      '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row r="4"><x:c r="B4"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    expect(values((await sheetOf(xml)).rows)).toEqual([[1, 2], [], [], [undefined, 3, 4]]);
  });
  test('unknown elements in sheetData and in a row are skipped alone; mc:AlternateContent is read through', async () => {
    const mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14="urn:x14"';
    const xml = sheetXml(
      '<row r="1"><c r="A1"><v>1</v></c><vendor:tag xmlns:vendor="urn:v"><c r="B1"><v>99</v></c></vendor:tag><c r="C1"><v>3</v></c></row>' +
        '<extLst><ext uri="x"><row r="2"><c r="A2"><v>99</v></c></row></ext></extLst>' +
        `<mc:AlternateContent ${mc}><mc:Choice Requires="x14"><x14:row/></mc:Choice><mc:Fallback><row r="3"><c r="A3"><v>5</v></c></row></mc:Fallback></mc:AlternateContent>` +
        '<row r="4"><c r="A4"><v>7</v></c></row>',
    );
    expect(values((await sheetOf(xml)).rows)).toEqual([[1, undefined, 3], [], [5], [7]]);
  });
  test('rows out of order land where their r says; a second cell at one address replaces the first', async () => {
    const xml = sheetXml('<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>');
    expect(values((await sheetOf(xml)).rows)).toEqual([[2], [], [3]]);
  });
  test('NaN, Infinity and 1e999 in a number cell read as the #NUM! Excel would show', async () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1"><v>NaN</v></c><c r="B1"><v>Infinity</v></c><c r="C1"><v>1e999</v></c><c r="D1"><v>1e308</v></c></row>',
    );
    expect(values((await sheetOf(xml)).rows)).toEqual([[{ error: '#NUM!' }, { error: '#NUM!' }, { error: '#NUM!' }, 1e308]]);
  });
  test('strict OOXML namespaces, a UTF-16 sheet, a sheet name over 31 characters, Zip64 with data descriptors', async () => {
    const name = '一个超过三十一个字符的工作表名称，LibreOffice 会这样写出来的';
    const strict = (t: string) =>
      t
        .split(SHEET_NS)
        .join('http://purl.oclc.org/ooxml/spreadsheetml/main')
        .split('http://schemas.openxmlformats.org/officeDocument/2006/relationships')
        .join('http://purl.oclc.org/ooxml/officeDocument/relationships');
    const plain = minimalXlsx(
      sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>分值</t></is></c><c r="B1"><v>10</v></c></row>'),
    );
    const { ZipPackage } = await import('../../src/file/zip-package');
    const { inspectWorkbookBytes } = await import('../../src/file/inspect-package');
    const pkg = new ZipPackage(plain, inspectWorkbookBytes(plain, 'p'), 'p');
    const entries = pkg.entries.map((e) => {
      let text = strict(pkg.text(e.name)!);
      if (e.name === 'xl/workbook.xml') text = text.replace('name="Sheet1"', `name="${name}"`);
      const data = e.name.endsWith('sheet1.xml')
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
        : text;
      return { name: e.name, data };
    });
    const wb = await readWorkbook(buildZip(entries, { zip64: true, dataDescriptor: true }), 'odd.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual([name]);
    expect(values(wb.sheets[0].rows)).toEqual([['分值', 10]]);
  });
});

describe('readWorkbook bounds its work by what the file holds', () => {
  test('a cell in row 100,000,000 is refused as damaged, naming the row', async () => {
    const e = await refusal(
      readWorkbook(minimalXlsx(sheetXml('<row r="100000000"><c r="A100000000"><v>1</v></c></row>')), 'far.xlsx'),
    );
    expect(e).toMatchObject({ code: 'corrupt' });
    expect(e!.reason['en-US']).toContain('100000000');
  });
  test('a part that declares 1 KB and inflates to 2 MB is stopped as a zip bomb, by the bytes inflated', async () => {
    const withBomb = await refusal(
      readWorkbook(
        buildZip([
          {
            name: 'xl/workbook.xml',
            data: `<workbook xmlns="${SHEET_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          },
          {
            name: 'xl/_rels/workbook.xml.rels',
            data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
          },
          {
            name: 'xl/worksheets/sheet1.xml',
            data: sheetXml('').replace('<sheetData>', `<sheetData>${' '.repeat(2 << 20)}`),
            declaredSize: 1024,
          },
        ]),
        'bomb.xlsx',
      ),
    );
    expect(withBomb).toMatchObject({ code: 'zip-bomb' });
    expect(withBomb!.reason['en-US']).toContain('declares 1024 bytes');
  });
});
