/**
 * The whole pane, drawn from props alone: Excel's controller and the browser
 * page both render it, each with its own host behind the callbacks.
 */
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding, Lang } from '../../core';
import type { Profile } from '../../core';
import type { AppliedFix, HostErrorCode, HostFeatures, Validation } from '../sheet-host';
import { UI_STRINGS } from '../i18n';
import { countBySeverity } from '../../core';
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
});

export interface PaneError {
  code: HostErrorCode;
  sheet?: string;
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
  onProfileChange?(profile: Profile): void;
  onValidate(): void;
  onLiveChange(on: boolean): void;
  onClearMarks(): void;
  onSelectFinding(finding: Finding): void;
  onFix(finding: Finding): void;
  onUndoFix(finding: Finding): void;
  onDismissUndoWarning(): void;
  onDismissError(): void;
}

export function ScoreCheckPane(props: ScoreCheckPaneProps): React.JSX.Element {
  const t = UI_STRINGS[props.lang];
  const styles = useStyles();
  const { validation, error } = props;
  const counts = validation ? countBySeverity(validation.result.findings) : undefined;

  let status = '';
  if (validation && counts) {
    const tables = validation.result.tables.length;
    if (validation.result.findings.length > 0) {
      status = t.summary(counts, validation.sheet);
      if (validation.marked > 0) status += ` ${t.marked(validation.marked)}`;
    } else if (tables > 0) status = t.noProblems(validation.sheet, tables);
  }

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
      {validation?.marksRefused === 'protected' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.marksRefusedProtected}</MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {props.notice && <p>{props.notice}</p>}
        {status && <p>{status}</p>}
      </div>
      {validation && validation.result.tables.length === 0 && validation.result.findings.length === 0 && (
        <EmptyState strings={t} sheet={validation.sheet} />
      )}
      {validation && validation.result.findings.length > 0 && (
        <FindingList
          lang={props.lang}
          strings={t}
          result={validation.result}
          appliedFixes={props.appliedFixes}
          canFix={props.canFix ?? true}
          onSelect={props.onSelectFinding}
          onFix={props.onFix}
          onUndoFix={props.onUndoFix}
        />
      )}
    </main>
  );
}
