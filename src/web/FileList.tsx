/**
 * The open files, grouped so that a file nothing was checked in never sits
 * among the clean ones: checked, no table recognised, unreadable or
 * stopped, still waiting. Collapsible, so the findings get the room; a file
 * being checked or waiting has its cancel button.
 */
import * as React from 'react';
import { Button, CounterBadge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { countBySeverity, type Lang } from '../core';
import { summaryStatus } from '../file/summary-rows';
import type { OpenFile } from './desk-files';
import { WEB_STRINGS, type WebStrings } from './web-strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  open: { width: '260px', flexShrink: 0 },
  closed: { width: '40px', flexShrink: 0 },
  toggle: { alignSelf: 'flex-end', margin: tokens.spacingHorizontalXS },
  scroll: { overflowY: 'auto', minHeight: 0, padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
  group: {
    margin: `${tokens.spacingVerticalS} 0 2px`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  item: { display: 'flex', alignItems: 'center' },
  entry: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    textAlign: 'left',
    cursor: 'pointer',
    font: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  status: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

type Group = keyof WebStrings['groups'];

function groupOf(f: OpenFile): Group {
  switch (f.state.status) {
    case 'queued':
    case 'checking':
      return 'pending';
    case 'checked':
      return summaryStatus(f.state.result) === 'no-table' ? 'no-table' : 'checked';
    default:
      return 'stopped';
  }
}

function statusText(f: OpenFile, w: WebStrings): string {
  switch (f.state.status) {
    case 'queued':
      return w.queued;
    case 'checking':
      return w.pending;
    case 'checked':
      if (f.state.result.tables.length === 0) return w.groups['no-table'];
      return f.state.result.findings.length === 0 ? w.clean : w.fileSummary(countBySeverity(f.state.result.findings));
    case 'unreadable':
      return w.unreadableTitle;
    case 'stopped':
      return w.groups.stopped;
  }
}

export interface FileListProps {
  lang: Lang;
  files: readonly OpenFile[];
  activeKey?: number;
  onSelect(key: number): void;
  onCancel(key: number): void;
}

const GROUPS: Group[] = ['checked', 'no-table', 'stopped', 'pending'];

export function FileList({ lang, files, activeKey, onSelect, onCancel }: FileListProps): React.JSX.Element {
  const styles = useStyles();
  const w = WEB_STRINGS[lang];
  const [open, setOpen] = React.useState(true);
  return (
    <nav aria-label={w.files} className={mergeClasses(styles.root, open ? styles.open : styles.closed)}>
      <Button
        className={styles.toggle}
        size="small"
        appearance="subtle"
        aria-expanded={open}
        data-testid="toggle-files"
        onClick={() => setOpen(!open)}
        title={open ? w.hideFiles : w.showFiles}
      >
        {open ? '«' : '»'}
      </Button>
      {open && (
        <div className={styles.scroll}>
          {GROUPS.map((group) => {
            const members = files.filter((f) => groupOf(f) === group);
            if (members.length === 0) return null;
            return (
              <section key={group} aria-label={w.groups[group]}>
                <h3 className={styles.group}>
                  {w.groups[group]}（{members.length}）
                </h3>
                <ul className={styles.list}>
                  {members.map((f) => {
                    const errors = f.state.status === 'checked' ? countBySeverity(f.state.result.findings).error : undefined;
                    const pending = group === 'pending';
                    return (
                      <li key={f.key} className={styles.item}>
                        <button
                          type="button"
                          className={mergeClasses(styles.entry, f.key === activeKey && styles.active)}
                          aria-current={f.key === activeKey || undefined}
                          data-testid="file-entry"
                          data-file={f.name}
                          data-status={pending ? 'checking' : f.state.status}
                          data-errors={errors}
                          onClick={() => onSelect(f.key)}
                        >
                          <span className={styles.name}>{f.name}</span>
                          <span className={styles.status}>
                            {statusText(f, w)}
                            {errors !== undefined && errors > 0 && <CounterBadge count={errors} color="danger" size="small" />}
                          </span>
                        </button>
                        {pending && (
                          <Button
                            size="small"
                            appearance="subtle"
                            aria-label={w.cancel(f.name)}
                            title={w.cancel(f.name)}
                            data-testid="cancel"
                            onClick={() => onCancel(f.key)}
                          >
                            ✕
                          </Button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </nav>
  );
}
