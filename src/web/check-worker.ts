/**
 * The page's worker: .xlsx bytes → grid → findings, and findings → marked
 * copy, with the same adapter and engine as the command line. Nothing here
 * touches the network: the bytes come from the page and go back to it.
 */
import { checkWorkbook } from '../core';
import type { WorkbookResult } from '../core';
import type { Workbook } from '../core';
import type { Profile } from '../core';
import { readWorkbook } from '../file/read-workbook';
import { isUnreadableWorkbookError } from '../file/unreadable';
import { writeMarkedCopy } from '../file/write-marked-copy';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

/**
 * checkWorkbook one sheet at a time, to report progress between sheets. The
 * same answer as one call on the whole workbook: the engine checks sheets
 * independently and only merges findings within a sheet.
 */
function checkBySheet(workbook: Workbook, profile: Profile, onSheet: (index: number, name: string) => void): WorkbookResult {
  const all: WorkbookResult = { tables: [], findings: [], sheets: [] };
  workbook.sheets.forEach((sheet, index) => {
    onSheet(index, sheet.name);
    const one = checkWorkbook({ sheets: [sheet] }, { profile });
    const offset = all.tables.length;
    all.tables.push(...one.tables);
    all.sheets.push(...one.sheets);
    for (const f of one.findings) all.findings.push(f.table === undefined ? f : { ...f, table: f.table + offset });
  });
  return all;
}

async function handle(message: ToWorker): Promise<void> {
  const { id } = message;
  try {
    if (message.type === 'check') {
      scope.postMessage({ type: 'progress', id, stage: 'reading' });
      const workbook = await readWorkbook(message.bytes, message.fileName);
      const sheets = workbook.sheets.length;
      const result = checkBySheet(workbook, message.profile, (sheet, name) =>
        scope.postMessage({ type: 'progress', id, stage: 'checking', sheet, sheets, name }),
      );
      scope.postMessage({ type: 'checked', id, workbook, result });
    } else {
      const marked = await writeMarkedCopy(message.bytes, message.findings, message.lang);
      const bytes = marked.buffer.slice(marked.byteOffset, marked.byteOffset + marked.byteLength) as ArrayBuffer;
      scope.postMessage({ type: 'marked', id, bytes }, [bytes]);
    }
  } catch (e) {
    if (isUnreadableWorkbookError(e)) {
      scope.postMessage({ type: 'unreadable', id, reason: e.reason });
    } else {
      scope.postMessage({ type: 'failed', id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }
}

// One message at a time, in order: a second file waits for the first.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
