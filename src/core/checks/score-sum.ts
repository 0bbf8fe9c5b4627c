/**
 * score-sum (docs/domain.md §4): a subtotal or total score is the sum of the
 * scores under it; within the profile's scoreTolerance it is not an error.
 */
import { defineRule } from './rule';
import { scoreConstraints } from './shared/score-constraints';
import { SUM_MESSAGES } from './shared/sum-messages';
import { reportSums } from './shared/sum-constraints';

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
  },
});
