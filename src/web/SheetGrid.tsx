/**
 * A read-only view of one sheet: only the rows in sight are drawn, so a
 * 20,000-row sheet scrolls as easily as a 40-row one. Cells with findings
 * carry the marked copy's fill; the selected cell is outlined and scrolled to.
 */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding, Lang } from '../core';
import type { Sheet } from '../core';
import { columnName, parseA1, toA1 } from '../core';
import { noteText } from '../core';
import { HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT, cellBox, cellText, layoutSheet } from './grid-layout';
import { MARK_FILL, mostSevere } from '../core';

/** Rows drawn above and below the visible ones, so fast scrolling shows no blank strip. */
const OVERSCAN_ROWS = 12;

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflow: 'auto',
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: '13px',
    outlineStyle: 'none',
  },
  headerRow: { position: 'sticky', top: 0, zIndex: 3, display: 'flex', height: `${HEADER_HEIGHT}px` },
  corner: {
    position: 'sticky',
    left: 0,
    zIndex: 4,
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  body: { display: 'flex', position: 'relative' },
  rowHeads: { position: 'sticky', left: 0, zIndex: 2, flexShrink: 0 },
  strip: { position: 'relative', flexShrink: 0 },
  head: {
    position: 'absolute',
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: '12px',
    userSelect: 'none',
  },
  headActive: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    position: 'absolute',
    boxSizing: 'border-box',
    padding: '0 6px',
    lineHeight: `${ROW_HEIGHT - 1}px`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: 'cell',
  },
  merged: {
    whiteSpace: 'normal',
    lineHeight: '18px',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
  },
  number: { textAlign: 'right' },
  marked: { fontWeight: tokens.fontWeightSemibold },
  selected: {
    zIndex: 1,
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    boxShadow: tokens.shadow8,
  },
});

export interface SheetGridProps {
  sheet: Sheet;
  lang: Lang;
  label: string;
  /** Findings of this sheet by cell ("D11"). */
  marks: ReadonlyMap<string, Finding[]>;
  /** The cell to outline and scroll to ("D11"). */
  selected?: string;
  onSelectCell(cell: string): void;
}

export function SheetGrid(props: SheetGridProps): React.JSX.Element {
  const { sheet, marks, selected, lang } = props;
  const styles = useStyles();
  const layout = React.useMemo(() => layoutSheet(sheet), [sheet]);
  const scroller = React.useRef<HTMLDivElement>(null);
  const [view, setView] = React.useState({ top: 0, height: 800 });

  const measure = React.useCallback(() => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
  }, []);

  React.useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  // A new sheet starts at its top-left, unless a finding asks for a cell.
  React.useEffect(() => {
    scroller.current?.scrollTo({ top: 0, left: 0 });
    measure();
  }, [sheet, measure]);

  const selectedAt = selected ? parseA1(selected) : undefined;
  React.useEffect(() => {
    const el = scroller.current;
    if (!el || !selectedAt || selectedAt.col >= layout.cols) return;
    const box = cellBox(layout, selectedAt.row, selectedAt.col);
    // Scroll only along an axis where the cell is out of sight, then bring it to the middle.
    const seenHeight = el.clientHeight - HEADER_HEIGHT;
    const seenWidth = el.clientWidth - ROW_HEADER_WIDTH;
    const inSightV = box.top >= el.scrollTop && box.top + Math.min(box.height, seenHeight) <= el.scrollTop + seenHeight;
    const inSightH = box.left >= el.scrollLeft && box.left + Math.min(box.width, seenWidth) <= el.scrollLeft + seenWidth;
    el.scrollTo({
      top: inSightV ? el.scrollTop : Math.max(0, box.top + Math.min(box.height, seenHeight) / 2 - seenHeight / 2),
      left: inSightH ? el.scrollLeft : Math.max(0, box.left + Math.min(box.width, seenWidth) / 2 - seenWidth / 2),
    });
    measure();
    // Scroll when the selection changes (selectedAt is derived from it), not on every render.
  }, [selected, layout, measure]);

  const bodyTop = Math.max(0, view.top - HEADER_HEIGHT);
  const first = Math.max(0, Math.floor(bodyTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const last = Math.min(layout.rows - 1, Math.ceil((bodyTop + view.height) / ROW_HEIGHT) + OVERSCAN_ROWS);

  const cells: React.ReactNode[] = [];
  const drawCell = (r: number, c: number) => {
    const a1 = toA1(r, c);
    const cell = sheet.rows[r]?.[c];
    const found = marks.get(a1);
    const box = cellBox(layout, r, c);
    const isSelected = a1 === selected;
    const merged = layout.mergeAt.has(r * layout.cols + c);
    const text = cellText(cell);
    cells.push(
      <div
        key={a1}
        role="gridcell"
        data-cell={a1}
        data-severity={found ? mostSevere(found) : undefined}
        data-selected={isSelected || undefined}
        aria-selected={isSelected}
        title={found ? noteText(found, lang) : text.length > 12 ? text : undefined}
        className={mergeClasses(
          styles.cell,
          merged && box.height > ROW_HEIGHT && styles.merged,
          typeof cell?.value === 'number' && !merged && styles.number,
          found && styles.marked,
          isSelected && styles.selected,
        )}
        style={{ ...box, backgroundColor: found ? MARK_FILL[mostSevere(found)] : undefined }}
        onClick={() => props.onSelectCell(a1)}
      >
        {text}
      </div>,
    );
  };
  // Merges that start above the drawn rows but reach into them.
  for (const m of layout.mergeAt.values()) {
    if (m.top < first && m.bottom >= first) drawCell(m.top, m.left);
  }
  for (let r = first; r <= last; r++) {
    for (let c = 0; c < layout.cols; c++) {
      if (!layout.covered.has(r * layout.cols + c)) drawCell(r, c);
    }
  }

  const rowHeads: React.ReactNode[] = [];
  for (let r = first; r <= last; r++) {
    rowHeads.push(
      <div
        key={r}
        className={mergeClasses(styles.head, selectedAt?.row === r && styles.headActive)}
        style={{ top: r * ROW_HEIGHT, left: 0, width: ROW_HEADER_WIDTH, height: ROW_HEIGHT }}
      >
        {r + 1}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-readonly
      aria-label={props.label}
      aria-rowcount={layout.rows}
      aria-colcount={layout.cols}
      tabIndex={0}
      onScroll={measure}
      data-testid="sheet-grid"
    >
      <div style={{ width: ROW_HEADER_WIDTH + layout.totalWidth }}>
        <div className={styles.headerRow}>
          <div className={styles.corner} style={{ width: ROW_HEADER_WIDTH }} />
          <div className={styles.strip} style={{ width: layout.totalWidth, height: HEADER_HEIGHT }}>
            {layout.colWidth.map((w, c) => (
              <div
                key={c}
                className={mergeClasses(styles.head, selectedAt?.col === c && styles.headActive)}
                style={{ left: layout.colLeft[c], top: 0, width: w, height: HEADER_HEIGHT }}
              >
                {columnName(c)}
              </div>
            ))}
          </div>
        </div>
        <div className={styles.body} style={{ height: layout.rows * ROW_HEIGHT }}>
          <div className={styles.rowHeads} style={{ width: ROW_HEADER_WIDTH, height: layout.rows * ROW_HEIGHT }}>
            {rowHeads}
          </div>
          <div className={styles.strip} style={{ width: layout.totalWidth, height: layout.rows * ROW_HEIGHT }}>
            {cells}
          </div>
        </div>
      </div>
    </div>
  );
}
