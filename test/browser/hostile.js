#!/usr/bin/env node
/**
 * Issue 14's hostile files through the page: every case of
 * test/robustness/hostile-cases.ts (the generator the CLI's hostile suite
 * runs), with the two fixtures the `twin` cases are twins of, opened in the
 * built page at once, in English (the cases' reasons are written against
 * the CLI's --lang en-US text). Each file's budget is 30 s (?budget=).
 *
 * Per file: it reaches a final status (the page is never left checking, and
 * no file is stopped over its budget or by an internal failure); a `refused`
 * case is shown as unreadable with a reason matching its case, and no
 * findings; a `twin` case is checked with as many errors as its plain twin
 * shows on the same page; `checked` and `copy-refused` cases are checked; a
 * `finding` case has a finding on its cell. Then: no page error, no request
 * off the origin. Ends with "N passed, N failed".
 *
 * The generator is TypeScript that reads the fixtures beside it (__dirname):
 * it is loaded from its own file through TypeScript's transpileModule (each
 * file alone, as tsconfig's isolatedModules promises is safe; `npm test`
 * type-checks it), rather than compiled to dist/, where __dirname would
 * point away from test/fixtures.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const ts = require('typescript');
const { ROOT, assert, assertEqual, createTally, openPageHarness, runTallied } = require('./page-harness');

const LANG = 'en-US';
const BUDGET_MS = 30_000;
/** A file's budget starts once the worker has its script (up to 30 s more on a loaded machine), plus slack. */
const PER_FILE_BOUND_MS = BUDGET_MS + 30_000 + 10_000;

const tally = createTally();
const test = tally.test;

/** `require` for a .ts file and the .ts files it imports, each transpiled alone to CommonJS. */
function requireTypeScript(file) {
  const previous = require.extensions['.ts'];
  require.extensions['.ts'] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    module._compile(outputText, filename);
  };
  try {
    return require(file);
  } finally {
    if (previous) require.extensions['.ts'] = previous;
    else delete require.extensions['.ts'];
  }
}

/** The file name a case goes by on the page: its index and name, as the CLI suite names it. */
function caseFileName(c, index) {
  return `${String(index).padStart(3, '0')}-${c.name.replace(/[^\w.-]+/g, '_')}.xlsx`;
}
/** The file name a twin fixture goes by: its path with the folder folded in. */
function twinFileName(fixture) {
  return `twin-${fixture.replace(/\//g, '-')}`;
}

