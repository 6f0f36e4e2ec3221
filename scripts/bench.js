#!/usr/bin/env node
// @ts-check
// Benchmarks (not tests) on a generated national-scale workbook (290 kommuner, 2 000 interventions,
// 10 plan years), in one run:
//   1. the old engine (git commit BENCH_BASELINE, default b99e370, built in a temporary git worktree)
//      and the new one (the project's dist-cli/) side by side: parse + compute + render on the same
//      grids, in process (warm) and in a fresh node process (cold); target new/old ≤ 0.50;
//   2. the command in a fresh node process against a fresh node process doing the least file I/O the
//      command needs (ExcelJS reading the input and writing the result); target ≤ 1.25.
// Run: npm run bench (builds dist-cli/ first). Environment: BENCH_RUNS (runs per case; default 11 in
// process, 7 for process runs), BENCH_WARMUP (default 3 in process, 1 for process runs),
// BENCH_BASELINE=<commit> (the old engine), BENCH_NEW=<commit> (measure that commit as the new engine
// instead of dist-cli/), BENCH_KEEP=1 (keep the generated workbooks), BENCH_INSTRUCTIONS=0 (skip the
// instruction counts: the cold engine under valgrind's callgrind, when valgrind is installed — a figure
// that, unlike the clock, does not move with the machine's load).
'use strict';
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const v8 = require('v8');
const vm = require('vm');
const ExcelJS = require('exceljs');
const { nationalSheets } = require('./national');

const root = path.join(__dirname, '..');
const BASELINE = process.env.BENCH_BASELINE || 'b99e370';
const NEW_COMMIT = process.env.BENCH_NEW || '';
const RUNS_IN_PROCESS = positiveInt(process.env.BENCH_RUNS, 11);
const RUNS_PROCESS = positiveInt(process.env.BENCH_RUNS, 7);
const WARMUP_IN_PROCESS = positiveInt(process.env.BENCH_WARMUP, 3, true);
const WARMUP_PROCESS = positiveInt(process.env.BENCH_WARMUP, 1, true);
const ENGINE_TARGET = 0.5;
const IO_TARGET = 1.25;

/**
 * @typedef {{ name: string, rows: unknown[][], [key: string]: unknown }} Sheet
 *   A template sheet (exampleSheets) or an output sheet (computeFromSnapshot); only rows are used.
 * @typedef {{ errors: unknown[], sheets: Sheet[] }} Computed
 * @typedef {{
 *   computeFromSnapshot: (snapshot: unknown) => Computed,
 *   XlsxHost: new (workbook: import('exceljs').Workbook) => { read(): Promise<unknown> },
 *   addTemplateSheets: (workbook: import('exceljs').Workbook, sheets: Sheet[]) => string[],
 *   exampleSheets: () => Sheet[],
 * }} EngineApi
 *   The names that stay across the refactor: dist-cli/workbook/refresh.js, dist-cli/hosts/xlsx/xlsxHost.js
 *   and dist-cli/workbook/example.js.
 * @typedef {{ label: string, dist: string, bin: string, api: EngineApi }} Engine
 *   One engine: a label for the table, its dist-cli/ folder, its command line and its modules.
 * @typedef {{ min: number, q1: number, median: number, q3: number, max: number, n: number }} Stats
 */

/**
 * A whole number from the environment, or the default.
 * @param {string | undefined} text
 * @param {number} fallback
 * @param {boolean} [zeroAllowed]
 */
function positiveInt(text, fallback, zeroAllowed = false) {
  const n = Number(text);
  return text !== undefined && text !== '' && Number.isInteger(n) && (n > 0 || (zeroAllowed && n === 0)) ? n : fallback;
}

/**
 * Median and quartiles (linear interpolation between the closest ranks).
 * @param {number[]} xs
 * @returns {Stats}
 */
function stats(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  /** @param {number} p */
  const q = (p) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return (s[lo] ?? NaN) + ((s[hi] ?? NaN) - (s[lo] ?? NaN)) * (i - lo);
  };
  return { min: s[0] ?? NaN, q1: q(0.25), median: q(0.5), q3: q(0.75), max: s[s.length - 1] ?? NaN, n: s.length };
}

