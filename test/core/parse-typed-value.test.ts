/**
 * Notations people type into target and actual cells (docs/domain.md §3), as a table a
 * domain expert can review: input → operator, value in base units, unit,
 * shown decimals, step (one unit of the last shown digit, in base units)
 * and scale. Percent is true exactly when the unit is '%'.
 */
import Decimal from 'decimal.js';
import type { Cell } from '../../src/core/grid/grid';
import { parseTypedText, readCellValue } from '../../src/core/values/parse-typed-value';
import type { Comparator, TypedValue } from '../../src/core/values/typed-value';

type NumberRow = readonly [
  input: string,
  op: Comparator,
  value: string,
  unit: string,
  decimals: number,
  step: string,
  scale?: number,
];
type OtherRow = readonly [input: string, kind: 'qualitative' | 'blank'];
type Row = NumberRow | OtherRow;

/** Every target (年度指标值) in the fixtures. */
const fixtureTargets: Row[] = [
  ['全站不能正常访问链接数量低于5%', 'lt', '0.05', '%', 0, '0.01'],
  ['上级网站考评得分良好级别以上', 'qualitative'],
  ['监测发现错误3天内完成修改', 'le', '3', '天', 0, '1'],
  ['不低于95%', 'ge', '0.95', '%', 0, '0.01'],
  ['电子证照同步和事项应用率不低于60%', 'ge', '0.6', '%', 0, '0.01'],
  ['移动端用户数达200人', 'ge', '200', '人', 0, '1'],
  ['覆盖18条街道和27个政府部门', 'qualitative'], // two numbers: which is measured?
  ['完成5个特色融合主题图景', 'eq', '5', '个', 0, '1'],
  ['实现市区联动', 'qualitative'],
  ['90%以上', 'ge', '0.9', '%', 0, '0.01'],
  ['不低于2000M', 'ge', '2000', 'M', 0, '1'],
  ['不低于1000M', 'ge', '1000', 'M', 0, '1'],
  ['>98%', 'gt', '0.98', '%', 0, '0.01'],
  ['>=10', 'ge', '10', '', 0, '1'],
  ['100%', 'eq', '1', '%', 0, '0.01'],
  ['11', 'eq', '11', '', 0, '1'],
  ['20000人以上', 'ge', '20000', '人', 0, '1'],
  ['6万以上', 'ge', '60000', '', 0, '10000', 1e4],
  ['98%以上', 'ge', '0.98', '%', 0, '0.01'],
  ['700项以上', 'ge', '700', '项', 0, '1'],
  ['3万以上', 'ge', '30000', '', 0, '10000', 1e4],
  ['形成整体工作情况', 'qualitative'],
  ['政务公开工作投诉率低于5%', 'lt', '0.05', '%', 0, '0.01'],
  ['不高于20%', 'le', '0.2', '%', 0, '0.01'],
  ['8万以上', 'ge', '80000', '', 0, '10000', 1e4],
  ['900项以上', 'ge', '900', '项', 0, '1'],
  ['20000', 'eq', '20000', '', 0, '1'],
  ['10', 'eq', '10', '', 0, '1'],
  ['低于5%', 'lt', '0.05', '%', 0, '0.01'],
  ['≥5', 'ge', '5', '', 0, '1'],
  ['$\\geq 10$', 'ge', '10', '', 0, '1'],
  ['≥60', 'ge', '60', '', 0, '1'],
  ['>=2200M', 'ge', '2200', 'M', 0, '1'],
  ['≥500', 'ge', '500', '', 0, '1'],
  ['>=400000', 'ge', '400000', '', 0, '1'],
  ['>=85%', 'ge', '0.85', '%', 0, '0.01'],
  ['1', 'eq', '1', '', 0, '1'],
  ['≥10', 'ge', '10', '', 0, '1'],
  ['低于 20%', 'lt', '0.2', '%', 0, '0.01'],
  ['>=90%', 'ge', '0.9', '%', 0, '0.01'],
  ['>=95%', 'ge', '0.95', '%', 0, '0.01'],
  ['≥5个', 'ge', '5', '个', 0, '1'],
  ['≥10类', 'ge', '10', '类', 0, '1'],
  ['≥60路', 'ge', '60', '路', 0, '1'],
  ['有效提升', 'qualitative'],
  ['≥95%', 'ge', '0.95', '%', 0, '0.01'],
  ['≥90%', 'ge', '0.9', '%', 0, '0.01'],
];

