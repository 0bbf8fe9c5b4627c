/**
 * Shown instead of a pane that would wait forever: the page was opened
 * outside Excel, Office.js never loaded, or the host is not Excel.
 */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { UiStrings } from '../../host/ui-strings';

export type OutsideReason = 'timeout' | 'not-excel';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, lineHeight: tokens.lineHeightBase300 },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export function OutsideOffice(props: { strings: UiStrings; reason: OutsideReason; onRetry?(): void }): React.JSX.Element {
  const { strings: t } = props;
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t.outsideTitle}</h1>
      <p role="status">{props.reason === 'timeout' ? t.outsideTimeout : t.outsideNotExcel}</p>
      <p>{t.outsideIntro}</p>
      <h2>Excel on the web / 网页版 Excel</h2>
      <ol>
        {t.outsideWeb.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h2>Windows / Mac</h2>
      <ul>
        {t.outsideDesktop.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      {props.onRetry && <Button onClick={props.onRetry}>{t.retry}</Button>}
    </main>
  );
}
