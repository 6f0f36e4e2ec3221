#!/usr/bin/env node
// Benchmarks of the task pane (not tests): the initial JavaScript (gzip) of the production build, the
// other chunks, and the time to first render in headless Chromium (median of runs). Needs `npm run build`.
/* global window, document */
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');
const { nationalSheets } = require('./national');

const dist = path.join(__dirname, '..', 'dist');
const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
/** @param {string} f */
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const initial = [...html.matchAll(/<script[^>]+src="?([^" >]+\.js)/g)]
  .map((m) => m[1] ?? '')
  .filter((s) => s && !/^https?:/.test(s));
const allJs = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
const initialGz = initial.reduce((s, f) => s + gz(f), 0);
console.log(`initial JS (loaded by taskpane.html): ${initial.join(', ')} — ${kb(initialGz)} gzip (the entry; the spinner)`);
for (const f of allJs.filter((f) => !initial.includes(f))) console.log(`  lazy chunk ${f}: ${kb(gz(f))} gzip`);
const exceljs = allJs.find((f) => fs.readFileSync(path.join(dist, f), 'utf8').includes('ExcelJS'));
const inExcel = allJs.filter((f) => f !== exceljs && !f.startsWith('standalone')).reduce((s, f) => s + gz(f), 0);
console.log(
  `all JS the pane loads inside Excel (without ExcelJS): ${kb(inExcel)} gzip; ExcelJS chunk (standalone only): ${exceljs ? kb(gz(exceljs)) : 'none'}`,
);

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.log(`Chromium not found at ${chromium}: no browser figures`);
  process.exit(0);
}
const { chromium: pw } = require('playwright-core');

/** test/fakeOffice.ts + test/browser/fakeExcel.js as office.js (as test/browser/excelMode.test.ts does). */
function fakeOfficeScript() {
  const ts = require('typescript');
  const source = fs.readFileSync(path.join(__dirname, '..', 'test', 'fakeOffice.ts'), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return (
    `(function(){var exports={};var module={exports:exports};\n${js}\nwindow.FakeOffice=exports;})();\n` +
    fs.readFileSync(path.join(__dirname, '..', 'test', 'browser', 'fakeExcel.js'), 'utf8')
  );
}

/**
 * The national-scale workbook (scripts/national.js) from the command line build's example (dist-cli/,
 * `npm run build:cli`).
 */
function nationalWorkbookSheets() {
  const { exampleSheets } = require(path.join(__dirname, '..', 'dist-cli', 'workbook', 'example.js'));
  /** @type {{ name: string, rows: any[] }[]} */
  const sheets = exampleSheets();
  return nationalSheets(sheets);
}

/** @param {{ name: string, rows: any[] }[]} sheets */
function fakeWorkbook(sheets) {
  /** @param {Date} d */
  const serial = (d) => d.getTime() / 86400000 + 25569;
  /** @type {Record<string, { values: unknown[][] }>} */
  const out = {};
  for (const s of sheets)
    out[s.name] = { values: s.rows.map((r) => r.map((/** @type {any} */ v) => (v instanceof Date ? serial(v) : (v ?? '')))) };
  return { sheets: out, displayLanguage: 'sv-SE' };
}

const server = http.createServer((req, res) => {
  const f = path.join(dist, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '').replace(/^\/+/, '') || 'taskpane.html');
  fs.readFile(f, (e, body) => {
    if (e) return res.writeHead(404).end();
    res
      .writeHead(200, {
        'Content-Type': f.endsWith('.html') ? 'text/html' : f.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
      })
      .end(body);
  });
});

