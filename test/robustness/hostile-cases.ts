/**
 * A deterministic generator of hostile and odd workbooks (issue 14): every
 * case is built from two real fixtures (an openpyxl form with inline
 * strings, its LibreOffice re-save with shared strings) by rewriting their
 * parts, or from nothing. Same code, same bytes, every run; no randomness.
 *
 * Each case says what the CLI must do with it:
 * - `twin`: a legitimate odd file; the findings must equal its plain twin's;
 * - `refused`: exit 2 with a reason matching `reason`;
 * - `checked`: read and checked (exit 0 or 1), whatever the findings;
 * - `finding`: read, and some finding names `cell` (a value it could not use).
 * `annotate` runs it with --annotate: the copy must be written and read back.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { inspectWorkbookBytes } from '../../src/file/inspect-package';
import { ZipPackage } from '../../src/file/zip-package';
import { buildZip, type RawEntry, type ZipOptions } from '../file/helpers/raw-zip';

export type Expectation =
  | { kind: 'twin'; twin: string; renamed?: Record<string, string> }
  | { kind: 'refused'; reason: RegExp }
  /** Checked and its findings reported, but its marked copy refused with this reason (exit 2). */
  | { kind: 'copy-refused'; reason: RegExp }
  | { kind: 'checked' }
  | { kind: 'finding'; sheet: string; cell: string };

export interface HostileCase {
  /** `class/what`, stable: the suite's report and SECURITY.md count by it. */
  name: string;
  bytes: Buffer;
  expect: Expectation;
  annotate?: boolean;
  /** What the marked copy must (not) hold, checked after an --annotate run. */
  copy?: { absent?: RegExp; entries?: (names: string[]) => boolean };
}

const FIXTURES = join(__dirname, '..', 'fixtures');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHEET = 'xl/worksheets/sheet1.xml';

interface Part {
  name: string;
  data: Buffer;
}

/** A fixture's parts, in its zip order. */
function partsOf(file: string): Part[] {
  const bytes = readFileSync(join(FIXTURES, file));
  const pkg = new ZipPackage(bytes, inspectWorkbookBytes(bytes, file), file);
  return pkg.entries.map((e) => ({ name: e.name, data: Buffer.from(pkg.read(e.name)!) }));
}

const BASES = {
  inline: 'project-form-errors.xlsx',
  shared: 'libreoffice/project-form-errors.xlsx',
} as const;
type Base = keyof typeof BASES;

const baseParts: Record<Base, Part[]> = { inline: partsOf(BASES.inline), shared: partsOf(BASES.shared) };

type Edit = (text: string, name: string) => string;

/** The base with `edits` applied to the parts whose names match. */
function variant(base: Base, edits: [RegExp, Edit][], options: ZipOptions = {}, extra: RawEntry[] = []): Buffer {
  const parts = baseParts[base].map((p): RawEntry => {
    let text: string | undefined;
    for (const [re, edit] of edits) {
      if (!re.test(p.name)) continue;
      text = edit(text ?? p.data.toString('utf8'), p.name);
    }
    return { name: p.name, data: text === undefined ? p.data : text };
  });
  return buildZip([...parts, ...extra], options);
}

const onSheet = (edit: Edit): [RegExp, Edit] => [/^xl\/worksheets\/sheet1\.xml$/, edit];

/** Inserts `xml` before the n-th `<row` (n = -1: before `</sheetData>`). */
function beforeRow(n: number, xml: string): Edit {
  return (t) => {
    if (n < 0) return t.replace('</sheetData>', `${xml}</sheetData>`);
    let at = -1;
    for (let i = 0; i <= n; i++) at = t.indexOf('<row', at + 1);
    return t.slice(0, at) + xml + t.slice(at);
  };
}

/** Inserts `xml` inside every row, at the cell index `pos` ('first', 'second' or 'last'). */
function insideRows(pos: 'first' | 'second' | 'last', xml: string): Edit {
  return (t) =>
    t.replace(/(<row\b[^>]*>)([\s\S]*?)(<\/row>)/g, (_, open: string, body: string, close: string) => {
      if (pos === 'first') return open + xml + body + close;
      if (pos === 'last') return open + body + xml + close;
      const second = body.indexOf('<c ', 1);
      return second < 0 ? open + body + xml + close : open + body.slice(0, second) + xml + body.slice(second) + close;
    });
}

