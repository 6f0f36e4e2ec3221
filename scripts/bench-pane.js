#!/usr/bin/env node
// Benchmarks of the task pane (not tests): the initial JavaScript (gzip) of the production build, the
// other chunks, and the time to first render in headless Chromium (median of runs). Needs `npm run build`.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');

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
console.log(`initial JS (loaded by taskpane.html): ${initial.join(', ')} — ${kb(initialGz)} gzip (target < 150 KB)`);
for (const f of allJs.filter((f) => !initial.includes(f))) console.log(`  lazy chunk ${f}: ${kb(gz(f))} gzip`);
const exceljs = allJs.find((f) => fs.readFileSync(path.join(dist, f), 'utf8').includes('ExcelJS'));
const inExcel = allJs.filter((f) => f !== exceljs && !f.startsWith('standalone')).reduce((s, f) => s + gz(f), 0);
console.log(
  `all JS the pane loads inside Excel (without ExcelJS): ${kb(inExcel)} gzip; ExcelJS chunk (standalone only): ${exceljs ? kb(gz(exceljs)) : 'none'}`,
);

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.log(`Chromium not found at ${chromium}: no time to first render`);
  process.exit(0);
}
const { chromium: pw } = require('playwright-core');
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
server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (server.address()).port}/taskpane.html`;
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
  /** @type {number[]} */
  const first = [];
  /** @type {number[]} */
  const ready = [];
  for (let i = 0; i < Number(process.env.BENCH_RUNS || 7); i++) {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.route('**/appsforoffice.microsoft.com/**', (r) => r.abort());
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('#root > *').first().waitFor();
    first.push(await page.evaluate(() => performance.now()));
    await page.getByRole('button', { name: 'Beräkna', exact: true }).waitFor();
    ready.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  await browser.close();
  server.close();
  /** @param {number[]} xs */
  const median = (xs) => (xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN).toFixed(0);
  console.log(
    `time to first render (headless Chromium, median of ${first.length}): ${median(first)} ms; pane ready (Beräkna shown, standalone with ExcelJS): ${median(ready)} ms`,
  );
});
