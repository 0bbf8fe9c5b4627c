/**
 * Builds the Excel add-in's pages (task pane, ribbon command, help) into
 * dist/addin; createWebConfig below builds the browser page into dist/web.
 *
 *   webpack --mode production                 → Office.js from Microsoft's CDN (AppSource requires it)
 *   webpack --mode production --env intranet  → Office.js served from our own origin, for networks
 *                                               that cannot reach the CDN
 *   webpack serve --mode development          → https://localhost:3000 with the Office dev certificates
 *
 * SCORECHECK_BASE_URL (e.g. https://oa.example.gov.cn/scorecheck/) replaces
 * https://localhost:3000/ in the copied manifest.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { CONTENT_SECURITY_POLICY } = require('./src/web/csp');

const DEV_ORIGIN = 'https://localhost:3000/';
const DEV_PORT = 3000;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the intranet build puts Office.js, relative to the pages. */
const OFFICE_JS_LOCAL_DIR = 'office-js';
const OUTPUT_DIR = path.resolve(__dirname, 'dist/addin');

/** One HTML page per entry, each loading Office.js (the browser page has its own config below). */
const PAGES = [
  { name: 'taskpane', entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html' },
  { name: 'commands', entry: './src/commands/commands.ts', template: './src/commands/commands.html' },
];

/** Static files copied as they are. */
/**
 * Each rule's page (docs/rules/<id>.md) as rules/<id>.html beside the pane
 * and the page, so a finding links to why it was raised with no network:
 * the Markdown is shown as written, in a page that says it is UTF-8.
 */
const RULE_PAGES = {
  from: 'docs/rules/*.md',
  to: 'rules/[name].html',
  transform: (content, file) => {
    const escaped = content.toString().replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
    const title = `ScoreCheck · ${path.basename(file, '.md')}`;
    return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>\n<style>body{font:15px/1.6 system-ui,sans-serif;margin:1.5em auto;max-width:56em;padding:0 1em}pre{white-space:pre-wrap}</style></head>\n<body><pre>${escaped}</pre></body></html>\n`;
  },
};

const STATIC_FILES = [
  RULE_PAGES,
  { from: 'assets/*.png', to: 'assets/[name][ext]' },
  { from: 'src/taskpane/help.html', to: 'help.html' },
  { from: 'src/commands/result.html', to: 'result.html' },
];

/** ES5, inlined into both pages before their bundles: says why, where the bundles cannot run. */
const ENGINE_GUARD = fs.readFileSync(path.join(__dirname, 'src/taskpane/engine-guard.js'), 'utf8');

/**
 * The parts of @microsoft/office-js that Excel needs: the loader, Excel's
 * host scripts for every platform and each locale's strings. Debug builds and
 * other hosts (Word, Outlook…) are left out: they are most of the 86 MB.
 */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  'excel-*.js',
  'excelwebapp-*.js',
  '*/office_strings.js',
  'telemetry/**',
  'ariatelemetry/**',
  'agaveerrorux/**',
];

/**
 * The oldest ECMAScript every shipped bundle may use: EdgeHTML 18 (Office
 * 2019 retail on Windows 10 without WebView2) and Safari 11 parse ES2017 and
 * nothing newer (no object spread, no `?.`, no class static blocks). The
 * README's support table and test/manifest/bundle-syntax.test.ts rely on it.
 */
const ECMASCRIPT_TARGET = 'ES2017';

/**
 * TypeScript for both builds: ES modules for webpack (tree shaking); jest
 * keeps CommonJS (STACK-NOTES: 17 MiB otherwise). node_modules is transpiled
 * too: Fluent UI and tabster ship ES2022 (`??=`, class static blocks), which
 * webpack passes through untouched and an ES2017 engine cannot parse: a blank
 * pane. TypeScript downlevels syntax only; the built-ins an old engine lacks
 * are what taskpane.html's feature test looks for.
 */
const TYPESCRIPT_MODULE = {
  rules: [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: { loader: 'ts-loader', options: { configFile: 'tsconfig.webpack.json', transpileOnly: true } },
    },
    {
      test: /\.[cm]?js$/,
      include: /node_modules/,
      use: {
        loader: 'ts-loader',
        options: {
          configFile: 'tsconfig.webpack.json',
          transpileOnly: true,
          compilerOptions: { allowJs: true, checkJs: false, target: ECMASCRIPT_TARGET, sourceMap: false },
        },
      },
    },
  ],
};

function withTrailingSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Points every URL of the manifest, and its AppDomain (an origin, no path), at `base`. */
function rewriteManifest(xml, base) {
  const devOrigin = DEV_ORIGIN.replace(/\/$/, '');
  return xml.split(DEV_ORIGIN).join(base).split(devOrigin).join(new URL(base).origin);
}

/** The three files `office-addin-dev-certs install` writes (STACK-NOTES: its API throws without sudo). */
function devCertificates() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { cert: 'localhost.crt', key: 'localhost.key', ca: 'ca.crt' };
  const missing = Object.values(files).filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new Error(
      `The dev server needs Office's development certificates in ${dir} (missing: ${missing.join(', ')}).\n` +
        'Create them once with:  npx --yes office-addin-dev-certs@3.0.0 install\n' +
        '(On Linux the CA cannot be trusted without sudo, but the files are still written.)',
    );
  }
  const read = (f) => fs.readFileSync(path.join(dir, f));
  return { cert: read(files.cert), key: read(files.key), ca: read(files.ca) };
}

