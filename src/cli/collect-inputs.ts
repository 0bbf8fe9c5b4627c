/**
 * Turns the paths a user typed into the list of workbooks to check, in a
 * stable order: named files as given (whatever their extension: a .csv named
 * by mistake must be reported, not skipped), folders searched recursively.
 * What cannot be walked (a missing path, a folder without permission) is an
 * entry with its reason: the rest of the batch is still checked.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { LocalizedText } from '../core';

export interface Input {
  /** The path as shown to the user and in the report. */
  path: string;
  /** Set when the path cannot be checked at all; the reason names it. */
  problem?: LocalizedText;
}

/** Workbooks we check in folders; .xls is included so that it is reported, not silently ignored. */
const WORKBOOK_EXT = /\.(xlsx|xlsm|xls)$/i;
/** Excel/WPS lock files and our own marked copies from an earlier run. */
const SKIPPED = /^~\$|\.checked(-\d+)?\.(xlsx|xlsm)$/i;

function isWorkbookInFolder(name: string): boolean {
  return WORKBOOK_EXT.test(name) && !SKIPPED.test(name);
}

function cannotList(dir: string, e: unknown): Input {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  return {
    path: dir,
    problem: {
      'zh-CN': `${dir}：无法打开该文件夹（${code}），其中的文件未检查`,
      'en-US': `${dir}: cannot open this folder (${code}); the files in it were not checked`,
    },
  };
}

function missing(p: string): Input {
  return { path: p, problem: { 'zh-CN': `${p}：找不到该文件`, 'en-US': `${p}: no such file` } };
}

async function walk(dir: string, seen: Set<string>, out: Input[]): Promise<void> {
  let entries;
  try {
    const real = await fs.realpath(dir);
    if (seen.has(real)) return; // a symlink loop
    seen.add(real);
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.push(cannotList(dir, e));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) isDir = Boolean((await fs.stat(full).catch(() => undefined))?.isDirectory());
    // A folder named like a workbook is listed, so that reading it gives its reason.
    if (isDir && !WORKBOOK_EXT.test(e.name)) await walk(full, seen, out);
    // Anything else named like a workbook (a FIFO, a device, a broken link) is listed to get its reason.
    else if (isWorkbookInFolder(e.name)) out.push({ path: full });
  }
}

export async function collectInputs(paths: readonly string[]): Promise<Input[]> {
  const out: Input[] = [];
  const listed = new Set<string>();
  const seen = new Set<string>();
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => undefined);
    const found: Input[] = [];
    if (!st) found.push(missing(p));
    else if (st.isDirectory() && !WORKBOOK_EXT.test(p)) await walk(p, seen, found);
    else found.push({ path: p });
    for (const input of found) {
      // The same file reached twice (named and inside a named folder) is checked once.
      const key = input.problem ? input.path : path.resolve(input.path);
      if (listed.has(key)) continue;
      listed.add(key);
      out.push(input);
    }
  }
  return out;
}
