import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/core/findings/finding';
import { writeMarkedCopy } from '../../src/file/write-marked-copy';
import { readWorkbook } from '../../src/file/read-workbook';
import { buildRichXlsx, moveNotesLikeOpenpyxl, unzipParts, USER_NOTE } from './helpers/build-workbooks';
import { compareAsInsertions } from './helpers/xml-diff';

const FIXTURES = join(__dirname, '..', 'fixtures');

function finding(
  cell: string,
  severity: Finding['severity'],
  zh: string,
  en: string,
  expected?: string,
  sheet = '自评表',
): Finding {
  return { sheet, cell, rule: 'weight-sum', severity, message: { 'zh-CN': zh, 'en-US': en }, expected };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill && fill.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
}

/** exceljs keeps them on the sheet but leaves them out of its typings. */
function conditionalFormatsOf(ws: ExcelJS.Worksheet): unknown[] {
  return (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
}

function noteOf(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as unknown;
  if (note === undefined) return undefined;
  if (typeof note === 'string') return note;
  return (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
}

/** The parts a marked copy may touch when it marks 自评表 only (sheet1). */
const TOUCHABLE = new Set([
  '[Content_Types].xml',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/_rels/sheet1.xml.rels',
  'xl/comments1.xml',
  'xl/drawings/vmlDrawing1.vml',
]);

// D5 (shares its style with D6) gets two findings; B3 holds a user's note;
// E9 lies in a row the sheet XML lacks (a new row after the last); H2 lies
// right of the last cell of an existing row (a new cell at the row's end).
const FINDINGS: Finding[] = [
  finding('D5', 'error', 'D5 = 17，但 D3:D4 之和为 16', 'D5 = 17, but D3:D4 sum to 16', '16'),
  finding('D5', 'warning', 'D5 的公式范围漏掉了一行', 'the formula in D5 leaves out a row'),
  finding('B3', 'error', 'B3 = 50，但一级指标分值之和为 30', 'B3 = 50, but the level-1 weights sum to 30', '30'),
  finding('E9', 'warning', 'E9 是以文本存储的数字', 'E9 is a number stored as text'),
  finding('H2', 'info', 'H2 的值无法识别', 'H2 could not be understood'),
];

describe('writeMarkedCopy on a workbook with a chart, an image, a note, validation, a conditional format and a defined name', () => {
  let original: Uint8Array;
  let marked: Uint8Array;
  beforeAll(async () => {
    original = await buildRichXlsx();
    marked = await writeMarkedCopy(original, FINDINGS, 'zh-CN');
  });

  test('each marked cell has the fill of its most severe finding', async () => {
    const ws = (await load(marked)).getWorksheet('自评表')!;
    expect(fillOf(ws.getCell('D5'))).toBe('FFFFC7CE');
    expect(fillOf(ws.getCell('B3'))).toBe('FFFFC7CE');
    expect(fillOf(ws.getCell('E9'))).toBe('FFFFEB9C');
    expect(fillOf(ws.getCell('H2'))).toBe('FFDDEBF7');
  });

  test('a cell that shared its style with a marked cell is not repainted, and the marked cell keeps font, border and format', async () => {
    const ws = (await load(marked)).getWorksheet('自评表')!;
    const before = (await load(original)).getWorksheet('自评表')!;
    expect(fillOf(ws.getCell('D6'))).toBeUndefined();
    expect(ws.getCell('D6').style).toEqual(before.getCell('D6').style);
    expect(ws.getCell('D5').font).toEqual({ bold: true, name: '宋体', size: 11 });
    expect(ws.getCell('D5').border).toEqual(before.getCell('D5').border);
    expect(ws.getCell('D5').numFmt).toBe('0.00');
    expect(ws.getCell('D5').value).toBe(17);
  });

  test('one note per cell lists all its findings, in the chosen language, with the expected value', async () => {
    const ws = (await load(marked)).getWorksheet('自评表')!;
    expect(noteOf(ws.getCell('D5'))).toBe('[ScoreCheck]\n[错误] D5 = 17，但 D3:D4 之和为 16\n[警告] D5 的公式范围漏掉了一行');
    expect(noteOf(ws.getCell('E9'))).toBe('[ScoreCheck]\n[警告] E9 是以文本存储的数字');
  });

  test("a user's note is kept, with ours appended below it", async () => {
    const ws = (await load(marked)).getWorksheet('自评表')!;
    expect(noteOf(ws.getCell('B3'))).toBe(`${USER_NOTE}\n\n[ScoreCheck]\n[错误] B3 = 50，但一级指标分值之和为 30`);
  });

  test('values, merges, widths, validation, conditional formats, defined names and the image survive', async () => {
    const before = await load(original);
    const after = await load(marked);
    const [b, a] = [before.getWorksheet('自评表')!, after.getWorksheet('自评表')!];
    for (let r = 1; r <= 7; r++) {
      for (let c = 1; c <= 5; c++) expect(a.getCell(r, c).value).toEqual(b.getCell(r, c).value);
    }
    expect(a.getCell('E9').value).toBeNull();
    expect(a.model.merges.sort()).toEqual(['A1:E1', 'C3:C4']);
    expect(a.columns.map((c) => c.width)).toEqual([14, 8, 20, 8, 10, undefined, undefined, undefined]);
    expect(a.getCell('E3').dataValidation).toEqual(b.getCell('E3').dataValidation);
    expect(conditionalFormatsOf(a)).toEqual(conditionalFormatsOf(b));
    expect(conditionalFormatsOf(a)).toHaveLength(1);
    expect(after.definedNames.model).toEqual(before.definedNames.model);
    expect(a.getImages().map((i) => i.range.tl.nativeCol)).toEqual([6]);
  });

  test('every part but the ones marking needs is byte-identical, and nothing is lost', async () => {
    const before = await unzipParts(original);
    const after = await unzipParts(marked);
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([]);
    const changed = [...before].filter(([name, bytes]) => !after.get(name)?.equals(bytes)).map(([name]) => name);
    // The sheet already had notes: its rels and the content types need nothing new.
    expect(changed.sort()).toEqual([
      'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    // The chart, its drawing and the unknown customXml part, by name.
    expect(after.get('xl/charts/chart1.xml')!.equals(before.get('xl/charts/chart1.xml')!)).toBe(true);
    expect(after.get('customXml/item1.xml')!.toString()).toBe('<scorecheck-test>keep me</scorecheck-test>');
  });

  test('in the touched parts, nothing but additions changed', async () => {
    const before = await unzipParts(original);
    const after = await unzipParts(marked);
    const text = (m: Map<string, Buffer>, n: string) => m.get(n)!.toString('utf8');
    const counts = (x: string) => x.replace(/ count="\d+"/g, ' count=""');
    // Marked cells change their `s` (or gain one): compare them without it.
    const unstyle = (x: string) =>
      x
        .replace(/<c r="(D5|B3|E9|H2)"( s="\d+")?/g, '<c r="$1"')
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension/>')
        .replace(/ spans="[^"]*"/g, '');
    for (const name of TOUCHABLE) {
      const [b, a] = [text(before, name), text(after, name)];
      // The user's note box is made taller to show our text: its anchor is checked below.
      const anchors = (x: string) => x.replace(/<x:Anchor>[^<]*<\/x:Anchor>/g, '<x:Anchor/>');
      const norm = name === 'xl/worksheets/sheet1.xml' ? (x: string) => unstyle(counts(x)) : (x: string) => anchors(counts(x));
      const result = compareAsInsertions(norm(b), norm(a));
      expect({ name, missing: result.missing }).toEqual({ name, missing: [] });
    }
    const anchorOf = (vml: string) => /<x:Anchor>([^<]*)<\/x:Anchor>/.exec(vml)![1].split(',').map(Number);
    const [oldBox, newBox] = [
      anchorOf(text(before, 'xl/drawings/vmlDrawing1.vml')),
      anchorOf(text(after, 'xl/drawings/vmlDrawing1.vml')),
    ];
    expect(newBox.slice(0, 6)).toEqual(oldBox.slice(0, 6));
    expect(newBox[6]).toBeGreaterThan(oldBox[6]);
    // What styles.xml gained: three fills and one new format per (old format, severity).
    const styles = compareAsInsertions(counts(text(before, 'xl/styles.xml')), counts(text(after, 'xl/styles.xml')));
    expect(styles.inserted.filter((t) => t.startsWith('<fgColor')).sort()).toEqual([
      '<fgColor rgb="FFDDEBF7"/>',
      '<fgColor rgb="FFFFC7CE"/>',
      '<fgColor rgb="FFFFEB9C"/>',
    ]);
    // D5 (format 1, error), B3 (format 0, error), E9 (new cell, format 0, warning), H2 (format 0, info).
    expect(styles.inserted.filter((t) => t.startsWith('<xf '))).toHaveLength(4);
  });

  test('the copy reads back into the same grid, values and formulas unchanged', async () => {
    const before = await readWorkbook(original, 'a.xlsx');
    const after = await readWorkbook(marked, 'a.xlsx');
    const strip = (rows: (typeof before.sheets)[0]['rows']) =>
      rows.map((r) => r.map((c) => (c ? { value: c.value, formula: c.formula } : undefined)));
    // E9 and H2 are new, empty cells: the grid leaves empty cells out.
    expect(strip(after.sheets[0].rows)).toEqual(strip(before.sheets[0].rows));
    expect(after.sheets[1]).toEqual(before.sheets[1]);
  });
});

describe('writeMarkedCopy, other shapes of input', () => {
  test('no findings: the bytes come back unchanged', async () => {
    const original = await buildRichXlsx();
    const copy = await writeMarkedCopy(original, [], 'en-US');
    expect(Buffer.compare(Buffer.from(copy), Buffer.from(original))).toBe(0);
  });

  test('findings on a sheet the workbook lacks are ignored', async () => {
    const original = await buildRichXlsx();
    const copy = await writeMarkedCopy(original, [finding('A1', 'error', '甲', 'a', undefined, 'Nope')], 'en-US');
    expect(Buffer.compare(Buffer.from(copy), Buffer.from(original))).toBe(0);
  });

  test('a sheet without notes gets a new comments part and VML drawing, in English', async () => {
    const original = await buildRichXlsx();
    const copy = await writeMarkedCopy(
      original,
      [
        finding('A1', 'error', '甲', 'The title is wrong', 'X', '说明'),
        finding('C2', 'warning', '乙', 'C2 odd', undefined, '说明'),
      ],
      'en-US',
    );
    const parts = await unzipParts(copy);
    expect(parts.has('xl/comments2.xml')).toBe(true);
    expect(parts.has('xl/drawings/vmlDrawing2.vml')).toBe(true);
    // The first VML uses id block 1: the new one takes the next.
    expect(parts.get('xl/drawings/vmlDrawing2.vml')!.toString()).toContain('<o:idmap v:ext="edit" data="2"/>');
    expect(parts.get('[Content_Types].xml')!.toString()).toContain('<Override PartName="/xl/comments2.xml"');
    const ws = (await load(copy)).getWorksheet('说明')!;
    expect(noteOf(ws.getCell('A1'))).toBe('[ScoreCheck]\n[error] The title is wrong (expected X)');
    expect(noteOf(ws.getCell('C2'))).toBe('[ScoreCheck]\n[warning] C2 odd');
    expect(ws.getCell('A1').value).toBe('填表说明');
    expect(fillOf(ws.getCell('A1'))).toBe('FFFFC7CE');
    // The other sheet and its note are untouched.
    expect(noteOf((await load(copy)).getWorksheet('自评表')!.getCell('B3'))).toBe(USER_NOTE);
  });

  test('notes stored where openpyxl puts them are extended in place', async () => {
    const original = await moveNotesLikeOpenpyxl(await buildRichXlsx());
    const copy = await writeMarkedCopy(original, [finding('B3', 'error', '分值有误', 'wrong weight', '30')], 'zh-CN');
    const parts = await unzipParts(copy);
    expect(parts.has('xl/comments1.xml')).toBe(false);
    const comments = parts.get('xl/comments/comment1.xml')!.toString();
    expect(comments).toContain(USER_NOTE);
    expect(comments).toContain('[ScoreCheck]\n[错误] 分值有误（应为 30）');
    // It still reads (through the guarded loader).
    const grid = await readWorkbook(copy, 'openpyxl.xlsx');
    expect(grid.sheets[0].rows[2][1]?.value).toBe(50);
  });

  test('a LibreOffice-saved workbook keeps its chart, image, note, validation and conditional format', async () => {
    const original = new Uint8Array(readFileSync(join(FIXTURES, 'generated', 'libreoffice-rich.xlsx')));
    const copy = await writeMarkedCopy(original, FINDINGS, 'en-US');
    const before = await unzipParts(original);
    const after = await unzipParts(copy);
    for (const [name, bytes] of before) {
      if (!TOUCHABLE.has(name)) expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({ name, same: true });
    }
    const wb = await load(copy);
    const ws = wb.getWorksheet('自评表')!;
    expect(noteOf(ws.getCell('B3'))).toBe(`${USER_NOTE}\n\n[ScoreCheck]\n[error] B3 = 50, but the level-1 weights sum to 30`);
    expect(fillOf(ws.getCell('D5'))).toBe('FFFFC7CE');
    expect(fillOf(ws.getCell('D6'))).toBeUndefined();
    expect(ws.getCell('E3').dataValidation?.type).toBe('decimal');
    expect(conditionalFormatsOf(ws)).toHaveLength(1);
    expect(wb.definedNames.model.map((d) => d.name)).toEqual(['Scores']);
    expect(ws.getImages()).toHaveLength(1);
    const sheetXml = after.get('xl/worksheets/sheet1.xml')!.toString();
    const before1 = before.get('xl/worksheets/sheet1.xml')!.toString();
    // LibreOffice's own attributes on the marked cell's row stay as they were.
    expect(sheetXml).toContain(/<row r="5"[^>]*>/.exec(before1)![0]);
  });

  test('a fixture written by openpyxl with inline strings is marked and reads back', async () => {
    const original = new Uint8Array(readFileSync(join(FIXTURES, 'gz2021-overall-errors.xlsx')));
    const grid = await readWorkbook(original, 'x.xlsx');
    const sheet = grid.sheets[0].name;
    const copy = await writeMarkedCopy(
      original,
      [finding('D11', 'error', '分值之和不符', 'weights do not add up', '16', sheet)],
      'zh-CN',
    );
    const after = await readWorkbook(copy, 'x.xlsx');
    expect(after).toEqual(grid);
    const ws = (await load(copy)).getWorksheet(sheet)!;
    expect(fillOf(ws.getCell('D11'))).toBe('FFFFC7CE');
    expect(noteOf(ws.getCell('D11'))).toBe('[ScoreCheck]\n[错误] 分值之和不符（应为 16）');
  });
});

/** Format 0's font in workbooks exceljs writes. */
const DEFAULT_FONT = { color: { theme: 1 }, family: 2, name: 'Calibri', scheme: 'minor', size: 11 };

describe('writeMarkedCopy, property: only the marked cells change, and only by their fill and note', () => {
  test('random cells and severities on the form sheet', async () => {
    const fc = await import('fast-check');
    const original = await buildRichXlsx();
    const before = (await load(original)).getWorksheet('自评表')!;
    const cell = fc.record({
      row: fc.integer({ min: 1, max: 12 }),
      col: fc.integer({ min: 1, max: 8 }),
      severity: fc.constantFrom<Finding['severity']>('error', 'warning', 'info'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 6 }), async (cells) => {
        const findings = cells.map((c) => {
          const a1 = `${String.fromCharCode(64 + c.col)}${c.row}`;
          return finding(a1, c.severity, `${a1} 有误`, `${a1} is wrong`);
        });
        const after = (await load(await writeMarkedCopy(original, findings, 'en-US'))).getWorksheet('自评表')!;
        const marked = new Set(findings.map((f) => f.cell));
        for (let r = 1; r <= 12; r++) {
          for (let c = 1; c <= 8; c++) {
            const [b, a] = [before.getCell(r, c), after.getCell(r, c)];
            expect(a.value).toEqual(b.value);
            if (!marked.has(a.address)) {
              expect(a.style).toEqual(b.style);
              expect(a.note).toEqual(b.note);
              continue;
            }
            // A cell without a format shows format 0; marked, it gets a copy of format 0,
            // which exceljs then reports explicitly (its default font, no borders).
            const { fill: _after, ...restAfter } = a.style;
            const { fill: _before, ...restBefore } = b.style;
            expect(restAfter).toEqual({ font: DEFAULT_FONT, border: {}, ...restBefore });
            expect(fillOf(a)).toBeDefined();
            const note = noteOf(a)!;
            if (a.address === 'B3') expect(note.startsWith(`${USER_NOTE}\n\n[ScoreCheck]`)).toBe(true);
            else expect(note.startsWith('[ScoreCheck]')).toBe(true);
          }
        }
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});
