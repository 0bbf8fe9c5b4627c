/**
 * The fixture contract (issues 3 and 15): for every fixture workbook, the
 * Guangzhou layouts and the national variants alike, at least one table is
 * recognised; every `expect` entry is reported (sheet, cell, rule, and
 * expected value where given); no error finding appears outside `expect`
 * and `allow`; an `echoes` entry, which follows from a planted root cause,
 * is never an error; and every `warnings` entry is reported. The same holds
 * for the copies LibreOffice re-saved (test/fixtures/libreoffice).
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../../src/core/engine';
import { readWorkbook } from '../../src/file/read-workbook';

interface Entry {
  sheet: string;
  cell: string;
  rule: string;
}
interface Expected {
  expect: (Entry & { expected?: string })[];
  allow: Entry[];
  echoes?: Entry[];
  warnings: Entry[];
}

const root = join(__dirname, '..', 'fixtures');
const cases: [string, string, string][] = [];
for (const sub of ['', 'national']) {
  const dir = join(root, sub);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.json'))) {
    const name = f.replace('.expected.json', '');
    const spec = join(dir, f);
    cases.push([join(sub, name), join(dir, `${name}.xlsx`), spec]);
    const resaved = join(dir, 'libreoffice', `${name}.xlsx`);
    if (existsSync(resaved)) cases.push([`${join(sub, name)} (re-saved by LibreOffice)`, resaved, spec]);
  }
}

describe.each(cases)('%s', (_label, path, specPath) => {
  const spec: Expected = JSON.parse(readFileSync(specPath, 'utf8'));
  let result: ReturnType<typeof checkWorkbook>;

  beforeAll(async () => {
    const workbook = await readWorkbook(readFileSync(path), path);
    result = checkWorkbook(workbook);
  });

  const key = (f: Entry) => `${f.sheet}!${f.cell} ${f.rule}`;

  /**
   * An expected value written as a bound (`≤5`: a score above its weight of 5)
   * is met by a finding that expects the bound itself or any value within it.
   */
  const meets = (got: string | undefined, want: string): boolean => {
    const bound = /^([≤≥])(-?\d+(?:\.\d+)?)$/.exec(want);
    if (!bound || got === undefined || got === want) return got === want;
    const value = Number(got.replace(/^[≤≥]/, ''));
    return bound[1] === '≤' ? value <= Number(bound[2]) : value >= Number(bound[2]);
  };

  it('recognises at least one table', () => {
    expect(result.tables.length).toBeGreaterThan(0);
  });

  it('reports every expected finding, with its expected value', () => {
    for (const e of spec.expect) {
      const hit = result.findings.find((f) => key(f) === key(e) && f.severity === 'error');
      expect(hit ? key(hit) : `missing ${key(e)}`).toBe(key(e));
      if (e.expected !== undefined && !meets(hit!.expected, e.expected)) {
        expect(`${key(e)} → ${hit!.expected}`).toBe(`${key(e)} → ${e.expected}`);
      }
    }
  });

  it('raises no other error', () => {
    const allowed = new Set([...spec.expect, ...spec.allow].map(key));
    const extra = result.findings.filter((f) => f.severity === 'error' && !allowed.has(key(f)));
    expect(extra.map((f) => `${key(f)}: ${f.message['en-US']}`)).toEqual([]);
  });

  it('reports no echo of a root cause as an error', () => {
    const echoes = new Set((spec.echoes ?? []).map(key));
    const loud = result.findings.filter((f) => f.severity === 'error' && echoes.has(key(f)));
    expect(loud.map(key)).toEqual([]);
  });

  it('reports every expected warning', () => {
    const got = new Set(result.findings.map(key));
    expect(spec.warnings.map(key).filter((k) => !got.has(k))).toEqual([]);
  });
});
