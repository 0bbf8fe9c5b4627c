/**
 * What a reviewer's summary says of one form besides its findings: the unit
 * or project it names, its total score and grade as printed and as they
 * should be, and a fingerprint to spot the same form submitted twice.
 *
 * The engine's result names tables and findings but not these cells, so
 * they are found here in the grid, inside the ranges the engine reported.
 * This is header vocabulary outside the core (issue 10 wants it in
 * core/layout); it should move there once the core exposes each table's
 * total row, grade cell and indicator labels.
 */
import {
  colCount,
  isCellError,
  parseA1,
  parseRangeA1,
  toA1,
  type Cell,
  type CellRange,
  type Finding,
  type Profile,
  type Sheet,
  type TableKind,
  type Workbook,
  type WorkbookResult,
} from '../core';

export interface FormFacts {
  /** The project or unit name as the form states it (项目名称, else 单位名称 …, else the title). */
  name?: string;
  scorePrinted?: string;
  /** The sum the engine expects where it reported the total wrong; the printed total where it did not. */
  scoreRecomputed?: string;
  gradePrinted?: string;
  /** The engine's expected grade where it reported one, else the profile's band for the recomputed score. */
  gradeExpected?: string;
  /** Every number of the workbook in order: equal for two copies of one submission. */
  fingerprint: string;
  /** The indicator (or item) each finding's row belongs to, by `sheet!cell`. */
  indicators: Map<string, string>;
}

/** Tables with a 总分 row and a grade. */
const SCORED_KINDS: ReadonlySet<TableKind> = new Set(['overall-2021', 'score-summary', 'project-form', 'indicators']);

/** Labels that introduce a name, most specific first: a project form names its project before its unit. */
const NAME_LABELS = [/^项目名称/, /^(部门（单位）|部门\(单位\)|单位|部门)名称/, /^(填报|项目|实施|预算)单位/, /^主管部门/];
const TOTAL_LABEL = /^(总分|合计|总计)$/;
const GRADE_LABEL = /^(绩效等级|自评等级|评价等级|评价结果|等级)/;
/** Header words of a column holding indicator or item names, not values about them. */
const INDICATOR_HEADER = /指标|项目/;
const NOT_INDICATOR_HEADER = /指标值|指标解释|完成|说明|实际|分值|得分|权重|标准/;

function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null || isCellError(cell.value)) return '';
  return String(cell.text ?? cell.value).trim();
}