/** Collects garbage before a timed run when the runtime allows it (exposed at run time, no node flag). */
const collectGarbage = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc');
    return typeof gc === 'function' ? /** @type {() => void} */ (gc) : () => undefined;
  } catch {
    return () => undefined;
  }
})();

/**
 * Runs a command synchronously; throws with its output when it fails.
 * @param {string} file
 * @param {string[]} args
 * @param {string} cwd
 */
function run(file, args, cwd) {
  const r = childProcess.spawnSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw new Error(`${path.basename(file)} ${args.join(' ')} (exit ${r.status}):\n${r.stdout}${r.stderr}`.trim());
  return r.stdout;
}

/** @param {string[]} args */
const git = (args) => {
  // Another engineer's git command may hold a lock for a moment: retry a few times.
  for (let attempt = 0; ; attempt++) {
    try {
      return run('git', args, root);
    } catch (e) {
      if (attempt >= 4 || !/\.lock/.test(String(e))) throw e;
      childProcess.spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 2000)']);
    }
  }
};

/**
 * A worktree of a commit in a temporary folder, its CLI built with the project's node_modules (linked).
 * @param {string} commit
 * @param {string} dir where to create the worktree (must not exist)
 * @returns {{ dir: string, hash: string, buildMs: number }}
 */
function makeWorktree(commit, dir) {
  const hash = git(['rev-parse', '--short', `${commit}^{commit}`]).trim();
  git(['worktree', 'add', '--detach', dir, hash]);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const t = performance.now();
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], dir);
  return { dir, hash, buildMs: performance.now() - t };
}

/**
 * Removes a worktree made by makeWorktree (the node_modules link first, so nothing can follow it).
 * @param {string} dir
 */
function removeWorktree(dir) {
  if (!fs.existsSync(dir)) return;
  try {
    fs.unlinkSync(path.join(dir, 'node_modules'));
  } catch {
    // not linked (yet)
  }
  try {
    git(['worktree', 'remove', '--force', dir]);
  } catch (e) {
    console.error(`could not remove the worktree ${dir}: ${e instanceof Error ? e.message : e}`);
  }
}

/**
 * Loads an engine's modules from a dist-cli/ folder.
 * @param {string} label
 * @param {string} dist
 * @param {string} bin
 * @returns {Engine}
 */
function loadEngine(label, dist, bin) {
  const api = {
    ...require(path.join(dist, 'workbook', 'refresh.js')),
    ...require(path.join(dist, 'hosts', 'xlsx', 'xlsxHost.js')),
    ...require(path.join(dist, 'workbook', 'example.js')),
  };
  for (const name of ['computeFromSnapshot', 'XlsxHost', 'addTemplateSheets', 'exampleSheets'])
    if (typeof api[name] !== 'function') throw new Error(`${name} is missing in ${dist}`);
  return { label, dist, bin, api: /** @type {EngineApi} */ (api) };
}

/**
 * Reads a workbook file with the engine's own host: the grids its computeFromSnapshot takes.
 * @param {Engine} engine
 * @param {string} file
 */
async function snapshotOf(engine, file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return new engine.api.XlsxHost(wb).read();
}

/**
 * Computes once and throws unless the result has no input errors; returns a short description.
 * @param {Engine} engine
 * @param {unknown} snapshot
 */
function checkedCompute(engine, snapshot) {
  const r = engine.api.computeFromSnapshot(snapshot);
  if (r.errors.length > 0) throw new Error(`input errors: ${JSON.stringify(r.errors.slice(0, 3))}`);
  const cells = r.sheets.reduce((n, s) => n + (Array.isArray(s.rows) ? s.rows.reduce((m, row) => m + row.length, 0) : 0), 0);
  return `${r.sheets.length} output sheets, ${cells.toLocaleString('sv-SE')} cells`;
}

