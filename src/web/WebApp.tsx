/**
 * The browser page: open or drop .xlsx files, pick a file and a sheet, read
 * the task pane's findings beside a read-only view of the sheet, download
 * the marked copy. Files are read with the File API and checked in a worker;
 * nothing leaves the machine.
 */
import { DEFAULT_PROFILE, type Profile } from '../core';
import * as React from 'react';
import {
  Button,
  CounterBadge,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Finding, Lang, LocalizedText, Severity, WorkbookResult } from '../core';
import type { Workbook } from '../core';
import { ScoreCheckPane } from '../taskpane/components/ScoreCheckPane';
import { countBySeverity } from '../core';
import type { HostFeatures, Validation } from '../host';
import { noteText } from '../core';
import { SheetGrid } from './SheetGrid';
import { markedCopyName } from '../file/marked-copy-name';
import { findingsByCell, resultForSheet } from './sheet-result';
import { WEB_STRINGS } from './web-strings';
import type { CheckStage } from './worker-protocol';
import { CheckWorkerClient } from './worker-client';

/** The page marks cells (in its grid and in the copy) and writes nothing back. */
const WEB_FEATURES: HostFeatures = { marks: 'fill+note', live: false, undoKeptOnWrite: true, mergedAreas: true };
const NO_FIXES = new Map();
const noop = () => undefined;

type FileState =
  | { status: 'checking'; stage?: CheckStage }
  | { status: 'checked'; workbook: Workbook; result: WorkbookResult }
  | { status: 'unreadable'; reason: LocalizedText }
  | { status: 'failed'; message: string };

interface OpenFile {
  key: number;
  file: File;
  state: FileState;
}

