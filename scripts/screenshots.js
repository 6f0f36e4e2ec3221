#!/usr/bin/env node
'use strict';
/**
 * The board sheets' pictures in docs/screenshots/: the bundled example refreshed by the command, printed
 * to PDF by LibreOffice (headless, a private profile in Swedish), and the first page of Sammanfattning,
 * Fördelning, Budget and Balansplan as PNG (pdftoppm -r 80). Pages are found by their page header
 * (förbund · sheet · date), as test/pdf.test.ts does.
 *
 *   npm run screenshots        (builds the command first; needs soffice and poppler-utils)
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'docs', 'screenshots');
const FORBUND = 'Samordningsförbundet RAR i Sörmland';
/** @type {[string, string][]} */
const SHEETS = [
  ['Sammanfattning', 'board-sammanfattning.png'],
  ['Fördelning', 'board-fordelning.png'],
  ['Budget', 'board-budget.png'],
  ['Balansplan', 'board-balansplan.png'],
];

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error ? r.error.message : r.stderr}`);
  }
  return r.stdout;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-shots-'));
try {
  const xlsx = path.join(dir, 'exempel.xlsx');
  run(process.execPath, [
    path.join(root, 'bin', 'finsam-budget.js'),
    'refresh',
    path.join(root, 'examples', 'rar-sormland-2024.xlsx'),
    '--out',
    xlsx,
  ]);
  const user = path.join(dir, 'lo-profile', 'user');
  fs.mkdirSync(user, { recursive: true });
  /** @param {string} name */
  const item = (name) =>
    `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${name}" oor:op="fuse"><value>sv-SE</value></prop></item>`;
  fs.writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
      'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `${item('ooSetupSystemLocale')}${item('ooLocale')}</oor:items>\n`,
  );
  run('soffice', [
    `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    dir,
    xlsx,
  ]);
  const pdf = path.join(dir, 'exempel.pdf');
  const pages = run('pdftotext', ['-layout', pdf, '-']).split('\f');
  /** @param {string} page */
  const sheetOf = (page) => {
    const first = page.split('\n').find((/** @type {string} */ l) => l.trim() !== '') || '';
    const m = /^\s*(.*?)\s{2,}(.+?)\s{2,}(\d{4}-\d{2}-\d{2})\s*$/.exec(first);
    return m && m[1] === FORBUND ? String(m[2]) : null;
  };
  fs.mkdirSync(out, { recursive: true });
  for (const [sheet, file] of SHEETS) {
    const index = pages.findIndex((p) => sheetOf(p) === sheet);
    if (index < 0) throw new Error(`no printed page of ${sheet}`);
    const target = path.join(out, file);
    run('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      String(index + 1),
      '-l',
      String(index + 1),
      '-singlefile',
      pdf,
      target.replace(/\.png$/, ''),
    ]);
    console.log(`${sheet}: page ${index + 1} → ${path.relative(root, target)}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
