/**
 * Builds an indicator table (layouts A, B, C, E) from its header row: the
 * level hierarchy from merged cells or blank continuation cells, per-level
 * weights and scores, the 总分 row and the grade.
 */
import type { ColumnRole } from './headers';
import {
  isBonusLabel,
  isFootnoteLabel,
  isGradeLabel,
  isNoteLabel,
  isPlaceholderLabel,
  isSubtotalLabel,
  isTotalLabel,
  labelWithoutWeight,
  weightInFootnote,
  weightInLabel,
} from './headers';
import { parseTypedText } from '../values/parse-typed-value';
import { classifyHeaderRow, findSplitTarget, repeatedHeaderRoles, twoRowHeader, type HeaderRow } from './header-rows';
import { actualSlot, splitTargetSlot, targetUnit, weightInPoints } from './indicator-values';
import { normalizeText } from '../values/normalize-text';
import type { SheetView } from '../grid/sheet-view';
import type { IndicatorNode, IndicatorTable, Slot, TotalRow } from './tables';
import type { TableKind } from '../findings/finding';

type Level = 1 | 2 | 3;
const LEVEL_ROLES: Record<string, Level> = { level1: 1, level2: 2, level3: 3 };
const PER_LEVEL = ['weight', 'score', 'scoreRate'] as const;
type PerLevelRole = (typeof PER_LEVEL)[number];
const PER_ROW = ['target', 'actual', 'narrative', 'rate'] as const;
type PerRowRole = (typeof PER_ROW)[number];

interface Columns {
  level: Map<Level, number>;
  perLevel: Record<PerLevelRole, Map<Level, number>>;
  perRow: Partial<Record<PerRowRole, number>>;
  left: number;
  right: number;
}

/** A weight or score column belongs to the nearest indicator column on its left. */
function columnsOf(roles: Map<number, ColumnRole>): Columns {
  const level = new Map<Level, number>();
  for (const [col, role] of roles) {
    const l = LEVEL_ROLES[role];
    if (l && !level.has(l)) level.set(l, col);
  }
  const levelCols = [...level.entries()].sort((a, b) => a[1] - b[1]);
  const finest = Math.max(...level.keys()) as Level;
  const perLevel: Columns['perLevel'] = { weight: new Map(), score: new Map(), scoreRate: new Map() };
  const perRow: Columns['perRow'] = {};
  for (const [col, role] of [...roles.entries()].sort((a, b) => a[0] - b[0])) {
    if ((PER_LEVEL as readonly string[]).includes(role)) {
      const owner = levelCols.filter(([, c]) => c < col).pop();
      const l = owner ? owner[0] : finest;
      const map = perLevel[role as PerLevelRole];
      if (!map.has(l)) map.set(l, col);
    } else if ((PER_ROW as readonly string[]).includes(role)) {
      perRow[role as PerRowRole] ??= col;
    }
  }
  const cols = [...roles.keys()];
  return { level, perLevel, perRow, left: Math.min(...cols), right: Math.max(...cols) };
}

function numberSlot(view: SheetView, row: number, col: number | undefined): Slot | undefined {
  if (col === undefined) return undefined;
  const s = view.slot(row, col);
  return s.value.kind === 'number' && s.row === row ? s : undefined;
}

function readTotalRow(view: SheetView, row: number, cols: Columns): TotalRow {
  const labelSlot = view.slot(row, cols.left);
  const pick = (map: Map<Level, number>): Slot | undefined => {
    for (const l of [1, 2, 3] as Level[]) {
      const s = numberSlot(view, row, map.get(l));
      if (s) return s;
    }
    return undefined;
  };
  let score = pick(cols.perLevel.score);
  if (!score) {
    // 总分 | 100 | … | 得分 | 88.7: the score follows a 得分 label somewhere in the row.
    for (let c = cols.left; c <= view.cols && !score; c++) {
      if (/^(得分|自评得分|总得分)$/.test(normalizeText(view.text(row, c)))) {
        for (let k = c + 1; k < view.cols && !score; k++) score = numberSlot(view, row, k);
      }
    }
  }
  const weight = pick(cols.perLevel.weight);
  return { row, labelSlot, weight: weight && weightInPoints(weight), score };
}

