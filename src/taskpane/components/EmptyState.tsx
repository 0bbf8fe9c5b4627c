/** Shown when the sheet holds no table ScoreCheck recognises: what it looks for. */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { UiStrings } from '../../host/ui-strings';

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalL },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  words: { fontFamily: '"Microsoft YaHei", "PingFang SC", sans-serif' },
});

export function EmptyState({ strings: t, sheet }: { strings: UiStrings; sheet: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="empty-title">
      <h2 id="empty-title" className={styles.title}>
        {t.emptyTitle(sheet)}
      </h2>
      <p>{t.emptyIntro}</p>
      <dl>
        {t.emptyHeaders.map((h) => (
          <React.Fragment key={h.label}>
            <dt>{h.label}</dt>
            <dd className={styles.words}>{h.words}</dd>
          </React.Fragment>
        ))}
      </dl>
      <p>{t.emptyOutro}</p>
    </section>
  );
}
