/**
 * What the browser scripts share: Debian's chromium through playwright-core,
 * launched one way (pane.js, run.js, hostile.js); for the page (run.js,
 * hostile.js), the build in dist/web served by src/web/serve.js on 127.0.0.1,
 * every request seen and anything off the origin refused, CSP violations
 * recorded in the page; and the "N passed, N failed" tally that ends a run.
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '../..');
const WEB = path.join(ROOT, 'dist/web');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const { startServer } = require(path.join(ROOT, 'src/web/serve.js'));

function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function assertEqual(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Named tests run one after another; `line()` is the script's last line. */
function createTally() {
  const results = [];
  async function test(name, fn) {
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      results.push({ name, ok: false });
      console.log(
        `  ✗ ${name} (${Date.now() - started} ms)\n      ${String(e && e.stack ? e.stack : e)
          .split('\n')
          .slice(0, 6)
          .join('\n      ')}`,
      );
    }
  }
  const passed = () => results.filter((r) => r.ok).length;
  const failed = () => results.length - passed();
  /** `extraFailures`: a script that died outside a test counts that as one more failure. */
  const line = (extraFailures = 0) => `${passed()} passed, ${failed() + extraFailures} failed`;
  return { test, passed, failed, line };
}

/** Debian's chromium, headless, with nothing of its own reaching out (updates, sync, background fetches). */
function launchChromium() {
  assert(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Runs a script's `main`, then prints the tally as its last line and sets the
 * exit code; a throw outside any test counts as one more failure.
 */
function runTallied(tally, main) {
  main().then(
    () => {
      console.log(tally.line());
      process.exitCode = tally.failed() === 0 ? 0 : 1;
    },
    (e) => {
      console.error(e);
      console.log(tally.line(1));
      process.exitCode = 1;
    },
  );
}

/**
 * The page served from dist/web and a browser context on it, in `locale`
 * (the page picks its language from it). `requests` collects every URL the
 * page or its workers ask for; none off the origin is let through.
 */
async function openPageHarness({ locale, viewport = { width: 1440, height: 900 } }) {
  assert(fs.existsSync(path.join(WEB, 'index.html')), 'dist/web is not built: run npm run build:web');
  const { server, url } = await startServer({ root: WEB, port: 0 });
  const origin = new URL(url).origin;
  const browser = await launchChromium();
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient'),
  );
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  /** The requests that left the origin (blob: and data: URLs stay in the page). */
  const outsideRequests = () => requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  async function close() {
    await browser.close();
    server.close();
  }
  return { server, url, origin, browser, context, requests, outsideRequests, close };
}

module.exports = { ROOT, assert, assertEqual, createTally, launchChromium, openPageHarness, runTallied };
