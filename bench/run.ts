/**
 * `npm run bench`: how fast the checker is, in one run on this machine.
 * Each figure is a median over RUNS runs after WARMUP unmeasured ones; the
 * last line is one JSON object for scripts (bench/RESULTS.md explains it).
 * Progress and sanity lines go to stderr, figures to stdout.
 */
import { cpus } from 'os';
import { execFileSync } from 'child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { loadavg, tmpdir } from 'os';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import { checkSheet, checkWorkbook } from '../src/core/engine';
import type { Sheet } from '../src/core/grid/grid';
import { readWorkbook } from '../src/file/read-workbook';
import { nodeZlib } from '../src/file/node-zlib';
import { writeMarkedCopy } from '../src/file/write-marked-copy';
import type { Finding } from '../src/core/findings/finding';
import { OfficeExcelHost } from '../src/excel/excel-host';
import { FakeExcel, measureValidationSyncs, type FakeCell, type FakeScalar } from '../test/excel/fake-excel';
import {
  cliManyFiles,
  cliOneFileVsNode,
  cliPeakRssMb,
  markedCopyVsRead,
  readVsExcelJS,
  sideBySide,
  workerBundleKb,
} from './reader';
import { copySheet, largeSheet, overallForm } from './sheets';
import { median } from './stats';

const RUNS = 21;
const WARMUP = 3;
const ROOT = resolve(__dirname, '..', '..', '..'); // dist/bench/bench → the repository

function timeMs(fn: () => void, runs = RUNS): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}

async function timeMsAsync(fn: () => Promise<unknown>, runs = RUNS, warmup = WARMUP): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Error findings of a clean build must be none, or the sheet is not the realistic clean sheet it claims to be. */
function sanity(label: string, clean: Sheet, planted: Sheet): void {
  const errors = (s: Sheet) => checkSheet(s).findings.filter((f) => f.severity === 'error');
  const c = errors(clean);
  const p = checkSheet(planted).findings;
  log(
    `${label}: ${clean.rows.length} rows, ${checkSheet(clean).tables.length} tables; clean build ${c.length} errors` +
      `${
        c.length
          ? ` (${c
              .slice(0, 5)
              .map((f) => `${f.cell} ${f.rule}`)
              .join(', ')})`
          : ''
      }; planted build ${p.filter((f) => f.severity === 'error').length} errors: ` +
      p
        .filter((f) => f.severity === 'error')
        .slice(0, 8)
        .map((f) => `${f.cell} ${f.rule}`)
        .join(', '),
  );
}

