/**
 * The checker behind test/manifest/bundle-syntax.js (which runs on the built
 * bundles after `npm run build`): it must refuse what the oldest engine the
 * README claims cannot parse, and the guard pages must themselves be ES5.
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { syntaxProblem, inlineScripts, BUNDLE_VERSION, INLINE_VERSION } = require('./bundle-syntax.js');

const ROOT = path.resolve(__dirname, '../..');

describe('bundle syntax at the README’s oldest engine', () => {
  it('targets ES2017 for bundles and ES5 for inline scripts', () => {
    expect([BUNDLE_VERSION, INLINE_VERSION]).toEqual([2017, 5]);
  });

  it.each([
    ['object spread (ES2018, EdgeHTML lacks it)', 'var a = { ...b };'],
    ['optional chaining (ES2020)', 'var a = b?.c;'],
    ['nullish coalescing (ES2020)', 'var a = b ?? 1;'],
    ['logical assignment (ES2021, tabster)', 'a ??= {};'],
    ['a class static block (ES2022, tabster)', 'class A { static { this.x = 1; } }'],
    ['a lookbehind (ES2018, Safari before 16.4)', 'var r = /(?<=a)b/;'],
    ['a named group (ES2018)', 'var r = /(?<y>\\d{4})/;'],
  ])('refuses %s', (_what, source) => {
    expect(syntaxProblem(source, BUNDLE_VERSION)).toMatch(/^\d+:\d+ /);
  });

  it('accepts what ES2017 has: async functions, classes, arrows, trailing commas', () => {
    expect(syntaxProblem('class A { async f(x,) { await x; return () => [...x]; } }', BUNDLE_VERSION)).toBeUndefined();
  });

  it('finds the inline scripts of a page, not those loaded by src', () => {
    const html = '<script src="office.js"></script><script>var a = 1;</script><script type="x">b()</script>';
    expect(inlineScripts(html)).toEqual(['var a = 1;', 'b()']);
  });

  it.each(['src/taskpane/engine-guard.js'])('%s is ES5', (file) => {
    expect(syntaxProblem(fs.readFileSync(path.join(ROOT, file), 'utf8'), INLINE_VERSION)).toBeUndefined();
  });

  it.each(['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/commands/result.html'])(
    'the inline scripts of %s are ES5',
    (file) => {
      const scripts = inlineScripts(fs.readFileSync(path.join(ROOT, file), 'utf8')).filter((s: string) => !s.includes('<%'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(syntaxProblem(s, INLINE_VERSION)).toBeUndefined();
    },
  );
});
