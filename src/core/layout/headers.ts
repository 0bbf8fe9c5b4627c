/**
 * Header words by meaning (docs/domain.md §2). Typists vary the words between years,
 * districts and templates; these lists are the synonyms seen in published
 * forms. Matching is on normalizeHeader()'s output, so width, spaces, line
 * breaks and parenthesised units or formulas do not matter.
 */
import { normalizeHeader, normalizeText } from '../values/normalize-text';

export type ColumnRole =
  | 'seq'
  | 'item'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'weight'
  | 'score'
  | 'scoreRate'
  | 'target'
  | 'actual'
  | 'narrative'
  | 'rate'
  | 'initialBudget'
  | 'budget'
  | 'adjust'
  | 'adjustUp'
  | 'adjustDown'
  | 'spent'
  | 'share';

const EXACT: Record<string, ColumnRole> = {};
function words(role: ColumnRole, list: string[]): void {
  for (const w of list) EXACT[w] = role;
}
words('seq', ['序号', '编号']);
words('item', ['项目', '项目名称', '科目', '科目名称', '支出项目', '功能分类科目', '名称', '资金来源', '项目资金']);
words('level1', ['一级指标', '一级']);
words('level2', ['二级指标', '二级']);
words('level3', ['三级指标', '三级', '指标名称', '具体指标']);
words('weight', ['分值', '权重', '指标分值', '标准分', '权重分', '标准分值', '分值权重']);
words('score', ['得分', '自评得分', '得分/自评分', '自评分', '评分', '实际得分', '自评得分值', '自评分值']);
words('scoreRate', ['得分率']);
words('target', ['年度指标值', '年度目标值', '目标值', '预期值', '指标值', '预期目标值', '年度目标', '计划值', '指标目标值']);
words('actual', ['实际完成值', '实际完成指标值', '全年实际值', '实际值', '完成值', '实际完成', '指标实际完成值', '实际完成数']);
words('rate', ['完成率', '完成比例', '指标完成率', '执行率', '预算执行率', '完成预算', '预算完成率', '支出进度', '执行进度']);
words('initialBudget', ['年初预算数', '年初预算', '年初预算金额']);
words('budget', ['全年预算数', '预算数', '调整后预算', '调整后预算数', '年度预算', '全年预算', '预算', '预算金额', '年度预算数']);
words('adjust', ['年中调整', '调整数', '预算调整', '年中调整数', '调整']);
words('adjustUp', ['调增', '调增数', '追加', '追加数', '追加预算']);
words('adjustDown', ['调减', '调减数', '追减', '追减数', '追减预算']);
words('spent', [
  '全年执行数',
  '执行数',
  '实际支出',
  '支出数',
  '支出',
  '实际执行数',
  '决算数',
  '支出金额',
  '实际支出数',
  '预算执行数',
  '执行金额',
]);
// A one-column breakdown (项目 | 金额（万元）, variant G) states one amount; which one does not change its sums.
words('budget', ['金额']);

/** `占支出合计比例`, `占比`, `占全年预算比重`. */
const SHARE = /^占.*比(例|重)?$/;
/** `指标实际完成值及相关说明`: the actual lives inside prose (layout B). */
const NARRATIVE = /实际完成.*(说明|情况)|完成情况(及|和).*说明/;

/**
 * Words that say which year or part of it a column covers, not what it holds
 * (variant F): 年中调增 is 调增, 2023年预算数 is 预算数, 本年执行数 is 执行数.
 */
const PERIOD_QUALIFIER = /^(?:\d{4}年度?|本年度?|全年|当年|年中|年度)+/;

/** The year a header names (2023年预算数 → 2023), where it names one. */
export function headerYear(text: string): number | undefined {
  const m = /^(\d{4})年/.exec(normalizeHeader(text));
  return m ? Number(m[1]) : undefined;
}

/** The role a header cell plays, or undefined when it is not a known header. */
export function headerRole(text: string): ColumnRole | undefined {
  const h = normalizeHeader(text);
  if (h.length === 0 || h.length > 24) return undefined;
  const exact = EXACT[h] ?? EXACT[h.replace(PERIOD_QUALIFIER, '')];
  if (exact) return exact;
  if (SHARE.test(h)) return 'share';
  if (NARRATIVE.test(h)) return 'narrative';
  return undefined;
}

/** Row labels of a 总分 / 合计 row (docs/domain.md §2 "total row"). */
const TOTAL_LABEL = /^(总分|总计|合计|总得分|合计得分|综合得分|得分合计|分值合计|总体得分|自评总分|评价总分)$/;
export function isTotalLabel(text: string): boolean {
  // Every such label has 分 or 计 (計 in traditional script): most rows are ruled out unfolded.
  return (text.includes('分') || text.includes('计') || text.includes('計')) && TOTAL_LABEL.test(normalizeHeader(text));
}

/** A 小计 row: a subtotal over the rows above it. */
export function isSubtotalLabel(text: string): boolean {
  // 小 is the same in both scripts and folding never adds it: most rows are ruled out unfolded.
  return text.includes('小') && normalizeHeader(text) === '小计';
}

/**
 * A template row left unfilled (docs/domain.md §2 A): `……`, `—`, `/`, `无`, or the
 * template's numbering with nothing after it (`指标1：`, `2.`). Not an indicator.
 */
const TEMPLATE_NUMBERING = /^(?:指标)?(?:\d+|[一二三四五六七八九十]+)?[.、:)]?/;
const FILLER = /^[.…·—–\-─―~～/\\无略]*$/;
export function isPlaceholderLabel(text: string): boolean {
  return FILLER.test(normalizeHeader(text).replace(TEMPLATE_NUMBERING, ''));
}

