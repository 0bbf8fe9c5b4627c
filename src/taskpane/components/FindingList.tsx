/**
 * Findings grouped by table, then severity, with counts. Each shows its
 * reason, found → expected, and buttons to go to the cell and fix it.
 */
import * as React from 'react';
import { Button, CounterBadge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { RULE_DOCS, type Finding, type Lang, type LocalizedText, type Severity, type WorkbookResult } from '../../core';
import { findingKey } from '../../host';
import type { UiStrings } from '../../host/ui-strings';
import { groupFindings } from '../group-findings';

const SEVERITY_COLOR: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

/** Each rule's sentence, shown when the rule's name is pointed at. */
const RULE_DESCRIPTION = new Map<string, LocalizedText>(RULE_DOCS.map((r) => [r.id, r.description]));

/** The rule's page, built beside the pane and the page (webpack: docs/rules/<id>.md → rules/<id>.html). */
function ruleDocHref(rule: string): string {
  return `rules/${rule}.html`;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // The finding whose cell is selected: a bar and a tint, not the tint alone.
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
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
  rule: { fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

export interface FindingListProps {
  lang: Lang;
  strings: UiStrings;
  result: WorkbookResult;
  /** Where the host can write: each fixable finding offers Fix. Absent on the browser page's read-only view. */
  onFix?(finding: Finding): void;
  /** The finding whose cell was last selected (findingKey). */
  selectedKey?: string;
  onSelect(finding: Finding): void;
  /** Given: each finding offers Ignore (or, in the list of ignored ones, Stop ignoring). */
  onIgnore?(finding: Finding): void;
  /** This list shows the ignored findings: no Fix, and Stop ignoring instead of Ignore. */
  ignoredList?: boolean;
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
        const headingId = `${props.ignoredList ? 'ignored-' : ''}${group.key}-heading`;
        return (
          <section key={group.key} aria-labelledby={headingId}>
            <h2 id={headingId} className={`${styles.heading} ${styles.tableHeading}`}>
              {title}
              <CounterBadge count={group.count} appearance="ghost" color="informative" />
            </h2>
            {group.severities.map(({ severity, findings }) => {
              const sevId = `${headingId}-${severity}`;
              return (
                <div key={severity}>
                  <h3 id={sevId} className={`${styles.heading} ${styles.severityHeading}`}>
                    {t.severity[severity]}
                    <CounterBadge count={findings.length} color={SEVERITY_COLOR[severity]} />
                  </h3>
                  <ul className={styles.list} aria-labelledby={sevId}>
                    {findings.map((f) => {
                      const key = findingKey(f);
                      const selected = key === props.selectedKey;
                      const onFix = props.ignoredList || f.fixValue === undefined ? undefined : props.onFix;
                      return (
                        <li
                          key={key}
                          className={selected ? `${styles.item} ${styles.selected}` : styles.item}
                          aria-current={selected ? 'true' : undefined}
                          data-finding={key}
                        >
                          <Link as="button" onClick={() => props.onSelect(f)} aria-label={t.goToCell(f.cell)}>
                            {f.cell}
                          </Link>{' '}
                          <span>{f.message[lang]}</span>{' '}
                          <Link
                            href={ruleDocHref(f.rule)}
                            target="_blank"
                            rel="noopener"
                            title={RULE_DESCRIPTION.get(f.rule)?.[lang]}
                            className={styles.rule}
                          >
                            {f.rule}
                          </Link>
                          {(f.found !== undefined || f.expected !== undefined) && (
                            <div className={styles.values}>
                              {f.found !== undefined && `${t.found} ${f.found}`}
                              {f.found !== undefined && f.expected !== undefined && ' → '}
                              {f.expected !== undefined && `${t.expected} ${f.expected}`}
                            </div>
                          )}
                          {(onFix || props.onIgnore) && (
                            <div className={styles.actions}>
                              {onFix && (
                                <Button size="small" onClick={() => onFix(f)} aria-label={`${t.fix} ${f.cell}`}>
                                  {t.fix}
                                </Button>
                              )}
                              {props.onIgnore && (
                                <Button
                                  size="small"
                                  appearance="subtle"
                                  onClick={() => props.onIgnore!(f)}
                                  aria-label={`${props.ignoredList ? t.unignore : t.ignore} ${f.cell}`}
                                >
                                  {props.ignoredList ? t.unignore : t.ignore}
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