const UNKNOWN_ELEMENTS: Record<string, string> = {
  extLst:
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:id xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">1</x14:id></ext></extLst>',
  xinclude: '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="https://example.invalid/rows.xml"/>',
  vendor: '<wps:rowMeta xmlns:wps="urn:kingsoft:wps"><wps:c r="Z99"><wps:v>5</wps:v></wps:c></wps:rowMeta>',
  'mc-choice-only':
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<mc:Choice Requires="x14"><x14:sparkline/></mc:Choice></mc:AlternateContent>',
  comment: '<!-- a comment, with <row r="999"> inside -->',
  instruction: '<?scorecheck-test keep going?>',
};

function neverHideRows(): HostileCase[] {
  const out: HostileCase[] = [];
  for (const base of ['inline', 'shared'] as Base[]) {
    const twin = BASES[base];
    for (const [tag, xml] of Object.entries(UNKNOWN_ELEMENTS)) {
      for (const [where, n] of [
        ['first', 0],
        ['middle', 8],
        ['last', -1],
      ] as const) {
        out.push({
          name: `never-hide/${base}/${tag}-in-sheetData-${where}`,
          bytes: variant(base, [onSheet(beforeRow(n, xml))]),
          expect: { kind: 'twin', twin },
        });
      }
      if (tag === 'comment' || tag === 'instruction') continue;
      for (const pos of ['first', 'second', 'last'] as const) {
        out.push({
          name: `never-hide/${base}/${tag}-in-row-${pos}`,
          bytes: variant(base, [onSheet(insideRows(pos, xml))]),
          expect: { kind: 'twin', twin },
        });
      }
    }
    // Rows wrapped in mc:AlternateContent: the Fallback (or an understood Choice) is read.
    const wrap =
      (choice: string, fallback: boolean): Edit =>
      (t) =>
        t.replace(
          /<row\b[^>]*>[\s\S]*?<\/row>/g,
          (row) =>
            `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:m="${MAIN}">` +
            choice.replace('ROW', row) +
            (fallback ? `<mc:Fallback>${row}</mc:Fallback>` : '') +
            '</mc:AlternateContent>',
        );
    out.push({
      name: `never-hide/${base}/rows-in-mc-fallback`,
      bytes: variant(base, [onSheet(wrap('<mc:Choice Requires="x14"><x14:row/></mc:Choice>', true))]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `never-hide/${base}/rows-in-mc-understood-choice`,
      bytes: variant(base, [onSheet(wrap('<mc:Choice Requires="m">ROW</mc:Choice>', false))]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `never-hide/${base}/rows-in-mc-choice-then-fallback`,
      bytes: variant(base, [onSheet(wrap('<mc:Choice Requires="m">ROW</mc:Choice>', true))]),
      expect: { kind: 'twin', twin },
    });

    // Legitimate files other writers make.
    const prefixed =
      (p: string): Edit =>
      (t) =>
        t
          .replace(/<(\/?)(?![?!])([A-Za-z][\w.-]*)(?=[\s/>])/g, (all, slash: string, name: string) =>
            name.includes(':') ? all : `<${slash}${p}:${name}`,
          )
          .replace(`xmlns="${MAIN}"`, `xmlns:${p}="${MAIN}"`);
    const mainParts = /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/;
    out.push({
      name: `legit/${base}/prefix-x-sheet`,
      bytes: variant(base, [onSheet(prefixed('x'))]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/prefix-x-all-parts`,
      bytes: variant(base, [[mainParts, prefixed('x')]]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/prefix-ss-all-parts`,
      bytes: variant(base, [[mainParts, prefixed('ss')]]),
      expect: { kind: 'twin', twin },
    });
    const noCellRefs: Edit = (t) => t.replace(/(<c\b[^>]*?)\sr="[A-Z]+\d+"/g, '$1');
    const noRowRefs: Edit = (t) => t.replace(/(<row\b[^>]*?)\sr="\d+"/g, '$1');
    // Rows without r only where they follow one another (r counts from the last row seen).
    out.push({
      name: `legit/${base}/cells-without-r`,
      bytes: variant(base, [onSheet(noCellRefs)]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/rows-without-r`,
      bytes: variant(base, [onSheet(noRowRefs)]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/rows-and-cells-without-r`,
      bytes: variant(base, [onSheet((t) => noRowRefs(noCellRefs(t, SHEET), SHEET))]),
      expect: { kind: 'twin', twin },
    });
    const utf16 =
      (le: boolean) =>
      (text: string): Buffer => {
        const decl = text.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-16"?>');
        const body = Buffer.from(decl, 'utf16le');
        if (!le) body.swap16();
        return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
      };
    for (const [label, re] of [
      ['sheet', /^xl\/worksheets\/sheet1\.xml$/],
      ['every-part', /\.(xml|rels)$/],
    ] as const) {
      for (const le of [true, false]) {
        const parts = baseParts[base].map((p): RawEntry => ({
          name: p.name,
          data: re.test(p.name) ? utf16(le)(p.data.toString('utf8')) : p.data,
        }));
        out.push({
          name: `legit/${base}/utf16${le ? 'le' : 'be'}-${label}`,
          bytes: buildZip(parts),
          expect: { kind: 'twin', twin },
        });
      }
    }
    const longName = '项目支出绩效自评表（2022年度）——某某单位某某项目资金使用情况汇总';
    out.push({
      name: `legit/${base}/sheet-name-over-31-chars`,
      bytes: variant(base, [[/^xl\/workbook\.xml$/, (t) => t.replace(/name="[^"]*"/, `name="${longName}"`)]]),
      expect: { kind: 'twin', twin, renamed: { [longName]: '项目自评表' } },
    });
    out.push({
      name: `legit/${base}/self-closing-cellXfs`,
      bytes: variant(base, [[/styles\.xml$/, (t) => t.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, '<cellXfs count="0"/>')]]),
      expect: { kind: 'checked' },
    });
    const strict: Edit = (t) =>
      t
        .split(MAIN)
        .join('http://purl.oclc.org/ooxml/spreadsheetml/main')
        .split('http://schemas.openxmlformats.org/officeDocument/2006/relationships')
        .join('http://purl.oclc.org/ooxml/officeDocument/relationships');
    out.push({
      name: `legit/${base}/strict-ooxml`,
      bytes: variant(base, [[/\.(xml|rels)$/, strict]]),
      expect: { kind: 'twin', twin },
    });
    for (const [label, options] of [
      ['zip64', { zip64: true }],
      ['data-descriptors', { dataDescriptor: true }],
      ['zip64-data-descriptors', { zip64: true, dataDescriptor: true }],
    ] as const) {
      out.push({
        name: `legit/${base}/${label}`,
        bytes: variant(base, [], options),
        expect: { kind: 'twin', twin },
        annotate: true,
      });
    }
    out.push({
      name: `legit/${base}/stored-not-deflated`,
      bytes: buildZip(baseParts[base].map((p) => ({ name: p.name, data: p.data, method: 0 }))),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/cdata-values`,
      bytes: variant(base, [onSheet((t) => t.replace(/<v>([^<]*)<\/v>/g, '<v><![CDATA[$1]]></v>'))]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/rows-out-of-order`,
      bytes: variant(base, [
        onSheet((t) =>
          t.replace(
            /(<sheetData>)([\s\S]*)(<\/sheetData>)/,
            (_, a: string, rows: string, b: string) =>
              a + (rows.match(/<row\b[\s\S]*?<\/row>|<row\b[^>]*\/>/g) ?? []).reverse().join('') + b,
          ),
        ),
      ]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/leading-slash-part-names`,
      bytes: buildZip(baseParts[base].map((p) => ({ name: `/${p.name}`, data: p.data }))),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/bom-utf8`,
      bytes: variant(base, [[/\.(xml|rels)$/, (t) => `\ufeff${t}`]]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/crlf-and-indent`,
      bytes: variant(base, [onSheet((t) => t.replace(/></g, '>\r\n  <').replace(/<t>\r\n {2}<\/t>/g, '<t></t>'))]),
      expect: { kind: 'checked' },
    });
    out.push({
      name: `legit/${base}/hidden-sheet-added`,
      bytes: variant(base, [[/^xl\/workbook\.xml$/, (t) => t.replace(/state="visible"/, 'state="hidden"')]]),
      expect: { kind: 'twin', twin },
    });
    out.push({
      name: `legit/${base}/unknown-entity-kept-as-text`,
      bytes: variant(base, [
        onSheet(beforeRow(-1, '<row r="40"><c r="A40" t="inlineStr"><is><t>&nbsp;备注 &#x110000;</t></is></c></row>')),
      ]),
      expect: { kind: 'checked' },
    });

    // Geometry Excel allows, that a reader must not expand.
    const twinChecked = { kind: 'twin' as const, twin };
    const afterSheetData =
      (xml: string): Edit =>
      (t) =>
        t.replace('</sheetData>', `</sheetData>${xml}`);
    const cases: [string, Edit][] = [
      ['cols-max-2000000000', (t) => t.replace(/<cols>/, '<cols><col min="9" max="2000000000" width="9" customWidth="1"/>')],
      [
        'validation-whole-columns',
        afterSheetData(
          '<dataValidations count="1"><dataValidation type="decimal" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
        ),
      ],
      [
        'conditional-format-whole-sheet',
        afterSheetData(
          '<conditionalFormatting sqref="A:XFD"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>',
        ),
      ],
      [
        'hyperlink-whole-sheet',
        afterSheetData('<hyperlinks><hyperlink ref="A1:XFD1048576" display="x" location="A1"/></hyperlinks>'),
      ],
      ['dimension-whole-sheet', (t) => t.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')],
    ];
    for (const [label, edit] of cases)
      out.push({ name: `bound-work/${base}/${label}`, bytes: variant(base, [onSheet(edit)]), expect: twinChecked });
  }
  return out;
}

/** A sheet part of `rows` for the generated cases. */
function sheetPart(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** The inline base with its sheet part replaced. */
function withSheet(xml: string): Buffer {
  return buildZip(baseParts.inline.map((p) => ({ name: p.name, data: p.name === SHEET ? xml : p.data })));
}

function boundTheWork(): HostileCase[] {
  const out: HostileCase[] = [];
  const form = baseParts.inline.find((p) => p.name === SHEET)!.data.toString('utf8');
  const addMerges = (refs: string[]) => withMerges(form, refs);
  out.push({
    name: 'bound-work/merge-J1-XFD1048576',
    bytes: withSheet(addMerges(['J1:XFD1048576'])),
    expect: { kind: 'twin', twin: BASES.inline },
  });
  out.push({
    name: 'bound-work/merge-whole-sheet-below-form',
    bytes: withSheet(addMerges(['A30:XFD1048576'])),
    expect: { kind: 'twin', twin: BASES.inline },
  });
  const many = Array.from({ length: 100000 }, (_, i) => `J${2 * i + 1}:K${2 * i + 2}`);
  out.push({ name: 'bound-work/100000-merges', bytes: withSheet(addMerges(many)), expect: { kind: 'twin', twin: BASES.inline } });
  const column = Array.from({ length: 8000 }, (_, i) => `${colName(10 + 2 * i)}1:${colName(11 + 2 * i)}1048576`);
  out.push({
    name: 'bound-work/8000-tall-merges',
    bytes: withSheet(addMerges(column)),
    expect: { kind: 'twin', twin: BASES.inline },
  });
  out.push({
    name: 'bound-work/cell-in-row-100000000',
    bytes: withSheet(sheetPart('<row r="100000000"><c r="A100000000"><v>1</v></c></row>')),
    expect: { kind: 'refused', reason: /1048576|damaged/ },
  });
  out.push({
    name: 'bound-work/cell-in-column-beyond-XFD',
    bytes: withSheet(sheetPart('<row r="1"><c r="XFE1"><v>1</v></c></row>')),
    expect: { kind: 'refused', reason: /damaged/ },
  });
  out.push({
    name: 'bound-work/cell-in-last-row',
    bytes: withSheet(sheetPart('<row r="1048576"><c r="A1048576"><v>1</v></c></row>')),
    expect: { kind: 'checked' },
  });
  out.push({
    name: 'bound-work/cell-in-last-column',
    bytes: withSheet(sheetPart('<row r="1"><c r="XFD1"><v>1</v></c></row>')),
    expect: { kind: 'checked' },
  });
  // Excel's longest cell text, in CJK characters that do not repeat (a run of one character would be a zip bomb by ratio).
  let seed = 1;
  const cjk = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20000))).join('');
  const longRows = Array.from(
    { length: 60 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${cjk(32767)}</t></is></c><c r="B${i + 1}" t="inlineStr"><is><t>分值${cjk(32765)}</t></is></c></row>`,
  ).join('');
  out.push({ name: 'bound-work/60-cells-of-32767-chars', bytes: withSheet(sheetPart(longRows)), expect: { kind: 'checked' } });
  const deep = `${'<wps:g xmlns:wps="urn:vendor">'.repeat(1)}${'<wps:g>'.repeat(100000)}${'</wps:g>'.repeat(100001)}`;
  out.push({
    name: 'bound-work/100000-nested-unknown-elements',
    bytes: withSheet(form.replace('<sheetData>', `<sheetData>${deep}`)),
    expect: { kind: 'twin', twin: BASES.inline },
  });
  const overCells = Array.from({ length: 50001 }, (_, r) => `<row r="${r + 1}">${'<c/>'.repeat(10)}</row>`).join('');
  out.push({
    name: 'bound-work/500010-styled-blank-cells',
    bytes: withSheet(sheetPart(overCells)),
    expect: { kind: 'refused', reason: /500000/ },
  });
  const sst = `<?xml version="1.0"?><sst xmlns="${MAIN}">${'<si><t>x</t></si>'.repeat(1000000)}</sst>`;
  out.push({
    name: 'bound-work/1000000-shared-strings',
    bytes: buildZip([
      ...baseParts.shared.filter((p) => p.name !== 'xl/sharedStrings.xml'),
      { name: 'xl/sharedStrings.xml', data: sst },
    ]),
    expect: { kind: 'checked' },
  });
  const manySheets = Array.from({ length: 300 }, (_, i) => i);
  out.push({
    name: 'bound-work/300-sheets',
    bytes: buildZip([
      ...baseParts.inline.filter((p) => !/workbook\.xml(\.rels)?$/.test(p.name)),
      {
        name: 'xl/workbook.xml',
        data: `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${manySheets.map((i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${manySheets.map((i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`).join('')}</Relationships>`,
      },
    ]),
    expect: { kind: 'checked' },
  });
  // Zip bombs that lie in the directory: the bytes inflated decide.
  const zeros = Buffer.alloc(200 * 1024 * 1024, 0x20);
  out.push({
    name: 'bound-work/part-declares-1KB-inflates-200MB',
    bytes: withSheetEntry({ name: SHEET, data: zeros, declaredSize: 1024 }),
    expect: { kind: 'refused', reason: /zip bomb|压缩炸弹/ },
  });
  out.push({
    name: 'bound-work/ratio-bomb-200MB',
    bytes: withSheetEntry({ name: SHEET, data: zeros }),
    expect: { kind: 'refused', reason: /zip bomb|压缩炸弹/ },
  });
  const tenMb = Buffer.alloc(10 * 1024 * 1024, 0x20);
  out.push({
    name: 'bound-work/40-parts-of-10MB-each',
    bytes: buildZip([
      ...baseParts.inline,
      ...Array.from({ length: 40 }, (_, i) => ({ name: `xl/media/pad${i}.bin`, data: tenMb })),
    ]),
    expect: { kind: 'refused', reason: /zip bomb|压缩炸弹/ },
  });
  out.push({
    name: 'bound-work/declared-size-short-by-one',
    bytes: withSheetEntry({ name: SHEET, data: form, declaredSize: Buffer.byteLength(form) - 1 }),
    expect: { kind: 'refused', reason: /zip bomb|压缩炸弹/ },
  });
  return out;
}

function withSheetEntry(entry: RawEntry): Buffer {
  return buildZip([...baseParts.inline.filter((p) => p.name !== SHEET), entry]);
}

function colName(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function valuesExcelCannotHold(): HostileCase[] {
  const out: HostileCase[] = [];
  // D6 is the budget the rate in G6 divides by; H6 the funds score.
  for (const [cell, oldValue] of [
    ['D6', '388.99'],
    ['H6', '10'],
  ] as const) {
    for (const bad of ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999', 'abc']) {
      const bytes = variant('inline', [
        onSheet((t) => t.replace(new RegExp(`(<c r="${cell}"[^>]*><v>)${oldValue.replace('.', '\\.')}(</v>)`), `$1${bad}$2`)),
      ]);
      out.push({ name: `never-hide/number-cell-${cell}-${bad}`, bytes, expect: { kind: 'finding', sheet: '项目自评表', cell } });
    }
  }
  return out;
}

const DTD_CASES: Record<string, string> = {
  'billion-laughs':
    '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>',
  'external-entity-file': '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  'external-entity-http': '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/xxe">]>',
  'parameter-entity': '<!DOCTYPE worksheet [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>',
  'external-dtd': '<!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/x.dtd">',
};

function xmlTricks(): HostileCase[] {
  const out: HostileCase[] = [];
  const withDtd =
    (dtd: string, use: string): Edit =>
    (t) => {
      const body = t.replace(/^<\?xml[^>]*\?>/, '');
      return `<?xml version="1.0" encoding="UTF-8"?>${dtd}${body.replace(/(<t>)[^<]*(<\/t>)/, `$1${use}$2`)}`;
    };
  for (const [label, dtd] of Object.entries(DTD_CASES)) {
    const use = label === 'billion-laughs' ? '&i;' : label.startsWith('external-entity') ? '&xxe;' : '';
    for (const [part, re] of [
      ['sheet', /^xl\/worksheets\/sheet1\.xml$/],
      ['workbook', /^xl\/workbook\.xml$/],
      ['styles', /^xl\/styles\.xml$/],
      ['rels', /^xl\/_rels\/workbook\.xml\.rels$/],
    ] as const) {
      out.push({
        name: `xml/${label}-in-${part}`,
        bytes: variant('inline', [[re, withDtd(dtd, use)]]),
        expect: { kind: 'refused', reason: /DTD/ },
      });
    }
    out.push({
      name: `xml/${label}-in-sharedStrings`,
      bytes: variant('shared', [[/sharedStrings\.xml$/, withDtd(dtd, use)]]),
      expect: { kind: 'refused', reason: /DTD/ },
    });
  }
  const broken: Record<string, Edit> = {
    'unclosed-row': (t) => t.replace('</row>', ''),
    'mismatched-end-tag': (t) => t.replace('</row>', '</rows>'),
    'truncated-part': (t) => t.slice(0, Math.floor(t.length / 2)),
    'attribute-without-quotes': (t) => t.replace('<row r="1"', '<row r=1'),
    'garbage-part': () => '\u0000\u0001 not xml at all',
  };
  for (const [label, edit] of Object.entries(broken)) {
    out.push({
      name: `xml/${label}`,
      bytes: variant('inline', [onSheet(edit)]),
      expect: { kind: 'refused', reason: /damaged|损坏/ },
    });
  }
  return out;
}

function zipTricks(): HostileCase[] {
  const good = variant('inline', []);
  const out: HostileCase[] = [];
  const damaged = { kind: 'refused' as const, reason: /damaged|损坏/ };
  out.push({ name: 'zip/truncated-half', bytes: good.subarray(0, good.length >> 1), expect: damaged });
  out.push({ name: 'zip/truncated-end-record', bytes: good.subarray(0, good.length - 10), expect: damaged });
  out.push({
    name: 'zip/unsupported-method',
    bytes: buildZip(baseParts.inline.map((p) => ({ name: p.name, data: p.data, method: p.name === SHEET ? 12 : 8 }))),
    expect: damaged,
  });
  out.push({
    name: 'zip/empty-zip',
    bytes: Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
    expect: { kind: 'refused', reason: /empty|为空/ },
  });
  out.push({
    name: 'zip/no-workbook-part',
    bytes: buildZip(baseParts.inline.filter((p) => p.name !== 'xl/workbook.xml')),
    expect: { kind: 'refused', reason: /workbook/ },
  });
  out.push({
    name: 'zip/missing-sheet-part',
    bytes: buildZip(baseParts.inline.filter((p) => p.name !== SHEET)),
    expect: damaged,
  });
  out.push({
    name: 'zip/only-chartsheet',
    bytes: variant('inline', [[/workbook\.xml\.rels$/, (t) => t.replace('relationships/worksheet', 'relationships/chartsheet')]]),
    expect: { kind: 'refused', reason: /empty|为空/ },
  });
  out.push({
    name: 'zip/name-traversal',
    bytes: buildZip([...baseParts.inline, { name: '../../../../tmp/scorecheck-escape.xml', data: '<x/>' }]),
    expect: { kind: 'twin', twin: BASES.inline },
    annotate: true,
  });
  out.push({
    name: 'zip/absolute-and-backslash-names',
    bytes: buildZip([
      ...baseParts.inline,
      { name: '/etc/scorecheck.xml', data: '<x/>' },
      { name: 'xl\\media\\a.png', data: 'x' },
    ]),
    expect: { kind: 'twin', twin: BASES.inline },
  });
  out.push({
    name: 'zip/rels-target-outside-package',
    bytes: variant('inline', [
      [/workbook\.xml\.rels$/, (t) => t.replace(/Target="[^"]*sheet1\.xml"/, 'Target="../../../../xl/worksheets/sheet1.xml"')],
    ]),
    expect: { kind: 'twin', twin: BASES.inline },
  });
  out.push({
    name: 'zip/sheet-target-external',
    bytes: variant('inline', [
      [
        /workbook\.xml\.rels$/,
        (t) => t.replace(/Target="[^"]*sheet1\.xml"/, 'Target="file:///etc/passwd" TargetMode="External"'),
      ],
    ]),
    expect: { kind: 'refused', reason: /empty|为空/ },
  });
  const encrypted = buildZip(baseParts.inline);
  for (
    let at = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at >= 0;
    at = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
  )
    encrypted[at + 8] |= 1;
  out.push({ name: 'zip/encrypted-entries', bytes: encrypted, expect: { kind: 'refused', reason: /password|密码/ } });
  return out;
}

function otherFormats(): HostileCase[] {
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  const encryptedOle = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
  const cases: [string, Buffer, RegExp][] = [
    ['csv', Buffer.from('项目,分值,得分\n产出,50,45\n效益,30,28\n'), /CSV/],
    ['tsv', Buffer.from('a\tb\n1\t2\n'), /CSV/],
    ['html-as-xls', Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'), /\.xls/],
    [
      'spreadsheetml-2003',
      Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
      /\.xls/,
    ],
    ['xls-ole2', ole, /\.xls/],
    ['encrypted-ooxml', encryptedOle, /password|密码/],
    ['pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), /\.xlsx|damaged|损坏/],
    ['png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /damaged|损坏/],
    ['empty-file', Buffer.alloc(0), /empty|为空/],
    ['blank-text', Buffer.from('   \n\n  '), /empty|为空/],
    ['utf16-text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]), /CSV/],
    [
      'docx',
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: '<w:document/>' },
      ]),
      /Word/,
    ],
    [
      'ods',
      buildZip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
      /OpenDocument/,
    ],
    [
      'xlsb',
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.bin', data: 'bin' },
      ]),
      /xlsb/,
    ],
  ];
  return cases.map(([label, bytes, reason]) => ({ name: `format/${label}`, bytes, expect: { kind: 'refused', reason } }));
}

function markedCopies(): HostileCase[] {
  const twin = BASES.inline;
  const out: HostileCase[] = [];
  const gtInAttrs: Edit = (t) =>
    t
      .replace(/<c r="([A-Z]+\d+)"/g, '<c note="a>b" r="$1"')
      .replace(/<row r="(\d+)"/g, '<row r="$1" x14ac:dyDescent="0.25>0" xmlns:x14ac="urn:x14ac"');
  out.push({
    name: 'marked-copy/gt-inside-cell-and-row-attributes',
    bytes: variant('inline', [onSheet(gtInAttrs)]),
    expect: { kind: 'twin', twin },
    annotate: true,
  });
  out.push({
    name: 'marked-copy/gt-inside-single-quoted-attributes',
    bytes: variant('inline', [onSheet((t) => t.replace(/<c r="([A-Z]+\d+)"/g, '<c title=\'x>y\' r="$1"'))]),
    expect: { kind: 'twin', twin },
    annotate: true,
  });
  const extRels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="file:///tmp/scorecheck-external-comments.xml" TargetMode="External"/>' +
    '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="http://127.0.0.1:9/notes.vml" TargetMode="External"/></Relationships>';
  out.push({
    name: 'marked-copy/external-comments-and-vml-targets',
    bytes: buildZip([...baseParts.inline, { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: extRels }]),
    expect: { kind: 'twin', twin },
    annotate: true,
    copy: { absent: /scorecheck-external|127\.0\.0\.1:9\/notes/, entries: (names) => names.includes('xl/comments1.xml') },
  });
  out.push({
    name: 'marked-copy/legacy-drawing-to-external-target',
    bytes: buildZip([
      ...baseParts.inline.map((p) => ({
        name: p.name,
        data:
          p.name === SHEET
            ? p.data
                .toString('utf8')
                .replace(
                  '</worksheet>',
                  '<legacyDrawing r:id="rId8" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></worksheet>',
                )
            : p.data,
      })),
      { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: extRels },
    ]),
    expect: { kind: 'twin', twin },
    annotate: true,
  });
  const dirs: RawEntry[] = [
    { name: 'xl/', data: '', method: 0 },
    { name: 'xl/worksheets/', data: '', method: 0 },
  ];
  out.push({
    name: 'marked-copy/directory-entries',
    bytes: buildZip([...dirs, ...baseParts.inline]),
    expect: { kind: 'twin', twin },
    annotate: true,
    copy: { entries: (n) => n.filter((x) => x.endsWith('/')).length === 2 },
  });
  out.push({
    name: 'marked-copy/duplicate-unchanged-entries',
    bytes: buildZip([...baseParts.inline, { name: 'docProps/app.xml', data: '<Properties>again</Properties>' }]),
    expect: { kind: 'twin', twin },
    annotate: true,
    copy: { entries: (n) => n.filter((x) => x === 'docProps/app.xml').length === 2 },
  });
  out.push({
    name: 'marked-copy/no-content-types',
    bytes: buildZip(baseParts.inline.filter((p) => p.name !== '[Content_Types].xml')),
    expect: { kind: 'copy-refused', reason: /Content_Types/ },
    annotate: true,
  });
  out.push({
    name: 'marked-copy/duplicate-sheet-part',
    bytes: buildZip([...baseParts.inline, baseParts.inline.find((p) => p.name === SHEET)!]),
    expect: { kind: 'copy-refused', reason: /more than once|不止一次/ },
    annotate: true,
  });
  out.push({
    name: 'marked-copy/no-styles-part',
    bytes: buildZip(baseParts.inline.filter((p) => p.name !== 'xl/styles.xml')),
    expect: { kind: 'checked' },
    annotate: true,
  });
  out.push({
    name: 'marked-copy/shared-strings-base',
    bytes: variant('shared', []),
    expect: { kind: 'twin', twin: BASES.shared },
    annotate: true,
  });
  out.push({
    name: 'marked-copy/prefixed-x',
    bytes: neverHideRows().find((c) => c.name === 'legit/inline/prefix-x-all-parts')!.bytes,
    expect: { kind: 'twin', twin },
    annotate: true,
  });
  out.push({
    name: 'marked-copy/strict-ooxml',
    bytes: neverHideRows().find((c) => c.name === 'legit/inline/strict-ooxml')!.bytes,
    expect: { kind: 'twin', twin },
    annotate: true,
  });
  return out;
}

/** The sheet XML with `refs` added after its own merges. */
function withMerges(form: string, refs: string[]): string {
  return form.replace(/<mergeCells\b[\s\S]*?<\/mergeCells>/, (m) =>
    m.replace('</mergeCells>', `${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`),
  );
}

function oddMerges(): HostileCase[] {
  const form = baseParts.inline.find((p) => p.name === SHEET)!.data.toString('utf8');
  return [
    // A later merge over cells that hold figures: it is dropped, the figures are still checked.
    {
      name: 'never-hide/overlapping-merge-over-figures',
      bytes: withSheet(withMerges(form, ['A5:H21'])),
      expect: { kind: 'twin', twin: BASES.inline },
    },
    {
      name: 'never-hide/same-merge-twice',
      bytes: withSheet(withMerges(form, ['A1:H1'])),
      expect: { kind: 'twin', twin: BASES.inline },
    },
    {
      name: 'never-hide/reversed-merge-ref',
      bytes: withSheet(withMerges(form, ['K2:J1'])),
      expect: { kind: 'twin', twin: BASES.inline },
    },
    {
      name: 'never-hide/merge-ref-garbage',
      bytes: withSheet(withMerges(form, ['A1:', ':', 'ZZZZ1:A1', '$'])),
      expect: { kind: 'twin', twin: BASES.inline },
    },
    {
      name: 'never-hide/duplicate-cell-refs',
      bytes: withSheet(form.replace(/(<c r="H6"[^>]*>[\s\S]*?<\/c>)/, '$1$1')),
      expect: { kind: 'twin', twin: BASES.inline },
    },
  ];
}

/** Every case, in a fixed order. */
export function hostileCases(): HostileCase[] {
  const cases = [
    ...neverHideRows(),
    ...oddMerges(),
    ...valuesExcelCannotHold(),
    ...boundTheWork(),
    ...xmlTricks(),
    ...zipTricks(),
    ...otherFormats(),
    ...markedCopies(),
  ];
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`two hostile cases named ${c.name}`);
    names.add(c.name);
  }
  return cases;
}
