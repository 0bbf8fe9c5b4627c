/** Every rule, in the order their findings are listed. Adding a rule: its file, its test, its doc page, this list. */
import type { LocalizedText, Severity } from '../findings/finding';
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

/** What the front ends say about each rule: its sentence and its page (the CLI's --help, the pane's links). */
export const RULE_DOCS: readonly { id: RuleId; severity: Severity; description: LocalizedText; url: string }[] = RULES.map(
  ({ meta }) => ({ id: meta.id, severity: meta.severity, description: meta.docs.description, url: meta.docs.url }),
);

export { default as notCheckedRule } from './not-checked';
export type { Rule, RuleContext, RuleMeta, ReportOptions, NotCheckedReason } from './rule';
