/**
 * The reviewer's summary workbook, written as SpreadsheetML by hand and
 * zipped with fflate: two small sheets need no spreadsheet library, and the
 * same code runs in Node (--report) and in the page (导出汇总表).
 *
 * Each sheet has its header frozen, an autofilter over its rows, widths from
 * its text (a CJK character is two columns wide) and, where given, links to
 * the marked copy's cells. Tested by reading it back and by LibreOffice.
 */
import { zipSync, strToU8 } from 'fflate';
import { MARK_FILL, toA1, type Lang } from '../core';
import { fileTable, findingTable, textWidth, type SummaryCell, type SummaryFile, type SummaryTable } from './summary-rows';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes into cellXfs below. */
const STYLE = { plain: 0, header: 1, wrap: 2, link: 3, error: 4, warning: 5, info: 6 } as const;
/** Widest a column gets before its text wraps, in character widths. */
const MAX_WIDTH = 60;

/** Escapes text for XML, dropping the control characters XML 1.0 cannot hold (a file name may carry them). */
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what is removed
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function stylesXml(): string {
  const fill = (hex: string) =>
    `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;
  return `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">
<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>
<fills count="6"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fill('#D9E1F2')}${fill(MARK_FILL.error)}${fill(MARK_FILL.warning)}${fill(MARK_FILL.info)}</fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="5" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  add(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  toXml(): string {
    const items = this.list.map((t) => `<si><t xml:space="preserve">${xml(t)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/** A cell's style: a link, a tone coloured like the marks, or text that wraps in a capped column. */
function styleOf(cell: SummaryCell, wraps: boolean): number {
  if (cell.link) return STYLE.link;
  if (cell.tone) return STYLE[cell.tone];
  return wraps ? STYLE.wrap : STYLE.plain;
}

function sheetXml(table: SummaryTable, strings: SharedStrings): { xml: string; links: string[] } {
  const widths = table.header.map((h) => textWidth(h));
  for (const row of table.rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(String(c.value ?? '')))));
  const capped = widths.map((w) => Math.min(MAX_WIDTH, Math.max(6, w + 2)));
  const links: string[] = [];
  const hyperlinks: string[] = [];
  const rowXml = (cells: SummaryCell[], r: number, header: boolean): string => {
    const cs = cells.map((cell, c) => {
      const ref = toA1(r, c);
      const s = header ? STYLE.header : styleOf(cell, widths[c] + 2 > MAX_WIDTH);
      if (cell.link) {
        links.push(cell.link);
        hyperlinks.push(`<hyperlink ref="${ref}" r:id="rId${links.length}"/>`);
      }
      if (cell.value === undefined || cell.value === '') return s === STYLE.plain ? '' : `<c r="${ref}" s="${s}"/>`;
      if (typeof cell.value === 'number') return `<c r="${ref}" s="${s}"><v>${cell.value}</v></c>`;
      return `<c r="${ref}" s="${s}" t="s"><v>${strings.add(cell.value)}</v></c>`;
    });
    return `<row r="${r + 1}">${cs.join('')}</row>`;
  };
  const last = toA1(table.rows.length, table.header.length - 1);
  const body = [
    rowXml(
      table.header.map((value) => ({ value })),
      0,
      true,
    ),
    ...table.rows.map((row, i) => rowXml(row, i + 1, false)),
  ];
  const cols = capped.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const out =
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols>` +
    `<sheetData>${body.join('')}</sheetData>` +
    `<autoFilter ref="A1:${last}"/>` +
    (hyperlinks.length > 0 ? `<hyperlinks>${hyperlinks.join('')}</hyperlinks>` : '') +
    `</worksheet>`;
  return { xml: out, links };
}

function linkRels(links: string[]): string {
  const rels = links
    .map(
      (target, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_BASE}/hyperlink" Target="${xml(target)}" TargetMode="External"/>`,
    )
    .join('');
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`;
}

/** The package around the sheets: content types, relationships, the workbook with its filter ranges. */
export function tablesToXlsx(tables: readonly SummaryTable[]): Uint8Array {
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  const sheetEntries: string[] = [];
  const definedNames: string[] = [];
  const overrides: string[] = [];
  const workbookRels: string[] = [];
  tables.forEach((table, i) => {
    const n = i + 1;
    const { xml: sheet, links } = sheetXml(table, strings);
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(sheet);
    if (links.length > 0) files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(linkRels(links));
    sheetEntries.push(`<sheet name="${xml(table.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    const last = toA1(table.rows.length, table.header.length - 1).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    // Excel keeps an autofilter's range as this hidden name; without it some versions drop the filter buttons.
    definedNames.push(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xml(table.name.replace(/'/g, "''"))}'!$A$1:${last}</definedName>`,
    );
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    workbookRels.push(`<Relationship Id="rId${n}" Type="${REL_BASE}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
  });
  const k = tables.length;
  workbookRels.push(`<Relationship Id="rId${k + 1}" Type="${REL_BASE}/styles" Target="styles.xml"/>`);
  workbookRels.push(`<Relationship Id="rId${k + 2}" Type="${REL_BASE}/sharedStrings" Target="sharedStrings.xml"/>`);
  files['xl/workbook.xml'] = strToU8(
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheetEntries.join('')}</sheets><definedNames>${definedNames.join('')}</definedNames></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${workbookRels.join('')}</Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(stylesXml());
  files['xl/sharedStrings.xml'] = strToU8(strings.toXml());
  files['_rels/.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_BASE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['[Content_Types].xml'] = strToU8(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      overrides.join('') +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `</Types>`,
  );
  // [Content_Types].xml first, as Office writes it; some readers look for it there.
  const ordered: Record<string, Uint8Array> = { '[Content_Types].xml': files['[Content_Types].xml'] };
  for (const [name, bytes] of Object.entries(files)) if (name !== '[Content_Types].xml') ordered[name] = bytes;
  return zipSync(ordered, { level: 6 });
}

/** The summary workbook: 汇总 (one row per file) and 问题清单 (every finding). */
export function summaryXlsx(files: readonly SummaryFile[], lang: Lang): Uint8Array {
  return tablesToXlsx([fileTable(files, lang), findingTable(files, lang)]);
}
