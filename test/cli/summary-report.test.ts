/**
 * `scorecheck check DIR --report summary.xlsx|.csv`: the summary read back
 * with the project's own reader and compared with the findings the same run
 * reports in JSON and with the fixtures' expected files; opened by
 * LibreOffice where it is installed.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { main, type CliIO } from '../../src/cli/main';
import { checkWorkbook, type Report, type Sheet } from '../../src/core';
import { readWorkbook } from '../../src/file/read-workbook';
import { summaryCsv } from '../../src/file/summary-csv';
import { findingTable } from '../../src/file/summary-rows';

const FIXTURES = resolve(__dirname, '..', 'fixtures');
/** The 汇总 sheet's header row, as issue 13 lists the columns. */
const SUMMARY_HEADER = '文件,单位/项目名称,状态,错误,警告,提示,总分（填报）,总分（重算）,等级（填报）,等级（应为）,重复提交,说明';
const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, env: {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Fixtures of every status, and one submission sent twice under two names. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sc-summary-'));
  const inbox = join(dir, 'inbox');
  execFileSync('mkdir', [inbox]);
  for (const name of [
    'gz2021-overall-errors',
    'gz2022-summary-clean',
    'gz2022-summary-errors',
    'gz2022-indicators',
    'project-form-errors',
  ]) {
    copyFileSync(join(FIXTURES, `${name}.xlsx`), join(inbox, `${name}.xlsx`));
  }
  copyFileSync(join(FIXTURES, 'project-form-errors.xlsx'), join(inbox, 'project-form-errors-again.xlsx'));
  copyFileSync(join(FIXTURES, 'no-table', 'report-prose-only.xlsx'), join(inbox, 'no-table.xlsx'));
  writeFileSync(join(inbox, 'broken.xlsx'), 'PK\u0003\u0004 not a zip');
  return dir;
}

function rowsOf(sheet: Sheet): (string | number | undefined)[][] {
  const width = Math.max(...sheet.rows.map((r) => r.length));
  return sheet.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c]?.value;
      return v === null || v === undefined ? undefined : (v as string | number);
    }),
  );
}

