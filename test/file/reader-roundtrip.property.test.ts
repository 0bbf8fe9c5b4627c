/**
 * Issue 11: random sheets written by exceljs (and, for a few, re-saved by
 * LibreOffice) read back by the package reader give what was written, and
 * the same grid as the exceljs reader. Values: numbers (finite, of every
 * magnitude), strings (CJK, XML specials, underscores, edge spaces),
 * booleans, errors, formulas with cached results, number formats, merges.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readWorkbook } from '../../src/file/read-workbook';
import { readWithExcelJS } from './helpers/exceljs-reader';

type Written = number | string | boolean | { error: string } | { formula: string; result: number };

/** Characters XML 1.0 cannot carry: a cell never holds them. */
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const value: fc.Arbitrary<Written> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((x) => !Object.is(x, -0)),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom('分值', '得分', '<&>"\'', ' 两端空格 ', '_x_ 不是转义', '一、产出指标', '100%', '2. 0', '≥95%'),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' && !NOT_IN_XML.test(s)),
  fc.boolean(),
  fc.constantFrom({ error: '#DIV/0!' }, { error: '#REF!' }, { error: '#N/A' }),
  fc.integer({ min: 1, max: 9 }).map((n) => ({ formula: `A1*${n}`, result: n })),
);

const numFmt = fc.constantFrom(undefined, '0.00', '#,##0.00', '0.00%', '0%', '0.0');

// exceljs writes `_x000D_` unescaped, which Excel (and this reader) read as a carriage return: not drawn here.
const sheetSpec: fc.Arbitrary<SheetSpec> = fc.record({
  cells: fc.array(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 12 }), value, numFmt }), {
    minLength: 1,
    maxLength: 60,
  }),
  merge: fc.option(
    fc.record({
      row: fc.integer({ min: 41, max: 50 }),
      col: fc.integer({ min: 1, max: 10 }),
      h: fc.integer({ min: 0, max: 2 }),
      w: fc.integer({ min: 1, max: 3 }),
    }),
  ),
});

interface SheetSpec {
  cells: { row: number; col: number; value: Written; numFmt: string | undefined }[];
  merge: { row: number; col: number; h: number; w: number } | null;
}

async function writeWithExcelJS(spec: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value as ExcelJS.CellValue;
    if (c.numFmt) cell.numFmt = c.numFmt;
  }
  if (spec.merge) {
    const m = spec.merge;
    ws.getCell(m.row, m.col).value = '合并';
    ws.mergeCells(m.row, m.col, m.row + m.h, m.col + m.w);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('random sheets written by exceljs', () => {
  test('read back as written, and as the exceljs reader reads them', async () => {
    await fc.assert(
      fc.asyncProperty(sheetSpec, async (spec) => {
        const bytes = await writeWithExcelJS(spec);
        const ours = await readWorkbook(bytes, 'p.xlsx');
        expect(ours).toEqual(await readWithExcelJS(bytes, 'p.xlsx'));
        // The last write to each address is what the sheet holds.
        const last = new Map(spec.cells.map((c) => [`${c.row},${c.col}`, c]));
        const merged = spec.merge;
        for (const c of last.values()) {
          const hidden =
            merged &&
            c.row >= merged.row &&
            c.row <= merged.row + merged.h &&
            c.col >= merged.col &&
            c.col <= merged.col + merged.w;
          if (hidden) continue;
          const got = ours.sheets[0].rows[c.row - 1]?.[c.col - 1];
          const want = typeof c.value === 'object' && 'formula' in c.value ? c.value.result : c.value;
          expect(got?.value).toEqual(want);
        }
      }),
      { numRuns: 60, seed: 20261201 },
    );
  }, 120_000);
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

// LibreOffice re-saves a handful of them (one soffice run for all): its writer, its shared strings.
(soffice ? describe : describe.skip)('random sheets re-saved by LibreOffice', () => {
  test('read the same by both readers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecheck-lo-'));
    try {
      const specs = fc.sample(sheetSpec, { numRuns: 6, seed: 7 });
      const files = await Promise.all(
        specs.map(async (spec, i) => {
          const file = join(dir, `in${i}.xlsx`);
          writeFileSync(file, await writeWithExcelJS(spec));
          return file;
        }),
      );
      const out = join(dir, 'out');
      execFileSync(
        soffice!,
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          out,
          ...files,
        ],
        { stdio: 'ignore', timeout: 240_000 },
      );
      for (let i = 0; i < files.length; i++) {
        const bytes = readFileSync(join(out, `in${i}.xlsx`));
        expect(await readWorkbook(bytes, `lo${i}.xlsx`)).toEqual(await readWithExcelJS(bytes, `lo${i}.xlsx`));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
