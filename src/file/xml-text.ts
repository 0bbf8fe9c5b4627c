/**
 * The little XML handling the package patcher needs, done on the text itself
 * so that everything we do not touch stays byte-for-byte as the original
 * writer left it (a DOM round trip would re-serialise every part it opened).
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const MAX_CODE_POINT = 0x10ffff;

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  // One linear pass; no entity is ever looked up beyond XML's five and character references.
  return text.replace(/&(#x[0-9a-fA-F]{1,8}|#\d{1,10}|amp|lt|gt|quot|apos);/g, (all, ent: string) => {
    switch (ent) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        // Out of Unicode's range: kept as written rather than thrown on.
        return code <= MAX_CODE_POINT ? String.fromCodePoint(code) : all;
      }
    }
  });
}

/**
 * The index just past the `>` that ends the tag opening at `start`, or -1.
 * Quotes are respected: `>` is legal inside an attribute value.
 */
export function tagEndAt(xml: string, start: number): number {
  for (let i = start + 1; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 0x3e) return i + 1;
    if (ch === 0x22 || ch === 0x27) {
      const close = xml.indexOf(ch === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

export interface Attribute {
  name: string;
  /** As written, entities not decoded. */
  raw: string;
  /** Where the attribute (name through closing quote) sits in the tag. */
  start: number;
  end: number;
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

/** The attributes of one start tag (`<name a="1" b='2'>`), in order; a malformed rest is ignored. */
export function parseAttributes(tag: string): Attribute[] {
  const out: Attribute[] = [];
  let i = 1;
  while (i < tag.length && !isSpace(tag.charCodeAt(i)) && tag[i] !== '>' && tag[i] !== '/') i++;
  for (;;) {
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const start = i;
    while (i < tag.length && tag[i] !== '=' && !isSpace(tag.charCodeAt(i)) && tag[i] !== '>' && tag[i] !== '/') i++;
    if (i === start) return out;
    const name = tag.slice(start, i);
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== '=') return out;
    i++;
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") return out;
    const close = tag.indexOf(quote, i + 1);
    if (close < 0) return out;
    out.push({ name, raw: tag.slice(i + 1, close), start, end: close + 1 });
    i = close + 1;
  }
}

/** The value of attribute `name` in a start tag, decoded; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  const a = parseAttributes(tag).find((x) => x.name === name);
  return a ? decodeXml(a.raw) : undefined;
}

/** The start tag with attribute `name` set to `value` (replaced, or added before the tag's end). */
export function setAttr(tag: string, name: string, value: string): string {
  const a = parseAttributes(tag).find((x) => x.name === name);
  const written = `${name}="${escapeXml(value)}"`;
  if (a) return tag.slice(0, a.start) + written + tag.slice(a.end);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).replace(/\s+$/, '')} ${written}${tag.slice(end)}`;
}

/**
 * The namespace prefix (with its colon, or '') the root element binds to
 * `namespace`: SpreadsheetML written by .NET tools often uses `x:`.
 */
export function prefixFor(xml: string, namespace: string | readonly string[]): string | undefined {
  const wanted = typeof namespace === 'string' ? [namespace] : namespace;
  const root = rootTag(xml);
  if (!root) return undefined;
  for (const a of parseAttributes(root)) {
    if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) continue;
    if (wanted.includes(decodeXml(a.raw))) return a.name === 'xmlns' ? '' : `${a.name.slice(6)}:`;
  }
  return undefined;
}

/** The root element's start tag: the first tag that is not a declaration, comment or instruction. */
function rootTag(xml: string): string | undefined {
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at + 1)) {
    const next = xml[at + 1];
    if (next === '?' || next === '!') {
      const close = xml.indexOf(xml.startsWith('<!--', at) ? '-->' : '>', at);
      if (close < 0) return undefined;
      at = close;
      continue;
    }
    const end = tagEndAt(xml, at);
    return end < 0 ? undefined : xml.slice(at, end);
  }
  return undefined;
}

/** Finds the first element `<tag …>` (start tag only); index and text. */
export function findStartTag(xml: string, qname: string, from = 0): { index: number; tag: string } | undefined {
  const open = `<${qname}`;
  for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + 1)) {
    const next = xml.charCodeAt(at + open.length);
    if (!isSpace(next) && next !== 0x3e && next !== 0x2f) continue;
    const end = tagEndAt(xml, at);
    return end < 0 ? undefined : { index: at, tag: xml.slice(at, end) };
  }
  return undefined;
}

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  /** ISO/IEC 29500 Strict: the same vocabulary under other names. */
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const REL_TYPE = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
} as const;
