/**
 * Where a marked copy goes: `<DIR>/<name>.checked.xlsx` (.xlsm for .xlsm), or
 * `-1`, `-2` … before the extension when that name is taken — on disk or earlier in this run.
 * An original is never overwritten: its own name never ends in `.checked…`
 * (such files are skipped as inputs), and taken names are never reused.
 */
import * as path from 'path';

export function markedCopyPath(
  dir: string,
  inputPath: string,
  isTaken: (candidate: string) => boolean,
): string {
  const base = path.basename(inputPath).replace(/\.(xlsx|xlsm|xls)$/i, '');
  // A macro-enabled workbook must keep .xlsm: Excel refuses macros under .xlsx.
  const ext = /\.xlsm$/i.test(inputPath) ? '.xlsm' : '.xlsx';
  for (let n = 0; ; n++) {
    const candidate = path.join(dir, `${base}.checked${n === 0 ? '' : `-${n}`}${ext}`);
    if (!isTaken(candidate) && path.resolve(candidate) !== path.resolve(inputPath)) return candidate;
  }
}
