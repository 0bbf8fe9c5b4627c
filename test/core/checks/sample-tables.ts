/**
 * Small, hand-checked tables in the docs/domain.md §2 layouts, for the rule tests.
 * Each builder returns a clean table; `patch` replaces cells by A1 address,
 * so a case reads "the clean table, but F4 says 28".
 */
import { parseA1 } from '../../../src/core/grid/grid';
import type { CellInput, InvalidCase, SheetCase } from './rule-tester';
import { pct } from './rule-tester';

export type Patch = Record<string, CellInput>;

export function applyPatch(rows: readonly (readonly CellInput[])[], patch: Patch = {}): CellInput[][] {
  const out = rows.map((r) => [...r]);
  for (const [address, value] of Object.entries(patch)) {
    const at = parseA1(address);
    if (!at) throw new Error(`not a cell: ${address}`);
    while (out.length <= at.row) out.push([]);
    out[at.row][at.col] = value;
  }
  return out;
}

/**
 * Layout C (score summary): 一级 | 分值 | 得分 | 二级 | 分值 | 得分 | 得分率 | 三级 | 分值 | 得分.
 * 产出指标 60 = 数量 30 (10 + 20) + 质量 30 (16 + 14); 满意度 40; scores 30 + 27 + 38 = 95, grade 优.
 */
export const SUMMARY_C_ROWS: CellInput[][] = [
  ['一级指标', '分值', '得分', '二级指标', '分值', '得分', '得分率', '三级指标', '分值', '得分'],
  ['产出指标', 60, 57, '数量指标', 30, 30, pct(1, '0%'), '培训场次', 10, 10],
  [null, null, null, null, null, null, null, '培训人次', 20, 20],
  [null, null, null, '质量指标', 30, 27, pct(0.9, '0%'), '培训合格率', 16, 15],
  [null, null, null, null, null, null, null, '课程覆盖率', 14, 12],
  ['满意度指标', 40, 38, '服务对象满意度', 40, 38, pct(0.95, '0%'), '学员满意度', 40, 38],
  ['总分', 100, 95],
  ['绩效等级', '优'],
];
export const SUMMARY_C_MERGES = [
  'A2:A5',
  'B2:B5',
  'C2:C5',
  'D2:D3',
  'E2:E3',
  'F2:F3',
  'G2:G3',
  'D4:D5',
  'E4:E5',
  'F4:F5',
  'G4:G5',
];

/** Extra fields (profile, findings) are passed through, so one call makes a valid or an invalid case. */
export function summaryC<E extends Partial<InvalidCase> = Partial<SheetCase>>(
  name: string,
  patch?: Patch,
  extra?: E,
): SheetCase & E {
  return { name, rows: applyPatch(SUMMARY_C_ROWS, patch), merges: SUMMARY_C_MERGES, ...extra } as SheetCase & E;
}

/**
 * Layout D (budget execution, 万元): 支出合计 300 / 270 = 基本支出 (60 + 40 / 58 + 37) + 项目支出 ((1) 120 + (2) 80 / 100 + 75).
 */
export const BUDGET_D_ROWS: CellInput[][] = [
  ['项目', '年度预算（万元）', '支出（万元）', '完成预算'],
  ['支出合计', 300, 270, pct(0.9)],
  ['基本支出', 100, 95, pct(0.95)],
  ['　　工资福利支出', 60, 58, pct(0.9667)],
  ['　　商品和服务支出', 40, 37, pct(0.925)],
  ['项目支出', 200, 175, pct(0.875)],
  ['（1）信息化运维类项目', 120, 100, pct(0.8333)],
  ['（2）部门职能类项目', 80, 75, pct(0.9375)],
];

/** Extra fields (profile, findings) are passed through, so one call makes a valid or an invalid case. */
export function budgetD<E extends Partial<InvalidCase> = Partial<SheetCase>>(
  name: string,
  patch?: Patch,
  extra?: E,
): SheetCase & E {
  return { name, rows: applyPatch(BUDGET_D_ROWS, patch), ...extra } as SheetCase & E;
}

/**
 * Layout E (national project form): funds 100 / 90 万元 → 执行率 90%, funds score 10 × 90% = 9;
 * indicators 20 + 19 (100% target, 95% actual: 19) + 30 (反向 ≤10天, 8天: met) + 20; 总分 100 / 98.
 */
export const PROJECT_E_ROWS: CellInput[][] = [
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 100, 100, 90, 10, pct(0.9), 9],
  [null, '其中：当年财政拨款', 100, 100, 90, '—', pct(0.9), '—'],
  [null, '上年结转资金', 0, 0, 0, '—', '—', '—'],
  [null, '其他资金', 0, 0, 0, '—', '—', '—'],
  [],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '培训人次', '≥100人次', '120人次', 20, 20],
  [null, '质量指标', '培训合格率', '100%', '95%', 20, 19, '部分学员补考'],
  ['效益指标', '社会效益指标', '群众办事平均时长', '≤10天', '8天', 30, 30],
  ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '93%', 20, 20],
  ['总分', null, null, null, null, 100, 98],
];
export const PROJECT_E_MERGES = ['A1:A5', 'A8:A9'];

/** Extra fields (profile, findings) are passed through, so one call makes a valid or an invalid case. */
export function projectE<E extends Partial<InvalidCase> = Partial<SheetCase>>(
  name: string,
  patch?: Patch,
  extra?: E,
): SheetCase & E {
  return { name, rows: applyPatch(PROJECT_E_ROWS, patch), merges: PROJECT_E_MERGES, ...extra } as SheetCase & E;
}
