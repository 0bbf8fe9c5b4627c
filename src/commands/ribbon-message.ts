/**
 * What the ribbon's 校验本表 says when it is done, in the pane's words: the
 * same summary, the same reasons for marks refused, the same error texts.
 */
import type { Lang } from '../core';
import { countBySeverity } from '../core';
import type { HostErrorCode, Validation } from '../host';
import { UI_STRINGS } from '../host/ui-strings';

export type RibbonOutcome = { validation: Validation } | { error: HostErrorCode; sheet?: string };

export function ribbonMessage(outcome: RibbonOutcome, lang: Lang): string {
  const t = UI_STRINGS[lang];
  const lines = [t.ribbonTitle];
  if ('error' in outcome) {
    lines.push(`${outcome.sheet ? `${outcome.sheet}: ` : ''}${t.errors[outcome.error]}`);
    return lines.join('\n');
  }
  const v = outcome.validation;
  const { findings, tables } = v.result;
  if (findings.length > 0) {
    lines.push(`${t.summary(countBySeverity(findings), v.sheet)}${v.marked > 0 ? ` ${t.marked(v.marked)}` : ''}`);
  } else if (tables.length > 0) lines.push(t.noProblems(v.sheet, tables.length));
  else lines.push(t.emptyTitle(v.sheet));
  if (v.marksRefused === 'protected') lines.push(t.marksRefusedProtected);
  else if (v.marksRefused === 'formats-unreadable') lines.push(t.marksRefusedFormats);
  if (v.ignored && v.ignored.length > 0) lines.push(t.showIgnored(v.ignored.length));
  return lines.join('\n');
}
