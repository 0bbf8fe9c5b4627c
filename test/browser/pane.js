#!/usr/bin/env node
/**
 * The production task pane (dist/addin, as `npm run build` makes it), in
 * Debian's chromium, over the Office double: Playwright serves the built
 * pages at the manifest's origin and, in place of Microsoft's office.js,
 * test/browser/office-double.ts (test/excel/fake-excel.ts behind `Office`
 * and `Excel`). The engine inside the bundle checks fixture workbooks read
 * in Node; Node's own checkSheet (dist/cli) says what the pane must show.
 *
 * Validate, select, Fix, Undo fix, Clear, live checking with an edit made
 * while a cell is being edited, Ignore, next / previous, the ribbon command
 * with a profile kept in the document, a protected sheet, a sheet over Excel
 * on the web's 5 MB response. Screenshots in test-results/pane-*.png. Runs
 * on node:test: its summary says how many passed and failed.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { launchChromium } = require('./page-harness');

const ROOT = path.resolve(__dirname, '../..');
const ADDIN = path.join(ROOT, 'dist/addin');
const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ORIGIN = 'https://localhost:3000';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const FIXTURE = path.join(ROOT, 'test/fixtures/gz2021-overall-errors.xlsx');
const EXCEL_WEB_RESPONSE_LIMIT = 5 * 1024 * 1024;

const core = require(path.join(ROOT, 'dist/cli/core/index.js'));
const { readWorkbook } = require(path.join(ROOT, 'dist/cli/file/read-workbook.js'));

/** Bundles the double for the browser, once, into a scratch folder. */
function buildDouble(outDir) {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: ['web', 'es2017'],
        entry: path.join(__dirname, 'office-double.ts'),
        output: { path: outDir, filename: 'office-double.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              exclude: /node_modules/,
              use: {
                loader: 'ts-loader',
                options: {
                  configFile: path.join(ROOT, 'tsconfig.json'),
                  transpileOnly: true,
                  compilerOptions: { module: 'ES2020', noEmit: false },
                },
              },
            },
          ],
        },
      },
      (err, stats) => {
        if (err || stats.hasErrors()) reject(err || new Error(stats.toString('errors-only')));
        else resolve(path.join(outDir, 'office-double.js'));
      },
    );
  });
}

/** A grid sheet (what readWorkbook gives) as the double's rows and merges. */
function sheetInit(sheet, extra = {}) {
  const rows = sheet.rows.map((row) =>
    (row || []).map((c) =>
      c === undefined || c === null
        ? undefined
        : { value: c.value, ...(c.formula ? { formula: c.formula } : {}), ...(c.numFmt ? { numberFormat: c.numFmt } : {}) },
    ),
  );
  return { rows, merges: sheet.merges.map((m) => core.rangeToA1(m)), ...extra };
}

/** A finding whose Fix leaves its cell without any finding (so its mark must go), on the fixture's sheet. */
function fixableFinding(sheet, result) {
  for (const f of result.findings) {
    if (f.fixValue === undefined || f.severity !== 'error') continue;
    const p = core.parseA1(f.cell);
    const copy = { ...sheet, rows: sheet.rows.map((r) => (r ? r.slice() : r)) };
    copy.rows[p.row][p.col] = { value: f.fixValue };
    if (!core.checkSheet(copy).findings.some((g) => g.cell === f.cell)) return f;
  }
  throw new Error('no finding in the fixture whose fix clears its cell');
}

