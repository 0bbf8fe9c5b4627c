/**
 * Parent and child rows of a budget table (layout D, E's funds block, the
 * national variants G and I): totals (合计, 总额) sit at depth 0; children are
 * marked by indentation, 其中：, or numbering such as 一、（一）1.（1）①, in
 * the label or in a 序号 column (docs/domain.md §2 layout D). A total opens the rows
 * below it when it heads the table, and closes the run above it when it ends
 * one; a 小计 always closes the run above it (variant I).
 */
import { normalizeText } from '../values/normalize-text';
import { isSubtotalLabel } from './headers';

const TOTAL = /(合计|总计|总额|总数|^总)/;
const WHEREOF = /^其中[:：]?/;

/** Numbering styles, each a level of an outline; which is deeper depends on the table. */
const NUMBERING: readonly RegExp[] = [
  /^[一二三四五六七八九十]+[、.．]/,
  /^[(（][一二三四五六七八九十]+[)）]/,
  /^\d+[、.．](?!\d)/,
  /^[(（]\d+[)）]/,
  /^[①-⑳]/,
];
/** A bare 1, 2 … in a 序号 column is the same level as a 1. in the label. */
const ARABIC = 2;
const BARE_ARABIC = /^\d+$/;

const LEADING_SPACE = /^[\s\u3000]+/;

export interface RowMarks {
  total: boolean;
  /** A 小计 row, or one named for what it subtotals (公务用车小计). */
  subtotal: boolean;
  whereof: boolean;
  /** Width of leading whitespace: a full-width space counts 2, others 1. */
  indent: number;
  /** Index into NUMBERING, or -1. */
  numbering: number;
}

function numberingOf(text: string): number {
  return NUMBERING.findIndex((re) => re.test(text));
}

/** `seq` is the row's 序号 cell, where the table numbers its rows in a column of their own. */
export function rowMarks(label: string, seq = ''): RowMarks {
  const lead = LEADING_SPACE.exec(label)?.[0] ?? '';
  let indent = 0;
  for (const ch of lead) indent += ch === '\u3000' ? 2 : 1;
  const text = normalizeText(label);
  const whereof = WHEREOF.test(text);
  const body = text.replace(WHEREOF, '');
  const seqText = normalizeText(seq);
  const numbering = numberingOf(body) >= 0 ? numberingOf(body) : BARE_ARABIC.test(seqText) ? ARABIC : numberingOf(seqText);
  const subtotal = !whereof && body.endsWith('小计');
  const total = !whereof && !subtotal && numbering < 0 && TOTAL.test(body);
  return { total, subtotal, whereof, indent, numbering };
}

/** The label without its outline number: （一）人员经费 → 人员经费. */
export function withoutNumbering(label: string): string {
  const text = normalizeText(label);
  const style = NUMBERING.find((re) => re.test(text));
  return style ? text.replace(style, '') : text;
}

/** What a subtotal is named for: 公务用车小计 → 公务用车; a bare 小计 → ''. */
function subtotalName(label: string): string {
  return isSubtotalLabel(label) ? '' : withoutNumbering(label).replace(/小计$/, '');
}

function rankOf(values: number[]): Map<number, number> {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  return new Map(sorted.map((v, i) => [v, i]));
}

export interface HierarchyRow {
  label: string;
  /** The row's 序号 cell, when the table has one apart from the label. */
  seq?: string;
  /** True for a row that carries no amount: a section heading such as 一、检测设备购置. */
  heading?: boolean;
}

export interface RowPlace {
  depth: number;
  parent?: number;
}

/** Depths from indentation and numbering, before totals are placed. */
function outlineDepths(marks: readonly RowMarks[]): number[] {
  const indentRank = rankOf(marks.map((m) => m.indent));
  // The first numbering style met is the outermost, the next one nested inside it.
  const styleOrder: number[] = [];
  for (const m of marks) if (m.numbering >= 0 && !styleOrder.includes(m.numbering)) styleOrder.push(m.numbering);

  const depths: number[] = [];
  // 其中：甲 / 　　　乙: the rows after a 其中： row are indented to line up with
  // its text, not nested under it; they are its siblings until the indent returns.
  let whereof: { indent: number; numbering: number; depth: number } | undefined;
  marks.forEach((m, i) => {
    if (m.total) {
      whereof = undefined;
      depths.push(0);
      return;
    }
    let depth = 1 + Math.max(indentRank.get(m.indent) ?? 0, styleOrder.indexOf(m.numbering) + 1);
    const above = depths[i - 1];
    if (m.whereof && above !== undefined) {
      depth = Math.max(depth, above + 1);
      whereof = { indent: m.indent, numbering: m.numbering, depth };
    } else if (whereof && m.indent > whereof.indent && m.numbering === whereof.numbering) {
      depth = whereof.depth;
    } else if (whereof && m.indent <= whereof.indent) {
      whereof = undefined;
    }
    depths.push(depth);
  });
  return depths;
}

/**
 * Whether a total row closes the run above it rather than opening the rows
 * below: a 小计 always does; a 合计 does unless it heads the table, is
 * followed by its 其中： parts, or the rows above already have their total.
 */
function closesRunAbove(m: RowMarks, next: RowMarks | undefined, first: boolean, runOpen: boolean): boolean {
  if (m.subtotal) return !first;
  if (!m.total || first || !runOpen) return false;
  return !next?.whereof;
}

