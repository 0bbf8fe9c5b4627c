/**
 * The whole pane, drawn from props alone: Excel's controller and the browser
 * page both render it, each with its own host behind the callbacks.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Lang, Profile } from '../../core';
import { countBySeverity } from '../../core';
import type { AppliedFix, HostErrorCode, HostFeatures, Validation } from '../../host';
import { UI_STRINGS } from '../../host/ui-strings';
import { EmptyState } from './EmptyState';
import { FindingList } from './FindingList';
import { ProfileEditor } from './ProfileEditor';
import { Toolbar } from './Toolbar';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  fixes: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
});

export interface PaneError {
  code: HostErrorCode;
  sheet?: string;
}

/** A question the pane asks before it writes: undo history lost, or a formula overwritten. */
export interface PaneConfirm {
  kind: 'undo' | 'formula';
  message: string;
  action?: 'validate' | 'fix';
  onConfirm(): void;
}

export interface ScoreCheckPaneProps {
  lang: Lang;
  features: HostFeatures;
  busy?: 'validating' | 'clearing';
  validation?: Validation;
  liveOn: boolean;
  error?: PaneError;
  /** A short confirmation (marks cleared, cell fixed). */
  notice?: string;
  showUndoWarning: boolean;
  /** Fixes that can still be undone, by findingKey. */
  appliedFixes: ReadonlyMap<string, AppliedFix>;
  /** False where the host cannot write cells. */
  canFix?: boolean;
  /**
   * Replaces Excel's controls (Validate, live, Clear marks) and their
   * live-checking hint: the browser page puts its file controls here.
   */
  toolbar?: React.ReactNode;
  /** The policy validations follow; the editor shows where a change handler is given. */
  profile?: Profile;
  showIgnored?: boolean;
  confirm?: PaneConfirm;
  /** findingKey of the finding whose cell was last selected. */
  selectedKey?: string;
  /** Changes after each Validate the user pressed: the summary takes the focus then. */
  summaryFocus?: number;
  onProfileChange?(profile: Profile): void;
  onValidate(): void;
  onLiveChange(on: boolean): void;
  onClearMarks(): void;
  onSelectFinding(finding: Finding): void;
  onNextFinding?(): void;
  onPreviousFinding?(): void;
  onFix(finding: Finding): void;
  onUndoFix(fix: AppliedFix): void;
  onIgnore?(finding: Finding): void;
  onUnignore?(finding: Finding): void;
  onShowIgnoredChange?(show: boolean): void;
  onConfirm?(): void;
  onCancelConfirm?(): void;
  onDismissUndoWarning(): void;
  onDismissError(): void;
}

export function ScoreCheckPane(props: ScoreCheckPaneProps): React.JSX.Element {
  const t = UI_STRINGS[props.lang];
  const styles = useStyles();
  const { validation, error } = props;
  const counts = validation ? countBySeverity(validation.result.findings) : undefined;
  const summary = React.useRef<HTMLDivElement>(null);
  const ignored = validation?.ignored ?? [];

  React.useEffect(() => {
    if (props.summaryFocus) summary.current?.focus();
  }, [props.summaryFocus]);

  let status = '';
  if (validation && counts) {
    const tables = validation.result.tables.length;
    if (validation.result.findings.length > 0) {
      status = t.summary(counts, validation.sheet);
      if (validation.marked > 0) status += ` ${t.marked(validation.marked)}`;
    } else if (tables > 0) status = t.noProblems(validation.sheet, tables);
  }
  const findings = validation?.result.findings ?? [];
  const fixes = [...props.appliedFixes.values()];

  return (
    <main className={styles.root} lang={props.lang}>
      <h1 className={styles.title}>{t.title}</h1>
      {props.toolbar ?? (
        <Toolbar
          strings={t}
          busy={props.busy}
          liveOn={props.liveOn}
          liveAvailable={props.features.live}
          canMark={props.features.marks !== 'none'}
          onValidate={props.onValidate}
          onLiveChange={props.onLiveChange}
          onClearMarks={props.onClearMarks}
        />
      )}
      {!props.toolbar && !props.features.live && <p>{t.liveUnavailable}</p>}
      {props.confirm && (
        <MessageBar intent="warning" role="alertdialog" aria-label={props.confirm.message}>
          <MessageBarBody>{props.confirm.message}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {props.confirm.kind === 'formula' ? t.overwrite : t.proceed}
            </Button>
            <Button onClick={props.onCancelConfirm}>{t.cancel}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {props.profile && props.onProfileChange && (
        <ProfileEditor lang={props.lang} profile={props.profile} onChange={props.onProfileChange} />
      )}
      {props.features.marks === 'none' && (
        <MessageBar intent="info">
          <MessageBarBody>{t.marksUnavailable}</MessageBarBody>
        </MessageBar>
      )}
      {props.showUndoWarning && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.undoWarning}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onDismissUndoWarning}>{t.dismiss}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {error.sheet ? `${error.sheet}: ` : ''}
            {t.errors[error.code]}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onDismissError}>{t.dismiss}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {validation?.marksRefused && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {validation.marksRefused === 'protected' ? t.marksRefusedProtected : t.marksRefusedFormats}
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite" tabIndex={-1} ref={summary} data-testid="summary">
        {props.notice && <p>{props.notice}</p>}
        {status && <p>{status}</p>}
      </div>
      {fixes.length > 0 && (
        <ul className={styles.fixes} aria-label={t.undoFix}>
          {fixes.map((fix) => (
            <li key={`${fix.sheet}!${fix.cell}`} className={styles.row}>
              <span>{t.fixed(fix.cell, String(fix.written))}</span>
              <Button size="small" onClick={() => props.onUndoFix(fix)} aria-label={`${t.undoFix} ${fix.cell}`}>
                {t.undoFix}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {findings.length > 1 && props.onNextFinding && props.onPreviousFinding && (
        <div className={styles.row} role="group" aria-label={t.nextFinding}>
          <Button size="small" onClick={props.onPreviousFinding}>
            {t.previousFinding}
          </Button>
          <Button size="small" onClick={props.onNextFinding}>
            {t.nextFinding}
          </Button>
        </div>
      )}
      {validation && validation.result.tables.length === 0 && findings.length === 0 && (
        <EmptyState strings={t} sheet={validation.sheet} />
      )}
      {findings.length > 0 && validation && (
        <FindingList
          lang={props.lang}
          strings={t}
          result={validation.result}
          selectedKey={props.selectedKey}
          onSelect={props.onSelectFinding}
          onFix={props.canFix === false ? undefined : props.onFix}
          onIgnore={props.onIgnore}
        />
      )}
      {ignored.length > 0 && validation && props.onShowIgnoredChange && (
        <Switch
          label={t.showIgnored(ignored.length)}
          checked={props.showIgnored ?? false}
          onChange={(_, data) => props.onShowIgnoredChange!(data.checked)}
        />
      )}
      {props.showIgnored && ignored.length > 0 && validation && (
        <section aria-label={t.ignoredHeading}>
          <FindingList
            lang={props.lang}
            strings={t}
            result={{ ...validation.result, findings: ignored }}
            ignoredList
            onSelect={props.onSelectFinding}
            onIgnore={props.onUnignore}
          />
        </section>
      )}
    </main>
  );
}