/** Every actual (实际完成值) in the fixtures. */
const fixtureActuals: Row[] = [
  ['1%', 'eq', '0.01', '%', 0, '0.01'],
  ['优秀', 'qualitative'],
  ['无超过3天未修改错误', 'qualitative'], // a negation, not a count of 3
  ['2136人', 'eq', '2136', '人', 0, '1'],
  ['各部门账户共86个', 'eq', '86', '个', 0, '1'],
  ['10多个', 'ge', '10', '个', 0, '1'],
  ['已初步实现市区两级互联互通', 'qualitative'],
  ['2200M', 'eq', '2200', 'M', 0, '1'],
  ['10000M', 'eq', '10000', 'M', 0, '1'],
  ['25', 'eq', '25', '', 0, '1'],
  ['30062', 'eq', '30062', '', 0, '1'],
  ['13.02万', 'eq', '130200', '', 2, '100', 1e4],
  ['931项', 'eq', '931', '项', 0, '1'],
  ['3.6万', 'eq', '36000', '', 1, '1000', 1e4],
  ['已完成工单数据分析', 'qualitative'],
  ['0%', 'eq', '0', '%', 0, '0.01'],
  ['10个', 'eq', '10', '个', 0, '1'],
  ['24类', 'eq', '24', '类', 0, '1'],
  ['197路', 'eq', '197', '路', 0, '1'],
  ['95%', 'eq', '0.95', '%', 0, '0.01'],
  ['90%', 'eq', '0.9', '%', 0, '0.01'],
  ['97%', 'eq', '0.97', '%', 0, '0.01'],
  ['93%', 'eq', '0.93', '%', 0, '0.01'],
  ['2. 0', 'eq', '2', '', 1, '0.1'], // a score stored as text, with an OCR gap
];

/** docs/domain.md §3 table and the words of 民法典 第1259条. */
const operatorWords: Row[] = [
  ['达200人', 'ge', '200', '人', 0, '1'],
  ['<=3天', 'le', '3', '天', 0, '1'],
  ['≤1%', 'le', '0.01', '%', 0, '0.01'],
  ['=1', 'eq', '1', '', 0, '1'],
  ['5个以下', 'le', '5', '个', 0, '1'],
  ['3天以内', 'le', '3', '天', 0, '1'],
  ['3天之内', 'le', '3', '天', 0, '1'],
  ['30日内办结', 'le', '30', '天', 0, '1'],
  ['3个月内', 'le', '3', '个月', 0, '1'],
  ['不少于3次', 'ge', '3', '次', 0, '1'],
  ['不超过10%', 'le', '0.1', '%', 0, '0.01'],
  ['至少2次', 'ge', '2', '次', 0, '1'],
  ['达到95%', 'ge', '0.95', '%', 0, '0.01'],
  ['达到 100%', 'ge', '1', '%', 0, '0.01'],
  ['超过10人', 'gt', '10', '人', 0, '1'],
  ['高于5%', 'gt', '0.05', '%', 0, '0.01'],
  ['不满18', 'lt', '18', '', 0, '1'],
  ['少于3次', 'lt', '3', '次', 0, '1'],
  ['不足5%', 'lt', '0.05', '%', 0, '0.01'],
  ['≤3', 'le', '3', '', 0, '1'],
  ['<5%', 'lt', '0.05', '%', 0, '0.01'],
  ['＞＝90％', 'ge', '0.9', '%', 0, '0.01'],
  ['≥-5', 'ge', '-5', '', 0, '1'],
  ['\\ge 5', 'ge', '5', '', 0, '1'],
  ['$\\leq 3$', 'le', '3', '', 0, '1'],
  ['$\\geq 90\\%$', 'ge', '0.9', '%', 0, '0.01'],
  ['10余家', 'ge', '10', '家', 0, '1'],
  ['10+', 'ge', '10', '', 0, '1'],
  ['5个以上（不含）', 'gt', '5', '个', 0, '1'],
  ['5个以下(含)', 'le', '5', '个', 0, '1'],
  ['不低于95%以上', 'ge', '0.95', '%', 0, '0.01'], // said twice, same direction
  ['=95%', 'eq', '0.95', '%', 0, '0.01'],
];

