#!/usr/bin/env node
'use strict';
// The command line; the TypeScript is compiled to dist-cli/ by `npm run build:cli` (run by `npm ci`).
const { main } = require('../dist-cli/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Internt fel: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
