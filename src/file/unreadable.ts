/**
 * Why a file could not be read as a workbook, in words a finance clerk
 * understands (zh-CN first), naming the file. The `code` is for programs:
 * the CLI turns any of these into exit status 2 and a one-line reason.
 */
import type { LocalizedText } from '../core';

export type UnreadableCode =
  'missing' | 'not-xlsx' | 'xls' | 'csv' | 'encrypted' | 'corrupt' | 'too-large' | 'zip-bomb' | 'empty';

export class UnreadableWorkbookError extends Error {
  constructor(
    readonly code: UnreadableCode,
    readonly fileName: string,
    readonly reason: LocalizedText,
  ) {
    super(reason['en-US']);
    this.name = 'UnreadableWorkbookError';
  }
}

/** Details some reasons quote: the sheet and its cell count, the sizes found. */
export interface UnreadableDetail {
  sheet?: string;
  cells?: number;
  limit?: number;
  bytes?: number;
  cause?: string;
}

const MB = 1024 * 1024;

function describe(code: UnreadableCode, file: string, d: UnreadableDetail): LocalizedText {
  switch (code) {
    case 'missing':
      return {
        'zh-CN': `${file}：找不到该文件`,
        'en-US': `${file}: no such file`,
      };
    case 'not-xlsx':
      return {
        'zh-CN': `${file}：不是 Excel 工作簿（.xlsx）${d.cause ? `（${d.cause}）` : ''}`,
        'en-US': `${file}: not an Excel workbook (.xlsx)${d.cause ? ` (${d.cause})` : ''}`,
      };
    case 'xls':
      return {
        'zh-CN': `${file}：这是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再检查`,
        'en-US': `${file}: this is an old .xls workbook; save it as .xlsx in Excel or WPS and check again`,
      };
    case 'csv':
      return {
        'zh-CN': `${file}：这是逗号分隔的文本（CSV），不是 .xlsx 工作簿；请在 Excel 中另存为 .xlsx`,
        'en-US': `${file}: this is comma-separated text (CSV), not an .xlsx workbook; save it as .xlsx in Excel`,
      };
    case 'encrypted':
      return {
        'zh-CN': `${file}：工作簿设有打开密码，无法读取；请取消密码后再检查`,
        'en-US': `${file}: the workbook is password-protected; remove the password and check again`,
      };
    case 'corrupt':
      return {
        'zh-CN': `${file}：文件已损坏，无法作为 .xlsx 打开${d.cause ? `（${d.cause}）` : ''}`,
        'en-US': `${file}: the file is damaged and cannot be opened as .xlsx${d.cause ? ` (${d.cause})` : ''}`,
      };
    case 'too-large':
      return d.sheet !== undefined
        ? {
            'zh-CN': `${file}：工作表“${d.sheet}”有约 ${d.cells} 个单元格，超过上限 ${d.limit}，未检查`,
            'en-US': `${file}: sheet "${d.sheet}" has about ${d.cells} cells, over the limit of ${d.limit}; not checked`,
          }
        : {
            'zh-CN': `${file}：文件大小 ${Math.round((d.bytes ?? 0) / MB)} MB，超过上限 ${Math.round((d.limit ?? 0) / MB)} MB，未检查`,
            'en-US': `${file}: ${Math.round((d.bytes ?? 0) / MB)} MB, over the limit of ${Math.round((d.limit ?? 0) / MB)} MB; not checked`,
          };
    case 'zip-bomb':
      return {
        'zh-CN': `${file}：解压后体积异常（${d.cause ?? ''}），疑似压缩炸弹，已拒绝读取`,
        'en-US': `${file}: refused: it would decompress to an abnormal size (${d.cause ?? ''}), like a zip bomb`,
      };
    case 'empty':
      return {
        'zh-CN': `${file}：文件为空${d.cause ? `（${d.cause}）` : ''}`,
        'en-US': `${file}: the file is empty${d.cause ? ` (${d.cause})` : ''}`,
      };
  }
}

export function unreadable(code: UnreadableCode, fileName: string, detail: UnreadableDetail = {}): UnreadableWorkbookError {
  return new UnreadableWorkbookError(code, fileName, describe(code, fileName, detail));
}

export function isUnreadableWorkbookError(e: unknown): e is UnreadableWorkbookError {
  return e instanceof UnreadableWorkbookError;
}
