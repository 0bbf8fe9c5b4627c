/**
 * Issue 14's hostile-file suite: every case of hostile-cases.ts through the
 * built CLI, one process each, two at a time. Each run must end within 30 s
 * and 1 GiB, with the exit code and reason its case expects; a legitimate
 * odd file must give its plain twin's findings; a marked copy must be
 * written, read back with the same values, and hold nothing external.
 * The tally (inputs, crashes, hangs, blow-ups, rows lost, copies corrupted)
 * goes to test-results/hostile-summary.json for SECURITY.md.
 *
 * Run: npm run test:hostile
 */
import { spawn } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { inspectWorkbookBytes } from '../../src/file/inspect-package';
import { readWorkbook } from '../../src/file/read-workbook';
import { ZipPackage } from '../../src/file/zip-package';
import { hostileCases, type HostileCase } from './hostile-cases';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'scorecheck.js');
const TIME_LIMIT_MS = 30_000;
const MEMORY_LIMIT_KB = 1024 * 1024;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  maxRssKb: number;
  timedOut: boolean;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(__dirname, 'measure.js'), CLI, ...args], {
      env: process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /__maxrss_kb=(\d+) __cpu_ms=\d+\s*$/.exec(stderr);
      done({
        code,
        stdout,
        stderr: stderr.replace(/\n__maxrss_kb=\d+ __cpu_ms=\d+\s*$/, ''),
        ms: Date.now() - started,
        maxRssKb: m ? Number(m[1]) : 0,
        timedOut,
      });
    });
  });
}

interface ReportFinding {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
}
interface Report {
  files: { file: string; error?: string; markedCopyError?: string; findings: ReportFinding[] }[];
}

function findingKeys(report: Report, renamed: Record<string, string> = {}): string[] {
  return report.files[0].findings.map((f) => `${renamed[f.sheet] ?? f.sheet}!${f.cell} ${f.rule} ${f.severity}`).sort();
}

async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }),
  );
  return out;
}

interface Outcome {
  name: string;
  problems: string[];
  crash: boolean;
  hang: boolean;
  blowUp: boolean;
  rowsLost: boolean;
  copyCorrupt: boolean;
  ms: number;
  maxRssMb: number;
}

const cases = hostileCases();
const dir = mkdtempSync(join(tmpdir(), 'scorecheck-hostile-'));
const twins = new Map<string, Report>();

