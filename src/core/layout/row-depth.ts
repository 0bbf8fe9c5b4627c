/**
 * Parent and child rows of a budget table (layout D, E's funds block):
 * totals (合计, 总额) sit at depth 0; children are marked by indentation,
 * 其中：, or numbering such as 一、（一）1.（1）① (SPEC §2 layout D).
 */
import { normalizeText } from '../values/normalize-text';

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

const LEADING_SPACE = /^[\s\u3000]+/;

export interface RowMarks {
  total: boolean;
  whereof: boolean;
  /** Width of leading whitespace: a full-width space counts 2, others 1. */
  indent: number;
  /** Index into NUMBERING, or -1. */
  numbering: number;
}

export function rowMarks(label: string): RowMarks {
  const lead = LEADING_SPACE.exec(label)?.[0] ?? '';
  let indent = 0;
  for (const ch of lead) indent += ch === '\u3000' ? 2 : 1;
  const text = normalizeText(label);
  const whereof = WHEREOF.test(text);
  const body = text.replace(WHEREOF, '');
  const numbering = NUMBERING.findIndex((re) => re.test(body));
  return { total: !whereof && numbering < 0 && TOTAL.test(body), whereof, indent, numbering };
}

function rankOf(values: number[]): Map<number, number> {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  return new Map(sorted.map((v, i) => [v, i]));
}

/**
 * Depths and parents for a column of row labels. A row's parent is the
 * nearest row above it with a smaller depth.
 */
export function rowHierarchy(labels: readonly string[]): { depth: number; parent?: number }[] {
  const marks = labels.map(rowMarks);
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
    if (m.whereof && i > 0) {
      depth = Math.max(depth, depths[i - 1] + 1);
      whereof = { indent: m.indent, numbering: m.numbering, depth };
    } else if (whereof && m.indent > whereof.indent && m.numbering === whereof.numbering) {
      depth = whereof.depth;
    } else if (whereof && m.indent <= whereof.indent) {
      whereof = undefined;
    }
    depths.push(depth);
  });

  // The rows still open as parents, depths rising: a stack keeps the search linear
  // (scanning back from each row was quadratic under one 合计 row).
  const open: number[] = [];
  return depths.map((depth, i) => {
    while (open.length > 0 && depths[open[open.length - 1]] >= depth) open.pop();
    const parent = open[open.length - 1];
    open.push(i);
    return parent === undefined ? { depth } : { depth, parent };
  });
}
