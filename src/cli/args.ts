/**
 * The command line, parsed by hand: one command, four options. A parser
 * library would be the biggest dependency of the CLI for no gain.
 */
import type { Lang } from '../core';

export interface CheckCommand {
  kind: 'check';
  inputs: string[];
  json: boolean;
  annotateDir?: string;
  profileFile?: string;
  lang?: Lang;
}

export type Command =
  | CheckCommand
  | { kind: 'help' }
  | { kind: 'version' }
  /** Wrong usage: the message says what, in English (usage text follows it). */
  | { kind: 'usage-error'; message: string };

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) return { kind: 'usage-error', message: 'missing command' };
  const first = args.shift()!;
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (first === '--version' || first === '-v' || first === 'version') return { kind: 'version' };
  if (first !== 'check') return { kind: 'usage-error', message: `unknown command "${first}"` };

  const cmd: CheckCommand = { kind: 'check', inputs: [], json: false };
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
        if (inline !== undefined) return { kind: 'usage-error', message: '--json takes no value' };
        cmd.json = true;
        break;
      case '--annotate': {
        const v = value();
        if (!v) return { kind: 'usage-error', message: '--annotate needs a folder' };
        cmd.annotateDir = v;
        break;
      }
      case '--profile': {
        const v = value();
        if (!v) return { kind: 'usage-error', message: '--profile needs a JSON file' };
        cmd.profileFile = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (!v || !LANGS.includes(v as Lang)) {
          return { kind: 'usage-error', message: '--lang must be zh-CN or en-US' };
        }
        cmd.lang = v as Lang;
        break;
      }
      default:
        return { kind: 'usage-error', message: `unknown option "${name}"` };
    }
  }
  if (cmd.inputs.length === 0) return { kind: 'usage-error', message: 'no files or folders to check' };
  return cmd;
}

/** zh-CN unless the locale (LC_ALL, then LANG) says English. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LANG || '';
  return /^en/i.test(locale) ? 'en-US' : 'zh-CN';
}

export const USAGE = `Usage: scorecheck check <files|folders…> [--json] [--annotate DIR] [--profile FILE.json] [--lang zh-CN|en-US]
       scorecheck --help | --version

Checks 绩效自评表 workbooks (.xlsx) for arithmetic slips: sums, rates, scores, grades.

  <files|folders…>   workbooks to check; folders are searched recursively for .xlsx/.xlsm
                     (Excel lock files ~$… and earlier marked copies *.checked.xlsx are skipped;
                     .xls files found there are reported as unusable)
  --json             print the machine-readable report (version 1) on stdout, nothing else
  --annotate DIR     write a marked copy <DIR>/<name>.checked.xlsx of every workbook with findings
                     (fills and notes on the cells; an existing file is never overwritten: -1, -2 … are added)
  --profile FILE     a JSON profile: capRates, gradeBands, totalWeight, reverseScoring, scoreTolerance
  --lang LANG        zh-CN or en-US (default: from LANG, else zh-CN)

Exit status: 0 no errors found, 1 findings of severity error, 2 an input could not be read (or bad usage).
`;
