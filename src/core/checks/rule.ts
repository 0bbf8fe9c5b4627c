/**
 * What every rule is (issue 10, in the spirit of ESLint's `meta` + `create`):
 * data — its id, severity, docs and message templates — plus one function
 * over a table that reports through its context. The engine stamps sheet,
 * rule and severity from the meta, so no rule restates them.
 */
import type { LocalizedText, Severity } from '../findings/finding';
import type { SheetView } from '../grid/sheet-view';
import type { Slot, Table } from '../layout/tables';
import type { Profile } from '../profile';

export interface RuleDocs {
  description: LocalizedText;
  /** The rule's page, relative to the repository: docs/rules/<id>.md. */
  url: string;
  /** Where the rule comes from (a regulation, the domain notes). */
  source: string;
}

export interface RuleMeta<Id extends string, M extends string> {
  id: Id;
  severity: Severity;
  docs: RuleDocs;
  /**
   * True when the value a finding expects is the one value the cell must
   * hold (a sum, a ratio, a score a rule fixes), so that correcting it may
   * explain other findings; false where it is only the nearest allowed value
   * (a score capped at its weight) or not a number.
   */
  determinesValue: boolean;
  /** Sentences with {placeholders}; {cell}, {found} and {expected} are filled in by the engine. */
  messages: Record<M, LocalizedText>;
}

export interface ReportOptions {
  /** What the cell shows, where the cell's own value is not what to say (a formula). */
  found?: string;
  /** The value the cell should hold, as people read it. */
  expected?: string;
  /** What Fix writes, in the cell's stored form (0.8273 for 82.73%). */
  fix?: number | string;
  /**
   * The cells the verdict was worked out from. The engine uses them to tell
   * a root cause from its echoes: a finding that vanishes once an input's own
   * finding is corrected is an echo of it (docs/domain.md §4).
   */
  inputs?: readonly (Slot | undefined)[];
  /**
   * The input the reported cell agrees with as printed (a funds score worked
   * out from the printed 执行率): where that input is itself wrong, this
   * finding is its echo.
   */
  followsFrom?: Slot;
  /**
   * Other cells whose correction would satisfy this finding as well (a sum
   * reported at its total could be put right at any part): where one of
   * them also explains another rule's error, it is the root cause instead.
   */
  alternatives?: readonly { slot: Slot; expected: string; fix: number }[];
}

/** Why a value could not be checked: the not-checked rule's message ids. */
export type NotCheckedReason =
  'bound' | 'no-actual' | 'ambiguous' | 'error' | 'zero-base' | 'value' | 'units' | 'blank-score' | 'failed';

export interface RuleContext<M extends string> {
  readonly profile: Profile;
  readonly view: SheetView;
  report(slot: Slot, messageId: M, params?: Record<string, string>, options?: ReportOptions): void;
  /** The cell could not be understood, so its row was not recomputed (rule not-checked, info). */
  notChecked(slot: Slot, reason: NotCheckedReason, params?: Record<string, string>): void;
}

export interface Rule<Id extends string = string, M extends string = string> {
  meta: RuleMeta<Id, M>;
  check(table: Readonly<Table>, ctx: RuleContext<M>): void;
}

/** Types a rule record; the identity function, so the record stays plain data. */
export function defineRule<const Id extends string, M extends string>(rule: Rule<Id, M>): Rule<Id, M> {
  return rule;
}
