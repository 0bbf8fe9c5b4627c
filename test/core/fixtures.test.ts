/**
 * The contract of issue 3: for every fixture workbook, every `expect` entry
 * is reported (sheet, cell, rule, and expected value where given), no other
 * error finding appears outside `allow`, and every `warnings` entry is reported.
 * The same holds for the copies LibreOffice re-saved (test/fixtures/libreoffice).
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../../src/core/engine';
import { readWorkbook } from '../../src/file/read-workbook';

interface Expected {
  expect: { sheet: string; cell: string; rule: string; expected?: string }[];
  allow: { sheet: string; cell: string; rule: string }[];
  warnings: { sheet: string; cell: string; rule: string }[];
}

const dir = join(__dirname, '..', 'fixtures');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace('.expected.json', ''));
const cases = names.flatMap((name) => [
  [name, join(dir, `${name}.xlsx`)],
  [`${name} (re-saved by LibreOffice)`, join(dir, 'libreoffice', `${name}.xlsx`)],
]);

describe.each(cases)('%s', (label, path) => {
  const name = label.split(' ')[0];
  const spec: Expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
  let findings: ReturnType<typeof checkWorkbook>['findings'];

  beforeAll(async () => {
    const workbook = await readWorkbook(readFileSync(path), `${name}.xlsx`);
    findings = checkWorkbook(workbook).findings;
  });

  const key = (f: { sheet: string; cell: string; rule: string }) => `${f.sheet}!${f.cell} ${f.rule}`;

  it('reports every expected finding, with its expected value', () => {
    for (const e of spec.expect) {
      const hit = findings.find((f) => key(f) === key(e));
      expect(hit ? key(hit) : `missing ${key(e)}`).toBe(key(e));
      if (e.expected !== undefined) expect(hit!.expected).toBe(e.expected);
    }
  });

  it('raises no other error', () => {
    const allowed = new Set([...spec.expect, ...spec.allow].map(key));
    const extra = findings.filter((f) => f.severity === 'error' && !allowed.has(key(f)));
    expect(extra.map((f) => `${key(f)}: ${f.message['en-US']}`)).toEqual([]);
  });

  it('reports every expected warning', () => {
    const got = new Set(findings.map(key));
    expect(spec.warnings.map(key).filter((k) => !got.has(k))).toEqual([]);
  });
});