test('the production task pane over the Office double', async (t) => {
  assert.ok(fs.existsSync(path.join(ADDIN, 'taskpane.html')), 'dist/addin is not built: run npm run build');
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  fs.mkdirSync(RESULTS, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecheck-pane-'));
  const doubleJs = fs.readFileSync(await buildDouble(scratch), 'utf8');

  const workbook = await readWorkbook(fs.readFileSync(FIXTURE), path.basename(FIXTURE));
  const formSheet = workbook.sheets.find((s) => core.checkSheet(s).findings.length > 1);
  assert.ok(formSheet, 'the fixture has no sheet with findings');
  const expected = core.checkSheet(formSheet);
  const target = fixableFinding(formSheet, expected);
  console.log(
    `fixture ${path.basename(FIXTURE)}, sheet ${formSheet.name}: ${expected.findings.length} findings; Fix on ${target.cell} (${target.rule})`,
  );

  const browser = await launchChromium();
  const pageErrors = [];

  /** A fresh pane (or ribbon page) over a double set up as `scenario` says. */
  async function open(scenario, pageName = 'taskpane.html') {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 420, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ body: doubleJs, contentType: 'application/javascript' });
      if (url.startsWith(`${ORIGIN}/`)) {
        const file = path.join(ADDIN, decodeURIComponent(new URL(url).pathname));
        if (file.startsWith(ADDIN) && fs.existsSync(file)) return route.fulfill({ path: file });
        return route.fulfill({ status: 404, body: 'not found' });
      }
      // Nothing else: the pane makes no other request.
      pageErrors.push(`request outside the add-in: ${url}`);
      return route.abort('blockedbyclient');
    });
    await context.addInitScript((s) => {
      window.__scenario = s;
    }, scenario);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${ORIGIN}/${pageName}`);
    if (pageName === 'taskpane.html') await page.getByRole('heading', { name: 'ScoreCheck 绩效自评表校验' }).waitFor();
    return { page, context };
  }

  const formScenario = (extra = {}) => ({
    excelApi: '1.20',
    displayLanguage: 'zh-CN',
    sheets: [{ name: formSheet.name, init: sheetInit(formSheet) }],
    ...extra,
  });
  const double = (page, fn, arg) => page.evaluate(fn, arg);
  const marksOn = (page) =>
    double(page, () =>
      window.__double.sheets[0].conditionalFormats
        .filter((cf) => (cf.formula || '').includes('ScoreCheck'))
        .map((cf) => cf.range),
    );
  const listed = (page) =>
    page.locator('main li[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
  /** Waits until no finding on `cell` is listed. */
  const noFindingOn = (page, cell) =>
    page.waitForFunction(
      (c) =>
        ![...document.querySelectorAll('main li[data-finding]')].some((e) => e.getAttribute('data-finding').includes(`!${c}:`)),
      cell,
    );

  const { page } = await open(formScenario());
  const before = await double(page, (name) => JSON.stringify(window.__double.picture(name)), formSheet.name);

  await t.test('Validate lists what the engine finds in Node and marks each cell', async () => {
    await page.getByRole('button', { name: '校验本表' }).click();
    await page
      .getByRole('button', { name: `定位到 ${target.cell}` })
      .first()
      .waitFor();
    assert.deepStrictEqual((await listed(page)).length, expected.findings.length, 'findings listed');
    const cells = new Set(expected.findings.map((f) => f.cell));
    assert.deepStrictEqual((await marksOn(page)).length, cells.size, 'cells marked');
    assert.ok(await page.getByTestId('summary').evaluate((el) => el === document.activeElement), 'focus is on the summary');
    await page.screenshot({ path: path.join(RESULTS, 'pane-validated.png'), fullPage: true });
  });

  await t.test('clicking a finding selects its cell in Excel', async () => {
    await page
      .getByRole('button', { name: `定位到 ${target.cell}` })
      .first()
      .click();
    await page.waitForFunction((c) => window.__double.selection && window.__double.selection.cell === c, target.cell);
  });

  const original = await double(page, ([name, cell]) => window.__double.sheet(name).cell(cell), [formSheet.name, target.cell]);

  await t.test('Fix writes the value, re-checks: the finding, its fill and its note go', async () => {
    await page.getByRole('button', { name: `修正 ${target.cell}` }).click();
    if (original && original.formula) await page.getByRole('button', { name: '覆盖公式' }).click();
    await page.getByRole('button', { name: `撤销修正 ${target.cell}` }).waitFor();
    await noFindingOn(page, target.cell);
    const cell = await double(page, ([name, c]) => window.__double.sheet(name).cell(c), [formSheet.name, target.cell]);
    assert.deepStrictEqual(cell.value, target.fixValue, 'value written');
    const p = core.parseA1(target.cell);
    assert.ok(!(await marksOn(page)).some((r) => r.top === p.row && r.left === p.col), 'the fill is gone');
    assert.ok(
      !(await double(page, ([name, c]) => window.__double.sheet(name).notes.has(c), [formSheet.name, target.cell])),
      'the note is gone',
    );
  });

  await t.test('Undo fix puts back exactly what was there, and the finding returns', async () => {
    await page.getByRole('button', { name: `撤销修正 ${target.cell}` }).click();
    await page
      .getByRole('button', { name: `定位到 ${target.cell}` })
      .first()
      .waitFor();
    const cell = await double(page, ([name, c]) => window.__double.sheet(name).cell(c), [formSheet.name, target.cell]);
    assert.deepStrictEqual(cell, original, 'content and type');
  });

  await t.test('next / previous step through the findings in list order and select each cell', async () => {
    const order = await listed(page);
    await page.getByRole('button', { name: '下一个问题' }).click();
    await page.getByRole('button', { name: '下一个问题' }).click();
    const second = order.indexOf(await page.locator('main li[aria-current=true]').getAttribute('data-finding'));
    await page.getByRole('button', { name: '上一个问题' }).click();
    const now = await page.locator('main li[aria-current=true]').getAttribute('data-finding');
    assert.deepStrictEqual(order.indexOf(now), second - 1, 'previous after next');
    const cell = now.slice(now.indexOf('!') + 1, now.indexOf(':'));
    await page.waitForFunction((c) => window.__double.selection.cell === c, cell);
  });

  await t.test('Ignore hides a finding and its mark, kept in the document; it can be shown again', async () => {
    const first = (await listed(page))[0];
    const cell = first.slice(first.indexOf('!') + 1, first.indexOf(':'));
    const count = (await listed(page)).length;
    await page
      .locator(`main li[data-finding="${first}"]`)
      .getByRole('button', { name: `忽略 ${cell}` })
      .click();
    await page.getByRole('switch', { name: '显示已忽略的问题（1）' }).waitFor();
    assert.deepStrictEqual((await listed(page)).length, count - 1, 'findings listed');
    const kept = await double(page, () => JSON.parse(window.__double.settings.get('scorecheck.ignored')));
    assert.ok(kept.length === 1 && kept[0].startsWith(first), `ignored: ${JSON.stringify(kept)}`);
    await page.getByRole('switch', { name: '显示已忽略的问题（1）' }).click();
    await page.getByRole('button', { name: `取消忽略 ${cell}` }).click();
    await page.waitForFunction((n) => document.querySelectorAll('main li[data-finding]').length === n, count);
  });

  await t.test('Clear: the pane lists nothing and the sheet is exactly as before', async () => {
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText(/已清除 ScoreCheck 添加的全部标记/).waitFor();
    assert.deepStrictEqual((await listed(page)).length, 0, 'findings listed after Clear');
    const after = await double(page, (name) => JSON.stringify(window.__double.picture(name)), formSheet.name);
    assert.deepStrictEqual(JSON.parse(after), JSON.parse(before), 'the sheet');
  });

  await t.test('live checking: an edit made while another cell is being edited is checked once the edit ends', async () => {
    await page.getByRole('switch', { name: '实时校验' }).click();
    await page
      .getByRole('button', { name: `定位到 ${target.cell}` })
      .first()
      .waitFor();
    // The user fixes the cell by hand, then starts typing in the next one.
    await double(
      page,
      ([name, c, v]) => {
        window.__double.beginCellEdit();
        return window.__double.userEdit(name, c, v);
      },
      [formSheet.name, target.cell, target.fixValue],
    );
    await page.waitForTimeout(1200); // past the 400 ms debounce: the batch now waits for the edit to end
    assert.deepStrictEqual(await page.getByRole('alert').count(), 0, 'no error shown during cell edit');
    await double(page, () => window.__double.endCellEdit());
    await noFindingOn(page, target.cell);
    const runs = await double(page, () => window.__double.runs);
    assert.deepStrictEqual(runs.delayForCellEdit, runs.total, 'batches that asked to wait for the cell edit');
    await page.screenshot({ path: path.join(RESULTS, 'pane-live.png'), fullPage: true });
  });

  /** The ribbon's Validate sheet on commands.html: what its dialog says. */
  async function ribbon(scenario) {
    const { page: commands, context } = await open(scenario, 'commands.html');
    await commands.waitForFunction(() => window.__actions && window.__actions.validateSheet);
    await commands.evaluate(() => new Promise((resolve) => window.__actions.validateSheet({ completed: resolve })));
    const dialogs = await commands.evaluate(() => window.__dialogs);
    await context.close();
    assert.deepStrictEqual(dialogs.length, 1, 'dialogs opened');
    return decodeURIComponent(dialogs[0].slice(dialogs[0].indexOf('#') + 1));
  }
  const totalRows = [
    ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
    ['产出指标', 30, '数量指标', 30, '指标A', 30, 30],
    ['效益指标', 20, '社会效益', 20, '指标B', 20, 18],
    ['总分', 50, null, null, null, null, 48],
  ];
  const totalScenario = (settings) => ({
    excelApi: '1.20',
    displayLanguage: 'zh-CN',
    sheets: [{ name: '自评表', init: { rows: totalRows } }],
    settings,
  });

  await t.test('the ribbon command checks with the profile the document keeps and says so', async () => {
    const withDefaults = await ribbon(totalScenario());
    assert.ok(withDefaults.includes('1 个错误') && withDefaults.includes('已在 1 个单元格上做了标记'), withDefaults);
    const saved = JSON.stringify(core.resolveProfile({ totalWeight: 50 }));
    const withSaved = await ribbon(totalScenario({ 'scorecheck.profile': saved }));
    assert.deepStrictEqual(withSaved, 'ScoreCheck 校验本表\n“自评表”中的 1 张表未发现问题。', 'with the saved profile');
    // The pane, on the same document, agrees.
    const { page: pane, context } = await open(totalScenario({ 'scorecheck.profile': saved }));
    await pane.getByRole('button', { name: '校验本表' }).click();
    await pane.getByText('“自评表”中的 1 张表未发现问题。').waitFor();
    await context.close();
  });

  await t.test('the ribbon on a protected sheet says nothing was marked', async () => {
    const text = await ribbon({ ...totalScenario(), sheets: [{ name: '自评表', init: { rows: totalRows, protected: true } }] });
    assert.ok(text.includes('工作表受保护'), text);
  });

  await t.test('a protected sheet: findings listed, nothing written, the reason shown', async () => {
    const { page: pane, context } = await open(
      formScenario({ sheets: [{ name: formSheet.name, init: sheetInit(formSheet, { protected: true }) }] }),
    );
    const untouched = await double(pane, (name) => JSON.stringify(window.__double.picture(name)), formSheet.name);
    await pane.getByRole('button', { name: '校验本表' }).click();
    await pane.getByText('工作表受保护：问题已列在下方，但没有在单元格上做标记。').waitFor();
    assert.deepStrictEqual((await listed(pane)).length, expected.findings.length, 'findings listed');
    assert.deepStrictEqual(
      await double(pane, (name) => JSON.stringify(window.__double.picture(name)), formSheet.name),
      untouched,
      'the sheet',
    );
    await pane.screenshot({ path: path.join(RESULTS, 'pane-protected.png'), fullPage: true });
    await context.close();
  });

  await t.test('a sheet over Excel on the web’s 5 MB response is read in slices and checked', async () => {
    const rows = [totalRows[0]];
    for (let i = 0; i < 25_000; i++)
      rows.push([`产出指标第${i}项（含较长的说明文字）`, 10, `二级指标第${i}项说明`, 10, `三级指标第${i}项说明`, 10, 9]);
    const { page: pane, context } = await open({
      ...totalScenario(),
      sheets: [{ name: '大表', init: { rows } }],
      responseByteLimit: EXCEL_WEB_RESPONSE_LIMIT,
    });
    await pane.getByRole('button', { name: '校验本表' }).click();
    await pane.waitForFunction(() => document.querySelector('[data-testid=summary]').textContent.includes('大表'), null, {
      timeout: 120_000,
    });
    const read = await double(pane, () => window.__double.responseBytes);
    assert.ok(read > EXCEL_WEB_RESPONSE_LIMIT, `only ${read} bytes read: the sheet is not over the limit`);
    assert.deepStrictEqual(await pane.getByRole('alert').count(), 0, 'errors shown');
    await pane.screenshot({ path: path.join(RESULTS, 'pane-large.png') });
    await context.close();
  });

  await t.test('no page error, and no request outside the add-in’s own pages', async () => {
    assert.deepStrictEqual(pageErrors, [], 'page errors');
  });

  await browser.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});
