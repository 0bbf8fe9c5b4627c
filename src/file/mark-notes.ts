/**
 * Cell notes (Excel's legacy comments) for marked cells. A note lives in two
 * parts: the text in the sheet's comments part, the pop-up box in its legacy
 * VML drawing. A user's own note is never replaced: our text is appended
 * below it as a new run, and its box is made taller to show it.
 */
import { toA1 } from '../core';
import { escapeXml, findStartTag, getAttr, prefixFor, NS } from './xml-text';

export interface NoteRequest {
  row: number;
  col: number;
  text: string;
}

export const NOTE_AUTHOR = 'ScoreCheck';

/** Lines a note box needs for `text` at about 24 narrow characters a line. */
function lineCount(text: string): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(widthOf(line) / 24)), 0);
}

/** CJK characters are about twice as wide as Latin ones. */
function widthOf(line: string): number {
  let w = 0;
  for (const ch of line) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function noteRun(p: string, text: string): string {
  return (
    `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="Tahoma"/></${p}rPr>` +
    `<${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}r>`
  );
}

/** The start tag of the comment on `ref`, attributes parsed (a `>` may sit inside one). */
function commentTag(xml: string, p: string, ref: string): { index: number; tag: string } | undefined {
  for (let c = findStartTag(xml, `${p}comment`); c; c = findStartTag(xml, `${p}comment`, c.index + c.tag.length)) {
    if (getAttr(c.tag, 'ref') === ref) return c;
  }
  return undefined;
}

export interface CommentsResult {
  xml: string;
  /** Notes on cells that had none: each needs a new VML box. */
  added: NoteRequest[];
  /** Cells that already had a user's note, with how many lines we appended. */
  extended: { row: number; col: number; lines: number }[];
}

/** Adds `notes` to a comments part (or creates one when `existing` is undefined). */
export function addNotesToComments(existing: string | undefined, notes: NoteRequest[]): CommentsResult {
  if (existing === undefined) {
    const list = notes
      .map((n) => `<comment ref="${toA1(n.row, n.col)}" authorId="0"><text>${noteRun('', n.text)}</text></comment>`)
      .join('');
    return {
      xml:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<comments xmlns="${NS.main}"><authors><author>${NOTE_AUTHOR}</author></authors>` +
        `<commentList>${list}</commentList></comments>`,
      added: notes,
      extended: [],
    };
  }

  const p = prefixFor(existing, NS.main) ?? '';
  let xml = existing;

  // Our author, added once.
  const authors = [...xml.matchAll(new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>|<${p}author/>`, 'g'))];
  let authorId = authors.findIndex((m) => m[1] === NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    const close = xml.indexOf(`</${p}authors>`);
    if (close >= 0) {
      xml = xml.slice(0, close) + `<${p}author>${NOTE_AUTHOR}</${p}author>` + xml.slice(close);
    } else {
      const selfClosed = new RegExp(`<${p}authors\\s*/>`).exec(xml);
      const listAt = xml.indexOf(`<${p}commentList`);
      const authorsXml = `<${p}authors><${p}author>${NOTE_AUTHOR}</${p}author></${p}authors>`;
      if (selfClosed) xml = xml.slice(0, selfClosed.index) + authorsXml + xml.slice(selfClosed.index + selfClosed[0].length);
      else xml = xml.slice(0, listAt) + authorsXml + xml.slice(listAt);
    }
  }

  const added: NoteRequest[] = [];
  const extended: CommentsResult['extended'] = [];
  const fresh: string[] = [];
  for (const note of notes) {
    const ref = toA1(note.row, note.col);
    const at = commentTag(xml, p, ref);
    if (!at) {
      fresh.push(`<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${noteRun(p, note.text)}</${p}text></${p}comment>`);
      added.push(note);
      continue;
    }
    const textOpen = xml.indexOf(`<${p}text`, at.index);
    const textStart = xml.indexOf('>', textOpen) + 1;
    const textClose = xml.indexOf(`</${p}text>`, textStart);
    let inner = xml.slice(textStart, textClose);
    // Plain `<t>` text and runs cannot be mixed: make the user's text a run of its own.
    const bare = new RegExp(`^(\\s*)(<${p}t(?=[\\s>])[^>]*>[\\s\\S]*?</${p}t>|<${p}t\\s*/>)`).exec(inner);
    if (bare) inner = `${bare[1]}<${p}r>${bare[2]}</${p}r>${inner.slice(bare[0].length)}`;
    // New runs go after the last run, before any phonetic (rPh, phoneticPr) parts.
    const phonetic = inner.search(new RegExp(`<${p}(rPh|phoneticPr)(?=[\\s/>])`));
    const insertAt = phonetic >= 0 ? phonetic : inner.length;
    const appended = `\n\n${note.text}`;
    inner = inner.slice(0, insertAt) + noteRun(p, appended) + inner.slice(insertAt);
    xml = xml.slice(0, textStart) + inner + xml.slice(textClose);
    // The first line break only ends the user's last line: it adds no line.
    extended.push({ row: note.row, col: note.col, lines: lineCount(appended) - 1 });
  }
  if (fresh.length > 0) {
    const close = xml.indexOf(`</${p}commentList>`);
    if (close >= 0) xml = xml.slice(0, close) + fresh.join('') + xml.slice(close);
    else {
      const selfClosed = new RegExp(`<${p}commentList\\s*/>`).exec(xml)!;
      xml =
        xml.slice(0, selfClosed.index) +
        `<${p}commentList>${fresh.join('')}</${p}commentList>` +
        xml.slice(selfClosed.index + selfClosed[0].length);
    }
  }
  return { xml, added, extended };
}