/**
 * A 小计 row closes the block above it: its weight and score are the block's
 * (the open level-1 node's) when the block has none of its own, and are
 * never a further indicator, which would count the block twice.
 */
function readSubtotalRow(view: SheetView, row: number, cols: Columns, block: IndicatorNode | undefined): void {
  if (!block) return;
  const subtotal = readTotalRow(view, row, cols);
  if (!block.weight && subtotal.weight) block.weight = subtotal.weight;
  if (!block.score && subtotal.score) block.score = subtotal.score;
  block.bottom = row;
}

/** The grade printed beside a 绩效等级 label in the rows from `from` to `to`. */
function findGrade(view: SheetView, from: number, to: number): { slot: Slot; row: number } | undefined {
  for (let r = from; r <= Math.min(to, view.rows - 1); r++) {
    for (let c = 0; c < view.cols; c++) {
      if (!isGradeLabel(view.text(r, c))) continue;
      for (let k = c + 1; k < view.cols; k++) {
        if (!view.isBlank(r, k)) return { slot: view.slot(r, k), row: r };
      }
      if (!view.isBlank(r + 1, c)) return { slot: view.slot(r + 1, c), row: r + 1 };
    }
  }
  return undefined;
}

function kindOf(cols: Columns): TableKind {
  if (cols.perRow.narrative !== undefined) return 'indicator-completion';
  if (cols.perLevel.scoreRate.size > 0 || [...cols.perLevel.score.keys()].some((l) => l < 3 && cols.level.has(3))) {
    return 'score-summary';
  }
  if (cols.perRow.target !== undefined && cols.perLevel.weight.size === 1) return 'project-form';
  if (cols.perLevel.weight.size >= 2) return 'overall-2021';
  return 'indicators';
}

/** A weight stated in words, as a number slot at the cell that states it (no cell: `found` shows the number). */
function statedSlot(at: Slot, weight: string): Slot {
  return { row: at.row, col: at.col, address: at.address, value: parseTypedText(weight) };
}

/** How far below a table its footnote (注：…) may sit. */
const FOOTNOTE_ROWS = 6;

/** Level-1 weights the form's footnote states (docs/domain.md §2 E), for level-1 nodes with no weight of their own. */
function readFootnoteWeights(view: SheetView, lastRow: number, roots: IndicatorNode[], stated: Map<IndicatorNode, Slot>): void {
  const unweighted = roots.filter((n) => n.level === 1 && !n.weight && !stated.has(n));
  if (unweighted.length === 0) return;
  for (let r = lastRow + 1; r <= Math.min(lastRow + FOOTNOTE_ROWS, view.rows - 1); r++) {
    for (let c = 0; c < view.cols; c++) {
      const text = view.text(r, c);
      if (text.length < 4) continue;
      for (const node of unweighted) {
        const w = weightInFootnote(text, labelWithoutWeight(node.label));
        if (w !== undefined && !stated.has(node)) stated.set(node, statedSlot(view.slot(r, c), w));
      }
    }
  }
}

/** The deepest level with a node still open: the parent of a new row. */
function finestOpen(open: Partial<Record<Level, IndicatorNode>>): IndicatorNode | undefined {
  return open[3] ?? open[2] ?? open[1];
}

/**
 * A filled cell of this column: a cell merged across from a column to its
 * left belongs to that column only (docs/domain.md §2 D). One merged down over
 * several rows (a narrative shared by two indicators) serves each row.
 */
function slotInColumn(view: SheetView, row: number, col: number): Slot | undefined {
  const s = view.filledSlot(row, col);
  return s && s.col === col ? s : undefined;
}

/**
 * The words that name a row: the first text between the table's edges,
 * including a cell merged across from the left on this row (总分 in A31:F31
 * of a table whose first role column is B). A cell merged down from a row
 * above names that row, not this one.
 */
function rowLabel(view: SheetView, row: number, left: number, right: number): string {
  for (let c = left; c <= right; c++) {
    const m = view.merge(row, c);
    const t = m && m.top === row ? view.text(row, m.left) : view.text(row, c);
    if (t.trim() !== '') return t;
  }
  return '';
}

