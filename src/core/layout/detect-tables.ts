/**
 * Finds every table on a sheet (docs/domain.md §2): indicator tables and budget
 * tables by their header rows, anywhere on the sheet and several per sheet,
 * and layout A's transposed budget block.
 */
import { readAmountTable, singleAmountHeader } from './amount-table';
import { readBudgetBlocks } from './budget-block';
import { classifyHeaderRow } from './header-rows';
import { readIndicatorTable } from './indicator-table';
import { readIndicatorRatesAsPoints } from './rate-points';
import type { SheetView } from '../grid/sheet-view';
import type { AmountTable, IndicatorTable, Table } from './tables';

export function detectTables(view: SheetView): Table[] {
  const tables: Table[] = [...readBudgetBlocks(view)];
  for (let r = 0; r < view.rows; r++) {
    const header = classifyHeaderRow(view, r) ?? singleAmountHeader(view, r);
    if (!header) continue;
    const { table, lastRow } = header.family === 'indicators' ? readIndicatorTable(view, header) : readAmountTable(view, header);
    if (table.type === 'indicators') readIndicatorRatesAsPoints(view, table);
    if (lastRow > header.row) tables.push(table);
    r = lastRow;
  }
  linkFundsRows(tables);
  return tables.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * In the project form (layout E) the funds row's 分值 and 得分 count
 * towards the 总分 row of the indicator table below it.
 */
function linkFundsRows(tables: Table[]): void {
  const funds = tables.filter((t): t is AmountTable => t.type === 'amounts' && t.kind === 'project-funds');
  for (const t of tables) {
    if (t.type !== 'indicators' || !t.total) continue;
    const above = funds.filter((f) => f.bottom < t.top).pop();
    const row = above?.rows.find((r) => r.values.weight?.value.kind === 'number' || r.values.score?.value.kind === 'number');
    if (!row) continue;
    (t as IndicatorTable).extraParts.push({ weight: numeric(row.values.weight), score: numeric(row.values.score) });
  }
}

function numeric<T extends { value: { kind: string } }>(slot: T | undefined): T | undefined {
  return slot && slot.value.kind === 'number' ? slot : undefined;
}