/** Scales, units, separators, widths (docs/domain.md §3). */
const numberForms: Row[] = [
  ['74.2 万份', 'eq', '742000', '份', 1, '1000', 1e4],
  ['1.1亿条', 'eq', '110000000', '条', 1, '10000000', 1e8],
  ['20G', 'eq', '20', 'G', 0, '1'],
  ['5万元', 'eq', '50000', '元', 0, '10000', 1e4],
  ['3万多人', 'ge', '30000', '人', 0, '10000', 1e4],
  ['65,240,247.04', 'eq', '65240247.04', '', 2, '0.01'],
  ['24, 028, 491. 84', 'eq', '24028491.84', '', 2, '0.01'],
  ['２０００', 'eq', '2000', '', 0, '1'],
  ['87.93％', 'eq', '0.8793', '%', 2, '0.0001'],
  ['－5', 'eq', '-5', '', 0, '1'],
  ['−5', 'eq', '-5', '', 0, '1'],
  ['100.00%', 'eq', '1', '%', 2, '0.0001'],
  ['0.5', 'eq', '0.5', '', 1, '0.1'],
  ['85.5分', 'eq', '85.5', '分', 1, '0.1'],
  ['5‰', 'eq', '0.005', '‰', 0, '0.001'],
  ['2个百分点', 'eq', '2', '百分点', 0, '1'],
  ['21816人次', 'eq', '21816', '人次', 0, '1'],
  ['100Mbps', 'eq', '100', 'Mbps', 0, '1'],
  ['满意度≥90%', 'ge', '0.9', '%', 0, '0.01'],
  ['≥ 90 %', 'ge', '0.9', '%', 0, '0.01'],
  ['１２３，４５６', 'eq', '123456', '', 0, '1'],
  ['0.00', 'eq', '0', '', 2, '0.01'],
  [' 95% ', 'eq', '0.95', '%', 0, '0.01'],
  ['95%\n', 'eq', '0.95', '%', 0, '0.01'],
  ['完成率:95%', 'eq', '0.95', '%', 0, '0.01'],
  ['100%（已同步数据上传数量/应同步上传数据数量*100%）', 'eq', '1', '%', 0, '0.01'],
];

/** Other text cells in the fixtures (labels, explanations, layout-A actual phrases). */
const fixtureOtherCells: Row[] = [
  ['合计：67人', 'eq', '67', '人', 0, '1'],
  ['均在3天内完成修改', 'le', '3', '天', 0, '1'],
  ['提升至2200M', 'eq', '2200', 'M', 0, '1'],
  ['“三公经费”控制率为89.9%', 'eq', '0.899', '%', 1, '0.001'],
  ['一般公共预算支出年度平均执行率为87.93%', 'eq', '0.8793', '%', 2, '0.0001'],
  ['制服覆盖率达100%', 'ge', '1', '%', 0, '0.01'],
  ['全站不能正常访问率低于1%', 'lt', '0.01', '%', 0, '0.01'],
  ['正常对外服务天数/全年工作日*100%', 'qualitative'], // a formula, not a value
  ['（1）信息化运维类项目', 'qualitative'], // numbering
  ['1、完成培训', 'qualitative'],
  ['表1 产出指标完成情况表', 'qualitative'],
  ['（2021年度）', 'qualitative'],
  ['12345政府服务热线大数据分析报告', 'qualitative'],
];

