/**
 * The browser page, for a reviewer with a folder of submissions: open or
 * drop the .xlsx files, see all of them in one summary table, and the
 * selected file's findings and sheet beside it. Files are read with the
 * File API and checked in a worker; nothing leaves the machine. The state
 * lives in useDesk; these are its views.
 */
import * as React from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { findingsByCell, type Lang } from '../core';
import { DeskHeader } from './DeskHeader';
import { deskRows, isFinished, summaryFiles } from './desk-files';
import { FileDetail } from './FileDetail';
import { FileList } from './FileList';
import { PrintReport } from './PrintReport';
import { resultForSheet, sheetToShow } from './sheet-result';
import { SheetPanel } from './SheetPanel';
import { SummaryTable } from './SummaryTable';
import { useDesk } from './use-desk';
import { WEB_STRINGS } from './web-strings';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif',
    '@media print': { display: 'none' },
  },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '32vh',
    minHeight: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  work: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  drop: {
    flexGrow: 1,
    margin: tokens.spacingHorizontalL,
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
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
});

export interface WebAppProps {
  initialLang: Lang;
  /** Each file's time budget (ms): over it, the file is stopped with a reason and the next one checked. */
  budgetMs?: number;
}

export function WebApp({ initialLang, budgetMs }: WebAppProps): React.JSX.Element {
  const styles = useStyles();
  const desk = useDesk(initialLang, budgetMs);
  const { lang, files, active } = desk;
  const w = WEB_STRINGS[lang];
  const input = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  React.useEffect(() => {
    document.documentElement.lang = lang;
    document.title = w.pageTitle;
  }, [lang, w]);

  const rows = React.useMemo(() => deskRows(files, lang), [files, lang]);
  const finished = React.useMemo(() => summaryFiles(files), [files]);
  const checked = active?.state.status === 'checked' ? active.state : undefined;
  const sheet = checked ? sheetToShow(checked.workbook, checked.result, desk.sheetName) : undefined;
  const sheetResult = React.useMemo(
    () => (checked && sheet ? resultForSheet(checked.result, sheet.name) : undefined),
    [checked, sheet],
  );
  const marks = React.useMemo(() => findingsByCell(sheetResult?.findings ?? []), [sheetResult]);
  const anyFindings = files.some((f) => f.state.status === 'checked' && f.state.result.findings.length > 0);

  return (
    <>
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
          desk.openFiles(e.dataTransfer.files);
        }}
      >
        <DeskHeader
          lang={lang}
          onLang={desk.setLang}
          profile={desk.profile}
          onProfile={desk.setProfile}
          input={input}
          onOpen={desk.openFiles}
          canExport={files.some(isFinished)}
          canZip={anyFindings}
          busy={desk.busy}
          zipProgress={desk.zipProgress}
          onDownloadAll={() => void desk.downloadAll()}
          onExportSummary={desk.exportSummary}
        />
        {files.length === 0 ? (
          <div className={mergeClasses(styles.drop, dragging && styles.dropActive)} data-testid="drop-zone">
            <div className={styles.dropTitle}>{w.dropHere}</div>
            <div>{w.dropHint}</div>
            <Button appearance="primary" size="large" onClick={() => input.current?.click()}>
              {w.openFiles}
            </Button>
            <p className={styles.hint}>{w.privacy}</p>
          </div>
        ) : (
          <>
            <div className={styles.summary} data-testid="drop-zone">
              <SummaryTable lang={lang} files={files} rows={rows} activeKey={active?.key} onSelect={desk.selectFile} />
            </div>
            <div className={styles.work}>
              <FileList lang={lang} files={files} activeKey={active?.key} onSelect={desk.selectFile} onCancel={desk.cancel} />
              {active && (
                <FileDetail
                  lang={lang}
                  file={active}
                  sheet={sheet}
                  sheetResult={sheetResult}
                  downloading={desk.busy === 'copy'}
                  downloadError={desk.downloadError}
                  onSelectSheet={desk.selectSheet}
                  onSelectFinding={desk.selectFinding}
                  onDownload={() => void desk.downloadCopy()}
                />
              )}
              {active && sheet && (
                <SheetPanel
                  lang={lang}
                  fileName={active.name}
                  sheet={sheet}
                  marks={marks}
                  selected={desk.selectedCell}
                  onSelectCell={desk.selectCell}
                />
              )}
            </div>
          </>
        )}
      </div>
      <PrintReport lang={lang} files={finished} />
    </>
  );
}