/** A cell that says something: a number, or words other than a filler (—, /, 无). */
function saysSomething(slot: Slot | undefined): boolean {
  return slot !== undefined && !(slot.value.kind === 'qualitative' && isPlaceholderLabel(slot.value.text));
}

/** True when a node carries anything to check: a value, a target or an actual, or children. */
function carriesValues(node: IndicatorNode): boolean {
  return node.children.length > 0 || PER_LEVEL.some((r) => saysSomething(node[r])) || PER_ROW.some((r) => saysSomething(node[r]));
}

/**
 * Template rows left unfilled are not indicators and never void a sum
 * (docs/domain.md §2 A): a `……` / `—` / `指标1：` row with nothing in it, and a
 * category above the finest level that is left with no child and no value
 * (经济效益指标 whose only row was `指标1：`). A node with a weight and a
 * blank score is kept: it is incomplete, not a placeholder.
 */
function withoutPlaceholders(nodes: IndicatorNode[], finest: Level, stated: Map<IndicatorNode, Slot>): IndicatorNode[] {
  return nodes.filter((node) => {
    node.children = withoutPlaceholders(node.children, finest, stated);
    if (carriesValues(node) || stated.has(node)) return true;
    return !isPlaceholderLabel(node.label) && node.level === finest;
  });
}

/** How many blank rows may separate two parts of one table (before 效益, before 总分; docs/domain.md §2 M). */
const MAX_BLANK_ROWS = 3;

/** True when the row holds the table's roles: a label in a level column and a number in a weight or score column. */
function holdsRoles(view: SheetView, row: number, cols: Columns): boolean {
  const labelled = [...cols.level.values()].some((c) => slotInColumn(view, row, c) !== undefined);
  const numbers = [...cols.perLevel.weight.values(), ...cols.perLevel.score.values()];
  return labelled && numbers.some((c) => numberSlot(view, row, c) !== undefined);
}

/** True when a header row names only columns the table already has, each with the same role (a page break's repeat). */
function repeatsColumns(roles: Map<number, ColumnRole>, again: Map<number, ColumnRole>): boolean {
  return [...again].every(([c, role]) => roles.get(c) === role);
}

/**
 * A blank row inside a table does not end it (docs/domain.md §2 M): the table goes on
 * when the next filled row holds its roles, is its 总分 row or repeats its
 * header (a page break), and ends at a new header, a footnote or anything else.
 */
function continuesAfterBlank(
  view: SheetView,
  blank: number,
  roles: Map<number, ColumnRole>,
  cols: Columns,
  right: number,
): boolean {
  for (let r = blank + 1; r <= Math.min(blank + MAX_BLANK_ROWS, view.rows - 1); r++) {
    if (view.isBlankRow(r, cols.left, right)) continue;
    const header = classifyHeaderRow(view, r);
    if (header) return repeatsColumns(roles, header.roles);
    return isTotalLabel(rowLabel(view, r, cols.left, right)) || holdsRoles(view, r, cols);
  }
  return false;
}

/**
 * Reads the table whose header is `header`; returns it and the last row it
 * used. Later header rows of the same family directly below data continue
 * the table with new columns (layout A) or repeat it, in full or for the
 * finer columns only (page breaks, docs/domain.md §2 E).
 */