/** Not one clear number: skipped, never guessed. */
const notANumber: Row[] = [
  ['', 'blank'],
  ['   ', 'blank'],
  ['\u3000\n', 'blank'],
  ['已完成', 'qualitative'],
  ['按期推进', 'qualitative'],
  ['达标', 'qualitative'],
  ['90%-95%', 'qualitative'],
  ['90%~95%', 'qualitative'],
  ['2022年', 'qualitative'],
  ['2022年12月底前完成', 'qualitative'],
  ['12月底', 'qualitative'],
  ['第3名', 'qualitative'],
  ['前10名', 'qualitative'],
  ['约95%', 'qualitative'],
  ['95%左右', 'qualitative'],
  ['12345热线', 'qualitative'],
  ['IPv6', 'qualitative'],
  ['实现5G网络覆盖', 'qualitative'],
  ['5 000', 'qualitative'], // a gap between digits: two numbers, not 5000
  ['1,2345', 'qualitative'],
  ['1/3', 'qualitative'],
  ['≥5以下', 'qualitative'], // contradicts itself
  ['.5', 'qualitative'],
  ['3A', 'qualitative'],
  ['5星', 'qualitative'],
  ['/', 'qualitative'],
  ['—', 'qualitative'],
];

function describeRow(row: Row): unknown {
  if (row.length === 2) return { kind: row[1] };
  const [, op, value, unit, decimals, step, scale = 1] = row;
  return { kind: 'number', op, value, unit, decimals, step, scale, percent: unit === '%', fromText: true };
}

function describeValue(v: TypedValue): unknown {
  if (v.kind !== 'number') return { kind: v.kind };
  return {
    kind: 'number',
    op: v.op,
    value: v.value.toString(),
    unit: v.unit,
    decimals: v.decimals,
    step: v.step.toString(),
    scale: v.scale,
    percent: v.percent,
    fromText: v.fromText,
  };
}

function normalizeExpected(expected: unknown): unknown {
  const e = expected as { value?: string; step?: string };
  if (e.value === undefined) return expected;
  return { ...e, value: new Decimal(e.value).toString(), step: new Decimal(e.step as string).toString() };
}

describe.each([
  ['fixture targets', fixtureTargets],
  ['fixture actuals', fixtureActuals],
  ['operator words', operatorWords],
  ['number forms', numberForms],
  ['other fixture cells', fixtureOtherCells],
  ['not a number', notANumber],
])('parseTypedText: %s', (_name, rows) => {
  it.each(rows.map((row) => [JSON.stringify(row[0]), row] as const))('%s', (_label, row) => {
    expect(describeValue(parseTypedText(row[0]))).toEqual(normalizeExpected(describeRow(row)));
  });
});

describe('parseTypedText details', () => {
  it('keeps the typed text of a qualitative value, trimmed', () => {
    expect(parseTypedText(' 优秀 ')).toEqual({ kind: 'qualitative', text: '优秀' });
  });

  it('counts at least 90 notations', () => {
    const all = [...fixtureTargets, ...fixtureActuals, ...operatorWords, ...numberForms, ...fixtureOtherCells, ...notANumber];
    expect(new Set(all.map((r) => r[0])).size).toBeGreaterThanOrEqual(90);
  });
});

