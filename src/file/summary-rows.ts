/**
 * The reviewer's summary as rows: one per file, one per finding. The CLI's
 * `--report` and the page's 导出汇总表 both build these and hand them to the
 * same writers (summary-xlsx, summary-csv), so the two agree cell for cell.
 */
import {
  compareCells,
  countBySeverity,
  SEVERITY_ORDER,
  SEVERITY_WORDS,
  type Finding,
  type Lang,
  type LocalizedText,
  type Severity,
  type WorkbookResult,
} from '../core';
import type { FormFacts } from './summary-facts';

/** Display width in Excel's character units: CJK and full-width forms take two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

export type SummaryStatus = 'errors' | 'notes' | 'clean' | 'no-table' | 'unreadable';

/** One file as the summary sees it. */
export interface SummaryFile {
  /** The name shown (a path on the command line, the file name on the page). */
  file: string;
  result?: WorkbookResult;
  facts?: FormFacts;
  /** Why the file could not be read. */
  reason?: LocalizedText;
  /** Where the marked copy went, relative to the summary, for links to its cells. */
  markedCopy?: string;
}

/** No table recognised is not clean: nothing was checked (docs/domain.md §2). */
export function summaryStatus(result: WorkbookResult | undefined): SummaryStatus {
  if (!result) return 'unreadable';
  if (result.tables.length === 0) return 'no-table';
  const counts = countBySeverity(result.findings);
  if (counts.error > 0) return 'errors';
  return counts.warning + counts.info > 0 ? 'notes' : 'clean';
}

export const STATUS_WORDS: Record<Lang, Record<SummaryStatus, string>> = {
  'zh-CN': { errors: '有错误', notes: '仅提示', clean: '未发现问题', 'no-table': '未识别到自评表', unreadable: '无法读取' },
  'en-US': {
    errors: 'errors',
    notes: 'notes only',
    clean: 'no problems found',
    'no-table': 'no table recognised',
    unreadable: 'unreadable',
  },
};

const STATUS_COLUMN = 2;
/** Not checked is as serious as wrong: the reviewer must look at the file. */
const STATUS_TONE: Record<SummaryStatus, Severity | undefined> = {
  errors: 'error',
  'no-table': 'error',
  unreadable: 'error',
  notes: 'warning',
  clean: undefined,
};

export type SummaryValue = string | number | undefined;

/** A cell of a summary row; `link` points into the marked copy (`file#'Sheet'!D11`). */
export interface SummaryCell {
  value: SummaryValue;
  link?: string;
  /** Coloured like a mark of this severity. */
  tone?: Severity;
}

export interface SummaryTable {
  name: string;
  header: string[];
  rows: SummaryCell[][];
}

const HEADERS = {
  'zh-CN': {
    files: '汇总',
    findings: '问题清单',
    fileColumns: [
      '文件',
      '单位/项目名称',
      '状态',
      '错误',
      '警告',
      '提示',
      '总分（填报）',
      '总分（重算）',
      '等级（填报）',
      '等级（应为）',
      '重复提交',
      '说明',
    ],
    findingColumns: ['文件', '工作表', '单元格', '指标', '规则', '严重程度', '填报值', '应为', '原因'],
    duplicate: (other: string) => `与 ${other} 名称和数字相同`,
    noTable: '未识别到绩效自评表，未检查',
  },
  'en-US': {
    files: 'Summary',
    findings: 'Findings',
    fileColumns: [
      'File',
      'Unit / project',
      'Status',
      'Errors',
      'Warnings',
      'Notes',
      'Total (printed)',
      'Total (recomputed)',
      'Grade (printed)',
      'Grade (expected)',
      'Submitted twice',
      'Remark',
    ],
    findingColumns: ['File', 'Sheet', 'Cell', 'Indicator', 'Rule', 'Severity', 'Found', 'Expected', 'Reason'],
    duplicate: (other: string) => `same name and numbers as ${other}`,
    noTable: 'no self-evaluation table recognised; not checked',
  },
} as const;

/** A printed score as a number where it is one, so the column sorts by value. */
function scoreValue(text: string | undefined): SummaryValue {
  if (text === undefined) return undefined;
  const n = Number(text.replace(/[,，\s]/g, ''));
  return Number.isFinite(n) && text.trim() !== '' ? n : text;
}

/**
 * Per file, the other files that are the same submission: same name, same
 * numbers. A unit's name alone is not enough: it files an overall form and
 * project forms under one name.
 */
export function duplicateNotes(files: readonly SummaryFile[], lang: Lang): string[] {
  const h = HEADERS[lang];
  return files.map((f, i) => {
    const name = f.facts?.name;
    if (!name) return '';
    const same = files.filter((g, j) => j !== i && g.facts?.name === name && g.facts.fingerprint === f.facts!.fingerprint);
    return same.map((g) => h.duplicate(g.file)).join(lang === 'zh-CN' ? '；' : '; ');
  });
}

export function fileTable(files: readonly SummaryFile[], lang: Lang): SummaryTable {
  const h = HEADERS[lang];
  const dup = duplicateNotes(files, lang);
  const rows = files.map((f, i): SummaryCell[] => {
    const status = summaryStatus(f.result);
    const counts: Record<Severity, number | undefined> = f.result
      ? countBySeverity(f.result.findings)
      : { error: undefined, warning: undefined, info: undefined };
    const remark = f.reason ? f.reason[lang] : status === 'no-table' ? h.noTable : '';
    const values: SummaryValue[] = [
      f.file,
      f.facts?.name,
      STATUS_WORDS[lang][status],
      counts.error,
      counts.warning,
      counts.info,
      scoreValue(f.facts?.scorePrinted),
      scoreValue(f.facts?.scoreRecomputed),
      f.facts?.gradePrinted,
      f.facts?.gradeExpected,
      dup[i] || undefined,
      remark || undefined,
    ];
    const cells: SummaryCell[] = values.map((value) => ({ value }));
    cells[STATUS_COLUMN].tone = STATUS_TONE[status];
    return cells;
  });
  return { name: h.files, header: [...h.fileColumns], rows };
}

/** Errors first, then by sheet and cell: the order a reviewer reads a file in. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.sheet.localeCompare(b.sheet) || compareCells(a.cell, b.cell),
  );
}

/**
 * A relative path as the link's URI: the characters a URI gives a meaning
 * to (% # ? and spaces) escaped, Chinese left as it is (an IRI, which Excel,
 * WPS and LibreOffice read as written).
 */
function uriPath(relativePath: string): string {
  return relativePath.replace(/[%#? ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

export function findingTable(files: readonly SummaryFile[], lang: Lang): SummaryTable {
  const h = HEADERS[lang];
  const rows: SummaryCell[][] = [];
  for (const f of files) {
    for (const finding of sortedFindings(f.result?.findings ?? [])) {
      const link = f.markedCopy ? `${uriPath(f.markedCopy)}#${quoteSheet(finding.sheet)}!${finding.cell}` : undefined;
      rows.push([
        { value: f.file },
        { value: finding.sheet },
        { value: finding.cell, link },
        { value: f.facts?.indicators.get(`${finding.sheet}!${finding.cell}`) },
        { value: finding.rule },
        { value: SEVERITY_WORDS[lang][finding.severity], tone: finding.severity },
        { value: finding.found },
        { value: finding.expected },
        { value: finding.message[lang] },
      ]);
    }
  }
  return { name: h.findings, header: [...h.findingColumns], rows };
}
