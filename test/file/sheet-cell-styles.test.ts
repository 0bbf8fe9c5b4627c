import { restyleCells } from '../../src/file/sheet-cell-styles';
import { addNotesToComments, addNoteShapes } from '../../src/file/mark-notes';
import { MarkStyles } from '../../src/file/mark-styles';
import { displayedNumberText } from '../../src/file/cell-text';

const wrap = (data: string, before = '') => `<worksheet>${before}<sheetData>${data}</sheetData></worksheet>`;
// Every restyled cell gets format 100 + its old one, so the old index shows in the result.
const plus100 = (s: number) => 100 + s;

describe('restyleCells: marks existing cells and creates missing ones in order', () => {
  test.each([
    [
      'an existing cell keeps everything but s',
      wrap('<row r="1"><c r="A1" s="3" t="s"><v>0</v></c></row>'),
      [[0, 0]],
      wrap('<row r="1"><c r="A1" s="103" t="s"><v>0</v></c></row>'),
    ],
    [
      'a cell without s gains one',
      wrap('<row r="1"><c r="A1"><v>1</v></c></row>'),
      [[0, 0]],
      wrap('<row r="1"><c r="A1" s="100"><v>1</v></c></row>'),
    ],
    [
      'a missing cell between two goes between them',
      wrap('<row r="2"><c r="A2"/><c r="D2"/></row>'),
      [[1, 2]],
      wrap('<row r="2"><c r="A2"/><c r="C2" s="100"/><c r="D2"/></row>'),
    ],
    [
      'a missing cell before the first',
      wrap('<row r="2"><c r="C2"/></row>'),
      [[1, 0]],
      wrap('<row r="2"><c r="A2" s="100"/><c r="C2"/></row>'),
    ],
    [
      'a missing cell after the last',
      wrap('<row r="2"><c r="C2"/></row>'),
      [[1, 27]],
      wrap('<row r="2"><c r="C2"/><c r="AB2" s="100"/></row>'),
    ],
    [
      'a missing row between rows',
      wrap('<row r="1"><c r="A1"/></row><row r="5"><c r="A5"/></row>'),
      [[2, 1]],
      wrap('<row r="1"><c r="A1"/></row><row r="3"><c r="B3" s="100"/></row><row r="5"><c r="A5"/></row>'),
    ],
    [
      'missing rows before the first and after the last',
      wrap('<row r="3"><c r="A3"/></row>'),
      [
        [9, 0],
        [0, 0],
      ],
      wrap('<row r="1"><c r="A1" s="100"/></row><row r="3"><c r="A3"/></row><row r="10"><c r="A10" s="100"/></row>'),
    ],
    [
      'an empty sheet',
      '<worksheet><sheetData/></worksheet>',
      [[0, 1]],
      '<worksheet><sheetData><row r="1"><c r="B1" s="100"/></row></sheetData></worksheet>',
    ],
    [
      'a self-closing row',
      wrap('<row r="4" ht="20" customHeight="1"/>'),
      [[3, 0]],
      wrap('<row r="4" ht="20" customHeight="1"><c r="A4" s="100"/></row>'),
    ],
    [
      'rows and cells without r attributes are counted',
      wrap('<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'),
      [
        [1, 0],
        [0, 1],
      ],
      wrap('<row><c><v>1</v></c><c s="100"><v>2</v></c></row><row><c s="100"><v>3</v></c></row>'),
    ],
    [
      'spans grow to cover a new cell',
      wrap('<row r="1" spans="1:2"><c r="A1"/></row>'),
      [[0, 4]],
      wrap('<row r="1" spans="1:5"><c r="A1"/><c r="E1" s="100"/></row>'),
    ],
    [
      "a new cell takes its formatted row's style",
      wrap('<row r="1" s="7" customFormat="1"><c r="A1"/></row>'),
      [[0, 1]],
      wrap('<row r="1" s="7" customFormat="1"><c r="A1"/><c r="B1" s="107"/></row>'),
    ],
    [
      "a new cell takes its column's style",
      wrap('<row r="1"><c r="A1"/></row>', '<cols><col min="2" max="3" width="9" style="5"/></cols>'),
      [[0, 2]],
      wrap('<row r="1"><c r="A1"/><c r="C1" s="105"/></row>', '<cols><col min="2" max="3" width="9" style="5"/></cols>'),
    ],
    [
      'two new cells before one marked cell keep column order',
      wrap('<row r="1"><c r="D1" s="2"/></row>'),
      [
        [0, 3],
        [0, 1],
        [0, 0],
      ],
      wrap('<row r="1"><c r="A1" s="100"/><c r="B1" s="100"/><c r="D1" s="102"/></row>'),
    ],
  ] as [string, string, [number, number][], string][])('%s', (_, xml, cells, expected) => {
    expect(
      restyleCells(
        xml,
        '',
        cells.map(([row, col]) => ({ row, col })),
        plus100,
      ),
    ).toBe(expected);
  });

  test('the dimension grows to cover new cells', () => {
    const xml = '<worksheet><dimension ref="A1:C3"/><sheetData><row r="1"><c r="A1"/></row></sheetData></worksheet>';
    expect(restyleCells(xml, '', [{ row: 9, col: 4 }], plus100)).toBe(
      '<worksheet><dimension ref="A1:E10"/><sheetData><row r="1"><c r="A1"/></row><row r="10"><c r="E10" s="100"/></row></sheetData></worksheet>',
    );
  });

  test('a prefixed (x:) worksheet keeps its prefix', () => {
    const xml = '<x:worksheet><x:sheetData><x:row r="1"><x:c r="B1"/></x:row></x:sheetData></x:worksheet>';
    expect(
      restyleCells(
        xml,
        'x:',
        [
          { row: 0, col: 0 },
          { row: 0, col: 1 },
        ],
        plus100,
      ),
    ).toBe(
      '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" s="100"/><x:c r="B1" s="100"/></x:row></x:sheetData></x:worksheet>',
    );
  });

  test('<col> and <cols> elements are not mistaken for cells', () => {
    const xml = wrap('<row r="1"><c r="A1"><f>C1</f><v>1</v></c></row>', '<cols><col min="1" max="1" width="3"/></cols>');
    expect(restyleCells(xml, '', [{ row: 0, col: 0 }], plus100)).toBe(
      wrap('<row r="1"><c r="A1" s="100"><f>C1</f><v>1</v></c></row>', '<cols><col min="1" max="1" width="3"/></cols>'),
    );
  });
});

