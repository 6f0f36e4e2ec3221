#!/usr/bin/env node
// `npm start`: serve the task pane over https on localhost:3000. Where desktop Excel exists (Windows,
// macOS) it also sideloads manifest.xml through office-addin-debugging, fetched on demand by npx (it
// is not a dependency: its keytar download would break `npm ci` on machines like this one).
// On Linux it serves the standalone preview and explains how to sideload into Excel on the web.
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const port = process.env.PORT || '3000';
const url = `https://localhost:${port}/taskpane.html`;
const desktop = process.platform === 'win32' || process.platform === 'darwin';

/**
 * @param {string} cmd
 * @param {string[]} args
 */
function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(sig, () => child.kill(sig));
  return child;
}

if (desktop && !process.env.FINSAM_NO_SIDELOAD) {
  console.log('Startar utvecklingsservern och sidladdar manifest.xml i Excel (office-addin-debugging)…');
  run('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop']);
} else {
  console.log(`Finsam Budget serveras på ${url}
- Öppna adressen i en webbläsare för den fristående förhandsvisningen (godkänn det självsignerade certifikatet).
- Excel på webben: Infoga › Tillägg › Hantera mina tillägg › Ladda upp mitt tillägg, välj manifest.xml.
  Webbläsaren måste först ha godkänt certifikatet för ${url}.
- Skrivbords-Excel finns inte på den här datorn (${process.platform}); se README för sidladdning.`);
  run(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development']);
}
