/**
 * Findings grouped by table, then severity, with counts. Each shows its
 * reason, found → expected, and buttons to go to the cell and fix it.
 */
import * as React from 'react';
import { Button, CounterBadge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Lang, Severity, WorkbookResult } from '../../core';
import type { AppliedFix } from '../sheet-host';
import type { UiStrings } from '../i18n';
import { findingKey, groupFindings } from '../group-findings';

const SEVERITY_COLOR: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
  },
  tableHeading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  severityHeading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  values: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

export interface FindingListProps {
  lang: Lang;
  strings: UiStrings;
  result: WorkbookResult;
  appliedFixes: ReadonlyMap<string, AppliedFix>;
  /** False where the host cannot write (the browser page's read-only view). */
  canFix: boolean;
  onSelect(finding: Finding): void;
  onFix(finding: Finding): void;
  onUndoFix(finding: Finding): void;
}

export function FindingList(props: FindingListProps): React.JSX.Element {
  const { strings: t, lang } = props;
  const styles = useStyles();
  // Not on every render: a busy flag or a notice changes nothing here.
  const groups = React.useMemo(() => groupFindings(props.result), [props.result]);
  return (
    <div>
      {groups.map((group) => {
        const title = group.table ? t.table(group.table.kind, `${group.table.sheet}!${group.table.range}`) : t.otherFindings;
        const headingId = `${group.key}-heading`;
        return (
          <section key={group.key} aria-labelledby={headingId}>
            <h2 id={headingId} className={`${styles.heading} ${styles.tableHeading}`}>
              {title}
              <CounterBadge count={group.count} appearance="ghost" color="informative" />
            </h2>
            {group.severities.map(({ severity, findings }) => {
              const sevId = `${group.key}-${severity}`;
              return (
                <div key={severity}>
                  <h3 id={sevId} className={`${styles.heading} ${styles.severityHeading}`}>
                    {t.severity[severity]}
                    <CounterBadge count={findings.length} color={SEVERITY_COLOR[severity]} />
                  </h3>
                  <ul className={styles.list} aria-labelledby={sevId}>
                    {findings.map((f) => {
                      const key = findingKey(f);
                      const fix = props.appliedFixes.get(key);
                      return (
                        <li key={key} className={styles.item}>
                          <Link as="button" onClick={() => props.onSelect(f)} aria-label={t.goToCell(f.cell)}>
                            {f.cell}
                          </Link>{' '}
                          <span>{f.message[lang]}</span>
                          {(f.found !== undefined || f.expected !== undefined) && (
                            <div className={styles.values}>
                              {f.found !== undefined && `${t.found} ${f.found}`}
                              {f.found !== undefined && f.expected !== undefined && ' → '}
                              {f.expected !== undefined && `${t.expected} ${f.expected}`}
                            </div>
                          )}
                          {props.canFix && f.fixValue !== undefined && (
                            <div className={styles.actions}>
                              {fix ? (
                                <Button size="small" onClick={() => props.onUndoFix(f)} aria-label={`${t.undoFix} ${f.cell}`}>
                                  {t.undoFix}
                                </Button>
                              ) : (
                                <Button size="small" onClick={() => props.onFix(f)} aria-label={`${t.fix} ${f.cell}`}>
                                  {t.fix}
                                </Button>
                              )}
                            </div>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
