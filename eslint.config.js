/**
 * ESLint 9 flat config. Two jobs:
 *
 * 1. The import boundaries of the design (docs: CONTRIBUTING.md "Import
 *    boundaries"): `src/core` imports nothing outside `src/core` and no
 *    host package; an adapter imports `../core` (core/index.ts, nothing
 *    deeper), `../host`, and only the neighbours listed in ADAPTERS below.
 *    The local rule `scorecheck/import-boundaries` resolves each relative
 *    import against the importing file, so the depth of `../` does not
 *    matter and a wrong path cannot slip through as a look-alike.
 * 2. A modest rule set the tree passes: `js.configs.recommended` and
 *    `tseslint.configs.recommended`, with only the exceptions commented below.
 */
const path = require('path');
const js = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');

const SRC = path.join(__dirname, 'src');

/**
 * Which other adapters each adapter may import, besides `../core` (its
 * index only) and `../host` (the port), which every adapter may import.
 * - web reuses the pane (its components, theme and words) and reads files
 *   in a worker with file/;
 * - cli reads and writes workbooks with file/;
 * - commands (the ribbon) drives Excel through excel/;
 * - taskpane/index.tsx alone, the pane's entry point, wires Excel's host
 *   into the pane (as commands/ does for the ribbon); no component may.
 */
const ADAPTERS = {
  file: [],
  excel: [],
  taskpane: [],
  web: ['taskpane', 'file'],
  cli: ['file'],
  commands: ['excel'],
  host: [],
};
const ENTRY_POINT_EXCEPTIONS = {
  'taskpane/index.tsx': ['excel'],
};

/** `src/<top>/…` → top ('core', 'excel' …), or undefined outside src. */
function topOf(absolute) {
  const rel = path.relative(SRC, absolute);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep)[0];
}

/** Why `from` (a file under src) may not import `target` (an absolute path), or undefined when it may. */
function boundaryProblem(from, target) {
  const fromTop = topOf(from);
  const toTop = topOf(target);
  if (fromTop === undefined || fromTop === toTop) return undefined;
  if (fromTop === 'core') return 'src/core imports nothing outside src/core';
  if (toTop === undefined) return undefined; // e.g. a JSON file at the root, read by the manifest test helpers
  if (toTop === 'core') {
    const rest = path.relative(path.join(SRC, 'core'), target);
    return rest === '' || rest === 'index' || rest === 'index.ts'
      ? undefined
      : 'adapters import ../core (core/index.ts), never a deeper path into core';
  }
  if (toTop === 'host') return undefined;
  const allowed = ADAPTERS[fromTop] ?? [];
  const entry = ENTRY_POINT_EXCEPTIONS[path.relative(SRC, from).split(path.sep).join('/')] ?? [];
  if (allowed.includes(toTop) || entry.includes(toTop)) return undefined;
  return `src/${fromTop} may not import src/${toTop}: no adapter imports another (CONTRIBUTING.md, "Import boundaries")`;
}

const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep src/core pure and adapters apart (see CONTRIBUTING.md)' },
    messages: { boundary: '{{why}} (import of "{{source}}").' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const check = (node) => {
      const source = node && node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
      if (!source || !source.startsWith('.')) return;
      const why = boundaryProblem(file, path.resolve(path.dirname(file), source));
      if (why) context.report({ node, messageId: 'boundary', data: { why, source } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

/** Packages the pure core must not reach for: hosts, UI, files, compression. */
const CORE_FORBIDDEN_PACKAGES = [
  'react',
  'react-dom',
  '@fluentui/*',
  'office-js',
  '@microsoft/office-js',
  'office-addin-*',
  'fs',
  'path',
  'zlib',
  'node:*',
  'fflate',
  'jszip',
  'exceljs',
];

/** Node's CommonJS globals, for the .js scripts (config files, serve.js, bin/, test/browser). */
const NODE_GLOBALS = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'URL',
  ].map((g) => [g, 'readonly']),
);

module.exports = defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { scorecheck: { rules: { 'import-boundaries': importBoundaries } } },
  },
  {
    rules: {
      // The domain is full of full-width spaces (U+3000 indents child rows: 　　工资福利支出);
      // comments, strings, templates and regexes quote them. Code itself still may not hold one.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    rules: {
      // `_uid`, `_spec`, `catch (_e)`: the code marks a binding it keeps on purpose with `_` (a fake's signature,
      // a destructured part left out, an ES5 catch that must name its error); none a mistake.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'src/**/*.js'],
    rules: { 'scorecheck/import-boundaries': 'error' },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: CORE_FORBIDDEN_PACKAGES,
              message: 'src/core is pure TypeScript: hosts, UI, files and zips belong to an adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS scripts and config files: require() is how they load modules.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The end-to-end test's page.evaluate() callbacks run in the browser, not in Node.
    files: ['test/browser/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['window', 'document', 'getComputedStyle', 'DataTransfer', 'File', 'atob', 'performance', 'fetch'].map((g) => [
          g,
          'readonly',
        ]),
      ),
    },
  },
);