/** readCellValue: cell → value; numbers keep what they store and show. */
describe('readCellValue', () => {
  type CellRow = readonly [label: string, cell: Cell | undefined, expected: Record<string, unknown>];
  const rows: CellRow[] = [
    ['float noise is cleaned', { value: 0.9572000000000001 }, { value: '0.9572', decimals: 4, step: '0.0001', percent: false }],
    [
      '0.9 shown as 0.00%',
      { value: 0.9, numFmt: '0.00%' },
      { value: '0.9', decimals: 2, step: '0.0001', percent: true, unit: '%' },
    ],
    [
      '0.8793 shown as 0.00%',
      { value: 0.8793, numFmt: '0.00%' },
      { value: '0.8793', decimals: 2, step: '0.0001', percent: true },
    ],
    ['1.12 shown as 0%', { value: 1.12, numFmt: '0%' }, { value: '1.12', decimals: 0, step: '0.01', percent: true }],
    [
      '0.95721 stored, 0.00% shown: finer wins',
      { value: 0.95721, numFmt: '0.00%' },
      { value: '0.95721', decimals: 3, step: '0.00001' },
    ],
    [
      '5632.48 shown as #,##0.00',
      { value: 5632.48, numFmt: '#,##0.00' },
      { value: '5632.48', decimals: 2, step: '0.01', percent: false },
    ],
    ['10, no format', { value: 10 }, { value: '10', decimals: 0, step: '1', percent: false, unit: '' }],
    ['10 shown as 0.00', { value: 10, numFmt: '0.00' }, { value: '10', decimals: 2, step: '0.01' }],
    ['General format', { value: 3.5, numFmt: 'General' }, { value: '3.5', decimals: 1, step: '0.1' }],
    ['quoted unit in the format', { value: 200, numFmt: '0"人"' }, { value: '200', unit: '人' }],
    ['quoted % does not scale', { value: 95, numFmt: '0"%"' }, { value: '95', percent: false, unit: '', decimals: 0 }],
    ['escaped % does not scale', { value: 95, numFmt: '0\\%' }, { value: '95', percent: false, unit: '' }],
    ['negative section ignored', { value: 12.5, numFmt: '#,##0.00;[Red]-#,##0.00' }, { decimals: 2 }],
    ['formula result', { value: 0.75, formula: 'C3/B3', numFmt: '0.00%' }, { formula: true, op: 'eq', fromText: false }],
    ['constant', { value: 17 }, { formula: false, op: 'eq', fromText: false, scale: 1 }],
    ['-0 is 0', { value: -0 }, { value: '0' }],
  ];
  it.each(rows)('%s', (_label, cell, expected) => {
    const v = readCellValue(cell);
    expect(v.kind).toBe('number');
    if (v.kind !== 'number') return;
    const seen: Record<string, unknown> = {
      value: v.value.toString(),
      decimals: v.decimals,
      step: v.step.toString(),
      percent: v.percent,
      unit: v.unit,
      formula: v.formula,
      op: v.op,
      fromText: v.fromText,
      scale: v.scale,
    };
    for (const key of Object.keys(expected)) {
      const want = expected[key];
      const got = seen[key];
      if (key === 'value' || key === 'step') expect(new Decimal(got as string).equals(want as string)).toBe(true);
      else expect({ [key]: got }).toEqual({ [key]: want });
    }
  });

  it.each([
    ['undefined cell', undefined, { kind: 'blank' }],
    ['null value', { value: null }, { kind: 'blank' }],
    ['boolean', { value: true }, { kind: 'qualitative', text: 'TRUE' }],
    ['error', { value: { error: '#REF!' } }, { kind: 'error', code: '#REF!' }],
    ['date format', { value: 44926, numFmt: 'yyyy-mm-dd', text: '2022-12-31' }, { kind: 'qualitative', text: '2022-12-31' }],
    ['Chinese date format', { value: 44926, numFmt: 'yyyy"年"m"月"d"日"' }, { kind: 'qualitative', text: '44926' }],
    ['NaN', { value: Number.NaN }, { kind: 'qualitative', text: 'NaN' }],
  ] as const)('%s', (_label, cell, expected) => {
    expect(readCellValue(cell as Cell | undefined)).toEqual(expected);
  });

  it('reads a string through parseTypedText (a number stored as text)', () => {
    const v = readCellValue({ value: '87.93％' });
    expect(v).toMatchObject({ kind: 'number', fromText: true, percent: true, decimals: 2 });
    expect(v.kind === 'number' && v.value.equals('0.8793')).toBe(true);
  });

  it('marks a text formula result as a formula', () => {
    expect(readCellValue({ value: '95%', formula: 'TEXT(B2,"0%")' })).toMatchObject({ formula: true, fromText: true });
  });
});
