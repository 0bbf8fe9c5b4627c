/**
 * Issue 11's figures: the package reader against exceljs, the CLI process
 * against a bare `node`, the marked copy against reading, all measured side
 * by side in one run (A and B alternate), because the shared machine moves
 * absolute times 3–5× with its load.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { loadavg, tmpdir } from 'os';
import { join } from 'path';
import type { Finding } from '../src/core';
import { nodeInflateRaw, nodeZlib } from '../src/file/node-zlib';
import { readWorkbook } from '../src/file/read-workbook';
import { writeMarkedCopy } from '../src/file/write-marked-copy';
import { readWithExcelJS } from '../test/file/helpers/exceljs-reader';
import { median } from './stats';

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Medians of `a` and `b`, run alternately (a b, b a, …) after `warmup` rounds of each. */
export async function sideBySide(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  warmup = 2,
): Promise<{ a: number; b: number }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const xa: number[] = [];
  const xb: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      xa.push(await timeOnce(a));
      xb.push(await timeOnce(b));
    } else {
      xb.push(await timeOnce(b));
      xa.push(await timeOnce(a));
    }
  }
  return { a: median(xa), b: median(xb) };
}

/** The new reader (as the CLI runs it, with zlib) ÷ the exceljs reader, on one file. */
export async function readVsExcelJS(label: string, bytes: Uint8Array, runs: number): Promise<number> {
  const r = await sideBySide(
    () => readWorkbook(bytes, 'b.xlsx', nodeInflateRaw),
    () => readWithExcelJS(bytes, 'b.xlsx'),
    runs,
  );
  const portable = await sideBySide(
    () => readWorkbook(bytes, 'b.xlsx'),
    () => readWithExcelJS(bytes, 'b.xlsx'),
    Math.max(3, runs >> 1),
    1,
  );
  log(
    `${label} (${Math.round(bytes.length / 1024)} KiB): readWorkbook ${round(r.a)} ms (fflate, as in the browser: ${round(portable.a)} ms), exceljs reader ${round(r.b)} ms → ${round(r.a / r.b, 3)} (fflate ${round(portable.a / portable.b, 3)})`,
  );
  return r.a / r.b;
}

/** Writing the marked copy ÷ reading the same file, both as the CLI does them. */
export async function markedCopyVsRead(bytes: Uint8Array, findings: Finding[], runs: number): Promise<number> {
  const r = await sideBySide(
    () => writeMarkedCopy(bytes, findings, 'zh-CN', nodeZlib),
    () => readWorkbook(bytes, 'b.xlsx', nodeInflateRaw),
    runs,
    1,
  );
  log(`marked copy with ${findings.length} marks ${round(r.a)} ms, reading the file ${round(r.b)} ms → ${round(r.a / r.b, 3)}`);
  return r.a / r.b;
}

interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

/** One `node` process through test/robustness/measure.js, which reports its CPU time and peak memory. */
function measuredProcess(root: string, args: string[]): ProcessRun {
  const t = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(root, 'test', 'robustness', 'measure.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /__maxrss_kb=(\d+) __cpu_ms=(\d+)\s*$/.exec(run.stderr);
  if (!m || (run.status !== 0 && run.status !== 1)) throw new Error(`process failed (${run.status}): ${run.stderr.slice(-500)}`);
  return { wallMs, cpuMs: Number(m[2]), maxRssMb: Number(m[1]) / 1024 };
}

/** One small workbook, the whole CLI process, ÷ a bare node process; CPU time, alternating. */
export function cliOneFileVsNode(root: string, file: string, runs: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'scorecheck-bench-'));
  const empty = join(dir, 'empty.js');
  writeFileSync(empty, '');
  const bin = join(root, 'bin', 'scorecheck.js');
  const cli: ProcessRun[] = [];
  const bare: ProcessRun[] = [];
  try {
    measuredProcess(root, [bin, 'check', '--json', file]);
    for (let i = 0; i < runs; i++) {
      cli.push(measuredProcess(root, [bin, 'check', '--json', file]));
      bare.push(measuredProcess(root, [empty]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const c = median(cli.map((r) => r.cpuMs));
  const b = median(bare.map((r) => r.cpuMs));
  log(
    `CLI on one small workbook: CPU ${c} ms, wall ${round(median(cli.map((r) => r.wallMs)))} ms; bare node: CPU ${b} ms, wall ${round(median(bare.map((r) => r.wallMs)))} ms → CPU ratio ${round(c / b, 2)}`,
  );
  return c / b;
}

/** CPU per file of one CLI process over `count` copies of the fixtures, with the load average beside it. */
export function cliManyFiles(root: string, count: number, runs: number): { cpuPerFileMs: number; load: number } {
  const fixtures = join(root, 'test', 'fixtures');
  const names = readdirSync(fixtures).filter((f) => f.endsWith('.xlsx'));
  const dir = mkdtempSync(join(tmpdir(), 'scorecheck-bench-'));
  try {
    for (let i = 0; i < count; i++)
      copyFileSync(
        join(fixtures, names[i % names.length]),
        join(dir, `${String(i).padStart(3, '0')}-${names[i % names.length]}`),
      );
    const bin = join(root, 'bin', 'scorecheck.js');
    measuredProcess(root, [bin, 'check', '--json', dir]);
    const cpu = median(Array.from({ length: runs }, () => measuredProcess(root, [bin, 'check', '--json', dir]).cpuMs));
    const load = loadavg()[0];
    log(
      `CLI on ${count} workbooks in one process: CPU ${cpu} ms (${round(cpu / count)} ms per file), load average ${round(load)}`,
    );
    return { cpuPerFileMs: cpu / count, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak memory of the CLI checking one file. */
export function cliPeakRssMb(root: string, file: string): number {
  const runs = [0, 1, 2].map(() => measuredProcess(root, [join(root, 'bin', 'scorecheck.js'), 'check', '--json', file]).maxRssMb);
  log(`CLI peak memory on ${file}: ${runs.map((x) => round(x, 0)).join(' / ')} MB`);
  return median(runs);
}

/** The browser page's worker script, as `npm run build:web` (run by `npm run bench`) left it. */
export function workerBundleKb(root: string): number {
  const dir = join(root, 'dist', 'web');
  if (!existsSync(dir)) throw new Error('dist/web is missing: run npm run build:web');
  const worker = readdirSync(dir).filter((f) => f.startsWith('scorecheck-check.') && f.endsWith('.js'));
  const kb = worker.reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024;
  log(`worker bundle (${worker.join(', ')}): ${round(kb, 0)} KiB`);
  return kb;
}
