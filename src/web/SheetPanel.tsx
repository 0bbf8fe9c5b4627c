/** The shown sheet, read-only, with the selected cell's note under it. */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { noteText, type Finding, type Lang, type Sheet } from '../core';
import { SheetGrid } from './SheetGrid';
import { WEB_STRINGS } from './web-strings';

const useStyles = makeStyles({
  root: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // A fixed height: a note that grew on selection would shrink the grid and hide the cell just scrolled to.
  note: {
    height: '84px',
    flexShrink: 0,
    boxSizing: 'border-box',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#FFFDE7',
    border: `${tokens.strokeWidthThin} solid #E6D98A`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    lineHeight: tokens.lineHeightBase300,
  },
  empty: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
});

export interface SheetPanelProps {
  lang: Lang;
  fileName: string;
  sheet: Sheet;
  marks: ReadonlyMap<string, Finding[]>;
  selected?: string;
  onSelectCell(cell: string): void;
}

export function SheetPanel({ lang, fileName, sheet, marks, selected, onSelectCell }: SheetPanelProps): React.JSX.Element {
  const styles = useStyles();
  const w = WEB_STRINGS[lang];
  const findings = selected ? marks.get(selected) : undefined;
  return (
    <section className={styles.root} aria-label={w.gridLabel(sheet.name)}>
      <h2 className={styles.title}>
        {fileName} · {sheet.name}
      </h2>
      <SheetGrid
        sheet={sheet}
        lang={lang}
        label={w.gridLabel(sheet.name)}
        marks={marks}
        selected={selected}
        onSelectCell={onSelectCell}
      />
      <div
        className={mergeClasses(styles.note, !findings && styles.empty)}
        role="note"
        aria-label={selected ? w.noteFor(selected) : undefined}
        data-testid="cell-note"
      >
        {selected && findings ? `${selected} — ${noteText(findings, lang)}` : selected ? selected : w.pickFinding}
      </div>
    </section>
  );
}