async function main() {
  const started = Date.now();
  const { hostileCases } = requireTypeScript(path.join(ROOT, 'test/robustness/hostile-cases.ts'));
  const cases = hostileCases();
  const twins = [...new Set(cases.flatMap((c) => (c.expect.kind === 'twin' ? [c.expect.twin] : [])))];
  const classes = [...new Set(cases.map((c) => c.name.split('/')[0]))];

  // Every case goes: all refused and all twin cases (their twins are sent too), every class.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecheck-hostile-page-'));
  const sent = cases.map((c, i) => ({ case: c, file: caseFileName(c, i) }));
  for (const { case: c, file } of sent) fs.writeFileSync(path.join(folder, file), c.bytes);
  for (const twin of twins) fs.copyFileSync(path.join(ROOT, 'test/fixtures', twin), path.join(folder, twinFileName(twin)));
  const names = [...sent.map((s) => s.file), ...twins.map(twinFileName)];
  console.log(
    `${sent.length} hostile cases in ${classes.length} classes (${classes.join(', ')}) and ${twins.length} twins, in ${folder}`,
  );

  const harness = await openPageHarness({ locale: LANG });
  // The browser goes whatever happens, so a failed run does not leave it (and this process) behind.
  try {
    const page = await harness.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.goto(`${harness.url}?budget=${BUDGET_MS}`);
    await page.getByTestId('file-input').waitFor({ state: 'attached' });

    await test(`all ${names.length} files opened at once reach a final status, none over ${PER_FILE_BOUND_MS / 1000} s`, async () => {
      await page.setInputFiles(
        '[data-testid=file-input]',
        names.map((n) => path.join(folder, n)),
      );
      // One file at a time in the worker: the count of finished files must grow within each file's bound.
      let done = 0;
      while (done < names.length) {
        const handle = await page.waitForFunction(
          ([total, before]) => {
            const rows = [...document.querySelectorAll('[data-testid=summary-row]')];
            const finished = rows.filter((r) => r.getAttribute('data-status') !== 'pending').length;
            return rows.length === total && finished > before ? finished : false;
          },
          [names.length, done],
          { timeout: PER_FILE_BOUND_MS, polling: 200 },
        );
        done = await handle.jsonValue();
      }
    });

    const entries = new Map(
      await page.$$eval('[data-testid=file-entry]', (els) =>
        els.map((el) => [
          el.getAttribute('data-file'),
          { status: el.getAttribute('data-status'), errors: el.getAttribute('data-errors') },
        ]),
      ),
    );
    const summary = new Map(
      await page.$$eval('[data-testid=summary-row]', (rows) =>
        rows.map((tr) => [tr.getAttribute('data-file'), [...tr.querySelectorAll('td')].map((td) => td.textContent)]),
      ),
    );
    const errorsOf = (file) => Number(entries.get(file).errors);

    await test('each twin fixture is checked on the page, with errors to compare against', async () => {
      for (const twin of twins) {
        const entry = entries.get(twinFileName(twin));
        assertEqual(entry && entry.status, 'checked', `${twin}: status`);
        assert(errorsOf(twinFileName(twin)) > 0, `${twin}: no errors on the page, so its twins would agree vacuously`);
      }
    });

    /** Opens a file's own view on the page. */
    async function select(file) {
      await page.locator(`[data-testid=file-entry][data-file="${file}"]`).click();
      await page.locator(`main[aria-label="${file}"]`).waitFor();
    }

    for (const { case: c, file } of sent) {
      const e = c.expect;
      const what =
        e.kind === 'refused'
          ? `refused with a reason matching ${e.reason}`
          : e.kind === 'twin'
            ? `as many errors as ${e.twin}`
            : e.kind === 'finding'
              ? `a finding on ${e.sheet}!${e.cell}`
              : e.kind === 'copy-refused'
                ? 'checked (its marked copy is the CLI’s to refuse)'
                : 'checked';
      await test(`${c.name}: ${what}`, async () => {
        const entry = entries.get(file);
        assert(entry, `${file} is not in the file list`);
        // "stopped" is the page's budget or an internal failure: a hang or a crash either way.
        if (e.kind === 'refused') {
          assertEqual(entry.status, 'unreadable', 'status');
          const listed = await page.locator(`[data-testid=file-entry][data-file="${file}"]`).textContent();
          assert(listed.includes('This file cannot be read'), `the file list says: ${listed}`);
          await select(file);
          const alert = await page.getByTestId('unreadable').textContent();
          assert(alert.startsWith('This file cannot be read'), `the status says unreadable: ${alert}`);
          const reason = alert.slice('This file cannot be read'.length).trim();
          assert(reason.length > 0 && e.reason.test(reason), `reason: ${reason}`);
          assertEqual(await page.locator('main section li').count(), 0, 'findings listed');
          assertEqual(
            await page
              .locator('main')
              .getByText(/No problems found/)
              .count(),
            0,
            '"no problems" shown',
          );
          return;
        }
        assertEqual(entry.status, 'checked', `status (summary: ${summary.get(file)?.[2]})`);
        if (e.kind === 'twin') {
          assertEqual(errorsOf(file), errorsOf(twinFileName(e.twin)), `errors, against ${e.twin}`);
        } else if (e.kind === 'finding') {
          await select(file);
          await page.getByTestId('sheet-select').selectOption(e.sheet);
          assert(
            (await page.getByRole('button', { name: `Go to ${e.cell}`, exact: true }).count()) > 0,
            `no finding listed on ${e.sheet}!${e.cell}`,
          );
        }
      });
    }

    await test('no page error, and no request left the origin', async () => {
      assertEqual(pageErrors, [], 'page errors');
      assertEqual(harness.outsideRequests(), [], 'requests outside the page origin');
      assertEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
      // The worker's script counts among the requests seen: had it not been, the check above would see nothing.
      assert(
        harness.requests.some((u) => /scorecheck-check\.[0-9a-f]+\.js$/.test(u)),
        `the worker's script was not seen: ${harness.requests.slice(0, 20).join(', ')}`,
      );
    });
  } finally {
    await harness.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
}

runTallied(tally, main);
