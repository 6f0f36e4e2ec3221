/** External tools for the fidelity corpus: LibreOffice and openpyxl (skipped visibly when missing, failing under CI). */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const PYTHON = '/usr/bin/python3';

function has(cmd: string, args: string[]): boolean {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore', timeout: 60000 }).status === 0;
  } catch {
    return false;
  }
}

export const hasSoffice = has('soffice', ['--version']);
export const hasOpenpyxl = has(PYTHON, ['-c', 'import openpyxl']);
export const hasPIL = hasOpenpyxl && has(PYTHON, ['-c', 'import PIL']);

/** `describe` or a visible skip (a failure under CI=true) when a tool is missing. */
export function describeWithTool(available: boolean, tool: string, title: string, body: () => void): void {
  if (available) {
    describe(title, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it(`needs ${tool}`, () => {
        throw new Error(`${tool} is missing (required under CI)`);
      });
    });
    return;
  }
  console.warn(`SKIPPED: ${title} — ${tool} is not installed`);
  describe.skip(`${title} (${tool} missing)`, body);
}

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Remove the temporary directories made by tempDir (call in afterAll). */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Convert files with LibreOffice (one process, its own profile so that runs do not collide). */
export function sofficeConvert(files: string[], to: string, outDir: string, filter?: string): void {
  const profile = tempDir('lo-profile-');
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter ? `${to}:${filter}` : to,
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 180000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** One sheet of an .xlsx as CSV rows, through LibreOffice (sheet by 1-based position). */
export function sofficeSheetCsv(file: string, sheetPosition: number): string[][] {
  const outDir = tempDir('lo-csv-');
  try {
    // Filter options: separator 44 (,), quote 34 ("), UTF-8 (76), first line 1, …, sheet number (12th token).
    sofficeConvert(
      [file],
      'csv',
      outDir,
      `Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetPosition}`,
    );
    const base = path.basename(file).replace(/\.[^.]+$/, '');
    const produced = fs.readdirSync(outDir).find((f) => f.startsWith(base) && f.endsWith('.csv'));
    if (!produced) throw new Error(`LibreOffice produced no CSV for ${file}`);
    return parseCsv(fs.readFileSync(path.join(outDir, produced), 'utf8'));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (q) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function runPython(script: string, cwd: string): void {
  execFileSync(PYTHON, ['-c', script], { cwd, stdio: 'pipe', timeout: 120000 });
}