/**
 * A note row inside a table (其他需要说明事项, 备注, 说明), also with its
 * text in the same cell (其他需要说明事项：无): prose about the table, not
 * an indicator. The short words only alone or before a colon, so an
 * indicator such as 说明书编制及时率 stays an indicator.
 */
const NOTE_LABEL = /^(其他需要?说明的?(事项|问题|情况)?|其他说明事项|需要说明的?事项|其他事项)|^(备注|说明|附注)(:|$)/;
const NOTE_CHARACTERS = /[说說事注註]/;
export function isNoteLabel(text: string): boolean {
  // Every note word has one of these (either script): most rows are ruled out unfolded.
  return NOTE_CHARACTERS.test(text) && NOTE_LABEL.test(normalizeText(text));
}

/**
 * The form's footnote or sign-off under a table (注：1.得分…, 填报人：…):
 * the rows have ended, even where no 总分 row closed them.
 */
const FOOTNOTE =
  /^(注\d*[:.、]|注[一二三四五六七八九十1-9]|(填报人|填表人|审核人|联系人|联系电话|填报日期|填表日期|单位负责人|财务负责人)[:])/;
const FOOTNOTE_CHARACTERS = /[注註人话話期]/;
export function isFootnoteLabel(text: string): boolean {
  // Every footnote opening has one of these (either script): most rows are ruled out unfolded.
  // Folded but with its colons kept: the colon is what makes 注 a footnote and not 注册.
  return FOOTNOTE_CHARACTERS.test(text) && FOOTNOTE.test(normalizeText(text));
}

/**
 * Sub-headers under a target header merged over several columns (docs/domain.md §2 B):
 * 年度指标值 over 指标性质 | 指标值 | 度量单位, or 符号 | 数值 | 单位.
 */
export type TargetPart = 'op' | 'value' | 'unit';
const TARGET_PARTS: Record<string, TargetPart> = {};
for (const w of ['指标性质', '性质', '符号', '运算符', '比较符', '比较符号', '指标方向', '方向']) TARGET_PARTS[w] = 'op';
for (const w of ['指标值', '数值', '值', '目标值', '年度指标值', '指标数值']) TARGET_PARTS[w] = 'value';
for (const w of ['度量单位', '单位', '计量单位', '指标单位', '度量']) TARGET_PARTS[w] = 'unit';
export function targetPart(text: string): TargetPart | undefined {
  return TARGET_PARTS[normalizeHeader(text)];
}

/** The label of a grade cell (docs/domain.md §2 "grade"). */
const GRADE_LABEL = /^(绩效等级|自评等级|等级|评价结果|评价等级|自评结果|绩效评价等级|自评等次|等次)$/;
export function isGradeLabel(text: string): boolean {
  // Every grade label has 等 or 果 (the same in both scripts): most rows are ruled out unfolded.
  return (text.includes('等') || text.includes('果')) && GRADE_LABEL.test(normalizeHeader(text));
}

/** A bonus/penalty item (加减分项): its score may be negative, down to −weight. */
const BONUS = /加减分|加分项|扣分项|加分|扣分/;
export function isBonusLabel(text: string): boolean {
  // Every such word has 分, which folding never adds: most labels are ruled out unfolded.
  return text.includes('分') && BONUS.test(normalizeHeader(text));
}

/** 产出指标（50分） carries its level-1 weight inside the label (layout E variants). */
const WEIGHT_IN_LABEL = /[(（](\d+(?:\.\d+)?)分[)）]/;
export function weightInLabel(text: string): string | undefined {
  const m = WEIGHT_IN_LABEL.exec(text);
  return m ? m[1] : undefined;
}

/** The label without a stated weight: 产出指标（50分） → 产出指标. */
export function labelWithoutWeight(text: string): string {
  return normalizeHeader(text.replace(WEIGHT_IN_LABEL, ''));
}

/**
 * A footnote's weight for a level-1 label: 注：产出指标50分、效益指标30分 →
 * 50 for 产出指标. Up to six characters (占, 为, （, spaces) may stand between.
 */
export function weightInFootnote(footnote: string, label: string): string | undefined {
  if (label.length === 0) return undefined;
  const text = normalizeText(footnote);
  const at = text.indexOf(label);
  if (at < 0) return undefined;
  const m = /^[^\d、，,;；。]{0,6}?(\d+(?:\.\d+)?)分/.exec(text.slice(at + label.length));
  return m ? m[1] : undefined;
}

/**
 * A `label：number` line (其中：基本支出：40, 按收入性质分：3,012.58): prose
 * that names an amount, not a number stored as text (variant D).
 */
const LABELLED_NUMBER = /^[^\d]*[\u3400-\u9fff][^\d]*[:：]\s*[-+]?\d/;
export function isLabelledNumber(text: string): boolean {
  return LABELLED_NUMBER.test(normalizeText(text));
}

/** A note or sign-off line under a table: 注：…, 说明：…, 填报人：…, 数据来源：…. */
const NOTE_LINE = /^(注|备注|说明|填报|填表|数据来源|资料来源|审核|制表)/;
export function isNoteLine(text: string): boolean {
  return NOTE_LINE.test(normalizeText(text));
}

/** A cell that says "nothing here" instead of a number: —, -, /, ……. */
const FILLER_VALUE = /^[-—–―/／\\…·.。]+$/;
export function isFiller(text: string): boolean {
  return FILLER_VALUE.test(normalizeText(text));
}