// Records, in the page, when Beräkna is first enabled and every long task (PerformanceObserver).
const PAGE_PROBE = `
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (window.__ready) return;
    const b = document.querySelector('[data-testid="compute"]');
    if (b && !b.disabled) window.__ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (server.address()).port}/taskpane.html`;
  const browser = await pw.launch({
    executablePath: chromium,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const fake = fakeOfficeScript();
  /**
   * @param {null | object} workbook the fake Excel's workbook, or null for the standalone preview
   */
  async function openPane(workbook) {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.addInitScript(PAGE_PROBE);
    await page.route('**/appsforoffice.microsoft.com/**', (r) =>
      workbook
        ? r.fulfill({ contentType: 'text/javascript', body: `window.__FAKE_WORKBOOK__=${JSON.stringify(workbook)};\n${fake}` })
        : r.abort(),
    );
    await page.goto(base, { waitUntil: 'commit' });
    await page.waitForFunction('window.__ready');
    /** @type {{ ready: number, scripts: { name: string, start: number }[] }} */
    const loaded = await page.evaluate(() => ({
      ready: /** @type {any} */ (window).__ready,
      scripts: performance
        .getEntriesByType('resource')
        .map((e) => ({ name: new URL(e.name).pathname.replace(/^\//, ''), start: e.startTime }))
        .filter((e) => e.name.endsWith('.js')),
      // Our bundle only (office.js, Microsoft's, is not part of it).
    }));
    const before = [
      ...new Set(
        loaded.scripts.filter((s) => s.start <= loaded.ready && fs.existsSync(path.join(dist, s.name))).map((s) => s.name),
      ),
    ];
    return { page, ready: loaded.ready, before, gzip: before.reduce((n, f) => n + gz(f), 0) };
  }

  /** @type {number[]} */
  const readyExcel = [];
  /** @type {number[]} */
  const readyStandalone = [];
  let excelJs = { before: /** @type {string[]} */ ([]), gzip: 0 };
  let standaloneJs = { before: /** @type {string[]} */ ([]), gzip: 0 };
  const example = fakeWorkbook(require(path.join(__dirname, '..', 'dist-cli', 'workbook', 'example.js')).exampleSheets());
  for (let i = 0; i < Number(process.env.BENCH_RUNS || 5); i++) {
    const e = await openPane(example);
    readyExcel.push(e.ready);
    excelJs = e;
    await e.page.close();
    const s = await openPane(null);
    readyStandalone.push(s.ready);
    standaloneJs = s;
    await s.page.close();
  }
  /** @param {number[]} xs */
  const median = (xs) => (xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN).toFixed(0);
  console.log(
    `JS loaded before Beräkna is enabled, inside (fake) Excel: ${kb(excelJs.gzip)} gzip (target ≤ 130 KB) — ${excelJs.before.join(', ')}`,
  );
  console.log(`  standalone preview (with ExcelJS): ${kb(standaloneJs.gzip)} gzip — ${standaloneJs.before.join(', ')}`);
  console.log(
    `Beräkna enabled after (headless Chromium, median of ${readyExcel.length}): ${median(readyExcel)} ms in (fake) Excel, ${median(readyStandalone)} ms standalone`,
  );

  // A refresh at national scale inside the fake Excel: longest main-thread task, Beräkna → written.
  for (const [label, workbook] of /** @type {const} */ ([
    ['example', example],
    ['national', fakeWorkbook(nationalWorkbookSheets())],
  ])) {
    const { page } = await openPane(workbook);
    await page.waitForFunction('window.__fake.handlers.length === 1');
    /** @type {number[]} */
    const longest = [];
    /** @type {number[]} */
    const total = [];
    for (let i = 0; i < 3; i++) {
      const t0 = await page.evaluate(() => performance.now());
      await page.click('[data-testid="compute"]');
      await page.waitForFunction((t) => {
        const o = document.querySelector('[data-testid="outcome"]');
        return (
          o &&
          Number(o.getAttribute('data-at')) > 0 &&
          performance.timeOrigin + performance.now() > 0 &&
          Number(o.getAttribute('data-at')) >= performance.timeOrigin + t
        );
      }, t0);
      const r = await page.evaluate((t) => {
        const w = /** @type {any} */ (window);
        const o = /** @type {Element} */ (document.querySelector('[data-testid="outcome"]'));
        const end = Number(o.getAttribute('data-at')) - performance.timeOrigin;
        const tasks = w.__longTasks.filter((/** @type {{start:number}} */ x) => x.start >= t);
        return { ms: end - t, longest: Math.max(0, ...tasks.map((/** @type {{ms:number}} */ x) => x.ms)), text: o.textContent };
      }, t0);
      longest.push(r.longest);
      total.push(r.ms);
    }
    console.log(
      `${label}: Beräkna → outputs written (fake Excel, 5 ms per round trip): median ${median(total)} ms; longest main-thread task during a refresh: ${Math.max(...longest).toFixed(0)} ms (target ≤ 100 ms; 0 = none over 50 ms)`,
    );
    // An edit (Local, on Insatser: an intervention's total) with automatic recompute: from the fake's change
    // event to the end of the write batch's last sync (the fake's own clock), less the simulated round trips
    // of that interval (the debounce, the read, the worker and the write preparation are all inside it).
    /** @type {number[]} */
    const edit = [];
    /** @type {number[]} */
    const editTotal = [];
    /** @type {number[]} */
    const editOurs = [];
    let trips = 0;
    // National only: the target is there (and the example's first intervention is not at this cell).
    for (let i = 0; label === 'national' && i < Number(process.env.BENCH_EDITS || 5); i++) {
      const r = await page.evaluate(async (n) => {
        const w = /** @type {any} */ (window);
        const fake = w.__fake;
        const excel = fake.excel;
        const before = fake.syncs;
        /** @type {[number, number][]} */
        const trips = [];
        const sync = excel.syncContext;
        excel.syncContext = async (/** @type {unknown[]} */ ...args) => {
          const start = performance.now();
          await sync.apply(excel, args);
          trips.push([start, performance.now()]);
        };
        const t0 = performance.now();
        fake.edit('Insatser', 2, 7, 5000000 + n * 1000);
        // The outcome says when the refresh's write returned; its last sync ended the write batch.
        await new Promise((resolve) => {
          const poll = () => {
            const o = document.querySelector('[data-testid="outcome"]');
            if (o && Number(o.getAttribute('data-at')) >= performance.timeOrigin + t0) resolve(null);
            else setTimeout(poll, 5);
          };
          poll();
        });
        excel.syncContext = sync;
        const end = Math.max(...trips.map((x) => x[1]));
        const syncs = fake.syncs - before;
        return {
          ms: end - t0,
          syncs,
          rt: syncs * excel.latencyMs,
          // Each sync as the fake took it: its latency and its own work (running and sizing the commands).
          inSyncs: trips.reduce((t, [a, b]) => t + b - a, 0),
          timeline: trips.map(([a, b]) => `sync ${(a - t0).toFixed(0)}–${(b - t0).toFixed(0)}`).join(', '),
        };
      }, i);
      edit.push(r.ms - r.rt);
      editTotal.push(r.ms);
      editOurs.push(r.ms - r.inSyncs);
      trips = r.syncs;
      if (process.env.BENCH_DEBUG) console.log(r);
      await page.waitForFunction(() => document.querySelector('[data-testid="compute"]:not([disabled])'));
      // The next edit when the pane is idle again (the charts of this result drawn), as a user's next one is.
      await page.evaluate(() => new Promise((resolve) => setTimeout(() => window.requestIdleCallback(resolve), 500)));
    }
    if (edit.length)
      console.log(
        `${label}: edit → outputs written (fake Excel, debounce included, median of ${edit.length}): ${median(edit)} ms before round trips (target ≤ 250 ms at national scale); ${median(editTotal)} ms with its ${trips} round trips of 5 ms; ${median(editOurs)} ms outside the fake's syncs (without its own work too)`,
      );
    await page.close();
  }
  await browser.close();
  server.close();
});
