/**
 * The selected file beside the summary: its status, its sheet picker, the
 * marked-copy download and the pane's own finding list for the sheet shown.
 */
import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { countBySeverity, type Finding, type Lang, type Sheet, type WorkbookResult } from '../core';
import { FindingList } from '../taskpane/components/FindingList';
import { UI_STRINGS } from '../host/ui-strings';
import type { OpenFile } from './desk-files';
import { WEB_STRINGS } from './web-strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    width: '400px',
    flexShrink: 0,
    overflowY: 'auto',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface FileDetailProps {
  lang: Lang;
  file: OpenFile;
  sheet?: Sheet;
  /** The shown sheet's share of the result. */
  sheetResult?: WorkbookResult;
  downloading: boolean;
  downloadError?: string;
  onSelectSheet(name: string): void;
  onSelectFinding(f: Finding): void;
  onDownload(): void;
}

export function FileDetail(props: FileDetailProps): React.JSX.Element {
  const { lang, file, sheet, sheetResult } = props;
  const styles = useStyles();
  const w = WEB_STRINGS[lang];
  const t = UI_STRINGS[lang];
  const state = file.state;
  const progress = state.status === 'checking' ? state.stage : undefined;

  return (
    <main className={styles.root} lang={lang} aria-label={file.name}>
      <h2 className={styles.title}>{file.name}</h2>
      {(state.status === 'checking' || state.status === 'queued') && (
        <Field
          validationState="none"
          validationMessage={
            state.status === 'queued'
              ? w.queued
              : progress?.stage === 'checking'
                ? w.checking(file.name, progress.sheet, progress.sheets, progress.name)
                : w.reading(file.name)
          }
        >
          <ProgressBar
            value={progress?.stage === 'checking' ? (progress.sheet + 1) / (progress.sheets + 1) : undefined}
            data-testid="progress"
          />
        </Field>
      )}
      {(state.status === 'unreadable' || state.status === 'stopped') && (
        <MessageBar intent="error" role="alert" data-testid="unreadable">
          <MessageBarBody>
            <MessageBarTitle>{state.status === 'unreadable' ? w.unreadableTitle : w.groups.stopped}</MessageBarTitle>
            {state.reason[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'checked' && state.result.tables.length === 0 && (
        <MessageBar intent="warning" data-testid="no-table">
          <MessageBarBody>{w.noTable}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'checked' && sheet && (
        <>
          <Field label={w.sheet}>
            <Select value={sheet.name} data-testid="sheet-select" onChange={(_, d) => props.onSelectSheet(d.value)}>
              {state.workbook.sheets.map((s) => {
                const n = state.result.findings.filter((f) => f.sheet === s.name).length;
                return (
                  <option key={s.name} value={s.name}>
                    {n > 0 ? `${s.name}（${n}）` : s.name}
                  </option>
                );
              })}
            </Select>
          </Field>
          <div className={styles.row}>
            <Button onClick={props.onDownload} disabled={props.downloading || state.result.findings.length === 0}>
              {props.downloading ? w.downloading : w.download}
            </Button>
          </div>
          {state.result.findings.length > 0 && <p className={styles.hint}>{w.downloadHint}</p>}
          {props.downloadError && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{props.downloadError}</MessageBarBody>
            </MessageBar>
          )}
          <div role="status" aria-live="polite">
            {sheetResult && sheetResult.findings.length > 0 && (
              <p>{t.summary(countBySeverity(sheetResult.findings), sheet.name)}</p>
            )}
            {sheetResult && sheetResult.findings.length === 0 && sheetResult.tables.length > 0 && (
              <p>{t.noProblems(sheet.name, sheetResult.tables.length)}</p>
            )}
          </div>
          {sheetResult && sheetResult.findings.length > 0 && (
            <FindingList lang={lang} strings={t} result={sheetResult} onSelect={props.onSelectFinding} />
          )}
        </>
      )}
    </main>
  );
}
