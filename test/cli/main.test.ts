import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  promises as fs,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'fs';
import * as markedCopy from '../../src/file/write-marked-copy';
import { checkWorkbook, type Finding } from '../../src/core';
import { readWorkbook } from '../../src/file/read-workbook';
import { execFileSync, spawnSync } from 'child_process';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import { main, type CliIO } from '../../src/cli/main';
import type { Report } from '../../src/core';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    env,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A reviewer's folder: two fixture copies, one corrupt workbook, one lock file. */
function inbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cli-'));
  copyFileSync(join(FIXTURES, 'gz2022-summary-clean.xlsx'), join(dir, 'clean.xlsx'));
  copyFileSync(join(FIXTURES, 'project-form-errors.xlsx'), join(dir, 'errors.xlsx'));
  writeFileSync(join(dir, 'broken.xlsx'), Buffer.from('PK\u0003\u0004 this zip stops here'));
  writeFileSync(join(dir, '~$clean.xlsx'), 'lock');
  return dir;
}

describe('scorecheck check, in-process', () => {
  test('--json: one entry per file, an error for the unusable ones, nothing else on stdout; exit 2 wins', async () => {
    const dir = inbox();
    const missing = join(dir, 'nope.xlsx');
    const run = await cli(['check', '--json', dir, missing], { LANG: 'en_US.UTF-8' });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.version).toBe(1);
    expect(report.files.map((f) => f.file)).toEqual([
      join(dir, 'broken.xlsx'),
      join(dir, 'clean.xlsx'),
      join(dir, 'errors.xlsx'),
      missing,
    ]);
    const [broken, clean, errors, gone] = report.files;
    expect(broken.error).toBe(
      `${join(dir, 'broken.xlsx')}: the file is damaged and cannot be opened as .xlsx (no zip end-of-directory record)`,
    );
    expect(gone.error).toBe(`${missing}: no such file`);
    expect(clean.error).toBeUndefined();
    expect(errors.error).toBeUndefined();
    expect(broken.findings).toEqual([]);
    // The reasons also go to stderr, one line each.
    expect(run.stderr.trim().split('\n')).toEqual([broken.error, gone.error]);
  });

  test('exit 1 when a readable file has error findings, 0 when clean', async () => {
    const dir = inbox();
    expect((await cli(['check', join(dir, 'clean.xlsx')])).code).toBe(0);
    const run = await cli(['check', '--json', join(dir, 'errors.xlsx')]);
    expect(run.code).toBe(1);
    // project-form-errors.expected.json: G6 rate, H6 and G17 score-rule.
    const cells = (JSON.parse(run.stdout) as Report).files[0].findings.filter((f) => f.severity === 'error').map((f) => f.cell);
    expect(cells).toEqual(expect.arrayContaining(['G6', 'H6', 'G17']));
  });

  test('human output in Chinese by default, English with LANG=en…; one line for the unusable file', async () => {
    const dir = inbox();
    const zh = await cli(['check', dir]);
    expect(zh.stdout).toContain(`${join(dir, 'broken.xlsx')}：文件已损坏，无法作为 .xlsx 打开`);
    expect(zh.stdout.trim().split('\n').pop()).toBe(
      '共 3 个文件：已检查 2 个（1 个有错误），0 个未识别到自评表，1 个无法读取；3 个错误，0 个警告，0 个提示',
    );
    const en = await cli(['check', dir], { LANG: 'en_US.UTF-8' });
    expect(en.stdout.trim().split('\n').pop()).toBe(
      '3 files: 2 checked (1 with errors), 0 not recognised, 1 unreadable; 3 errors, 0 warnings, 0 notes',
    );
    expect((await cli(['check', '--lang', 'zh-CN', dir], { LANG: 'en_US.UTF-8' })).stdout).toContain('共 3 个文件');
  });

  test('every fixture gives valid v1 JSON', async () => {
    const files = readdirSync(FIXTURES)
      .filter((n) => n.endsWith('.xlsx'))
      .map((n) => join(FIXTURES, n));
    const run = await cli(['check', '--json', ...files]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files).toHaveLength(files.length);
    for (const f of report.files) {
      expect(f.error).toBeUndefined();
      for (const finding of f.findings)
        expect(finding).toEqual(
          expect.objectContaining({ sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/) }),
        );
    }
    expect(run.code).not.toBe(2);
  });

  test('--annotate writes marked copies beside nothing it would overwrite', async () => {
    const dir = inbox();
    const out = join(dir, 'checked');
    const first = await cli(['check', '--annotate', out, join(dir, 'errors.xlsx'), join(dir, 'clean.xlsx')]);
    const second = await cli(['check', '--annotate', out, join(dir, 'errors.xlsx')]);
    expect([first.code, second.code]).toEqual([1, 1]);
    // Only files with findings get a copy; a second run never replaces the first.
    expect(readdirSync(out).sort()).toEqual(['errors.checked-1.xlsx', 'errors.checked.xlsx']);
    expect(first.stdout).toContain(`已写出标注副本：${join(out, 'errors.checked.xlsx')}`);
    expect(second.stdout).toContain(`已写出标注副本：${join(out, 'errors.checked-1.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'errors.checked.xlsx')) as unknown as ArrayBuffer);
    const g6 = wb.getWorksheet('项目自评表')!.getCell('G6');
    expect((g6.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(JSON.stringify(g6.note)).toContain('[ScoreCheck]\\n[错误] 年度资金总额（G6）为 100.00%');
    // The originals are untouched, and re-checking the folder does not pick the copies up.
    expect(readFileSync(join(dir, 'errors.xlsx')).equals(readFileSync(join(FIXTURES, 'project-form-errors.xlsx')))).toBe(true);
    const again = JSON.parse((await cli(['check', '--json', dir])).stdout) as Report;
    expect(again.files.map((f) => f.file).filter((f) => f.includes('.checked'))).toEqual([]);
  });

  test('a bad profile is exit 2 with the reason', async () => {
    const dir = inbox();
    const profile = join(dir, 'p.json');
    writeFileSync(profile, '{"capRates": "sometimes"}');
    const run = await cli(['check', '--profile', profile, join(dir, 'clean.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`scorecheck：配置文件 ${profile}：capRates must be "infer", "capped" or "uncapped"\n`);
    expect(run.stdout).toBe('');
    writeFileSync(profile, '{not json');
    expect((await cli(['check', '--profile', profile, join(dir, 'clean.xlsx')])).stderr).toMatch(/：不是有效的 JSON（/);
    writeFileSync(profile, '{"totalWeight": 100}');
    expect((await cli(['check', '--profile', profile, join(dir, 'clean.xlsx')])).code).toBe(0);
  });

  test('usage errors, a folder without workbooks, --help and --version', async () => {
    const bad = await cli(['check', '--bogus', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('scorecheck：未知选项“--bogus”（用法见 scorecheck --help）\n');
    expect((await cli(['check', '--bogus', 'x'], { LANG: 'en_US' })).stderr).toBe(
      'scorecheck: unknown option "--bogus" (see scorecheck --help)\n',
    );
    const empty = mkdtempSync(join(tmpdir(), 'sc-empty-'));
    mkdirSync(join(empty, 'sub'));
    const none = await cli(['check', empty], { LANG: 'en_US' });
    expect(none).toEqual({ code: 2, stdout: '', stderr: `scorecheck: no .xlsx workbooks in ${empty}\n` });
    expect((await cli(['--help'], { LANG: 'en_US.UTF-8' })).stdout).toMatch(/^Usage: scorecheck check/);
    const help = (await cli(['--help'], { LANG: 'zh_CN.UTF-8' })).stdout;
    expect(help).toMatch(/^用法：scorecheck check/);
    expect(help).toContain('--quiet, -q          只显示错误');
    expect((await cli(['check', '--lang', 'en-US', '--help'], { LANG: 'zh_CN.UTF-8' })).stdout).toMatch(
      /^Usage: scorecheck check/,
    );
    expect((await cli(['check', '--lang=en-US', '--fast', 'x'])).stderr).toBe(
      'scorecheck: unknown option "--fast" (see scorecheck --help)\n',
    );
    // Every rule is listed with its doc page.
    for (const id of [
      'weight-sum',
      'score-sum',
      'score-range',
      'rate',
      'amount-sum',
      'grade',
      'score-rule',
      'rate-convention',
      'text-number',
      'formula-range',
      'not-checked',
    ]) {
      expect(help).toMatch(new RegExp(`\\n  ${id} +\\S.* docs/rules/${id}\\.md\\n`));
    }
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

/** The four kinds of file a reviewer's folder holds: clean, wrong, not a self-evaluation table, corrupt. */
function fourKinds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sc-four-'));
  copyFileSync(join(FIXTURES, 'gz2022-summary-clean.xlsx'), join(dir, 'a-clean.xlsx'));
  copyFileSync(join(FIXTURES, 'gz2022-summary-errors.xlsx'), join(dir, 'b-errors.xlsx'));
  copyFileSync(join(FIXTURES, 'no-table', 'report-prose-only.xlsx'), join(dir, 'c-no-table.xlsx'));
  writeFileSync(join(dir, 'd-corrupt.xlsx'), Buffer.from('PK\u0003\u0004 this zip stops here'));
  return dir;
}

/** The engine's own findings for a fixture: the CLI is tested for where it puts them, not for their wording. */
async function engineFindings(file: string): Promise<Finding[]> {
  return checkWorkbook(await readWorkbook(readFileSync(file), file)).findings;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('a reviewer folder: output line by line, exit codes, JSON status', () => {
  // gz2022-summary-errors.expected.json: C7 score-sum 47, G12 rate 80%, B30 grade 优.
  test('Chinese: file headers with their tables, aligned findings, the no-table line, the totals', async () => {
    const dir = fourKinds();
    const run = await cli(['check', dir]);
    expect(run.code).toBe(2);
    const findings = await engineFindings(join(dir, 'b-errors.xlsx'));
    const message = (cell: string) => findings.find((f) => f.cell === cell)!.message['zh-CN'];
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    const lines = run.stdout.split('\n');
    // b-errors' block: its header, one line per finding, errors first in cell order.
    const start = lines.indexOf(`${join(dir, 'b-errors.xlsx')}（得分汇总表 自评得分!A3:J30）`);
    const block = lines.slice(start + 1, start + 1 + findings.length);
    expect(block.slice(0, 3)).toEqual([
      `  自评得分!C7   错误  score-sum  ${message('C7')}`,
      `  自评得分!G12  错误  rate       ${message('G12')}`,
      `  自评得分!B30  错误  grade      ${message('B30')}`,
    ]);
    // Any further (lesser) finding the engine gives is aligned in the same columns.
    for (const line of block.slice(3)) expect(line).toMatch(/^ {2}自评得分!\S+ +(警告|提示) {2}\S+ +\S/);
    expect(lines).toEqual([
      `${join(dir, 'a-clean.xlsx')}（得分汇总表 自评得分!A3:J30）`,
      '  未发现问题',
      '',
      lines[start],
      ...block,
      '',
      join(dir, 'c-no-table.xlsx'),
      '  未识别到绩效自评表，未检查（读取了 9 个单元格）',
      '',
      join(dir, 'd-corrupt.xlsx'),
      // The reader's own reason (its detail in brackets is the reader's business).
      expect.stringMatching(new RegExp(`^  ${escapeRegExp(join(dir, 'd-corrupt.xlsx'))}：文件已损坏，无法作为 \\.xlsx 打开`)),
      '',
      `共 4 个文件：已检查 2 个（1 个有错误），1 个未识别到自评表，1 个无法读取；${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 个提示`,
      '',
    ]);
    expect(start).toBe(3);
    expect(count('error')).toBe(3);
  });

  test('English: severity words and table kinds follow the language', async () => {
    const dir = fourKinds();
    const lines = (await cli(['check', dir], { LANG: 'en_US.UTF-8' })).stdout.split('\n');
    const findings = await engineFindings(join(dir, 'b-errors.xlsx'));
    const c7 = findings.find((f) => f.cell === 'C7')!.message['en-US'];
    expect(lines[3]).toBe(`${join(dir, 'b-errors.xlsx')} (score summary 自评得分!A3:J30)`);
    expect(lines[4]).toBe(`  自评得分!C7   error  score-sum  ${c7}`);
    expect(lines).toContain('  no self-evaluation table recognised; not checked (9 cells read)');
    expect(lines[lines.length - 2]).toMatch(
      /^4 files: 2 checked \(1 with errors\), 1 not recognised, 1 unreadable; 3 errors, \d+ warnings?, \d+ notes?$/,
    );
  });

  test('exit codes: clean 0, errors 1, not recognised 2, corrupt 2', async () => {
    const dir = fourKinds();
    const code = async (name: string) => (await cli(['check', join(dir, name)])).code;
    expect(await code('a-clean.xlsx')).toBe(0);
    expect(await code('b-errors.xlsx')).toBe(1);
    expect(await code('c-no-table.xlsx')).toBe(2);
    expect(await code('d-corrupt.xlsx')).toBe(2);
  });

  test('--json: "checked", "no-table" or "unreadable" per file; the no-table line on stderr', async () => {
    const dir = fourKinds();
    const run = await cli(['check', '--json', dir], { LANG: 'en_US' });
    const files = (JSON.parse(run.stdout) as Report).files as (Report['files'][number] & { status?: string })[];
    expect(files.map((f) => [f.status, Boolean(f.error)])).toEqual([
      ['checked', false],
      ['checked', false],
      ['no-table', false],
      ['unreadable', true],
    ]);
    expect(run.stderr).toContain(`${join(dir, 'c-no-table.xlsx')}: no self-evaluation table recognised; not checked\n`);
  });

  test('--quiet: errors only; the clean file is left out', async () => {
    const dir = fourKinds();
    const out = (await cli(['check', '--quiet', dir])).stdout;
    expect(out).not.toContain('a-clean.xlsx');
    expect(out.match(/ {2}错误 {2}/g)).toHaveLength(3);
  });
});

describe('progress on stderr', () => {
  test('at a terminal: files done / total, cleared at the end; in a pipe: nothing', async () => {
    const dir = fourKinds();
    let stderr = '';
    const io = (tty: boolean): CliIO => ({ stdout: () => undefined, stderr: (t) => (stderr += t), stderrIsTTY: tty, env: {} });
    await main(['check', dir], io(true));
    expect(stderr).toContain(`[1/4] ${join(dir, 'a-clean.xlsx')}`);
    expect(stderr).toContain(`[4/4] ${join(dir, 'd-corrupt.xlsx')}`);
    expect(stderr.endsWith('\r\x1b[2K')).toBe(true);
    stderr = '';
    await main(['check', dir], io(false));
    expect(stderr).toBe('');
  });
});

describe('the file system: odd inputs get a reason, nothing half-written is left', () => {
  test('a FIFO, /dev/zero, a folder named x.xlsx and a file over the size limit: one reason each, the rest checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-fs-'));
    copyFileSync(join(FIXTURES, 'gz2022-summary-clean.xlsx'), join(dir, 'ok.xlsx'));
    execFileSync('mkfifo', [join(dir, 'pipe.xlsx')]);
    mkdirSync(join(dir, 'x.xlsx'));
    // Sparse: 101 MiB by stat, no disk used; refused from stat, never read.
    execFileSync('truncate', ['-s', '101M', join(dir, 'big.xlsx')]);
    const run = await cli(['check', '--json', dir, '/dev/zero'], { LANG: 'en_US' });
    expect(run.code).toBe(2);
    const errors = (JSON.parse(run.stdout) as Report).files.map((f) => f.error ?? 'checked');
    expect(errors).toEqual([
      `${join(dir, 'big.xlsx')}: 101 MB, over the limit of 100 MB; not checked`,
      'checked',
      `${join(dir, 'pipe.xlsx')}: a named pipe (FIFO), not a workbook; not checked`,
      `${join(dir, 'x.xlsx')}: a folder, not a workbook; not checked`,
      '/dev/zero: a device, not a workbook; not checked',
    ]);
  });

  test('a marked copy that cannot be written: its own reason, the findings still counted, no partial file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-full-'));
    copyFileSync(join(FIXTURES, 'gz2022-summary-errors.xlsx'), join(dir, 'b.xlsx'));
    const out = join(dir, 'out');
    const open = fs.open.bind(fs);
    // A disk that fills up half-way through the copy.
    const spy = jest.spyOn(fs, 'open').mockImplementation((async (p: string, flags?: string | number, mode?: number) => {
      const handle = await open(p, flags, mode);
      if (String(p).includes('.tmp-')) {
        handle.writeFile = async (data: Uint8Array) => {
          await handle.write(data.subarray(0, 100));
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        };
      }
      return handle;
    }) as typeof fs.open);
    let run: Run;
    try {
      run = await cli(['check', '--annotate', out, join(dir, 'b.xlsx')]);
    } finally {
      spy.mockRestore();
    }
    expect(run.code).toBe(2);
    expect(readdirSync(out)).toEqual([]);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.includes('  错误  '))).toHaveLength(3);
    expect(lines).toContain(`  未能写出 ${join(dir, 'b.xlsx')} 的标注副本（ENOSPC）；以上问题照常计入`);
    expect(lines).toContain(
      '共 1 个文件：已检查 1 个（1 个有错误），0 个未识别到自评表，0 个无法读取；3 个错误，0 个警告，0 个提示',
    );
  });

  test('a writer error on one file does not stop the next one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-writer-'));
    copyFileSync(join(FIXTURES, 'gz2022-summary-errors.xlsx'), join(dir, 'a.xlsx'));
    copyFileSync(join(FIXTURES, 'project-form-errors.xlsx'), join(dir, 'b.xlsx'));
    const out = join(dir, 'out');
    const real = markedCopy.writeMarkedCopy;
    const spy = jest
      .spyOn(markedCopy, 'writeMarkedCopy')
      .mockImplementationOnce(async () => {
        throw new Error('package has no [Content_Types].xml');
      })
      .mockImplementation(real);
    let run: Run;
    try {
      run = await cli(['check', '--annotate', out, dir], { LANG: 'en_US' });
    } finally {
      spy.mockRestore();
    }
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      `  the marked copy of ${join(dir, 'a.xlsx')} could not be written (package has no [Content_Types].xml); the findings above still count`,
    );
    expect(readdirSync(out)).toEqual(['b.checked.xlsx']);
  });

  test('a profile with a BOM is read; a misspelt key and a wrong type are one line each', async () => {
    const dir = inbox();
    const profile = join(dir, 'p.json');
    const clean = join(dir, 'clean.xlsx');
    writeFileSync(profile, '\uFEFF{"totalWeight": 100}');
    expect((await cli(['check', '--profile', profile, clean])).code).toBe(0);
    writeFileSync(profile, '{"capRate": "capped"}');
    const misspelt = await cli(['check', '--profile', profile, clean], { LANG: 'en_US' });
    expect(misspelt).toEqual({
      code: 2,
      stdout: '',
      stderr: `scorecheck: profile ${profile}: unknown setting "capRate" (did you mean "capRates"?); known settings: name, capRates, gradeBands, totalWeight, reverseScoring, scoreTolerance\n`,
    });
    writeFileSync(profile, '{"gradeBands": [{"label": "优", "min": 90, "aliases": "优秀"}]}');
    const wrongType = await cli(['check', '--profile', profile, clean], { LANG: 'en_US' });
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toBe(`scorecheck: profile ${profile}: gradeBands[0].aliases must be a list of strings\n`);
    writeFileSync(profile, '[1, 2]');
    expect((await cli(['check', '--profile', profile, clean], { LANG: 'en_US' })).stderr).toBe(
      `scorecheck: profile ${profile}: a profile must be a JSON object\n`,
    );
  });

  test('control characters in a file name are escaped on a terminal, kept as they are in a pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-tty-'));
    const name = join(dir, 'x\u001b[2Jy.xlsx');
    copyFileSync(join(FIXTURES, 'gz2022-summary-clean.xlsx'), name);
    let stdout = '';
    await main(['check', name], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      stderrIsTTY: true,
      stdoutIsTTY: true,
      env: {},
    });
    expect(stdout.split('\n')[0]).toBe(`${join(dir, 'x\\x1B[2Jy.xlsx')}（得分汇总表 自评得分!A3:J30）`);
    expect(stdout).not.toContain('\u001b');
    expect((await cli(['check', name])).stdout).toContain('x\u001b[2Jy.xlsx');
  });
});

describe('scorecheck as a process (built CLI)', () => {
  // Built into its own folder under dist/ so that a parallel build of dist/cli is not disturbed.
  const outDir = join(ROOT, 'dist', `cli-test-${process.pid}`);
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.cli.json'), '--outDir', outDir],
      {
        cwd: ROOT,
      },
    );
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test('exit codes and JSON through a real process', () => {
    const dir = inbox();
    const entry = join(outDir, 'cli', 'main.js');
    expect(existsSync(entry)).toBe(true);
    // The same one-liner as bin/scorecheck.js, pointed at this build.
    const shim = join(outDir, 'scorecheck.js');
    writeFileSync(shim, `require(${JSON.stringify(entry)}).run();\n`);
    const run = (args: string[]) =>
      spawnSync(process.execPath, [shim, ...args], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'en_US.UTF-8' },
      });
    const clean = run(['check', join(dir, 'clean.xlsx')]);
    expect(clean.status).toBe(0);
    const mixed = run(['check', '--json', dir, join(dir, 'missing.xlsx')]);
    expect(mixed.status).toBe(2);
    const report = JSON.parse(mixed.stdout) as Report;
    expect(report.files.map((f) => Boolean(f.error))).toEqual([true, false, false, true]);
    expect(mixed.stderr.trim().split('\n')).toHaveLength(2);
  }, 60_000);

  test('| head ends quietly: EPIPE is the end of the output, not an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-pipe-'));
    // About 150 KB of output, more than a pipe buffers (64 KiB): the write after head exits really fails (62 KB, from 40 files, did not).
    for (let i = 0; i < 100; i++)
      copyFileSync(join(FIXTURES, 'gz2022-indicators.xlsx'), join(dir, `f${String(i).padStart(2, '0')}.xlsx`));
    const entry = join(outDir, 'cli', 'main.js');
    const run = spawnSync(
      'bash',
      [
        '-c',
        `node -e 'require(process.argv[1]).run()' "$0" check "$1" | head -1; echo "status \${PIPESTATUS[0]}" >&2`,
        entry,
        dir,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toBe(
      `${join(dir, 'f00.xlsx')}（产出/效益指标完成情况表 指标完成情况!A2:F17；产出/效益指标完成情况表 指标完成情况!A20:F27）\n`,
    );
    // exit 1: the findings' status, not a crash (2) with a stack trace.
    expect(run.stderr).toBe('status 1\n');
  }, 60_000);

  test('the bin shim points at the bundle webpack.cli.config.js produces', () => {
    const shim = readFileSync(join(ROOT, 'bin', 'scorecheck.js'), 'utf8');
    // webpack.cli.config.js is CommonJS, as webpack reads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(join(ROOT, 'webpack.cli.config.js')) as { output: { path: string; filename: string } };
    expect(shim).toContain(`require('../dist/${config.output.filename}').run()`);
    expect(config.output.path).toBe(join(ROOT, 'dist'));
    expect(existsSync(join(outDir, 'cli', 'main.js'))).toBe(true);
  });
});
