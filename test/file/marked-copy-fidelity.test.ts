/**
 * Issue 11/14: the marked copy is the original package with a few parts
 * rewritten. Compared at the zip level, entry by entry: every entry the
 * copy does not change keeps its stored bytes (local header, compressed
 * data) and its place, duplicates and directory entries included; nothing
 * external is written; what cannot be marked faithfully is refused.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkWorkbook, type Finding } from '../../src/core';
import { inspectWorkbookBytes } from '../../src/file/inspect-package';
import { isMarkedCopyError } from '../../src/file/marked-copy-error';
import { nodeZlib } from '../../src/file/node-zlib';
import { readWorkbook } from '../../src/file/read-workbook';
import { writeMarkedCopy } from '../../src/file/write-marked-copy';
import { ZipPackage } from '../../src/file/zip-package';
import { readWithExcelJS } from './helpers/exceljs-reader';
import { buildZip, minimalXlsx, sheetXml, type RawEntry } from './helpers/raw-zip';

const FIXTURES = join(__dirname, '..', 'fixtures');

function open(bytes: Uint8Array): ZipPackage {
  return new ZipPackage(bytes, inspectWorkbookBytes(bytes, 't.xlsx'), 't.xlsx');
}

/** Each entry's name and stored bytes, in file order. */
function storedEntries(bytes: Uint8Array): { name: string; stored: Buffer }[] {
  const pkg = open(bytes);
  return pkg.entries.map((e) => ({ name: e.name, stored: Buffer.from(pkg.rawData(e)) }));
}

function finding(sheet: string, cell: string): Finding {
  return {
    sheet,
    cell,
    rule: 'weight-sum',
    severity: 'error',
    message: { 'zh-CN': `${cell} 有误`, 'en-US': `${cell} is wrong` },
  };
}

/** The parts marking sheet1 may change or add (the workbook's rels only to add a missing styles part). */
const MARKING_PARTS =
  /^(\[Content_Types\]\.xml|xl\/styles\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/sheet1\.xml|xl\/worksheets\/_rels\/sheet1\.xml\.rels|xl\/comments\d*\.xml|xl\/drawings\/vmlDrawing\d*\.vml)$/;

describe.each([['project-form-errors.xlsx'], ['gz2021-overall-errors.xlsx'], ['libreoffice/gz2021-overall-errors.xlsx']])(
  '%s marked with its own findings',
  (name) => {
    const original = readFileSync(join(FIXTURES, name));
    let marked: Uint8Array;
    let findings: Finding[];
    beforeAll(async () => {
      findings = checkWorkbook(await readWorkbook(original, name)).findings;
      marked = await writeMarkedCopy(original, findings, 'zh-CN', nodeZlib);
    });

    test('there is something to mark', () => {
      expect(findings.length).toBeGreaterThan(0);
    });

    test('every entry it does not change keeps its stored bytes and its order', () => {
      const before = storedEntries(original);
      const after = storedEntries(marked);
      const kept = before.filter((e) => !MARKING_PARTS.test(e.name));
      const afterByName = new Map(after.map((e) => [e.name, e.stored]));
      for (const e of kept)
        expect({ name: e.name, same: afterByName.get(e.name)?.equals(e.stored) }).toEqual({ name: e.name, same: true });
      // The original entries come first, in their order; new parts only after them.
      expect(after.slice(0, before.length).map((e) => e.name)).toEqual(before.map((e) => e.name));
      expect(after.slice(before.length).every((e) => MARKING_PARTS.test(e.name))).toBe(true);
    });

    test('reads back, by this reader and by exceljs, with the same values', async () => {
      const ours = await readWorkbook(marked, 'm.xlsx');
      expect(ours).toEqual(await readWorkbook(original, 'o.xlsx'));
      expect(await readWithExcelJS(marked, 'm.xlsx')).toEqual(ours);
    });

    test("CompressionStream (the browser's) and Node's zlib give packages that read the same", async () => {
      const viaStream = await writeMarkedCopy(original, findings, 'zh-CN');
      expect(await readWorkbook(viaStream, 's.xlsx')).toEqual(await readWorkbook(marked, 'm.xlsx'));
    });
  },
);

const CONTENT_TYPES: RawEntry = {
  name: '[Content_Types].xml',
  data:
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
};