// ---------------------------------------------------------------------------------------------------
// Code run by fresh node processes (`node -e`): written here so that lint and the type check see it.

/**
 * Cold engine: a fresh process requires the engine, reads the workbook with the engine's host, computes
 * once. Prints the phases in milliseconds as JSON.
 * @param {string} exceljsPath
 * @param {string} dist
 * @param {string} file
 */
async function coldEngineChild(exceljsPath, dist, file) {
  const start = performance.now();
  const Excel = require(exceljsPath);
  const t0 = performance.now();
  const { computeFromSnapshot } = require(dist + '/workbook/refresh.js');
  const { XlsxHost } = require(dist + '/hosts/xlsx/xlsxHost.js');
  const t1 = performance.now();
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(file);
  const snapshot = await new XlsxHost(wb).read();
  const t2 = performance.now();
  const r = computeFromSnapshot(snapshot);
  const t3 = performance.now();
  if (r.errors.length > 0) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  process.stdout.write(JSON.stringify({ startup: start, requireEngine: t1 - t0, read: t2 - t1, compute: t3 - t2 }));
}

/**
 * The least I/O of a first refresh: read the input workbook, write the refreshed workbook. The refreshed
 * workbook stands for the computed result and is loaded in between; that load is reported as excluded.
 * @param {string} exceljsPath
 * @param {string} input
 * @param {string} result a workbook refreshed beforehand by the command
 * @param {string} out
 */
async function leastIoFirstChild(exceljsPath, input, result, out) {
  const Excel = require(exceljsPath);
  const read = new Excel.Workbook();
  await read.xlsx.readFile(input);
  const t = performance.now();
  const refreshed = new Excel.Workbook();
  await refreshed.xlsx.readFile(result);
  const excluded = performance.now() - t;
  await refreshed.xlsx.writeFile(out);
  process.stdout.write(JSON.stringify({ excluded }));
}

/**
 * The least I/O of refreshing a refreshed workbook: read it, write it.
 * @param {string} exceljsPath
 * @param {string} input
 * @param {string} out
 */
async function leastIoAgainChild(exceljsPath, input, out) {
  const Excel = require(exceljsPath);
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(out);
  process.stdout.write('{}');
}

/**
 * Cold engine for an instruction count: a fresh process requires the engine, deserializes the grids its
 * host read (a v8-serialized snapshot, so that only the engine's own work is counted) and, unless
 * `compute` is '0', computes once. Run twice under callgrind; the difference is the first computation.
 * @param {string} dist
 * @param {string} snapshotFile
 * @param {string} compute
 */
async function instructionsChild(dist, snapshotFile, compute) {
  const snapshot = require('v8').deserialize(require('fs').readFileSync(snapshotFile));
  const { computeFromSnapshot } = require(dist + '/workbook/refresh.js');
  if (compute !== '0' && computeFromSnapshot(snapshot).errors.length > 0) throw new Error('input errors');
}

/**
 * `node -e` source calling one of the functions above with the arguments after the code.
 * @param {Function} fn
 */
const childSource = (fn) =>
  `(${fn.toString()})(...process.argv.slice(1)).catch((e) => { console.error(String(e)); process.exitCode = 1; });`;

/**
 * Runs a fresh node process; returns its wall-clock time (ms) and the JSON it printed (if any).
 * @param {string[]} args
 * @param {string} cwd
 * @returns {{ ms: number, report: Record<string, number> }}
 */
function timeProcess(args, cwd) {
  const t = performance.now();
  const r = childProcess.spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  if (r.signal) throw new Error(`interrupted (${r.signal})`);
  if (r.status !== 0) throw new Error(`node ${args.slice(0, 2).join(' ')}… exit ${r.status}: ${r.stderr.trim().slice(0, 500)}`);
  const out = r.stdout.trim();
  return { ms, report: out.startsWith('{') ? JSON.parse(out) : {} };
}

/**
 * Instructions of one fresh `node --single-threaded` process under callgrind (deterministic: the same
 * count for the same build and input, whatever else the machine does; --single-threaded runs V8's
 * compiler and collector on the main thread, so that their work is counted the same way each time).
 * @param {string[]} args node's arguments
 * @param {string} cwd
 */
