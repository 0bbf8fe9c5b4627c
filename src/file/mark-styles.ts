/**
 * New cell formats for marked cells, added to styles.xml beside the old ones.
 * Each marked cell gets a copy of its own format (font, border, number format,
 * alignment, protection all kept) with a mark fill: cells that shared the old
 * format are not repainted, and the old format is still there for *Clear*.
 */
import { MARK_FILL, type Severity } from '../core';
import { findStartTag, setAttr } from './xml-text';

/** The mark fills (core/finding.ts) as the ARGB that styles.xml writes: `#FFC7CE` → `FFFFC7CE`. */
export const MARK_FILL_RGB = Object.fromEntries(
  (Object.keys(MARK_FILL) as Severity[]).map((s) => [s, `FF${MARK_FILL[s].slice(1)}`]),
) as Record<Severity, string>;

const MINIMAL_STYLES = (p: string, ns: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<${p}styleSheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${ns}">` +
  `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
  `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
  `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
  `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
  `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${p}cellXfs>` +
  `</${p}styleSheet>`;

export function minimalStylesXml(): string {
  return MINIMAL_STYLES('', 'http://schemas.openxmlformats.org/spreadsheetml/2006/main');
}

interface Block {
  /** Index of the start tag. */
  start: number;
  startTag: string;
  /** Index of the closing tag (where new children go). */
  close: number;
  children: string[];
}

function readBlock(xml: string, p: string, name: string, child: string): Block | undefined {
  const open = findStartTag(xml, `${p}${name}`);
  if (!open) return undefined;
  if (open.tag.endsWith('/>')) return undefined;
  const closeTag = `</${p}${name}>`;
  const close = xml.indexOf(closeTag, open.index);
  const inner = xml.slice(open.index + open.tag.length, close);
  // Children do not nest in themselves (<xf> in <cellXfs>, <fill> in <fills>).
  const re = new RegExp(`<${p}${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, 'g');
  return { start: open.index, startTag: open.tag, close, children: inner.match(re) ?? [] };
}

/** Builds mark formats on demand and writes them into styles.xml at the end. */
export class MarkStyles {
  private readonly added = new Map<string, number>();
  private readonly newXfs: string[] = [];
  private readonly fillIds = new Map<Severity, number>();
  private readonly newFills: string[] = [];
  private readonly xfs: string[];
  private readonly fillCount: number;

  constructor(
    private readonly xml: string,
    private readonly p: string,
  ) {
    const xfs = readBlock(xml, p, 'cellXfs', 'xf');
    const fills = readBlock(xml, p, 'fills', 'fill');
    if (!xfs || !fills) throw new Error('styles.xml has no cellXfs or fills');
    this.xfs = xfs.children;
    this.fillCount = fills.children.length;
  }

  private fillFor(severity: Severity): number {
    let id = this.fillIds.get(severity);
    if (id === undefined) {
      const p = this.p;
      id = this.fillCount + this.newFills.length;
      this.newFills.push(
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${MARK_FILL_RGB[severity]}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
      this.fillIds.set(severity, id);
    }
    return id;
  }

  /** The index of a format like `base` but with the mark fill of `severity`. */
  xfFor(base: number, severity: Severity): number {
    const key = `${base}:${severity}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    // An out-of-range index is what Excel treats as format 0.
    const source = this.xfs[base] ?? this.xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const tagEnd = source.indexOf('>') + 1;
    let tag = source.slice(0, tagEnd);
    tag = setAttr(tag, 'fillId', String(this.fillFor(severity)));
    tag = setAttr(tag, 'applyFill', '1');
    const xf = tag + source.slice(tagEnd);
    const index = this.xfs.length + this.newXfs.length;
    this.newXfs.push(xf);
    this.added.set(key, index);
    return index;
  }

  get changed(): boolean {
    return this.newXfs.length > 0;
  }

  /** styles.xml with the new fills and formats appended and the counts updated. */
  toXml(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    // cellXfs comes after fills in the schema: patch it first so indices stay valid.
    for (const [name, child, items, count] of [
      ['cellXfs', 'xf', this.newXfs, this.xfs.length + this.newXfs.length],
      ['fills', 'fill', this.newFills, this.fillCount + this.newFills.length],
    ] as const) {
      if (items.length === 0) continue;
      const block = readBlock(xml, this.p, name, child)!;
      xml = xml.slice(0, block.close) + items.join('') + xml.slice(block.close);
      const tag = setAttr(block.startTag, 'count', String(count));
      xml = xml.slice(0, block.start) + tag + xml.slice(block.start + block.startTag.length);
    }
    return xml;
  }
}
