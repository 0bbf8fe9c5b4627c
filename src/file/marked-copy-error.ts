/**
 * Why a marked copy was not written although the workbook was read and
 * checked: the findings stand, only the copy is refused. The `code` is for
 * programs (the CLI reports it beside the file's findings), the reason for
 * people, zh-CN first.
 */
import type { LocalizedText } from '../core';

export type MarkedCopyCode = 'no-content-types' | 'duplicate-part' | 'too-many-parts';

function describe(code: MarkedCopyCode, detail: string): LocalizedText {
  switch (code) {
    case 'no-content-types':
      return {
        'zh-CN': '工作簿缺少 [Content_Types].xml，标注副本无法写成 Excel 能打开的文件，未生成副本',
        'en-US': 'the workbook has no [Content_Types].xml, so a marked copy Excel can open cannot be written; no copy made',
      };
    case 'duplicate-part':
      return {
        'zh-CN': `工作簿中 ${detail} 出现了不止一次，无法确定修改哪一个，未生成标注副本`,
        'en-US': `the workbook holds ${detail} more than once, so which one to mark is ambiguous; no marked copy made`,
      };
    case 'too-many-parts':
      return {
        'zh-CN': `工作簿有 ${detail} 个部件，超出标注副本能写的数量，未生成副本`,
        'en-US': `the workbook has ${detail} parts, more than a marked copy can hold; no copy made`,
      };
  }
}

export class MarkedCopyError extends Error {
  readonly reason: LocalizedText;

  constructor(
    readonly code: MarkedCopyCode,
    detail: string,
  ) {
    const reason = describe(code, detail);
    super(reason['en-US']);
    this.name = 'MarkedCopyError';
    this.reason = reason;
  }
}

export function isMarkedCopyError(e: unknown): e is MarkedCopyError {
  return e instanceof MarkedCopyError;
}
