#!/usr/bin/env node
// `npm start`: serve the task pane over https on localhost:3000. Where desktop Excel exists (Windows,
// macOS) it also sideloads manifest.xml through office-addin-debugging, fetched on demand by npx (it
// is not a dependency: its keytar download would break `npm ci` on machines like this one).
// On Linux it serves the standalone preview and explains how to sideload into Excel on the web.
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const fs = require('fs');
const os = require('os');

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

/**
 * A localhost certificate desktop Excel trusts: office-addin-dev-certs (Microsoft's, pure JavaScript)
 * where it is installed. On Windows and macOS it creates the certificates and installs its CA in the
 * user's trust store (asking once); elsewhere certificates made and trusted before
 * (`npx office-addin-dev-certs install`) are used. Without it, webpack-dev-server's self-signed one.
 * @returns {Promise<boolean>}
 */
async function trustedCertificate() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key'), ca: path.join(dir, 'ca.crt') };
  /** @type {any} */
  let devCerts = null;
  try {
    const devCertsPackage = 'office-addin-dev-certs'; // optional: not every checkout has it
    devCerts = require(devCertsPackage);
  } catch {
    devCerts = null;
  }
  try {
    if (devCerts && desktop) await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.log(`Kunde inte installera utvecklingscertifikatet (${e instanceof Error ? e.message : e}).`);
  }
  if (!fs.existsSync(files.cert) || !fs.existsSync(files.key)) return false;
  process.env.FINSAM_HTTPS_CERT = files.cert;
  process.env.FINSAM_HTTPS_KEY = files.key;
  if (fs.existsSync(files.ca)) process.env.FINSAM_HTTPS_CA = files.ca;
  return true;
}

async function main() {
  const trusted = await trustedCertificate();
  console.log(
    trusted
      ? 'Certifikat: office-addin-dev-certs (~/.office-addin-dev-certs).'
      : 'Certifikat: självsignerat av webpack-dev-server (inte betrott av skrivbords-Excel; se README).',
  );
  start();
}

function start() {
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
}

void main();
