/**
 * Root cause, not echoes (docs/domain.md §4). One wrong cell makes other
 * cells look wrong: a wrong child amount its parent's total and its
 * execution rate, a wrong 执行率 the funds score. An error whose inputs
 * include another error's cell, and that vanishes when that cell holds the
 * value its own finding expects, follows from it: it stays as an `info`
 * naming its cause ("随 B9 而错"), without a Fix — fixing it would write a
 * second wrong value. Plain sum formulas over the cause are followed, so a
 * total that adds it up moves with it as it would in Excel. A finding that
 * agrees with a wrong input as printed (a funds score worked out from a
 * wrong 执行率) is that input's echo too.
 */
import Decimal from 'decimal.js';
import { numberOf } from './arithmetic/precision';
import type { Rule } from './checks/rule';
import type { Finding, LocalizedText } from './findings/finding';
import { parseA1 } from './grid/grid';
import type { SheetView } from './grid/sheet-view';
import { summedCells } from './grid/sum-formula';
import { numericSlots } from './layout/numeric-slots';
import type { Slot, Table } from './layout/tables';
import { draftFinding, type Draft, type TableRun } from './drafts';
import { withValue } from './values/shown-number';
import type { TypedNumber } from './values/typed-value';

/** Runs one rule again on a fresh copy of a table (analyses cached per table object are made anew). */
export type Recheck = (rule: Rule, run: TableRun) => Draft[];

/** Formulas are followed this many steps deep (a level-3 → level-2 → level-1 → 总分 chain is 3). */
const MAX_FORMULA_DEPTH = 6;

/**
 * Marks echoes among the drafts and returns the root causes found across
 * rules, each to be listed before the total it was first reported at.
 */
export function markEchoes(drafts: readonly Draft[], recheck: Recheck): Map<Draft, Draft> {
  const errors = drafts.filter((d) => d.finding.severity === 'error');
  // Each error's precedents are asked for once per candidate cause: worked out once.
  const cache = new Map<Draft, Set<string>>();
  const precedentsOf = (d: Draft) => cache.get(d) ?? cache.set(d, precedents(d)).get(d)!;
  const roots = relocateRoots(errors, recheck, precedentsOf);
  const all = [...errors, ...roots.values()];
  const causesAt = new Map<string, Draft[]>();
  for (const d of all) {
    if (!d.rule.meta.determinesValue || typeof d.finding.fixValue !== 'number' || d.finding.cause !== undefined) continue;
    const key = keyOf(d.run.view, d.slot.address);
    causesAt.set(key, [...(causesAt.get(key) ?? []), d]);
  }
  for (const echo of errors) {
    if (echo.finding.cause !== undefined) continue;
    const followed = echo.followsFrom && causesAt.get(keyOf(echo.run.view, echo.followsFrom.address))?.[0];
    const cause =
      followed ??
      [...precedentsOf(echo)]
        .flatMap((key) => causesAt.get(key) ?? [])
        .find((c) => c.slot !== echo.slot && c.finding.cause === undefined && vanishesWhenCorrected(echo, c, recheck));
    if (cause) becomeEcho(echo.finding, cause.finding);
  }
  return roots;
}

/**
 * A sum reported at its total could as well be put right at one of its
 * parts. Where correcting one part makes the sum hold and another rule's
 * error vanish too (a wrong child amount behind its parent's total and its
 * own execution rate), that part is the one cell explaining both: the root.
 */
function relocateRoots(errors: readonly Draft[], recheck: Recheck, precedentsOf: (d: Draft) => Set<string>): Map<Draft, Draft> {
  const roots = new Map<Draft, Draft>();
  for (const total of errors) {
    for (const alt of total.alternatives) {
      const key = keyOf(total.run.view, alt.slot.address);
      // Another rule's error: within one rule, resolveSums already finds the cell that explains its sums.
      const others = errors.filter((e) => e.rule !== total.rule && e.slot !== alt.slot && precedentsOf(e).has(key));
      if (others.length === 0) continue;
      const explained = underCorrection(total.run, alt.slot, alt.fix, () =>
        stillReported(total, recheck) ? [] : others.filter((e) => !stillReported(e, recheck)),
      );
      if (!explained || explained.length === 0) continue;
      const totals = [total, ...explained].map((d) => d.finding.cell).join(', ');
      const options = { expected: alt.expected, fix: alt.fix, inputs: total.inputs };
      const root = draftFinding(total.rule, total.rule, total.run, alt.slot, 'root', { totals }, options);
      becomeEcho(total.finding, root.finding);
      roots.set(total, root);
      break;
    }
  }
  return roots;
}