interface OpenRow {
  index: number;
  depth: number;
  total: boolean;
}

/** Closes the open rows as deep as `depth` or deeper: the one left on top is the parent of a row at `depth`. */
function parentOnTop(open: OpenRow[], depth: number): number | undefined {
  let top = open[open.length - 1];
  while (top && top.depth >= depth) {
    open.pop();
    top = open[open.length - 1];
  }
  return top?.index;
}

/**
 * Depths and parents for a table's rows. A row's parent is the nearest row
 * above it with a smaller depth, or the total or 小计 below that closes its
 * run. A heading row without amounts passes its children on to its own
 * parent: it adds nothing to a sum, so its parts count in its place.
 */
export function rowHierarchy(input: readonly (string | HierarchyRow)[]): RowPlace[] {
  const rows = input.map((r) => (typeof r === 'string' ? { label: r } : r));
  const marks = rows.map((r) => rowMarks(r.label, r.seq));
  const depths = outlineDepths(marks);
  const parents: (number | undefined)[] = [];
  const closing: boolean[] = [];

  // The rows still open as parents, depths rising: a stack keeps the search linear
  // (scanning back from each row was quadratic under one 合计 row).
  const open: OpenRow[] = [];
  /** First row of the run a closing total would close: after the last total. */
  let runStart = 0;
  for (const [i, m] of marks.entries()) {
    // outlineDepths gives every row a depth: depths[i] (this row) and depths[p] (a part, a row above) exist.
    const closes = closesRunAbove(m, marks[i + 1], i === 0, i > runStart && !open.some((o) => o.total));
    closing.push(closes);
    if (closes) {
      parents.push(undefined);
      const parts = closedParts(rows, marks, parents, closing, runStart, i);
      for (const p of parts) parents[p] = i;
      if (m.subtotal) {
        // Its depth is its parts' (reduce, not a spread: a 小计 may close thousands of rows).
        if (parts.length > 0) depths[i] = parts.reduce((d, p) => Math.min(d, depths[p]!), Infinity);
        // The 小计 takes its run's place under the heading it closes, if any.
        parents[i] = parentOnTop(open, depths[i]!);
      } else {
        open.length = 0;
        runStart = i + 1;
      }
      continue;
    }
    if (m.total) {
      open.length = 0;
      runStart = i + 1;
    }
    const depth = depths[i]!;
    parents.push(parentOnTop(open, depth));
    open.push({ index: i, depth, total: m.total });
  }

  passOverHeadings(rows, parents);
  detachLoneWhereof(marks, parents);
  return depths.map((depth, i) => (parents[i] === undefined ? { depth } : { depth, parent: parents[i] }));
}

/**
 * The rows a closing total at `at` adds up: the top rows of the run back to
 * the previous total (a 小计 stops at its section's heading or the previous
 * 小计), a 小计 covering the rows it closed. A named 小计 (公务用车小计)
 * takes only the rows right above it that carry its name.
 */
function closedParts(
  rows: readonly HierarchyRow[],
  marks: readonly RowMarks[],
  parents: readonly (number | undefined)[],
  closing: readonly boolean[],
  runStart: number,
  at: number,
): number[] {
  // `at` and every j below are row indexes of the run, inside rows, marks and closing.
  const closer = rows[at]!;
  const subtotal = marks[at]!.subtotal;
  let from = at;
  while (from > runStart) {
    const j = from - 1;
    // A heading opens the section when the row below it is its child; an item with no
    // amounts at the level of its neighbours (2.乙 left blank) is passed over.
    if (subtotal && (closing[j] || (rows[j]!.heading && parents[j + 1] === j))) break;
    from = j;
  }
  const inRun = (p: number | undefined) => p !== undefined && p >= from && p < at;
  let parts: number[] = [];
  for (let j = from; j < at; j++) if (!rows[j]!.heading && !inRun(effectiveParent(rows, parents, j))) parts.push(j);
  const name = subtotal ? subtotalName(closer.label) : '';
  if (name !== '') {
    const named: number[] = [];
    for (const part of [...parts].reverse()) {
      if (!normalizeText(rows[part]!.label).includes(name)) break;
      named.push(part);
    }
    if (named.length > 0) parts = named.reverse();
  }
  return parts;
}

/** A row's parent, skipping headings that carry no amount of their own. */
function effectiveParent(rows: readonly HierarchyRow[], parents: readonly (number | undefined)[], i: number): number | undefined {
  let p = parents[i];
  // A parent is the index of a row.
  while (p !== undefined && rows[p]!.heading) p = parents[p];
  return p;
}

/**
 * 其中：三公经费 as the only row under 支出合计 names one part of the total,
 * not all of them ("of which"): a parent whose one child is a 其中： row has
 * no breakdown to add up.
 */
function detachLoneWhereof(marks: readonly RowMarks[], parents: (number | undefined)[]): void {
  const childCount = new Map<number, number>();
  for (const p of parents) if (p !== undefined) childCount.set(p, (childCount.get(p) ?? 0) + 1);
  for (const [i, m] of marks.entries()) {
    const p = parents[i];
    if (p !== undefined && childCount.get(p) === 1 && m.whereof) parents[i] = undefined;
  }
}

function passOverHeadings(rows: readonly HierarchyRow[], parents: (number | undefined)[]): void {
  for (let i = 0; i < rows.length; i++) parents[i] = effectiveParent(rows, parents, i);
}
