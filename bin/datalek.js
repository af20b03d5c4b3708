#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('datalek: the compiled program is missing (dist/). Run `npm ci` or `npm run build` in the datalek folder first.\n');
  process.exit(70);
}
const { main, limitHeapGrowth, exitOnSignals } = await import(entry.href);
exitOnSignals();
limitHeapGrowth();
process.exitCode = await main(process.argv.slice(2));
