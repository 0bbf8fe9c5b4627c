import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { langFromEnv, parseArgs } from '../../src/cli/args';
import { collectInputs } from '../../src/cli/collect-inputs';
import { findingLine, formatHuman } from '../../src/cli/format-human';
import { markedCopyPath } from '../../src/cli/marked-copy-path';
import { exitCodeFor, type FileOutcome } from '../../src/cli/outcome';
import type { Finding, WorkbookResult } from '../../src/core/findings/finding';

describe('parseArgs', () => {
  test.each([
    [['check', 'a.xlsx'], { kind: 'check', inputs: ['a.xlsx'], json: false }],
    [['check', '--json', 'a', 'b'], { kind: 'check', inputs: ['a', 'b'], json: true }],
    [['check', 'dir', '--annotate', 'out', '--lang', 'en-US'], { kind: 'check', inputs: ['dir'], json: false, annotateDir: 'out', lang: 'en-US' }],
    [['check', '--annotate=out', '--profile=p.json', 'x'], { kind: 'check', inputs: ['x'], json: false, annotateDir: 'out', profileFile: 'p.json' }],
    [['check', '--', '--json'], { kind: 'check', inputs: ['--json'], json: false }],
    [['--help'], { kind: 'help' }],
    [['check', 'a', '-h'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
    [[], { kind: 'usage-error', message: 'missing command' }],
    [['lint', 'a'], { kind: 'usage-error', message: 'unknown command "lint"' }],
    [['check'], { kind: 'usage-error', message: 'no files or folders to check' }],
    [['check', 'a', '--annotate'], { kind: 'usage-error', message: '--annotate needs a folder' }],
    [['check', 'a', '--annotate', '--json'], { kind: 'usage-error', message: '--annotate needs a folder' }],
    [['check', 'a', '--lang', 'fr'], { kind: 'usage-error', message: '--lang must be zh-CN or en-US' }],
    [['check', 'a', '--fast'], { kind: 'usage-error', message: 'unknown option "--fast"' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  test.each([
    [{ LANG: 'en_US.UTF-8' }, 'en-US'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'C' }, 'zh-CN'],
    [{}, 'zh-CN'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'en-US'],
  ])('language from %j is %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });
});

describe('collectInputs', () => {
  test('walks folders recursively, in name order, skipping lock files, marked copies and non-workbooks', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sc-walk-'));
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    for (const f of ['a.xlsx', '~$a.xlsx', 'a.checked.xlsx', 'a.checked-2.xlsx', 'notes.txt', 'old.xls', 'b/z.XLSX', 'b/deep/m.xlsm', 'b/data.csv']) {
      writeFileSync(join(root, f), 'x');
    }
    symlinkSync(root, join(root, 'b', 'loop'));
    const inputs = await collectInputs([root, join(root, 'a.xlsx'), join(root, 'b', 'data.csv'), join(root, 'gone.xlsx')]);
    expect(inputs).toEqual([
      { path: join(root, 'a.xlsx') },
      { path: join(root, 'b', 'deep', 'm.xlsm') },
      { path: join(root, 'b', 'z.XLSX') },
      { path: join(root, 'old.xls') },
      // Named explicitly: checked (and reported) whatever the extension.
      { path: join(root, 'b', 'data.csv') },
      { path: join(root, 'gone.xlsx'), missing: true },
    ]);
  });
});

describe('markedCopyPath', () => {
  test.each([
    ['in/单位A.xlsx', [], 'out/单位A.checked.xlsx'],
    ['in/单位A.xlsx', ['out/单位A.checked.xlsx'], 'out/单位A.checked-1.xlsx'],
    ['in/单位A.xlsx', ['out/单位A.checked.xlsx', 'out/单位A.checked-1.xlsx'], 'out/单位A.checked-2.xlsx'],
    ['in/macro.xlsm', [], 'out/macro.checked.xlsm'],
  ])('%s with %j taken → %s', (input, taken, expected) => {
    expect(markedCopyPath('out', input, (p) => (taken as string[]).includes(p))).toBe(expected);
  });
});

const finding = (cell: string, severity: Finding['severity'], table?: number, expected?: string): Finding => ({
  sheet: '自评表',
  cell,
  rule: severity === 'error' ? 'weight-sum' : 'not-checked',
  severity,
  expected,
  table,
  message: { 'zh-CN': `${cell} 不对`, 'en-US': `${cell} is wrong` },
});

function checked(file: string, result: Partial<WorkbookResult>): FileOutcome {
  return { file, ok: true, result: { tables: [], findings: [], sheets: [], ...result }, cellsRead: { 说明: 3 } };
}

describe('exitCodeFor', () => {
  const clean = checked('a.xlsx', {});
  const warned = checked('b.xlsx', { findings: [finding('A1', 'warning')] });
  const wrong = checked('c.xlsx', { findings: [finding('A1', 'error')] });
  const unusable: FileOutcome = { file: 'd.xls', ok: false, reason: { 'zh-CN': 'd', 'en-US': 'd' } };
  test.each([
    [[], 0],
    [[clean, warned], 0],
    [[clean, wrong], 1],
    [[clean, unusable], 2],
    [[wrong, unusable], 2],
  ] as [FileOutcome[], number][])('%#', (outcomes, code) => {
    expect(exitCodeFor(outcomes)).toBe(code);
  });
});

describe('formatHuman', () => {
  test('by file, then table, then severity; sheets without a table; unusable files; a summary', () => {
    const outcomes: FileOutcome[] = [
      checked('a.xlsx', {
        tables: [{ sheet: '自评表', range: 'A10:K64', kind: 'overall-2021' }],
        findings: [finding('D20', 'info', 0), finding('D13', 'error', 0, '16'), finding('B9', 'error', 0)],
        sheets: [{ name: '自评表', tables: 1 }, { name: '说明', tables: 0 }],
      }),
      { file: 'b.xls', ok: false, reason: { 'zh-CN': 'b.xls：这是旧版 .xls 格式', 'en-US': 'b.xls: an old .xls workbook' } },
    ];
    expect(formatHuman(outcomes, 'en-US')).toBe(
      [
        'a.xlsx',
        '  自评表 A10:K64 (overall-2021)',
        '    B9  weight-sum  error  B9 is wrong',
        '    D13  weight-sum  error  D13 is wrong (expected 16)',
        '    D20  not-checked  info  D20 is wrong',
        '  no self-evaluation table found on sheet 说明 (3 cells read)',
        '  2 errors, 0 warnings, 1 info',
        '',
        'b.xls: an old .xls workbook',
        '',
        'checked 2 files: 1 with errors, 1 unusable',
        '',
      ].join('\n'),
    );
  });

  test('Chinese: the expected value in full-width brackets; a clean file says so', () => {
    expect(findingLine(finding('D13', 'error', 0, '16'), 'zh-CN')).toBe('D13  weight-sum  error  D13 不对（应为 16）');
    const out = formatHuman([checked('a.xlsx', { sheets: [{ name: '说明', tables: 0 }] })], 'zh-CN');
    expect(out).toBe('a.xlsx\n  工作表“说明”中未找到绩效自评表（读取了 3 个单元格）\n  未发现问题\n\n共检查 1 个文件：0 个有错误，0 个无法读取\n');
  });
});
