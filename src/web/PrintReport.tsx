/**
 * 打印报告: what goes on paper — the summary of every file, then each file's
 * findings with their reasons and expected values. A printed marked copy
 * shows coloured cells without the notes; this is the page to print instead.
 * Hidden on screen, the only thing shown in print.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core';
import { fileTable, findingTable, type SummaryFile } from '../file/summary-rows';
import { WEB_STRINGS } from './web-strings';

const useStyles = makeStyles({
  root: { display: 'none', '@media print': { display: 'block', fontSize: '10pt', color: '#000' } },
  table: { borderCollapse: 'collapse', width: '100%', marginBottom: '12pt' },
  cell: { border: '0.5pt solid #888', padding: '2pt 4pt', verticalAlign: 'top', textAlign: 'left' },
  head: { backgroundColor: '#D9E1F2' },
  file: { breakInside: 'avoid-page', marginTop: '10pt', fontSize: '11pt' },
  title: { fontSize: '14pt', margin: `0 0 ${tokens.spacingVerticalS}` },
});

/** Every column of the summary sheet, the remark (why a file was not checked) included. */
const FILE_COLUMNS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** Per file: cell, indicator, rule, severity, found, expected, reason (file and sheet are in the heading and cell). */
const FINDING_COLUMNS = [2, 3, 4, 5, 6, 7, 8];

export function PrintReport({ lang, files }: { lang: Lang; files: readonly SummaryFile[] }): React.JSX.Element {
  const styles = useStyles();
  const w = WEB_STRINGS[lang];
  const summary = fileTable(files, lang);
  const header = findingTable([], lang).header;
  return (
    <div className={styles.root} data-testid="print-report" lang={lang}>
      <h1 className={styles.title}>
        {w.reportTitle} · {w.reportFiles(files.length)}
      </h1>
      <table className={styles.table}>
        <thead>
          <tr>
            {FILE_COLUMNS.map((c) => (
              <th key={c} className={`${styles.cell} ${styles.head}`}>
                {summary.header[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row, i) => (
            <tr key={i}>
              {FILE_COLUMNS.map((c) => (
                <td key={c} className={styles.cell}>
                  {row[c]?.value ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {files.map((f, index) => {
        // One file at a time: two files of the same name (from two folders) keep their own findings.
        const rows = findingTable([f], lang).rows;
        if (rows.length === 0) return null;
        return (
          <section key={index} className={styles.file}>
            <h2 className={styles.file}>{f.file}</h2>
            <table className={styles.table}>
              <thead>
                <tr>
                  {FINDING_COLUMNS.map((c) => (
                    <th key={c} className={`${styles.cell} ${styles.head}`}>
                      {header[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {FINDING_COLUMNS.map((c) => (
                      <td key={c} className={styles.cell}>
                        {c === 2 ? `${row[1].value}!${row[2].value}` : (row[c]?.value ?? '')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
