/**
 * The browser page's own words (the pane's come from src/host/ui-strings.ts,
 * findings' from the engine). Chinese first.
 */
import type { Lang, Severity } from '../core';

export interface WebStrings {
  pageTitle: string;
  privacy: string;
  openFiles: string;
  dropHere: string;
  dropHint: string;
  files: string;
  sheet: string;
  reading: (file: string) => string;
  checking: (file: string, sheet: number, sheets: number, name: string) => string;
  fileSummary: (counts: Record<Severity, number>) => string;
  clean: string;
  unreadableTitle: string;
  failed: string;
  download: string;
  downloading: string;
  downloadHint: string;
  downloadFailed: string;
  gridLabel: (sheet: string) => string;
  noteFor: (cell: string) => string;
  pickFinding: string;
  language: string;
  downloadAll: string;
  zipping: (done: number, total: number) => string;
  exportSummary: string;
  print: string;
  zipFileName: string;
  summaryFileName: string;
  summaryTitle: string;
  filterStatus: string;
  filterSeverity: string;
  all: string;
  hasSeverity: Record<Severity, string>;
  pending: string;
  queued: string;
  cancel: (file: string) => string;
  showFiles: string;
  hideFiles: string;
  groups: { checked: string; 'no-table': string; stopped: string; pending: string };
  noTable: string;
  shown: (n: number, total: number) => string;
  sortBy: (column: string) => string;
  reportTitle: string;
  reportFiles: (n: number) => string;
}

const zh: WebStrings = {
  pageTitle: 'ScoreCheck 绩效自评表校验（浏览器版）',
  privacy: '文件只在本机浏览器中读取和检查，不会上传到任何服务器；本页面不发出任何网络请求。',
  openFiles: '打开文件…',
  dropHere: '把 .xlsx 文件拖到这里',
  dropHint: '或点击“打开文件”。可以一次选择多个文件。',
  files: '文件',
  sheet: '工作表',
  reading: (file) => `正在读取 ${file}…`,
  checking: (file, sheet, sheets, name) => `正在检查 ${file}：工作表 ${sheet + 1}/${sheets}“${name}”`,
  fileSummary: (c) => `${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`,
  clean: '未发现问题',
  unreadableTitle: '无法读取该文件',
  failed: '检查时出现内部错误，请重试；若问题持续，请用命令行版本检查该文件。',
  download: '下载标记副本',
  downloading: '正在生成…',
  downloadHint: '副本中有问题的单元格带底色和批注，其余内容不变；原文件不会被修改。',
  downloadFailed: '未能生成标记副本。',
  gridLabel: (sheet) => `工作表“${sheet}”（只读）`,
  noteFor: (cell) => `${cell} 的批注`,
  pickFinding: '点击左侧的问题，表格会定位到对应单元格并显示批注。',
  language: '语言',
  downloadAll: '下载全部标记副本',
  zipping: (done, total) => `正在生成标记副本 ${done}/${total}…`,
  exportSummary: '导出汇总表',
  print: '打印报告',
  zipFileName: 'ScoreCheck-标记副本.zip',
  summaryFileName: 'ScoreCheck-汇总表.xlsx',
  summaryTitle: '汇总',
  filterStatus: '按状态筛选',
  filterSeverity: '按问题筛选',
  all: '全部',
  hasSeverity: { error: '有错误', warning: '有警告', info: '有提示' },
  pending: '检查中…',
  queued: '等待检查',
  cancel: (file) => `取消检查 ${file}`,
  showFiles: '展开文件列表',
  hideFiles: '收起文件列表',
  groups: { checked: '已检查', 'no-table': '未识别到自评表（未检查）', stopped: '无法读取或已停止', pending: '等待或正在检查' },
  noTable: '未识别到绩效自评表，未检查。请确认这是绩效自评表，或用命令行版本查看读取了哪些工作表。',
  shown: (n, total) => `显示 ${n} / ${total} 个文件`,
  sortBy: (column) => `按“${column}”排序`,
  reportTitle: 'ScoreCheck 绩效自评表检查报告',
  reportFiles: (n) => `共 ${n} 个文件`,
};

const en: WebStrings = {
  pageTitle: 'ScoreCheck in the browser',
  privacy: 'Files are read and checked in this browser only: nothing is uploaded, and this page makes no network request.',
  openFiles: 'Open files…',
  dropHere: 'Drop .xlsx files here',
  dropHint: 'or choose Open files. You can pick several at once.',
  files: 'Files',
  sheet: 'Sheet',
  reading: (file) => `Reading ${file}…`,
  checking: (file, sheet, sheets, name) => `Checking ${file}: sheet ${sheet + 1} of ${sheets}, ${name}`,
  fileSummary: (c) =>
    `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} note${c.info === 1 ? '' : 's'}`,
  clean: 'No problems found',
  unreadableTitle: 'This file cannot be read',
  failed: 'Checking failed inside ScoreCheck. Try again; if it keeps failing, check the file with the command line.',
  download: 'Download marked copy',
  downloading: 'Preparing…',
  downloadHint:
    'In the copy, cells with findings get a fill and a note; nothing else changes. The original file is left as it is.',
  downloadFailed: 'The marked copy could not be written.',
  gridLabel: (sheet) => `Sheet ${sheet} (read-only)`,
  noteFor: (cell) => `Note on ${cell}`,
  pickFinding: 'Choose a finding on the left to see its cell and note here.',
  language: 'Language',
  downloadAll: 'Download all marked copies',
  zipping: (done, total) => `Writing marked copies ${done}/${total}…`,
  exportSummary: 'Export summary',
  print: 'Print report',
  zipFileName: 'ScoreCheck-marked-copies.zip',
  summaryFileName: 'ScoreCheck-summary.xlsx',
  summaryTitle: 'Summary',
  filterStatus: 'Filter by status',
  filterSeverity: 'Filter by finding',
  all: 'All',
  hasSeverity: { error: 'with errors', warning: 'with warnings', info: 'with notes' },
  pending: 'Checking…',
  queued: 'Waiting',
  cancel: (file) => `Cancel checking ${file}`,
  showFiles: 'Show file list',
  hideFiles: 'Hide file list',
  groups: {
    checked: 'Checked',
    'no-table': 'No table recognised (not checked)',
    stopped: 'Unreadable or stopped',
    pending: 'Waiting or being checked',
  },
  noTable:
    'No self-evaluation table recognised, so nothing was checked. Make sure this is a 绩效自评表, or see with the command line which sheets were read.',
  shown: (n, total) => `Showing ${n} of ${total} files`,
  sortBy: (column) => `Sort by ${column}`,
  reportTitle: 'ScoreCheck self-evaluation check report',
  reportFiles: (n) => `${n} file${n === 1 ? '' : 's'}`,
};

export const WEB_STRINGS: Record<Lang, WebStrings> = { 'zh-CN': zh, 'en-US': en };
