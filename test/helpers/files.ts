import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { promises as fs, existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addTemplateSheets, readGrid } from '../../src/hosts/xlsx/xlsxHost';
import { exampleSheets, TemplateSheet } from '../../src/workbook/example';

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'finsam-'));
}

/** Write the bundled example, changed by `mutate`, to a real .xlsx file. */
export async function exampleFile(
  dir: string,
  name: string,
  mutate: (sheets: TemplateSheet[]) => void = () => undefined,
  /** The sheets to start from: the example (default), or e.g. the template's (the example with its scenario). */
  base: () => TemplateSheet[] = exampleSheets,
): Promise<string> {
  const sheets = base();
  mutate(sheets);
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, sheets);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

export function sheetOf(sheets: TemplateSheet[], name: string): TemplateSheet {
  return sheets.find((s) => s.name === name)!;
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every sheet's values as plain grids, for comparing workbooks. */
export async function gridsOf(file: string): Promise<Record<string, unknown[][]>> {
  const wb = await readBook(file);
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, readGrid(ws).values]));
}

/** Newest modification time (ms) of a file, or of the files under a folder; 0 when it does not exist. */
function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

/**
 * The compiled command. `npm test` builds it first (`npm run build:cli`); a test run on its own
 * rebuilds it here when it is missing or older than any of its sources, so it never runs a stale build.
 */
export function cliPath(): string {
  const root = path.resolve(__dirname, '..', '..');
  const main = path.join(root, 'dist-cli', 'cli', 'main.js');
  const config = path.join(root, 'tsconfig.cli.json');
  const { include } = JSON.parse(readFileSync(config, 'utf8')) as { include: string[] };
  const sources = Math.max(statSync(config).mtimeMs, ...include.map((dir) => newestMtime(path.join(root, dir))));
  if (!existsSync(main) || statSync(main).mtimeMs < sources) {
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config], {
        encoding: 'utf8',
      });
    } catch (error) {
      const output = (error as { stdout?: string }).stdout ?? '';
      throw new Error(`The command does not build (tsc -p tsconfig.cli.json):\n${output}`);
    }
  }
  return path.join(root, 'bin', 'finsam-budget.js');
}
