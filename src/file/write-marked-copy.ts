/**
 * The marked copy for reviewers: each finding's cell gets a fill by severity
 * and a note saying what is wrong and what the value should be.
 *
 * The copy is made by patching the original package: only styles.xml, the
 * marked sheets, their rels, their comments and VML parts and
 * [Content_Types].xml change, and in those only by additions (plus the `s`
 * attribute of marked cells). Only those parts are compressed again; every
 * other entry keeps its exact bytes (zip-rewrite.ts), and no relationship
 * marked External is ever followed or written to.
 */
import { findingsByCell, mostSevere, noteText, parseA1, type Finding, type Lang, type Severity } from '../core';
import { streamDeflateRaw, type DeflateRaw } from './deflate-raw';
import { inspectWorkbookBytes, toBytes } from './inspect-package';
import { MarkedCopyError } from './marked-copy-error';
import { addNoteShapes, addNotesToComments, vmlIdBlocks, type NoteRequest } from './mark-notes';
import { MarkStyles, minimalStylesXml } from './mark-styles';
import {
  isRelType,
  listWorksheetParts,
  parseRelationships,
  relativeTarget,
  relsPathFor,
  resolveTarget,
  type Relationship,
} from './package-parts';
import { restyleCells, type CellPosition } from './sheet-cell-styles';
import { escapeXml, findStartTag, NS, prefixFor, REL_TYPE } from './xml-text';
import { crc32, rewritePackage, type NewPart } from './zip-rewrite';
import { partKey, ZipPackage, type InflateRaw } from './zip-package';

const MAIN_NAMESPACES = [NS.main, NS.strictMain];

const CT = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** The package being patched: changed and new parts are kept as text and written at the end. */
class PackageEdit {
  private readonly texts = new Map<string, string>();
  private readonly names: Set<string>;

  constructor(readonly pkg: ZipPackage) {
    this.names = new Set(pkg.names().map(partKey));
  }

  read(path: string): string | undefined {
    return this.texts.has(path) ? this.texts.get(path) : this.pkg.text(path);
  }

  /** PartSource for package-parts.ts: reads see this edit's own writes. */
  text(path: string): string | undefined {
    return this.read(path);
  }

  write(path: string, text: string): void {
    this.texts.set(path, text);
    this.names.add(partKey(path));
  }

  has(path: string): boolean {
    return this.names.has(partKey(path));
  }

  /** The first free `prefix{n}suffix`, n ≥ 1 (part names compare case-insensitively). */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  /** The package bytes: changed parts deflated anew, everything else copied. */
  async finish(deflate: DeflateRaw): Promise<Uint8Array> {
    const encoder = new TextEncoder();
    const replaced: NewPart[] = [];
    const added: NewPart[] = [];
    for (const [path, text] of this.texts) {
      const data = encoder.encode(text);
      const existing = this.pkg.entry(path);
      if (existing && this.pkg.entries.filter((e) => partKey(e.name) === partKey(path)).length > 1) {
        throw new MarkedCopyError('duplicate-part', path);
      }
      const part = { name: existing ? existing.name : path, deflated: await deflate(data), crc: crc32(data), size: data.length };
      (existing ? replaced : added).push(part);
    }
    return rewritePackage(this.pkg, replaced, added);
  }
}

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;

