/** grade (docs/domain.md §4): the grade label matches the band of the total score. */
import { numberOf } from '../arithmetic/precision';
import { formatPlain } from '../findings/format';
import { gradeSpelledLike, type GradeBand } from '../profile';
import { normalizeText } from '../values/normalize-text';
import { defineRule } from './rule';

function bandOf(bands: GradeBand[], score: number): GradeBand | undefined {
  return bands.find((b) => score >= b.min);
}

function bandNamed(bands: GradeBand[], text: string): GradeBand | undefined {
  const t = normalizeText(text);
  return bands.find((b) => b.label === t || (b.aliases ?? []).includes(t));
}

export default defineRule({
  meta: {
    id: 'grade',
    severity: 'error',
    determinesValue: false,
    docs: {
      description: { 'zh-CN': '绩效等级与总分所在档次一致', 'en-US': 'The grade matches the band of the total score' },
      url: 'docs/rules/grade.md',
      source: '财预〔2020〕10号 (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60); docs/domain.md §4',
    },
    messages: {
      band: {
        'zh-CN': '{cell} 为“{found}”，但总分 {score}（{scoreCell}）对应等级“{expected}”。',
        'en-US': '{cell} says “{found}”, but the total score {score} ({scoreCell}) earns “{expected}”.',
      },
    },
  },
  check(table, ctx) {
    if (table.type !== 'indicators' || !table.grade || !table.total?.score) return;
    const score = numberOf(table.total.score);
    const printed = table.grade.value.kind === 'qualitative' ? table.grade.value.text : undefined;
    if (!score || printed === undefined) return;
    const bands = ctx.profile.gradeBands;
    const named = bandNamed(bands, printed);
    const expected = bandOf(bands, score.value.toNumber());
    // A label outside the profile's bands (合格/不合格 schemes…) is not judged.
    if (!named || !expected || named === expected) return;
    // The grade as this form spells its grades (优秀 for 优 where the form writes 优秀).
    const spelled = gradeSpelledLike(expected, named, normalizeText(printed));
    ctx.report(
      table.grade,
      'band',
      { score: formatPlain(score.value), scoreCell: table.total.score.address },
      { found: printed, expected: spelled, fix: spelled, inputs: [table.total.score] },
    );
  },
});
