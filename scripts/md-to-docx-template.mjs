#!/usr/bin/env node
/**
 * Regenerate the .docx twin of every Markdown template of a pack (default packs/default):
 * <name>.md -> <name>.docx, same tags, title from the first heading. Only files whose bytes
 * change are written. Uses the compiled converter, so build first:
 *
 *     npm run build && node scripts/md-to-docx-template.mjs [pack directory...]
 *
 * test/render/docx-template/twins.test.ts fails when a twin is missing or out of date.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist/render/docx-template/twins.js');
if (!existsSync(compiled)) {
  console.error(`md-to-docx-template: ${relative(process.cwd(), compiled)} is missing; run "npm run build" first`);
  process.exit(2);
}
const { writeDocxTwins } = await import(pathToFileURL(compiled).href);

const dirs = process.argv.slice(2);
let failed = false;
for (const dir of dirs.length > 0 ? dirs : [join(root, 'packs/default')]) {
  if (!existsSync(dir)) {
    console.error(`md-to-docx-template: no directory ${dir}`);
    failed = true;
    continue;
  }
  // upToDate tells the state before writing.
  for (const t of writeDocxTwins(dir)) {
    console.log(`${relative(process.cwd(), t.docxPath)}: ${t.upToDate ? 'up to date' : 'written'}`);
  }
}
process.exit(failed ? 1 : 0);
