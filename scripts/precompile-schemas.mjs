// Part of `npm run build`, after tsc: writes dist/validate/compiled/<kind>.cjs, the precompiled
// yes/no validators of schemas/*.schema.json (see src/validate/precompiled.ts for why).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { PRECOMPILED_KINDS, precompiledFile, precompiledSource } = await import(new URL('../dist/validate/precompile.js', import.meta.url).href);
for (const kind of PRECOMPILED_KINDS) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8'));
  const out = join(root, precompiledFile(kind));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, precompiledSource(schema));
  renameSync(`${out}.tmp`, out);
}
