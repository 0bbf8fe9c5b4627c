/** Every rule, in the order their findings are listed. Adding a rule: its file, its test, its doc page, this list. */
import amountSum from './amount-sum';
import formulaRange from './formula-range';
import grade from './grade';
import notChecked from './not-checked';
import rate from './rate';
import rateConvention from './rate-convention';
import scoreRange from './score-range';
import scoreRule from './score-rule';
import scoreSum from './score-sum';
import textNumber from './text-number';
import weightSum from './weight-sum';

export const RULES = [
  weightSum,
  scoreSum,
  scoreRange,
  rate,
  amountSum,
  grade,
  scoreRule,
  rateConvention,
  textNumber,
  formulaRange,
  notChecked,
] as const;

export type RuleId = (typeof RULES)[number]['meta']['id'];

export { default as notCheckedRule } from './not-checked';
export type { Rule, RuleContext, RuleMeta, ReportOptions, NotCheckedReason } from './rule';
