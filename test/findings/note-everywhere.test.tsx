/**
 * Issue 10: a finding's note reads the same wherever a marked cell shows it.
 * Real findings (checkWorkbook on fixtures; one cell with an error and a
 * warning on it), in both languages, as each front end puts them out:
 * - Excel: the note OfficeExcelHost writes, over the Office.js double;
 * - the marked copy: the note writeMarkedCopy puts in the copy's comments
 *   part, read back from the zip;
 * - the page: SheetPanel (what WebApp renders for the shown sheet, its marks
 *   made as WebApp makes them), the selected cell's note below the grid and
 *   the grid cell's title, with the `D11 — ` the note box puts before it
 *   taken off.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { TextDecoder, TextEncoder } from 'util';
import { render, screen } from '@testing-library/react';
import { unzipSync } from 'fflate';
import { checkWorkbook, rangeToA1, type Lang, type Sheet, type WorkbookResult } from '../../src/core';
import { OfficeExcelHost } from '../../src/excel/excel-host';
import { nodeZlib } from '../../src/file/node-zlib';
import { readWorkbook } from '../../src/file/read-workbook';
import { writeMarkedCopy } from '../../src/file/write-marked-copy';
import { SheetPanel } from '../../src/web/SheetPanel';
import { findingsByCell } from '../../src/core';
import { resultForSheet } from '../../src/web/sheet-result';
import { FakeExcel, type FakeCell } from '../excel/fake-excel';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** D11 of gz2021-overall-formulas: =SUM(F11:F16) gives 13 where F11:F17 sum to 16; the error comes first. */
const D11_NOTE: Record<Lang, string> = {
  'zh-CN':
    '[ScoreCheck]\n[错误] 资金管理（D11）为 13，但 F11:F17 合计 16。\n[警告] 资金管理（D11）的公式 =SUM(F11:F16) 漏掉了 F17。',
  'en-US':
    '[ScoreCheck]\n[error] 资金管理 (D11) = 13, but F11:F17 sum to 16.\n[warning] The formula =SUM(F11:F16) in 资金管理 (D11) leaves out F17.',
};

async function checked(fixture: string): Promise<{ bytes: Buffer; sheet: Sheet; result: WorkbookResult }> {
  const bytes = readFileSync(join(FIXTURES, fixture));
  const workbook = await readWorkbook(bytes, fixture);
  const result = checkWorkbook(workbook);
  // One sheet with findings: the copy's comments part is that sheet's.
  const marked = new Set(result.findings.map((f) => f.sheet));
  expect(marked.size).toBe(1);
  const sheet = workbook.sheets.find((s) => marked.has(s.name))!;
  return { bytes, sheet, result };
}

/** Excel: the notes OfficeExcelHost writes on the sheet, loaded into the double as the grid reads. */
async function excelNotes(sheet: Sheet, result: WorkbookResult, lang: Lang): Promise<Map<string, string>> {
  const fake = new FakeExcel('1.20');
  fake.addSheet(sheet.name, {
    rows: sheet.rows.map((row) =>
      (row ?? []).map((c): FakeCell | undefined =>
        c
          ? { value: c.value, ...(c.formula ? { formula: c.formula } : {}), ...(c.numFmt ? { numberFormat: c.numFmt } : {}) }
          : undefined,
      ),
    ),
    merges: sheet.merges.map((m) => rangeToA1(m)),
  });
  const host = new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang });
  await host.validate(() => result);
  return fake.sheet(sheet.name).notes;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The marked copy: each comment's text runs joined, by cell, from the copy's comments parts. */
async function copyNotes(bytes: Buffer, result: WorkbookResult, lang: Lang): Promise<Map<string, string>> {
  const copy = unzipSync(await writeMarkedCopy(bytes, result.findings, lang, nodeZlib));
  const notes = new Map<string, string>();
  for (const [name, data] of Object.entries(copy)) {
    if (!/^xl\/(.*\/)?comments[^/]*\.xml$/i.test(name)) continue;
    const xml = Buffer.from(data).toString('utf8');
    for (const [, ref, body] of xml.matchAll(
      /<(?:\w+:)?comment\b[^>]*\bref="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/(?:\w+:)?comment>/g,
    )) {
      const runs = [...body.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((m) => unescapeXml(m[1]));
      notes.set(ref, runs.join(''));
    }
  }
  return notes;
}

/** The page: for each cell, the note box under the grid and the grid cell's title, with that cell selected. */
function pageNotes(
  fileName: string,
  sheet: Sheet,
  result: WorkbookResult,
  lang: Lang,
): Map<string, { box: string; title: string | null }> {
  const marks = findingsByCell(resultForSheet(result, sheet.name).findings);
  const props = { lang, fileName, sheet, marks, onSelectCell: () => undefined };
  const { rerender, unmount } = render(<SheetPanel {...props} />);
  const notes = new Map<string, { box: string; title: string | null }>();
  for (const cell of marks.keys()) {
    rerender(<SheetPanel {...props} selected={cell} />);
    const box = screen.getByTestId('cell-note').textContent ?? '';
    expect(box.startsWith(`${cell} — `)).toBe(true);
    const drawn = screen.getByTestId('sheet-grid').querySelector(`[data-cell="${cell}"]`);
    notes.set(cell, { box: box.slice(`${cell} — `.length), title: drawn ? drawn.getAttribute('title') : null });
  }
  unmount();
  return notes;
}

describe('one note text in Excel, the marked copy and the page', () => {
  // jsdom lays nothing out: give the grid a tall window so it draws every row of the forms, and a no-op scroll.
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const scrollTo = Element.prototype.scrollTo;
  beforeAll(() => {
    // The page reads workbooks with the browser's TextDecoder, which jsdom lacks; Node's is the same API.
    Object.assign(globalThis, { TextDecoder, TextEncoder });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 4000 });
    Element.prototype.scrollTo = () => undefined;
  });
  afterAll(() => {
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
    Element.prototype.scrollTo = scrollTo;
  });

  const cases: [string, Lang][] = [
    ['gz2021-overall-formulas.xlsx', 'zh-CN'],
    ['gz2021-overall-formulas.xlsx', 'en-US'],
    ['project-form-errors.xlsx', 'zh-CN'],
    ['project-form-errors.xlsx', 'en-US'],
  ];

  it.each(cases)('%s in %s: every marked cell’s note is the same text in all three', async (fixture, lang) => {
    const { bytes, sheet, result } = await checked(fixture);
    const cells = [...new Set(result.findings.map((f) => f.cell))].sort();
    const excel = await excelNotes(sheet, result, lang);
    const copy = await copyNotes(bytes, result, lang);
    const page = pageNotes(fixture, sheet, result, lang);

    expect([...excel.keys()].sort()).toEqual(cells);
    expect([...copy.keys()].sort()).toEqual(cells);
    expect([...page.keys()].sort()).toEqual(cells);
    for (const cell of cells) {
      const excelNote = excel.get(cell);
      expect({ cell, copy: copy.get(cell), pageBox: page.get(cell)!.box, gridTitle: page.get(cell)!.title }).toEqual({
        cell,
        copy: excelNote,
        pageBox: excelNote,
        gridTitle: excelNote,
      });
    }
    if (fixture === 'gz2021-overall-formulas.xlsx') expect(excel.get('D11')).toBe(D11_NOTE[lang]);
  });
});