function squeeze(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

function cellAtRC(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

/** The text shown at (row, col): a merged area's text is its top-left cell's. */
function shownText(sheet: Sheet, row: number, col: number): string {
  const merge = sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  return merge ? cellText(cellAtRC(sheet, merge.top, merge.left)) : cellText(cellAtRC(sheet, row, col));
}

function nextTextRight(sheet: Sheet, row: number, col: number): string {
  for (let c = col + 1; c < colCount(sheet); c++) {
    const text = cellText(cellAtRC(sheet, row, c));
    if (text) return text;
  }
  return '';
}

function formName(workbook: Workbook): string | undefined {
  for (const label of NAME_LABELS) {
    for (const sheet of workbook.sheets) {
      for (let r = 0; r < Math.min(sheet.rows.length, 12); r++) {
        const row = sheet.rows[r] ?? [];
        for (let c = 0; c < row.length; c++) {
          const text = cellText(row[c]);
          if (!label.test(squeeze(text))) continue;
          // "单位名称：某某局    自评得分：95.8分" holds its value after the colon; else the next cell does.
          const colon = text.search(/[:：]/);
          const inline =
            colon >= 0
              ? text
                  .slice(colon + 1)
                  .trim()
                  .split(/[\s\u3000]{2,}/)[0]
                  .trim()
              : '';
          const value = inline || nextTextRight(sheet, r, c);
          if (value) return value;
        }
      }
    }
  }
  // No label: the title, which usually names the unit ("××区政务服务数据管理局2022年度…").
  const title = workbook.sheets.map((s) => cellText(s.rows[0]?.find((c) => cellText(c)))).find(Boolean);
  return title || undefined;
}

function tableRange(range: string): CellRange | undefined {
  return parseRangeA1(range);
}

function firstText(sheet: Sheet, row: number, range: CellRange): { col: number; text: string } | undefined {
  for (let c = range.left; c <= range.right; c++) {
    const text = cellText(cellAtRC(sheet, row, c));
    if (text) return { col: c, text };
  }
  return undefined;
}

function findingAt(findings: readonly Finding[], sheet: string, cell: string, rule: Finding['rule']): Finding | undefined {
  return findings.find((f) => f.sheet === sheet && f.cell === cell && f.rule === rule);
}

function gradeFor(score: string | undefined, profile: Profile): string | undefined {
  const n = score === undefined ? NaN : Number(score.replace(/[,，分\s]/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return profile.gradeBands.find((b) => n >= b.min)?.label;
}

interface Scores {
  scorePrinted?: string;
  scoreRecomputed?: string;
  gradePrinted?: string;
  gradeExpected?: string;
}

function scoresOf(workbook: Workbook, result: WorkbookResult, profile: Profile): Scores {
  for (const table of result.tables) {
    if (!SCORED_KINDS.has(table.kind)) continue;
    const sheet = workbook.sheets.find((s) => s.name === table.sheet);
    const range = tableRange(table.range);
    if (!sheet || !range) continue;
    const out: Scores = {};
    // The grade row may sit just below the table's range.
    for (let r = range.top; r <= Math.min(range.bottom + 3, sheet.rows.length - 1); r++) {
      const label = firstText(sheet, r, range);
      if (!label) continue;
      if (out.scorePrinted === undefined && r <= range.bottom && TOTAL_LABEL.test(squeeze(label.text))) {
        // The total score is the row's last number (总分 | 100 | 得分 | 88.7).
        for (let c = range.right; c > label.col; c--) {
          const cell = cellAtRC(sheet, r, c);
          if (typeof cell?.value !== 'number') continue;
          out.scorePrinted = cellText(cell);
          out.scoreRecomputed = findingAt(result.findings, sheet.name, toA1(r, c), 'score-sum')?.expected ?? out.scorePrinted;
          break;
        }
      } else if (out.gradePrinted === undefined && GRADE_LABEL.test(squeeze(label.text))) {
        for (let c = label.col + 1; c < colCount(sheet); c++) {
          const text = cellText(cellAtRC(sheet, r, c));
          if (!text) continue;
          out.gradePrinted = text;
          out.gradeExpected = findingAt(result.findings, sheet.name, toA1(r, c), 'grade')?.expected;
          break;
        }
      }
    }
    out.gradeExpected ??= gradeFor(out.scoreRecomputed, profile);
    if (out.scorePrinted !== undefined || out.gradePrinted !== undefined) return out;
  }
  return {};
}

/** Columns whose header (the table's first rows) names indicators or items. */
function indicatorColumns(sheet: Sheet, range: CellRange): number[] {
  const cols: number[] = [];
  for (let c = range.left; c <= range.right; c++) {
    for (let r = range.top; r <= Math.min(range.top + 2, range.bottom); r++) {
      const text = squeeze(shownText(sheet, r, c));
      if (INDICATOR_HEADER.test(text) && !NOT_INDICATOR_HEADER.test(text)) {
        cols.push(c);
        break;
      }
    }
  }
  return cols;
}

function indicatorsOf(workbook: Workbook, result: WorkbookResult): Map<string, string> {
  const out = new Map<string, string>();
  const columns = new Map<number, number[]>();
  for (const f of result.findings) {
    const table = f.table === undefined ? undefined : result.tables[f.table];
    const sheet = workbook.sheets.find((s) => s.name === f.sheet);
    const range = table && tableRange(table.range);
    const at = parseA1(f.cell);
    if (!sheet || !range || !at) continue;
    if (!columns.has(f.table!)) columns.set(f.table!, indicatorColumns(sheet, range));
    // The nearest name column left of the finding: a level-2 weight's name is 二级指标, a score's 三级指标.
    const col = [...columns.get(f.table!)!].reverse().find((c) => c < at.col);
    const text = col !== undefined ? shownText(sheet, at.row, col) : '';
    const label = text || firstText(sheet, at.row, range)?.text || '';
    if (label) out.set(`${f.sheet}!${f.cell}`, label);
  }
  return out;
}

function fingerprintOf(workbook: Workbook): string {
  // FNV-1a over every number in reading order: two copies of one form agree, a changed digit does not.
  let hash = 0x811c9dc5;
  for (const sheet of workbook.sheets) {
    for (const row of sheet.rows) {
      for (const cell of row ?? []) {
        if (typeof cell?.value !== 'number') continue;
        for (const ch of `${cell.value};`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      }
    }
  }
  return hash.toString(16).padStart(8, '0');
}

export function formFacts(workbook: Workbook, result: WorkbookResult, profile: Profile): FormFacts {
  return {
    name: formName(workbook),
    ...scoresOf(workbook, result, profile),
    fingerprint: fingerprintOf(workbook),
    indicators: indicatorsOf(workbook, result),
  };
}
