/**
 * Budget tables read row by row (layout D, E's funds block): a label column,
 * amount columns, parents and children from row-depth.ts.
 */
import type { ColumnRole } from './headers';
import { classifyHeaderRow, type HeaderRow } from './header-rows';
import { normalizeText } from '../values/normalize-text';
import { rowHierarchy } from './row-depth';
import type { SheetView } from '../grid/sheet-view';
import { AMOUNT_ROLES, type AmountRole, type AmountRow, type AmountTable, type AmountUnit } from './tables';

const AMOUNT_ROLE_SET: ReadonlySet<ColumnRole> = new Set(AMOUNT_ROLES);

function isAmountRole(role: ColumnRole): role is AmountRole {
  return AMOUNT_ROLE_SET.has(role);
}

/**
 * 元 with cents are exact; 万元, 亿元 or no unit stated are rounded (SPEC §3).
 * The unit is stated in a header, a 单位：万元 line above, or a label.
 */
export function amountUnitNear(view: SheetView, top: number, bottom: number, left: number, right: number): AmountUnit {
  let yuan = false;
  for (let r = Math.max(0, top); r <= bottom; r++) {
    for (let c = Math.max(0, left); c <= right; c++) {
      const t = normalizeText(view.text(r, c));
      if (/[万亿千]元/.test(t)) return 'scaled';
      if (/[(（:：]元[)）]?|单位[:：]?元/.test(t)) yuan = true;
    }
  }
  return yuan ? 'yuan' : 'scaled';
}

export function readAmountTable(view: SheetView, header: HeaderRow): { table: AmountTable; lastRow: number } {
  const columns: [number, AmountRole][] = [];
  const seen = new Set<AmountRole>();
  for (const [col, role] of [...header.roles.entries()].sort((a, b) => a[0] - b[0])) {
    if (isAmountRole(role) && !seen.has(role)) {
      seen.add(role);
      columns.push([col, role]);
    }
  }
  const firstAmount = Math.min(...columns.map(([c]) => c));
  const right = Math.max(...header.roles.keys());
  const left = Math.min(...header.roles.keys(), firstAmount);

  const found: { label: string; labelCol: number; row: number }[] = [];
  let lastRow = header.row;
  for (let r = header.row + 1; r < view.rows; r++) {
    if (classifyHeaderRow(view, r) || view.isBlankRow(r, 0, right)) break;
    const hasNumber = columns.some(([c]) => view.slot(r, c).value.kind === 'number' && view.slot(r, c).row === r);
    if (!hasNumber) break;
    let labelCol = -1;
    for (let c = firstAmount - 1; c >= 0; c--) {
      if (!view.isBlank(r, c)) {
        labelCol = c;
        break;
      }
    }
    found.push({ label: labelCol >= 0 ? view.text(r, labelCol) : '', labelCol, row: r });
    lastRow = r;
  }

  const hierarchy = rowHierarchy(found.map((f) => f.label));
  const rows: AmountRow[] = found.map((f, i) => {
    const values: AmountRow['values'] = {};
    for (const [c, role] of columns) {
      const s = view.slot(f.row, c);
      if (s.value.kind !== 'blank' && s.row === f.row) values[role] = s;
    }
    return {
      label: f.label,
      labelSlot: view.slot(f.row, Math.max(0, f.labelCol)),
      depth: hierarchy[i].depth,
      parent: hierarchy[i].parent,
      values,
    };
  });

  const isFunds = seen.has('score') || seen.has('weight');
  const table: AmountTable = {
    type: 'amounts',
    kind: isFunds ? 'project-funds' : 'budget-execution',
    sheet: view.name,
    top: header.row,
    left: Math.min(left, ...found.map((f) => Math.max(0, f.labelCol))),
    bottom: lastRow,
    right,
    unit: amountUnitNear(view, header.row - 3, lastRow, 0, right),
    rows,
    groupings: [],
    roles: columns.map(([, r]) => r),
  };
  return { table, lastRow };
}
