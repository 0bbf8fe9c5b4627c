/**
 * Numbers inside a narrative sentence (layout B's 指标实际完成值及相关说明,
 * docs/domain.md §2): "2022年，区政务服务中心正常运营，服务人次89460人次。" holds one measured
 * value, 89460 人次, and one year. This file extracts faithfully; the caller
 * picks the number whose unit and magnitude fit the target.
 *
 * Left out entirely: years (2022年, 2021-2022年), dates and times (5月30日,
 * 1-12月, 2022-05-30, 9:30), ordinals (第3), list numbering (1、 (1) 〔2020〕)
 * and what sits inside a parenthesised formula (…/…*100%).
 * Kept but marked `partOfName`: a number that names something rather than
 * counts it — 12345热线 (digits straight into a word that is not a unit),
 * IPv6 (letters straight before the digits), 5G网络 (3G–6G). A caller should
 * not pick a marked number as a measured value.
 */
import { prepareNumberText, readNumbersInContext, type NumberInContext } from './parse-typed-value';
import type { TypedNumber } from './typed-value';

export interface NarrativeNumber extends TypedNumber {
  /** True when the number is part of a name (12345热线, IPv6, 5G网络), not a quantity. */
  partOfName: boolean;
  /** The words it was read from, normalized: '89460人次', '达到100%', '74.2万份'. */
  source: string;
}

/**
 * In Chinese prose a full-width comma ends a clause; it is never a thousands
 * separator, so "197，118路" is two numbers (a half-width `,` between digit
 * groups still is one).
 */
const FULL_WIDTH_COMMA = /，/g;
/** Calendar words right after the digits, optionally after a range: 2022年, 1-12月, 30日, 10号, 2021-2022年. */
const CALENDAR_AFTER = /(?:[-~～—至到]\d+)?(?:年|月|日|号|时|点(?!位)|周岁|季度)/y;
/** Dates and times written with separators; `2022.5` alone may be a decimal, so `.` needs a day. */
const DATE_OR_TIME =
  /(?:19|20)\d{2}(?:[-/](?:0?[1-9]|1[0-2])(?:[-/](?:0?[1-9]|[12]\d|3[01]))?|\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01]))(?!\d)|\d{1,2}:\d{2}(?::\d{2})?/g;
/** Where list numbering may start: the beginning, or after a sentence or line. */
const SENTENCE_START = /[。;；!！?？:：\n]/;
const NUMBERING_AFTER = /^[、.)）]/;
const OPENING_BRACKET = /[(〔［【[]/;
const CLOSING_BRACKET = /^[)〕］】\]]/;
const FORMULA_OPERATOR = /[/*×÷]/;
const LATIN_LETTER = /[A-Za-z]/;
const CJK = /^[\u3400-\u9fff]/;
/** Mobile network generations, not bandwidth. */
const NETWORK_GENERATION = /^[3-6]$/;

function dateAndTimeSpans(s: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  DATE_OR_TIME.lastIndex = 0;
  for (let m = DATE_OR_TIME.exec(s); m !== null; m = DATE_OR_TIME.exec(s)) {
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

function isCalendarOrNumbering(s: string, found: NumberInContext): boolean {
  CALENDAR_AFTER.lastIndex = found.digitsEnd;
  if (CALENDAR_AFTER.test(s)) return true;
  const before = s[found.digitsStart - 1];
  const after = s.slice(found.digitsEnd);
  const bare = found.start === found.digitsStart; // no sign or operator word
  if (bare && before === '第') return true;
  // An operand of a formula left unparenthesised: 天数/全年工作日*100%.
  if (bare && before !== undefined && FORMULA_OPERATOR.test(before)) return true;
  if (bare && before !== undefined && OPENING_BRACKET.test(before) && CLOSING_BRACKET.test(after)) return true;
  const atSentenceStart = found.digitsStart === 0 || (before !== undefined && SENTENCE_START.test(before));
  return atSentenceStart && !found.hasTail && NUMBERING_AFTER.test(after);
}

function isPartOfName(s: string, found: NumberInContext, number: TypedNumber): boolean {
  const before = s[found.digitsStart - 1];
  if (found.start === found.digitsStart && before !== undefined && LATIN_LETTER.test(before)) return true;
  if (!found.hasTail && CJK.test(s.slice(found.digitsEnd))) return true;
  return number.unit === 'G' && NETWORK_GENERATION.test(s.slice(found.digitsStart, found.digitsEnd));
}

/**
 * Every number in a narrative sentence with its operator (≥90%, 低于5%,
 * 95%以上), scale, unit and precision, in reading order. A narrative tells
 * what was done, so 达/达到 N is N, the value reached (docs/domain.md §2 H). Years,
 * dates, times, ordinals and numbering are left out; numbers in names are
 * kept and marked.
 * Values and precision follow parseTypedText (percent as a fraction, 万/亿 in
 * base units); fromText is true.
 */
export function numbersInNarrative(text: string): NarrativeNumber[] {
  const s = prepareNumberText(text.replace(FULL_WIDTH_COMMA, '、'));
  const spans = dateAndTimeSpans(s);
  const numbers: NarrativeNumber[] = [];
  for (const found of readNumbersInContext(s, Infinity, 'reached')) {
    const number = found.number;
    if (!number) continue; // ≥5以下: the words contradict each other
    if (spans.some(([from, to]) => found.digitsStart >= from && found.digitsStart < to)) continue;
    if (isCalendarOrNumbering(s, found)) continue;
    // The number was made for this read alone, so it can carry the words too.
    numbers.push(Object.assign(number, { partOfName: isPartOfName(s, found, number), source: s.slice(found.start, found.end) }));
  }
  return numbers;
}
