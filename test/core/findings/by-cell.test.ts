/** One grouping of findings by cell for every front end (issue 10). */
import { findingsByCell } from '../../../src/core/findings/by-cell';
import type { Finding } from '../../../src/core/findings/finding';

const at = (sheet: string, cell: string): Finding => ({
  sheet,
  cell,
  rule: 'score-sum',
  severity: 'error',
  message: { 'zh-CN': cell, 'en-US': cell },
});

describe('findingsByCell', () => {
  const findings = [at('表1', 'B9'), at('表1', '$B$9'), at('表1', 'c2'), at('表2', 'B9'), at('表1', '总分')];

  it('keys one sheet’s findings by plain A1, whatever the address was written as', () => {
    const byCell = findingsByCell(findings, '表1');
    expect([...byCell.keys()]).toEqual(['B9', 'C2']);
    expect(byCell.get('B9')!.map((f) => f.cell)).toEqual(['B9', '$B$9']);
  });

  it('leaves out a finding whose cell is not an address, and other sheets', () => {
    expect([...findingsByCell(findings, '表2').keys()]).toEqual(['B9']);
    expect(findingsByCell(findings, '表3').size).toBe(0);
  });
});
