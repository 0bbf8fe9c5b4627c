/**
 * Every open file in one table, the same columns as the exported summary:
 * status, counts, total and grade as printed and recomputed. Sorted by any
 * column, filtered by status and by severity; a click opens the file.
 */
import * as React from 'react';
import { Field, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { MARK_FILL, type Lang, type Severity } from '../core';
import { fileTable, STATUS_WORDS, type SummaryStatus, type SummaryValue } from '../file/summary-rows';
import type { DeskRow, OpenFile } from './desk-files';
import { WEB_STRINGS } from './web-strings';

/** The summary's columns shown here: all but the remark, which the file's own view shows in full. */
const COLUMNS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const NUMERIC = new Set([3, 4, 5, 6, 7]);
const STATUSES: SummaryStatus[] = ['errors', 'notes', 'clean', 'no-table', 'unreadable'];
const SEVERITY_COLUMN: Record<Severity, number> = { error: 3, warning: 4, info: 5 };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, rowGap: tokens.spacingVerticalXS },
  filters: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  count: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  scroller: {
    overflow: 'auto',
    minHeight: 0,
    flexGrow: 1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: 'left',
    padding: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  sort: {
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    border: 'none',
    background: 'transparent',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    width: '100%',
    textAlign: 'inherit',
  },
  td: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    maxWidth: '360px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  row: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  active: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
});

/** Not checked is as serious as wrong: the reviewer must open the file. */
const STATUS_FILL: Partial<Record<SummaryStatus, string>> = {
  errors: MARK_FILL.error,
  'no-table': MARK_FILL.error,
  unreadable: MARK_FILL.error,
  notes: MARK_FILL.warning,
};

function compareValues(a: SummaryValue, b: SummaryValue): number {
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

/** One filter: "all" (the empty value) or one of the choices. */
function FilterSelect<T extends string>(props: {
  label: string;
  testId: string;
  value: T | '';
  all: string;
  choices: readonly (readonly [T, string])[];
  onChange(value: T | ''): void;
}): React.JSX.Element {
  return (
    <Field label={props.label} size="small">
      <Select size="small" value={props.value} data-testid={props.testId} onChange={(_, d) => props.onChange(d.value as T | '')}>
        <option value="">{props.all}</option>
        {props.choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export interface SummaryTableProps {
  lang: Lang;
  files: readonly OpenFile[];
  rows: readonly DeskRow[];
  activeKey?: number;
  onSelect(key: number): void;
}

export function SummaryTable({ lang, files, rows, activeKey, onSelect }: SummaryTableProps): React.JSX.Element {
  const styles = useStyles();
  const w = WEB_STRINGS[lang];
  const header = React.useMemo(() => fileTable([], lang).header, [lang]);
  const [sort, setSort] = React.useState<{ col: number; desc: boolean }>();
  const [status, setStatus] = React.useState<SummaryStatus | 'pending' | ''>('');
  const [severity, setSeverity] = React.useState<Severity | ''>('');
  const names = new Map(files.map((f) => [f.key, f.name]));

  const shown = React.useMemo(() => {
    const kept = rows.filter(
      (r) => (!status || r.status === status) && (!severity || Number(r.cells?.[SEVERITY_COLUMN[severity]]?.value ?? 0) > 0),
    );
    if (!sort) return kept;
    const sorted = [...kept].sort((a, b) => compareValues(a.cells?.[sort.col]?.value, b.cells?.[sort.col]?.value));
    return sort.desc ? sorted.reverse() : sorted;
  }, [rows, status, severity, sort]);

  return (
    <section className={styles.root} aria-label={w.summaryTitle} data-testid="summary">
      <div className={styles.filters}>
        <FilterSelect<SummaryStatus | 'pending'>
          label={w.filterStatus}
          testId="filter-status"
          value={status}
          all={w.all}
          choices={[...STATUSES.map((s) => [s, STATUS_WORDS[lang][s]] as const), ['pending', w.pending] as const]}
          onChange={setStatus}
        />
        <FilterSelect<Severity>
          label={w.filterSeverity}
          testId="filter-severity"
          value={severity}
          all={w.all}
          choices={(['error', 'warning', 'info'] as const).map((s) => [s, w.hasSeverity[s]] as const)}
          onChange={setSeverity}
        />
        <span className={styles.count} data-testid="summary-count">
          {w.shown(shown.length, rows.length)}
        </span>
      </div>
      <div className={styles.scroller}>
        <table className={styles.table}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c}
                  className={mergeClasses(styles.th, NUMERIC.has(c) && styles.num)}
                  aria-sort={sort?.col === c ? (sort.desc ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    className={styles.sort}
                    title={w.sortBy(header[c])}
                    data-testid={`sort-${c}`}
                    onClick={() => setSort((s) => (s?.col === c ? { col: c, desc: !s.desc } : { col: c, desc: NUMERIC.has(c) }))}
                  >
                    {header[c]}
                    {sort?.col === c ? (sort.desc ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.key}
                className={mergeClasses(styles.row, r.key === activeKey && styles.active)}
                data-testid="summary-row"
                data-file={names.get(r.key)}
                data-status={r.status}
                aria-selected={r.key === activeKey}
                onClick={() => onSelect(r.key)}
              >
                {COLUMNS.map((c) => {
                  const value = c === 0 ? names.get(r.key) : c === 2 && r.status === 'pending' ? w.pending : r.cells?.[c]?.value;
                  const fill = c === 2 && r.status !== 'pending' ? STATUS_FILL[r.status] : undefined;
                  return (
                    <td
                      key={c}
                      className={mergeClasses(styles.td, NUMERIC.has(c) && styles.num)}
                      style={fill ? { backgroundColor: fill } : undefined}
                      data-col={c}
                      title={value === undefined ? undefined : String(value)}
                    >
                      {value ?? ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
