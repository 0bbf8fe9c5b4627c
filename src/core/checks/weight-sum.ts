/**
 * weight-sum (docs/domain.md §4): a parent's weight is the sum of its
 * children's; the 总分 weight is the sum of the level-1 weights and the
 * profile's full mark.
 */
import { defineRule } from './rule';
import { SUM_MESSAGES } from './shared/sum-messages';
import { reportSums } from './shared/sum-constraints';
import { weightConstraints } from './shared/weight-constraints';

export default defineRule({
  meta: {
    id: 'weight-sum',
    severity: 'error',
    determinesValue: true,
    docs: {
      description: {
        'zh-CN': '上级指标分值等于下级分值之和，总分分值等于满分',
        'en-US': "A parent's weight is the sum of its children's; the total is the full mark",
      },
      url: 'docs/rules/weight-sum.md',
      source: '财预〔2020〕10号 附件 评分表; docs/domain.md §4',
    },
    messages: { total: SUM_MESSAGES.total, root: SUM_MESSAGES.root, profile: SUM_MESSAGES.profile },
  },
  check(table, ctx) {
    reportSums(ctx, weightConstraints(table, ctx.profile));
  },
});
