/**
 * The page's state and what the reviewer can do with it: open files, have
 * them checked one after another in the worker (each within its own time
 * budget, each cancellable), pick a file and a sheet, download the marked
 * copies as one zip, export the summary. The views only draw this.
 */
import * as React from 'react';
import { zipSync } from 'fflate';
import { DEFAULT_PROFILE, type Finding, type Lang, type LocalizedText, type Profile } from '../core';
import { formFacts } from '../file/summary-facts';
import { summaryXlsx } from '../file/summary-xlsx';
import { markedCopyNames, summaryFiles, type FileState, type OpenFile } from './desk-files';
import { downloadBytes } from './download';
import { WEB_STRINGS } from './web-strings';
import { CheckWorkerClient } from './worker-client';

/** A real form checks in well under a second; a minute means something is wrong with the file. */
export const DEFAULT_BUDGET_MS = 60_000;
/** A new worker loads and compiles its script (the engine and the reader) before its first message. */
const WORKER_START_MS = 30_000;

export interface Desk {
  lang: Lang;
  setLang(lang: Lang): void;
  profile: Profile;
  setProfile(profile: Profile): void;
  files: OpenFile[];
  active?: OpenFile;
  selectFile(key: number): void;
  sheetName?: string;
  selectSheet(name: string): void;
  selectedCell?: string;
  selectCell(cell: string | undefined): void;
  selectFinding(f: Finding): void;
  openFiles(list: FileList | File[]): void;
  cancel(key: number): void;
  /** What is being made for download (one copy, the zip, the summary), if anything. */
  busy?: 'copy' | 'zip' | 'summary';
  /** Files done while the zip is made. */
  zipProgress?: { done: number; total: number };
  downloadError?: string;
  downloadCopy(): Promise<void>;
  downloadAll(): Promise<void>;
  exportSummary(): void;
}

type Stop = (reason: LocalizedText) => void;

function stoppedReason(name: string, why: 'timeout' | 'cancelled', budgetMs: number): LocalizedText {
  const s = budgetMs < 10_000 ? (budgetMs / 1000).toFixed(1) : String(Math.round(budgetMs / 1000));
  return why === 'timeout'
    ? {
        'zh-CN': `${name}：检查超过 ${s} 秒仍未完成，已停止；其余文件照常检查。可用命令行版本检查该文件。`,
        'en-US': `${name}: checking took over ${s} s and was stopped; the other files are checked as usual. Try the command line for this file.`,
      }
    : { 'zh-CN': `${name}：已取消检查`, 'en-US': `${name}: checking was cancelled` };
}