const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, note: NoteRequest): string {
  const rows = Math.min(24, Math.max(4, lineCount(note.text) + 1));
  // Anchor: left col, dx, top row, dy, right col, dx, bottom row, dy — beside the cell, as Excel places notes.
  const anchor = `${note.col + 1}, 15, ${Math.max(0, note.row - 1)}, 10, ${note.col + 4}, 15, ${Math.max(0, note.row - 1) + rows}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:${rows * 15}pt;z-index:${id};visibility:hidden" ` +
    `fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>` +
    `<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column></x:ClientData></v:shape>`
  );
}

/** The idmap blocks a VML part claims (`data="1"` or `"1,2"`): shape ids are 1024 per block. */
export function vmlIdBlocks(vml: string): number[] {
  const m = /<o:idmap\b[^>]*>/.exec(vml);
  const data = m ? getAttr(m[0], 'data') : undefined;
  return data
    ? data
        .split(/[\s,]+/)
        .map(Number)
        .filter(Number.isFinite)
    : [];
}

/**
 * Adds note boxes for `added` to a VML part (or creates one in id block
 * `block` when `existing` is undefined), and grows the boxes of `extended`
 * notes so the appended text shows.
 */
export function addNoteShapes(
  existing: string | undefined,
  added: NoteRequest[],
  extended: CommentsResult['extended'],
  block: number,
): string {
  if (existing === undefined) {
    const shapes = added.map((n, i) => noteShape(block * 1024 + 1 + i, n)).join('');
    return (
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
      `${NOTE_SHAPETYPE}${shapes}</xml>`
    );
  }
  let vml = existing;
  for (const e of extended) vml = growNoteBox(vml, e.row, e.col, e.lines);
  if (added.length === 0) return vml;
  const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const first = Math.max(...ids, (vmlIdBlocks(vml)[0] ?? block) * 1024) + 1;
  let insert = added.map((n, i) => noteShape(first + i, n)).join('');
  if (!/id="_x0000_t202"/.test(vml)) insert = NOTE_SHAPETYPE + insert;
  const close = vml.lastIndexOf('</xml>');
  return vml.slice(0, close) + insert + vml.slice(close);
}

/** Makes the note box of the cell (row, col) `lines` rows taller. */
function growNoteBox(vml: string, row: number, col: number, lines: number): string {
  const shapes = /<v:shape\b[\s\S]*?<\/v:shape>/g;
  for (let m = shapes.exec(vml); m; m = shapes.exec(vml)) {
    const shape = m[0];
    const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
    const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
    if (!r || !c || Number(r[1]) !== row || Number(c[1]) !== col || !/ObjectType="Note"/.test(shape)) continue;
    const grown = shape.replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (all, text: string) => {
      const parts = text.split(',').map((s) => s.trim());
      if (parts.length !== 8) return all;
      parts[6] = String(Number(parts[6]) + lines);
      return `<x:Anchor>${parts.join(', ')}</x:Anchor>`;
    });
    return vml.slice(0, m.index) + grown + vml.slice(m.index + shape.length);
  }
  return vml;
}
