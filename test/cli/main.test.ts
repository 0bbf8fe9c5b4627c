import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import { execFileSync, spawnSync } from 'child_process';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import { main, type CliIO } from '../../src/cli/main';
import type { Report } from '../../src/core/report';

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
    expect(broken.error).toBe(`${join(dir, 'broken.xlsx')}: the file is damaged and cannot be opened as .xlsx (no zip end-of-directory record)`);
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
    expect(zh.stdout.trim().split('\n').pop()).toMatch(/^共检查 3 个文件：\d 个有错误，1 个无法读取$/);
    const en = await cli(['check', dir], { LANG: 'en_US.UTF-8' });
    expect(en.stdout.trim().split('\n').pop()).toMatch(/^checked 3 files: \d with errors, 1 unusable$/);
    expect((await cli(['check', '--lang', 'zh-CN', dir], { LANG: 'en_US.UTF-8' })).stdout).toContain('共检查 3 个文件');
  });

  test('every fixture gives valid v1 JSON', async () => {
    const files = readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx')).map((n) => join(FIXTURES, n));
    const run = await cli(['check', '--json', ...files]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files).toHaveLength(files.length);
    for (const f of report.files) {
      expect(f.error).toBeUndefined();
      for (const finding of f.findings) expect(finding).toEqual(expect.objectContaining({ sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/) }));
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
    expect(JSON.stringify(g6.note)).toContain('ScoreCheck: [错误]');
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
    expect(run.stderr).toBe(`scorecheck: profile ${profile}: capRates must be "infer", "capped" or "uncapped"\n`);
    expect(run.stdout).toBe('');
    writeFileSync(profile, '{not json');
    expect((await cli(['check', '--profile', profile, join(dir, 'clean.xlsx')])).stderr).toMatch(/is not valid JSON/);
    writeFileSync(profile, '{"totalWeight": 100}');
    expect((await cli(['check', '--profile', profile, join(dir, 'clean.xlsx')])).code).toBe(0);
  });

  test('usage errors, a folder without workbooks, --help and --version', async () => {
    const bad = await cli(['check', '--bogus', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^scorecheck: unknown option "--bogus"\n\nUsage: scorecheck check/);
    const empty = mkdtempSync(join(tmpdir(), 'sc-empty-'));
    mkdirSync(join(empty, 'sub'));
    const none = await cli(['check', empty], { LANG: 'en_US' });
    expect(none).toEqual({ code: 2, stdout: '', stderr: `scorecheck: no .xlsx workbooks in ${empty}\n` });
    expect((await cli(['--help'])).stdout).toMatch(/^Usage: scorecheck check/);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('scorecheck as a process (built CLI)', () => {
  // Built into its own folder under dist/ so that a parallel build of dist/cli is not disturbed.
  const outDir = join(ROOT, 'dist', `cli-test-${process.pid}`);
  beforeAll(() => {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.cli.json'), '--outDir', outDir], {
      cwd: ROOT,
    });
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

  test('the bin shim points at the bundle webpack.cli.config.js produces', () => {
    const shim = readFileSync(join(ROOT, 'bin', 'scorecheck.js'), 'utf8');
    const config = require(join(ROOT, 'webpack.cli.config.js')) as { output: { path: string; filename: string } };
    expect(shim).toContain(`require('../dist/${config.output.filename}').run()`);
    expect(config.output.path).toBe(join(ROOT, 'dist'));
    expect(existsSync(join(outDir, 'cli', 'main.js'))).toBe(true);
  });
});
