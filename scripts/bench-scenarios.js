#!/usr/bin/env node
// @ts-nocheck -- loads the TypeScript sources through a transpiling require hook
// Benchmark (not a test): five scenarios of the national-scale workbook (290 kommuner, 2 000
// interventions, 10 plan years, as scripts/bench.js builds it) against a refresh without them (engine
// time: parse + compute + render, in process, warm). Target (issue 10): refresh + five scenarios ≤ 3 ×
// refresh. Measured three ways:
//   plain   — computeScenarios with parseWorkbook and computePlan as they are;
//   shared  — what the proposed sharing gives: parseWorkbook calling its sheet parsers through a
//             SheetMemo (keyed by grid object and what else each parse depends on), and splitYears
//             memoised across plans (keyed by the members array and the years' totals), and
//             planIntervention (keyed by the intervention object and the calendar). parse.ts and
//             plan.ts cannot take these yet, so this run swaps the modules' exports in this process
//             only (the lines parse.ts and plan.ts would need are in the report).
// Run: node scripts/bench-scenarios.js   (BENCH_RUNS, default 9; BENCH_WARMUP, default 3)
'use strict';
const fs = require('fs');
const ts = require('typescript');
const ExcelJS = require('exceljs');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};

const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 9;
const WARMUP =
  Number(process.env.BENCH_WARMUP) >= 0 && process.env.BENCH_WARMUP !== undefined ? Number(process.env.BENCH_WARMUP) : 3;

const { exampleSheets } = require('../src/workbook/example.ts');
const { addTemplateSheets, XlsxHost } = require('../src/hosts/xlsx/xlsxHost.ts');
const { computeFromSnapshot } = require('../src/workbook/refresh.ts');
const parseModule = require('../src/workbook/parse.ts');
const planModule = require('../src/engine/plan.ts');
const splitModule = require('../src/engine/split.ts');
const interventionsModule = require('../src/engine/interventions.ts');
const { computeScenarios, SheetMemo } = require('../src/workbook/scenarios.ts');
const { scenariosTemplateSheet } = require('../src/workbook/sheets/scenarios.ts');
const { NATIONAL, nationalSheets } = require('./national');
const { renderScenarioSheet } = require('../src/workbook/outputs/scenariosSheet.ts');
const sheetModules = {
  settings: require('../src/workbook/sheets/settings.ts'),
  years: require('../src/workbook/sheets/years.ts'),
  members: require('../src/workbook/sheets/members.ts'),
  interventions: require('../src/workbook/sheets/interventions.ts'),
  costs: require('../src/workbook/sheets/costs.ts'),
  opening: require('../src/workbook/sheets/opening.ts'),
  goals: require('../src/workbook/sheets/goals.ts'),
};

/** The national workbook (scripts/national.js) with five scenarios. */
function nationalWithScenarios() {
  const sheets = nationalSheets(exampleSheets());
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
  sheets.push(scenariosTemplateSheet(scenarioRows));
  return sheets;
}

