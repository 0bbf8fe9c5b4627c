/**
 * Reads one input's bytes, opening only regular files: a FIFO would block
 * for ever, /dev/zero would fill memory, a folder is not a workbook. The
 * size limit is applied from the open file's own `stat`, before any byte is
 * read, so the file checked is the file measured.
 */
import { constants, promises as fs, type Stats } from 'fs';
import type { LocalizedText } from '../core';
import { MAX_FILE_BYTES } from '../file/limits';
import { unreadable } from '../file/unreadable';

export type ReadInput = { ok: true; bytes: Uint8Array } | { ok: false; reason: LocalizedText };

function kindOf(st: Stats): LocalizedText {
  if (st.isDirectory()) return { 'zh-CN': '是文件夹', 'en-US': 'a folder' };
  if (st.isFIFO()) return { 'zh-CN': '是命名管道（FIFO）', 'en-US': 'a named pipe (FIFO)' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { 'zh-CN': '是设备文件', 'en-US': 'a device' };
  if (st.isSocket()) return { 'zh-CN': '是套接字', 'en-US': 'a socket' };
  return { 'zh-CN': '不是普通文件', 'en-US': 'not a regular file' };
}

export async function readInput(file: string): Promise<ReadInput> {
  let handle: fs.FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting.
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await handle.stat();
    if (!st.isFile()) {
      const kind = kindOf(st);
      return {
        ok: false,
        reason: {
          'zh-CN': `${file}：${kind['zh-CN']}，不是工作簿，未检查`,
          'en-US': `${file}: ${kind['en-US']}, not a workbook; not checked`,
        },
      };
    }
    if (st.size > MAX_FILE_BYTES)
      return { ok: false, reason: unreadable('too-large', file, { bytes: st.size, limit: MAX_FILE_BYTES }).reason };
    return { ok: true, bytes: await handle.readFile() };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'ENOENT') return { ok: false, reason: unreadable('missing', file).reason };
    // EISDIR where open refuses a folder outright.
    return {
      ok: false,
      reason: { 'zh-CN': `${file}：无法读取文件（${code}）`, 'en-US': `${file}: cannot read the file (${code})` },
    };
  } finally {
    await handle?.close();
  }
}
