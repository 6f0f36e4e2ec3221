/**
 * The real command, killed: an in-place `refresh` of a national-scale workbook (290 kommuner, 2 000
 * interventions, 10 years) is stopped with SIGKILL or SIGINT at a random (seeded) moment, 30 times.
 * Each time the file must be byte-identical to the original or to the completely refreshed workbook
 * (every package part as the refresh writes it), and after SIGINT no temporary file may remain.
 */
import ExcelJS from 'exceljs';
import { spawn, spawnSync } from 'child_process';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as path from 'path';
import { cleanStaleTemps } from '../src/hosts/xlsx/files';
import { addTemplateSheets } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets } from '../src/workbook/example';
import { cliPath, tempDir } from './helpers/files';
import { nationalSheets } from './helpers/national';

const ROUNDS = 30;
const SEED = 20261202;

function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let original: Buffer;
let refreshed: Map<string, Buffer>;

/** A package's parts and their bytes (zip entries carry the time they were written, so compare parts). */
async function parts(bytes: Buffer): Promise<Map<string, Buffer> | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const out = new Map<string, Buffer>();
    for (const name of Object.keys(zip.files).sort()) out.set(name, await zip.files[name]!.async('nodebuffer'));
    return out;
  } catch {
    return null; // not a readable package: damaged
  }
}

function sameParts(a: Map<string, Buffer> | null, b: Map<string, Buffer>): boolean {
  return a !== null && a.size === b.size && [...b].every(([name, bytes]) => a.get(name)?.equals(bytes) === true);
}
let duration: number;
const bin = cliPath();

beforeAll(async () => {
  dir = await tempDir();
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, nationalSheets(exampleSheets()));
  const source = path.join(dir, 'national-source.xlsx');
  await wb.xlsx.writeFile(source);
  original = await fs.readFile(source);
  const reference = path.join(dir, 'national-reference.xlsx');
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, 'refresh', source, '--out', reference], { encoding: 'utf8' });
  duration = Date.now() - started;
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  refreshed = (await parts(await fs.readFile(reference)))!;
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test(`${ROUNDS} kills at random moments: the workbook is the original or completely refreshed`, async () => {
  const random = generator(SEED);
  const target = path.join(dir, 'national.xlsx');
  const outcomes = { original: 0, refreshed: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    await fs.writeFile(target, original);
    const signal: NodeJS.Signals = random() < 0.5 ? 'SIGKILL' : 'SIGINT';
    // Anywhere from the start to a little past a normal run's end, so that the write itself is hit too.
    const delay = Math.floor(random() * duration * 1.1);
    const child = spawn(process.execPath, [bin, 'refresh', target], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill(signal);
    await exited;
    const now = await fs.readFile(target);
    const isOriginal = now.equals(original);
    const isRefreshed = !isOriginal && sameParts(await parts(now), refreshed);
    expect({ round, signal, delay, intact: isOriginal || isRefreshed }).toEqual({ round, signal, delay, intact: true });
    outcomes[isOriginal ? 'original' : 'refreshed']++;
    const leftovers = (await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'));
    if (signal === 'SIGINT') expect({ round, leftovers }).toEqual({ round, leftovers: [] });
    else await cleanStaleTemps(dir, 'national.xlsx', Date.now() + 2 * 3600_000);
  }
  // Both outcomes happen: the kills really land before and after the rename.
  process.stdout.write(`refresh kill test: ${JSON.stringify(outcomes)} (a normal run takes ${duration} ms)\n`);
  expect(outcomes.original + outcomes.refreshed).toBe(ROUNDS);
}, 300_000);
