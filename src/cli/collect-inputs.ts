/**
 * Turns the paths a user typed into the list of workbooks to check, in a
 * stable order: named files as given (whatever their extension: a .csv named
 * by mistake must be reported, not skipped), folders searched recursively.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface Input {
  /** The path as shown to the user and in the report. */
  path: string;
  /** Set when the path does not exist. */
  missing?: boolean;
}

/** Workbooks we check in folders; .xls is included so that it is reported, not silently ignored. */
const WORKBOOK_EXT = /\.(xlsx|xlsm|xls)$/i;
/** Excel/WPS lock files and our own marked copies from an earlier run. */
const SKIPPED = /^~\$|\.checked(-\d+)?\.(xlsx|xlsm)$/i;

function isWorkbookInFolder(name: string): boolean {
  return WORKBOOK_EXT.test(name) && !SKIPPED.test(name);
}

async function walk(dir: string, seen: Set<string>, out: Input[]): Promise<void> {
  const real = await fs.realpath(dir);
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fs.stat(full).catch(() => undefined);
      isDir = Boolean(st?.isDirectory());
      isFile = Boolean(st?.isFile());
    }
    if (isDir) await walk(full, seen, out);
    else if (isFile && isWorkbookInFolder(e.name)) out.push({ path: full });
  }
}

export async function collectInputs(paths: readonly string[]): Promise<Input[]> {
  const out: Input[] = [];
  const listed = new Set<string>();
  const seen = new Set<string>();
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => undefined);
    const found: Input[] = [];
    if (!st) found.push({ path: p, missing: true });
    else if (st.isDirectory()) await walk(p, seen, found);
    else found.push({ path: p });
    for (const input of found) {
      // The same file reached twice (named and inside a named folder) is checked once.
      const key = input.missing ? input.path : path.resolve(input.path);
      if (listed.has(key)) continue;
      listed.add(key);
      out.push(input);
    }
  }
  return out;
}