/** Adds a relationship to a rels part's text; returns the new text and the id. */
function addRelationship(relsXml: string | undefined, type: string, target: string): { xml: string; id: string } {
  let xml = relsXml ?? EMPTY_RELS;
  const ids = new Set(parseRelationships(xml).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const close = xml.lastIndexOf('</Relationships>');
  if (close >= 0) xml = xml.slice(0, close) + rel + xml.slice(close);
  else xml = xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
  return { xml, id };
}

function addContentType(xml: string, entry: string, test: RegExp): string {
  if (test.test(xml)) return xml;
  const close = xml.lastIndexOf('</Types>');
  return xml.slice(0, close) + entry + xml.slice(close);
}

/** Worksheet children that must come after `<legacyDrawing>` (ECMA-376 CT_Worksheet order). */
const AFTER_LEGACY_DRAWING = new Set([
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/** Where a new top-level `<legacyDrawing>` goes: before the first later sibling, else before the root's end. */
function legacyDrawingInsertAt(xml: string, p: string): number {
  const dataEnd = xml.indexOf(`</${p}sheetData>`);
  const from = dataEnd >= 0 ? dataEnd + `</${p}sheetData>`.length : 0;
  const tagRe = /<(\/?)([\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g;
  tagRe.lastIndex = from;
  let depth = 0;
  for (let m = tagRe.exec(xml); m; m = tagRe.exec(xml)) {
    if (m[0].startsWith('<?') || m[0].startsWith('<!')) continue;
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (closing) {
      if (depth === 0) return m.index; // the root's end tag
      depth--;
      continue;
    }
    if (depth === 0 && AFTER_LEGACY_DRAWING.has(m[3])) return m.index;
    if (!selfClosing) depth++;
  }
  return xml.lastIndexOf('</');
}

/** The prefix bound to the relationships namespace on the sheet's root, adding `r` if none is. */
function ensureRelPrefix(xml: string): { xml: string; r: string } {
  const r = prefixFor(xml, NS.rel);
  if (r) return { xml, r };
  const p = prefixFor(xml, MAIN_NAMESPACES) ?? '';
  const root = findStartTag(xml, `${p}worksheet`)!;
  const tag = root.tag.replace(/>$/, ` xmlns:r="${NS.rel}">`);
  return { xml: xml.slice(0, root.index) + tag + xml.slice(root.index + root.tag.length), r: 'r:' };
}

interface MarkedCell {
  at: CellPosition;
  severity: Severity;
  text: string;
}

function groupBySheet(findings: Finding[], lang: Lang): Map<string, MarkedCell[]> {
  const out = new Map<string, MarkedCell[]>();
  for (const sheet of new Set(findings.map((f) => f.sheet))) {
    const cells = [...findingsByCell(findings, sheet)];
    // findingsByCell keys are plain A1 addresses, so each parses.
    const marked = cells.map(([cell, fs]) => ({ at: parseA1(cell)!, severity: mostSevere(fs), text: noteText(fs, lang) }));
    if (marked.length > 0) out.set(sheet, marked);
  }
  return out;
}

function openStyles(edit: PackageEdit, workbookPath: string): { path: string; xml: string } {
  const relsPath = relsPathFor(workbookPath);
  const rels = parseRelationships(edit.read(relsPath) ?? '');
  const rel = rels.find((r) => isRelType(r.type, 'styles') && !r.external);
  if (rel) {
    const path = resolveTarget(workbookPath, rel.target);
    const xml = edit.read(path);
    if (xml !== undefined) return { path, xml };
  }
  // A workbook without styles (some generators omit it): give it the minimal one.
  const path = edit.has(resolveTarget(workbookPath, 'styles.xml'))
    ? edit.freeName(resolveTarget(workbookPath, 'styles'), '.xml')
    : resolveTarget(workbookPath, 'styles.xml');
  const added = addRelationship(edit.read(relsPath), REL_TYPE.styles, relativeTarget(workbookPath, path));
  edit.write(relsPath, added.xml);
  const ct = edit.read('[Content_Types].xml')!;
  edit.write(
    '[Content_Types].xml',
    addContentType(ct, `<Override PartName="/${path}" ContentType="${CT.styles}"/>`, new RegExp(`PartName="/${path}"`)),
  );
  return { path, xml: minimalStylesXml() };
}

function markSheetNotes(
  edit: PackageEdit,
  sheetPath: string,
  sheetXml: string,
  notes: NoteRequest[],
  nextVmlBlock: () => number,
): string {
  const relsPath = relsPathFor(sheetPath);
  let relsXml = edit.read(relsPath);
  // A relationship to something outside the package is never followed, let alone written to.
  const rels: Relationship[] = (relsXml ? parseRelationships(relsXml) : []).filter((r) => !r.external);
  let contentTypes = edit.read('[Content_Types].xml')!;

  // Comments part: the sheet's own, wherever its writer put it, or a new one.
  const commentsRel = rels.find((r) => isRelType(r.type, 'comments'));
  let commentsPath = commentsRel ? resolveTarget(sheetPath, commentsRel.target) : undefined;
  const existingComments = commentsPath ? edit.read(commentsPath) : undefined;
  const result = addNotesToComments(existingComments, notes);
  if (!commentsPath || existingComments === undefined) {
    commentsPath = commentsPath ?? edit.freeName('xl/comments', '.xml');
    if (!commentsRel) {
      const added = addRelationship(relsXml, REL_TYPE.comments, relativeTarget(sheetPath, commentsPath));
      relsXml = added.xml;
    }
  }
  edit.write(commentsPath, result.xml);
  contentTypes = addContentType(
    contentTypes,
    `<Override PartName="/${commentsPath}" ContentType="${CT.comments}"/>`,
    new RegExp(`PartName="/${commentsPath.replace(/[.]/g, '\\.')}"`, 'i'),
  );

  // VML part: the one the sheet's <legacyDrawing> names, or a new one.
  const mainP = prefixFor(sheetXml, MAIN_NAMESPACES) ?? '';
  const legacy = findStartTag(sheetXml, `${mainP}legacyDrawing`);
  const legacyId = legacy ? legacyDrawingId(legacy.tag) : undefined;
  const vmlRel = legacyId ? rels.find((r) => r.id === legacyId) : undefined;
  const vmlPath = vmlRel ? resolveTarget(sheetPath, vmlRel.target) : undefined;
  const existingVml = vmlPath ? edit.read(vmlPath) : undefined;
  if (vmlPath && existingVml !== undefined) {
    edit.write(vmlPath, addNoteShapes(existingVml, result.added, result.extended, 0));
  } else {
    const path = edit.freeName('xl/drawings/vmlDrawing', '.vml');
    edit.write(path, addNoteShapes(undefined, result.added, [], nextVmlBlock()));
    const added = addRelationship(relsXml, REL_TYPE.vmlDrawing, relativeTarget(sheetPath, path));
    relsXml = added.xml;
    const withR = ensureRelPrefix(sheetXml);
    sheetXml = withR.xml;
    const element = `<${mainP}legacyDrawing ${withR.r}id="${added.id}"/>`;
    if (legacy) {
      // A <legacyDrawing> whose part is missing: point it at the new one.
      sheetXml = sheetXml.replace(legacy.tag, element);
    } else {
      const at = legacyDrawingInsertAt(sheetXml, mainP);
      sheetXml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
    }
    // Excel and LibreOffice declare VML by extension; a package without that gets it.
    contentTypes = addContentType(contentTypes, `<Default Extension="vml" ContentType="${CT.vml}"/>`, /Extension="vml"/i);
  }
  if (relsXml !== undefined) edit.write(relsPath, relsXml);
  edit.write('[Content_Types].xml', contentTypes);
  return sheetXml;
}

/** The `r:id` of a `<legacyDrawing>` tag, whatever prefix the relationships namespace has. */
function legacyDrawingId(tag: string): string | undefined {
  const m = /\s[\w.-]+:id\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag);
  return m ? (m[2] ?? m[3]) : undefined;
}

/**
 * Returns a copy of the workbook `original` with every finding's cell filled
 * by severity (error FFFFC7CE, warning FFFFEB9C, info FFDDEBF7) and noted
 * ("ScoreCheck: …", in `lang`). Findings on sheets or cells the workbook
 * does not have are left out. With nothing to mark, the bytes come back as given.
 * `codec` brings Node's zlib where there is one (node-zlib.ts). Throws
 * MarkedCopyError when the package cannot be marked faithfully.
 */
export async function writeMarkedCopy(
  original: Uint8Array | ArrayBuffer,
  findings: Finding[],
  lang: Lang,
  codec: { deflateRaw?: DeflateRaw; inflateRaw?: InflateRaw } = {},
): Promise<Uint8Array> {
  const bytes = toBytes(original);
  const pkg = new ZipPackage(bytes, inspectWorkbookBytes(bytes, 'workbook'), 'workbook', codec.inflateRaw);
  const marks = groupBySheet(findings, lang);
  const edit = new PackageEdit(pkg);
  const { workbookPath, sheets } = listWorksheetParts(edit);
  const marked = sheets.filter((s) => marks.has(s.name));
  if (marked.length === 0) return new Uint8Array(bytes);
  if (!pkg.has('[Content_Types].xml')) throw new MarkedCopyError('no-content-types', '[Content_Types].xml');
  if (pkg.entries.length > 0xfff0) throw new MarkedCopyError('too-many-parts', String(pkg.entries.length));

  const styles = openStyles(edit, workbookPath);
  const markStyles = new MarkStyles(styles.xml, prefixFor(styles.xml, MAIN_NAMESPACES) ?? '');

  // VML id blocks (1024 shape ids each) must not collide across the workbook.
  const usedBlocks = new Set<number>();
  for (const name of pkg.names()) {
    if (!/\.vml$/i.test(name)) continue;
    for (const b of vmlIdBlocks(pkg.text(name) ?? '')) usedBlocks.add(b);
  }
  const nextVmlBlock = () => {
    let b = 1;
    while (usedBlocks.has(b)) b++;
    usedBlocks.add(b);
    return b;
  };

  for (const sheet of marked) {
    const cells = marks.get(sheet.name)!;
    let xml = edit.read(sheet.path);
    if (xml === undefined) continue;
    const p = prefixFor(xml, MAIN_NAMESPACES) ?? '';
    const severityAt = new Map(cells.map((c) => [`${c.at.row},${c.at.col}`, c.severity]));
    xml = restyleCells(
      xml,
      p,
      cells.map((c) => c.at),
      (current, at) => markStyles.xfFor(current, severityAt.get(`${at.row},${at.col}`)!),
    );
    xml = markSheetNotes(
      edit,
      sheet.path,
      xml,
      cells.map((c) => ({ row: c.at.row, col: c.at.col, text: c.text })),
      nextVmlBlock,
    );
    edit.write(sheet.path, xml);
  }
  edit.write(styles.path, markStyles.toXml());
  return edit.finish(codec.deflateRaw ?? streamDeflateRaw);
}