function callgrindInstructions(args, cwd) {
  const r = childProcess.spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (r.error) throw r.error;
  const m = /Collected : (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`callgrind: exit ${r.status}: ${r.stderr.trim().slice(-500)}`);
  return Number(m[1]);
}

/** Whether valgrind can be run here. */
const hasValgrind = () => childProcess.spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;

/** Lets a pending signal handler run between runs (the runs themselves are synchronous). */
const yieldToEvents = () => new Promise((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------------------------------
// The table.

const ms = (/** @type {number} */ x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '—');
const ratioText = (/** @type {number} */ r) => (Number.isFinite(r) ? r.toFixed(2) : '—');

/**
 * Prints rows of median, quartiles and extremes under a header.
 * @param {[string, Stats][]} rows
 */
function printStats(rows) {
  const width = Math.max(44, ...rows.map(([l]) => l.length + 2));
  const cols = ['median', 'q1', 'q3', 'min', 'max'];
  console.log(`  ${''.padEnd(width)}${cols.map((c) => c.padStart(10)).join('')}`);
  for (const [label, s] of rows)
    console.log(`  ${label.padEnd(width)}${[s.median, s.q1, s.q3, s.min, s.max].map((x) => ms(x).padStart(10)).join('')}`);
}

/**
 * Prints the ratio of the medians against its target, and the median of the per-round ratios (each
 * round runs both cases back to back, so that ratio is less sensitive to the machine's load drifting).
 * @param {string} label
 * @param {number[]} num times of the numerator's runs, round by round
 * @param {number[]} den times of the denominator's runs, round by round
 * @param {number} target
 * @param {boolean} meaningful false when the new side fell back to the baseline
 */
function printRatio(label, num, den, target, meaningful) {
  const ratio = stats(num).median / stats(den).median;
  const paired = stats(num.map((x, i) => x / (den[i] ?? NaN))).median;
  const verdict = !meaningful ? 'not meaningful: the new side is the baseline' : ratio <= target ? 'met' : 'NOT met';
  console.log(
    `  ${label}: ${ratioText(ratio)} (medians; per-round median ${ratioText(paired)})   target ≤ ${target.toFixed(2)}  ${verdict}`,
  );
}

/** The machine's load, printed before and after: a busy machine makes every number slower and noisier. */
const loadText = () =>
  `${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)`;

// ---------------------------------------------------------------------------------------------------

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-bench-'));
  /** @type {string[]} */
  const worktrees = [];
  const cleanUp = () => {
    for (const dir of worktrees.splice(0)) removeWorktree(dir);
    if (process.env.BENCH_KEEP) console.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await benchmark(tmp, worktrees);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    cleanUp();
  }
}

/**
 * @param {string} tmp a temporary folder for the worktrees and workbooks
 * @param {string[]} worktrees worktrees made, for the caller to remove
 */
async function benchmark(tmp, worktrees) {
  // The engines.
  /** @param {string} commit @param {string} side */
  const engineAt = (commit, side) => {
    const dir = path.join(tmp, `worktree-${side}`);
    worktrees.push(dir); // removed afterwards even if the build fails
    const wt = makeWorktree(commit, dir);
    const engine = loadEngine(`old ${wt.hash}`, path.join(wt.dir, 'dist-cli'), path.join(wt.dir, 'bin', 'finsam-budget.js'));
    return { engine, wt };
  };
  console.log(`machine: ${loadText()}`);
  const { engine: old, wt: oldTree } = engineAt(BASELINE, 'old');
  console.log(`old engine: ${BASELINE} = ${oldTree.hash}, built in a worktree in ${(oldTree.buildMs / 1000).toFixed(1)} s`);
  /** @type {Engine} */
  let current;
  let fallback = false;
  /** @param {unknown} e */
  const reason = (e) => (e instanceof Error ? e.message : String(e)).split('\n').slice(0, 4).join('\n    ');
  /** @param {string} stage @param {unknown} e */
  const fallBack = (stage, e) => {
    console.log(`NEW ENGINE UNAVAILABLE (${stage}) — measuring the baseline against itself instead:\n    ${reason(e)}`);
    fallback = true;
    return { ...old, label: `new = FALLBACK ${oldTree.hash}` };
  };
  try {
    if (NEW_COMMIT) {
      const { engine, wt } = engineAt(NEW_COMMIT, 'new');
      current = { ...engine, label: `new ${wt.hash}` };
      console.log(
        `new engine: ${NEW_COMMIT} = ${wt.hash} (BENCH_NEW), built in a worktree in ${(wt.buildMs / 1000).toFixed(1)} s`,
      );
    } else {
      current = loadEngine('new dist-cli', path.join(root, 'dist-cli'), path.join(root, 'bin', 'finsam-budget.js'));
      console.log('new engine: the project’s dist-cli/ (npm run bench builds it)');
    }
  } catch (e) {
    current = fallBack(NEW_COMMIT ? `building ${NEW_COMMIT}` : 'loading dist-cli/', e);
  }

  // One national workbook from the baseline's example, read by each engine's own host.
  const file = path.join(tmp, 'national.xlsx');
  const wb = new ExcelJS.Workbook();
  const clashes = old.api.addTemplateSheets(wb, nationalSheets(old.api.exampleSheets()));
  if (clashes.length > 0) throw new Error(`template sheets clash: ${clashes.join(', ')}`);
  await wb.xlsx.writeFile(file);
  const oldSnapshot = await snapshotOf(old, file);
  console.log(`${old.label}: ${checkedCompute(old, oldSnapshot)}`);
  /** @type {unknown} */
  let newSnapshot = oldSnapshot;
  if (!fallback) {
    try {
      newSnapshot = await snapshotOf(current, file);
      console.log(`${current.label}: ${checkedCompute(current, newSnapshot)}`);
    } catch (e) {
      current = fallBack('reading and computing the national workbook', e);
      newSnapshot = oldSnapshot;
    }
  }

  // Refreshed workbooks, made once by each command; a failing new command is replaced by the old one.
  const refreshedNew = path.join(tmp, 'refreshed-new.xlsx');
  const refreshedOld = path.join(tmp, 'refreshed-old.xlsx');
  run(process.execPath, [old.bin, 'refresh', file, '--out', refreshedOld], tmp);
  let command = current;
  let commandFallback = fallback;
  try {
    run(process.execPath, [current.bin, 'refresh', file, '--out', refreshedNew], root);
  } catch (e) {
    console.log(`NEW COMMAND FAILED — its rows measure the old command instead:\n    ${reason(e)}`);
    command = { ...old, label: `new = FALLBACK ${oldTree.hash}` };
    commandFallback = true;
    fs.copyFileSync(refreshedOld, refreshedNew);
  }
  const kib = (/** @type {string} */ f) => `${(fs.statSync(f).size / 1024).toFixed(0)} KiB`;
  console.log(
    `Workbook: 290 kommuner, 2 000 insatser, 10 planår — input ${kib(file)}, refreshed ${kib(refreshedNew)} (new), ${kib(refreshedOld)} (old)`,
  );

  // 1. The engines in process: warm-up, then interleaved runs (the order alternates).
  const sides = [
    { engine: old, snapshot: oldSnapshot, times: /** @type {number[]} */ ([]) },
    { engine: current, snapshot: newSnapshot, times: /** @type {number[]} */ ([]) },
  ];
  for (let i = 0; i < WARMUP_IN_PROCESS; i++) for (const s of sides) s.engine.api.computeFromSnapshot(s.snapshot);
  for (let i = 0; i < RUNS_IN_PROCESS; i++) {
    for (const s of i % 2 === 0 ? sides : sides.slice().reverse()) {
      await yieldToEvents();
      collectGarbage();
      const t = performance.now();
      s.engine.api.computeFromSnapshot(s.snapshot);
      s.times.push(performance.now() - t);
    }
  }

  // 2. Fresh processes, all cases interleaved (the starting case rotates).
  const exceljsPath = require.resolve('exceljs');
  const out = (/** @type {string} */ name) => path.join(tmp, `out-${name}.xlsx`);
  /** @type {{ key: string, cwd: string, args: string[], times: number[], reports: Record<string, number>[] }[]} */
  const cases = [
    ['coldOld', tmp, ['-e', childSource(coldEngineChild), exceljsPath, old.dist, file]],
    ['coldNew', tmp, ['-e', childSource(coldEngineChild), exceljsPath, current.dist, file]],
    ['commandFirst', root, [command.bin, 'refresh', file, '--out', out('command-first')]],
    ['leastFirst', tmp, ['-e', childSource(leastIoFirstChild), exceljsPath, file, refreshedNew, out('least-first')]],
    ['commandAgain', root, [command.bin, 'refresh', refreshedNew, '--out', out('command-again')]],
    ['leastAgain', tmp, ['-e', childSource(leastIoAgainChild), exceljsPath, refreshedNew, out('least-again')]],
    ['oldCommandFirst', tmp, [old.bin, 'refresh', file, '--out', out('old-first')]],
    ['oldCommandAgain', tmp, [old.bin, 'refresh', refreshedOld, '--out', out('old-again')]],
  ].map(([key, cwd, args]) => ({
    key: String(key),
    cwd: String(cwd),
    args: /** @type {string[]} */ (args),
    times: [],
    reports: [],
  }));
  for (let i = 0; i < WARMUP_PROCESS; i++) {
    for (const c of cases) {
      await yieldToEvents();
      timeProcess(c.args, c.cwd);
    }
  }
  for (let i = 0; i < RUNS_PROCESS; i++) {
    for (let j = 0; j < cases.length; j++) {
      await yieldToEvents();
      const c = /** @type {(typeof cases)[number]} */ (cases[(i + j) % cases.length]);
      const { ms: wall, report } = timeProcess(c.args, c.cwd);
      c.times.push(wall - (report.excluded ?? 0));
      c.reports.push(report);
    }
  }
  const byKey = Object.fromEntries(cases.map((c) => [c.key, c]));
  /** @param {string} key */
  const caseOf = (key) => {
    const c = byKey[key];
    if (!c) throw new Error(key);
    return c;
  };
  /** @param {string} key @param {string} [field] a phase the child reported, else the wall-clock time */
  const values = (key, field) => {
    const c = caseOf(key);
    return field ? c.reports.map((r) => r[field] ?? NaN) : c.times;
  };
  /** @param {string} key @param {string} [field] */
  const st = (key, field) => stats(values(key, field));

  // The table.
  const meaningful = !fallback;
  const [oldTimes, newTimes] = [sides[0]?.times ?? [], sides[1]?.times ?? []];
  const [o, n] = [stats(oldTimes), stats(newTimes)];
  console.log('');
  console.log(
    `1. Engine: parse + compute + render (computeFromSnapshot) on the same grids — in process, ` +
      `${WARMUP_IN_PROCESS} warm-up + ${RUNS_IN_PROCESS} interleaved runs each`,
  );
  printStats([
    [old.label, o],
    [current.label, n],
  ]);
  printRatio('ratio new/old', newTimes, oldTimes, ENGINE_TARGET, meaningful);
  console.log('');
  console.log(
    `   Cold: a fresh node process requires the engine, reads the workbook with its host and computes once — ` +
      `${WARMUP_PROCESS} warm-up + ${RUNS_PROCESS} interleaved runs each`,
  );
  printStats([
    [`${old.label}: first computeFromSnapshot`, st('coldOld', 'compute')],
    [`${current.label}: first computeFromSnapshot`, st('coldNew', 'compute')],
    [`${old.label}: require the engine`, st('coldOld', 'requireEngine')],
    [`${current.label}: require the engine`, st('coldNew', 'requireEngine')],
    [`${old.label}: whole process`, st('coldOld')],
    [`${current.label}: whole process`, st('coldNew')],
  ]);
  printRatio(
    'ratio new/old, first computeFromSnapshot',
    values('coldNew', 'compute'),
    values('coldOld', 'compute'),
    ENGINE_TARGET,
    meaningful,
  );
  if (process.env.BENCH_INSTRUCTIONS === '0') console.log('   Instructions: skipped (BENCH_INSTRUCTIONS=0)');
  else if (!hasValgrind()) console.log('   Instructions: skipped (valgrind is not installed)');
  else {
    /** The first computeFromSnapshot's instructions in a fresh process (with it minus without it). */
    const coldInstructions = (/** @type {Engine} */ engine, /** @type {unknown} */ snapshot, /** @type {string} */ name) => {
      const file = path.join(tmp, `snapshot-${name}.bin`);
      fs.writeFileSync(file, v8.serialize(snapshot));
      const args = (/** @type {string} */ compute) => ['-e', childSource(instructionsChild), engine.dist, file, compute];
      return callgrindInstructions(args('1'), tmp) - callgrindInstructions(args('0'), tmp);
    };
    const oldCount = coldInstructions(old, oldSnapshot, 'old');
    const newCount = coldInstructions(current, newSnapshot, 'new');
    const mega = (/** @type {number} */ x) => `${(x / 1e6).toFixed(0)} M`;
    console.log(
      `   Instructions of the first computeFromSnapshot (callgrind, node --single-threaded, the grids deserialized): ` +
        `${old.label} ${mega(oldCount)}, ${current.label} ${mega(newCount)}`,
    );
    const r = newCount / oldCount;
    const verdict = !meaningful ? 'not meaningful: the new side is the baseline' : r <= ENGINE_TARGET ? 'met' : 'NOT met';
    console.log(`  ratio new/old, instructions: ${ratioText(r)}   target ≤ ${ENGINE_TARGET.toFixed(2)}  ${verdict}`);
  }
  console.log('');
  console.log(
    `2. The command against the least file I/O it needs — fresh node processes, wall clock, ` +
      `${WARMUP_PROCESS} warm-up + ${RUNS_PROCESS} interleaved runs each`,
  );
  const cmd = command.label.replace(/^(old|new)/, '$1 command');
  console.log('   (a) first refresh of the input-only workbook');
  printStats([
    [`${cmd}: refresh national.xlsx --out`, st('commandFirst')],
    ['ExcelJS: read national.xlsx, write the result¹', st('leastFirst')],
    [`${old.label.replace('old', 'old command')} (reference)`, st('oldCommandFirst')],
  ]);
  printRatio('ratio command/least I/O', values('commandFirst'), values('leastFirst'), IO_TARGET, !commandFallback);
  console.log(`  for reference, old command/least I/O: ${ratioText(st('oldCommandFirst').median / st('leastFirst').median)}`);
  console.log('   (b) refresh of a refreshed workbook (input and output sheets)');
  printStats([
    [`${cmd}: refresh refreshed.xlsx --out`, st('commandAgain')],
    ['ExcelJS: read refreshed.xlsx, write it', st('leastAgain')],
    [`${old.label.replace('old', 'old command')} (reference)²`, st('oldCommandAgain')],
  ]);
  printRatio('ratio command/least I/O', values('commandAgain'), values('leastAgain'), IO_TARGET, !commandFallback);
  console.log(`  for reference, old command/least I/O: ${ratioText(st('oldCommandAgain').median / st('leastAgain').median)}`);
  console.log('');
  console.log(
    '¹ The result is the workbook the command wrote beforehand; the child loads it after reading the input, and\n' +
      `  that load (median ${ms(st('leastFirst', 'excluded').median)}) is subtracted: it stands for the computation.`,
  );
  console.log('² The old command refreshes the workbook the old command refreshed.');
  console.log(`machine at the end: ${loadText()}`);
  if (fallback) console.log('The new engine was unavailable: every "new" row is the baseline (see the message above).');
  else if (commandFallback) console.log('The new command failed: the "new command" rows are the old command (see above).');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