async function judge(c: HostileCase, index: number): Promise<Outcome> {
  const file = join(dir, `${String(index).padStart(3, '0')}-${c.name.replace(/[^\w.-]+/g, '_')}.xlsx`);
  writeFileSync(file, c.bytes);
  const outDir = join(dir, `out-${index}`);
  const args = ['check', '--json', '--lang', 'en-US', ...(c.annotate ? ['--annotate', outDir] : []), file];
  const run = await runCli(args);
  const problems: string[] = [];
  const o: Outcome = {
    name: c.name,
    problems,
    crash: false,
    hang: run.timedOut,
    blowUp: run.maxRssKb > MEMORY_LIMIT_KB,
    rowsLost: false,
    copyCorrupt: false,
    ms: run.ms,
    maxRssMb: Math.round(run.maxRssKb / 1024),
  };
  if (run.timedOut) problems.push(`no answer within ${TIME_LIMIT_MS / 1000} s`);
  if (o.blowUp) problems.push(`peak memory ${o.maxRssMb} MB`);
  if (/\n\s+at .+:\d+:\d+\)?/.test(run.stderr) || (run.code !== null && ![0, 1, 2].includes(run.code))) {
    o.crash = true;
    problems.push(`crashed (exit ${run.code}): ${run.stderr.slice(0, 300)}`);
  }
  if (run.timedOut || o.crash) return o;
  let report: Report | undefined;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    problems.push(`no JSON report: ${run.stdout.slice(0, 200)}`);
    return o;
  }
  const error = report.files[0]?.error;
  const e = c.expect;
  if (e.kind === 'refused') {
    if (run.code !== 2) problems.push(`expected exit 2, got ${run.code}`);
    if (!error || !e.reason.test(error)) problems.push(`expected a reason matching ${e.reason}, got ${error ?? 'none'}`);
    return o;
  }
  if (e.kind === 'copy-refused') {
    const why = report.files[0]?.markedCopyError;
    if (run.code !== 2) problems.push(`expected exit 2, got ${run.code}`);
    if (report.files[0]?.findings.length === 0) problems.push('expected the findings reported though the copy was refused');
    if (!why || !e.reason.test(why))
      problems.push(`expected the copy refused with a reason matching ${e.reason}, got ${why ?? 'none'}`);
    return o;
  }
  if (error) {
    problems.push(`refused: ${error}`);
    o.rowsLost = e.kind === 'twin';
    return o;
  }
  if (e.kind === 'twin') {
    const twin = twins.get(e.twin)!;
    const got = findingKeys(report, e.renamed);
    const want = findingKeys(twin);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      o.rowsLost = want.some((k) => !got.includes(k));
      problems.push(
        `findings differ from ${e.twin}: missing ${want.filter((k) => !got.includes(k)).join('; ') || '-'}, extra ${got.filter((k) => !want.includes(k)).join('; ') || '-'}`,
      );
    }
  }
  if (e.kind === 'finding' && !report.files[0].findings.some((f) => f.sheet === e.sheet && f.cell === e.cell)) {
    o.rowsLost = true;
    problems.push(`no finding names ${e.sheet}!${e.cell}: ${findingKeys(report).join('; ')}`);
  }
  if (c.annotate && report.files[0].findings.length > 0) {
    const copies = (() => {
      try {
        return readdirSync(outDir);
      } catch {
        return [];
      }
    })();
    if (copies.length !== 1) {
      o.copyCorrupt = true;
      problems.push(`expected one marked copy, found ${copies.join(', ') || 'none'}`);
    } else {
      const bytes = readFileSync(join(outDir, copies[0]));
      try {
        const [before, after] = [await readWorkbook(c.bytes, 'original.xlsx'), await readWorkbook(bytes, 'copy.xlsx')];
        const values = (wb: typeof before) =>
          JSON.stringify(wb.sheets.map((s) => s.rows.map((r) => r.map((x) => x?.value ?? null))));
        if (values(before) !== values(after)) throw new Error('values changed');
        const pkg = new ZipPackage(bytes, inspectWorkbookBytes(bytes, 'copy.xlsx'), 'copy.xlsx');
        const names = pkg.entries.map((x) => x.name);
        if (c.copy?.entries && !c.copy.entries(names)) throw new Error(`unexpected entries: ${names.join(', ')}`);
        if (c.copy?.absent && names.some((n) => c.copy!.absent!.test(n))) throw new Error('an external target became an entry');
      } catch (err) {
        o.copyCorrupt = true;
        problems.push(`marked copy: ${(err as Error).message}`);
      }
    }
  }
  return o;
}

describe('hostile and odd workbooks through the CLI', () => {
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    for (const twin of new Set(cases.flatMap((c) => (c.expect.kind === 'twin' ? [c.expect.twin] : [])))) {
      const run = await runCli(['check', '--json', '--lang', 'en-US', join(ROOT, 'test', 'fixtures', twin)]);
      twins.set(twin, JSON.parse(run.stdout) as Report);
    }
    outcomes = await inBatches(cases, 2, (c) => judge(c, cases.indexOf(c)));
    const tally = {
      inputs: outcomes.length,
      crashes: outcomes.filter((o) => o.crash).length,
      hangs: outcomes.filter((o) => o.hang).length,
      memoryBlowUps: outcomes.filter((o) => o.blowUp).length,
      rowsLost: outcomes.filter((o) => o.rowsLost).length,
      copiesCorrupted: outcomes.filter((o) => o.copyCorrupt).length,
      otherMismatches: outcomes.filter(
        (o) => o.problems.length > 0 && !o.crash && !o.hang && !o.blowUp && !o.rowsLost && !o.copyCorrupt,
      ).length,
      slowestMs: Math.max(...outcomes.map((o) => o.ms)),
      peakRssMb: Math.max(...outcomes.map((o) => o.maxRssMb)),
      byClass: Object.fromEntries(
        [...new Set(outcomes.map((o) => o.name.split('/')[0]))].map((k) => [
          k,
          outcomes.filter((o) => o.name.startsWith(`${k}/`)).length,
        ]),
      ),
    };
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'hostile-summary.json'), `${JSON.stringify({ tally, outcomes }, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(tally)}\n`);
    rmSync(dir, { recursive: true, force: true });
  });

  test('at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  test('every case ends as its expectation says, within 30 s and 1 GiB', () => {
    const failed = outcomes.filter((o) => o.problems.length > 0).map((o) => `${o.name}: ${o.problems.join(' | ')}`);
    expect(failed).toEqual([]);
  });
});
