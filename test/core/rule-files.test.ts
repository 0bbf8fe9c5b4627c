/**
 * The guard that makes "a rule is one record with its file, its test and its
 * doc page" a fact (ESLint's checkRuleFiles, issue 10): adding a rule and
 * forgetting any of the four places fails here, and so does a message id a
 * rule declares but never reports.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  checkSheet,
  parseRangeA1,
  resolveProfile,
  type Cell,
  type Finding,
  type LocalizedText,
  type Sheet,
} from '../../src/core';
import { RULES } from '../../src/core/checks';

const ROOT = path.join(__dirname, '..', '..');
const at = (...parts: string[]) => path.join(ROOT, ...parts);
const read = (file: string) => fs.readFileSync(file, 'utf8');

const RULE_IDS: string[] = RULES.map((r) => r.meta.id);
const CHECKS_DIR = at('src', 'core', 'checks');

/** A file in src/core/checks is a rule when it calls defineRule({ … }) (rule.ts defines it, index.ts lists them). */
function isRuleSource(file: string): boolean {
  return /\bdefineRule\(\s*\{/.test(read(path.join(CHECKS_DIR, file)));
}

describe('every rule has its file, its test and its doc page', () => {
  it('the rules list is not empty and names each rule once', () => {
    expect(RULE_IDS.length).toBeGreaterThan(0);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it.each(RULE_IDS)('%s', (id) => {
    const missing = [
      path.join('src', 'core', 'checks', `${id}.ts`),
      path.join('test', 'core', 'checks', `${id}.test.ts`),
      path.join('docs', 'rules', `${id}.md`),
    ].filter((p) => !fs.existsSync(at(p)));
    expect(missing).toEqual([]);
  });

  it('every rule file in src/core/checks is in the rules list', () => {
    const files = fs.readdirSync(CHECKS_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const unlisted = files.filter(isRuleSource).filter((f) => !RULE_IDS.includes(f.replace(/\.ts$/, '')));
    expect(unlisted).toEqual([]);
  });

  it('every page in docs/rules is a rule’s page and the index links it', () => {
    const pages = fs.readdirSync(at('docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.map((p) => p.replace(/\.md$/, '')).filter((p) => !RULE_IDS.includes(p))).toEqual([]);
    const index = read(at('docs', 'rules', 'README.md'));
    expect(RULE_IDS.filter((id) => !index.includes(`](${id}.md)`))).toEqual([]);
  });
});

/** The `./shared/…` files a rule's source imports: shared code may report on the rule's behalf (reportSums). */
function sharedImports(file: string): string[] {
  const out: string[] = [];
  for (const m of read(file).matchAll(/from\s+'(\.\/shared\/[^']+)'/g)) {
    const target = path.resolve(path.dirname(file), `${m[1]}.ts`);
    if (fs.existsSync(target)) out.push(target);
  }
  return out;
}

/**
 * Where a rule's message ids may be used: its own file and the shared files it imports. not-checked's ids are the
 * reasons every rule (and the engine, for a table that failed) passes to `ctx.notChecked`, so for it every file under
 * src/core that reports counts — except `checks/rule.ts`, whose `NotCheckedReason` type only lists them.
 */
function usageFiles(id: string): string[] {
  const own = path.join(CHECKS_DIR, `${id}.ts`);
  if (id !== 'not-checked') return [own, ...sharedImports(own)];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && p !== path.join(CHECKS_DIR, 'rule.ts')) files.push(p);
    }
  };
  walk(at('src', 'core'));
  return files;
}

/** The id quoted anywhere but as the key of its own template (`'missed-full': { 'zh-CN': … }`). */
function quotes(source: string, messageId: string): boolean {
  const escaped = messageId.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`(['"\`])${escaped}\\1(?!\\s*:\\s*\\{)`).test(source);
}

describe('every rule record is complete and uses every message it declares', () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    const { docs, messages } = rule.meta as {
      docs: { url: string; description: LocalizedText };
      messages: Record<string, LocalizedText>;
    };
    expect(docs.url).toBe(`docs/rules/${id}.md`);
    expect(docs.description['zh-CN'] && docs.description['en-US']).toBeTruthy();
    const sources = usageFiles(id).map(read);
    const problems = Object.entries(messages).flatMap(([messageId, text]) => [
      ...(text['zh-CN'] && text['en-US'] ? [] : [`${messageId}: a sentence in zh-CN and en-US`]),
      ...(sources.some((s) => quotes(s, messageId)) ? [] : [`${messageId}: declared but never reported`]),
    ]);
    expect(problems).toEqual([]);
  });
});

/** GitHub's heading anchors, closely enough for our own headings: lower case, punctuation dropped, spaces to `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const line of markdown.split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) out.add(slug(m[1]));
  }
  return out;
}

/** Relative links of a Markdown file, outside code spans and blocks. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const links: string[] = [];
  for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(m[1])) links.push(m[1]);
  }
  return links;
}

const DOC_FILES = [
  ...fs
    .readdirSync(at('docs', 'rules'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', 'rules', f)),
  path.join('docs', 'domain.md'),
  'CONTRIBUTING.md',
].filter((f) => fs.existsSync(at(f)));

describe('the links in the docs resolve', () => {
  it.each(DOC_FILES)('%s', (file) => {
    const text = read(at(file));
    const broken = relativeLinks(text).filter((link) => {
      const [target, anchor] = link.split('#');
      const resolved = target === '' ? at(file) : path.resolve(path.dirname(at(file)), decodeURI(target));
      if (!fs.existsSync(resolved)) return true;
      if (anchor === undefined || !resolved.endsWith('.md')) return false;
      return !anchorsOf(read(resolved)).has(decodeURIComponent(anchor));
    });
    expect(broken).toEqual([]);
  });
});

/**
 * The examples on each rule's page are the engine's own words: every example
 * table is rebuilt from its Markdown and checked, and the findings of the
 * page's rule must be exactly the ones listed (cell, severity, found,
 * expected, Fix value, both sentences). A rule whose behaviour or wording
 * changes fails here until its page says so. After an intended change,
 * `UPDATE_DOC_EXAMPLES=1 npx jest test/core/rule-files.test.ts` rewrites the
 * finding lines from the engine; then reread the prose above them.
 */
