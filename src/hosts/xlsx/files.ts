/** File I/O for the command line: load an .xlsx, save it atomically (temporary file + rename). */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Write to a temporary file beside the target, flush it, then rename over the target. */
export async function saveWorkbookAtomic(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
