/**
 * score-sum (docs/domain.md §4): a subtotal or total score is the sum of the
 * scores under it; within the profile's scoreTolerance it is not an error.
 */
import { numberOf } from '../arithmetic/precision';
import { formatPlain } from '../findings/format';
import type { IndicatorNode, IndicatorTable } from '../layout/tables';
import { defineRule, type RuleContext } from './rule';
import { scoreConstraints } from './shared/score-constraints';
import { SUM_MESSAGES } from './shared/sum-messages';
import { reportSums } from './shared/sum-constraints';

/**
 * An indicator with a weight and no score, in a table that scores its
 * indicators, is genuinely incomplete: the sums above it stay unchecked,
 * and the user hears which row keeps them so (issue 15, variant A).
 */
function reportBlankScores(table: Readonly<IndicatorTable>, ctx: RuleContext<string>): void {
  const leaves: IndicatorNode[] = [];
  const visit = (n: IndicatorNode) => (n.children.length > 0 ? n.children.forEach(visit) : leaves.push(n));
  table.roots.forEach(visit);
  if (!leaves.some((n) => numberOf(n.score))) return;
  for (const n of leaves) {
    const weight = numberOf(n.weight);
    if (weight && n.weight && n.score?.value.kind !== 'number' && n.score?.value.kind !== 'error') {
      ctx.notChecked(n.score ?? n.weight, 'blank-score', { weight: formatPlain(weight.value) });
    }
  }
}

export default defineRule({
  meta: {
    id: 'score-sum',
    severity: 'error',
    determinesValue: true,
    docs: {
      description: {
        'zh-CN': '小计与总分得分等于其下各项得分之和',
        'en-US': 'A subtotal or total score is the sum of the scores under it',
      },
      url: 'docs/rules/score-sum.md',
      source: 'docs/domain.md §4',
    },
    messages: { total: SUM_MESSAGES.total, root: SUM_MESSAGES.root },
  },
  check(table, ctx) {
    reportSums(ctx, scoreConstraints(table, ctx.profile.scoreTolerance));
    if (table.type === 'indicators') reportBlankScores(table, ctx);
  },
});
