/**
 * The command line, parsed by hand: one command, six options. A parser
 * library would be the biggest dependency of the CLI for no gain.
 */
import type { Lang, LocalizedText } from '../core';

export interface CheckCommand {
  kind: 'check';
  inputs: string[];
  json: boolean;
  /** Errors only: files and findings of lesser severity are not printed. */
  quiet: boolean;
  annotateDir?: string;
  /** A summary workbook (.xlsx) or findings table (.csv) to write. */
  reportFile?: string;
  profileFile?: string;
  lang?: Lang;
}

export type Command =
  | CheckCommand
  | { kind: 'help' }
  | { kind: 'version' }
  /** Wrong usage: one line saying what, in both languages (the language may be the thing misspelt). */
  | { kind: 'usage-error'; message: LocalizedText };

function usageError(zh: string, en: string): Command {
  return { kind: 'usage-error', message: { 'zh-CN': zh, 'en-US': en } };
}

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) return usageError('缺少命令（应为 check）', 'missing command (check)');
  const first = args.shift()!;
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (first === '--version' || first === '-v' || first === 'version') return { kind: 'version' };
  if (first !== 'check') return usageError(`未知命令“${first}”（应为 check）`, `unknown command "${first}" (expected check)`);

  const cmd: CheckCommand = { kind: 'check', inputs: [], json: false, quiet: false };
  let optionsDone = false;
  while (args.length > 0) {
    const arg = args.shift()!;
    if (optionsDone || !arg.startsWith('-') || arg === '-') {
      cmd.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsDone = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = args[0];
      return next !== undefined && !next.startsWith('--') ? args.shift() : undefined;
    };
    switch (name) {
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--version':
        return { kind: 'version' };
      case '--json':
        if (inline !== undefined) return usageError('--json 不带参数值', '--json takes no value');
        cmd.json = true;
        break;
      case '--quiet':
      case '-q':
        if (inline !== undefined) return usageError(`${name} 不带参数值`, `${name} takes no value`);
        cmd.quiet = true;
        break;
      case '--report': {
        const v = value();
        if (!v || !/\.(xlsx|csv)$/i.test(v)) {
          return usageError(
            '--report 需要一个以 .xlsx 或 .csv 结尾的文件名',
            '--report needs a file name ending in .xlsx or .csv',
          );
        }
        cmd.reportFile = v;
        break;
      }
      case '--annotate': {
        const v = value();
        if (!v) return usageError('--annotate 需要一个文件夹', '--annotate needs a folder');
        cmd.annotateDir = v;
        break;
      }
      case '--profile': {
        const v = value();
        if (!v) return usageError('--profile 需要一个 JSON 文件', '--profile needs a JSON file');
        cmd.profileFile = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (!v || !LANGS.includes(v as Lang)) {
          return usageError('--lang 只能是 zh-CN 或 en-US', '--lang must be zh-CN or en-US');
        }
        cmd.lang = v as Lang;
        break;
      }
      default:
        return usageError(`未知选项“${name}”`, `unknown option "${name}"`);
    }
  }
  if (cmd.inputs.length === 0) return usageError('没有给出要检查的文件或文件夹', 'no files or folders to check');
  return cmd;
}

/** A valid --lang anywhere on the line, for --help and usage errors, which stop parsing before they reach it. */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (const [i, arg] of argv.entries()) {
    const v = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (v && LANGS.includes(v as Lang)) return v as Lang;
  }
  return undefined;
}

/** zh-CN unless the locale (LC_ALL, then LANG) says English. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LANG || '';
  return /^en/i.test(locale) ? 'en-US' : 'zh-CN';
}
