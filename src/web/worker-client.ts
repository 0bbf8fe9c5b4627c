/** The page's side of the worker: one promise per request, progress by callback. */
import type { Profile } from '../core';
import type { Finding, Lang, LocalizedText, WorkbookResult } from '../core';
import type { Workbook } from '../core';
import type { CheckStage, FromWorker, ToWorker } from './worker-protocol';

export type CheckOutcome =
  | { kind: 'checked'; workbook: Workbook; result: WorkbookResult }
  | { kind: 'unreadable'; reason: LocalizedText }
  | { kind: 'failed'; message: string };

interface Pending {
  onProgress?(stage: CheckStage): void;
  resolve(message: FromWorker): void;
}

export class CheckWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    // webpack bundles the worker from this URL expression into its own file (same origin: CSP worker-src 'self').
    this.worker = new Worker(new URL('./check-worker.ts', import.meta.url), { name: 'scorecheck-check' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      if (message.type === 'progress') {
        waiting.onProgress?.(message);
        return;
      }
      this.pending.delete(message.id);
      waiting.resolve(message);
    };
    this.worker.onerror = (event) => {
      // A worker that failed to start or crashed: every request still waiting ends as failed.
      for (const [id, waiting] of this.pending) waiting.resolve({ type: 'failed', id, message: event.message || 'worker error' });
      this.pending.clear();
    };
  }

  private send(message: ToWorker, onProgress?: (stage: CheckStage) => void): Promise<FromWorker> {
    return new Promise((resolve) => {
      this.pending.set(message.id, { onProgress, resolve });
      this.worker.postMessage(message, [message.bytes]);
    });
  }

  /** `bytes` is handed over to the worker (transferred): do not use it afterwards. */
  async check(
    fileName: string,
    bytes: ArrayBuffer,
    profile: Profile,
    onProgress: (stage: CheckStage) => void,
  ): Promise<CheckOutcome> {
    const reply = await this.send({ type: 'check', id: this.nextId++, fileName, bytes, profile }, onProgress);
    switch (reply.type) {
      case 'checked':
        return { kind: 'checked', workbook: reply.workbook, result: reply.result };
      case 'unreadable':
        return { kind: 'unreadable', reason: reply.reason };
      case 'failed':
        return { kind: 'failed', message: reply.message };
      default:
        return { kind: 'failed', message: `unexpected reply ${reply.type}` };
    }
  }

  /**
   * Stops the worker mid-task (a file over its time budget, or cancelled):
   * the only way to stop synchronous work in it. What was waiting ends as
   * failed; the client cannot be used again.
   */
  terminate(): void {
    this.worker.terminate();
    for (const [id, waiting] of this.pending) waiting.resolve({ type: 'failed', id, message: 'stopped' });
    this.pending.clear();
  }

  /** The marked copy's bytes; `bytes` (the original) is handed over to the worker. */
  async markedCopy(bytes: ArrayBuffer, findings: Finding[], lang: Lang): Promise<ArrayBuffer> {
    const reply = await this.send({ type: 'mark', id: this.nextId++, bytes, findings, lang });
    if (reply.type === 'marked') return reply.bytes;
    if (reply.type === 'unreadable') throw new Error(reply.reason['en-US']);
    throw new Error(reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`);
  }
}
