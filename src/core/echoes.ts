/**
 * Root cause, not echoes (docs/domain.md §4). One wrong cell makes other
 * cells look wrong: a wrong child amount its parent's total and its
 * execution rate, a wrong 执行率 the funds score. An error whose inputs
 * include another error's cell, and that vanishes when that cell holds the
 * value its own finding expects, follows from it: it stays as an `info`
 * naming its cause ("随 B9 而错"), without a Fix — fixing it would write a
 * second wrong value. Plain sum formulas over the cause are followed, so a
 * total that adds it up moves with it as it would in Excel.
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
import { withValue } from './values/shown-number';
import type { TypedNumber } from './values/typed-value';

/** One table with what its rules were run with. */
export interface TableRun {
  table: Table;
  index: number;
  view: SheetView;
  labels: Map<Slot, string>;
}

/** A finding with what the engine needs to judge it against the others. */
export interface Draft {
  finding: Finding;
  slot: Slot;
  inputs: readonly Slot[];
  rule: Rule;
  run: TableRun;
}

/** Runs one rule again on a fresh copy of a table (analyses cached per table object are made anew). */
export type Recheck = (rule: Rule, run: TableRun) => Draft[];

/** Formulas are followed this many steps deep (a level-3 → level-2 → level-1 → 总分 chain is 3). */
const MAX_FORMULA_DEPTH = 6;

export function markEchoes(drafts: readonly Draft[], recheck: Recheck): void {
  const errors = drafts.filter((d) => d.finding.severity === 'error');
  const causesAt = new Map<string, Draft[]>();
  for (const d of errors) {
    if (!d.rule.meta.determinesValue || typeof d.finding.fixValue !== 'number') continue;
    const key = keyOf(d.run.view, d.slot.address);
    causesAt.set(key, [...(causesAt.get(key) ?? []), d]);
  }
  if (causesAt.size === 0) return;
  for (const echo of errors) {
    const cause = [...precedents(echo)]
      .flatMap((key) => causesAt.get(key) ?? [])
      .find((c) => c.slot !== echo.slot && c.finding.cause === undefined && vanishesWhenCorrected(echo, c, recheck));
    if (cause) becomeEcho(echo.finding, cause.finding);
  }
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
  const corrected = correctedValues(cause);
  if (corrected.size === 0) return false;
  const originals = [...corrected.keys()].map((slot) => [slot, slot.value] as const);
  for (const [slot, value] of corrected) slot.value = value;
  try {
    const again = recheck(echo.rule, echo.run);
    return !again.some((d) => d.finding.severity === 'error' && d.finding.cell === echo.finding.cell);
  } finally {
    for (const [slot, value] of originals) slot.value = value;
  }
}

/** The cause's cell at its expected value, and the plain-sum formula cells of its table moved by the same amount. */
function correctedValues(cause: Draft): Map<Slot, TypedNumber> {
  const out = new Map<Slot, TypedNumber>();
  const n = numberOf(cause.slot);
  if (!n) return out;
  const fix = new Decimal(cause.finding.fixValue as number);
  out.set(cause.slot, withValue(n, fix));
  const delta = new Map<string, Decimal>([[cause.slot.address, fix.minus(n.value)]]);
  const formulas = numericSlots(cause.run.table).flatMap((slot) => {
    const summed = slot.cell?.formula ? summedCells(slot.cell.formula) : undefined;
    return summed ? [{ slot, summed }] : [];
  });
  for (let depth = 0; depth < MAX_FORMULA_DEPTH; depth++) {
    let moved = false;
    for (const { slot, summed } of formulas) {
      const own = numberOf(slot);
      if (!own || delta.has(slot.address)) continue;
      const hits = [...delta].filter(([a]) => summed.has(a));
      if (hits.length === 0) continue;
      const by = hits.reduce((sum, [, d]) => sum.plus(d), new Decimal(0));
      delta.set(slot.address, by);
      out.set(slot, withValue(own, own.value.plus(by)));
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