export function readIndicatorTable(view: SheetView, header: HeaderRow): { table: IndicatorTable; lastRow: number } {
  const split = findSplitTarget(view, header);
  const twoRows = twoRowHeader(view, header, split);
  let roles = twoRows.roles;
  let cols = columnsOf(roles);
  let levels = [...cols.level.keys()].sort();
  const roots: IndicatorNode[] = [];
  const open: Partial<Record<Level, IndicatorNode>> = {};
  const statedWeights = new Map<IndicatorNode, Slot>();
  let total: TotalRow | undefined;
  let lastRow = twoRows.lastRow;
  let right = cols.right;

  /** One row's nodes, from the level columns left of `before` (a partial header's first column). */
  const readRow = (r: number, before: number): void => {
    let startedHere: IndicatorNode | undefined;
    for (const level of levels) {
      const col = cols.level.get(level)!;
      if (col >= before || view.isHidden(r, col) || view.isBlank(r, col)) continue;
      const label = view.text(r, col);
      const current = open[level];
      const higherStarted = startedHere !== undefined;
      // A level typed again on every row (no merges) is the same node, not a new one.
      if (current && !higherStarted && (current.label === label || normalizeText(current.label) === normalizeText(label)))
        continue;
      const node: IndicatorNode = {
        level,
        label,
        labelSlot: view.slot(r, col),
        top: r,
        bottom: r,
        bonus: isBonusLabel(label),
        children: [],
      };
      for (const role of PER_LEVEL) {
        const c = cols.perLevel[role].get(level);
        // A weight or score belongs to the node whose row it starts on.
        const s = c !== undefined && c < before ? slotInColumn(view, r, c) : undefined;
        if (s && s.row === r) node[role] = role === 'weight' ? weightInPoints(s) : s;
      }
      const stated = level === 1 ? weightInLabel(label) : undefined;
      if (stated !== undefined) statedWeights.set(node, statedSlot(node.labelSlot, stated));
      for (let l = level; l <= 3; l++) open[l as Level] = undefined;
      const parent = finestOpen(open);
      if (parent) {
        node.bonus ||= parent.bonus;
        parent.children.push(node);
      } else roots.push(node);
      open[level] = node;
      startedHere = node;
    }
    if (startedHere && before === Infinity && finestOpen(open) === startedHere) readRowValues(r, startedHere);
    for (let l = 1; l <= 3; l++) {
      const n = open[l as Level];
      if (n) n.bottom = r;
    }
  };

  /** Target, actual, narrative and rate of the row's finest node. */
  const readRowValues = (r: number, node: IndicatorNode): void => {
    for (const role of PER_ROW) {
      const c = cols.perRow[role];
      const s = c !== undefined ? slotInColumn(view, r, c) : undefined;
      if (role === 'target' && split) node.target = splitTargetSlot(view, r, split);
      else if (role === 'actual' && s) node.actual = actualSlot(s, targetUnit(view, r, split));
      else if (s) node[role] = s;
    }
  };

  for (let r = lastRow + 1; r < view.rows; r++) {
    const again = classifyHeaderRow(view, r);
    if (again) {
      if (again.family !== 'indicators' || (view.isBlankRow(r - 1) && !repeatsColumns(roles, again.roles))) break;
      roles = repeatedHeaderRoles(roles, again.roles);
      cols = columnsOf(roles);
      levels = [...cols.level.keys()].sort();
      right = Math.max(right, cols.right);
      lastRow = r;
      // Level-1/2 labels to the left of a partial header still start their nodes.
      readRow(r, Math.min(...again.roles.keys()));
      continue;
    }
    if (view.isBlankRow(r, cols.left, right)) {
      if (continuesAfterBlank(view, r, roles, cols, right)) continue;
      break;
    }
    const label = rowLabel(view, r, cols.left, right);
    if (isTotalLabel(label)) {
      total = readTotalRow(view, r, cols);
      lastRow = r;
      // A 总分 directly under the header totals the rows below it (docs/domain.md §2 K).
      if (roots.length === 0) continue;
      break;
    }
    if (isGradeLabel(label) || isFootnoteLabel(label)) break;
    lastRow = r;
    if (isNoteLabel(label)) continue;
    if (isSubtotalLabel(label)) {
      readSubtotalRow(view, r, cols, open[1] ?? open[2]);
      continue;
    }
    readRow(r, Infinity);
  }

  const gradeFrom = total && total.row === lastRow ? total.row : lastRow + 1;
  const grade = findGrade(view, gradeFrom, gradeFrom + 3);
  if (grade) lastRow = Math.max(lastRow, grade.row);
  const finest = Math.max(...levels) as Level;
  const kept = withoutPlaceholders(roots, finest, statedWeights);
  readFootnoteWeights(view, lastRow, kept, statedWeights);
  const table: IndicatorTable = {
    type: 'indicators',
    kind: kindOf(cols),
    sheet: view.name,
    top: header.row,
    left: cols.left,
    bottom: lastRow,
    right,
    roots: kept,
    total,
    extraParts: [],
    grade: grade?.slot,
    statedWeights,
  };
  return { table, lastRow };
}
