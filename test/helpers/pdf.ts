/**
 * Workbooks printed to PDF by LibreOffice (headless, a private profile in Swedish so that numbers and
 * months read as a Swedish Excel shows them) and read back with poppler's pdftotext / pdftoppm.
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';

const TOOLS = ['soffice', 'pdftotext', 'pdftoppm'] as const;

function found(tool: string): boolean {
  const r = spawnSync(tool, tool === 'soffice' ? ['--version'] : ['-v'], { encoding: 'utf8', timeout: 60_000 });
  return !r.error;
}

/** Under CI a missing tool is a failure; elsewhere the PDF tests skip with a visible message. */
export function requirePdfTools(): boolean {
  const missing = TOOLS.filter((t) => !found(t));
  if (missing.length === 0) return true;
  const message =
    `${missing.join(', ')} not found (apt-get install libreoffice-calc-nogui poppler-utils): PDF tests ` +
    (process.env.CI === 'true' ? 'FAIL under CI' : 'SKIPPED');
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\n*** ${message} ***\n\n`);
  return false;
}

/** A LibreOffice user profile whose locale is Swedish (sv-SE). */
async function swedishProfile(dir: string): Promise<string> {
  const user = path.join(dir, 'lo-profile', 'user');
  await fs.mkdir(user, { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${name}" oor:op="fuse"><value>sv-SE</value></prop></item>`;
  await fs.writeFile(
    path.join(user, 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item('ooSetupSystemLocale')}${item('ooLocale')}</oor:items>\n`,
  );
  return `file://${path.join(dir, 'lo-profile')}`;
}

/** Convert workbooks to PDF beside them (one LibreOffice run); returns the PDFs' paths. */
export async function toPdf(dir: string, files: string[]): Promise<string[]> {
  const profile = await swedishProfile(dir);
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
    { encoding: 'utf8', timeout: 240_000 },
  );
  const pdfs = files.map((f) => path.join(dir, `${path.basename(f, path.extname(f))}.pdf`));
  for (const pdf of pdfs) {
    const ok = await fs.stat(pdf).then(
      () => true,
      () => false,
    );
    if (!ok) throw new Error(`LibreOffice wrote no ${pdf}: ${r.stderr || r.stdout || String(r.error)}`);
  }
  return pdfs;
}

/** Each page's text (`pdftotext -layout`; pages end with a form feed). */
export function pageTexts(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const pages = r.stdout.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/**
 * The sheet a page belongs to, from its page header "förbund · sheet · date": the header's middle.
 * Null for a page without our header (the input sheets, which have no print setup of ours).
 */
export function sheetOfPage(page: string, forbund: string): string | null {
  const first = page.split('\n').find((l) => l.trim() !== '') ?? '';
  const m = /^\s*(.*?)\s{2,}(.+?)\s{2,}(\d{4}-\d{2}-\d{2})\s*$/.exec(first);
  if (!m || m[1] !== forbund) return null;
  return m[2]!;
}

/** Whitespace of any kind (columns, line breaks) as one space, for finding a label or a title. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');
