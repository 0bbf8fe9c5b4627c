/**
 * The browser page's own words (the pane's come from src/taskpane/i18n.ts,
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
  truncatedColumns: (shown: number, total: number) => string;
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
  truncatedColumns: (shown, total) => `只显示前 ${shown} 列（共 ${total} 列）。`,
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
  downloadHint: 'In the copy, cells with findings get a fill and a note; nothing else changes. The original file is left as it is.',
  downloadFailed: 'The marked copy could not be written.',
  gridLabel: (sheet) => `Sheet ${sheet} (read-only)`,
  noteFor: (cell) => `Note on ${cell}`,
  pickFinding: 'Choose a finding on the left to see its cell and note here.',
  language: 'Language',
  truncatedColumns: (shown, total) => `Showing the first ${shown} of ${total} columns.`,
};

export const WEB_STRINGS: Record<Lang, WebStrings> = { 'zh-CN': zh, 'en-US': en };
