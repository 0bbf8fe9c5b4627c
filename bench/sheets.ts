/**
 * Grids for the benchmark, built from the fixtures' layouts: layout A (the
 * 2021 Guangzhou overall form: budget block, then an indicator table with
 * merged level-1/level-2 cells and a 总分 row) and layout D (budget
 * execution rows under 一、/（1） parents). Every sum adds up, so a clean
 * build has no error finding; `planted` adds a few known slips.
 */
import type { Cell, CellRange, Sheet } from '../src/core/grid/grid';

type Value = string | number | null;

class GridBuilder {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: CellRange[] = [];

  get next(): number {
    return this.rows.length;
  }

  push(values: Value[], formats: Record<number, string> = {}): number {
    this.rows.push([]);
    return this.set(this.rows.length - 1, values, formats);
  }

  /** Fills a row reserved earlier (a parent row whose sums are known only after its children). */
  set(row: number, values: Value[], formats: Record<number, string> = {}): number {
    this.rows[row] = values.map((v, c): Cell | undefined =>
      v === null || v === '' ? undefined : formats[c] ? { value: v, numFmt: formats[c] } : { value: v },
    );
    return row;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  sheet(name: string): Sheet {
    return { name, rows: this.rows, merges: this.merges };
  }
}

/** Hundredths as a number with at most 2 decimals (exact in the sheet, as typed). */
const h = (n: number): number => Math.round(n) / 100;

const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '管理效能'];
const QUANT_TARGETS: [string, string][] = [
  ['不低于95%', '100%'],
  ['20000人以上', '30062'],
  ['6万以上', '13.02万'],
  ['不低于2000M', '2200M'],
  ['>=10', '25'],
  ['700项以上', '931项'],
];
const QUAL_TARGETS: [string, string][] = [
  ['按期完成', '基本完成'],
  ['形成分析报告', '已完成报告初稿'],
];

const HEADER = [
  '一级指标',
  '分值',
  '二级指标',
  '分值',
  '三级指标',
  '分值',
  '年度指标值',
  '实际完成指标值',
  '得分/自评分',
  '评分依据、未达标原因、改进措施',
];

/**
 * One layout-A indicator table with `level3Rows` scored rows (a multiple of
 * 20: four level-1 groups of level-2 groups of 5 rows), total weight 100.
 * The header row repeats before the third level-1 group, as after a page
 * break. Returns the rows where slips can be planted.
 */
function indicatorTable(g: GridBuilder, level3Rows: number, tag: string, planted: boolean): void {
  g.push(HEADER);
  const perLevel1 = level3Rows / 4;
  const level1Weights = [2000, 3000, 4000, 1000]; // hundredths, total 100
  const scoreRows: number[] = [];
  let totalScore = 0;
  let serial = 0;
  level1Weights.forEach((w1, i1) => {
    if (i1 === 2) g.push(HEADER);
    const base = Math.floor(w1 / perLevel1);
    const extra = w1 - base * perLevel1;
    const weights = Array.from({ length: perLevel1 }, (_, k) => base + (k < extra ? 1 : 0));
    const top1 = g.next;
    for (let k2 = 0; k2 < perLevel1; k2 += 5) {
      const group = weights.slice(k2, k2 + 5);
      const w2 = group.reduce((a, b) => a + b, 0);
      const top2 = g.next;
      group.forEach((w3, k3) => {
        serial++;
        const deducted = serial % 7 === 0;
        const [target, actual] = deducted ? QUAL_TARGETS[serial % 2] : QUANT_TARGETS[serial % QUANT_TARGETS.length];
        const score = deducted ? w3 - 1 : w3;
        totalScore += score;
        const first1 = k2 === 0 && k3 === 0;
        const first2 = k3 === 0;
        const r = g.push([
          first1 ? `${LEVEL1[i1]}${tag}` : null,
          first1 ? h(w1) : null,
          first2 ? `二级指标${tag}-${i1 + 1}-${k2 / 5 + 1}` : null,
          first2 ? h(w2) : null,
          `三级指标${serial}`,
          h(w3),
          target,
          actual,
          h(score),
          deducted ? '部分工作未按期完成，酌情扣分。' : '按统计数据，已完成。',
        ]);
        scoreRows.push(r);
      });
      g.merge(top2, 2, g.next - 1, 2);
      g.merge(top2, 3, g.next - 1, 3);
    }
    g.merge(top1, 0, g.next - 1, 0);
    g.merge(top1, 1, g.next - 1, 1);
  });
  const totalRow = g.push(['总分', 100, null, null, null, null, null, '得分', h(totalScore), null]);
  if (planted) {
    // A score above its weight, a level-3 weight that breaks its level-2 sum, a total score off by one point.
    const a = g.rows[scoreRows[3]][8]!;
    a.value = (a.value as number) + 1;
    const b = g.rows[scoreRows[Math.floor(scoreRows.length / 2)]][5]!;
    b.value = h((b.value as number) * 100 + 10);
    const t = g.rows[totalRow][8]!;
    t.value = h((t.value as number) * 100 + 100);
  }
}