interface DocExample {
  title: string;
  rows: CellInput[][];
  merges: string[];
  profile?: unknown;
  /** Line indexes of the finding lines in the page (start, end exclusive), where new ones go when there are none. */
  findingLines: [number, number];
  findings: string[];
}

type CellInput = Cell | undefined;

/** A Markdown cell back into the cell it shows (the pages write `'175` for a number stored as text). */
function cellOf(text: string): CellInput {
  if (text === '') return undefined;
  const formula = /^(-?\d+(?:\.\d+)?) `=(.+)`$/.exec(text);
  if (formula) return { value: Number(formula[1]), formula: formula[2] };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  const percent = /^(-?\d+)(?:\.(\d+))?%$/.exec(text);
  if (percent) {
    const decimals = percent[2]?.length ?? 0;
    const value = Number((Number(text.slice(0, -1)) / 100).toPrecision(12));
    return { value, numFmt: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  if (/^#[A-Z0-9/]+[!?]?$/.test(text)) return { value: { error: text } };
  if (text.startsWith("'")) return { value: text.slice(1) };
  return { value: text.replace(/&nbsp;/g, ' ').replace(/\\\|/g, '|') };
}

function tableCells(line: string): string[] {
  // Split on unescaped pipes; trim ASCII spaces only (a leading U+3000 indents a child row).
  return line
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/^ +| +$/g, ''));
}

const FINDING_LINE = /^- \*\*[A-Z]+\d+\*\* · `/;

function examplesOf(page: string): DocExample[] {
  const lines = page.split('\n');
  const out: DocExample[] = [];
  let current: DocExample | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^#{1,3} /.test(line)) {
      current = /^### [✓✗] /.test(line)
        ? { title: line.slice(4), rows: [], merges: [], findingLines: [-1, -1], findings: [] }
        : undefined;
      if (current) out.push(current);
      continue;
    }
    if (!current) continue;
    if (/^\| \d+ +\|/.test(line)) current.rows.push(tableCells(line).slice(1).map(cellOf));
    const merged = /合并单元格 Merged: ([A-Z0-9:, ]+?)(?: ·|$)/.exec(line);
    if (merged) current.merges = merged[1].split(',').map((m) => m.trim());
    const profile = /配置 Profile: `(.*)`/.exec(line);
    if (profile) current.profile = JSON.parse(profile[1]);
    if (/^- \*\*(标记|不标记) \//.test(line)) {
      // The findings follow the verdict and its two lines of reasons, after a blank line.
      let j = i + 1;
      while (j < lines.length && lines[j].startsWith('  - ')) j++;
      if (lines[j] === '') j++;
      let end = j;
      while (end < lines.length && (FINDING_LINE.test(lines[end]) || lines[end].startsWith('  - '))) end++;
      current.findingLines = [j, end];
      current.findings = lines.slice(j, end);
    }
  }
  return out;
}

function findingLines(f: Finding): string[] {
  const details = [
    f.found !== undefined ? `found \`${f.found}\`` : '',
    f.expected !== undefined ? `expected \`${f.expected}\`` : '',
    f.fixValue !== undefined ? `Fix writes \`${f.fixValue}\`` : '',
  ].filter(Boolean);
  return [
    `- **${f.cell}** · \`${f.rule}\` · ${f.severity}${details.length ? ` · ${details.join(', ')}` : ''}`,
    `  - ${f.message['zh-CN']}`,
    `  - ${f.message['en-US']}`,
  ];
}

function engineSays(rule: string, example: DocExample): string[] {
  const sheet: Sheet = {
    name: 'Sheet1',
    rows: example.rows,
    merges: example.merges.map((m) => {
      const range = parseRangeA1(m);
      if (!range) throw new Error(`not a range: ${m}`);
      return range;
    }),
  };
  const profile = example.profile === undefined ? undefined : resolveProfile(example.profile);
  return checkSheet(sheet, profile ? { profile } : {})
    .findings.filter((f) => f.rule === rule)
    .flatMap(findingLines);
}

describe('the examples in docs/rules are what the engine says', () => {
  const update = process.env.UPDATE_DOC_EXAMPLES === '1';
  for (const id of RULE_IDS) {
    const file = at('docs', 'rules', `${id}.md`);
    if (!fs.existsSync(file)) continue;
    const page = read(file);
    const examples = examplesOf(page);
    it(`${id} has examples, flagged and not`, () => {
      expect(examples.some((e) => e.title.startsWith('✗')) && examples.some((e) => e.title.startsWith('✓'))).toBe(true);
    });
    if (update) {
      it(`${id}: rewrites the finding lines`, () => {
        const lines = page.split('\n');
        for (const e of [...examples].reverse()) {
          const said = engineSays(id, e);
          const [start, end] = e.findingLines;
          lines.splice(start, end - start, ...(said.length > 0 ? [...said, ...(lines[end] === '' ? [] : [''])] : []));
        }
        fs.writeFileSync(file, lines.join('\n'));
      });
      continue;
    }
    it.each(examples.map((e) => [e.title, e] as const))(`${id}: %s`, (_title, e) => {
      expect(engineSays(id, e)).toEqual(e.findings);
    });
  }
});
