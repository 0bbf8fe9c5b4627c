/**
 * The one text a marked cell carries, the same in Excel's note or comment,
 * the marked copy and the browser page (issue 10), and the one set of
 * severity words every front end uses.
 */
import type { Finding, Lang, Severity } from './finding';
import { SEVERITY_ORDER } from './finding';

/** Every note ScoreCheck writes starts with this tag, so Clear can tell it from the user's own. */
export const NOTE_TAG = '[ScoreCheck]';

/**
 * Tags earlier versions wrote (the marked copy used `ScoreCheck:`); Clear
 * still recognises them on a note whose whole text ScoreCheck wrote.
 */
const OLD_TAGS = ['ScoreCheck:'] as const;

/** One word per severity, singular: the note, the CLI and the copy's summary. */
export const SEVERITY_WORDS: Record<Lang, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'error', warning: 'warning', info: 'info' },
};

/**
 * A finding's sentence with the value expected after it, where there is one
 * the sentence does not already say (no "应为 47 …（应为 47）").
 */
export function findingSentence(f: Finding, lang: Lang): string {
  const text = f.message[lang];
  if (f.expected === undefined || text.includes(f.expected)) return text;
  return lang === 'zh-CN' ? `${text}（应为 ${f.expected}）` : `${text} (expected ${f.expected})`;
}

/** One line for one finding: its severity and its sentence. */
export function findingNoteLine(f: Finding, lang: Lang): string {
  return `[${SEVERITY_WORDS[lang][f.severity]}] ${findingSentence(f, lang)}`;
}

/** The note for every finding on one cell, most severe first, under the tag. */
export function noteText(findings: readonly Finding[], lang: Lang): string {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return [NOTE_TAG, ...sorted.map((f) => findingNoteLine(f, lang))].join('\n');
}

/** Whether a note's text begins with a tag ScoreCheck writes (a first look; Clear also compares the whole text). */
export function hasNoteTag(text: string | null | undefined): boolean {
  return typeof text === 'string' && [NOTE_TAG, ...OLD_TAGS].some((tag) => text.startsWith(tag));
}
