/** What a reviewer reads in a marked cell's note. */
import type { Finding, Lang, Severity } from '../core';
import { SEVERITY_ORDER } from '../core';

export const NOTE_PREFIX = 'ScoreCheck:';

const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'error', warning: 'warning', info: 'info' },
};

export function findingLine(f: Finding, lang: Lang): string {
  const expected =
    f.expected === undefined ? '' : lang === 'zh-CN' ? `（应为 ${f.expected}）` : ` (expected ${f.expected})`;
  return `[${SEVERITY_WORD[lang][f.severity]}] ${f.message[lang]}${expected}`;
}

/** One note for all findings on one cell, most severe first. */
export function noteText(findings: Finding[], lang: Lang): string {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (sorted.length === 1) return `${NOTE_PREFIX} ${findingLine(sorted[0], lang)}`;
  return [NOTE_PREFIX, ...sorted.map((f) => `• ${findingLine(f, lang)}`)].join('\n');
}