/** minimalXlsx's entries without its content types, for packages built entry by entry. */
function packageWith(sheet: string, extra: RawEntry[], withContentTypes = true): Buffer {
  const base = storedNames(minimalXlsx(sheet)).filter((n) => n !== '[Content_Types].xml');
  const pkg = open(minimalXlsx(sheet));
  const entries: RawEntry[] = base.map((n) => ({ name: n, data: Buffer.from(pkg.read(n)!) }));
  return buildZip([...(withContentTypes ? [CONTENT_TYPES] : []), ...entries, ...extra]);
}

function storedNames(bytes: Uint8Array): string[] {
  return open(bytes).entries.map((e) => e.name);
}

const ONE_ROW = sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>');

describe('entries the copy does not change, whatever they are', () => {
  test('a duplicated entry and directory entries stay, byte for byte; no directory is added', async () => {
    const dup: RawEntry = { name: 'docProps/custom.xml', data: '<Properties>first</Properties>' };
    const dup2: RawEntry = { name: 'docProps/custom.xml', data: '<Properties>second</Properties>' };
    const dirs: RawEntry[] = [
      { name: 'xl/', data: '', method: 0 },
      { name: 'docProps/', data: '', method: 0 },
    ];
    const original = packageWith(ONE_ROW, [...dirs, dup, dup2]);
    const marked = await writeMarkedCopy(original, [finding('Sheet1', 'B1')], 'en-US', nodeZlib);
    const before = storedEntries(original);
    const after = storedEntries(marked);
    for (const e of before.filter((x) => !MARKING_PARTS.test(x.name))) {
      expect({ name: e.name, kept: after.some((x) => x.name === e.name && x.stored.equals(e.stored)) }).toEqual({
        name: e.name,
        kept: true,
      });
    }
    expect(after.filter((e) => e.name === 'docProps/custom.xml')).toHaveLength(2);
    expect(after.filter((e) => e.name.endsWith('/')).map((e) => e.name)).toEqual(['xl/', 'docProps/']);
  });

  test('a `>` inside an attribute value does not break the cell it sits on', async () => {
    const sheet = sheetXml(
      '<row r="1" x14ac:note="a>b" xmlns:x14ac="urn:x"><c r="A1" title="1 > 0"><v>1</v></c><c r="B1"><v>2</v></c></row>',
    );
    const marked = await writeMarkedCopy(minimalXlsx(sheet), [finding('Sheet1', 'A1')], 'en-US', nodeZlib);
    const xml = open(marked).text('xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<c r="A1" title="1 > 0" s="1">');
    const wb = await readWorkbook(marked, 'm.xlsx');
    expect(wb.sheets[0].rows[0].map((c) => c?.value)).toEqual([1, 2]);
  });

  test('an external relationship is never followed or written to; the note goes into a part of the package', async () => {
    const rels: RawEntry = {
      name: 'xl/worksheets/_rels/sheet1.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="file:///tmp/scorecheck-outside.xml" TargetMode="External"/>' +
        '</Relationships>',
    };
    const marked = await writeMarkedCopy(packageWith(ONE_ROW, [rels]), [finding('Sheet1', 'B1')], 'en-US', nodeZlib);
    const names = storedNames(marked);
    expect(names.some((n) => n.includes('outside'))).toBe(false);
    expect(names).toContain('xl/comments1.xml');
    const newRels = open(marked).text('xl/worksheets/_rels/sheet1.xml.rels')!;
    expect(newRels).toContain('Target="file:///tmp/scorecheck-outside.xml" TargetMode="External"');
    expect(newRels).toContain('Target="../comments1.xml"');
  });
});

describe('packages the copy refuses, with a reason', () => {
  test('no [Content_Types].xml', async () => {
    const error = await writeMarkedCopy(packageWith(ONE_ROW, [], false), [finding('Sheet1', 'A1')], 'en-US').catch(
      (e: unknown) => e,
    );
    expect(isMarkedCopyError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'no-content-types' });
    expect((error as Error).message).toContain('[Content_Types].xml');
  });

  test('a part it must change is in the package twice', async () => {
    const twice = packageWith(ONE_ROW, [{ name: 'xl/worksheets/sheet1.xml', data: ONE_ROW }]);
    const error = await writeMarkedCopy(twice, [finding('Sheet1', 'A1')], 'en-US').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'duplicate-part' });
  });
});
