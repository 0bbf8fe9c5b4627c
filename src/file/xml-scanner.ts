/**
 * A pull scanner over one XML part, written for the reader: it walks the text
 * once, keeps only the open elements' names and their namespace
 * declarations, and never expands an entity or reads a DTD.
 *
 * - `<!DOCTYPE …>` is refused outright (XmlRefusedError): OOXML parts never
 *   carry one (ECMA-376 Part 2 forbids DTDs in package XML), and refusing it
 *   is what makes entity expansion ("billion laughs") and external entities
 *   impossible rather than merely limited.
 * - Only XML's five named entities and character references are decoded;
 *   any other `&name;` stays as written.
 * - Markup Compatibility (`mc:AlternateContent`) is resolved here, so every
 *   reader above sees one branch: the first `Choice` whose `Requires`
 *   prefixes are all SpreadsheetML, else the `Fallback` (ECMA-376 Part 3).
 * - Mismatched or unclosed tags are an XmlFormatError: a damaged part is
 *   refused rather than half read.
 */
import { decodeXml, NS } from './xml-text';

export class XmlFormatError extends Error {}

/** The part declares a DTD, which would allow entity definitions. */
export class XmlRefusedError extends Error {}

export type Token = 'start' | 'end' | 'text' | 'eof';

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Namespaces whose elements this reader understands, for `mc:Choice Requires`. */
const UNDERSTOOD = new Set<string>([NS.main, NS.strictMain]);

/** The SpreadsheetML namespaces, transitional and strict, for `isMain()`. */
const MAIN = new Set<string>([NS.main, NS.strictMain]);

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

function isNameEnd(ch: number): boolean {
  return isSpace(ch) || ch === 0x3e || ch === 0x2f || Number.isNaN(ch);
}

/** How an open `mc:` element is treated: its content read as the parent's, or skipped. */
type McFrame = { kind: 'alternate'; chosen: boolean } | { kind: 'branch' };

export class XmlScanner {
  private pos = 0;
  /** Open elements' qualified names, innermost last. */
  private readonly open: string[] = [];
  /** Namespace declarations per open element (undefined: it declares none). */
  private readonly scopes: (Map<string, string> | undefined)[] = [];
  /** Open `mc:` elements that are transparent, by depth. */
  private readonly mc = new Map<number, McFrame>();

  /** The current token's qualified name (start and end tokens). */
  qname = '';
  /** The local part of `qname`. */
  local = '';
  /** A start tag that closes itself (`<c/>`): no end token follows it. */
  selfClosing = false;
  private attrNames: string[] = [];
  private attrValues: string[] = [];
  private textRaw = '';
  private textIsCdata = false;
  /** A self-closing start's end event, owed to the caller's depth count. */
  private pendingEnd = false;
  private rootSeen = false;

  constructor(private readonly xml: string) {}

  /**
   * Depth of open elements after the current token (the root is at depth 1),
   * not counting the `mc:` elements read through: a row inside
   * AlternateContent/Fallback sits where it would without them.
   */
  get depth(): number {
    return this.open.length - this.mc.size;
  }

  /** The next token that is not Markup Compatibility scaffolding. */
  next(): Token {
    for (;;) {
      const t = this.rawNext();
      if (t === 'start' && this.isMc()) {
        if (this.enterMc()) continue;
        this.skipCurrent();
        continue;
      }
      if (t === 'end' && this.mc.has(this.open.length + 1)) {
        this.mc.delete(this.open.length + 1);
        continue;
      }
      return t;
    }
  }

  /** Skips the children of the start tag just read, through its end tag. */
  skipCurrent(): void {
    if (this.selfClosing) {
      this.pendingEnd = false;
      this.open.pop();
      this.scopes.pop();
      return;
    }
    const depth = this.open.length;
    while (this.open.length >= depth) {
      if (this.rawNext() === 'eof') throw new XmlFormatError('unexpected end of the part');
    }
  }

  /** An attribute's value by qualified name, decoded; undefined when absent. */
  attr(qname: string): string | undefined {
    const i = this.attrNames.indexOf(qname);
    return i < 0 ? undefined : decodeXml(this.attrValues[i]);
  }

