/**
 * The tables detection finds and the checks read. A table is data about
 * cells — where each number sits and what it means — with no judgement in it.
 */
import type { Cell } from '../grid/grid';
import type { ColumnRole } from './headers';
import type { TableKind } from '../findings/finding';
import type { TypedValue } from '../values/typed-value';

/** A cell the checks may read or name in a finding. */
export interface Slot {
  row: number;
  col: number;
  /** A1 address (a merged cell's top-left). */
  address: string;
  value: TypedValue;
  cell?: Cell;
}

/** How amounts in a table were written (docs/domain.md §3 precision). */
export type AmountUnit = 'yuan' | 'scaled';

export interface IndicatorNode {
  level: 1 | 2 | 3;
  label: string;
  labelSlot: Slot;
  /** First and last sheet rows the node spans. */
  top: number;
  bottom: number;
  weight?: Slot;
  score?: Slot;
  scoreRate?: Slot;
  target?: Slot;
  actual?: Slot;
  /** Layout B: the actual value is inside this prose. */
  narrative?: Slot;
  rate?: Slot;
  /** 加减分项: score allowed within ±weight. */
  bonus: boolean;
  children: IndicatorNode[];
}

/** The weight and score a table's 总分 row adds up, with any part kept outside the tree. */
export interface TotalRow {
  row: number;
  labelSlot: Slot;
  weight?: Slot;
  score?: Slot;
}

/** Where a table sits and what it is; the range the report names. */
interface TableBase {
  kind: TableKind;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Layouts A (indicator part), B, C, E (indicator part). */
export interface IndicatorTable extends TableBase {
  type: 'indicators';
  /** Top-level nodes: level 1 where the table has a 一级 column, else the highest level present. */
  roots: IndicatorNode[];
  total?: TotalRow;
  /** A weight/score pair outside the tree that the 总分 row also counts (layout E funds row). */
  extraParts: { weight?: Slot; score?: Slot }[];
  grade?: Slot;
  /**
   * Level-1 weights stated outside a weight cell — in the label (产出指标（50分））
   * or in the form's footnote — as number slots at the cell that states them.
   */
  statedWeights: Map<IndicatorNode, Slot>;
}

/** The columns of a budget table: amounts, the rates over them, and (layout E) a weight and score. */
export const AMOUNT_ROLES = [
  'initialBudget',
  'budget',
  'adjust',
  'adjustUp',
  'adjustDown',
  'spent',
  'rate',
  'share',
  'weight',
  'score',
] as const satisfies readonly ColumnRole[];
export type AmountRole = (typeof AMOUNT_ROLES)[number];

export interface AmountRow {
  label: string;
  labelSlot: Slot;
  /** 0 for a total (合计/总额), 1 for top-level items, deeper for children. */
  depth: number;
  /** Index of the parent row in the table's rows, where there is one. */
  parent?: number;
  values: Partial<Record<AmountRole, Slot>>;
}

/** Layouts D, E (funds block) and A's budget block (stored transposed). */
export interface AmountTable extends TableBase {
  type: 'amounts';
  unit: AmountUnit;
  rows: AmountRow[];
  /**
   * Sets of row indexes that each must add up to the same total
   * (A's budget block: 按资金来源, 按资金结构, 按预算级次), with the label
   * cell of each grouping for the report.
   */
  groupings: { label: Slot; rows: number[] }[];
  /** Roles present, in column order (for messages naming columns). */
  roles: AmountRole[];
}

export type Table = IndicatorTable | AmountTable;
