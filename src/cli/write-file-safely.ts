/**
 * Writing outputs so that nothing half-written is ever left under the real
 * name: the bytes go to a temporary name in the same folder, are flushed, and
 * only then take the real name. A full disk or a killed process leaves at
 * most a hidden `.name.tmp-…` file, never a zero-byte or truncated
 * `*.checked.xlsx` a user would open.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${Date.now()}`);
}

async function writeTemporary(target: string, bytes: Uint8Array | string): Promise<string> {
  const tmp = temporaryName(target);
  const handle = await fs.open(tmp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  return tmp;
}

/**
 * Gives the bytes the name `target` only if no file has it (EEXIST otherwise):
 * `link` refuses an existing name, where `rename` would replace it.
 */
export async function writeNewFile(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = await writeTemporary(target, bytes);
  try {
    await fs.link(tmp, target);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** Replaces `target` whole (a summary the user asked for by name); readers see the old file or the new one. */
export async function replaceFile(target: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = await writeTemporary(target, bytes);
  try {
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
