#!/usr/bin/env node
'use strict';
// The command line; the TypeScript is compiled to dist-cli/ by `npm run build:cli` (run by `npm ci`).
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
});
const { main } = require('../dist-cli/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug of ours, not the user's input: say so in one line, with no stack, and write nothing.
    const what = error && error.message ? error.message : String(error);
    process.stderr.write(`Ett oväntat fel i Finsam Budget stoppade körningen; ingenting har skrivits. (${what})\n`);
    process.exitCode = 2;
  },
);
