/**
 * `scorecheck check …`: reads each workbook, runs the engine, prints the
 * report, writes marked copies on request. The process (argv, streams, exit)
 * is injected so tests run it in-process; `run()` binds it to the real one.
 */
import { existsSync, promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../core';
import type { Lang, LocalizedText } from '../core';
import type { Workbook } from '../core';
import { ProfileError, resolveProfile, type Profile } from '../core';
import { buildReport, reportFile, unreadableFile } from '../core';
import { readWorkbook } from '../file/read-workbook';
import { isUnreadableWorkbookError, unreadable } from '../file/unreadable';
import { nodeInflateRaw, nodeZlib } from '../file/node-zlib';
import { langFromEnv, parseArgs, USAGE, type CheckCommand } from './args';
import { collectInputs, type Input } from './collect-inputs';
import { formatHuman } from './format-human';
import { markedCopyPath } from './marked-copy-path';
import { EXIT_UNUSABLE, exitCodeFor, type FileOutcome } from './outcome';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines are shown only on a terminal. */
  stderrIsTTY: boolean;
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

async function loadProfile(file: string): Promise<Profile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new ProfileError(`cannot read profile ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(`profile ${file} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return resolveProfile(json);
  } catch (e) {
    if (e instanceof ProfileError) throw new ProfileError(`profile ${file}: ${e.message}`);
    throw e;
  }
}

/** Writes the marked copy without ever replacing an existing file (`wx`), stepping -1, -2 … on a clash. */
async function writeCopy(dir: string, input: string, bytes: Uint8Array, taken: Set<string>): Promise<string> {
  for (;;) {
    const target = markedCopyPath(dir, input, (p) => taken.has(path.resolve(p)) || existsSync(p));
    taken.add(path.resolve(target));
    try {
      await fs.writeFile(target, bytes, { flag: 'wx' });
      return target;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

async function checkOne(
  input: Input,
  cmd: CheckCommand,
  profile: Profile,
  lang: Lang,
  taken: Set<string>,
): Promise<FileOutcome> {
  const file = input.path;
  if (input.missing) return { file, ok: false, reason: unreadable('missing', file).reason };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const cause = (e as NodeJS.ErrnoException).code ?? String(e);
    return { file, ok: false, reason: { 'zh-CN': `${file}：无法读取文件（${cause}）`, 'en-US': `${file}: cannot read the file (${cause})` } };
  }
  let workbook: Workbook;
  try {
    workbook = await readWorkbook(bytes, file, nodeInflateRaw);
  } catch (e) {
    if (isUnreadableWorkbookError(e)) return { file, ok: false, reason: e.reason };
    const msg = oneLine(String((e as Error).message ?? e));
    return { file, ok: false, reason: { 'zh-CN': `${file}：读取失败（${msg}）`, 'en-US': `${file}: could not be read (${msg})` } };
  }
  let result;
  try {
    result = checkWorkbook(workbook, { profile });
  } catch (e) {
    // An engine fault must not hide the other files; this one is reported as not checked.
    const msg = oneLine(String((e as Error).message ?? e));
    return { file, ok: false, reason: { 'zh-CN': `${file}：检查时出错（${msg}）`, 'en-US': `${file}: the check failed (${msg})` } };
  }
  const outcome: FileOutcome = { file, ok: true, result, cellsRead: countCells(workbook) };
  if (cmd.annotateDir && result.findings.length > 0) {
    // Loaded only when asked for: a plain check never evaluates the writer (one bundle, webpackMode eager).
    const { writeMarkedCopy } = await import(/* webpackMode: "eager" */ '../file/write-marked-copy');
    const marked = await writeMarkedCopy(bytes, result.findings, lang, nodeZlib);
    outcome.markedCopy = await writeCopy(cmd.annotateDir, file, marked, taken);
  }
  return outcome;
}

function errorLine(reason: LocalizedText, lang: Lang): string {
  return `${reason[lang]}\n`;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const cmd = parseArgs(argv);
  if (cmd.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (cmd.kind === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (cmd.kind === 'usage-error') {
    io.stderr(`scorecheck: ${cmd.message}\n\n${USAGE}`);
    return EXIT_UNUSABLE;
  }
  const lang = cmd.lang ?? langFromEnv(io.env);

  let profile: Profile;
  try {
    profile = cmd.profileFile ? await loadProfile(cmd.profileFile) : resolveProfile({});
  } catch (e) {
    if (e instanceof ProfileError) {
      io.stderr(`scorecheck: ${e.message}\n`);
      return EXIT_UNUSABLE;
    }
    throw e;
  }
  if (cmd.annotateDir) {
    try {
      await fs.mkdir(cmd.annotateDir, { recursive: true });
    } catch (e) {
      io.stderr(`scorecheck: cannot create ${cmd.annotateDir}: ${(e as Error).message}\n`);
      return EXIT_UNUSABLE;
    }
  }

  const inputs = await collectInputs(cmd.inputs);
  if (inputs.length === 0) {
    // A folder without workbooks is most likely the wrong folder: nothing checked is not "clean".
    const where = cmd.inputs.join(', ');
    io.stderr(lang === 'zh-CN' ? `scorecheck：${where} 中没有 .xlsx 工作簿\n` : `scorecheck: no .xlsx workbooks in ${where}\n`);
    return EXIT_UNUSABLE;
  }
  const outcomes: FileOutcome[] = [];
  const taken = new Set<string>();
  const showProgress = io.stderrIsTTY && inputs.length > 1;
  for (const [i, input] of inputs.entries()) {
    if (showProgress) io.stderr(`\r\x1b[2K[${i + 1}/${inputs.length}] ${input.path}`);
    let outcome: FileOutcome;
    try {
      outcome = await checkOne(input, cmd, profile, lang, taken);
    } catch (e) {
      // Writing a marked copy failed (disk full, no permission): say so, go on.
      const msg = oneLine(String((e as Error).message ?? e));
      outcome = { file: input.path, ok: false, reason: { 'zh-CN': `${input.path}：${msg}`, 'en-US': `${input.path}: ${msg}` } };
    }
    outcomes.push(outcome);
    if (!outcome.ok && cmd.json) io.stderr(`${showProgress ? '\r\x1b[2K' : ''}${errorLine(outcome.reason, lang)}`);
  }
  if (showProgress) io.stderr('\r\x1b[2K');

  if (cmd.json) {
    const report = buildReport(
      outcomes.map((o) => (o.ok ? reportFile(o.file, o.result, lang) : unreadableFile(o.file, o.reason[lang]))),
    );
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout(formatHuman(outcomes, lang));
  }
  return exitCodeFor(outcomes);
}

/** The real process: what bin/scorecheck.js calls. */
export function run(): void {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`scorecheck: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = EXIT_UNUSABLE;
    },
  );
}
