/**
 * The report people read in a terminal, in the shape of ESLint's "stylish"
 * format: a header line per file naming its tables, its findings below it
 * in aligned columns (`  Sheet!D11  错误  weight-sum  <reason>`), and one
 * closing line with the totals a reviewer reports upwards.
 */
import {
  countBySeverity,
  findingSentence,
  SEVERITY_WORDS,
  TABLE_KIND_WORDS,
  type Finding,
  type Lang,
  type Severity,
} from '../core';
import { sortedFindings, textWidth } from '../file/summary-rows';
import { statusOf, type CheckedFile, type FileOutcome } from './outcome';

/** Table kinds in words; to move to core/findings with the pane's copy (issue 10). */

interface Totals {
  files: number;
  checked: number;
  withErrors: number;
  noTable: number;
  unreadable: number;
  counts: Record<Severity, number>;
}

const TEXT = {
  'zh-CN': {
    noTable: (cells: number) => `未识别到绩效自评表，未检查（读取了 ${cells} 个单元格）`,
    clean: '未发现问题',
    marked: (p: string) => `已写出标注副本：${p}`,
    tables: (list: string[]) => `（${list.join('；')}）`,
    totals: (t: Totals) =>
      `共 ${t.files} 个文件：已检查 ${t.checked} 个（${t.withErrors} 个有错误），${t.noTable} 个未识别到自评表，${t.unreadable} 个无法读取；` +
      `${t.counts.error} 个错误，${t.counts.warning} 个警告，${t.counts.info} 个提示`,
  },
  'en-US': {
    noTable: (cells: number) => `no self-evaluation table recognised; not checked (${cells} cells read)`,
    clean: 'no problems found',
    marked: (p: string) => `marked copy written: ${p}`,
    tables: (list: string[]) => ` (${list.join('; ')})`,
    totals: (t: Totals) => {
      const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
      return (
        `${n(t.files, 'file')}: ${t.checked} checked (${t.withErrors} with errors), ${t.noTable} not recognised, ${t.unreadable} unreadable; ` +
        `${n(t.counts.error, 'error')}, ${n(t.counts.warning, 'warning')}, ${n(t.counts.info, 'note')}`
      );
    },
  },
} as const;

export interface HumanOptions {
  lang: Lang;
  /** Errors only; files with nothing wrong are left out (the totals still count them). */
  quiet?: boolean;
  /** Applied to every line before it is printed (escaping for a terminal). */
  show?: (line: string) => string;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  const cols = findings.map((f) => [`${f.sheet}!${f.cell}`, SEVERITY_WORDS[lang][f.severity], f.rule]);
  const widths = [0, 1, 2].map((i) => Math.max(...cols.map((c) => textWidth(c[i]))));
  return findings.map((f, i) => {
    return `  ${cols[i].map((c, k) => pad(c, widths[k])).join('  ')}  ${findingSentence(f, lang)}`;
  });
}

function checkedLines(o: CheckedFile, lang: Lang, quiet: boolean): string[] {
  const t = TEXT[lang];
  const tables = o.result.tables.map((x) => `${TABLE_KIND_WORDS[lang][x.kind]} ${x.sheet}!${x.range}`);
  const lines = [tables.length > 0 ? `${o.file}${t.tables(tables)}` : o.file];
  const shown = sortedFindings(o.result.findings.filter((f) => !quiet || f.severity === 'error'));
  if (statusOf(o) === 'no-table') {
    const cells = Object.values(o.cellsRead).reduce((a, b) => a + b, 0);
    lines.push(`  ${t.noTable(cells)}`);
  } else if (shown.length > 0) lines.push(...findingLines(shown, lang));
  else lines.push(`  ${t.clean}`);
  if (o.markedCopy) lines.push(`  ${t.marked(o.markedCopy)}`);
  if (o.copyProblem) lines.push(`  ${o.copyProblem[lang]}`);
  return lines;
}

export function totalsOf(outcomes: readonly FileOutcome[]): Totals {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const o of outcomes) {
    if (!o.ok) continue;
    const c = countBySeverity(o.result.findings);
    for (const s of Object.keys(counts) as Severity[]) counts[s] += c[s];
  }
  const statuses = outcomes.map(statusOf);
  const count = (pred: (s: string) => boolean) => statuses.filter(pred).length;
  return {
    files: outcomes.length,
    checked: count((s) => s !== 'unreadable' && s !== 'no-table'),
    withErrors: count((s) => s === 'errors'),
    noTable: count((s) => s === 'no-table'),
    unreadable: count((s) => s === 'unreadable'),
    counts,
  };
}

export function formatHuman(outcomes: readonly FileOutcome[], options: HumanOptions): string {
  const { lang, quiet = false, show = (line: string) => line } = options;
  const lines: string[] = [];
  for (const o of outcomes) {
    const status = statusOf(o);
    if (quiet && (status === 'clean' || status === 'notes') && !(o.ok && o.copyProblem)) continue;
    if (o.ok) lines.push(...checkedLines(o, lang, quiet), '');
    else lines.push(o.file, `  ${o.reason[lang]}`, '');
  }
  lines.push(TEXT[lang].totals(totalsOf(outcomes)));
  return `${lines.map(show).join('\n')}\n`;
}
