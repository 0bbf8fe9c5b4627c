/**
 * The report people read in a terminal: by file, then table, then severity,
 * one line per finding — `  D13  weight-sum  error  <message> (expected 16)`.
 */
import { countBySeverity, SEVERITY_ORDER, type Finding, type Lang } from '../core';
import { compareCells } from '../core';
import type { CheckedFile, FileOutcome } from './outcome';

const TEXT = {
  'zh-CN': {
    expected: (v: string) => `（应为 ${v}）`,
    noTable: (sheet: string, cells: number) => `工作表“${sheet}”中未找到绩效自评表（读取了 ${cells} 个单元格）`,
    outsideTables: '表格之外',
    clean: '未发现问题',
    counts: (e: number, w: number, i: number) => `${e} 个错误，${w} 个警告，${i} 个提示`,
    marked: (p: string) => `已写出标注副本：${p}`,
    summary: (files: number, withErrors: number, unusable: number) =>
      `共检查 ${files} 个文件：${withErrors} 个有错误，${unusable} 个无法读取`,
  },
  'en-US': {
    expected: (v: string) => ` (expected ${v})`,
    noTable: (sheet: string, cells: number) => `no self-evaluation table found on sheet ${sheet} (${cells} cells read)`,
    outsideTables: 'outside any table',
    clean: 'no problems found',
    counts: (e: number, w: number, i: number) =>
      `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info`,
    marked: (p: string) => `marked copy written: ${p}`,
    summary: (files: number, withErrors: number, unusable: number) =>
      `checked ${files} file${files === 1 ? '' : 's'}: ${withErrors} with errors, ${unusable} unusable`,
  },
} as const;

export function findingLine(f: Finding, lang: Lang): string {
  const expected = f.expected !== undefined ? TEXT[lang].expected(f.expected) : '';
  return `${f.cell}  ${f.rule}  ${f.severity}  ${f.message[lang]}${expected}`;
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.sheet.localeCompare(b.sheet) || compareCells(a.cell, b.cell),
  );
}

function formatChecked(o: CheckedFile, lang: Lang): string[] {
  const t = TEXT[lang];
  const lines: string[] = [];
  const { tables, findings, sheets } = o.result;
  tables.forEach((table, index) => {
    lines.push(`  ${table.sheet} ${table.range} (${table.kind})`);
    for (const f of sortFindings(findings.filter((x) => x.table === index))) lines.push(`    ${findingLine(f, lang)}`);
  });
  const loose = findings.filter((f) => f.table === undefined || f.table < 0 || f.table >= tables.length);
  if (loose.length > 0) {
    lines.push(`  ${t.outsideTables}`);
    for (const f of sortFindings(loose)) lines.push(`    ${f.sheet}!${findingLine(f, lang)}`);
  }
  for (const s of sheets) if (s.tables === 0) lines.push(`  ${t.noTable(s.name, o.cellsRead[s.name] ?? 0)}`);
  const count = countBySeverity(findings);
  lines.push(`  ${findings.length === 0 ? t.clean : t.counts(count.error, count.warning, count.info)}`);
  if (o.markedCopy) lines.push(`  ${t.marked(o.markedCopy)}`);
  return lines;
}

export function formatHuman(outcomes: readonly FileOutcome[], lang: Lang): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (!o.ok) {
      lines.push(o.reason[lang], '');
      continue;
    }
    lines.push(o.file, ...formatChecked(o, lang), '');
  }
  const withErrors = outcomes.filter((o) => o.ok && o.result.findings.some((f) => f.severity === 'error')).length;
  const unusable = outcomes.filter((o) => !o.ok).length;
  lines.push(TEXT[lang].summary(outcomes.length, withErrors, unusable));
  return `${lines.join('\n')}\n`;
}