  /** An attribute's value by local name, whatever its prefix (`r:id`, `id`). */
  attrLocal(local: string): string | undefined {
    for (let i = 0; i < this.attrNames.length; i++) {
      const n = this.attrNames[i];
      const colon = n.indexOf(':');
      if ((colon < 0 ? n : n.slice(colon + 1)) === local && !n.startsWith('xmlns')) return decodeXml(this.attrValues[i]);
    }
    return undefined;
  }

  /** A prefixed attribute's value (`r:id`) whose prefix is bound to one of `namespaces`. */
  attrNs(local: string, namespaces: readonly string[]): string | undefined {
    for (let i = 0; i < this.attrNames.length; i++) {
      const n = this.attrNames[i];
      const colon = n.indexOf(':');
      if (colon < 0 || n.slice(colon + 1) !== local) continue;
      const uri = this.resolve(n.slice(0, colon));
      if (uri !== undefined && namespaces.includes(uri)) return decodeXml(this.attrValues[i]);
    }
    return undefined;
  }

  /** The current text token, entities decoded (CDATA as written). */
  text(): string {
    return this.textIsCdata ? this.textRaw : decodeXml(this.textRaw);
  }

  /** Whether the current element is in SpreadsheetML's namespace (either edition). */
  isMain(): boolean {
    const uri = this.resolve(this.prefixOf(this.qname));
    return uri !== undefined && MAIN.has(uri);
  }

  private prefixOf(qname: string): string {
    const colon = qname.indexOf(':');
    return colon < 0 ? '' : qname.slice(0, colon);
  }

  private resolve(prefix: string): string | undefined {
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const uri = this.scopes[i]?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  }

  private isMc(): boolean {
    if (this.local !== 'AlternateContent' && this.local !== 'Choice' && this.local !== 'Fallback') return false;
    return this.resolve(this.prefixOf(this.qname)) === MC_NS;
  }

  /** Decides an `mc:` element: true when its content is to be read as its parent's. */
  private enterMc(): boolean {
    const depth = this.open.length;
    if (this.local === 'AlternateContent') {
      if (this.selfClosing) return this.closeSelf();
      this.mc.set(depth, { kind: 'alternate', chosen: false });
      return true;
    }
    const parent = this.mc.get(depth - 1);
    if (!parent || parent.kind !== 'alternate' || parent.chosen) return false;
    if (this.local === 'Choice') {
      const requires = (this.attr('Requires') ?? '').split(/\s+/).filter(Boolean);
      if (requires.length === 0 || !requires.every((p) => UNDERSTOOD.has(this.resolve(p) ?? ''))) return false;
    }
    parent.chosen = true;
    if (this.selfClosing) return this.closeSelf();
    this.mc.set(depth, { kind: 'branch' });
    return true;
  }

  private closeSelf(): true {
    this.pendingEnd = false;
    this.open.pop();
    this.scopes.pop();
    return true;
  }

  private rawNext(): Token {
    if (this.pendingEnd) {
      this.pendingEnd = false;
      this.qname = this.open.pop()!;
      this.scopes.pop();
      this.local = this.localOf(this.qname);
      return 'end';
    }
    const xml = this.xml;
    for (;;) {
      if (this.pos >= xml.length) {
        if (this.open.length > 0) throw new XmlFormatError(`<${this.open[this.open.length - 1]}> is not closed`);
        if (!this.rootSeen) throw new XmlFormatError('no root element');
        return 'eof';
      }
      const lt = xml.indexOf('<', this.pos);
      if (lt !== this.pos) {
        const end = lt < 0 ? xml.length : lt;
        this.textRaw = xml.slice(this.pos, end);
        this.textIsCdata = false;
        this.pos = end;
        if (this.open.length === 0) {
          // Only whitespace may stand outside the root element.
          if (this.textRaw.trim() !== '') throw new XmlFormatError('text outside the root element');
          continue;
        }
        return 'text';
      }
      const next = xml.charCodeAt(lt + 1);
      if (next === 0x3f /* ? */) {
        this.pos = this.closeOf('?>', lt);
        continue;
      }
      if (next === 0x21 /* ! */) {
        if (xml.startsWith('<!--', lt)) {
          this.pos = this.closeOf('-->', lt);
          continue;
        }
        if (xml.startsWith('<![CDATA[', lt)) {
          const close = xml.indexOf(']]>', lt + 9);
          if (close < 0) throw new XmlFormatError('unclosed CDATA section');
          this.textRaw = xml.slice(lt + 9, close);
          this.textIsCdata = true;
          this.pos = close + 3;
          return 'text';
        }
        if (xml.startsWith('<!DOCTYPE', lt)) throw new XmlRefusedError('a DTD (<!DOCTYPE>) in package XML');
        throw new XmlFormatError(`unexpected markup at ${lt}`);
      }
      if (next === 0x2f /* / */) return this.readEndTag(lt);
      return this.readStartTag(lt);
    }
  }

