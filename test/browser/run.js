#!/usr/bin/env node
/**
 * The browser page, end to end, in Debian's chromium (playwright-core, no
 * downloaded browser): `npm run test:browser` builds the page and the CLI's
 * JavaScript, then runs this. Kept out of `npm test`: it needs both builds and
 * a browser.
 *
 * For each workbook in test/fixtures: open it in the page, see as many error
 * findings as checkWorkbook gives in Node, click one and see its cell
 * outlined in the grid, download the marked copy and re-open it with exceljs
 * (fill and note on the finding cells, no value changed anywhere, no other
 * cell restyled). Also: a corrupt file shows the adapter's reason, the
 * language switch, a large sheet checked without freezing the page, and no
 * request leaving 127.0.0.1 (CSP refuses fetch).
 *
 * The reviewer's desk (issue 13): 60 files at once, the summary table
 * sorted and filtered, its numbers equal to the CLI's --report summary, the
 * zip of marked copies and the exported summary downloaded and read back,
 * the print view printed (page.pdf). Each file's time budget and cancel
 * button: the files after a stopped one are still checked. Screenshots go to
 * test-results/. Ends with "N passed, N failed".
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { ROOT, assert, assertEqual, createTally, openPageHarness, runTallied } = require('./page-harness');

const FIXTURES = path.join(ROOT, 'test/fixtures');
const RESULTS = path.join(ROOT, 'test-results');
const CLI = path.join(ROOT, 'dist/cli');

// The core through its index, which stays put while the core is rearranged (issue 10).
const { checkWorkbook, noteText } = require(path.join(CLI, 'core/index.js'));
const { readWorkbook } = require(path.join(CLI, 'file/read-workbook.js'));
const { markedCopyName } = require(path.join(CLI, 'file/marked-copy-name.js'));
const { unzipSync } = require('fflate');
const { MARK_FILL_RGB } = require(path.join(CLI, 'file/mark-styles.js'));

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
const LANG = 'zh-CN';

const tally = createTally();
const test = tally.test;

/** What Node says about a workbook: the reference the page must agree with. */
async function checkInNode(file) {
  const bytes = fs.readFileSync(file);
  const result = checkWorkbook(await readWorkbook(bytes, path.basename(file)));
  return { bytes, result, errors: result.findings.filter((f) => f.severity === 'error').length };
}

/** Every cell exceljs sees, by "sheet!A1": value, fill and note. */
async function cellsOf(bytes) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const cells = new Map();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const note =
          cell.note === undefined
            ? undefined
            : typeof cell.note === 'string'
              ? cell.note
              : (cell.note.texts || []).map((t) => t.text).join('');
        cells.set(`${ws.name}!${cell.address}`, {
          value: JSON.stringify(cell.value),
          fill: JSON.stringify(cell.fill),
          fillArgb: cell.fill && cell.fill.fgColor && cell.fill.fgColor.argb,
          note,
        });
      });
    });
  });
  return cells;
}

/** Findings grouped by "sheet!cell", as the writer marks them. */
function findingsByCell(findings) {
  const map = new Map();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    map.set(key, [...(map.get(key) || []), f]);
  }
  return map;
}

/** Opens one file; the list groups files by status, so the new entry is found by name (the last of that name). */
async function openFile(page, fileOrPayload) {
  const name = typeof fileOrPayload === 'string' ? path.basename(fileOrPayload) : fileOrPayload.name;
  const selector = `[data-testid=file-entry][data-file="${name}"]`;
  const before = await page.locator(selector).count();
  await page.setInputFiles('[data-testid=file-input]', fileOrPayload);
  await page.waitForFunction(
    ([sel, n]) => {
      const all = document.querySelectorAll(sel);
      return all.length > n && [...all].every((el) => el.getAttribute('data-status') !== 'checking');
    },
    [selector, before],
    { timeout: 60_000 },
  );
  return page.locator(selector).last();
}

