#!/usr/bin/env node
// @ts-nocheck -- loads the TypeScript sources through a transpiling require hook
// Benchmark (not a test): the package reader/writer (src/hosts/xlsx/package) against ExcelJS on a
// generated national-scale workbook: input sheets (300 members, 2 000 interventions) and 6 previous
// output sheets of 3 000 rows × 15 columns, which are replaced by 6 new ones. Also reads one ~10 MB sheet.
// Run: node scripts/bench-xlsx.js   (BENCH_RUNS, default 5; BENCH_KEEP=1 keeps the workbook)
// The TypeScript sources are transpiled on the fly (no build needed).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const ts = require('typescript');
const ExcelJS = require('exceljs');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  });
  // @ts-ignore -- Module#_compile is Node's own loader hook
  module._compile(out.outputText, filename);
};
const { XlsxPackage, writePackage } = require('../src/hosts/xlsx/package/index.ts');
const zlib = require('zlib');

const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 5;
const OUTPUTS = ['Fördelning', 'Insatser per år', 'Budget', 'Balansplan', 'Likviditet', 'Kontroller'];
const INPUTS = ['Inställningar', 'År', 'Medlemmar', 'Insatser'];

/** @returns {import('../src/workbook/grid').OutputSheet} */
function outputSheet(name, seed) {
  const rows = [
    [{ v: `${name} 2024–2033`, bold: true }],
    Array.from({ length: 15 }, (_v, c) => ({ v: c === 0 ? 'Post' : 2023 + c, bold: true })),
  ];
  for (let r = 0; r < 3000; r++) {
    const row = [{ v: `Rad ${r + 1} ${name}`, f: '@' }];
    for (let c = 1; c < 15; c++) row.push({ v: ((r * 7919 + c * 104729 + seed) % 10000000) - 2000000, f: '# ##0;-# ##0' });
    rows.push(row);
  }
  return { name, rows, widths: Array.from({ length: 15 }, (_v, i) => (i === 0 ? 34 : 14)), freezeRows: 2 };
}

async function makeWorkbook(file) {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Inställningar');
  s.addRows([
    ['Parameter', 'Värde'],
    ['Förbund', 'Riket'],
    ['Första planår', 2024],
    ['Antal planår', 10],
  ]);
  const y = wb.addWorksheet('År');
  y.addRow(['År', 'Medlemsavgifter']);
  for (let i = 0; i < 10; i++) y.addRow([2024 + i, 16000000 + i * 100000]);
  const m = wb.addWorksheet('Medlemmar');
  m.addRow(['Medlem', 'Part', 'Invånare']);
  m.addRow(['Staten', 'Stat', null]);
  for (let i = 0; i < 21; i++) m.addRow([`Region ${i + 1}`, 'Region', null]);
  for (let i = 0; i < 290; i++) m.addRow([`Kommun ${i + 1}`, 'Kommun', 3000 + ((i * 7919) % 900000)]);
  const ins = wb.addWorksheet('Insatser');
  ins.addRow(['Nr', 'Insats', 'Insatsägare', 'Finansiering', 'Status', 'Start', 'Slut', 'Budget totalt']);
  for (let i = 0; i < 2000; i++) {
    ins.addRow([
      i + 1,
      `Insats ${i + 1}`,
      `Ägare ${i % 50}`,
      i % 5 ? 'Finsam' : 'ESF',
      i % 3 ? 'Beslutad' : 'Planerad',
      new Date(Date.UTC(2024, i % 12, 1)),
      new Date(Date.UTC(2026 + (i % 5), 11, 31)),
      100000 + i * 1000,
    ]);
  }
  ins.getColumn(6).numFmt = 'yyyy-mm-dd';
  ins.getColumn(7).numFmt = 'yyyy-mm-dd';
  OUTPUTS.forEach((name, k) => {
    const ws = wb.addWorksheet(name);
    for (const row of outputSheet(name, k).rows) ws.addRow(row.map((c) => c.v));
    wb.definedNames.add(`'${name}'!$A$1`, `FinsamBudget_${name.normalize('NFD').replace(/[^A-Za-z]/g, '')}`);
  });
  await wb.xlsx.writeFile(file);
}

async function time(label, runs, fn) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i > 0) times.push(ms); // the first run warms up
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(0).padStart(6)} ms  (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`,
  );
  return median;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-xlsx-'));
  const file = path.join(dir, 'riket.xlsx');
  await makeWorkbook(file);
  const bytes = fs.readFileSync(file);
  console.log(`workbook: ${(bytes.length / 1e6).toFixed(1)} MB zipped, ${RUNS} runs after one warm-up`);
  const sheets = OUTPUTS.map((n, k) => outputSheet(n, k + 1));
  const marks = OUTPUTS.map((n) => ({
    name: `FinsamBudget_${n.normalize('NFD').replace(/[^A-Za-z]/g, '')}`,
    formula: `'${n}'!$A$1`,
  }));

  const readOurs = await time('package: open + read the 4 input sheets', RUNS, async () => {
    const pkg = await XlsxPackage.open(bytes);
    await pkg.readSheets(INPUTS);
  });
  const writeOurs = await time('package: write 6 output sheets (3 000 × 15) into the file', RUNS, async () => {
    await writePackage(bytes, { sheets, owned: OUTPUTS, definedNames: marks });
  });
  await time('package: write, deflating with Node zlib (as the CLI would)', RUNS, async () => {
    await writePackage(bytes, { sheets, owned: OUTPUTS, definedNames: marks }, { deflateRaw: (d) => zlib.deflateRawSync(d) });
  });
  const out = path.join(dir, 'out.xlsx');
  const bothOurs = await time('package: read + write (zlib) + save to disk', RUNS, async () => {
    const b = fs.readFileSync(file);
    const pkg = await XlsxPackage.open(b);
    await pkg.readSheets(INPUTS);
    fs.writeFileSync(
      out,
      await writePackage(b, { sheets, owned: OUTPUTS, definedNames: marks }, { deflateRaw: (d) => zlib.deflateRawSync(d) }),
    );
  });
  const readEx = await time('ExcelJS: xlsx.readFile', RUNS, async () => {
    await new ExcelJS.Workbook().xlsx.readFile(file);
  });
  const bothEx = await time('ExcelJS: xlsx.readFile + xlsx.writeFile (same model)', RUNS, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(out);
  });
  console.log(
    `ratio package/ExcelJS: read ${(readOurs / readEx).toFixed(2)}, read+write ${(bothOurs / bothEx).toFixed(2)} (write alone ${writeOurs.toFixed(0)} ms)`,
  );

  // One ~10 MB sheet (XML), read alone.
  const big = { name: 'Stor', rows: [], widths: [], freezeRows: 0 };
  for (let r = 0; r < 20000; r++)
    big.rows.push(Array.from({ length: 12 }, (_v, c) => (c % 3 === 0 ? { v: `Text ${r}-${c} åäö` } : { v: r * 12.5 + c })));
  const bigBytes = await writePackage(bytes, { sheets: [big], owned: [], definedNames: [] });
  const bigPkg = await XlsxPackage.open(bigBytes);
  const part = bigPkg.info.sheets.find((s) => s.name === 'Stor').part;
  const xmlSize = (await bigPkg.model.zip.file(part).async('string')).length;
  await time(`package: read one ${(xmlSize / 1e6).toFixed(1)} MB sheet (240 000 cells)`, RUNS, async () => {
    const pkg = await XlsxPackage.open(bigBytes);
    await pkg.readSheets(['Stor']);
  });
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