function stats(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

function time(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return stats(times);
}

/** Swap parseWorkbook's sheet parsers and computePlan's splitYears for memoised ones (this process only). */
function installSharing() {
  const memo = new SheetMemo();
  const originals = {};
  const wrap = (mod, name, keyOf, withWarnings) => {
    const original = mod[name];
    originals[name] = [mod, original];
    mod[name] = (sheet, ...args) => {
      const errors = withWarnings ? args[args.length - 2] : args[args.length - 1];
      const warnings = withWarnings ? args[args.length - 1] : null;
      const rest = args.slice(0, withWarnings ? -2 : -1);
      return memo.run(sheet, `${name}|${keyOf(...rest)}`, errors, warnings, (e, w) =>
        original(sheet, ...rest, e, ...(withWarnings ? [w] : [])),
      );
    };
  };
  const yearsKey = (years) => (years ? years.join(',') : 'null');
  wrap(sheetModules.settings, 'parseSettings', () => '', false);
  wrap(sheetModules.years, 'parseYears', yearsKey, false);
  wrap(
    sheetModules.members,
    'parseMembers',
    (c) => `${yearsKey(c.years)}|${c.shares ? Object.values(c.shares).join(',') : 'null'}`,
    false,
  );
  wrap(sheetModules.interventions, 'parseInterventions', yearsKey, true);
  wrap(sheetModules.costs, 'parseCosts', yearsKey, true);
  wrap(sheetModules.opening, 'parseOpening', () => '', false);
  wrap(sheetModules.goals, 'parseGoals', () => '', false);
  // splitYears across plans: same members array, shares, rounding and year cases → the same splits.
  const splitOriginal = splitModule.splitYears;
  const splitMemo = new WeakMap();
  let splitHits = 0;
  splitModule.splitYears = (settings, years, members) => {
    const key = `${Object.values(settings.shares).join(',')}|${settings.rounding}|${years.map((y) => `${y.year}:${splitModule.yearTotal(y)}:${y.months}`).join(';')}`;
    let byKey = splitMemo.get(members);
    if (!byKey) splitMemo.set(members, (byKey = new Map()));
    const hit = byKey.get(key);
    if (hit) {
      splitHits++;
      return hit;
    }
    const r = splitOriginal(settings, years, members);
    byKey.set(key, r);
    return r;
  };
  // planIntervention across plans: the same intervention (an untouched Insatser's parse) and calendar.
  const planOriginal = interventionsModule.planIntervention;
  const planMemo = new WeakMap();
  let planHits = 0;
  const calKeys = new WeakMap();
  interventionsModule.planIntervention = (iv, cal) => {
    let key = calKeys.get(cal);
    if (key === undefined) calKeys.set(cal, (key = `${cal.months.join(',')}|${[...cal.firstOperated].join(';')}`));
    let byKey = planMemo.get(iv);
    if (!byKey) planMemo.set(iv, (byKey = new Map()));
    const hit = byKey.get(key);
    if (hit) {
      planHits++;
      return hit;
    }
    const r = planOriginal(iv, cal);
    byKey.set(key, r);
    return r;
  };
  return {
    memo,
    splitHits: () => splitHits,
    planHits: () => planHits,
    uninstall() {
      for (const [name, [mod, original]] of Object.entries(originals)) mod[name] = original;
      splitModule.splitYears = splitOriginal;
      interventionsModule.planIntervention = planOriginal;
    },
  };
}

async function main() {
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, nationalWithScenarios());
  const snapshot = await new XlsxHost(wb).read();
  const check = computeFromSnapshot(snapshot);
  if (check.errors.length > 0) throw new Error(JSON.stringify(check.errors.slice(0, 3)));

  const refresh = time(() => computeFromSnapshot(snapshot));
  const parseOnly = time(() => parseModule.parseWorkbook(snapshot));
  const parsed = parseModule.parseWorkbook(snapshot);
  const computeOnly = time(() => planModule.computePlan(parsed.input));
  const plan = planModule.computePlan(parsed.input);
  const once = computeScenarios(snapshot, { parsed, plan });
  if (once.scenarios.length !== 5 || once.errors.length > 0)
    throw new Error(`scenarios: ${JSON.stringify(once.errors.slice(0, 3))}`);
  const scenariosPlain = time(() => {
    const r = computeScenarios(snapshot, { parsed, plan });
    renderScenarioSheet(plan, r.scenarios);
  });

  // Shared: the base's refresh parses through the memo too (as an integrated refresh would), so the
  // scenarios find the untouched sheets' parses.
  const sharing = installSharing();
  let shared;
  let refreshShared;
  try {
    refreshShared = time(() => computeFromSnapshot(snapshot));
    const sharedParsed = parseModule.parseWorkbook(snapshot);
    const sharedPlan = planModule.computePlan(sharedParsed.input);
    const r = computeScenarios(snapshot, { parsed: sharedParsed, plan: sharedPlan });
    const a = JSON.stringify(once.scenarios.map((s) => s.plan.budget));
    const b = JSON.stringify(r.scenarios.map((s) => s.plan.budget));
    if (a !== b) throw new Error('shared scenarios differ from plain ones');
    shared = time(() => {
      const res = computeScenarios(snapshot, { parsed: sharedParsed, plan: sharedPlan });
      renderScenarioSheet(sharedPlan, res.scenarios);
    });
  } finally {
    sharing.uninstall();
  }
  const ms = (x) => `${x.median.toFixed(1)} ms (min ${x.min.toFixed(1)}, max ${x.max.toFixed(1)})`;
  console.log(`national workbook, five scenarios; runs ${RUNS}, warm-up ${WARMUP}; medians`);
  console.log(`refresh without scenarios (computeFromSnapshot) ${ms(refresh)}`);
  console.log(`  of which parseWorkbook ${ms(parseOnly)}, computePlan ${ms(computeOnly)}`);
  console.log(`five scenarios, plain (parse + compute each, comparison sheet) ${ms(scenariosPlain)}`);
  console.log(
    `  ratio (refresh + scenarios) / refresh: ${((refresh.median + scenariosPlain.median) / refresh.median).toFixed(2)} (target ≤ 3)`,
  );
  console.log(
    `five scenarios, shared (sheet memo + split memo + intervention plan memo) ${ms(shared)}; refresh through the memo ${ms(refreshShared)}`,
  );
  console.log(
    `  ratio (refresh + scenarios) / refresh: ${((refresh.median + shared.median) / refresh.median).toFixed(2)} (target ≤ 3)`,
  );
  console.log(
    `ratios of the fastest runs (less noise from other work on the machine): plain ${((refresh.min + scenariosPlain.min) / refresh.min).toFixed(2)}, shared ${((refresh.min + shared.min) / refresh.min).toFixed(2)}`,
  );
  console.log(
    `  sheet parses: ${sharing.memo.misses} done, ${sharing.memo.hits} reused; splits reused ${sharing.splitHits()} times; intervention plans reused ${sharing.planHits()} times`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
