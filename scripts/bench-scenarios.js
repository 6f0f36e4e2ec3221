#!/usr/bin/env node
// @ts-nocheck -- plain JavaScript over the compiled command (dist-cli)
// Benchmark (not a test): five scenarios of the national-scale workbook (290 kommuner, 2 000
// interventions, 10 plan years, as scripts/bench.js builds it) against a refresh without them (engine
// time: computeFromSnapshot = parse + compute + render, in process, warm). Target (issue 10): a refresh
// with five scenarios ≤ 3 × a refresh without. Also shown: the five scenarios computed plainly (each
// parsed and computed from scratch), i.e. what the sharing saves (the refresh shares the untouched
// sheets' parses, the splits and the intervention plans: workbook/scenarios.ts, scenarioSharing).
// Run: npm run build:cli && node scripts/bench-scenarios.js   (BENCH_RUNS, default 9; BENCH_WARMUP, default 3)
'use strict';
const path = require('path');
const ExcelJS = require('exceljs');

const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 9;
const WARMUP =
  Number(process.env.BENCH_WARMUP) >= 0 && process.env.BENCH_WARMUP !== undefined ? Number(process.env.BENCH_WARMUP) : 3;

const dist = path.join(__dirname, '..', 'dist-cli');
const { exampleSheets } = require(path.join(dist, 'workbook', 'example.js'));
const { addTemplateSheets, XlsxHost } = require(path.join(dist, 'hosts', 'xlsx', 'xlsxHost.js'));
const { computeFromSnapshot } = require(path.join(dist, 'workbook', 'refresh.js'));
const { parseWorkbook } = require(path.join(dist, 'workbook', 'parse.js'));
const { computePlan } = require(path.join(dist, 'engine', 'plan.js'));
const { computeScenarios } = require(path.join(dist, 'workbook', 'scenarios.js'));
const { scenariosTemplateSheet } = require(path.join(dist, 'workbook', 'sheets', 'scenarios.js'));

const { NATIONAL, nationalSheets: national } = require('./national');

/** The national workbook (scripts/national.js, as scripts/bench.js builds it), with or without five scenarios. */
function nationalSheets(withScenarios) {
  const sheets = national(exampleSheets());
  const { firstYear: first, years } = NATIONAL;
  // Five scenarios, each changing a different sheet.
  const scenarioRows = [
    ...Array.from({ length: years }, (_, i) => ['Full tilldelning', 'År', first + i, 'Medlemsavgifter', 3000000000]),
    ['Ny insats', 'Insatser', 'Nationell satsning', 'Start', '2028-01'],
    ['Ny insats', 'Insatser', 'Nationell satsning', 'Slut', '2030-12'],
    ['Ny insats', 'Insatser', 'Nationell satsning', 'Budget totalt', 90000000],
    ['Ny insats', 'Insatser', 'Nationell satsning', 'Status', 'Beslutad'],
    ['Dyrare kansli', 'Kostnader', 'Kostnad 2', String(first), 5000000],
    ['Högre golv', 'Mål', 'Lägsta likviditet', 'Gräns', 50000000],
    ['Större kommun', 'Medlemmar', 'Kommun 001', 'Invånare', 900000],
  ];
  if (withScenarios) sheets.push(scenariosTemplateSheet(scenarioRows));
  return sheets;
}

function stats(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

/**
 * Wall time and the process's CPU time (user + system, process.cpuUsage) per run: on a shared machine
 * the CPU time is the steadier figure (waiting for a core does not count).
 */
function time(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: stats(wall), cpu: stats(cpu) };
}

async function snapshotOf(sheets) {
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, sheets);
  return new XlsxHost(wb).read();
}

async function main() {
  const without = await snapshotOf(nationalSheets(false));
  const withFive = await snapshotOf(nationalSheets(true));
  const check = computeFromSnapshot(withFive);
  if (check.errors.length > 0) throw new Error(JSON.stringify(check.errors.slice(0, 3)));
  if (check.scenarios.length !== 5) throw new Error(`scenarios: ${check.scenarios.length}`);
  if (!check.sheets.some((s) => s.name === 'Scenariojämförelse')) throw new Error('no comparison sheet');
  // The shared scenarios equal the plain ones (each parsed and computed on its own).
  const parsed = parseWorkbook(withFive);
  const plan = computePlan(parsed.input);
  const plainOnce = computeScenarios(withFive, { parsed, plan });
  const a = JSON.stringify(plainOnce.scenarios.map((s) => [s.plan.budget, s.plan.liquidity]));
  const b = JSON.stringify(check.scenarios.map((s) => [s.plan.budget, s.plan.liquidity]));
  if (a !== b) throw new Error('shared scenarios differ from plain ones');

  const refresh = time(() => computeFromSnapshot(without));
  const refreshFive = time(() => computeFromSnapshot(withFive));
  const plain = time(() => {
    const p = parseWorkbook(withFive);
    computeScenarios(withFive, { parsed: p, plan: computePlan(p.input) });
  });
  const ms = (x) => `${x.median.toFixed(1)} ms (min ${x.min.toFixed(1)}, max ${x.max.toFixed(1)})`;
  const both = (x) => `wall ${ms(x.wall)}; cpu ${ms(x.cpu)}`;
  console.log(`national workbook; runs ${RUNS}, warm-up ${WARMUP}; medians`);
  console.log(`refresh without scenarios (computeFromSnapshot)        ${both(refresh)}`);
  console.log(`refresh with five scenarios (shared, with comparison)  ${both(refreshFive)}`);
  const ratio = refreshFive.cpu.median / refresh.cpu.median;
  console.log(
    `  ratio: cpu ${ratio.toFixed(2)} of medians, wall ${(refreshFive.wall.median / refresh.wall.median).toFixed(2)} of medians (target ≤ 3)`,
  );
  console.log(`for comparison, base + five scenarios parsed and computed plainly, no render: ${both(plain)}`);
  if (ratio > 3) {
    console.log('over the target (3×)');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
