/**
 * What a person typed into a target or actual cell (docs/domain.md §3 "Values as people
 * type them"): an operator, a number in base units, a unit and the precision it
 * was shown with — or qualitative text when it is not one clear number.
 *
 * The guiding rule: a wrong guess makes the checker cry wolf, a qualitative
 * value only skips a row. Whenever the text holds more than one number, or the
 * number is a date, an ordinal, part of a name or hedged (约, 左右, 无…), the
 * answer is qualitative.
 */
import { isCellError, type Cell } from '../grid/grid';
import { normalizeForNumbers } from './normalize-text';
import { decimalPlacesOf, shownNumber, storedLiteral, withFields } from './shown-number';
import type { Comparator, TypedNumber, TypedValue } from './typed-value';

// ---------------------------------------------------------------------------
// Vocabulary

/**
 * Units kept after a number (and after 万/亿). Matched longest first, so 人次
 * wins over 人 and 个月 over 个. `日` counts only as a duration (30日内); elsewhere
 * it is a date. Grouped by kind, a line each: one word a line would hide that.
 */
// prettier-ignore
const UNIT_WORDS = [
  '%', '‰', '个百分点', '百分点',
  'Mbps', 'Gbps', 'Kbps', 'MB', 'GB', 'TB', 'KB', 'M', 'G', 'T',
  '人次', '户次', '家次', '件次', '条次', '人天', '个工作日', '工作日', '个月', '小时', '分钟',
  '平方公里', '平方米', '公里', '千克', '公斤', '课时', '学时',
  '人', '个', '份', '条', '次', '天', '路', '类', '家', '元', '项', '件', '场', '篇', '期', '台',
  '套', '户', '所', '名', '位', '座', '处', '米', '秒', '分', '周', '批', '遍', '页', '张', '本',
  '册', '宗', '单', '例', '起', '辆', '艘', '架', '吨', '亩', '倍', '间', '栋', '株', '棵', '字',
  '段', '组', '支', '门', '节', '部', '块', '根', '只', '盏', '所', '笔', '卷', '盘',
];
const LATIN_UNITS = new Set(['Mbps', 'Gbps', 'Kbps', 'MB', 'GB', 'TB', 'KB', 'M', 'G', 'T']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const UNIT_SOURCE = [...new Set(UNIT_WORDS)]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .concat(['日(?=以内|之内|内)'])
  .join('|');
const UNIT_EXACT = new RegExp(`^(?:${UNIT_SOURCE})$`);

/** 万 10⁴, 亿 10⁸ (docs/domain.md §3): the value is stored in base units, the exponent here. */
const SCALE_EXPONENT: Record<string, number> = { 万: 4, 亿: 8 };

/**
 * Words before a number. 民法典 第1259条: 以上、以下、以内 include the number
 * itself; 不满、超过 exclude it. So 不低于/不少于/至少/达到 are ≥, 不高于/不超过 are ≤,
 * 超过/高于/大于 are >, 低于/少于/不满/不足 are <.
 */
const PREFIX_OPERATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['大于或等于', 'ge'],
  ['大于等于', 'ge'],
  ['不得低于', 'ge'],
  ['不得少于', 'ge'],
  ['不低于', 'ge'],
  ['不少于', 'ge'],
  ['不小于', 'ge'],
  ['不下于', 'ge'],
  ['至少', 'ge'],
  ['最少', 'ge'],
  ['最低', 'ge'],
  ['达到', 'ge'],
  ['达', 'ge'],
  ['>=', 'ge'],
  ['=>', 'ge'],
  ['≥', 'ge'],
  ['⩾', 'ge'],
  ['≧', 'ge'],
  ['小于或等于', 'le'],
  ['小于等于', 'le'],
  ['不得超过', 'le'],
  ['不得高于', 'le'],
  ['不高于', 'le'],
  ['不超过', 'le'],
  ['不多于', 'le'],
  ['不大于', 'le'],
  ['至多', 'le'],
  ['最多', 'le'],
  ['最高', 'le'],
  ['<=', 'le'],
  ['=<', 'le'],
  ['≤', 'le'],
  ['⩽', 'le'],
  ['≦', 'le'],
  ['超过', 'gt'],
  ['高于', 'gt'],
  ['大于', 'gt'],
  ['多于', 'gt'],
  ['超', 'gt'],
  ['>', 'gt'],
  ['低于', 'lt'],
  ['少于', 'lt'],
  ['小于', 'lt'],
  ['不满', 'lt'],
  ['不足', 'lt'],
  ['不到', 'lt'],
  ['未满', 'lt'],
  ['<', 'lt'],
  ['等于', 'eq'],
  ['=', 'eq'],
];
const PREFIX_OPERATOR_OF = new Map<string, Comparator>(PREFIX_OPERATORS);
/**
 * 达 / 达到 N: in a target "at least N" (达200人); in an actual or a narrative
 * the value reached (满意度达98%, 服务人次达到2.6万人次), so there it is N itself.
 * Only an explicit bound (以上, 不低于, ≥) makes an actual a bound.
 */