/** The 2021 form's budget block (fixture gz2021-overall-clean, rows 4–8). */
function budgetBlock(g: GridBuilder): void {
  const pct = { 2: '0.00%', 3: '0.00%', 4: '0.00%', 5: '0.00%', 6: '0.00%', 7: '0.00%' };
  const top = g.push(['年度部门整体支出规模（元）', '项目', '按资金来源', null, '按资金结构', null, '按预算级次', null]);
  g.push([null, null, '财政拨款', '其他资金', '基本支出', '项目支出', '上级资金', '区级资金']);
  g.push([null, '全年预算数', 65240247.04, 0, 24942247.28, 40297999.76, 0, 65240247.04]);
  g.push([null, '全年执行数', 57368166.31, 0, 24028491.84, 33339674.47, 0, 57368166.31]);
  g.push([null, '完成率', 0.8793, 0, 0.9634, 0.8273, null, 0.8793], pct);
  g.merge(top, 0, top + 4, 0);
  g.merge(top, 1, top + 1, 1);
  g.merge(top, 2, top, 3);
  g.merge(top, 4, top, 5);
  g.merge(top, 6, top, 7);
}

/** Layout A: title, unit line, budget block, indicator table of `level3Rows` rows. */
export function overallForm(level3Rows: number, planted = false, name = '部门整体支出绩效自评表'): Sheet {
  const g = new GridBuilder();
  g.push(['部门整体支出绩效自评表']);
  g.push(['（2021年度）']);
  g.push(['单位名称', '广州市海珠区政务服务数据管理局', null, null, null, '财供人数（编制总数）', '合计：67人', '单位数', 2]);
  budgetBlock(g);
  g.push([]);
  indicatorTable(g, level3Rows, '', planted);
  return g.sheet(name);
}

/**
 * Layout D: 支出合计, then parents 一、… with nine （n） children each, in
 * 万元 with two decimals and 完成预算 rates to 0.01%.
 */
function budgetExecution(g: GridBuilder, rows: number, planted: boolean): void {
  const pct = { 3: '0.00%' };
  g.push(['××区政务服务数据管理局2022年度部门预算支出执行情况']);
  g.push([null, null, null, '单位：万元']);
  g.push(['项目', '年度预算（万元）', '支出（万元）', '完成预算']);
  const groups = Math.max(1, Math.floor((rows - 4) / 10));
  const rate = (spent: number, budget: number): number => Math.round((spent / budget) * 10000) / 10000;
  const totalRow = g.push([]);
  let totalBudget = 0;
  let totalSpent = 0;
  const childRows: number[] = [];
  for (let k = 0; k < groups; k++) {
    const parentRow = g.push([]);
    let pb = 0;
    let ps = 0;
    for (let j = 1; j <= 9; j++) {
      const budget = 50000 + (((k * 9 + j) * 7919) % 150000); // cents of 万元: 500.00–2000.00
      const spent = Math.round(budget * (0.85 + (((k + j) * 31) % 15) / 100));
      pb += budget;
      ps += spent;
      childRows.push(g.push([`（${j}）项目${k + 1}-${j}`, h(budget), h(spent), rate(spent, budget)], pct));
    }
    g.set(parentRow, [`${k + 1}、支出类别${k + 1}`, h(pb), h(ps), rate(ps, pb)], pct);
    totalBudget += pb;
    totalSpent += ps;
  }
  g.set(totalRow, ['支出合计', h(totalBudget), h(totalSpent), rate(totalSpent, totalBudget)], pct);
  if (planted) {
    // Two children whose spending no longer adds up to their parent, one rate with transposed digits.
    for (const i of [Math.floor(childRows.length / 3), Math.floor((2 * childRows.length) / 3)]) {
      const c = g.rows[childRows[i]][2]!;
      c.value = h((c.value as number) * 100 + 1000);
    }
    const r = g.rows[childRows[childRows.length - 5]][3]!;
    const digits = String(Math.round((r.value as number) * 10000)).padStart(4, '0');
    r.value = Number(digits[0] + digits[2] + digits[1] + digits[3]) / 10000;
  }
}

/**
 * A large sheet about `rows` rows long: half of it one layout-D table, the
 * other half 100-row layout-A forms stacked one under another (as when a
 * bureau pastes every department's form into one sheet).
 */
export function largeSheet(rows: number, planted = false): Sheet {
  const g = new GridBuilder();
  budgetExecution(g, Math.floor(rows / 2), planted);
  g.push([]);
  let form = 0;
  while (g.next < rows - 110) {
    g.push([`部门${++form}`]);
    indicatorTable(g, 100, `（${form}）`, planted && form === 3);
    g.push([]);
  }
  return g.sheet('汇总');
}

/** A deep copy, so a benchmark can edit one cell without touching the original. */
export function copySheet(sheet: Sheet): Sheet {
  return {
    name: sheet.name,
    rows: sheet.rows.map((r) => r.map((c) => (c ? { ...c } : undefined))),
    merges: sheet.merges.map((m) => ({ ...m })),
  };
}
