import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { promises as fs, existsSync } from 'fs';
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
): Promise<string> {
  const sheets = exampleSheets();
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

/** The compiled command (npm ci runs `prepare`, which builds it); built here if missing. */
export function cliPath(): string {
  const root = path.resolve(__dirname, '..', '..');
  if (!existsSync(path.join(root, 'dist-cli', 'cli', 'main.js'))) {
    execFileSync(process.execPath, [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      path.join(root, 'tsconfig.cli.json'),
    ]);
  }
  return path.join(root, 'bin', 'finsam-budget.js');
}
