/**
 * The engine on random grids (issue 6): random merges (overlapping ones
 * too), blanks, numbers, formulas, error values, booleans, and the header
 * words, total labels and typed values of docs/domain.md §2–3 sprinkled in so that
 * tables are actually detected. Detection and every check must never throw;
 * a check that throws anyway is turned into a `not-checked` finding for its
 * table, never a crashed validation.
 */
import type { Rule } from '../../src/core/checks/rule';
import fc from 'fast-check';
import * as checks from '../../src/core/checks';
import * as detection from '../../src/core/layout/detect-tables';
import { checkSheet, checkWorkbook } from '../../src/core/engine';
import { parseA1, sheetFromValues, type Cell, type CellRange, type Sheet } from '../../src/core/grid/grid';
import { SheetView } from '../../src/core/grid/sheet-view';

const RUNS = 10_000;

const HEADER_WORDS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标名称',
  '分值',
  '权重',
  '得分',
  '自评得分',
  '得分率',
  '年度指标值',
  '实际完成值',
  '指标实际完成值及相关说明',
  '完成率',
  '全年预算数',
  '全年执行数',
  '执行率',
  '年初预算数',
  '年中调整',
  '调增',
  '调减',
  '占支出合计比例',
  '项目',
  '序号',
  '全年预算数（A）',
  '执行率（B/A）',
  '得分/自评分',
];
const LABELS = [
  '总分',
  '合计',
  '支出合计',
  '小计',
  '其中：',
  '（1）项目',
  '　　工资福利支出',
  '一、基本支出',
  '①',
  '加减分项',
  '产出指标（50分）',
  '绩效等级',
  '优',
  '良',
  '差',
  '财政拨款',
  '年度资金总额',
  '注：产出指标50分，效益指标30分',
];
const TYPED = [
  '≥95%',
  '不低于95%',
  '13.02万',
  '2200M',
  '优秀',
  '已完成',
  '87.93％',
  '２０００',
  '24, 028, 491. 84',
  '<=3天',
  '$\\geq 5$',
  '-',
  '—',
  '0',
  '100%',
];

const number = fc.oneof(
  fc.integer({ min: -200, max: 200 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, 100, 0.8793, 1e308, -0, Number.MAX_SAFE_INTEGER),
);

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: number.map((value): Cell => ({ value })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(number, fc.constantFrom('0.00%', '0%', '#,##0.00', 'yyyy-mm-dd', '0"人"', '@'))
      .map(([value, numFmt]): Cell => ({ value, numFmt })),
  },
  { weight: 3, arbitrary: fc.constantFrom(...HEADER_WORDS).map((value): Cell => ({ value })) },
  { weight: 2, arbitrary: fc.constantFrom(...LABELS).map((value): Cell => ({ value })) },
  { weight: 2, arbitrary: fc.constantFrom(...TYPED).map((value): Cell => ({ value })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((value): Cell => ({ value })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#VALUE!', '#N/A', '#NAME?').map((error): Cell => ({ value: { error } })),
  },
  { weight: 1, arbitrary: fc.boolean().map((value): Cell => ({ value })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.option(number, { nil: null }),
        fc.constantFrom('SUM(B2:B5)', 'B3/B4', 'A1', 'SUM(', 'J12', 'SUM(A:A)', 'B2+B3+B4'),
      )
      .map(([value, formula]): Cell => ({ value, formula })),
  },
);

const ROWS = 14;
const COLS = 9;

const merge: fc.Arbitrary<CellRange> = fc
  .tuple(fc.nat(ROWS - 1), fc.nat(COLS - 1), fc.nat(4), fc.nat(2))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const sheet: fc.Arbitrary<Sheet> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: COLS }), { maxLength: ROWS }),
    merges: fc.array(merge, { maxLength: 6 }),
  })
  .map(({ rows, merges }) => ({ name: 'Sheet1', rows, merges }));

describe('the engine on random grids', () => {
  it(`detects tables and runs every check without throwing (${RUNS} grids)`, () => {
    let withTables = 0;
    fc.assert(
      fc.property(sheet, (s) => {
        expect(() => detection.detectTables(new SheetView(s))).not.toThrow();
        const result = checkSheet(s);
        if (result.tables.length > 0) withTables++;
        for (const f of result.findings) {
          expect(parseA1(f.cell)).toBeDefined();
          // The engine's catch keeps a user's validation alive; here a check that threw is a bug the property finds.
          expect(f.messageId === 'failed' ? f.message['en-US'] : 'no check threw').toBe('no check threw');
        }
        expect(result.sheets).toEqual([{ name: 'Sheet1', tables: result.tables.length }]);
      }),
      { numRuns: RUNS },
    );
    // Not a vacuous property: a good share of the grids hold a table the checks ran on.
    expect(withTables).toBeGreaterThan(RUNS / 50);
  });
});

describe('a thrown error inside one table becomes a not-checked finding', () => {
  const twoTables = sheetFromValues('表', [
    ['项目', '全年预算数', '全年执行数', '执行率'],
    ['合计', 100, 90, 0.9],
    ['基本支出', 60, 50, 0.8333],
    ['项目支出', 40, 40, 1],
    [],
    ['项目', '全年预算数', '全年执行数', '执行率'],
    ['合计', 100, 90, 0.5],
    ['基本支出', 60, 50, 0.8333],
    ['项目支出', 40, 40, 1],
  ]);

  afterEach(() => jest.restoreAllMocks());

  it('a check that throws on the first table: that table gets a not-checked at its first cell, the second is still checked', () => {
    const rate = checks.RULES.find((r) => r.meta.id === 'rate')! as Rule;
    const real = rate.check.bind(rate);
    jest.spyOn(rate, 'check').mockImplementation((table, ctx) => {
      if (table.top === 0) throw new Error('boom');
      return real(table, ctx);
    });
    const result = checkSheet(twoTables);
    expect(result.tables).toHaveLength(2);
    const failed = result.findings.filter((f) => f.rule === 'not-checked' && f.table === 0);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ sheet: '表', cell: 'A1', severity: 'info' });
    expect(failed[0].message['en-US']).toContain('boom');
    expect(failed[0].message['zh-CN']).toContain('boom');
    // The second table's wrong rate (90 ÷ 100 shown as 50%) is still found.
    expect(result.findings).toContainEqual(expect.objectContaining({ cell: 'D7', rule: 'rate', table: 1 }));
  });

  it('detection that throws on one sheet: a not-checked at A1 of that sheet, the other sheet is still checked', () => {
    const real = detection.detectTables;
    jest.spyOn(detection, 'detectTables').mockImplementation((view) => {
      if (view.name === 'broken') throw new Error('detector failed');
      return real(view);
    });
    const result = checkWorkbook({ sheets: [{ ...twoTables, name: 'broken' }, twoTables] });
    expect(result.sheets).toEqual([
      { name: 'broken', tables: 0 },
      { name: '表', tables: 2 },
    ]);
    expect(result.findings[0]).toMatchObject({ sheet: 'broken', cell: 'A1', rule: 'not-checked', severity: 'info' });
    expect(result.findings.some((f) => f.sheet === '表' && f.rule === 'rate')).toBe(true);
  });
});
