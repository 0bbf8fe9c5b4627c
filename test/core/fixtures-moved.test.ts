/**
 * Other positions, other wording (issue 3): every fixture is moved down and
 * right on its sheet, its header words swapped for synonyms typed the way
 * people type them (line breaks, full-width spaces), and must give the same
 * findings at the moved cells.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../../src/core/engine';
import { parseA1, toA1, type Cell, type Sheet, type Workbook } from '../../src/core/grid/grid';
import { readWorkbook } from '../../src/file/read-workbook';

const DOWN = 7;
const RIGHT = 3;

/** Header words and what another district's form calls them. */
const SYNONYMS: Record<string, string> = {
  一级指标: '一级\n指标',
  二级指标: '二级　指标',
  三级指标: '指标名称',
  分值: '权重',
  '得分/自评分': '自评得分',
  得分: '自评分',
  年度指标值: '年度目标值',
  实际完成指标值: '实际完成值',
  实际完成值: '全年实际值',
  完成率: '指标完成率',
  全年预算数: '预算数',
  全年执行数: '执行数',
  '年度预算（万元）': '预算数（万元）',
  '支出（万元）': '支出数（万元）',
  完成预算: '预算执行率',
  总分: '合计',
  绩效等级: '自评等级',
};

function moveAddress(address: string): string {
  const p = parseA1(address)!;
  return toA1(p.row + DOWN, p.col + RIGHT);
}

/** Shifts A1 references inside a formula by the same offset as the cells. */
function moveFormula(formula: string): string {
  return formula.replace(/\$?([A-Z]{1,3})\$?(\d+)/g, (ref) => moveAddress(ref.replace(/\$/g, '')));
}

function moveSheet(sheet: Sheet): Sheet {
  const rows: (Cell | undefined)[][] = Array.from({ length: DOWN }, () => []);
  for (const row of sheet.rows) {
    rows.push([
      ...new Array<Cell | undefined>(RIGHT),
      ...(row ?? []).map((cell) => {
        if (!cell) return cell;
        const renamed = typeof cell.value === 'string' && SYNONYMS[cell.value] !== undefined ? SYNONYMS[cell.value] : cell.value;
        return { ...cell, value: renamed, formula: cell.formula && moveFormula(cell.formula) };
      }),
    ]);
  }
  const merges = sheet.merges.map((m) => ({
    top: m.top + DOWN,
    bottom: m.bottom + DOWN,
    left: m.left + RIGHT,
    right: m.right + RIGHT,
  }));
  return { name: sheet.name, rows, merges };
}

const dir = join(__dirname, '..', 'fixtures');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => f.replace('.xlsx', ''));

describe.each(names)('%s moved to another place with other header words', (name) => {
  let original: Workbook;
  beforeAll(async () => {
    original = await readWorkbook(readFileSync(join(dir, `${name}.xlsx`)), `${name}.xlsx`);
  });

  it('gives the same findings at the moved cells', () => {
    const before = checkWorkbook(original);
    const after = checkWorkbook({ sheets: original.sheets.map(moveSheet) });
    const key = (f: { sheet: string; cell: string; rule: string; expected?: string }) =>
      `${f.sheet}!${f.cell} ${f.rule} ${f.expected ?? ''}`;
    const expected = before.findings.map((f) => key({ ...f, cell: moveAddress(f.cell) })).sort();
    expect(after.findings.map(key).sort()).toEqual(expected);
    expect(after.tables.map((t) => t.kind)).toEqual(before.tables.map((t) => t.kind));
  });
});

describe.each(names)('%s without merge information (Excel below ExcelApi 1.13)', (name) => {
  it('gives the same findings, reading blank cells below a label as "same as above"', async () => {
    const original = await readWorkbook(readFileSync(join(dir, `${name}.xlsx`)), `${name}.xlsx`);
    const key = (f: { sheet: string; cell: string; rule: string; expected?: string }) =>
      `${f.sheet}!${f.cell} ${f.rule} ${f.expected ?? ''}`;
    const before = checkWorkbook(original).findings.map(key).sort();
    const after = checkWorkbook({ sheets: original.sheets.map((s) => ({ ...s, merges: [] })) })
      .findings.map(key)
      .sort();
    expect(after).toEqual(before);
  });
});