async function xlsxOf(sheet: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || cell.value === null || typeof cell.value === 'object') return;
      const x = ws.getCell(r + 1, c + 1);
      x.value = cell.value;
      if (cell.numFmt) x.numFmt = cell.numFmt;
    }),
  );
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** exceljs's own load vs the engine on the grid readWorkbook makes of the same bytes. */
async function parseVsEngine(label: string, sheet: Sheet): Promise<{ parse: number; read: number; engine: number }> {
  const bytes = await xlsxOf(sheet);
  const parse = await timeMsAsync(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
  const read = await timeMsAsync(() => readWorkbook(bytes, 'bench.xlsx'));
  const workbook = await readWorkbook(bytes, 'bench.xlsx');
  const engine = timeMs(() => checkWorkbook(workbook));
  log(
    `${label} (${(bytes.length / 1024).toFixed(0)} KiB): exceljs load ${round(parse)} ms, readWorkbook ${round(read)} ms, engine ${round(engine)} ms → engine/parse ${round(engine / parse, 3)}`,
  );
  return { parse, read, engine };
}

/** One mark every ten rows, as on a badly filled large sheet. */
function marksEveryTenRows(sheet: Sheet): Finding[] {
  const findings: Finding[] = [];
  for (let r = 5; r < sheet.rows.length; r += 10) findings.push(finding(sheet.name, `D${r}`));
  return findings;
}

/** Not a target of its own: writing the marked copy of a large sheet, one mark every ten rows. */
async function markedCopyTime(sheet: Sheet): Promise<void> {
  const bytes = await xlsxOf(sheet);
  const findings = marksEveryTenRows(sheet);
  const ms = await timeMsAsync(() => writeMarkedCopy(bytes, findings, 'zh-CN', nodeZlib), 5, 1);
  log(`marked copy of the ${sheet.rows.length}-row sheet with ${findings.length} marks (median of 5): ${round(ms)} ms`);
}

function finding(sheet: string, cell: string): Finding {
  return { sheet, cell, rule: 'rate', severity: 'error', message: { 'zh-CN': '应为 1', 'en-US': 'should be 1' } };
}

function cliWallTime(runs: number): { seconds: number; files: number } {
  const bin = join(ROOT, 'bin', 'scorecheck.js');
  const fixtures = join(ROOT, 'test', 'fixtures');
  const names = readdirSync(fixtures).filter((f) => f.endsWith('.xlsx'));
  const dir = mkdtempSync(join(tmpdir(), 'scorecheck-bench-'));
  try {
    for (let i = 0; i < 100; i++)
      copyFileSync(
        join(fixtures, names[i % names.length]),
        join(dir, `${String(i).padStart(3, '0')}-${names[i % names.length]}`),
      );
    const xs: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t = process.hrtime.bigint();
      try {
        execFileSync(process.execPath, [bin, 'check', '--json', dir], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
      } catch (e) {
        // Exit 1 means findings of severity error: expected, some fixtures have them.
        if ((e as { status?: number }).status !== 1) throw e;
      }
      if (i > 0) xs.push(Number(process.hrtime.bigint() - t) / 1e9); // the first run warms the disk cache
    }
    return { seconds: median(xs), files: 100 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A grid as the Office double's rows (values, formats), plus its merges in A1. */
function fakeSheetOf(sheet: Sheet): { rows: (FakeScalar | FakeCell | undefined)[][]; merges: string[] } {
  const rows = sheet.rows.map((row) =>
    row.map((c): FakeCell | undefined =>
      c ? { value: c.value as FakeScalar, ...(c.numFmt ? { numberFormat: c.numFmt } : {}) } : undefined,
    ),
  );
  const col = (n: number) => String.fromCharCode(65 + n);
  return { rows, merges: sheet.merges.map((m) => `${col(m.left)}${m.top + 1}:${col(m.right)}${m.bottom + 1}`) };
}

async function officeRoundTrips(sheet: Sheet): Promise<{ read: number; write: number; maxResponseKb: number }> {
  const fake = new FakeExcel('1.20');
  // A user's note on the sheet forces the second read (its cell must be looked up), the worst case.
  fake.addSheet('Sheet1', { ...fakeSheetOf(sheet), notes: { K3: '请核对' } });
  const host = new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
  const syncs = await measureValidationSyncs(
    fake,
    (c) => host.validate(c),
    (s) => checkSheet(s),
  );
  return { ...syncs, maxResponseKb: fake.maxSyncResponseBytes / 1024 };
}

/**
 * One edit while live checking, on the double: the round trips and bytes the
 * re-check reads (issue 12: at most 2 and 64 KiB on the 300-row form). The
 * edited cell is the last number of row 40, a level-3 score.
 */
async function officeLiveEdit(sheet: Sheet): Promise<{ syncs: number; readKb: number }> {
  const fake = new FakeExcel('1.20');
  fake.addSheet('Sheet1', fakeSheetOf(sheet));
  const host = new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
  const check = (s: Sheet) => checkSheet(s);
  await host.validate(check);
  const row = sheet.rows[39] ?? [];
  const col = row.map((c, i) => (typeof c?.value === 'number' ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  const address = `${String.fromCharCode(65 + col)}40`;
  await fake.userEdit('Sheet1', address, 0);
  fake.resetSyncCount();
  await host.validate(check, { changes: [{ address, sheetId: fake.sheet('Sheet1').id }] });
  return { syncs: fake.syncCount, readKb: fake.responseBytes / 1024 };
}

async function main(): Promise<void> {
  log(`node ${process.version}, ${cpus().length} cpus, ${RUNS} runs per figure`);
  const form300 = overallForm(300, true);
  const rows5k = largeSheet(5000, true);
  const rows20k = largeSheet(20000, true);
  sanity('form300', overallForm(300), form300);
  sanity('rows5k', largeSheet(5000), rows5k);
  sanity('rows20k', largeSheet(20000), rows20k);

  const form300_ms = timeMs(() => checkSheet(form300));
  log(`engine, 300-row form: ${round(form300_ms)} ms`);
  const rows5k_ms = timeMs(() => checkSheet(rows5k));
  log(`engine, ${rows5k.rows.length}-row sheet: ${round(rows5k_ms)} ms`);
  const rows20k_ms = timeMs(() => checkSheet(rows20k));
  log(`engine, ${rows20k.rows.length}-row sheet: ${round(rows20k_ms)} ms`);
  // `node dist/bench/bench/run.js --engine-only`: the three engine figures alone, while profiling.
  if (process.argv.includes('--engine-only')) return;

  // Live checking: the user types a new score into one cell; the engine re-checks the edited grid.
  const scoreRow = form300.rows.findIndex((r) => typeof r[8]?.value === 'number' && typeof r[5]?.value === 'number');
  let flip = 0;
  const live_edit_ms = timeMs(() => {
    const edited = copySheet(form300);
    edited.rows[scoreRow][8] = { value: flip++ % 2 ? 0.1 : 0.2 };
    checkSheet(edited);
  });
  log(`live re-check after one edit (copy + engine): ${round(live_edit_ms)} ms`);

  log(
    `load average ${loadavg()
      .map((x) => round(x))
      .join(' ')}`,
  );
  const small = await parseVsEngine('300-row form file', form300);
  const large = await parseVsEngine('5,000-row sheet file', rows5k);
  const engine_to_parse_ratio = Math.max(small.engine / small.parse, large.engine / large.parse);
  await markedCopyTime(rows20k);

  const cli = cliWallTime(RUNS);
  log(`CLI, ${cli.files} workbooks in one process (median of ${RUNS} spawns): ${round(cli.seconds)} s`);

  const at60 = await officeRoundTrips(overallForm(40, true));
  const at20k = await officeRoundTrips(rows20k);
  const live = await officeLiveEdit(form300);
  log(
    `Office round trips per validation: ${overallForm(40).rows.length}-row form read ${at60.read} write ${at60.write}; ${rows20k.rows.length} rows read ${at20k.read} write ${at20k.write}`,
  );

  // Issue 11: ratios measured side by side, and the figures beside the load average.
  const formFile = await xlsxOf(form300);
  const file20k = await xlsxOf(rows20k);
  const read_vs_exceljs_form = await readVsExcelJS('300-row form file', formFile, 15);
  const read_vs_exceljs_20k = await readVsExcelJS('19,970-row file', file20k, 5);
  const marked_copy_vs_read_20k = await markedCopyVsRead(file20k, marksEveryTenRows(rows20k), 5);
  const rows80k = largeSheet(80000, true);
  const engine = await sideBySide(
    async () => checkSheet(rows80k),
    async () => checkSheet(rows20k),
    5,
    1,
  );
  log(
    `engine, ${rows80k.rows.length} rows ${round(engine.a)} ms vs ${rows20k.rows.length} rows ${round(engine.b)} ms → ${round(engine.a / engine.b, 2)}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'scorecheck-bench-'));
  let peak_rss_20k_mb: number;
  try {
    const big = join(dir, 'rows20k.xlsx');
    writeFileSync(big, file20k);
    peak_rss_20k_mb = cliPeakRssMb(ROOT, big);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cli_one_file_vs_node = cliOneFileVsNode(ROOT, join(ROOT, 'test', 'fixtures', 'project-form-errors.xlsx'), 11);
  const many = cliManyFiles(ROOT, 500, 3);
  const worker_bundle_kb = workerBundleKb(ROOT);

  console.log(
    JSON.stringify({
      read_vs_exceljs_form: round(read_vs_exceljs_form, 3),
      read_vs_exceljs_20k: round(read_vs_exceljs_20k, 3),
      cli_one_file_vs_node: round(cli_one_file_vs_node, 2),
      cli_500_files_cpu_per_file_ms: round(many.cpuPerFileMs),
      load_average_1m: round(many.load),
      engine_per_row_us_20k: round((rows20k_ms * 1000) / rows20k.rows.length),
      engine_80k_over_20k: round(engine.a / engine.b, 2),
      marked_copy_vs_read_20k: round(marked_copy_vs_read_20k, 3),
      worker_bundle_kb: round(worker_bundle_kb, 0),
      peak_rss_20k_mb: round(peak_rss_20k_mb, 0),
      syncs_validate: Math.max(at60.read + at60.write, at20k.read + at20k.write),
      syncs_live_edit: live.syncs,
      live_edit_read_kb: round(live.readKb, 1),
      max_request_kb: round(Math.max(at60.maxResponseKb, at20k.maxResponseKb), 0),
      form300_ms: round(form300_ms),
      rows5k_ms: round(rows5k_ms),
      rows20k_ms: round(rows20k_ms),
      live_edit_ms: round(live_edit_ms),
      engine_to_parse_ratio: round(engine_to_parse_ratio, 4),
      cli_100_files_s: round(cli.seconds),
      syncs_read: Math.max(at60.read, at20k.read),
      syncs_write: Math.max(at60.write, at20k.write),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
