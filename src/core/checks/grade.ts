/** grade (SPEC §4): the grade label matches the band of the total score. */
import { normalizeText } from '../values/normalize-text';
import { formatPlain } from '../findings/format';
import { message } from '../findings/messages';
import { numberOf } from '../arithmetic/precision';
import { gradeSpelledLike, type GradeBand } from '../profile';
import type { Check } from './check';

function bandOf(bands: GradeBand[], score: number): GradeBand | undefined {
  return bands.find((b) => score >= b.min);
}

function bandNamed(bands: GradeBand[], text: string): GradeBand | undefined {
  const t = normalizeText(text);
  return bands.find((b) => b.label === t || (b.aliases ?? []).includes(t));
}

export const grade: Check = {
  id: 'grade',
  severity: 'error',
  run(table, ctx) {
    if (table.type !== 'indicators' || !table.grade || !table.total?.score) return [];
    const score = numberOf(table.total.score);
    const printed = table.grade.value.kind === 'qualitative' ? table.grade.value.text : undefined;
    if (!score || printed === undefined) return [];
    const bands = ctx.profile.gradeBands;
    const named = bandNamed(bands, printed);
    const expected = bandOf(bands, score.value.toNumber());
    // A label outside the profile's bands (合格/不合格 schemes…) is not judged.
    if (!named || !expected || named === expected) return [];
    const cell = table.grade.address;
    const spelled = gradeSpelledLike(expected, named, normalizeText(printed));
    return [
      {
        sheet: ctx.view.name,
        cell,
        rule: 'grade',
        severity: 'error',
        found: printed,
        expected: spelled,
        fixValue: spelled,
        message: message('grade.band', {
          cell,
          found: printed,
          expected: spelled,
          score: formatPlain(score.value),
          scoreCell: table.total.score.address,
        }),
      },
    ];
  },
};
