/**
 * `scorecheck check …`: reads each workbook, runs the engine, prints the
 * report, writes marked copies and the summary on request. The process
 * (argv, streams, exit) is injected so tests run it in-process; `run()`
 * binds it to the real one.
 */
import { existsSync, promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { checkWorkbook, resolveProfile } from '../core';
import type { Lang, LocalizedText, Profile, Workbook } from '../core';
import { buildReport, reportFile, unreadableFile, type ReportFile } from '../core';
import { readWorkbook } from '../file/read-workbook';
import { nodeInflateRaw, nodeZlib } from '../file/node-zlib';
import { formFacts } from '../file/summary-facts';
import { MarkedCopyError } from '../file/marked-copy-error';
import { isUnreadableWorkbookError } from '../file/unreadable';
import { langFromArgv, langFromEnv, parseArgs, type CheckCommand } from './args';
import { collectInputs, type Input } from './collect-inputs';
import { formatHuman } from './format-human';
import { markedCopyPath } from './marked-copy-path';
import { EXIT_UNUSABLE, exitCodeFor, statusOf, type CheckedFile, type FileOutcome } from './outcome';
import { loadProfile, ProfileFileError } from './profile-file';
import { readInput } from './read-input';
import { writeSummary } from './summary-report';
import { escapeForTerminal } from './terminal-text';
import { usage, usageErrorLine } from './usage';
import { writeNewFile } from './write-file-safely';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines are shown only on a terminal. */
  stderrIsTTY: boolean;
  /** Names are escaped only on a terminal; a pipe gets them as they are. */
  stdoutIsTTY?: boolean;
  env: Record<string, string | undefined>;
}

function packageVersion(): string {
  // src/cli in tests, dist/cli/cli when built: look upwards for our package.json.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'scorecheck') return pkg.version ?? '0.0.0';
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

function countCells(workbook: Workbook): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of workbook.sheets) {
    let n = 0;
    for (const row of s.rows) for (const c of row ?? []) if (c) n++;
    out[s.name] = n;
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').slice(0, 300);
}

function failure(file: string, zh: string, en: string, e: unknown): FileOutcome {
  const msg = oneLine(String((e as Error)?.message ?? e));
  return { file, ok: false, reason: { 'zh-CN': `${file}：${zh}（${msg}）`, 'en-US': `${file}: ${en} (${msg})` } };
}

