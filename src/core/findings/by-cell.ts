/** Findings by the cell they name: one mark, one note per cell, in Excel, the marked copy and the page. */
import { parseA1, toA1 } from '../grid/grid';
import type { Finding } from './finding';

/**
 * The findings of one sheet by cell, the cell in plain A1 (`$B$9` and `b9`
 * are B9); findings whose cell is not an address are left out.
 */
export function findingsByCell(findings: readonly Finding[], sheet?: string): Map<string, Finding[]> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (sheet !== undefined && f.sheet !== sheet) continue;
    const at = parseA1(f.cell.replace(/\$/g, '').toUpperCase());
    if (!at) continue;
    const cell = toA1(at.row, at.col);
    const list = byCell.get(cell);
    if (list) list.push(f);
    else byCell.set(cell, [f]);
  }
  return byCell;
}