/** Clicks the button, waits for its download, checks the name offered and saves it in `dir`. */
async function downloadFrom(page, button, expectedName, dir) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  assertEqual(download.suggestedFilename(), expectedName, `the file ${button} offers`);
  const saved = path.join(dir, expectedName);
  await download.saveAs(saved);
  return saved;
}

/** A fixture as a payload: playwright takes paths or buffers in one call, not both. */
function fixturePayload(name) {
  return { name, mimeType: 'application/octet-stream', buffer: fs.readFileSync(path.join(FIXTURES, name)) };
}

/** A 20,000-row indicator sheet: seconds of work in the worker. */
async function largeWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('大表');
  ws.addRow(['一级指标', '二级指标', '三级指标', '分值', '得分']);
  for (let i = 0; i < 20_000; i++) ws.addRow([`指标${i}`, `二级${i % 40}`, `三级${i}`, (i % 10) + 1, (i % 10) + 0.5]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The built CLI, as a reviewer runs it: the JSON report, and the summary workbook it writes. */
async function cliSummary(dir, summaryPath) {
  const run = require('child_process').spawnSync(
    process.execPath,
    [
      '-e',
      'require(process.argv[1]).run()',
      path.join(CLI, 'cli/main.js'),
      'check',
      '--json',
      '--lang',
      LANG,
      '--report',
      summaryPath,
      dir,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(run.stdout);
  const sheets = (await readWorkbook(fs.readFileSync(summaryPath), 'summary.xlsx')).sheets;
  return { report, sheets };
}

/** A summary sheet's rows as plain values (the header first). */
function sheetRows(sheet) {
  const width = Math.max(...sheet.rows.map((r) => r.length));
  return sheet.rows.map((row) =>
    Array.from({ length: width }, (_, c) => (row[c] && row[c].value !== null ? row[c].value : undefined)),
  );
}

/** The page's summary table as it shows it: per row, its file and its cells by column. */
async function pageSummary(page) {
  return page.$$eval('[data-testid=summary-row]', (rows) =>
    rows.map((tr) => ({
      file: tr.getAttribute('data-file'),
      status: tr.getAttribute('data-status'),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
    })),
  );
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(RESULTS, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecheck-browser-'));

  const harness = await openPageHarness({ locale: LANG });
  const { url, origin, browser, context, requests } = harness;
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });

  console.log(`browser page at ${url}, chromium ${browser.version()}`);
  await page.goto(url);

  await test('the page opens in the browser language with its privacy note and CSP', async () => {
    await page.getByRole('heading', { name: 'ScoreCheck 绩效自评表校验' }).waitFor();
    const privacy = await page.getByTestId('privacy').textContent();
    assert(privacy.includes('不会上传'), `privacy note: ${privacy}`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert(/connect-src 'none'/.test(csp) && /default-src 'none'/.test(csp), `CSP: ${csp}`);
  });

  const fixtures = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  let screenshotTaken = false;
  for (const name of fixtures) {
    const file = path.join(FIXTURES, name);
    const node = await checkInNode(file);
    let entry;
    await test(`${name}: ${node.errors} error findings, as checkWorkbook gives in Node`, async () => {
      entry = await openFile(page, file);
      assertEqual(await entry.getAttribute('data-status'), 'checked', 'status');
      assertEqual(Number(await entry.getAttribute('data-errors')), node.errors, 'error findings on the page');
      // The pane lists the current sheet's findings, all of them.
      const sheet = await page.getByTestId('sheet-select').inputValue();
      const listed = await page.locator('main section li').count();
      assertEqual(listed, node.result.findings.filter((f) => f.sheet === sheet).length, `findings listed for ${sheet}`);
    });
    if (node.result.findings.length === 0) continue;

    await test(`${name}: clicking a finding outlines its cell in the grid and shows its note`, async () => {
      const sheet = await page.getByTestId('sheet-select').inputValue();
      const onSheet = node.result.findings.filter((f) => f.sheet === sheet);
      // The last one listed: the grid must scroll to reach it.
      const target = onSheet.reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a));
      await page
        .getByRole('button', { name: `定位到 ${target.cell}` })
        .first()
        .click();
      const cell = page.locator(`[data-testid=sheet-grid] [data-cell="${target.cell}"]`);
      await cell.waitFor();
      assertEqual(await cell.getAttribute('data-selected'), 'true', 'selected');
      assert((await cell.getAttribute('data-severity')) !== null, 'the finding cell carries its mark');
      const grid = await page.getByTestId('sheet-grid').boundingBox();
      const box = await cell.boundingBox();
      // A merged cell taller than the grid (C7 of gz2022-summary-errors spans 22 rows) shows from its top.
      const fits = box && box.height <= grid.height ? box.y + box.height <= grid.y + grid.height + 1 : true;
      assert(box && box.y >= grid.y && box.y < grid.y + grid.height && fits, 'the cell is scrolled into view');
      const expectedFill = MARK_FILL_RGB[target.severity].slice(2).toLowerCase();
      const bg = await cell.evaluate((el) => getComputedStyle(el).backgroundColor);
      const rgb = bg
        .match(/\d+/g)
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('');
      const worst = onSheet
        .filter((f) => f.cell === target.cell)
        .reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a));
      assertEqual(rgb, MARK_FILL_RGB[worst.severity].slice(2).toLowerCase(), `fill of ${target.cell} (finding ${expectedFill})`);
      const note = await page.getByTestId('cell-note').textContent();
      assert(note.includes(target.cell) && note.includes('[ScoreCheck]') && note.includes(target.message[LANG]), `note: ${note}`);
      if (!screenshotTaken && name.includes('errors')) {
        await page.screenshot({ path: path.join(RESULTS, 'browser-page.png') });
        screenshotTaken = true;
      }
    });

    await test(`${name}: the marked copy has fill and note on every finding cell and changes nothing else`, async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: '下载标记副本' }).click(),
      ]);
      assertEqual(download.suggestedFilename(), name.replace(/\.xlsx$/, '.checked.xlsx'), 'file name');
      const saved = path.join(scratch, download.suggestedFilename());
      await download.saveAs(saved);
      const before = await cellsOf(node.bytes);
      const after = await cellsOf(fs.readFileSync(saved));
      const marked = findingsByCell(node.result.findings);
      for (const [key, findings] of marked) {
        const cell = after.get(key);
        assert(cell, `${key} is missing from the marked copy`);
        const worst = findings.reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a));
        assertEqual(cell.fillArgb, MARK_FILL_RGB[worst.severity], `fill of ${key}`);
        assert(cell.note && cell.note.includes(noteText(findings, LANG)), `note of ${key}: ${cell.note}`);
      }
      for (const [key, cell] of before) {
        const now = after.get(key);
        assert(now, `${key} disappeared`);
        assertEqual(now.value, cell.value, `value of ${key}`);
        if (!marked.has(key)) {
          assertEqual(now.fill, cell.fill, `fill of unmarked ${key}`);
          assertEqual(now.note, cell.note, `note of unmarked ${key}`);
        }
      }
      for (const [key, cell] of after) {
        if (!before.has(key)) assert(marked.has(key) || cell.value === 'null', `${key} appeared with ${cell.value}`);
      }
    });
  }

  await test('a corrupt file shows the adapter’s reason and no findings', async () => {
    const good = fs.readFileSync(path.join(FIXTURES, fixtures[0]));
    const broken = Buffer.concat([good.subarray(0, Math.floor(good.length / 2)), Buffer.alloc(64, 0x41)]);
    let reason;
    try {
      await readWorkbook(broken, 'broken.xlsx');
    } catch (e) {
      reason = e.reason;
    }
    assert(reason, 'Node reads the broken file without complaint: pick another corruption');
    await openFile(page, {
      name: 'broken.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: broken,
    });
    const alert = page.getByTestId('unreadable');
    await alert.waitFor();
    const text = await alert.textContent();
    assert(text.includes('无法读取该文件') && text.includes(reason[LANG]), `message: ${text}`);
    assertEqual(await page.locator('main section li').count(), 0, 'findings listed');
  });

  await test('a text file renamed .xlsx is named as not a workbook', async () => {
    await openFile(page, { name: 'notes.xlsx', mimeType: 'text/plain', buffer: Buffer.from('一级指标,分值\n产出,50\n') });
    const text = await page.getByTestId('unreadable').textContent();
    assert(text.includes('notes.xlsx'), `message: ${text}`);
  });

  await test('two files dropped on the page at once are both checked', async () => {
    const names = ['gz2021-overall-errors.xlsx', 'project-form-errors.xlsx'];
    const payload = names.map((n) => ({
      name: `dropped-${n}`,
      base64: fs.readFileSync(path.join(FIXTURES, n)).toString('base64'),
    }));
    const dataTransfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name));
      }
      return dt;
    }, payload);
    await page.dispatchEvent('[data-testid=drop-zone]', 'dragover', { dataTransfer });
    await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer });
    await page.waitForFunction(
      (dropped) =>
        dropped.every(
          (n) => document.querySelector(`[data-testid=file-entry][data-file="${n}"]`)?.getAttribute('data-status') === 'checked',
        ),
      names.map((n) => `dropped-${n}`),
      { timeout: 60_000 },
    );
    for (const n of names) {
      const node = await checkInNode(path.join(FIXTURES, n));
      const entry = page.locator(`[data-testid=file-entry][data-file="dropped-${n}"]`);
      assertEqual(Number(await entry.getAttribute('data-errors')), node.errors, `errors in dropped ${n}`);
    }
  });

  await test('the language switch shows the pane, the page and the findings in English', async () => {
    await page.locator('[data-testid=file-entry][data-file="gz2021-overall-errors.xlsx"]').click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'ScoreCheck', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Download marked copy' }).waitFor();
    const node = await checkInNode(path.join(FIXTURES, 'gz2021-overall-errors.xlsx'));
    const first = node.result.findings[0];
    await page.getByText(first.message['en-US']).first().waitFor();
    assertEqual(await page.evaluate(() => document.documentElement.lang), 'en-US', 'html lang');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: 'ScoreCheck 绩效自评表校验' }).waitFor();
  });

  const large = await largeWorkbook();
  await test('a 20,000-row sheet is checked in the worker while the page stays responsive', async () => {
    const buffer = large;
    const entry = page.locator('[data-testid=file-entry][data-file="large.xlsx"]');
    await page.setInputFiles('[data-testid=file-input]', { name: 'large.xlsx', mimeType: 'application/octet-stream', buffer });
    await page.getByTestId('progress').waitFor({ timeout: 10_000 });
    // While the worker parses, the main thread answers within a frame or two.
    const lags = [];
    while ((await entry.getAttribute('data-status')) === 'checking') {
      lags.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const t = performance.now();
              setTimeout(() => resolve(performance.now() - t), 0);
            }),
        ),
      );
      if (lags.length > 2000) break;
    }
    assertEqual(await entry.getAttribute('data-status'), 'checked', 'status');
    assert(
      lags.length > 0 && Math.max(...lags) < 250,
      `main-thread lag while checking: max ${Math.max(...lags).toFixed(0)} ms over ${lags.length} probes`,
    );
    await page.locator('[data-testid=sheet-grid] [data-cell="A1"]').waitFor();
    const drawn = await page.locator('[data-testid=sheet-grid] [role=gridcell]').count();
    assert(drawn < 2000, `the grid draws only the rows in sight (${drawn} cells drawn)`);
  });

  // The reviewer's desk: a fresh tab with a folder of 60 files.
  const desk = await context.newPage();
  desk.on('pageerror', (e) => pageErrors.push(String(e)));
  await desk.goto(url);
  const folder = path.join(scratch, 'inbox');
  fs.mkdirSync(folder);
  const sources = [
    ...fixtures.map((n) => path.join(FIXTURES, n)),
    ...fs
      .readdirSync(path.join(FIXTURES, 'national'))
      .filter((n) => n.endsWith('.xlsx'))
      .sort()
      .map((n) => path.join(FIXTURES, 'national', n)),
    // A report with no table in it: shown apart, never as clean (issue 15).
    path.join(FIXTURES, 'no-table', 'report-prose-only.xlsx'),
  ];
  // Up to 60 with second copies under other names: the same submission sent twice, as reviewers get it.
  for (let i = 0; fs.readdirSync(folder).length < 60; i++) {
    const src = sources[i % sources.length];
    const name = i < sources.length ? path.basename(src) : `resent-${path.basename(src)}`;
    fs.copyFileSync(src, path.join(folder, name));
  }
  const names = fs.readdirSync(folder).sort();
  const cli = await cliSummary(folder, path.join(scratch, 'cli-summary.xlsx'));
  const cliRows = sheetRows(cli.sheets[0]).slice(1);
  const cliByName = new Map(cliRows.map((r) => [path.basename(String(r[0])), r]));
  const shown = (v) => (v === undefined ? '' : String(v));

  await test('60 files: every one in the summary table, with the CLI’s status, counts, totals and grades', async () => {
    await desk.setInputFiles(
      '[data-testid=file-input]',
      names.map((n) => path.join(folder, n)),
    );
    await desk.waitForFunction(
      (n) => {
        const rows = [...document.querySelectorAll('[data-testid=summary-row]')];
        return rows.length === n && rows.every((r) => r.getAttribute('data-status') !== 'pending');
      },
      names.length,
      { timeout: 180_000 },
    );
    const rows = await pageSummary(desk);
    assertEqual(rows.map((r) => r.file).sort(), names, 'files in the summary');
    for (const row of rows) {
      const theirs = cliByName.get(row.file);
      assert(theirs, `${row.file} is not in the CLI's summary`);
      // Columns 1-9: name, status, counts, totals, grades. Column 10 names the other file by path on the CLI, by name here.
      assertEqual(row.cells.slice(1, 10), theirs.slice(1, 10).map(shown), `${row.file}: page vs CLI`);
      assertEqual(row.cells[10] === '', theirs[10] === undefined, `${row.file}: flagged as sent twice`);
    }
    const resent = rows.filter((r) => r.file.startsWith('resent-') && cliByName.get(r.file)[2] !== '无法读取');
    assert(
      resent.length > 0 && resent.every((r) => r.cells[10].includes(r.file.replace(/^resent-/, ''))),
      'each resent file is flagged with its first copy',
    );
    await desk.screenshot({ path: path.join(RESULTS, 'desk-summary.png') });
  });

  await test('the summary table sorts by recomputed total and filters by status and severity', async () => {
    const column = (rows, c) =>
      rows
        .map((r) => r.cells[c])
        .filter((v) => v !== '')
        .map(Number);
    await desk.getByTestId('sort-7').click();
    const down = column(await pageSummary(desk), 7);
    assert(down.length > 5, `recomputed totals shown: ${down.length}`);
    assertEqual(
      down,
      [...down].sort((a, b) => b - a),
      'first click: highest total first',
    );
    await desk.getByTestId('sort-7').click();
    const up = column(await pageSummary(desk), 7);
    assertEqual(
      up,
      [...up].sort((a, b) => a - b),
      'second click: lowest first',
    );
    const withErrors = cliRows.filter((r) => r[2] === '有错误').length;
    await desk.getByTestId('filter-status').selectOption('errors');
    const errorsOnly = await pageSummary(desk);
    assertEqual(errorsOnly.length, withErrors, 'files with errors (as the CLI counts them)');
    assert(
      errorsOnly.every((r) => r.status === 'errors'),
      'only files with errors are shown',
    );
    await desk.getByTestId('filter-status').selectOption('no-table');
    const noTable = await pageSummary(desk);
    assertEqual(noTable.length, cliRows.filter((r) => r[2] === '未识别到自评表').length, 'files with no table recognised');
    assert(
      noTable.some((r) => r.file === 'report-prose-only.xlsx'),
      `the prose-only report is listed as not recognised: ${JSON.stringify(noTable)}`,
    );
    await desk.getByTestId('filter-status').selectOption('');
    await desk.getByTestId('filter-severity').selectOption('warning');
    assertEqual((await pageSummary(desk)).length, cliRows.filter((r) => Number(r[4]) > 0).length, 'files with warnings');
    await desk.getByTestId('filter-severity').selectOption('');
    assertEqual((await pageSummary(desk)).length, names.length, 'all files again');
  });

  await test('the selected file’s findings sit beside the summary, in sight without scrolling', async () => {
    await desk.locator('[data-testid=summary-row][data-file="gz2021-overall-errors.xlsx"]').click();
    const first = desk.locator('main section li').first();
    await first.waitFor();
    const box = await first.boundingBox();
    const viewport = desk.viewportSize();
    assert(
      box && box.y + box.height <= viewport.height,
      `first finding at y=${box && box.y}, below the window (${viewport.height})`,
    );
    await desk.getByTestId('toggle-files').click();
    assertEqual(await desk.locator('[data-testid=file-entry]').count(), 0, 'file list collapsed');
    await desk.getByTestId('toggle-files').click();
    await desk.screenshot({ path: path.join(RESULTS, 'desk-file.png') });
  });

  await test('下载全部标记副本: one zip, a marked copy per file with findings and the summary beside them', async () => {
    const saved = await downloadFrom(desk, '下载全部标记副本', 'ScoreCheck-标记副本.zip', scratch);
    const entries = unzipSync(fs.readFileSync(saved));
    const withFindings = cli.report.files
      .filter((f) => !f.error && f.findings.length > 0)
      .map((f) => markedCopyName(path.basename(f.file)));
    assertEqual(Object.keys(entries).sort(), [...withFindings, 'ScoreCheck-汇总表.xlsx'].sort(), 'zip entries');
    for (const name of withFindings) {
      const original = cli.report.files.find((f) => markedCopyName(path.basename(f.file)) === name);
      const cells = await cellsOf(Buffer.from(entries[name]));
      for (const f of original.findings)
        assert(cells.get(`${f.sheet}!${f.cell}`)?.note?.includes('[ScoreCheck]'), `${name}: no note on ${f.sheet}!${f.cell}`);
    }
  });

  await test('导出汇总表: the same rows as the CLI’s --report summary', async () => {
    const saved = await downloadFrom(desk, '导出汇总表', 'ScoreCheck-汇总表.xlsx', scratch);
    const sheets = (await readWorkbook(fs.readFileSync(saved), 'page-summary.xlsx')).sheets;
    assertEqual(
      sheets.map((s) => s.name),
      ['汇总', '问题清单'],
      'sheets',
    );
    const pageRows = sheetRows(sheets[0]);
    assertEqual(pageRows[0], sheetRows(cli.sheets[0])[0], 'header');
    const key = (r) => [path.basename(String(r[0])), ...r.slice(1, 10).map(shown)].join('|');
    assertEqual(pageRows.slice(1).map(key).sort(), cliRows.map(key).sort(), 'file rows, page vs CLI');
    const findings = (ss) =>
      sheetRows(ss[1])
        .slice(1)
        .map((r) => [path.basename(String(r[0])), ...r.slice(1).map(shown)].join('|'))
        .sort();
    assertEqual(findings(sheets), findings(cli.sheets), 'finding rows, page vs CLI');
  });

  await test('打印报告: the print view shows the summary and every finding with its reason (page.pdf)', async () => {
    await desk.emulateMedia({ media: 'print' });
    const report = desk.getByTestId('print-report');
    assert(await report.isVisible(), 'the print view is shown in print');
    assert(!(await desk.getByTestId('summary').isVisible()), 'the screen view is hidden in print');
    const text = await report.textContent();
    for (const f of cli.report.files.filter((x) => !x.error)) {
      for (const finding of f.findings)
        assert(text.includes(finding.message), `${path.basename(f.file)} ${finding.cell}: reason not printed`);
    }
    await desk.screenshot({ path: path.join(RESULTS, 'desk-print.png') });
    await desk.emulateMedia({ media: 'screen' });
    const pdf = await desk.pdf({ path: path.join(RESULTS, 'desk-report.pdf'), format: 'A4', landscape: true });
    assert(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-', `PDF of ${pdf.length} bytes`);
    console.log(`      desk-report.pdf: ${(pdf.length / 1024).toFixed(0)} KiB`);
  });

  /** A fresh tab at `address` given the large file, then a fixture; `whileChecking` runs before all are done. */
  async function largeThenFixture(address, fixture, whileChecking = async () => undefined) {
    const tab = await context.newPage();
    tab.on('pageerror', (e) => pageErrors.push(String(e)));
    await tab.goto(address);
    await tab.setInputFiles('[data-testid=file-input]', [
      { name: 'large.xlsx', mimeType: 'application/octet-stream', buffer: large },
      fixturePayload(fixture),
    ]);
    await whileChecking(tab);
    await tab.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=summary-row]')].every((r) => r.getAttribute('data-status') !== 'pending'),
      null,
      { timeout: 60_000 },
    );
    return tab;
  }

  await test('each file its own time budget: a slow file is stopped with a reason, the next one is checked', async () => {
    const slow = await largeThenFixture(`${url}?budget=300`, 'gz2022-summary-errors.xlsx');
    const rows = await pageSummary(slow);
    assertEqual(
      rows.map((r) => [r.file, r.status]),
      [
        ['large.xlsx', 'unreadable'],
        ['gz2022-summary-errors.xlsx', 'errors'],
      ],
      'statuses',
    );
    await slow.locator('[data-testid=summary-row][data-file="large.xlsx"]').click();
    const why = await slow.getByTestId('unreadable').textContent();
    assert(why.includes('large.xlsx：检查超过 0.3 秒仍未完成，已停止；其余文件照常检查'), `the stopped file says why: ${why}`);
    await slow.close();
  });

  await test('the cancel button stops the file being checked; the files after it are checked', async () => {
    const tab = await largeThenFixture(url, 'project-form-errors.xlsx', (t) =>
      t.getByRole('button', { name: '取消检查 large.xlsx' }).click(),
    );
    const rows = await pageSummary(tab);
    assertEqual(
      rows.map((r) => r.status),
      ['unreadable', 'errors'],
      'statuses',
    );
    await tab.locator('[data-testid=summary-row][data-file="large.xlsx"]').click();
    assert((await tab.getByTestId('unreadable').textContent()).includes('large.xlsx：已取消检查'), 'the cancelled file says so');
    await tab.close();
  });

  await test('no request left 127.0.0.1, and the CSP refuses fetch', async () => {
    const blocked = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        () => 'refused',
      ),
    );
    assertEqual(blocked, 'refused', 'fetch to another origin');
    assertEqual(harness.outsideRequests(), [], 'requests outside the page origin');
    // The worker's own script and chunk count among them: its requests are seen too.
    assert(
      requests.some((u) => /scorecheck-check\.[0-9a-f]+\.js$/.test(u)),
      `the worker's script was not seen: ${requests.join(', ')}`,
    );
    console.log(`      ${requests.length} requests, all to ${origin}`);
    const violations = await page.evaluate(() => window.__cspViolations);
    assertEqual(
      violations.filter((v) => !v.includes('example.com')),
      [],
      'CSP violations by the page itself',
    );
    assertEqual(
      pageErrors.filter((e) => !e.includes('example.com') && !/Content Security Policy/.test(e)),
      [],
      'page errors',
    );
  });

  await harness.close();
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(
    `\nscreenshots and the printed report in ${path.relative(ROOT, RESULTS)}/; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

runTallied(tally, main);
