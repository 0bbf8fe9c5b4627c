/**
 * styles.xml → the number format code of each cell format (`s="…"` on a
 * cell indexes `cellXfs`). Built-in formats are the ids ECMA-376 §18.8.30
 * fixes for every locale; locale-dependent ids (27–36, 50–58 in Chinese
 * Excel) have no fixed code and give none, as exceljs gave none.
 */
import { XmlScanner } from './xml-scanner';

const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format code per cell format index; `undefined` for General (id 0) or an unknown id. */
export function readNumberFormats(xml: string | undefined): (string | undefined)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  const x = new XmlScanner(xml);
  let inCellXfs = false;
  for (let t = x.next(); t !== 'eof'; t = x.next()) {
    if (t === 'end') {
      if (x.local === 'cellXfs') inCellXfs = false;
      continue;
    }
    if (t !== 'start') continue;
    if (x.depth === 2 && x.local === 'cellXfs') inCellXfs = !x.selfClosing;
    else if (x.local === 'numFmt' && x.depth === 3) {
      const id = parseInt(x.attr('numFmtId') ?? '', 10);
      const code = x.attr('formatCode');
      if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
    } else if (inCellXfs && x.depth === 3 && x.local === 'xf') {
      xfIds.push(parseInt(x.attr('numFmtId') ?? '0', 10) || 0);
    }
  }
  // A custom code may redefine a built-in id; id 0 is General, which the grid leaves unset.
  return xfIds.map((id) => (id === 0 ? undefined : (custom.get(id) ?? BUILT_IN[id])));
}
