/**
 * The words the Office front ends say — the task pane and the ribbon's
 * result — Chinese first; kept with the host port both use. Finding messages are not here: they
 * come from the engine already in both languages.
 */
import { TABLE_KIND_WORDS, type Lang, type Severity, type TableKind } from '../core';
import type { HostErrorCode, KeptNote } from './sheet-host';

/** Office's display language ("zh-CN", "zh-TW", "en-US", "fr-FR"…) → the pane's language. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  if (!displayLanguage) return 'zh-CN';
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export interface UiStrings {
  title: string;
  validate: string;
  validating: string;
  live: string;
  liveHint: string;
  liveUnavailable: string;
  clearMarks: string;
  clearing: string;
  marksCleared: string;
  severity: Record<Severity, string>;
  /** "3 errors, 1 warning" style summary for the status line. */
  summary: (counts: Record<Severity, number>, sheet: string) => string;
  noProblems: (sheet: string, tables: number) => string;
  marked: (cells: number) => string;
  marksUnavailable: string;
  found: string;
  expected: string;
  fix: string;
  undoFix: string;
  fixed: (cell: string, value: string) => string;
  goToCell: (cell: string) => string;
  table: (kind: TableKind | undefined, range: string | undefined) => string;
  otherFindings: string;
  emptyTitle: (sheet: string) => string;
  emptyIntro: string;
  emptyHeaders: { label: string; words: string }[];
  emptyOutro: string;
  errors: Record<HostErrorCode, string>;
  marksRefusedProtected: string;
  /** Validation: Excel could not read the sheet's conditional formats, so no fill was added. */
  marksRefusedFormats: string;
  undoWarning: string;
  /** Before the first write that clears Excel's undo history (Office 2021/2024): what will happen. */
  undoConfirm: (action: 'validate' | 'fix') => string;
  proceed: string;
  cancel: string;
  dismiss: string;
  /** Fix would replace a formula: say which, and what comes instead. */
  confirmOverwriteFormula: (cell: string, formula: string, value: string) => string;
  overwrite: string;
  ignore: string;
  unignore: string;
  showIgnored: (count: number) => string;
  hideIgnored: string;
  ignoredHeading: string;
  nextFinding: string;
  previousFinding: string;
  /** "2 / 7", the finding selected among those listed. */
  findingPosition: (index: number, count: number) => string;
  /** After Clear: ScoreCheck-looking notes left alone, and why. */
  keptNotes: (kept: readonly KeptNote[]) => string;
  formatsLeft: (sheets: readonly string[]) => string;
  clearedHint: string;
  /** The ribbon's 校验本表 answers in a small dialog: its title line. */
  ribbonTitle: string;
  outsideTitle: string;
  outsideIntro: string;
  outsideWeb: string[];
  outsideDesktop: string[];
  outsideTimeout: string;
  outsideNotExcel: string;
  retry: string;
  loading: string;
}

