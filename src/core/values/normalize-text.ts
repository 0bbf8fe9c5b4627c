/**
 * Text folding for matching and parsing (docs/domain.md §2 "match by meaning", §3
 * "full-width digits and signs", "OCR spaces"). Typists mix full-width and
 * half-width forms, break header cells over lines and paste NBSPs from Word;
 * none of that changes what a cell means. Nor does traditional script
 * (預算數 is 预算数, docs/domain.md §2 N).
 */
import { simplifiedChar, TRADITIONAL_CHARACTERS } from './traditional-script';

/** Full-width ASCII block U+FF01–FF5E maps to U+0021–007E by this offset. */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Everything a person cannot see: Unicode whitespace (incl. U+3000 ideographic
 * space, NBSP, line breaks) and the zero-width characters Word and web pages leave.
 */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/;

/**
 * Comparison glyphs from other code blocks (small form variants, box drawing)
 * that typists pick from a symbol table for ＝ ＞ ＜ (docs/domain.md §2 B).
 */
const OPERATOR_GLYPHS: Record<string, string> = { '\uFE66': '=', '\u2550': '=', '\uFE65': '>', '\uFE64': '<' };

/** Fast path: most cells have nothing to fold. */
const NEEDS_FOLDING = new RegExp(
  `[\\s\\u200B-\\u200D\\u2060\\uFEFF\\uFF01-\\uFF5E\\uFE6A\\u2212\\uFE64-\\uFE66\\u2550${TRADITIONAL_CHARACTERS}]`,
);

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function foldChar(ch: string, foldSigns: boolean): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - FULL_WIDTH_OFFSET);
  if (code === 0xfe6a) return '%'; // ﹪ small percent sign
  if (foldSigns && code === 0x2212) return '-'; // − minus sign, as in −5
  return OPERATOR_GLYPHS[ch] ?? simplifiedChar(ch);
}

/**
 * The text with full-width ASCII (U+FF01–FF5E, so `％`, `２０００`, `（`, `：`)
 * folded to half-width, comparison glyphs (﹦ ═ ﹥ ﹤) to `=` `>` `<`,
 * traditional characters to simplified (總分 → 总分), and every whitespace
 * character removed. Other characters are kept as they are.
 */
export function normalizeText(s: string): string {
  if (!NEEDS_FOLDING.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (INVISIBLE.test(ch)) continue;
    out += foldChar(ch, false);
  }
  return out;
}

/**
 * Like normalizeText, for reading numbers (docs/domain.md §3): also folds `−` (U+2212)
 * to `-`, and where whitespace separates two digits it keeps one space, so
 * `1 2` stays two numbers while the OCR gaps in `24, 028, 491. 84` and `2. 0`
 * close up (they sit next to a separator, not between two digits).
 */
export function normalizeForNumbers(s: string): string {
  if (!NEEDS_FOLDING.test(s)) return s;
  let out = '';
  let pendingGap = false;
  for (const raw of s) {
    if (INVISIBLE.test(raw)) {
      pendingGap = true;
      continue;
    }
    const ch = foldChar(raw, true);
    if (pendingGap && isAsciiDigit(ch) && isAsciiDigit(out[out.length - 1])) out += ' ';
    pendingGap = false;
    out += ch;
  }
  return out;
}

/**
 * Units and formulas that header cells carry in parentheses and that do not
 * change which column it is: 全年预算数（万元）, 全年预算数（A）, 执行率（B/A）,
 * 占比（%）, （单位：万元）. A weight such as 产出指标（50分） is content, not
 * decoration, and is kept.
 */
const HEADER_UNIT = '(?:单位:?)?(?:万元|亿元|千元|元|%|‰|人次|人|个|项|天|次|家|件|分|万|亿)';
/** A formula is Latin letters, digits and operators only, with at least one letter or `%`. */
const HEADER_FORMULA = '(?=[^()]*[A-Za-z%])[A-Za-z0-9/*+\\-×÷=.%]+';
const DECORATIVE_PARENS = new RegExp(`\\((?:${HEADER_UNIT}|${HEADER_FORMULA})\\)`, 'g');
/** Colons and asterisks (required-field marks) anywhere; typists add or drop them freely. */
const COLONS_AND_ASTERISKS = /[:*※]/g;
/** Punctuation around a header that does not change it: `得分。`, `·得分`, `-得分-`. */
const SURROUNDING_PUNCTUATION = /^[.,;!?、。，；·•\-—_]+|[.,;!?、。，；·•\-—_]+$/g;

/**
 * A header cell reduced to its meaning for matching (docs/domain.md §2): normalizeText,
 * then parenthesised units/formulas, colons, asterisks and surrounding
 * punctuation dropped. `执行率（B/A）` → `执行率`, `年初预算数\n（万元）` →
 * `年初预算数`, `*实际完成值：` → `实际完成值`.
 */
export function normalizeHeader(s: string): string {
  return normalizeText(s).replace(DECORATIVE_PARENS, '').replace(COLONS_AND_ASTERISKS, '').replace(SURROUNDING_PUNCTUATION, '');
}