const useStyles = makeStyles({
  page: {
    display: 'flex',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Segoe UI", sans-serif',
  },
  side: {
    width: '420px',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  workspace: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
  controls: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  privacy: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  fileList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  fileButton: {
    width: '100%',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    textAlign: 'left',
    cursor: 'pointer',
    font: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  fileActive: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  fileName: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  fileStatus: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  gridTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: {
    minHeight: '48px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#FFFDE7',
    border: `${tokens.strokeWidthThin} solid #E6D98A`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    lineHeight: tokens.lineHeightBase300,
  },
  noteEmpty: { backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground3 },
  drop: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    rowGap: tokens.spacingVerticalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
    padding: tokens.spacingHorizontalXXL,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  dropTitle: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  hidden: { display: 'none' },
});

function downloadBytes(bytes: ArrayBuffer, fileName: string): void {
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once started; free ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function WebApp({ initialLang }: { initialLang: Lang }): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const w = WEB_STRINGS[lang];
  const [files, setFiles] = React.useState<OpenFile[]>([]);
  const [activeKey, setActiveKey] = React.useState<number>();
  const [sheetName, setSheetName] = React.useState<string>();
  const [selected, setSelected] = React.useState<string>();
  const [downloading, setDownloading] = React.useState(false);
  const [downloadError, setDownloadError] = React.useState<string>();
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const client = React.useRef<CheckWorkerClient>();
  const nextKey = React.useRef(1);

  React.useEffect(() => {
    document.documentElement.lang = lang;
    document.title = w.pageTitle;
  }, [lang, w]);

  const update = React.useCallback((key: number, state: FileState) => {
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, state } : f)));
  }, []);

  const [profile, setProfile] = React.useState<Profile>(DEFAULT_PROFILE);
  const profileRef = React.useRef(profile);

  /** Reads and checks one file in the worker, with the profile in force. */
  const checkFile = React.useCallback(
    (entry: { key: number; file: File }) => {
      client.current ??= new CheckWorkerClient();
      const worker = client.current;
      update(entry.key, { status: 'checking' });
      void entry.file
        .arrayBuffer()
        .then((bytes) =>
          worker.check(entry.file.name, bytes, profileRef.current, (stage) => update(entry.key, { status: 'checking', stage })),
        )
        .then((outcome) => {
          if (outcome.kind === 'checked') update(entry.key, { status: 'checked', workbook: outcome.workbook, result: outcome.result });
          else if (outcome.kind === 'unreadable') update(entry.key, { status: 'unreadable', reason: outcome.reason });
          else {
            console.error(`ScoreCheck: ${entry.file.name}: ${outcome.message}`);
            update(entry.key, { status: 'failed', message: outcome.message });
          }
        })
        .catch((e: unknown) => update(entry.key, { status: 'failed', message: String(e) }));
    },
    [update],
  );

  const openFiles = React.useCallback(
    (list: FileList | File[]) => {
      const added = [...list].map((file) => ({ key: nextKey.current++, file, state: { status: 'checking' } as FileState }));
      if (added.length === 0) return;
      setFiles((all) => [...all, ...added]);
      setActiveKey(added[0].key);
      setSheetName(undefined);
      setSelected(undefined);
      added.forEach(checkFile);
    },
    [checkFile],
  );

  /** A new profile re-checks every open file (they stay on this machine; nothing is re-sent anywhere). */
  const onProfileChange = React.useCallback(
    (next: Profile) => {
      profileRef.current = next;
      setProfile(next);
      files.forEach(checkFile);
    },
    [files, checkFile],
  );

  const active = files.find((f) => f.key === activeKey);
  const checked = active?.state.status === 'checked' ? active.state : undefined;
  const sheets = checked?.workbook.sheets ?? [];
  // The first sheet with findings, else the first sheet with a table, else the first sheet.
  const defaultSheet =
    checked &&
    (checked.result.findings[0]?.sheet ?? checked.result.sheets.find((s) => s.tables > 0)?.name ?? sheets[0]?.name);
  const currentSheet = sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name === defaultSheet);

  const sheetResult = React.useMemo(
    () => (checked && currentSheet ? resultForSheet(checked.result, currentSheet.name) : undefined),
    [checked, currentSheet],
  );
  const marks = React.useMemo(() => findingsByCell(sheetResult?.findings ?? []), [sheetResult]);
  const validation: Validation | undefined =
    sheetResult && currentSheet ? { sheet: currentSheet.name, result: sheetResult, marked: marks.size } : undefined;

  const onSelectFinding = React.useCallback((f: Finding) => {
    setSheetName(f.sheet);
    setSelected(f.cell);
  }, []);

  const download = React.useCallback(async () => {
    if (!active || !checked || !client.current) return;
    setDownloading(true);
    setDownloadError(undefined);
    try {
      const bytes = await client.current.markedCopy(await active.file.arrayBuffer(), checked.result.findings, lang);
      downloadBytes(bytes, markedCopyName(active.file.name));
    } catch (e) {
      console.error(e);
      setDownloadError(w.downloadFailed);
    } finally {
      setDownloading(false);
    }
  }, [active, checked, lang, w]);

  const fileStatus = (f: OpenFile, counts: Record<Severity, number> | undefined): string => {
    switch (f.state.status) {
      case 'checking':
        return '…';
      case 'checked':
        // The list counts each checked file's findings once and passes them in.
        return f.state.result.findings.length === 0 ? w.clean : w.fileSummary(counts!);
      case 'unreadable':
        return w.unreadableTitle;
      case 'failed':
        return w.failed.split(/[，,.。]/)[0];
    }
  };

  const progress = active?.state.status === 'checking' ? active.state.stage : undefined;
  const progressText =
    active?.state.status === 'checking'
      ? progress?.stage === 'checking'
        ? w.checking(active.file.name, progress.sheet, progress.sheets, progress.name)
        : w.reading(active.file.name)
      : undefined;

  const controls = (
    <div className={styles.controls}>
      <p className={styles.privacy} data-testid="privacy">
        {w.privacy}
      </p>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => input.current?.click()}>
          {w.openFiles}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          onChange={(e) => {
            if (e.target.files) openFiles(e.target.files);
            e.target.value = '';
          }}
        />
        <span className={styles.grow} />
        <div className={styles.row} role="group" aria-label={w.language}>
          <ToggleButton size="small" checked={lang === 'zh-CN'} onClick={() => setLang('zh-CN')} lang="zh-CN">
            中文
          </ToggleButton>
          <ToggleButton size="small" checked={lang === 'en-US'} onClick={() => setLang('en-US')} lang="en-US">
            English
          </ToggleButton>
        </div>
      </div>
      {files.length > 0 && (
        <nav aria-label={w.files}>
          <ul className={styles.fileList}>
            {files.map((f) => {
              const counts = f.state.status === 'checked' ? countBySeverity(f.state.result.findings) : undefined;
              const errors = counts?.error;
              return (
                <li key={f.key}>
                  <button
                    type="button"
                    className={mergeClasses(styles.fileButton, f.key === activeKey && styles.fileActive)}
                    aria-current={f.key === activeKey || undefined}
                    data-testid="file-entry"
                    data-file={f.file.name}
                    data-status={f.state.status}
                    data-errors={errors}
                    onClick={() => {
                      setActiveKey(f.key);
                      setSheetName(undefined);
                      setSelected(undefined);
                    }}
                  >
                    <span className={styles.fileName}>{f.file.name}</span>
                    <span className={styles.fileStatus}>{fileStatus(f, counts)}</span>
                    {errors !== undefined && errors > 0 && <CounterBadge count={errors} color="danger" size="small" />}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {progressText && (
        <Field validationMessage={progressText} validationState="none">
          <ProgressBar
            value={progress?.stage === 'checking' ? (progress.sheet + 1) / (progress.sheets + 1) : undefined}
            data-testid="progress"
          />
        </Field>
      )}
      {active?.state.status === 'unreadable' && (
        <MessageBar intent="error" role="alert" data-testid="unreadable">
          <MessageBarBody>
            <MessageBarTitle>{w.unreadableTitle}</MessageBarTitle>
            {active.state.reason[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {active?.state.status === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{w.failed}</MessageBarBody>
        </MessageBar>
      )}
      {checked && currentSheet && (
        <div className={styles.row}>
          <Field label={w.sheet} className={styles.grow}>
            <Select
              value={currentSheet.name}
              data-testid="sheet-select"
              onChange={(_, data) => {
                setSheetName(data.value);
                setSelected(undefined);
              }}
            >
              {sheets.map((s) => {
                const n = checked.result.findings.filter((f) => f.sheet === s.name).length;
                return (
                  <option key={s.name} value={s.name}>
                    {n > 0 ? `${s.name}（${n}）` : s.name}
                  </option>
                );
              })}
            </Select>
          </Field>
        </div>
      )}
      {checked && (
        <div className={styles.controls}>
          <div className={styles.row}>
            <Button onClick={() => void download()} disabled={downloading || checked.result.findings.length === 0}>
              {downloading ? w.downloading : w.download}
            </Button>
          </div>
          {checked.result.findings.length > 0 && <p className={styles.hint}>{w.downloadHint}</p>}
          {downloadError && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{downloadError}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </div>
  );

  const selectedFindings = selected ? marks.get(selected) : undefined;

  return (
    <div
      className={styles.page}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        openFiles(e.dataTransfer.files);
      }}
    >
      <div className={styles.side}>
        <ScoreCheckPane
          lang={lang}
          features={WEB_FEATURES}
          validation={validation}
          liveOn={false}
          showUndoWarning={false}
          appliedFixes={NO_FIXES}
          canFix={false}
          toolbar={controls}
          profile={profile}
          onProfileChange={onProfileChange}
          onValidate={noop}
          onLiveChange={noop}
          onClearMarks={noop}
          onSelectFinding={onSelectFinding}
          onFix={noop}
          onUndoFix={noop}
          onDismissUndoWarning={noop}
          onDismissError={noop}
        />
      </div>
      <section className={styles.workspace} aria-label={currentSheet ? w.gridLabel(currentSheet.name) : w.dropHere}>
        {checked && currentSheet ? (
          <>
            <h2 className={styles.gridTitle}>
              {active!.file.name} · {currentSheet.name}
            </h2>
            <SheetGrid
              sheet={currentSheet}
              lang={lang}
              label={w.gridLabel(currentSheet.name)}
              marks={marks}
              selected={selected}
              onSelectCell={setSelected}
            />
            <div
              className={mergeClasses(styles.note, !selectedFindings && styles.noteEmpty)}
              role="note"
              aria-label={selected ? w.noteFor(selected) : undefined}
              data-testid="cell-note"
            >
              {selected && selectedFindings
                ? `${selected} — ${noteText(selectedFindings, lang)}`
                : selected
                  ? selected
                  : w.pickFinding}
            </div>
          </>
        ) : (
          <div className={mergeClasses(styles.drop, dragging && styles.dropActive)} data-testid="drop-zone">
            <div className={styles.dropTitle}>{w.dropHere}</div>
            <div>{w.dropHint}</div>
            <Button appearance="primary" size="large" onClick={() => input.current?.click()}>
              {w.openFiles}
            </Button>
            <p className={styles.hint}>{w.privacy}</p>
          </div>
        )}
      </section>
    </div>
  );
}