/** A heading starts with a capital; the table kinds are written for the middle of a sentence. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const zh: UiStrings = {
  title: 'ScoreCheck 绩效自评表校验',
  validate: '校验本表',
  validating: '正在校验…',
  live: '实时校验',
  liveHint: '编辑后自动重新校验',
  liveUnavailable: '此版本的 Excel 不支持实时校验（需要 ExcelApi 1.7），请点击“校验本表”。',
  clearMarks: '清除标记',
  clearing: '正在清除…',
  marksCleared: '已清除 ScoreCheck 添加的全部标记。',
  severity: { error: '错误', warning: '警告', info: '提示' },
  summary: (c, sheet) => `“${sheet}”：${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`,
  noProblems: (sheet, tables) => `“${sheet}”中的 ${tables} 张表未发现问题。`,
  marked: (cells) => `已在 ${cells} 个单元格上做了标记。`,
  marksUnavailable: '此版本的 Excel 无法在单元格上做标记（需要 ExcelApi 1.6），问题只列在本窗格中。',
  found: '现值',
  expected: '应为',
  fix: '修正',
  undoFix: '撤销修正',
  fixed: (cell, value) => `已将 ${cell} 改为 ${value}。`,
  goToCell: (cell) => `定位到 ${cell}`,
  table: (kind, range) => `${kind ? TABLE_KIND_WORDS['zh-CN'][kind] : '表格'}${range ? `（${range}）` : ''}`,
  otherFindings: '其他问题',
  emptyTitle: (sheet) => `“${sheet}”中没有找到可检查的表格`,
  emptyIntro: 'ScoreCheck 按表头识别绩效自评表。请确认当前工作表的表头含有以下文字（全角半角、空格、换行均可）：',
  emptyHeaders: [
    { label: '指标', words: '一级指标 / 二级指标 / 三级指标' },
    { label: '分值与得分', words: '分值、得分' },
    { label: '指标值', words: '年度指标值、实际完成值、完成率' },
    { label: '预算执行', words: '全年预算数 / 全年执行数 / 执行率' },
    { label: '合计与等级', words: '总分、绩效等级' },
  ],
  emptyOutro: '表格可以位于工作表的任意位置，一张工作表可以有多张表。',
  errors: {
    protected: '工作表受保护，ScoreCheck 没有写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护）再试。',
    unsupported: '此版本的 Excel 不支持 ScoreCheck 所需的功能。请使用 Microsoft 365、Office 2021 或更新版本，或网页版 Excel。',
    'changed-since-fix': '该单元格在修正后又被改动过，为保留您的修改，没有撤销。',
    'has-formula': '该单元格含有公式，没有确认覆盖，因此未修正。',
    'not-found': '找不到该工作表或单元格，可能已被重命名或删除。请重新校验。',
    'too-large':
      '这张工作表太大，ScoreCheck 无法一次读取（已用区域超过 50 万个单元格，或超出网页版 Excel 一次能传送的数据量）。请把自评表复制到一张新工作表后再校验，或删除表格以外的多余内容。',
    failed: 'Excel 未能完成操作，请重试。若问题持续，请重新打开工作簿。',
  },
  marksRefusedProtected: '工作表受保护：问题已列在下方，但没有在单元格上做标记。',
  marksRefusedFormats:
    'Excel 无法读取这张工作表的条件格式（某些用户规则会触发 Excel 的已知错误），为免重复标记，ScoreCheck 没有添加底色。问题已列在下方。可在“开始 → 条件格式 → 管理规则”中检查重复或相同的规则。',
  undoConfirm: (action) =>
    `在此版本的 Excel 中，ScoreCheck ${action === 'fix' ? '写入修正值' : '写入标记'}会清空 Excel 的“撤销”记录（Excel 从 ExcelApi 1.20 起才保留）。若还需要撤销之前的编辑，请先取消。`,
  proceed: '继续',
  cancel: '取消',
  confirmOverwriteFormula: (cell, formula, value) =>
    `${cell} 含有公式 ${formula}。修正会用数值 ${value} 覆盖这个公式（“撤销修正”可恢复）。确定要覆盖吗？`,
  overwrite: '覆盖公式',
  ignore: '忽略',
  unignore: '取消忽略',
  showIgnored: (n) => `显示已忽略的问题（${n}）`,
  hideIgnored: '隐藏已忽略的问题',
  ignoredHeading: '已忽略的问题',
  nextFinding: '下一个问题',
  previousFinding: '上一个问题',
  findingPosition: (i, n) => `第 ${i} 个，共 ${n} 个`,
  keptNotes: (kept) =>
    `以下批注没有删除，因为它们含有您的文字：${kept
      .map(
        (k) =>
          `${k.sheet}!${k.cell}（${{ edited: '您修改过 ScoreCheck 的批注', 'user-tag': '您自己写的、以 [ScoreCheck] 开头的批注', replies: '批注下有回复' }[k.reason]}）`,
      )
      .join('、')}。如不再需要，请手动删除。`,
  formatsLeft: (sheets) =>
    `Excel 无法读取工作表 ${sheets.join('、')} 的条件格式（Excel 的已知错误），那里的 ScoreCheck 底色可能仍在：请在“开始 → 条件格式 → 管理规则”中删除公式含 ScoreCheck 的规则。`,
  clearedHint: '如需再次检查，请点击“校验本表”。',
  ribbonTitle: 'ScoreCheck 校验本表',
  undoWarning:
    '注意：在此版本的 Excel 中，ScoreCheck 每次写入标记都会清空“撤销”记录（Excel 从 ExcelApi 1.20 起才保留）。需要撤销时，请先关闭实时校验。',
  dismiss: '知道了',
  outsideTitle: 'ScoreCheck 需要在 Excel 中运行',
  outsideIntro: '这个页面是 Excel 加载项的任务窗格，请在 Excel 中打开它：',
  outsideWeb: [
    '在浏览器中打开网页版 Excel 和一个工作簿。',
    '选择“开始” → “加载项” → “更多加载项” → “我的加载项” → “上传我的加载项”。',
    '选择 ScoreCheck 的 manifest.xml，然后点击“上传”。',
  ],
  outsideDesktop: [
    'Windows：把 manifest.xml 所在文件夹设为共享文件夹，并在“文件 → 选项 → 信任中心 → 受信任的加载项目录”中添加该共享路径，重启 Excel 后在“插入 → 我的加载项 → 共享文件夹”中选择 ScoreCheck。',
    'Mac：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef，重启 Excel 后在“插入 → 我的加载项”中选择 ScoreCheck。',
  ],
  outsideTimeout: 'Office.js 未能加载。若您在内网中，请让管理员部署 ScoreCheck 的内网版本（它自带 Office.js）。',
  outsideNotExcel: 'ScoreCheck 只能在 Excel 中使用。',
  retry: '重试',
  loading: '正在加载…',
};

const en: UiStrings = {
  title: 'ScoreCheck',
  validate: 'Validate sheet',
  validating: 'Validating…',
  live: 'Live checking',
  liveHint: 'Re-checks after each edit',
  liveUnavailable: 'This Excel cannot check as you type (needs ExcelApi 1.7): use Validate sheet.',
  clearMarks: 'Clear marks',
  clearing: 'Clearing…',
  marksCleared: 'Every mark ScoreCheck added has been removed.',
  severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  summary: (c, sheet) =>
    `${sheet}: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} note${c.info === 1 ? '' : 's'}`,
  noProblems: (sheet, tables) => `No problems found in the ${tables} table${tables === 1 ? '' : 's'} of ${sheet}.`,
  marked: (cells) => `${cells} cell${cells === 1 ? '' : 's'} marked.`,
  marksUnavailable: 'This Excel cannot mark cells (needs ExcelApi 1.6): findings are listed in this pane only.',
  found: 'Found',
  expected: 'Expected',
  fix: 'Fix',
  undoFix: 'Undo fix',
  fixed: (cell, value) => `${cell} set to ${value}.`,
  goToCell: (cell) => `Go to ${cell}`,
  table: (kind, range) => `${kind ? capitalised(TABLE_KIND_WORDS['en-US'][kind]) : 'Table'}${range ? ` (${range})` : ''}`,
  otherFindings: 'Other findings',
  emptyTitle: (sheet) => `No table to check was found in ${sheet}`,
  emptyIntro:
    'ScoreCheck recognises self-evaluation tables by their headers. Check that the sheet has headers such as these (full- or half-width, spaces and line breaks are fine):',
  emptyHeaders: [
    { label: 'Indicators', words: '一级指标 / 二级指标 / 三级指标' },
    { label: 'Weights and scores', words: '分值, 得分' },
    { label: 'Targets', words: '年度指标值, 实际完成值, 完成率' },
    { label: 'Budget', words: '全年预算数 / 全年执行数 / 执行率' },
    { label: 'Totals and grade', words: '总分, 绩效等级' },
  ],
  emptyOutro: 'Tables may sit anywhere on the sheet, several to a sheet.',
  errors: {
    protected: 'The sheet is protected, so ScoreCheck wrote nothing. Unprotect it (Review → Unprotect Sheet) and try again.',
    unsupported:
      'This version of Excel lacks what ScoreCheck needs. Use Microsoft 365, Office 2021 or later, or Excel on the web.',
    'changed-since-fix': 'The cell was changed after the fix, so it was left as you typed it.',
    'has-formula': 'The cell holds a formula and overwriting it was not confirmed, so it was not fixed.',
    'not-found': 'That sheet or cell is gone (renamed or deleted?). Validate again.',
    'too-large':
      'This sheet is too large for ScoreCheck to read at once (its used range passes 500,000 cells, or more than Excel on the web can send in one go). Copy the self-evaluation table to a new sheet and validate that, or delete what lies outside the table.',
    failed: 'Excel could not finish. Try again; if it keeps failing, reopen the workbook.',
  },
  marksRefusedProtected: 'The sheet is protected: findings are listed below, but no cell was marked.',
  marksRefusedFormats:
    "Excel could not read this sheet's conditional formats (a known Excel bug with some rules), so ScoreCheck added no fills, lest they double. Findings are listed below. Look for duplicated or identical rules under Home → Conditional Formatting → Manage Rules.",
  undoConfirm: (action) =>
    `In this version of Excel, ScoreCheck ${action === 'fix' ? 'writing the fix' : 'writing its marks'} clears Excel's undo history (kept only from ExcelApi 1.20). Cancel if you still need to undo earlier edits.`,
  proceed: 'Continue',
  cancel: 'Cancel',
  confirmOverwriteFormula: (cell, formula, value) =>
    `${cell} holds the formula ${formula}. Fix replaces it with the value ${value} (Undo fix puts it back). Overwrite the formula?`,
  overwrite: 'Overwrite formula',
  ignore: 'Ignore',
  unignore: 'Stop ignoring',
  showIgnored: (n) => `Show ignored findings (${n})`,
  hideIgnored: 'Hide ignored findings',
  ignoredHeading: 'Ignored findings',
  nextFinding: 'Next finding',
  previousFinding: 'Previous finding',
  findingPosition: (i, n) => `${i} of ${n}`,
  keptNotes: (kept) =>
    `These notes were kept because they hold words of yours: ${kept
      .map(
        (k) =>
          `${k.sheet}!${k.cell} (${{ edited: 'a ScoreCheck note you added to', 'user-tag': 'your own note starting with [ScoreCheck]', replies: 'a comment with replies' }[k.reason]})`,
      )
      .join(', ')}. Delete them by hand if you no longer need them.`,
  formatsLeft: (sheets) =>
    `Excel could not read the conditional formats of ${sheets.join(', ')} (a known Excel bug), so ScoreCheck's fills may remain there: delete the rules whose formula mentions ScoreCheck under Home → Conditional Formatting → Manage Rules.`,
  clearedHint: 'Press Validate sheet to check again.',
  ribbonTitle: 'ScoreCheck: Validate sheet',
  undoWarning:
    'Note: in this version of Excel every time ScoreCheck writes its marks, Excel clears the undo history (kept only from ExcelApi 1.20). Turn live checking off when you need Undo.',
  dismiss: 'Got it',
  outsideTitle: 'ScoreCheck runs inside Excel',
  outsideIntro: 'This page is the task pane of an Excel add-in. Open it in Excel:',
  outsideWeb: [
    'Open Excel on the web and a workbook.',
    'Choose Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in.',
    "Pick ScoreCheck's manifest.xml and choose Upload.",
  ],
  outsideDesktop: [
    'Windows: share the folder holding manifest.xml, add that share under File → Options → Trust Center → Trusted Add-in Catalogs, restart Excel, then Insert → My Add-ins → Shared Folder → ScoreCheck.',
    'Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef, restart Excel, then Insert → My Add-ins → ScoreCheck.',
  ],
  outsideTimeout:
    "Office.js did not load. On an intranet that cannot reach Microsoft's servers, ask for ScoreCheck's intranet build (it serves Office.js itself).",
  outsideNotExcel: 'ScoreCheck works in Excel only.',
  retry: 'Try again',
  loading: 'Loading…',
};

export const UI_STRINGS: Record<Lang, UiStrings> = { 'zh-CN': zh, 'en-US': en };
