import { mkdtempSync, mkdirSync, promises as fs, writeFileSync, symlinkSync } from 'fs';
import { execFileSync } from 'child_process';
import { escapeForTerminal } from '../../src/cli/terminal-text';
import { tmpdir } from 'os';
import { join } from 'path';
import { langFromEnv, parseArgs } from '../../src/cli/args';
import { collectInputs } from '../../src/cli/collect-inputs';
import { formatHuman } from '../../src/cli/format-human';
import { markedCopyPath } from '../../src/cli/marked-copy-path';
import { exitCodeFor, type FileOutcome } from '../../src/cli/outcome';
import type { Finding, WorkbookResult } from '../../src/core';

describe('parseArgs', () => {
  test.each([
    [['check', 'a.xlsx'], { kind: 'check', inputs: ['a.xlsx'], json: false, quiet: false }],
    [['check', '--json', 'a', 'b'], { kind: 'check', inputs: ['a', 'b'], json: true, quiet: false }],
    [
      ['check', 'dir', '--annotate', 'out', '--lang', 'en-US'],
      { kind: 'check', inputs: ['dir'], json: false, quiet: false, annotateDir: 'out', lang: 'en-US' },
    ],
    [
      ['check', '--annotate=out', '--profile=p.json', 'x'],
      { kind: 'check', inputs: ['x'], json: false, quiet: false, annotateDir: 'out', profileFile: 'p.json' },
    ],
    [['check', '--', '--json'], { kind: 'check', inputs: ['--json'], json: false, quiet: false }],
    [['--help'], { kind: 'help' }],
    [['check', 'a', '-h'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
    [
      ['check', '-q', '--report', 'sum.xlsx', 'a'],
      { kind: 'check', inputs: ['a'], json: false, quiet: true, reportFile: 'sum.xlsx' },
    ],
    [
      ['check', '--quiet', '--report=r.CSV', 'a'],
      { kind: 'check', inputs: ['a'], json: false, quiet: true, reportFile: 'r.CSV' },
    ],
    [[], { kind: 'usage-error', message: expect.objectContaining({ 'en-US': 'missing command (check)' }) }],
    [
      ['lint', 'a'],
      { kind: 'usage-error', message: expect.objectContaining({ 'en-US': 'unknown command "lint" (expected check)' }) },
    ],
    [
      ['check', 'a', '--report', 'sum.pdf'],
      {
        kind: 'usage-error',
        message: expect.objectContaining({ 'en-US': '--report needs a file name ending in .xlsx or .csv' }),
      },
    ],
    [
      ['check', 'a', '--quiet=yes'],
      { kind: 'usage-error', message: expect.objectContaining({ 'en-US': '--quiet takes no value' }) },
    ],
    [['check'], { kind: 'usage-error', message: expect.objectContaining({ 'en-US': 'no files or folders to check' }) }],
    [
      ['check', 'a', '--annotate'],
      { kind: 'usage-error', message: expect.objectContaining({ 'en-US': '--annotate needs a folder' }) },
    ],
    [
      ['check', 'a', '--annotate', '--json'],
      { kind: 'usage-error', message: expect.objectContaining({ 'en-US': '--annotate needs a folder' }) },
    ],
    [
      ['check', 'a', '--lang', 'fr'],
      { kind: 'usage-error', message: expect.objectContaining({ 'en-US': '--lang must be zh-CN or en-US' }) },
    ],
    [['check', 'a', '--fast'], { kind: 'usage-error', message: expect.objectContaining({ 'en-US': 'unknown option "--fast"' }) }],
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
    for (const f of [
      'a.xlsx',
      '~$a.xlsx',
      'a.checked.xlsx',
      'a.checked-2.xlsx',
      'notes.txt',
      'old.xls',
      'b/z.XLSX',
      'b/deep/m.xlsm',
      'b/data.csv',
    ]) {
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
      {
        path: join(root, 'gone.xlsx'),
        problem: { 'zh-CN': `${join(root, 'gone.xlsx')}：找不到该文件`, 'en-US': `${join(root, 'gone.xlsx')}: no such file` },
      },
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

describe('collectInputs: what cannot be walked gets a reason, the rest is listed', () => {
  test('an unreadable sub-folder, a FIFO and a folder named like a workbook', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sc-odd-'));
    mkdirSync(join(root, 'locked'));
    writeFileSync(join(root, 'locked', 'in.xlsx'), 'x');
    writeFileSync(join(root, 'z.xlsx'), 'x');
    mkdirSync(join(root, 'x.xlsx'));
    execFileSync('mkfifo', [join(root, 'pipe.xlsx')]);
    // root reads a chmod-000 folder anyway: the refusal is simulated, as another user would meet it.
    const readdir = fs.readdir.bind(fs);
    const spy = jest.spyOn(fs, 'readdir').mockImplementation((async (dir: string, options: never) => {
      if (dir === join(root, 'locked')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return readdir(dir, options);
    }) as typeof fs.readdir);
    try {
      const inputs = await collectInputs([root]);
      expect(inputs).toEqual([
        {
          path: join(root, 'locked'),
          problem: {
            'zh-CN': `${join(root, 'locked')}：无法打开该文件夹（EACCES），其中的文件未检查`,
            'en-US': `${join(root, 'locked')}: cannot open this folder (EACCES); the files in it were not checked`,
          },
        },
        { path: join(root, 'pipe.xlsx') },
        { path: join(root, 'x.xlsx') },
        { path: join(root, 'z.xlsx') },
      ]);
    } finally {
      spy.mockRestore();
    }
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

const TABLE = { sheet: '自评表', range: 'A10:K64', kind: 'overall-2021' } as const;

function checked(file: string, result: Partial<WorkbookResult>, extra: Partial<FileOutcome> = {}): FileOutcome {
  return {
    file,
    ok: true,
    result: { tables: [TABLE], findings: [], sheets: [], ...result },
    cellsRead: { 说明: 3, 表: 4 },
    ...extra,
  } as FileOutcome;
}

describe('exitCodeFor', () => {
  const clean = checked('a.xlsx', {});
  const warned = checked('b.xlsx', { findings: [finding('A1', 'warning')] });
  const wrong = checked('c.xlsx', { findings: [finding('A1', 'error')] });
  const unusable: FileOutcome = { file: 'd.xls', ok: false, reason: { 'zh-CN': 'd', 'en-US': 'd' } };
  const noTable = checked('e.xlsx', { tables: [] });
  const lostCopy = checked('f.xlsx', { findings: [finding('A1', 'warning')] }, { copyProblem: { 'zh-CN': 'f', 'en-US': 'f' } });
  test.each([
    [[], 0],
    [[clean, warned], 0],
    [[clean, wrong], 1],
    [[clean, unusable], 2],
    [[wrong, unusable], 2],
    [[clean, noTable], 2],
    [[wrong, lostCopy], 2],
  ] as [FileOutcome[], number][])('%#', (outcomes, code) => {
    expect(exitCodeFor(outcomes)).toBe(code);
  });
});

describe('formatHuman: ESLint stylish shape', () => {
  const outcomes: FileOutcome[] = [
    checked('a.xlsx', { findings: [finding('D20', 'info', 0), finding('D13', 'error', 0, '16'), finding('B9', 'error', 0)] }),
    { file: 'b.xls', ok: false, reason: { 'zh-CN': 'b.xls：这是旧版 .xls 格式', 'en-US': 'b.xls: an old .xls workbook' } },
    checked('c.xlsx', { tables: [] }),
    checked('d.xlsx', {}),
  ];

  test('English: a header per file naming its tables, aligned findings, a closing line with totals', () => {
    expect(formatHuman(outcomes, { lang: 'en-US' })).toBe(
      [
        'a.xlsx (department overall form 自评表!A10:K64)',
        '  自评表!B9   error  weight-sum   B9 is wrong',
        '  自评表!D13  error  weight-sum   D13 is wrong (expected 16)',
        '  自评表!D20  info   not-checked  D20 is wrong',
        '',
        'b.xls',
        '  b.xls: an old .xls workbook',
        '',
        'c.xlsx',
        '  no self-evaluation table recognised; not checked (7 cells read)',
        '',
        'd.xlsx (department overall form 自评表!A10:K64)',
        '  no problems found',
        '',
        '4 files: 2 checked (1 with errors), 1 not recognised, 1 unreadable; 2 errors, 0 warnings, 1 note',
        '',
      ].join('\n'),
    );
  });

  test('Chinese, --quiet: errors only, files with nothing wrong left out, the totals still whole', () => {
    expect(formatHuman(outcomes, { lang: 'zh-CN', quiet: true })).toBe(
      [
        'a.xlsx（部门整体支出绩效自评表 自评表!A10:K64）',
        '  自评表!B9   错误  weight-sum  B9 不对',
        '  自评表!D13  错误  weight-sum  D13 不对（应为 16）',
        '',
        'b.xls',
        '  b.xls：这是旧版 .xls 格式',
        '',
        'c.xlsx',
        '  未识别到绩效自评表，未检查（读取了 7 个单元格）',
        '',
        '共 4 个文件：已检查 2 个（1 个有错误），1 个未识别到自评表，1 个无法读取；2 个错误，0 个警告，1 个提示',
        '',
      ].join('\n'),
    );
  });

  test('names escaped for a terminal: an escape sequence in a file name is shown, not run', () => {
    const evil = checked('\u001b]0;pwned\u0007.xlsx', {});
    const out = formatHuman([evil], { lang: 'en-US', show: escapeForTerminal });
    expect(out.split('\n')[0]).toBe('\\x1B]0;pwned\\x07.xlsx (department overall form 自评表!A10:K64)');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
  });
});
