/** Every check, in the order their findings are listed. */
import { amountSum } from './amount-sum';
import type { Check } from './check';
import { formulaRange } from './formula-range';
import { grade } from './grade';
import { errorValues } from './not-checked';
import { rate } from './rate';
import { rateConvention } from './rate-convention';
import { scoreRange } from './score-range';
import { scoreRule } from './score-rule';
import { scoreSum } from './score-sum';
import { textNumber } from './text-number';
import { weightSum } from './weight-sum';

export const CHECKS: readonly Check[] = [
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
  errorValues,
];
