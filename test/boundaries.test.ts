/**
 * The architecture's import boundaries, as ESLint enforces them (eslint.config.js, BOUNDARIES): small
 * snippets linted with the project's real config as if they were files at the given paths.
 */
import { ESLint, Linter } from 'eslint';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import tseslint from 'typescript-eslint';

const root = path.resolve(__dirname, '..');

const BOUNDARY_RULES = new Set(['finsam/boundaries', 'no-restricted-globals']);

// The project's real config, loaded here because ESLint's own loader uses a dynamic import() that jest
// does not support. The snippets' paths do not exist, so they cannot be in the TypeScript project: the
// type-aware rules are switched off (typescript-eslint's own preset for that).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const projectConfig = require('../eslint.config.js') as Linter.Config[];
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  baseConfig: [...projectConfig, { files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
  // Only the boundary rules run (the others are npm run lint's business, and slow here).
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

/** The boundary errors ESLint reports for `code` as the file `file`; a parse error fails the test. */
async function boundaryErrors(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) });
  const messages = result!.messages;
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file}: ${fatal.map((m) => m.message).join('; ')}`);
  return messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId));
}

/** The .ts, .tsx and .js files under `dir`, as ESLint would lint them (its ignores left out). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['artifacts', '__snapshots__', 'node_modules'].includes(entry.name) ? [] : sourceFiles(file);
    return /\.(tsx?|js)$/.test(entry.name) ? [file] : [];
  });
}

type Case = [file: string, code: string];

const forbidden: Case[] = [
  // src/engine: decimal.js and itself, nothing else, in any import form
  ['src/engine/x.ts', "import { parsePlan } from '../workbook/parse';"],
  ['src/engine/x.ts', "import type { Grid } from '../workbook/grid';"],
  ['src/engine/x.ts', "export * from '../workbook/grid';"],
  ['src/engine/x.ts', "export { t } from '../messages';"],
  ['src/engine/x.ts', "import { t } from '../messages/index';"],
  ['src/engine/x.ts', "import React from 'react';"],
  ['src/engine/x.ts', "import ExcelJS from 'exceljs';"],
  ['src/engine/x.ts', "import '@microsoft/office-js';"],
  ['src/engine/x.ts', "import { readFileSync } from 'fs';"],
  ['src/engine/x.ts', "import * as path from 'node:path';"],
  ['src/engine/x.ts', "import { xlsxHost } from '../hosts/xlsx/xlsxHost';"],
  ['src/engine/x.ts', "const grid = require('../workbook/grid');"],
  ['src/engine/x.ts', "export const load = () => import('exceljs');"],
  ['src/engine/x.ts', "import grid = require('../workbook/grid');"],
  ['src/engine/x.ts', "export type G = import('../workbook/grid').Grid;"],
  ['src/engine/sub/x.ts', "import { Grid } from '../../workbook/grid';"],
  ['src/engine/x.ts', 'export const run = () => Excel.run(async () => undefined);'],
  ['src/engine/x.ts', 'export const env = process.env.X;'],
  // nothing outside src/taskpane imports it
  ['src/hosts/excel/excelPane.ts', "import { App } from '../../taskpane/App';"],
  ['src/hosts/paneHost.ts', "import type { Props } from '../taskpane/App';"],
  ['src/workbook/x.ts', "import { Summary } from '../taskpane/components/Summary';"],
  ['src/cli/main.ts', "import { App } from '../taskpane/App';"],
  ['test/x.test.ts', "import { App } from '../src/taskpane/App';"],
  ['scripts/x.js', "require('../src/taskpane/App');"],
  // nothing imports src/cli but bin/ and tests
  ['src/workbook/x.ts', "import { main } from '../cli/main';"],
  ['src/hosts/xlsx/x.ts', "import { main } from '../../cli/main';"],
  ['src/taskpane/x.ts', "import { main } from '../cli/main';"],
  ['scripts/x.js', "require('../src/cli/main');"],
  // src/hosts never imports the UI
  ['src/hosts/excel/x.ts', "import { useState } from 'react';"],
  ['src/hosts/standalone/x.ts', "import { createRoot } from 'react-dom/client';"],
  ['src/hosts/x.ts', "import { Button } from '@fluentui/react-components';"],
  ['src/hosts/x.ts', "import { tokens } from '@fluentui/tokens';"],
  // src/workbook and src/messages: no hosts, taskpane, cli, React, ExcelJS, Office (or Node built-ins)
  ['src/workbook/x.ts', "import { readGrid } from '../hosts/xlsx/xlsxHost';"],
  ['src/workbook/x.ts', "import type { PaneHost } from '../hosts/paneHost';"],
  ['src/workbook/x.ts', "import ExcelJS from 'exceljs';"],
  ['src/workbook/x.ts', "import React from 'react';"],
  ['src/workbook/x.ts', "import 'office-addin-mock';"],
  ['src/workbook/x.ts', "import { promises } from 'fs';"],
  ['src/workbook/x.ts', 'export const ctx = Office.context;'],
  ['src/messages/x.ts', "import type { FileProblem } from '../hosts/xlsx/files';"],
  ['src/messages/x.ts', "import { App } from '../taskpane/App';"],
  ['src/messages/x.ts', "import { main } from '../cli/main';"],
  ['src/messages/x.ts', "import { Text } from '@fluentui/react-components';"],
  ['src/messages/x.ts', "import * as path from 'path';"],
];

const allowed: Case[] = [
  ['src/engine/x.ts', "import Decimal from 'decimal.js';"],
  ['src/engine/x.ts', "import { kr } from './money';"],
  ['src/engine/x.ts', "import type { Plan } from './types';"],
  ['src/engine/sub/x.ts', "import { kr } from '../money';"],
  ['src/workbook/x.ts', "import { kr } from '../engine/money';"],
  ['src/workbook/x.ts', "import { t } from '../messages';"],
  ['src/workbook/x.ts', "import type { Grid } from './grid';"],
  ['src/messages/x.ts', "import type { Plan } from '../engine/types';"],
  ['src/hosts/xlsx/x.ts', "import ExcelJS from 'exceljs';"],
  ['src/hosts/xlsx/x.ts', "import { promises } from 'fs';"],
  ['src/hosts/excel/x.ts', "import type { Grid } from '../../workbook/grid';"],
  ['src/hosts/excel/x.ts', "import type { PaneHost } from '../paneHost';"],
  ['src/hosts/excel/x.ts', 'export const run = () => Excel.run(async () => undefined);'],
  ['src/taskpane/components/X.tsx', "import { App } from '../App';"],
  ['src/taskpane/x.ts', "import { useState } from 'react';"],
  ['src/taskpane/x.ts', "import type { PaneHost } from '../hosts/paneHost';"],
  ['src/cli/x.ts', "import { main } from './main';"],
  ['src/cli/x.ts', "import ExcelJS from 'exceljs';"],
  ['test/x.test.ts', "import { main } from '../src/cli/main';"],
  ['test/x.test.ts', "import { plan } from '../src/engine/plan';"],
  ['bin/x.js', "require('../dist-cli/cli/main.js');"],
  ['scripts/x.js', "require('../dist-cli/engine/plan.js');"],
];

describe('import boundaries (eslint.config.js)', () => {
  test.each(forbidden)('%s: `%s` is an error', async (file, code) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.severity).toBe(2);
  });

  test.each(allowed)('%s: `%s` is allowed', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });

  test("the project's own files keep them (so a forbidden import fails npm test, not only npm run lint)", async () => {
    // lintFiles() globs through a dynamic import() too, so the files are listed here.
    const files = ['src', 'test', 'scripts', 'bin'].flatMap((dir) => sourceFiles(path.join(root, dir)));
    const results = await Promise.all(
      files.map(async (file) => (await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file }))[0]!),
    );
    const linted = results.map((r) => path.relative(root, r.filePath).split(path.sep).join('/'));
    expect(linted).toEqual(expect.arrayContaining(['src/engine/plan.ts', 'src/workbook/parse.ts', 'bin/finsam-budget.js']));
    const violations = results.flatMap((r) =>
      r.messages
        .filter((m) => m.fatal || (m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)))
        .map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`),
    );
    expect(violations).toEqual([]);
  });

  test('the message says which boundary and why', async () => {
    const [error] = await boundaryErrors('src/engine/x.ts', "import { parsePlan } from '../workbook/parse';");
    expect(error!.message).toMatch(/'\.\.\/workbook\/parse' may not be imported here: src\/engine\/ .*decimal\.js/);
  });
});
