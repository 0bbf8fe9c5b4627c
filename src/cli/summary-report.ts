/**
 * `--report FILE`: the reviewer's summary, .xlsx (a sheet per file and a
 * sheet of findings) or .csv (the findings). Links to the marked copies are
 * relative to the summary's folder, so the folder can be zipped and sent.
 */
import * as path from 'path';
import type { Lang, LocalizedText } from '../core';
import { summaryCsv } from '../file/summary-csv';
import { summaryXlsx } from '../file/summary-xlsx';
import { summaryFileOf, type FileOutcome } from './outcome';
import { replaceFile } from './write-file-safely';

/** Writes the summary; returns why it could not be written, if it could not. */
export async function writeSummary(
  target: string,
  outcomes: readonly FileOutcome[],
  lang: Lang,
): Promise<LocalizedText | undefined> {
  const dir = path.dirname(path.resolve(target));
  const files = outcomes.map((o) => {
    const copy = o.ok && o.markedCopy ? path.relative(dir, path.resolve(o.markedCopy)).split(path.sep).join('/') : undefined;
    return summaryFileOf(o, copy);
  });
  try {
    await replaceFile(target, /\.csv$/i.test(target) ? summaryCsv(files, lang) : summaryXlsx(files, lang));
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      'zh-CN': `scorecheck：未能写出汇总表 ${target}（${code}）`,
      'en-US': `scorecheck: the summary ${target} could not be written (${code})`,
    };
  }
}
