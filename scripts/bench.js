#!/usr/bin/env node
// Benchmarks (not tests): the engine and the command on a generated national-scale workbook
// (290 kommuner, 2 000 interventions, 10 plan years), median times, and the command's time divided
// by the time ExcelJS alone takes to read and write the same file. Run: npm run bench
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');
const ExcelJS = require('exceljs');

const dist = path.join(__dirname, '..', 'dist-cli');
const { main } = require(path.join(dist, 'cli', 'main.js'));
const { XlsxHost, addTemplateSheets } = require(path.join(dist, 'hosts', 'xlsx', 'xlsxHost.js'));
const { computeFromSnapshot } = require(path.join(dist, 'workbook', 'refresh.js'));
const { exampleSheets } = require(path.join(dist, 'workbook', 'example.js'));

const RUNS = Number(process.env.BENCH_RUNS || 11);
const WARMUP = Number(process.env.BENCH_WARMUP || 3);
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** A national-scale workbook: 290 kommuner, 2 000 interventions, 10 plan years. */
function nationalSheets() {
  const sheets = exampleSheets();
  const byName = (n) => sheets.find((s) => s.name === n);
  const first = 2027;
  const years = 10;
  const settings = byName('Inställningar');
  settings.rows[2][1] = first;
  settings.rows[3][1] = years;
  settings.rows[8][1] = new Date(Date.UTC(first - 1, 10, 20));
  const yearSheet = byName('År');
  yearSheet.rows = [yearSheet.rows[0]];
  for (let i = 0; i < years; i++) yearSheet.rows.push([first + i, 2500000000, 12, 50000000, 0, 1000000, 0]);
  const members = byName('Medlemmar');
  members.rows = members.rows.slice(0, 4);
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 290; k++)
    members.rows.push([`Kommun ${String(k + 1).padStart(3, '0')}`, 'Kommun', 2000 + Math.floor(rnd() * 600000), 'Ja']);
  const iv = byName('Insatser');
  const yearHeaders = Array.from({ length: years }, (_, i) => String(first + i));
  // The example's header without its year columns, then this plan's years.
  iv.rows = [iv.rows[0], [...iv.rows[1].filter((h) => !/^\d{4}$/.test(String(h))), ...yearHeaders]];
  for (let n = 0; n < 2000; n++) {
    const startMonth = Math.floor(rnd() * 120) - 24;
    const length = 6 + Math.floor(rnd() * 60);
    const s = new Date(Date.UTC(first, startMonth, 1));
    const e = new Date(Date.UTC(first, startMonth + length, 0));
    const total = 100000 + Math.floor(rnd() * 5000000);
    iv.rows.push([
      n + 1,
      `Insats ${n + 1}`,
      `Kommun ${1 + (n % 290)}`,
      n % 10 === 0 ? 'ESF' : 'Finsam',
      n % 3 === 0 ? 'Planerad' : 'Beslutad',
      s,
      e,
      total,
      startMonth < 0 ? Math.floor(total / 5) : 0,
    ]);
  }
  const costs = byName('Kostnader');
  costs.rows = [['Kostnadspost', 'Slag', 'Finansiering', 'Årlig ökning', ...yearHeaders]];
  for (let c = 0; c < 40; c++)
    costs.rows.push([`Kostnad ${c + 1}`, 'Drift', c % 8 === 0 ? 'ESF' : 'Finsam', '2 %', 1000000 + c * 10000]);
  byName('Mål').rows[5][1] = null; // no equity limit at national scale
  return sheets;
}

async function main_() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-bench-'));
  const file = path.join(dir, 'national.xlsx');
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, nationalSheets());
  await wb.xlsx.writeFile(file);
  console.log(`Workbook: 290 kommuner, 2 000 insatser, 10 planår — ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);

  // Engine alone: parse + compute + render, from grids already read.
  const snapshot = await new XlsxHost(wb).read();
  const check = computeFromSnapshot(snapshot);
  if (check.errors.length) throw new Error(JSON.stringify(check.errors.slice(0, 3)));
  const engine = [];
  for (let i = 0; i < WARMUP; i++) computeFromSnapshot(snapshot);
  for (let i = 0; i < RUNS; i++) engine.push(await time(() => computeFromSnapshot(snapshot)));

  // The command, in process (no Node start-up): read, compute, write atomically to --out.
  const quiet = { out: () => undefined, err: (t) => console.error(t) };
  const refresh = async (from, to) => {
    const code = await main(['refresh', from, '--out', to], quiet);
    if (code !== 0) throw new Error(`exit ${code}`);
  };
  const plainCopy = async (from, to) => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(from);
    await w.xlsx.writeFile(to);
  };
  // (a) The everyday case: refreshing a workbook that was refreshed before. The command and plain
  //     ExcelJS read the same file (input and output sheets) and write a file of the same size.
  const refreshedFile = path.join(dir, 'refreshed.xlsx');
  await refresh(file, refreshedFile);
  const outA = path.join(dir, 'out-a.xlsx');
  // (b) The first refresh of a workbook holding only input sheets, against ExcelJS reading that file
  //     and writing the refreshed workbook (as the command does), with no computation in between.
  const refreshed = new ExcelJS.Workbook();
  await refreshed.xlsx.readFile(refreshedFile);
  const outB = path.join(dir, 'out-b.xlsx');
  const plainFirst = async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(file);
    await refreshed.xlsx.writeFile(outB);
  };
  const cases = {
    commandA: () => refresh(refreshedFile, outA),
    plainA: () => plainCopy(refreshedFile, outA),
    commandB: () => refresh(file, outB),
    plainB: plainFirst,
    plainInput: () => plainCopy(file, outB),
  };
  // Warm up (the JIT), then interleave the runs so that all see the same machine.
  for (let i = 0; i < WARMUP; i++) for (const run of Object.values(cases)) await run();
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [k, run] of Object.entries(cases)) times[k].push(await time(run));
  const m = (xs) => median(xs).toFixed(0);
  console.log(`median of ${RUNS} runs after ${WARMUP} warm-up runs; all cases interleaved`);
  console.log(`engine (parse + compute + render):           ${m(engine)} ms`);
  console.log(
    `(a) refresh of a refreshed workbook: command ${m(times.commandA)} ms, ExcelJS read + write of the same file ${m(times.plainA)} ms`,
  );
  console.log(`    ratio ${(median(times.commandA) / median(times.plainA)).toFixed(2)}  (target < 1.5)`);
  console.log(
    `(b) first refresh of an input-only workbook: command ${m(times.commandB)} ms, ExcelJS reading it and writing the refreshed workbook ${m(times.plainB)} ms`,
  );
  console.log(`    ratio ${(median(times.commandB) / median(times.plainB)).toFixed(2)}`);
  console.log(`for reference, ExcelJS read + write of the input-only file: ${m(times.plainInput)} ms`);
  console.log(`refreshed workbook: ${(fs.statSync(refreshedFile).size / 1024).toFixed(0)} KiB`);
  if (process.env.BENCH_KEEP) console.log(`kept ${file}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

main_().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