const REACHED_WORDS: ReadonlySet<string> = new Set(['达到', '达']);

/** What a cell states: a target (达 N is a bound) or what was reached (达 N is N). */
export type ValueReading = 'target' | 'reached';
/** Anchored at the end of the text before the number; leftmost match is the longest word. */
const PREFIX_OPERATOR_AT_END = new RegExp(`(?:${PREFIX_OPERATORS.map(([w]) => escapeRegExp(w)).join('|')})$`);

/** Words after the number and unit; `(含)`/`(不含)` after them make the bound explicit. */
const SUFFIX_OPERATOR_OF = new Map<string, Comparator>([
  ['及以上', 'ge'],
  ['或以上', 'ge'],
  ['以上', 'ge'],
  ['+', 'ge'],
  ['及以下', 'le'],
  ['或以下', 'le'],
  ['以下', 'le'],
  ['以内', 'le'],
  ['之内', 'le'],
  ['内', 'le'],
]);
const SUFFIX_SOURCE = [...SUFFIX_OPERATOR_OF.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');

/**
 * Everything that may follow the digits: scale (万/亿), 多/余 ("10多个": at least
 * 10), unit, suffix operator, and an explicit (含)/(不含). Sticky, so it reads
 * exactly at the end of the digits.
 */
const NUMBER_TAIL = new RegExp(`(万|亿)?(多|余)?(${UNIT_SOURCE})?(${SUFFIX_SOURCE})?(?:\\((不)?含(?:本数)?\\))?`, 'y');

/**
 * Digits with optional thousands separators (groups of exactly three) and
 * decimals. `1,2345` is two numbers, not one.
 */
const NUMBER_TOKEN = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?/g;
const THOUSANDS_SEPARATOR = /,/g;
/** Before a `-`/`+`: these make it a range dash or an operator, not a sign (90%-95%, 1-12月). */
const JOINS_NUMBERS = /[\d%A-Za-z.]/;

/** LaTeX from pasted formulas: `$\geq 5$`, `\ge`, `\leqslant`, `90\%`. */
const LATEX_OPERATOR = /\\(geqslant|geq|ge|leqslant|leq|le|gt|lt|neq|approx|times)(?![A-Za-z])/g;
const LATEX_REPLACEMENT: Record<string, string> = {
  geqslant: '≥',
  geq: '≥',
  ge: '≥',
  leqslant: '≤',
  leq: '≤',
  le: '≤',
  gt: '>',
  lt: '<',
  neq: '≠',
  approx: '≈',
  times: '×',
};
const LATEX_NOISE = /\$|\\(?=%)|[{}]/g;

/**
 * A parenthesised formula such as （已同步数据上传数量/应同步上传数据数量*100%） explains
 * how a rate is computed; the 100% inside it is not a value.
 */
const FORMULA_PARENS = /\([^()]*[/*×÷][^()]*\)/g;

/** Operator words anywhere else in the phrase mean it says more than one thing. */
const OPERATOR_WORD_ANYWHERE =
  /以上|以下|以内|不低于|不少于|不高于|不超过|超过|高于|低于|少于|大于|小于|不满|不足|至少|至多|达到|[≥≤><≈≠~]/;
/**
 * Hedges and negations: 无超过3天未修改错误 (none over 3 days), 约95% (about),
 * 95%左右, 以外 (民法典 第1259条: excludes, and not a bound we model).
 */
const HEDGE_OR_NEGATION = /[无未没约]|左右|以外|不到/;
/**
 * Directly before the number: an ordinal (第3), a rank (前10), an estimate
 * (近3年), a name (IPv6), or a formula (正常对外服务天数/全年工作日*100%).
 */
const ORDINAL_OR_ESTIMATE_BEFORE = /[第前近约A-Za-z./~*×÷]$/;
const ANY_DIGIT = /[0-9０-９]/;
/** Directly after a bare number: list numbering (1、 1. (1)), not a value. */
const NUMBERING_AFTER = /^[、.)]/;
const CJK_OR_LATIN_LETTER = /^[A-Za-z\u3400-\u9fff]/;

// ---------------------------------------------------------------------------
// Reading numbers in prepared text (shared with narrative-numbers.ts)

/**
 * Text ready for number reading: widths folded, invisible characters and OCR
 * gaps removed (a gap between two digits stays one space), LaTeX operators
 * turned into symbols, parenthesised formulas removed.
 */
export function prepareNumberText(text: string): string {
  let s = normalizeForNumbers(text);
  if (s.includes('\\') || s.includes('$')) {
    // LATEX_OPERATOR matches only the names LATEX_REPLACEMENT maps.
    s = s.replace(LATEX_OPERATOR, (_, name: string) => LATEX_REPLACEMENT[name]!).replace(LATEX_NOISE, '');
  }
  if (s.includes('(')) s = s.replace(FORMULA_PARENS, '');
  return s;
}

/** One number found in prepared text, with the words around it already read. */
export interface NumberInContext {
  /** Where the operator word (or sign, or first digit) starts. */
  start: number;
  /** Where the digits start and end. */
  digitsStart: number;
  digitsEnd: number;
  /** After the scale, unit and suffix operator. */
  end: number;
  /** The number with its op resolved; undefined when the words contradict each other. */
  number: TypedNumber | undefined;
  /** The text between the previous number (or the start) and the operator word. */
  before: string;
  /** True when a scale, 多/余, unit or suffix operator followed the digits. */
  hasTail: boolean;
  /** The unit word as typed ('' when none). */
  unit: string;
}

/**
 * The exact value of shown digits: built from the decimal string with an
 * exponent, so no binary float and no rounding to Decimal's precision.
 */
/** Leading and trailing zeros of a digit string: what is left are the significant digits. */
const OUTER_ZEROS = /^0+|0+$/g;

function buildNumber(
  op: Comparator,
  negative: boolean,
  integerDigits: string,
  fractionDigits: string,
  scaleWord: string,
  unitWord: string,
): TypedNumber {
  const decimals = fractionDigits.length;
  const scaleExponent = SCALE_EXPONENT[scaleWord] ?? 0;
  let exponent = scaleExponent;
  let unit = unitWord;
  const percent = unitWord === '%';
  if (percent) exponent -= 2;
  else if (unitWord === '‰') exponent -= 3;
  else if (unitWord === '个百分点') unit = '百分点';
  else if (unitWord === '日') unit = '天';
  const digits = fractionDigits ? `${integerDigits}.${fractionDigits}` : integerDigits;
  const literal = `${negative ? '-' : ''}${digits}e${exponent}`;
  return shownNumber({
    op,
    literal,
    approx: Number(literal) || 0,
    approxIsUnique:
      integerDigits.length + fractionDigits.length <= 15 ||
      (integerDigits + fractionDigits).replace(OUTER_ZEROS, '').length <= 15,
    stepExponent: exponent - decimals,
    decimals,
    percent,
    scale: 10 ** scaleExponent,
    unit,
    fromText: true,
  });
}

function combineOperators(ops: (Comparator | undefined)[]): Comparator | undefined | 'conflict' {
  let result: Comparator | undefined;
  for (const op of ops) {
    if (op === undefined || op === 'eq') continue;
    if (result === undefined) result = op;
    else if (result !== op) {
      const sameDirection = (result[0] === 'g') === (op[0] === 'g');
      // 超过5个以上: both say "more"; keep the first (the prefix word). ≥5以下 contradicts.
      if (!sameDirection) return 'conflict';
    }
  }
  return result;
}

/**
 * Every number token in prepared text, with its sign, operator words, scale and unit.
 * `maxCount` stops early (parseTypedText only needs to know whether there are two).
 */
export function readNumbersInContext(s: string, maxCount = Infinity, reading: ValueReading = 'target'): NumberInContext[] {
  const found: NumberInContext[] = [];
  let previousEnd = 0;
  NUMBER_TOKEN.lastIndex = 0;
  for (let m = NUMBER_TOKEN.exec(s); m !== null && found.length < maxCount; m = NUMBER_TOKEN.exec(s)) {
    const [token, integerPart = '', fractionDigits = ''] = m;
    const digitsStart = m.index;
    const digitsEnd = m.index + token.length;
    const integerDigits = integerPart.replace(THOUSANDS_SEPARATOR, '');

    // A sign belongs to the number unless it joins two numbers (90%-95%, 1-12月).
    let start = digitsStart;
    let negative = false;
    const signChar = s[digitsStart - 1];
    if ((signChar === '-' || signChar === '+') && digitsStart - 1 >= previousEnd) {
      const beforeSign = s[digitsStart - 2];
      if (beforeSign === undefined || !JOINS_NUMBERS.test(beforeSign)) {
        negative = signChar === '-';
        start -= 1;
      }
    }

    const windowStart = Math.max(previousEnd, start - 8);
    const lead = s.slice(windowStart, start);
    const prefixMatch = PREFIX_OPERATOR_AT_END.exec(lead);
    const prefixOp = !prefixMatch
      ? undefined
      : reading === 'reached' && REACHED_WORDS.has(prefixMatch[0])
        ? 'eq'
        : PREFIX_OPERATOR_OF.get(prefixMatch[0]);
    if (prefixMatch) start -= prefixMatch[0].length;

    NUMBER_TAIL.lastIndex = digitsEnd;
    const tail = NUMBER_TAIL.exec(s);
    const scaleWord = tail?.[1] ?? '';
    const moreWord = tail?.[2] ?? '';
    const unitWord = tail?.[3] ?? '';
    const suffixWord = tail?.[4] ?? '';
    const exclusive = tail?.[5] === '不' && tail?.[0].endsWith(')');
    const end = digitsEnd + (tail ? tail[0].length : 0);

    let suffixOp = suffixWord ? SUFFIX_OPERATOR_OF.get(suffixWord) : undefined;
    if (suffixOp && exclusive) suffixOp = suffixOp === 'ge' ? 'gt' : 'lt';
    const combined = combineOperators([prefixOp, suffixOp, moreWord ? 'ge' : undefined]);

    found.push({
      start,
      digitsStart,
      digitsEnd,
      end,
      number:
        combined === 'conflict'
          ? undefined
          : buildNumber(combined ?? 'eq', negative, integerDigits, fractionDigits, scaleWord, unitWord),
      before: s.slice(previousEnd, start),
      hasTail: end > digitsEnd,
      unit: unitWord,
    });
    previousEnd = end;
    NUMBER_TOKEN.lastIndex = Math.max(NUMBER_TOKEN.lastIndex, end);
  }
  return found;
}

// ---------------------------------------------------------------------------
// Text cells

function qualitative(text: string): TypedValue {
  return { kind: 'qualitative', text: text.trim() };
}

/**
 * What a person typed into a target or actual cell (docs/domain.md §3).
 * - blank: empty or whitespace only;
 * - number: exactly one number, read with its operator (prefix word, suffix
 *   word, 多/余), scale and unit; a short phrase around it is allowed
 *   (移动端用户数达200人 → ≥ 200 人);
 * - qualitative: no number, two or more numbers (覆盖18条街道和27个政府部门,
 *   90%-95%), or one that is a date, ordinal, name, hedge or negation.
 * The qualitative text is the cell text trimmed, not normalized.
 */
export function parseTypedText(text: string, reading: ValueReading = 'target'): TypedValue {
  // No digit, half- or full-width, means no number: most prose and labels stop here.
  if (!ANY_DIGIT.test(text)) return text.trim() === '' ? { kind: 'blank' } : qualitative(text);
  const s = prepareNumberText(text);
  if (s === '') return text.trim() === '' ? { kind: 'blank' } : qualitative(text);

  const [found, second] = readNumbersInContext(s, 2, reading);
  if (!found || second !== undefined || !found.number) return qualitative(text);

  const before = s.slice(0, found.start);
  const after = s.slice(found.end);
  const leadIn = s.slice(0, found.digitsStart);
  // Not the measured value: 第3, 前10, IPv6, 2022年, 12345热线, (1), …/全年工作日*100%.
  if (found.start === found.digitsStart && ORDINAL_OR_ESTIMATE_BEFORE.test(leadIn)) return qualitative(text);
  if (!found.hasTail && (CJK_OR_LATIN_LETTER.test(after) || NUMBERING_AFTER.test(after))) return qualitative(text);
  // 2200M then a letter or a word (5G网络, 4GB内存): a name or another unit, not bandwidth.
  if (LATIN_UNITS.has(found.unit) && CJK_OR_LATIN_LETTER.test(after)) return qualitative(text);
  // The phrase around it must not bound, hedge or negate something else.
  if (OPERATOR_WORD_ANYWHERE.test(before) || OPERATOR_WORD_ANYWHERE.test(after)) return qualitative(text);
  if (HEDGE_OR_NEGATION.test(before) || HEDGE_OR_NEGATION.test(after)) return qualitative(text);
  return found.number;
}

// ---------------------------------------------------------------------------
// Grid cells

/** Quoted text, escaped characters, [colours]/[locales], padding and fill in a number format. */
const FORMAT_LITERAL = /"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g;
const FORMAT_QUOTED = /"([^"]*)"/g;
const FORMAT_SECTION_SEPARATOR = /;/g;
const PERCENT_LIKE_UNITS = new Set(['%', '‰', '个百分点', '百分点']);
const FORMAT_GENERAL = /general/gi;
const FORMAT_DECIMALS = /\.([0#?]+)/;
const FORMAT_DATE_PART = /[ymdhsYMDHS]/;

interface NumberFormatMeaning {
  decimals: number;
  percent: boolean;
  date: boolean;
  unit: string;
}

const PLAIN_FORMAT: NumberFormatMeaning = { decimals: 0, percent: false, date: false, unit: '' };
const formatCache = new Map<string, NumberFormatMeaning>();

/**
 * What the number format shows (its positive section): decimals, a percent
 * sign, a date, or a unit in quotes such as `0"人"`.
 */
function readNumberFormat(numFmt: string | undefined): NumberFormatMeaning {
  if (!numFmt) return PLAIN_FORMAT;
  const cached = formatCache.get(numFmt);
  if (cached) return cached;
  const withoutQuotedSemicolons = numFmt.replace(FORMAT_LITERAL, (lit) =>
    lit.startsWith('"') ? lit.replace(FORMAT_SECTION_SEPARATOR, '') : lit,
  );
  const [section = ''] = withoutQuotedSemicolons.split(';');
  const code = section.replace(FORMAT_LITERAL, '').replace(FORMAT_GENERAL, '');
  let unit = '';
  for (const [, quoted = ''] of section.matchAll(FORMAT_QUOTED)) {
    const literal = quoted.trim();
    // A quoted "%" shows a percent sign without scaling (95 shows as 95%): not a fraction, so no unit.
    if (UNIT_EXACT.test(literal) && !PERCENT_LIKE_UNITS.has(literal)) unit = literal;
  }
  const [, decimalPlaces = ''] = FORMAT_DECIMALS.exec(code) ?? [];
  const meaning: NumberFormatMeaning = {
    decimals: decimalPlaces.length,
    percent: code.includes('%'),
    date: FORMAT_DATE_PART.test(code),
    unit,
  };
  if (formatCache.size < 1000) formatCache.set(numFmt, meaning);
  return meaning;
}

/**
 * A stored binary double is read as the decimal the user meant: 15
 * significant digits is what Excel itself shows, so 0.9572000000000001 →
 * 0.9572 (docs/domain.md §3: noise below 1e-9 relative is not a difference).
 */
function readStoredNumber(n: number, cell: Cell): TypedValue {
  if (!Number.isFinite(n)) return { kind: 'qualitative', text: String(n) };
  const format = readNumberFormat(cell.numFmt);
  if (format.date) return { kind: 'qualitative', text: cell.text ?? String(n) };
  const literal = storedLiteral(n);
  const ownDecimals = decimalPlacesOf(literal);
  // The finer of what is stored and what is shown (docs/domain.md §3: a formula result is
  // compared by what it stores). A percent format shows two fewer decimals.
  const decimals = format.percent ? Math.max(format.decimals, ownDecimals - 2, 0) : Math.max(format.decimals, ownDecimals);
  return shownNumber({
    op: 'eq',
    literal,
    approx: n || 0,
    approxIsUnique: true, // the literal has at most 15 significant digits
    stepExponent: -(decimals + (format.percent ? 2 : 0)),
    decimals,
    percent: format.percent,
    scale: 1,
    unit: format.percent ? '%' : format.unit,
    fromText: false,
    formula: cell.formula !== undefined && cell.formula !== '',
  });
}

/**
 * The typed value of a grid cell. Numbers as stored (noise cleaned, precision
 * from stored and shown decimals, percent from the format, op eq); strings via
 * parseTypedText; booleans qualitative; `{error}` an error; nothing a blank.
 * Never throws: a cell the engine cannot read is qualitative, which skips it.
 */
export function readCellValue(cell: Cell | undefined, reading: ValueReading = 'target'): TypedValue {
  try {
    if (cell === undefined || cell === null) return { kind: 'blank' };
    const v = cell.value;
    if (v === null || v === undefined) return { kind: 'blank' };
    if (typeof v === 'number') return readStoredNumber(v, cell);
    if (typeof v === 'string') {
      const parsed = parseTypedText(v, reading);
      if (parsed.kind === 'number' && cell.formula) return withFields(parsed, { formula: true });
      return parsed;
    }
    if (typeof v === 'boolean') return { kind: 'qualitative', text: v ? 'TRUE' : 'FALSE' };
    if (isCellError(v)) return { kind: 'error', code: String(v.error) };
    return { kind: 'qualitative', text: String(cell.text ?? '') };
  } catch {
    // An adapter handed us something outside the Cell shape; skipping the row
    // is better than stopping the whole sheet.
    return { kind: 'qualitative', text: '' };
  }
}
