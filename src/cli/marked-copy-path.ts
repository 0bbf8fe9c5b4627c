/**
 * Where a marked copy goes: `<DIR>/<name>.checked.xlsx` (.xlsm for .xlsm), or
 * `-1`, `-2` … before the extension when that name is taken — on disk or earlier in this run.
 * An original is never overwritten: its own name never ends in `.checked…`
 * (such files are skipped as inputs), and taken names are never reused.
 */
import * as path from 'path';
import { markedCopyName } from '../file/marked-copy-name';

export function markedCopyPath(dir: string, inputPath: string, isTaken: (candidate: string) => boolean): string {
  for (let n = 0; ; n++) {
    const candidate = path.join(dir, markedCopyName(path.basename(inputPath), n));
    if (!isTaken(candidate) && path.resolve(candidate) !== path.resolve(inputPath)) return candidate;
  }
}