describe('MarkStyles: a copy of the cell format with a fill', () => {
  const styles =
    '<styleSheet><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="10" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf></cellXfs></styleSheet>';

  test('clones the base format whole, points it at one fill per severity, counts updated', () => {
    const m = new MarkStyles(styles, '');
    expect(m.xfFor(1, 'error')).toBe(2);
    expect(m.xfFor(1, 'error')).toBe(2);
    expect(m.xfFor(0, 'error')).toBe(3);
    expect(m.xfFor(1, 'warning')).toBe(4);
    expect(m.toXml()).toBe(
      '<styleSheet><fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
        '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>' +
        '<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill></fills>' +
        '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="10" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf>' +
        '<xf numFmtId="10" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center"/></xf>' +
        '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>' +
        '<xf numFmtId="10" fontId="1" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center"/></xf>' +
        '</cellXfs></styleSheet>',
    );
  });

  test('with nothing asked, styles.xml is returned as it was', () => {
    expect(new MarkStyles(styles, '').toXml()).toBe(styles);
  });
});

describe('addNotesToComments', () => {
  test("a user's plain-text note becomes a run, ours follows; our author is added once", () => {
    const existing =
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>张三</author></authors>' +
      '<commentList><comment ref="A1" authorId="0"><text><t>原有批注</t></text></comment></commentList></comments>';
    const { xml, added, extended } = addNotesToComments(existing, [
      { row: 0, col: 0, text: 'ScoreCheck: 甲' },
      { row: 1, col: 1, text: 'ScoreCheck: 乙' },
    ]);
    const run = (t: string) => `<r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">${t}</t></r>`;
    expect(xml).toBe(
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>张三</author><author>ScoreCheck</author></authors>' +
        `<commentList><comment ref="A1" authorId="0"><text><r><t>原有批注</t></r>${run('\n\nScoreCheck: 甲')}</text></comment>` +
        `<comment ref="B2" authorId="1"><text>${run('ScoreCheck: 乙')}</text></comment></commentList></comments>`,
    );
    expect(added).toEqual([{ row: 1, col: 1, text: 'ScoreCheck: 乙' }]);
    expect(extended).toEqual([{ row: 0, col: 0, lines: 2 }]);
  });

  test('text is escaped', () => {
    const { xml } = addNotesToComments(undefined, [{ row: 0, col: 0, text: 'a < b & "c"' }]);
    expect(xml).toContain('<t xml:space="preserve">a &lt; b &amp; &quot;c&quot;</t>');
  });

  test('new VML shapes take ids after the existing ones and add the note shapetype when missing', () => {
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="3"/></o:shapelayout><v:shape id="_x0000_s3073" type="#_x0000_t201"></v:shape></xml>';
    const out = addNoteShapes(vml, [{ row: 4, col: 2, text: 'x' }], [], 9);
    expect(out).toContain('<v:shapetype id="_x0000_t202"');
    expect(out).toContain('<v:shape id="_x0000_s3074" type="#_x0000_t202"');
    expect(out).toContain('<x:Row>4</x:Row><x:Column>2</x:Column>');
    expect(out.startsWith(vml.slice(0, -'</xml>'.length))).toBe(true);
  });
});

describe('displayedNumberText: what Excel shows for simple formats', () => {
  test.each([
    [0.8793, '0.00%', '87.93%'],
    [0.87925, '0.00%', '87.93%'],
    [1.005, '0.00', '1.01'],
    [2.5, '0', '3'],
    [-2.5, '0', '-3'],
    [65240247.04, '#,##0.00', '65,240,247.04'],
    [-1234.5, '#,##0', '-1,235'],
    [-0.001, '0.00', '0.00'],
    [16, '0.0', '16.0'],
    [1, '0%', '100%'],
  ])('%p as %s → %s', (value, fmt, text) => {
    expect(displayedNumberText(value, fmt)).toBe(text);
  });
  test.each([['General'], ['yyyy-mm-dd'], ['#,##0.00_ ;-#,##0.00 '], ['0.00"万元"'], [undefined]])('%p is not guessed', (fmt) => {
    expect(displayedNumberText(1.5, fmt)).toBeUndefined();
  });
});