describe('--report summary.xlsx', () => {
  let dir: string;
  let report: Report;
  let sheets: Sheet[];
  let zip: Record<string, Uint8Array>;

  beforeAll(async () => {
    dir = folder();
    const summary = join(dir, 'summary.xlsx');
    const run = await cli(['check', '--json', '--annotate', join(dir, 'out'), '--report', summary, join(dir, 'inbox')]);
    expect(run.code).toBe(2);
    report = JSON.parse(run.stdout) as Report;
    const bytes = readFileSync(summary);
    sheets = (await readWorkbook(bytes, 'summary.xlsx')).sheets;
    zip = unzipSync(bytes);
  });

  test('汇总: one row per file, status and counts as the JSON report has them', () => {
    expect(sheets.map((s) => s.name)).toEqual(['汇总', '问题清单']);
    const [header, ...rows] = rowsOf(sheets[0]);
    expect(header.join(',')).toBe(SUMMARY_HEADER);
    expect(rows.map((r) => r[0])).toEqual(report.files.map((f) => f.file));
    report.files.forEach((f, i) => {
      const count = (s: string) => f.findings.filter((x) => x.severity === s).length;
      if (f.error) expect(rows[i].slice(2, 6)).toEqual(['无法读取', undefined, undefined, undefined]);
      else expect(rows[i].slice(3, 6)).toEqual([count('error'), count('warning'), count('info')]);
    });
    const byName = new Map(rows.map((r) => [String(r[0]).split('/').pop(), r]));
    expect(byName.get('broken.xlsx')![11]).toMatch(/broken\.xlsx：文件已损坏/);
    expect(byName.get('no-table.xlsx')!.slice(1, 6)).toEqual(['清溪县住房和城乡建设局', '未识别到自评表', 0, 0, 0]);
    expect(byName.get('no-table.xlsx')![11]).toBe('未识别到绩效自评表，未检查');
    expect(byName.get('gz2022-summary-clean.xlsx')![2]).toBe('未发现问题');
    expect(byName.get('gz2022-indicators.xlsx')![2]).toBe('有错误');
  });

  test('汇总: the name as the form states it, total and grade printed and as they should be', () => {
    const byName = new Map(rowsOf(sheets[0]).map((r) => [String(r[0]).split('/').pop(), r]));
    // gz2021-overall-errors.expected.json: I64 score-sum expected 89.8 (printed 89.3); no grade row, 89.8 is 良.
    expect(byName.get('gz2021-overall-errors.xlsx')!.slice(1, 10)).toEqual([
      '广州市海珠区政务服务数据管理局',
      '有错误',
      5,
      1,
      1,
      89.3,
      89.8,
      undefined,
      '良',
    ]);
    // gz2022-summary-errors.expected.json: B30 grade 良, expected 优 (总分 97).
    expect(byName.get('gz2022-summary-errors.xlsx')!.slice(6, 10)).toEqual([97, 97, '良', '优']);
    expect(byName.get('project-form-errors.xlsx')![1]).toBe('智慧城市建设经费');
  });

  test('汇总: the same submission under two names is flagged on both rows, no other row', () => {
    const rows = rowsOf(sheets[0]).slice(1);
    const flagged = rows.filter((r) => r[10] !== undefined).map((r) => [String(r[0]).split('/').pop(), r[10]]);
    expect(flagged).toEqual([
      ['project-form-errors-again.xlsx', `与 ${join(dir, 'inbox', 'project-form-errors.xlsx')} 名称和数字相同`],
      ['project-form-errors.xlsx', `与 ${join(dir, 'inbox', 'project-form-errors-again.xlsx')} 名称和数字相同`],
    ]);
  });

  test('问题清单: every finding of the report, with sheet, cell, rule, severity, found, expected, reason', () => {
    const [header, ...rows] = rowsOf(sheets[1]);
    expect(header).toEqual(['文件', '工作表', '单元格', '指标', '规则', '严重程度', '填报值', '应为', '原因']);
    const fromJson = report.files.flatMap((f) =>
      f.findings.map((x) => [f.file, x.sheet, x.cell, x.rule, SEVERITY_ZH[x.severity], x.found, x.expected, x.message].join('|')),
    );
    const fromSheet = rows.map((r) =>
      [r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8]].map((v) => (v === undefined ? '' : String(v))).join('|'),
    );
    expect(fromSheet.sort()).toEqual(fromJson.map((l) => l.replace(/\|undefined/g, '|')).sort());
    // The fixtures' expected findings are there, named by their indicator.
    const find = (file: string, cell: string) => rows.find((r) => String(r[0]).endsWith(`/${file}`) && r[2] === cell)!;
    expect(find('gz2022-summary-errors.xlsx', 'C7').slice(3, 8)).toEqual(['管理效率', 'score-sum', '错误', '48', '47']);
    expect(find('gz2021-overall-errors.xlsx', 'D11').slice(3, 8)).toEqual(['资金管理', 'weight-sum', '错误', '16', '17']);
    expect(find('project-form-errors.xlsx', 'G6')[4]).toBe('rate');
  });

  test('filterable: autofilter over each sheet, header frozen, Chinese widths; cells link into the marked copy', () => {
    const findingsXml = strFromU8(zip['xl/worksheets/sheet2.xml']);
    const rows = sheets[1].rows.length;
    expect(findingsXml).toContain(`<autoFilter ref="A1:I${rows}"/>`);
    expect(findingsXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // 原因 is the widest column, capped so it wraps; 文件 fits its longest path.
    expect(findingsXml).toMatch(/<col min="9" max="9" width="60" customWidth="1"\/>/);
    expect(strFromU8(zip['xl/workbook.xml'])).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'问题清单'!$A$1:$I$${rows}</definedName>`,
    );
    const rels = strFromU8(zip['xl/worksheets/_rels/sheet2.xml.rels']);
    expect(rels).toContain(`Target="out/gz2022-summary-errors.checked.xlsx#'自评得分'!C7" TargetMode="External"`);
    // One link per finding of a file that got a marked copy: every file with findings here.
    expect(rels.match(/<Relationship /g)).toHaveLength(rows - 1);
    expect(existsSync(join(dir, 'out', 'gz2022-summary-errors.checked.xlsx'))).toBe(true);
  });

  test('LibreOffice opens it (headless conversion to PDF and CSV)', () => {
    const soffice = spawnSync('which', ['soffice'], { encoding: 'utf8' }).stdout.trim();
    if (!soffice) {
      console.log('skipped: LibreOffice (soffice) is not installed, so the summary was not opened in it');
      return;
    }
    const out = join(dir, 'lo');
    // Its own profile folder: another soffice running on the machine must not lock ours.
    const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
    // CSV filter options 44,34,76: comma, double quote, UTF-8.
    for (const [format, ext] of [
      ['pdf', 'pdf'],
      ['csv:Text - txt - csv (StarCalc):44,34,76', 'csv'],
    ]) {
      const run = spawnSync(
        soffice,
        [profile, '--headless', '--convert-to', format, '--outdir', out, join(dir, 'summary.xlsx')],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status).toBe(0);
      expect(existsSync(join(out, `summary.${ext}`))).toBe(true);
    }
    // LibreOffice's CSV is the first sheet: the 汇总 header as LibreOffice read it.
    expect(readFileSync(join(out, 'summary.csv'), 'utf8').split('\n')[0]).toBe(SUMMARY_HEADER);
  }, 240_000);
});

describe('--report findings.csv', () => {
  test('UTF-8 with a BOM, CRLF, one line per finding, quoted where needed; English with --lang', async () => {
    const dir = folder();
    const csv = join(dir, 'findings.csv');
    const run = await cli(['check', '--json', '--lang', 'en-US', '--report', csv, join(dir, 'inbox')]);
    const report = JSON.parse(run.stdout) as Report;
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('File,Sheet,Cell,Indicator,Rule,Severity,Found,Expected,Reason');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1 + report.files.reduce((n, f) => n + f.findings.length, 0));
    const c7 = lines.find((l) => l.includes('gz2022-summary-errors.xlsx,自评得分,C7,'))!;
    const file = join(dir, 'inbox', 'gz2022-summary-errors.xlsx');
    const message = checkWorkbook(await readWorkbook(readFileSync(file), file)).findings.find((f) => f.cell === 'C7')!.message[
      'en-US'
    ];
    expect(c7).toBe(
      `${file},自评得分,C7,管理效率,score-sum,error,48,47,${/[,"]/.test(message) ? `"${message.replace(/"/g, '""')}"` : message}`,
    );
  });

  test('a summary that cannot be written: exit 2 and one line, the report on stdout still whole', async () => {
    const dir = folder();
    const run = await cli([
      'check',
      '--report',
      join(dir, 'no-such-folder', 's.xlsx'),
      join(dir, 'inbox', 'gz2022-summary-clean.xlsx'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`scorecheck：未能写出汇总表 ${join(dir, 'no-such-folder', 's.xlsx')}（ENOENT）\n`);
    expect(run.stdout).toContain('未发现问题');
  });
});

describe('summary rows', () => {
  const finding = {
    sheet: '自评 表',
    cell: 'D11',
    rule: 'weight-sum',
    severity: 'error',
    found: '=SUM(F11:F16)',
    message: { 'zh-CN': 'D11 不对', 'en-US': 'D11 is wrong' },
  } as const;
  const file = {
    file: 'a.xlsx',
    result: { tables: [{ sheet: '自评 表', range: 'A1:D20', kind: 'score-summary' as const }], findings: [finding], sheets: [] },
    markedCopy: 'out/单位 A#1.checked.xlsx',
  };

  test('a link escapes what a URI gives a meaning to and quotes the sheet', () => {
    expect(findingTable([file], 'zh-CN').rows[0][2]).toEqual({
      value: 'D11',
      link: "out/单位%20A%231.checked.xlsx#'自评 表'!D11",
    });
  });

  test('CSV: a value that would run as a formula in Excel is written as text', () => {
    expect(summaryCsv([file], 'en-US').split('\r\n')[1]).toBe(
      'a.xlsx,自评 表,D11,,weight-sum,error,"\'=SUM(F11:F16)",,D11 is wrong',
    );
  });
});
