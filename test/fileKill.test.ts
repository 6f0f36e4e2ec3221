/**
 * The kill test: a child process replaces an 8 MB file in place with writeFileAtomic and is killed with
 * SIGKILL or SIGINT at a random (seeded) moment of the write, 30 times. Each time the target must be
 * byte-identical to the old or the new content, keep its mode, and after SIGINT no temporary file may
 * remain; after SIGKILL, cleanStaleTemps removes what is left.
 */
import { ChildProcess, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cleanStaleTemps } from '../src/hosts/xlsx/files';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileFiles, childEnv } = require('./fixtures/compileFiles.js') as {
  compileFiles: (outDir: string) => string;
  childEnv: () => NodeJS.ProcessEnv;
};

const ROUNDS = 30;
const SEED = 20261201;

/** mulberry32: a small seeded generator, so a failing round can be repeated. */
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

/** The content of round `i`: its own size and bytes, so a mix or a cut of two versions is never equal to either. */
function content(i: number): Buffer {
  const size = 8 * 1024 * 1024 + i * 4099;
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = (i + 1) * 2654435761;
  for (let w = 0; w < words.length; w++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[w] = x >>> 0;
  }
  return Buffer.from(words.buffer, 0, size);
}

interface Run {
  child: ChildProcess;
  ready: Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function start(modulePath: string, target: string, source: string, selfSignal?: NodeJS.Signals): Run {
  const args = [
    path.join(__dirname, 'fixtures', 'writeInPlace.js'),
    modulePath,
    target,
    source,
    ...(selfSignal ? [selfSignal] : []),
  ];
  const child = spawn(process.execPath, args, {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('ready')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      onReady();
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, ready, exit };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('killed at random moments of an in-place write, the file is always the old or the new one, and no temporary file stays', async () => {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'finsam-kill-'));
  try {
    const modulePath = compileFiles(path.join(work, 'compiled'));
    const dir = path.join(work, 'data');
    await fs.mkdir(dir);
    const target = path.join(dir, 'budget.xlsx');
    const source = path.join(work, 'next.bin');
    let current = content(0);
    await fs.writeFile(target, current);
    await fs.chmod(target, 0o640);

    // how long a write takes here: the kills are spread over 1.3 times the fastest after "ready"
    const timings: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const next = content(100 + i);
      await fs.writeFile(source, next);
      const { exit } = start(modulePath, target, source);
      const result = await exit;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      timings.push(Number(/done ([\d.]+)/.exec(result.stdout)![1]));
      current = next;
    }
    const window = Math.max(5, 1.3 * Math.min(...timings));

    const random = generator(SEED);
    const outcomes = { old: 0, new: 0, interruptedExit: 0, leftByKill: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      const signal: NodeJS.Signals = random() < 0.5 ? 'SIGKILL' : 'SIGINT';
      const delay = random() * window;
      const next = content(round);
      await fs.writeFile(source, next);
      const run = start(modulePath, target, source);
      await run.ready;
      await sleep(delay);
      run.child.kill(signal);
      const result = await run.exit;
      const where = `round ${round} (${signal} after ${delay.toFixed(1)} ms)`;

      const after = await fs.readFile(target);
      const isOld = after.equals(current);
      const isNew = after.equals(next);
      expect({ where, intact: isOld || isNew }).toEqual({ where, intact: true });
      expect({ where, mode: (await fs.stat(target)).mode & 0o777 }).toEqual({ where, mode: 0o640 });
      if (isNew) outcomes.new++;
      else outcomes.old++;

      const temps = (await fs.readdir(dir)).filter((n) => n !== 'budget.xlsx');
      if (signal === 'SIGINT') {
        expect({ where, temps }).toEqual({ where, temps: [] });
        // handled (130) while writing; before or after the write Node's default handling ends it
        expect({ where, ok: result.code === 130 || result.signal === 'SIGINT' || result.code === 0 }).toEqual({
          where,
          ok: true,
        });
        if (result.code === 130) {
          outcomes.interruptedExit++;
          const said = isNew
            ? /^Avbrutet\. ”.*” hann skrivas färdigt/
            : /^Avbrutet\. ”.*” är oförändrad; ingen tillfällig fil finns kvar\./;
          expect({ where, said: said.test(result.stderr) ? 'ok' : result.stderr }).toEqual({ where, said: 'ok' });
        }
      } else {
        if (temps.length > 0) outcomes.leftByKill++;
        const removed = await cleanStaleTemps(dir, 'budget.xlsx');
        expect({ where, removed: removed.sort() }).toEqual({ where, removed: temps.sort() });
        expect({ where, left: await fs.readdir(dir) }).toEqual({ where, left: ['budget.xlsx'] });
      }
      current = after;
    }
    console.log(
      `kill test: write ${timings.map((t) => t.toFixed(0)).join('/')} ms, kills within ${window.toFixed(0)} ms of "ready"; ` +
        `${outcomes.old} left the old file, ${outcomes.new} the new one; ${outcomes.interruptedExit} SIGINTs handled mid-write (exit 130), ` +
        `${outcomes.leftByKill} SIGKILLs left a temporary file (removed by cleanStaleTemps)`,
    );
    // the kills did land during writes, not only before or after them
    expect(outcomes.interruptedExit + outcomes.leftByKill).toBeGreaterThan(0);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}, 60000);

test.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
  ['SIGHUP', 129],
] as const)(
  '%s while the temporary file exists: exit %d, the original unchanged, no temporary file, a Swedish note',
  async (signal, code) => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'finsam-signal-'));
    try {
      const modulePath = compileFiles(path.join(work, 'compiled'));
      const dir = path.join(work, 'data');
      await fs.mkdir(dir);
      const target = path.join(dir, 'budget.xlsx');
      const old = content(1);
      await fs.writeFile(target, old);
      await fs.chmod(target, 0o600);
      const source = path.join(work, 'next.bin');
      await fs.writeFile(source, content(2));
      const result = await start(modulePath, target, source, signal).exit;
      expect(result.code).toBe(code);
      expect(result.stderr).toBe(`Avbrutet. ”${target}” är oförändrad; ingen tillfällig fil finns kvar.\n`);
      expect((await fs.readFile(target)).equals(old)).toBe(true);
      expect(await fs.readdir(dir)).toEqual(['budget.xlsx']);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  },
);
