/** What every check is: data (id, severity) plus one pure function over a table. */
import type { Finding, RuleId, Severity } from '../findings/finding';
import type { Profile } from '../profile';
import type { SheetView } from '../grid/sheet-view';
import type { Table } from '../layout/tables';

export interface CheckContext {
  profile: Profile;
  view: SheetView;
}

export interface Check {
  id: RuleId;
  severity: Severity;
  run(table: Table, ctx: CheckContext): Finding[];
}
