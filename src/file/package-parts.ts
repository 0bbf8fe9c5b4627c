/**
 * Finding parts in an .xlsx package by its relationships (Open Packaging
 * Conventions), never by assumed names: openpyxl, WPS and LibreOffice put
 * comments, drawings and even worksheets at paths of their own choosing.
 */
import type JSZip from 'jszip';
import { decodeXml, getAttr, REL_TYPE } from './xml-text';

export interface Relationship {
  id: string;
  type: string;
  /** As written in the rels part: relative to the source's folder, or absolute from the root. */
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const re = /<(?:[\w.-]+:)?Relationship(?=[\s/>])[^>]*>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const tag = m[0];
    out.push({
      id: getAttr(tag, 'Id') ?? '',
      type: getAttr(tag, 'Type') ?? '',
      target: getAttr(tag, 'Target') ?? '',
      external: getAttr(tag, 'TargetMode') === 'External',
    });
  }
  return out;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** A relationship target as a package path without a leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = decodeURI(target.split('#')[0]);
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

/** Zip entries may be stored with a leading slash by some writers. */
export function fileAt(zip: JSZip, path: string): JSZip.JSZipObject | null {
  return zip.file(path) ?? zip.file(`/${path}`);
}

export async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const f = fileAt(zip, path);
  return f ? f.async('string') : undefined;
}

export async function readRelationships(zip: JSZip, partPath: string): Promise<Relationship[]> {
  const xml = await readText(zip, relsPathFor(partPath));
  return xml ? parseRelationships(xml) : [];
}

export interface WorksheetPart {
  name: string;
  path: string;
}

export async function workbookPartPath(zip: JSZip): Promise<string> {
  const rels = await readRelationships(zip, '');
  const doc = rels.find((r) => r.type === REL_TYPE.officeDocument);
  return doc ? resolveTarget('', doc.target) : 'xl/workbook.xml';
}

/** The worksheets in workbook order, with their names and part paths. */
export async function listWorksheetParts(zip: JSZip): Promise<{ workbookPath: string; sheets: WorksheetPart[] }> {
  const workbookPath = await workbookPartPath(zip);
  const xml = (await readText(zip, workbookPath)) ?? '';
  const rels = await readRelationships(zip, workbookPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: WorksheetPart[] = [];
  const re = /<(?:[\w.-]+:)?sheet(?=[\s/>])[^>]*>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const tag = m[0];
    const idAttr = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag);
    const rel = idAttr ? byId.get(decodeXml(idAttr[1])) : undefined;
    if (!rel || rel.type !== REL_TYPE.worksheet) continue; // chartsheets, dialogsheets
    sheets.push({ name: getAttr(tag, 'name') ?? '', path: resolveTarget(workbookPath, rel.target) });
  }
  return { workbookPath, sheets };
}
