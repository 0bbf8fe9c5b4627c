/**
 * The text Excel shows for a number, for the few number formats forms really
 * use (0.0, #,##0.00, 0.00% …). The checks judge a rate's precision by its
 * shown decimals, so a wrong guess here would be worse than none: any other
 * format gives `undefined` and the engine falls back to the format code.
 */
import Decimal from 'decimal.js';

const SIMPLE_FORMAT = /^(#,##)?0(\.(0+))?(%?)$/;

export function displayedNumberText(value: number, numFmt: string | undefined): string | undefined {
  if (!numFmt || !Number.isFinite(value)) return undefined;
  const m = SIMPLE_FORMAT.exec(numFmt.trim());
  if (!m) return undefined;
  const grouped = m[1] !== undefined;
  const decimals = m[3]?.length ?? 0;
  const percent = m[4] === '%';
  // Excel rounds what it shows from the value's 15 significant digits, half
  // away from zero: 1.005 shows as 1.01 although its binary value is below it.
  let d = new Decimal(value.toPrecision(15));
  if (percent) d = d.times(100);
  let text = d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  if (grouped) {
    const [int, frac] = text.split('.');
    const sign = int.startsWith('-') ? '-' : '';
    const digits = sign ? int.slice(1) : int;
    const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    text = sign + withCommas + (frac !== undefined ? `.${frac}` : '');
  }
  return percent ? `${text}%` : text;
}
