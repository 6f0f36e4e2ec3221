#!/usr/bin/env node
// Writes examples/rar-sormland-2024-uppfoljning.xlsx: the bundled example (plan 2024–2026) with six months
// of illustrative actual outcome for 2024 (src/workbook/exampleFollowUp.ts). Reproducible: the same sheets
// and a fixed creation date every time; test/followUp.test.ts checks the file against the source.
// Run: npm run build:cli && node scripts/make-followup-example.js
'use strict';
const path = require('path');
const ExcelJS = require('exceljs');

const dist = path.join(__dirname, '..', 'dist-cli');
/** @type {{ addTemplateSheets: (workbook: import('exceljs').Workbook, sheets: unknown[]) => string[] }} */
const { addTemplateSheets } = require(path.join(dist, 'hosts', 'xlsx', 'xlsxHost.js'));
/** @type {{ followUpExampleSheets: () => unknown[], FOLLOW_UP_EXAMPLE_FILE: string }} */
const { followUpExampleSheets, FOLLOW_UP_EXAMPLE_FILE } = require(path.join(dist, 'workbook', 'exampleFollowUp.js'));

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Finsam Budget';
  wb.created = new Date(Date.UTC(2024, 6, 1));
  wb.modified = wb.created;
  addTemplateSheets(wb, followUpExampleSheets());
  const file = path.join(__dirname, '..', 'examples', FOLLOW_UP_EXAMPLE_FILE);
  await wb.xlsx.writeFile(file);
  process.stdout.write(`${file}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
