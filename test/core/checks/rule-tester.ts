/**
 * ESLint-RuleTester-style tables for ScoreCheck's rules: each case is a small
 * sheet built in memory, named in words a domain expert can review.
 * `valid` cases must yield no finding of the rule; `invalid` cases must yield
 * exactly the listed findings of that rule (cell, and expected value where given).
 */
import { checkSheet } from '../../../src/core/engine';
import type { Finding, RuleId, WorkbookResult } from '../../../src/core/findings/finding';
import { parseRangeA1, type Cell, type CellValue, type Sheet } from '../../../src/core/grid/grid';
import type { Profile } from '../../../src/core/profile';

/** A cell as a test writes it: a plain value, or a Cell with formula / number format. */
export type CellInput = CellValue | Cell | undefined;

export interface SheetCase {
  /** What the case shows, in a reviewer's words. */
  name: string;
  rows: readonly (readonly CellInput[])[];
  merges?: readonly string[];
  profile?: Profile;
}

export interface ExpectedFinding {
  cell: string;
  /** The value the cell should hold, as the finding prints it; omitted: not asserted. */
  expected?: string;
  /** Which of the rule's sentences it says (a key of the rule's meta.messages). */
  messageId?: string;
  /** What Fix writes; `null`: the finding offers no Fix. */
  fix?: number | string | null;
  /** Numbers and names the Chinese sentence must contain, in order. */
  says?: readonly string[];
  /** For an echo: the cell whose finding explains it (the echo is info and has no Fix). */
  cause?: string;
}

export interface InvalidCase extends SheetCase {
  findings: readonly ExpectedFinding[];
}

function isCell(v: CellInput): v is Cell {
  return typeof v === 'object' && v !== null && 'value' in v;
}

/** Builds a sheet where entries may be plain values or full Cell objects. */
export function buildSheet(name: string, rows: readonly (readonly CellInput[])[], merges: readonly string[] = []): Sheet {
  return {
    name,
    rows: rows.map((row) =>
      row.map((v) => {
        if (isCell(v)) return v;
        return v === null || v === undefined || v === '' ? undefined : { value: v };
      }),
    ),
    merges: merges.map((m) => {
      const r = parseRangeA1(m);
      if (!r) throw new Error(`not a range: ${m}`);
      return r;
    }),
  };
}

/** Percent-formatted cell: `pct(0.9572)` shows 95.72%. */
export function pct(value: number, numFmt = '0.00%'): Cell {
  return { value, numFmt };
}

/** A cell with a formula and its cached result. */
export function formula(value: number, f: string, numFmt?: string): Cell {
  return numFmt ? { value, formula: f, numFmt } : { value, formula: f };
}

export function findingsOf(rule: RuleId, c: SheetCase): Finding[] {
  const sheet = buildSheet('表1', c.rows, c.merges);
  const result = checkSheet(sheet, c.profile ? { profile: c.profile } : {});
  return result.findings.filter((f) => f.rule === rule);
}

function describeFinding(f: Finding): string {
  return `${f.cell} (found ${f.found ?? '-'}, expected ${f.expected ?? '-'}): ${f.message['en-US']}`;
}

/** The parts of a finding a case asserts, in one line so a failure shows them side by side. */
function asserted(f: Finding, want: ExpectedFinding): string {
  const parts = [f.cell];
  if (want.expected !== undefined) parts.push(`expected ${f.expected}`);
  if (want.messageId !== undefined) parts.push(`says ${f.messageId}`);
  if (want.fix !== undefined) parts.push(`fix ${f.fixValue ?? null}`);
  if (want.cause !== undefined) parts.push(`echo of ${f.cause} (${f.severity})`);
  if (want.says !== undefined) {
    const text = f.message['zh-CN'];
    let at = 0;
    const inOrder = want.says.every((w) => (at = text.indexOf(w, at)) >= 0);
    parts.push(inOrder ? `names ${want.says.join(' … ')}` : `sentence “${text}”`);
  }
  return parts.join(', ');
}

function wanted(want: ExpectedFinding): string {
  const parts = [want.cell];
  if (want.expected !== undefined) parts.push(`expected ${want.expected}`);
  if (want.messageId !== undefined) parts.push(`says ${want.messageId}`);
  if (want.fix !== undefined) parts.push(`fix ${want.fix}`);
  if (want.cause !== undefined) parts.push(`echo of ${want.cause} (info)`);
  if (want.says !== undefined) parts.push(`names ${want.says.join(' … ')}`);
  return parts.join(', ');
}

/**
 * `valid`: no finding of the rule (an echo of another cell's finding is not
 * the rule's verdict); `invalid`: exactly the listed findings, each with what
 * it asserts — the sentence it says, the numbers in it, what Fix writes.
 */
export function ruleTester(rule: RuleId, cases: { valid: readonly SheetCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(
          findingsOf(rule, c)
            .filter((f) => !f.cause)
            .map(describeFinding),
        ).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const found = findingsOf(rule, c);
        expect(found.map((f) => f.cell).sort()).toEqual(c.findings.map((f) => f.cell).sort());
        for (const want of c.findings) {
          const hit = found.find((f) => f.cell === want.cell)!;
          expect(hit.rule).toBe(rule);
          expect(asserted(hit, want)).toBe(wanted(want));
        }
      });
    });
  });
}

/** Checks one sheet built from rows (and merges), as a user's workbook would be. */
export function checkRows(rows: readonly (readonly CellInput[])[], merges: readonly string[] = []): WorkbookResult {
  return checkSheet(buildSheet('表1', rows, merges));
}

/** Errors and warnings as "cell rule expected", sorted; infos are not verdicts. */
export function verdicts(result: WorkbookResult): string[] {
  return result.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.cell} ${f.rule}${f.expected !== undefined ? ` ${f.expected}` : ''}`)
    .sort();
}