export function useDesk(initialLang: Lang, budgetMs: number = DEFAULT_BUDGET_MS): Desk {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [profile, setProfileState] = React.useState<Profile>(DEFAULT_PROFILE);
  const [files, setFiles] = React.useState<OpenFile[]>([]);
  const [activeKey, setActiveKey] = React.useState<number>();
  const [sheetName, setSheetName] = React.useState<string>();
  const [selectedCell, selectCell] = React.useState<string>();
  const [busy, setBusy] = React.useState<Desk['busy']>();
  const [zipProgress, setZipProgress] = React.useState<Desk['zipProgress']>();
  const [downloadError, setDownloadError] = React.useState<string>();

  // What the asynchronous queue reads: the files' bytes, the profile in force, the one check under way.
  const blobs = React.useRef(new Map<number, File>());
  const profileRef = React.useRef(profile);
  const queue = React.useRef<number[]>([]);
  const pumping = React.useRef(false);
  const cancelled = React.useRef(new Set<number>());
  const current = React.useRef<{ key: number; stop: Stop }>();
  const client = React.useRef<CheckWorkerClient>();
  const nextKey = React.useRef(1);
  const langRef = React.useRef(lang);
  langRef.current = lang;

  const update = React.useCallback((key: number, state: FileState) => {
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, state } : f)));
  }, []);

  const worker = (): CheckWorkerClient => (client.current ??= new CheckWorkerClient());

  /** One file, raced against its budget and its cancel button; a stopped worker is replaced for the next file. */
  const checkOne = React.useCallback(
    async (key: number): Promise<void> => {
      const file = blobs.current.get(key);
      if (!file) return;
      update(key, { status: 'checking' });
      cancelled.current.delete(key);
      const bytes = await file.arrayBuffer();
      // Cancelled while its bytes were read: cancel has said so already.
      if (cancelled.current.has(key)) return;
      const w = worker();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let armBudget: (() => void) | undefined;
      const stopped = new Promise<FileState>((resolve) => {
        const stop: Stop = (reason) => {
          w.terminate();
          if (client.current === w) client.current = undefined;
          resolve({ status: 'stopped', reason });
        };
        current.current = { key, stop };
        const overBudget = () => stop(stoppedReason(file.name, 'timeout', budgetMs));
        // The budget is the file's: it starts when the worker starts on it, not while a new worker loads its script.
        timer = setTimeout(overBudget, Math.max(budgetMs, WORKER_START_MS));
        armBudget = () => {
          clearTimeout(timer);
          timer = setTimeout(overBudget, budgetMs);
        };
      });
      const checked = w
        .check(file.name, bytes, profileRef.current, (stage) => {
          if (stage.stage === 'reading') armBudget?.();
          update(key, { status: 'checking', stage });
        })
        .then((outcome): FileState => {
          if (outcome.kind === 'checked') {
            const facts = formFacts(outcome.workbook, outcome.result, profileRef.current);
            return { status: 'checked', workbook: outcome.workbook, result: outcome.result, facts };
          }
          if (outcome.kind === 'unreadable') return { status: 'unreadable', reason: outcome.reason };
          console.error(`ScoreCheck: ${file.name}: ${outcome.message}`);
          const failed = {
            'zh-CN': `${file.name}：${WEB_STRINGS['zh-CN'].failed}`,
            'en-US': `${file.name}: ${WEB_STRINGS['en-US'].failed}`,
          };
          return { status: 'stopped', reason: failed };
        });
      const state = await Promise.race([stopped, checked]);
      clearTimeout(timer);
      current.current = undefined;
      update(key, state);
    },
    [budgetMs, update],
  );

  const pump = React.useCallback(async () => {
    if (pumping.current) return;
    pumping.current = true;
    try {
      for (let key = queue.current.shift(); key !== undefined; key = queue.current.shift()) await checkOne(key);
    } finally {
      pumping.current = false;
    }
  }, [checkOne]);

  const enqueue = React.useCallback(
    (keys: number[]) => {
      for (const key of keys) {
        // The file being checked goes in again too: it was started under the old profile.
        if (!queue.current.includes(key)) queue.current.push(key);
        update(key, { status: 'queued' });
      }
      void pump();
    },
    [pump, update],
  );

  const openFiles = React.useCallback(
    (list: FileList | File[]) => {
      const added = [...list].map((file) => {
        const key = nextKey.current++;
        blobs.current.set(key, file);
        return { key, name: file.name, state: { status: 'queued' } as FileState };
      });
      if (added.length === 0) return;
      setFiles((all) => [...all, ...added]);
      // What was just opened is what the user wants to see.
      setActiveKey(added[0].key);
      setSheetName(undefined);
      selectCell(undefined);
      enqueue(added.map((f) => f.key));
    },
    [enqueue],
  );

  const cancel = React.useCallback(
    (key: number) => {
      const name = blobs.current.get(key)?.name ?? '';
      const reason = stoppedReason(name, 'cancelled', budgetMs);
      cancelled.current.add(key);
      if (current.current?.key === key) current.current.stop(reason);
      else {
        queue.current = queue.current.filter((k) => k !== key);
        update(key, { status: 'stopped', reason });
      }
    },
    [budgetMs, update],
  );

  /** A new profile re-checks every file (they stay on this machine). */
  const setProfile = React.useCallback(
    (next: Profile) => {
      profileRef.current = next;
      setProfileState(next);
      enqueue([...blobs.current.keys()]);
    },
    [enqueue],
  );

  const selectFile = React.useCallback((key: number) => {
    setActiveKey(key);
    setSheetName(undefined);
    selectCell(undefined);
  }, []);
  const selectSheet = React.useCallback((name: string) => {
    setSheetName(name);
    selectCell(undefined);
  }, []);
  const selectFinding = React.useCallback((f: Finding) => {
    setSheetName(f.sheet);
    selectCell(f.cell);
  }, []);

  const active = files.find((f) => f.key === activeKey);
  const w = WEB_STRINGS[lang];

  const markedCopy = React.useCallback(async (f: OpenFile): Promise<Uint8Array> => {
    if (f.state.status !== 'checked') throw new Error(`${f.name} is not checked`);
    const bytes = await blobs.current.get(f.key)!.arrayBuffer();
    return new Uint8Array(await worker().markedCopy(bytes, f.state.result.findings, langRef.current));
  }, []);

  const withBusy = React.useCallback(
    async (what: NonNullable<Desk['busy']>, work: () => Promise<void>) => {
      setBusy(what);
      setDownloadError(undefined);
      try {
        await work();
      } catch (e) {
        console.error(e);
        setDownloadError(w.downloadFailed);
      } finally {
        setBusy(undefined);
        setZipProgress(undefined);
      }
    },
    [w],
  );

  const downloadCopy = React.useCallback(
    () =>
      withBusy('copy', async () => {
        if (!active) return;
        const name = markedCopyNames([active]).get(active.key);
        if (name) downloadBytes(await markedCopy(active), name);
      }),
    [active, markedCopy, withBusy],
  );

  const downloadAll = React.useCallback(
    () =>
      withBusy('zip', async () => {
        const names = markedCopyNames(files);
        const entries: Record<string, Uint8Array> = {};
        let done = 0;
        setZipProgress({ done, total: names.size });
        for (const f of files) {
          const name = names.get(f.key);
          if (!name) continue;
          entries[name] = await markedCopy(f);
          setZipProgress({ done: ++done, total: names.size });
        }
        // The summary goes in too, its links pointing at the copies beside it. Level 0: .xlsx is zipped already.
        entries[w.summaryFileName] = summaryXlsx(summaryFiles(files), langRef.current);
        downloadBytes(zipSync(entries, { level: 0 }), w.zipFileName, 'application/zip');
      }),
    [files, markedCopy, w, withBusy],
  );

  const exportSummary = React.useCallback(() => {
    void withBusy('summary', async () => downloadBytes(summaryXlsx(summaryFiles(files), langRef.current), w.summaryFileName));
  }, [files, w, withBusy]);

  React.useEffect(() => () => client.current?.terminate(), []);

  return {
    lang,
    setLang,
    profile,
    setProfile,
    files,
    active,
    selectFile,
    sheetName,
    selectSheet,
    selectedCell,
    selectCell,
    selectFinding,
    openFiles,
    cancel,
    busy,
    zipProgress,
    downloadError,
    downloadCopy,
    downloadAll,
    exportSummary,
  };
}
