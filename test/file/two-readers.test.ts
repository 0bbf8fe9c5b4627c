/**
 * Issue 11: the package reader gives the same grid as exceljs, an
 * independent reader, on every fixture workbook — the Guangzhou layouts,
 * the national variants, the LibreOffice re-saves and the generated ones.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { readWorkbook } from '../../src/file/read-workbook';
import { readWithExcelJS } from './helpers/exceljs-reader';

const root = join(__dirname, '..', 'fixtures');

function workbooksUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? workbooksUnder(join(dir, d.name)) : /\.xls[xm]$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

const files = workbooksUnder(root);

test('the fixtures are there to compare', () => {
  expect(files.length).toBeGreaterThanOrEqual(42);
});

test.each(files.map((f) => [relative(root, f), f]))('%s: same grid from both readers', async (_name, file) => {
  const bytes = readFileSync(file);
  const [ours, theirs] = await Promise.all([readWorkbook(bytes, file), readWithExcelJS(bytes, file)]);
  expect(ours).toEqual(theirs);
});
