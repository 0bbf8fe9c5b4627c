/**
 * Finding parts in an .xlsx package by its relationships (Open Packaging
 * Conventions), never by assumed names: openpyxl, WPS and LibreOffice put
 * comments, drawings and even worksheets at paths of their own choosing.
 */
import { XmlScanner } from './xml-scanner';
import { NS } from './xml-text';

/** What the part readers need from a package: a part's text, if it has one. */
export interface PartSource {
  text(path: string): string | undefined;
}

export interface Relationship {
  id: string;
  type: string;
  /** As written in the rels part: relative to the source's folder, or absolute from the root. */
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const x = new XmlScanner(xml);
  for (let t = x.next(); t !== 'eof'; t = x.next()) {
    if (t !== 'start' || x.local !== 'Relationship') continue;
    out.push({
      id: x.attr('Id') ?? '',
      type: x.attr('Type') ?? '',
      target: x.attr('Target') ?? '',
      external: x.attr('TargetMode') === 'External',
    });
  }
  return out;
}

/**
 * Whether a relationship type is `kind` (worksheet, styles …) in either
 * edition of the standard: transitional types live under
 * schemas.openxmlformats.org/officeDocument/2006/relationships/, strict ones
 * under purl.oclc.org/ooxml/officeDocument/relationships/.
 */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(`/relationships/${kind}`);
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text; // a stray `%` is a literal character in a part name
  }
}

/** A relationship target as a package path without a leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = safeDecodeUri(target.split('#')[0]).replace(/\\/g, '/');
  const base = clean.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of clean.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The target to write in `fromPart`'s rels for `toPart` (relative, like Excel writes). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function readRelationships(pkg: PartSource, partPath: string): Relationship[] {
  const xml = pkg.text(relsPathFor(partPath));
  return xml ? parseRelationships(xml) : [];
}

/** The internal part a relationship of `kind` from `sourcePart` points at (external targets are never followed). */
export function relatedPart(pkg: PartSource, sourcePart: string, kind: string): string | undefined {
  const rel = readRelationships(pkg, sourcePart).find((r) => isRelType(r.type, kind) && !r.external);
  return rel ? resolveTarget(sourcePart, rel.target) : undefined;
}

export interface WorksheetPart {
  name: string;
  path: string;
}

export function workbookPartPath(pkg: PartSource): string {
  return relatedPart(pkg, '', 'officeDocument') ?? 'xl/workbook.xml';
}

/** The relationships namespaces `r:id` may be bound to. */
const REL_NAMESPACES = [NS.rel, 'http://purl.oclc.org/ooxml/officeDocument/relationships'];

export interface WorkbookInfo {
  workbookPath: string;
  sheets: WorksheetPart[];
  /** `<workbookPr date1904="1">`: serial numbers count from 1904-01-01 (old Mac workbooks). */
  date1904: boolean;
}

/**
 * The worksheets in workbook order, with their names and part paths;
 * hidden and very hidden ones too (the grid has no place for a sheet's
 * state, and a hidden sheet's sums can be as wrong as a visible one's).
 */
export function listWorksheetParts(pkg: PartSource): WorkbookInfo {
  const workbookPath = workbookPartPath(pkg);
  const xml = pkg.text(workbookPath) ?? '';
  const byId = new Map(readRelationships(pkg, workbookPath).map((r) => [r.id, r]));
  const sheets: WorksheetPart[] = [];
  let date1904 = false;
  const x = new XmlScanner(xml);
  for (let t = x.next(); t !== 'eof'; t = x.next()) {
    if (t !== 'start') continue;
    if (x.local === 'workbookPr') date1904 = /^(1|true)$/.test(x.attr('date1904') ?? '');
    if (x.local !== 'sheet' || x.depth !== 3) continue;
    const rel = byId.get(x.attrNs('id', REL_NAMESPACES) ?? '');
    // Chartsheets and dialogsheets hold no cells; an external target is no part of this package.
    if (!rel || !isRelType(rel.type, 'worksheet') || rel.external) continue;
    sheets.push({ name: x.attr('name') ?? '', path: resolveTarget(workbookPath, rel.target) });
  }
  return { workbookPath, sheets, date1904 };
}