function officeJsCopyPatterns() {
  const dist = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
  return OFFICE_JS_FILES.map((glob) => ({
    from: glob,
    context: dist,
    to: `${OFFICE_JS_LOCAL_DIR}/`,
    globOptions: { ignore: ['**/*.debug.js'] },
  }));
}

/**
 * @param {{ production: boolean, intranet: boolean, serving: boolean, baseUrl?: string }} options
 */
function createConfig({ production, intranet, serving, baseUrl }) {
  const officeJsUrl = intranet ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN;
  const origin = serving ? DEV_ORIGIN : withTrailingSlash(baseUrl || DEV_ORIGIN);
  if (intranet && !baseUrl) {
    console.warn('build:intranet: SCORECHECK_BASE_URL is not set; the manifest still points at https://localhost:3000/.');
  }

  return {
    mode: production ? 'production' : 'development',
    // Webpack's runtime and its minifier write syntax up to this target (Terser would turn `a == null ? b : a` into `??`).
    target: ['web', ECMASCRIPT_TARGET.toLowerCase()],
    devtool: production ? false : 'source-map',
    entry: Object.fromEntries(PAGES.map((p) => [p.name, p.entry])),
    output: {
      path: OUTPUT_DIR,
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: TYPESCRIPT_MODULE,
    plugins: [
      ...PAGES.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            templateParameters: { officeJsUrl, engineGuard: ENGINE_GUARD },
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          ...STATIC_FILES,
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString(), origin),
          },
          ...(intranet ? officeJsCopyPatterns() : []),
        ],
      }),
    ],
    performance: {
      hints: production ? 'warning' : false,
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
      // Office's own scripts (intranet build) are Microsoft's size, not ours.
      assetFilter: (name) => name.endsWith('.js') && !name.startsWith(`${OFFICE_JS_LOCAL_DIR}/`),
    },
    devServer: serving
      ? {
          host: 'localhost',
          port: DEV_PORT,
          server: { type: 'https', options: devCertificates() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
        }
      : undefined,
  };
}

/**
 * The browser page (issue 5): its own folder, dist/web, that any static
 * server can host. No Office.js, no manifest, and a CSP that forbids every
 * network connection. The reader is bundled only into the worker, which webpack
 * builds from `new Worker(new URL(...))` in src/web/worker-client.ts.
 *
 * @param {{ production: boolean }} options
 */
function createWebConfig({ production }) {
  return {
    name: 'web',
    mode: production ? 'production' : 'development',
    target: ['web', ECMASCRIPT_TARGET.toLowerCase()],
    // eval-based source maps would need 'unsafe-eval', which the CSP refuses.
    devtool: production ? false : 'source-map',
    entry: { web: './src/web/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist/web'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: TYPESCRIPT_MODULE,
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/web/index.html',
        chunks: ['web'],
        templateParameters: { csp: CONTENT_SECURITY_POLICY },
      }),
      new CopyWebpackPlugin({ patterns: [RULE_PAGES] }),
    ],
    performance: {
      hints: production ? 'warning' : false,
      // The worker (the engine and the reader) loads only when a file is opened.
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
      assetFilter: (name) => name.endsWith('.js'),
    },
  };
}

module.exports = (env = {}, argv = {}) => {
  const options = {
    production: argv.mode === 'production',
    intranet: Boolean(env.intranet),
    serving: Boolean(env.WEBPACK_SERVE),
    baseUrl: process.env.SCORECHECK_BASE_URL,
  };
  const addin = { name: 'addin', ...createConfig(options) };
  // The dev server serves the add-in only; `--config-name web` builds the page alone.
  return options.serving ? addin : [addin, createWebConfig(options)];
};
module.exports.createConfig = createConfig;
module.exports.createWebConfig = createWebConfig;
module.exports.PAGES = PAGES;
module.exports.rewriteManifest = rewriteManifest;
module.exports.ECMASCRIPT_TARGET = ECMASCRIPT_TARGET;