  private closeOf(close: string, from: number): number {
    const at = this.xml.indexOf(close, from + 2);
    if (at < 0) throw new XmlFormatError('unclosed markup');
    return at + close.length;
  }

  private localOf(qname: string): string {
    const colon = qname.indexOf(':');
    return colon < 0 ? qname : qname.slice(colon + 1);
  }

  private readEndTag(lt: number): Token {
    const gt = this.xml.indexOf('>', lt);
    if (gt < 0) throw new XmlFormatError('unclosed end tag');
    const qname = this.xml.slice(lt + 2, gt).trimEnd();
    const expected = this.open.pop();
    this.scopes.pop();
    if (qname !== expected) throw new XmlFormatError(`</${qname}> closes <${expected ?? ''}>`);
    this.qname = qname;
    this.local = this.localOf(qname);
    this.pos = gt + 1;
    return 'end';
  }

  private readStartTag(lt: number): Token {
    const xml = this.xml;
    let i = lt + 1;
    while (!isNameEnd(xml.charCodeAt(i))) i++;
    if (i === lt + 1) throw new XmlFormatError(`a tag without a name at ${lt}`);
    this.qname = xml.slice(lt + 1, i);
    this.local = this.localOf(this.qname);
    this.attrNames = [];
    this.attrValues = [];
    let scope: Map<string, string> | undefined;
    for (;;) {
      while (isSpace(xml.charCodeAt(i))) i++;
      const ch = xml.charCodeAt(i);
      if (ch === 0x3e) {
        this.selfClosing = false;
        i++;
        break;
      }
      if (ch === 0x2f && xml.charCodeAt(i + 1) === 0x3e) {
        this.selfClosing = true;
        i += 2;
        break;
      }
      if (Number.isNaN(ch)) throw new XmlFormatError(`<${this.qname}> is cut off`);
      const nameStart = i;
      while (!isSpace(xml.charCodeAt(i)) && xml[i] !== '=' && i < xml.length) i++;
      const name = xml.slice(nameStart, i);
      while (isSpace(xml.charCodeAt(i))) i++;
      if (xml[i] !== '=') throw new XmlFormatError(`attribute ${name} of <${this.qname}> has no value`);
      i++;
      while (isSpace(xml.charCodeAt(i))) i++;
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") throw new XmlFormatError(`attribute ${name} of <${this.qname}> is not quoted`);
      const close = xml.indexOf(quote, i + 1);
      if (close < 0) throw new XmlFormatError(`<${this.qname}> is cut off`);
      const raw = xml.slice(i + 1, close);
      this.attrNames.push(name);
      this.attrValues.push(raw);
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        scope ??= new Map();
        scope.set(name === 'xmlns' ? '' : name.slice(6), decodeXml(raw));
      }
      i = close + 1;
    }
    this.pos = i;
    if (this.open.length === 0) {
      if (this.rootSeen) throw new XmlFormatError('a second root element');
      this.rootSeen = true;
    }
    this.open.push(this.qname);
    this.scopes.push(scope);
    this.pendingEnd = this.selfClosing;
    return 'start';
  }
}
