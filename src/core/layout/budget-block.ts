/**
 * Layout A's budget block, which is transposed: the measures (全年预算数,
 * 全年执行数, 完成率) run down one column and the categories (财政拨款 …
 * 区级资金) across, grouped under merged headers (按资金来源 …). Every
 * grouping adds up to the same total (docs/domain.md §4 amount-sum).
 */
import { amountUnitNear, ownNumber } from './amount-table';
import { rowMarks } from './row-depth';
import type { SheetView } from '../grid/sheet-view';
import type { AmountRow, AmountTable } from './tables';

/** Finds every transposed budget block on the sheet. */
export function readBudgetBlocks(view: SheetView): AmountTable[] {
  const blocks: AmountTable[] = [];
  for (let r = 0; r + 1 < view.rows; r++) {
    for (let c = 0; c < view.cols; c++) {
      const role = view.headerRole(r, c);
      if (role !== 'budget' && role !== 'initialBudget') continue;
      if (view.headerRole(r + 1, c) !== 'spent') continue;
      const block = readBlock(view, r, c);
      if (block) blocks.push(block);
    }
  }
  return blocks;
}

function readBlock(view: SheetView, budgetRow: number, labelCol: number): AmountTable | undefined {
  const spentRow = budgetRow + 1;
  const rateRow = view.headerRole(budgetRow + 2, labelCol) === 'rate' ? budgetRow + 2 : undefined;
  // A number merged across two categories is the first one's only (variant D).
  const numberAt = (r: number, c: number) => ownNumber(view, r, c) !== undefined;
  const ownSlot = (r: number, c: number) => {
    const s = view.slot(r, c);
    return s.row === r && s.col === c ? s : undefined;
  };

  const categoryCols: number[] = [];
  for (let c = labelCol + 1; c < view.cols; c++) {
    if (numberAt(budgetRow, c) || numberAt(spentRow, c)) categoryCols.push(c);
    else if (categoryCols.length > 0) break;
  }
  if (categoryCols.length < 2) return undefined;

  // A category's name is the nearest text above the budget row in its column.
  let categoryRow = -1;
  const rows: AmountRow[] = categoryCols.map((c) => {
    let nameRow = budgetRow - 1;
    while (nameRow >= Math.max(0, budgetRow - 3) && view.isBlank(nameRow, c)) nameRow--;
    categoryRow = Math.max(categoryRow, nameRow);
    const labelSlot = view.slot(Math.max(0, nameRow), c);
    const label = nameRow >= 0 ? view.text(nameRow, c) : '';
    const values: AmountRow['values'] = {};
    const budget = ownSlot(budgetRow, c);
    const spent = ownSlot(spentRow, c);
    const rate = rateRow === undefined ? undefined : ownSlot(rateRow, c);
    if (budget) values.budget = budget;
    if (spent) values.spent = spent;
    if (rate) values.rate = rate;
    return { label, labelSlot, depth: rowMarks(label).total ? 0 : 1, values };
  });
  const totalIndex = rows.findIndex((row) => row.depth === 0);
  if (totalIndex >= 0) rows.forEach((row, i) => i !== totalIndex && (row.parent = totalIndex));

  // Groupings are the merged header cells above the category names.
  const groupings: AmountTable['groupings'] = [];
  const groupRow = categoryRow - 1;
  if (groupRow >= 0) {
    const seen = new Set<string>();
    for (const c of categoryCols) {
      const m = view.merge(groupRow, c);
      if (!m || m.left === m.right) continue;
      const key = `${m.top}:${m.left}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const members = categoryCols.map((cc, i) => (cc >= m.left && cc <= m.right ? i : -1)).filter((i) => i >= 0);
      if (members.length >= 2) groupings.push({ label: view.slot(m.top, m.left), rows: members });
    }
  }
  if (totalIndex >= 0) for (const g of groupings) g.rows = g.rows.filter((i) => i !== totalIndex);

  const bottom = rateRow ?? spentRow;
  const top = Math.max(0, groupRow);
  const right = Math.max(...categoryCols);
  return {
    type: 'amounts',
    kind: 'budget-block',
    sheet: view.name,
    top,
    left: labelCol,
    bottom,
    right,
    unit: amountUnitNear(view, top - 1, bottom, 0, right),
    rows,
    groupings,
    roles: rateRow !== undefined ? ['budget', 'spent', 'rate'] : ['budget', 'spent'],
  };
}