/** Writes the marked copy under a new name only (`-1`, `-2` … on a clash), never over an existing file. */
async function writeCopy(dir: string, input: string, bytes: Uint8Array, taken: Set<string>): Promise<string> {
  for (;;) {
    const target = markedCopyPath(dir, input, (p) => taken.has(path.resolve(p)) || existsSync(p));
    taken.add(path.resolve(target));
    try {
      await writeNewFile(target, bytes);
      return target;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

function copyProblem(file: string, e: unknown): LocalizedText {
  // The writer's own reason where it refused the package; else the system's code (EACCES, ENOSPC …).
  const why = (lang: Lang) =>
    e instanceof MarkedCopyError
      ? e.reason[lang]
      : ((e as NodeJS.ErrnoException).code ?? oneLine(String((e as Error)?.message ?? e)));
  return {
    'zh-CN': `未能写出 ${file} 的标注副本（${why('zh-CN')}）；以上问题照常计入`,
    'en-US': `the marked copy of ${file} could not be written (${why('en-US')}); the findings above still count`,
  };
}

/** Where the file's marked copy went, or why it could not be written, for the JSON report. */
function copyFields(o: CheckedFile, lang: Lang): Pick<ReportFile, 'markedCopy' | 'markedCopyError'> {
  if (o.copyProblem) return { markedCopyError: o.copyProblem[lang] };
  return o.markedCopy ? { markedCopy: o.markedCopy } : {};
}

async function checkOne(input: Input, cmd: CheckCommand, profile: Profile, lang: Lang, taken: Set<string>): Promise<FileOutcome> {
  const file = input.path;
  if (input.problem) return { file, ok: false, reason: input.problem };
  const read = await readInput(file);
  if (!read.ok) return { file, ok: false, reason: read.reason };
  const { bytes } = read;
  let workbook: Workbook;
  try {
    workbook = await readWorkbook(bytes, file, nodeInflateRaw);
  } catch (e) {
    if (isUnreadableWorkbookError(e)) return { file, ok: false, reason: e.reason };
    return failure(file, '读取失败', 'could not be read', e);
  }
  let outcome: CheckedFile;
  try {
    const result = checkWorkbook(workbook, { profile });
    outcome = { file, ok: true, result, cellsRead: countCells(workbook) };
    if (cmd.reportFile) outcome.facts = formFacts(workbook, result, profile);
  } catch (e) {
    // An engine fault must not hide the other files; this one is reported as not checked.
    return failure(file, '检查时出错', 'the check failed', e);
  }
  if (cmd.annotateDir && outcome.result.findings.length > 0) {
    // A copy that cannot be written is its own problem: the findings were found and still count.
    try {
      // Loaded only when asked for: a plain check never evaluates the writer (one bundle, webpackMode eager).
      const { writeMarkedCopy } = await import(/* webpackMode: "eager" */ '../file/write-marked-copy');
      const marked = await writeMarkedCopy(bytes, outcome.result.findings, lang, nodeZlib);
      outcome.markedCopy = await writeCopy(cmd.annotateDir, file, marked, taken);
    } catch (e) {
      outcome.copyProblem = copyProblem(file, e);
    }
  }
  return outcome;
}

function noTableLine(file: string, lang: Lang): string {
  return lang === 'zh-CN' ? `${file}：未识别到绩效自评表，未检查` : `${file}: no self-evaluation table recognised; not checked`;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const cmd = parseArgs(argv);
  const envLang = langFromArgv(argv) ?? langFromEnv(io.env);
  if (cmd.kind === 'help') {
    io.stdout(usage(envLang));
    return 0;
  }
  if (cmd.kind === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (cmd.kind === 'usage-error') {
    io.stderr(usageErrorLine(cmd.message, envLang));
    return EXIT_UNUSABLE;
  }
  const lang = cmd.lang ?? envLang;
  const say = (zh: string, en: string) => io.stderr(`${lang === 'zh-CN' ? `scorecheck：${zh}` : `scorecheck: ${en}`}\n`);

  let profile: Profile;
  try {
    profile = cmd.profileFile ? await loadProfile(cmd.profileFile) : resolveProfile({});
  } catch (e) {
    if (!(e instanceof ProfileFileError)) throw e;
    say(e.reason['zh-CN'], e.reason['en-US']);
    return EXIT_UNUSABLE;
  }
  if (cmd.annotateDir) {
    try {
      await fs.mkdir(cmd.annotateDir, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      say(`无法创建文件夹 ${cmd.annotateDir}（${code}）`, `cannot create ${cmd.annotateDir} (${code})`);
      return EXIT_UNUSABLE;
    }
  }

  const inputs = await collectInputs(cmd.inputs);
  if (inputs.length === 0) {
    // A folder without workbooks is most likely the wrong folder: nothing checked is not "clean".
    const where = cmd.inputs.join(', ');
    say(`${where} 中没有 .xlsx 工作簿`, `no .xlsx workbooks in ${where}`);
    return EXIT_UNUSABLE;
  }
  const outcomes: FileOutcome[] = [];
  const taken = new Set<string>();
  const showProgress = io.stderrIsTTY && inputs.length > 1;
  const clearLine = showProgress ? '\r\x1b[2K' : '';
  for (const [i, input] of inputs.entries()) {
    if (showProgress) io.stderr(`${clearLine}[${i + 1}/${inputs.length}] ${escapeForTerminal(input.path)}`);
    const outcome = await checkOne(input, cmd, profile, lang, taken);
    outcomes.push(outcome);
    // With --json stdout holds only the report: the problems go to stderr, one line each.
    if (cmd.json && !outcome.ok) io.stderr(`${clearLine}${outcome.reason[lang]}\n`);
    if (cmd.json && statusOf(outcome) === 'no-table') io.stderr(`${clearLine}${noTableLine(outcome.file, lang)}\n`);
    if (cmd.json && outcome.ok && outcome.copyProblem) io.stderr(`${clearLine}${outcome.copyProblem[lang]}\n`);
  }
  if (showProgress) io.stderr(clearLine);

  let code = exitCodeFor(outcomes);
  if (cmd.reportFile) {
    const problem = await writeSummary(cmd.reportFile, outcomes, lang);
    if (problem) {
      io.stderr(`${problem[lang]}\n`);
      code = EXIT_UNUSABLE;
    }
  }
  if (cmd.json) {
    const report = buildReport(
      outcomes.map((o) =>
        o.ok ? { ...reportFile(o.file, o.result, lang), ...copyFields(o, lang) } : unreadableFile(o.file, o.reason[lang]),
      ),
    );
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout(formatHuman(outcomes, { lang, quiet: cmd.quiet, show: io.stdoutIsTTY ? escapeForTerminal : undefined }));
  }
  return code;
}

/** `| head` closes the pipe early: that ends the output, it is not a failure. */
function quietOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** The real process: what bin/scorecheck.js calls. */
export function run(): void {
  quietOnEpipe(process.stdout);
  quietOnEpipe(process.stderr);
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`scorecheck: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_UNUSABLE;
    },
  );
}
