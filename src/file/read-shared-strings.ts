/**
 * sharedStrings.xml → the table `t="s"` cells index. Rich text runs are
 * joined; phonetic runs (`rPh`, the furigana/pinyin guide) are not part of
 * the text and are dropped, as Excel drops them from the cell's value.
 */
import { XmlScanner } from './xml-scanner';

/** Excel's escape for characters XML cannot carry (`_x000D_`); `_x005F_` escapes the underscore itself. */
const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeExcelText(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Reads the text of a string item (`<si>` or a cell's `<is>`), the scanner
 * standing on its start tag; leaves it on the matching end tag.
 */
export function readStringItem(x: XmlScanner): string {
  if (x.selfClosing) {
    x.skipCurrent();
    return '';
  }
  const depth = x.depth;
  let text = '';
  let inText = false;
  for (let t = x.next(); t !== 'eof'; t = x.next()) {
    if (t === 'start') {
      if (x.local === 'rPh' || x.local === 'phoneticPr' || x.local === 'extLst') {
        x.skipCurrent();
        continue;
      }
      if (x.local === 't') inText = !x.selfClosing;
    } else if (t === 'end') {
      if (x.depth < depth) break;
      if (x.local === 't') inText = false;
    } else if (t === 'text' && inText) {
      text += x.text();
    }
  }
  return unescapeExcelText(text);
}

export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const x = new XmlScanner(xml);
  for (let t = x.next(); t !== 'eof'; t = x.next()) {
    if (t === 'start' && x.depth === 2 && x.local === 'si') out.push(readStringItem(x));
  }
  return out;
}