function keyOf(view: SheetView, address: string): string {
  return `${view.name}!${address}`;
}

/** The echo's inputs and, through plain sum formulas, the cells they add up. */
function precedents(echo: Draft): Set<string> {
  const view = echo.run.view;
  const out = new Set<string>();
  let frontier = echo.inputs.map((s) => s.address);
  for (let depth = 0; depth <= MAX_FORMULA_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const address of frontier) {
      const key = keyOf(view, address);
      if (out.has(key)) continue;
      out.add(key);
      const at = parseA1(address);
      const formula = at && view.slot(at.row, at.col).cell?.formula;
      if (formula) next.push(...(summedCells(formula) ?? []));
    }
    frontier = next;
  }
  return out;
}

function vanishesWhenCorrected(echo: Draft, cause: Draft, recheck: Recheck): boolean {
  return underCorrection(cause.run, cause.slot, cause.finding.fixValue as number, () => !stillReported(echo, recheck)) ?? false;
}

function stillReported(d: Draft, recheck: Recheck): boolean {
  return recheck(d.rule, d.run).some((again) => again.finding.severity === 'error' && again.finding.cell === d.finding.cell);
}

/**
 * Runs `ask` with `slot` holding `fix` — and the plain-sum formula cells of
 * its table moved by the same amount — then puts every value back;
 * undefined when the slot holds no number to correct.
 */
function underCorrection<T>(run: TableRun, slot: Slot, fix: number, ask: () => T): T | undefined {
  const corrected = correctedValues(run, slot, new Decimal(fix));
  if (corrected.size === 0) return undefined;
  const originals = [...corrected.keys()].map((s) => [s, s.value] as const);
  for (const [s, value] of corrected) s.value = value;
  try {
    return ask();
  } finally {
    for (const [s, value] of originals) s.value = value;
  }
}

/** A table's plain-sum formula cells, found once per table: every correction asked of it reads them. */
const sumFormulas = new WeakMap<Table, { slot: Slot; summed: Set<string> }[]>();
function sumFormulasOf(table: Table): { slot: Slot; summed: Set<string> }[] {
  let found = sumFormulas.get(table);
  if (!found) {
    found = numericSlots(table).flatMap((slot) => {
      const summed = slot.cell?.formula ? summedCells(slot.cell.formula) : undefined;
      return summed ? [{ slot, summed }] : [];
    });
    sumFormulas.set(table, found);
  }
  return found;
}

function correctedValues(run: TableRun, slot: Slot, fix: Decimal): Map<Slot, TypedNumber> {
  const out = new Map<Slot, TypedNumber>();
  const n = numberOf(slot);
  if (!n) return out;
  out.set(slot, withValue(n, fix));
  const delta = new Map<string, Decimal>([[slot.address, fix.minus(n.value)]]);
  const formulas = sumFormulasOf(run.table);
  for (let depth = 0; depth < MAX_FORMULA_DEPTH; depth++) {
    let moved = false;
    for (const { slot: s, summed } of formulas) {
      const own = numberOf(s);
      if (!own || delta.has(s.address)) continue;
      const hits = [...delta].filter(([a]) => summed.has(a));
      if (hits.length === 0) continue;
      const by = hits.reduce((sum, [, d]) => sum.plus(d), new Decimal(0));
      delta.set(s.address, by);
      out.set(s, withValue(own, own.value.plus(by)));
      moved = true;
    }
    if (!moved) break;
  }
  return out;
}

const ECHO_NOTE: LocalizedText = { 'zh-CN': '随 {cause} 而错：', 'en-US': 'Follows from {cause}: ' };

function becomeEcho(echo: Finding, cause: Finding): void {
  echo.severity = 'info';
  echo.cause = cause.cell;
  delete echo.fixValue;
  for (const lang of ['zh-CN', 'en-US'] as const) {
    echo.message[lang] = ECHO_NOTE[lang].replace('{cause}', cause.cell) + echo.message[lang];
  }
}
